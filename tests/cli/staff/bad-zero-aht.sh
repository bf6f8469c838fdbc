# A handle time of 0 in the forecast: exit 65; no output.
sed 's/^\(2025-03-04,09:30,phone,1702,3,2,4,\)240/\10/' "$FIX/staff-forecast.csv" > forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" -o out.csv forecast.csv
rc=$?
ls
exit $rc
