# A negative volume: exit 65, the file, line, column and value; no output.
sed 's/^2025-03-03,09:15,phone,1700,80,/2025-03-03,09:15,phone,1700,-80,/' \
	"$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" -o out.csv forecast.csv
rc=$?
ls
exit $rc
