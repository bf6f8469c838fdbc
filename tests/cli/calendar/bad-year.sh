wfm-calendar 2025 20x5
