# An interval missing inside the opening hours: exit 65; no output.
grep -v '^2025-03-04,09:15,phone,1702' "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" -o out.csv forecast.csv
rc=$?
ls
exit $rc
