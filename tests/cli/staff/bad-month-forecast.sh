# A monthly forecast cannot be staffed per interval: exit 65.
printf 'period,time,channel,line,forecast,lo,hi\n2025-03,,phone,1700,9000,8000,10000\n' > month.csv
wfm-staff --config "$FIX/staff-wfm.conf" -o out.csv month.csv
rc=$?
ls
exit $rc
