# Leave by the service objective's rule: requests in the order of the file,
# each granted when the expected answer rate of the day on the agent's lines
# still meets the target (95 %) with it, the grants before it fixed.  Three
# agents work 09:00-17:30 and one call of 240 s comes in per 15 minutes.
# Bob asks Monday first: two agents are left, enough (granted, both rates
# given).  Ann asks the same Monday: one agent would be left, whose breaks
# and lunch leave the line empty (refused, with the day's rate with and
# without her leave and the worst interval; her "without" is Bob's "with":
# his grant stands).  Runs of 2 and 6 seconds decide the same.
printf 'agent,skills,hours_per_week\nAnn,L1,38\nBob,L1,38\nCyd,L1,38\n' > agents.csv
{
	echo "date,time,channel,line,volume,aht_s,agents"
	for d in 23 24; do
		for m in $(seq 0 15 495); do
			printf '2026-11-%s,%02d:%02d,phone,L1,1,240,1\n' $d $((9 + m / 60)) $((m % 60))
		done
	done
} > req.csv
printf 'agent,from,to,status\nBob,2026-11-23,2026-11-23,requested\nAnn,2026-11-23,2026-11-23,requested\n' \
	> leave.csv
for t in 2 6; do
	wfm-plan -q --open-hours 09:00-17:30 --agents agents.csv --leave leave.csv \
		--from 2026-11-23 --to 2026-11-24 --time-limit $t --decisions dec$t.csv \
		-o roster$t.csv req.csv || exit
done
cut -d, -f3,8- dec6.csv
python3 "$ROOT/tests/plancheck.py" --open-hours 09:00-17:30 --from 2026-11-23 --to 2026-11-24 \
	--requirements req.csv --agents agents.csv --leave leave.csv --roster roster6.csv \
	--decisions dec6.csv --same-decisions dec2.csv && echo "checker: ok"
