# --write-lp writes the model in CPLEX LP format and plans as usual.
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --from 2026-11-23 --to 2026-11-23 \
	--write-lp model.lp -o roster.csv "$FIX/plan-req-1.csv" || exit
grep -c -E '^(Minimize|Subject To|Bounds|End)' model.lp
test -s roster.csv && echo "roster written"
