# A backlog of Thursday 2025-02-27 for a forecast from Monday 3 March: the
# Friday in between is unknown.  Exit 65, nothing written.
sed 's/2025-03-01/2025-02-27/' "$FIX/staff-backlog.csv" > backlog.csv
wfm-staff --config "$FIX/staff-wfm.conf" --backlog backlog.csv -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
