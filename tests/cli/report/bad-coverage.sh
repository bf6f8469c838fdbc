# A coverage cell that is no number, then a share above 1: exit 65.
F="$FIX/report"
sed 's/^2026-03-23,09:00,L1,5,4,/2026-03-23,09:00,L1,5,four,/' "$F/coverage-rates.csv" > c1.csv
wfm-report plan --config "$F/wfm.conf" --coverage c1.csv -o out.xlsx
echo "exit $?"
sed 's/,0.97,0.9$/,97,0.9/' "$F/coverage-rates.csv" > c2.csv
wfm-report plan --config "$F/wfm.conf" --coverage c2.csv -o out.xlsx
rc=$?
ls
exit $rc
