# A status other than approved or requested (or the Dutch words): exit 65.
printf 'agent;van;tot;status\nAnn;23/11/2026;23/11/2026;misschien\n' > leave.csv
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --leave leave.csv -o roster.csv \
	"$FIX/plan-req-1.csv"
