# --expected naming a file that does not exist: exit 66
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --expected nosuch.csv -o forecast.csv history.csv
rc=$?
ls
exit $rc
