# The plan made without the backlog, evaluated with it: the 40 e-mails of
# 1700 waiting on Saturday are not all answered by Tuesday: late.
wfm-staff --config "$FIX/staff-wfm.conf" -o plan.csv "$FIX/staff-forecast.csv"
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate plan.csv --backlog "$FIX/staff-backlog.csv" \
	"$FIX/staff-forecast.csv" | grep -E '^(date|[0-9-]+,,email,1700)'
