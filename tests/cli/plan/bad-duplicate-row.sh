# The same date, time, channel and line twice (two exports concatenated):
# exit 65 naming both lines.
{ cat "$FIX/plan-req-1.csv"; sed -n 5p "$FIX/plan-req-1.csv"; } > req.csv
wfm-plan -q --agents "$FIX/plan-agents-1.csv" -o roster.csv req.csv
