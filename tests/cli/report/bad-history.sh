# A history row with an impossible date: exit 65, the history reader's
# message.
F="$FIX/report"
sed 's/^2026-03-03,,email/2026-02-30,,email/' "$F/history.csv" > history.csv
wfm-report service --config "$F/wfm.conf" --history history.csv -o out/
rc=$?
ls
exit $rc
