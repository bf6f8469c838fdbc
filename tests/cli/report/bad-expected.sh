# An expected volume with an unknown mode: exit 65.
F="$FIX/report"
sed 's/,add,/,multiply,/' "$F/expected.csv" > expected.csv
wfm-report accuracy --config "$F/wfm.conf" --history "$F/history.csv" \
	--expected expected.csv --baseline "$F/baseline.csv" -o out.csv \
	"$F/forecast-2026-03-16.csv"
rc=$?
ls
exit $rc
