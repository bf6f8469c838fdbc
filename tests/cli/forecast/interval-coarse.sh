# an hourly history forecast on the 15-minute grid: the intraday profile
# would have gaps, so a warning says to set the interval to 60
python3 "$FIX/forecast-gen.py" --interval 60 > history.csv
wfm-forecast --grain interval --from 2025-04-22 --days 1 --line B --channel chat history.csv \
	| head -n 6
