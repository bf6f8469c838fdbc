# Day and week totals are for requirements, not evaluations: exit 64.
wfm-staff --config "$FIX/staff-wfm.conf" --grain day --evaluate "$FIX/staff-coverage.csv" \
	"$FIX/staff-forecast.csv"
