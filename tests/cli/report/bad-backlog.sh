# A negative opening backlog, then a live channel in the backlog: exit 65.
F="$FIX/report"
sed 's/L1,40$/L1,-4/' "$F/backlog.csv" > backlog.csv
wfm-report service --config "$F/wfm.conf" --history "$F/history.csv" --backlog backlog.csv \
	--write-backlog next.csv -o out/
echo "exit $?"
printf 'date,channel,line,open\n2026-03-16,phone,L1,3\n' > backlog2.csv
wfm-report service --config "$F/wfm.conf" --history "$F/history.csv" --backlog backlog2.csv \
	-o out/
rc=$?
ls
exit $rc
