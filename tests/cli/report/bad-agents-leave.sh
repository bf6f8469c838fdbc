# Contract hours above a week, then leave of an agent the agents file does
# not know: exit 65 each.
F="$FIX/report"
sed 's/^A3,L1,20,5/A3,L1,200,5/' "$F/agents.csv" > agents.csv
wfm-report capacity --config "$F/wfm.conf" --forecast "$F/forecast-week.csv" \
	--agents agents.csv -o out/
echo "exit $?"
printf 'agent,from,to,status\nA9,2026-03-24,2026-03-24,approved\n' > leave.csv
wfm-report capacity --config "$F/wfm.conf" --forecast "$F/forecast-week.csv" \
	--agents "$F/agents.csv" --leave leave.csv -o out/
rc=$?
ls
exit $rc
