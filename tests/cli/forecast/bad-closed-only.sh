# a series whose rows all fall on closed days (weekend e-mail): nothing can
# be said about it: exit 65, no output file
python3 "$FIX/forecast-gen.py" > history.csv
printf '2025-02-01,,email,W,12,12,300\n2025-02-02,,email,W,9,9,300\n' >> history.csv
wfm-forecast --days 7 -o forecast.csv history.csv
rc=$?
ls
exit $rc
