# An agent none of whose skills is a line the week needs cannot be given a
# shift: exit 65 naming the agent, the rule and the skills.
printf 'agent,skills,hours_per_week\nAnn,L1,38\nZed,XX|YY,38\n' > agents.csv
wfm-plan -q --agents agents.csv --from 2026-11-23 --to 2026-11-23 -o roster.csv \
	"$FIX/plan-req-1.csv"
rc=$?
ls
exit $rc
