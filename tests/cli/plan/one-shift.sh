# One agent, one day: Monday alone is a fifth of the 38-hour week, 7:36
# (+-1:00), which only the 8:30 shift (8:00 paid) fits.  One agent is needed
# 09:00-19:00 (10 hours); the shift keeps her on the floor 7:30 of them
# (lunch 0:30 and two breaks of 0:15 off), so the optimum is 2.5 agent-hours
# short and nothing over: objective 2.5 at the default weights of the linear
# objective.
wfm-plan -q --objective linear --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 --gap 0 \
	--summary sum.csv --coverage cov.csv -o roster.csv "$FIX/plan-req-1.csv" || exit
grep -E '^(status|objective|bound|under_coverage_hours|over_coverage_hours|shifts),' sum.csv
# the coverage file agrees: 10 of the 40 intervals are short by one agent
awk -F, 'NR > 1 && $6 < 0 { n++; s += $6 } END { print n " intervals short, " s " agents" }' cov.csv
# one shift of 8:30 from start to end, with its lunch and two breaks
awk -F, 'NR > 1 { n[$5]++ } END { print n["lunch"] " lunch, " n["break"] " breaks" }' roster.csv
# the independent checker finds every hard rule kept
python3 "$ROOT/tests/plancheck.py" --objective linear --from 2026-11-23 --to 2026-11-23 \
	--requirements "$FIX/plan-req-1.csv" --agents "$FIX/plan-agents-1.csv" \
	--roster roster.csv --coverage cov.csv --summary sum.csv && echo "checker: ok"
