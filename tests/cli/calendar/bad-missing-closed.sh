wfm-calendar --closed nothere.csv 2025
