# --aht 0 is a bad command line: exit 64; no output.
wfm-staff --config "$FIX/staff-wfm.conf" --aht 0 -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
