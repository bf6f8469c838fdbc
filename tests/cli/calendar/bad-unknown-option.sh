wfm-calendar --year 2025
