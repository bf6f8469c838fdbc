# --backlog: the e-mail, social and callbacks waiting at the start of
# Saturday 2025-03-01 join the deferred work of the week from Monday 3 and
# are due by Tuesday 4 evening (they count as Friday's, the youngest they
# can be; 2 working days).  Social 1700 is only in the backlog: 6 x 300 s
# (aht_social) = 0.5 h, 0.25 on Monday and Tuesday.  The deferred rows, then
# the same without the backlog for comparison; the note on stderr.
wfm-staff --config "$FIX/staff-wfm.conf" --backlog "$FIX/staff-backlog.csv" \
	"$FIX/staff-forecast.csv" | grep -E '^(date|[0-9-]+,,)'
echo "-- without the backlog"
wfm-staff --config "$FIX/staff-wfm.conf" "$FIX/staff-forecast.csv" | grep -E '^[0-9-]+,,'
