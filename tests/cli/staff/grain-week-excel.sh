# FTE per week (the Monday's date) as an nl-BE spreadsheet CSV.
wfm-staff --config "$FIX/staff-wfm.conf" --grain week --excel --shrinkage 25% \
	"$FIX/staff-forecast.csv" | od -c | head -3
wfm-staff --config "$FIX/staff-wfm.conf" --grain week --excel --shrinkage 25% \
	"$FIX/staff-forecast.csv" | tr -d '\r'
