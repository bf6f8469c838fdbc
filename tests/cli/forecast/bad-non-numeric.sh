# a count that is not a number: exit 65, no output file
python3 "$FIX/forecast-gen.py" > history.csv
sed -i '9s/,phone,A,[0-9]*,/,phone,A,veel,/' history.csv
wfm-forecast --days 7 -o forecast.csv history.csv
rc=$?
ls
exit $rc
