# The sample service's week 2026-W48 (120 agents, 5 lines, approved and
# requested leave, two trainings; requirements as wfm-staff wrote them for
# the demo), planned for 8 seconds: a plan comes back, keeps every hard rule
# (the independent checker), decides every request and places both trainings.
S="$DATA/sample"
wfm-plan -q --closed "$S/closed.csv" --agents "$S/agents.csv" --leave "$S/leave.csv" \
	--trainings "$S/trainings.csv" --week 2026-W48 --time-limit 8 --coverage cov.csv \
	--decisions dec.csv --summary sum.csv -o roster.csv "$FIX/plan-sample-req.csv" || exit
python3 "$ROOT/tests/plancheck.py" --closed-file "$S/closed.csv" \
	--requirements "$FIX/plan-sample-req.csv" --agents "$S/agents.csv" --leave "$S/leave.csv" \
	--trainings "$S/trainings.csv" --roster roster.csv --coverage cov.csv --decisions dec.csv \
	--summary sum.csv && echo "checker: ok"
awk -F, 'NR > 1 && $1 == "leave" { n[$8 == "approved" ? "approved" : "requested"]++ }
	END { print n["approved"] " approved, " n["requested"] " requests decided" }' dec.csv
awk -F, 'NR > 1 && $1 == "training" { n[$2]++ } END { for (t in n) print t, n[t] }' dec.csv | sort
