wfm-calendar --config nothere.conf 2025
