# A forecast cell that is no number: exit 65 naming file, line, column and
# value; nothing written.
F="$FIX/report"
sed '4s/,5,3,7,/,5x,3,7,/' "$F/forecast-2026-03-16.csv" > forecast-2026-03-16.csv
wfm-report accuracy --config "$F/wfm.conf" --history "$F/history.csv" -o out.xlsx \
	forecast-2026-03-16.csv
rc=$?
ls
exit $rc
