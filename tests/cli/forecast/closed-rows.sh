# --open-days mon-thu: the history's Friday rows fall on closed days; they are
# not used (a warning says how many) and Fridays are forecast 0
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --open-days mon-thu --days 7 --line A --channel email history.csv
