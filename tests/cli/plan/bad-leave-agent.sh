# Leave for an agent the agents file does not know: exit 65.
printf 'agent,from,to,status\nZoe,2026-11-23,2026-11-23,approved\n' > leave.csv
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --leave leave.csv -o roster.csv \
	"$FIX/plan-req-1.csv"
