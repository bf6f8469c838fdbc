# -o writes the file whole; nothing on standard output.
wfm-staff --config "$FIX/staff-wfm.conf" -o req.csv "$FIX/staff-forecast.csv"
echo "exit $?"
ls
head -3 req.csv
