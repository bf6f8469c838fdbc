# a negative count in the history: exit 65 naming file, line, column, value;
# an existing output file is left as it was
python3 "$FIX/forecast-gen.py" > history.csv
sed -i '99s/,phone,A,[0-9]*,/,phone,A,-3,/' history.csv
echo 'keep me' > forecast.csv
wfm-forecast --days 7 -o forecast.csv history.csv
rc=$?
ls
cat forecast.csv
exit $rc
