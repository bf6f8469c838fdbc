# Phone calls are not deferred work: a backlog row of phone is an error.
printf 'datum;kanaal;lijn;openstaand\n1/03/2025;e-mail;1700;4,5\n1/03/2025;telefoon;1700;3\n' \
	> backlog.csv
wfm-staff --config "$FIX/staff-wfm.conf" --backlog backlog.csv -o out.csv "$FIX/staff-forecast.csv"
rc=$?
ls
exit $rc
