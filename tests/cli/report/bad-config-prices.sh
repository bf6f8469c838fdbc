# prices_lines without LINE/CHANNEL: exit 65 naming the file's line; the
# same as a flag (--hourly-cost with a bad value) is a usage error.
F="$FIX/report"
sed 's|^prices_lines = .*|prices_lines = L2 phone 2|' "$F/wfm.conf" > wfm.conf
wfm-report capacity --config wfm.conf --forecast "$F/forecast-week.csv" \
	--agents "$F/agents.csv" -o out/
echo "exit $?"
wfm-report capacity --config "$F/wfm.conf" --hourly-cost lots \
	--forecast "$F/forecast-week.csv" --agents "$F/agents.csv" -o out/
rc=$?
ls
exit $rc
