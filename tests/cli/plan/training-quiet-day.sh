# A two-hour session for Ann that may fall on Monday or Tuesday: Monday needs
# two agents all day, Tuesday one, so the session goes to Tuesday, where
# taking her off the floor costs least.
wfm-plan -q --agents "$FIX/plan-agents-2.csv" --trainings "$FIX/plan-train-2.csv" \
	--from 2026-11-23 --to 2026-11-24 --time-limit 5 --decisions dec.csv \
	-o roster.csv "$FIX/plan-req-2.csv" || exit
cut -d, -f1-5,8 dec.csv
awk -F, '$5 == "training" { print $1, $2, $5 }' roster.csv
python3 "$ROOT/tests/plancheck.py" --from 2026-11-23 --to 2026-11-24 \
	--requirements "$FIX/plan-req-2.csv" --agents "$FIX/plan-agents-2.csv" \
	--trainings "$FIX/plan-train-2.csv" --roster roster.csv --decisions dec.csv \
	&& echo "checker: ok"
