# a history that does not exist: exit 66, no output file
wfm-forecast -o forecast.csv nosuch.csv
rc=$?
ls
exit $rc
