# Two agents ask for Monday off; one agent is needed all day and a refused
# day costs 5 (--leave-weight).  Granting both leaves 10 hours short (10);
# refusing both costs 10 and more; granting one costs the 2.5 hours the
# other's shift leaves short plus 5 for the refusal: 7.5.  Of the two, the
# request listed first (Bob's) wins, and Ann's refusal names the interval
# that would fall short.  (The linear objective: with the service objective
# leave is decided by the rule of plan_leave.c, see leave-refusal.sh.)
wfm-plan -q --objective linear --agents "$FIX/plan-agents-2.csv" --leave "$FIX/plan-leave-2.csv" \
	--leave-weight 5 --from 2026-11-23 --to 2026-11-23 --gap 0 \
	--decisions dec.csv --summary sum.csv -o roster.csv "$FIX/plan-req-1.csv" || exit
grep -E "^(status|objective|bound|leave_granted|leave_refused)," sum.csv
cut -d, -f1,3,8 dec.csv
grep -c 'refused,2026-11-23 ..:.. line L1 would be 1.0 agents short' dec.csv
grep -c '^Bob,.*,leave,' roster.csv
python3 "$ROOT/tests/plancheck.py" --objective linear --from 2026-11-23 --to 2026-11-23 --leave-weight 5 \
	--requirements "$FIX/plan-req-1.csv" --agents "$FIX/plan-agents-2.csv" \
	--leave "$FIX/plan-leave-2.csv" --roster roster.csv --decisions dec.csv \
	--summary sum.csv && echo "checker: ok"
