# The checker's own queueing model: the sample week with its phone rows only
# (the chat rows dropped, so that every interval of a line has one live
# channel), planned for 4 seconds.  tests/plancheck.py recomputes the answer
# rate and service level of every interval of the coverage, and the answer
# rates of the summary per day, line and week, with its own M/M/n+D
# (callback offered at 150 s, Baccelli-Hebuterne's waiting-time density),
# not wfm's code, and finds them within 0.001.  Then it must catch one
# interval's answer rate and the week's made wrong.
S="$DATA/sample"
grep -v ',chat,' "$FIX/plan-sample-req.csv" > req.csv
wfm-plan -q --closed "$S/closed.csv" --agents "$S/agents.csv" --leave "$S/leave.csv" \
	--trainings "$S/trainings.csv" --week 2026-W48 --time-limit 4 --coverage cov.csv \
	--decisions dec.csv --summary sum.csv -o roster.csv req.csv || exit
check() {
	python3 "$ROOT/tests/plancheck.py" --closed-file "$S/closed.csv" --requirements req.csv \
		--agents "$S/agents.csv" --leave "$S/leave.csv" --trainings "$S/trainings.csv" \
		--roster roster.csv --decisions dec.csv "$@"
}
check --coverage cov.csv --summary sum.csv && echo "checker: ok"
awk -F, 'NR > 1 && $2 != "" && $7 != "" { n++ } END { print n " intervals with an answer rate" }' cov.csv
awk -F, 'BEGIN { OFS = "," } $2 == "10:00" && $3 == "1700" && !done { $7 = "0.5000"; done = 1 } 1' \
	cov.csv > cov-bad.csv
sed 's/^answer_rate,.*/answer_rate,0.5/' sum.csv > sum-bad.csv
check --coverage cov-bad.csv --summary sum-bad.csv | sed 's/with [0-9]* agents gives 0\.[0-9]*/with N agents gives .../; s/coverage gives 0\.[0-9]*/coverage gives .../'
