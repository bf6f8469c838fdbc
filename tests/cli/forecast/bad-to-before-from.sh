# --to before --from: exit 64, no output file
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --from 2025-04-23 --to 2025-04-22 -o forecast.csv history.csv
rc=$?
ls
exit $rc
