# --channel that is no channel, and one the history does not have: exit 64
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --channel fax -o forecast.csv history.csv
echo "exit $?"
wfm-forecast --channel social -o forecast.csv history.csv
rc=$?
ls
exit $rc
