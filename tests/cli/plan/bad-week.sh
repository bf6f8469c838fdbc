# A week that is not YYYY-Www (also with a leading blank), week 0, and week
# 53 of a year that has none: exit 64.
wfm-plan --agents "$FIX/plan-agents-1.csv" --week 2026-48 "$FIX/plan-req-1.csv"
echo "exit $?"
wfm-plan --agents "$FIX/plan-agents-1.csv" --week 2025-W53 "$FIX/plan-req-1.csv"
echo "exit $?"
wfm-plan --agents "$FIX/plan-agents-1.csv" --week ' 2026-W48' "$FIX/plan-req-1.csv"
echo "exit $?"
wfm-plan --agents "$FIX/plan-agents-1.csv" --week 2026-W00 "$FIX/plan-req-1.csv"
echo "exit $?"
wfm-plan --agents "$FIX/plan-agents-1.csv" --from 2026-11-27 --to 2026-11-30 \
	"$FIX/plan-req-1.csv"
