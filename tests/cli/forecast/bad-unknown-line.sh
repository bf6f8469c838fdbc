# --line that neither the history nor the expected volumes know: exit 64
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --line Z -o forecast.csv history.csv
rc=$?
ls
exit $rc
