# --line and --channel select one series; a missing open day in the history
# (--skip, 2025-03-12) is missing data, not a zero; stdin as input
python3 "$FIX/forecast-gen.py" --skip 2025-03-12 > history.csv
wfm-forecast --line B --channel chat --days 4 - < history.csv
