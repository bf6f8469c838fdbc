# A decision of an unknown kind, then a roster block of an unknown activity:
# exit 65 each.
F="$FIX/report"
sed 's/^training,/course,/' "$F/decisions.csv" > decisions.csv
wfm-report plan --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" \
	--decisions decisions.csv -o out/
echo "exit $?"
sed 's/,break,/,pause,/' "$F/roster.csv" > roster.csv
wfm-report plan --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" --roster roster.csv \
	-o out/
rc=$?
ls
exit $rc
