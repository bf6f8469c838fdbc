# A target of 0: exit 64; no output.
wfm-staff --config "$FIX/staff-wfm.conf" --target-answer-rate 0 -o out.csv \
	"$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
