# A snapshot row given twice: exit 65 naming both lines.
F="$FIX/report"
{ cat "$F/forecast-2026-03-16.csv"; sed -n 3p "$F/forecast-2026-03-16.csv"; } > snap.csv
wfm-report accuracy --config "$F/wfm.conf" --history "$F/history.csv" --origin 2026-03-16 \
	-o out.csv snap.csv
rc=$?
ls
exit $rc
