# A target of 1 (100 %) cannot be met by any queue: exit 64; no output.
wfm-staff --config "$FIX/staff-wfm.conf" --target-answer-rate 100% -o out.csv \
	"$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
