# A staffing with a fraction of an agent in an interval: exit 65; no output.
printf 'date,time,channel,line,agents\n2025-03-03,09:00,phone,1700,20.5\n' > staff.csv
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate staff.csv -o out.csv \
	"$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
