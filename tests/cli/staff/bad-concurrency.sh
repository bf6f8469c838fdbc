# Concurrency below 1: exit 64; no output.
wfm-staff --config "$FIX/staff-wfm.conf" --concurrency 0 -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
