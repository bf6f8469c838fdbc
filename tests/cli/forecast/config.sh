# settings from ./wfm.conf ([forecast] level 95 % and horizon_days 3), then
# --config naming it with --level on the command line overriding the file
python3 "$FIX/forecast-gen.py" > history.csv
cp "$FIX/forecast-wfm.conf" wfm.conf
wfm-forecast --from 2025-04-22 --line A --channel phone history.csv
mkdir conf && mv wfm.conf conf/
wfm-forecast --config conf/wfm.conf --level 0.5 --from 2025-04-22 --line A --channel phone \
	history.csv
