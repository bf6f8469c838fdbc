# an empty history file: exit 65, no output file
: > history.csv
wfm-forecast --days 7 -o forecast.csv history.csv
rc=$?
ls
exit $rc
