# a failed run leaves an existing output file as it was
cp "$FIX/calendar-closed-bad.csv" closed.csv
echo 'old content' > cal.csv
wfm-calendar --closed closed.csv -o cal.csv 2025
rc=$?
ls
cat cal.csv
exit $rc
