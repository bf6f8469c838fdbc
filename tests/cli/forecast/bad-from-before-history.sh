# --from before the first day of the history: nothing to forecast from: exit 65
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --from 2024-12-02 -o forecast.csv history.csv
rc=$?
ls
exit $rc
