# The requirements, evaluated, meet every target: every status is ok.
wfm-staff --config "$FIX/staff-wfm.conf" -o req.csv "$FIX/staff-forecast.csv"
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate req.csv "$FIX/staff-forecast.csv" |
	awk -F, 'NR > 1 { n[$NF]++ } END { for (s in n) print s, n[s] }'
