# The plan section on a coverage that brings its answer rates.  By hand,
# 2026-03-23: required 5 + 6 agents for an hour each and 3 deferred hours =
# 14 h; planned 4 + 7 + 2.5 = 13.5 h; short 1 + 0.5 = 1.5 h, over 1 h;
# covered (14 - 1.5) / 14 = 0.8929; answer rate weighted by the required
# agents (5 x 0.85 + 6 x 0.97) / 11 = 0.9155; roster 2 + 2 paid hours over
# 8 h a day (fte_hours 40) = 0.5 FTE, 2 agents at work; A3's leave refused.
# 2026-03-24: 9 h required and planned, covered 1, rate (4 x 0.95 + 5 x
# 0.96) / 9 = 0.9556; paid 2 h of work and 1 h of training = 0.375 FTE, 1
# agent at work; A3 refused, A4 granted, 1 training attendee.
F="$FIX/report"
wfm-report plan --config "$F/wfm.conf" --coverage "$F/coverage-rates.csv" \
	--roster "$F/roster.csv" --decisions "$F/decisions.csv" --summary "$F/summary.csv" \
	-o out/ || exit
cat out/plan-day.csv out/plan-total.csv out/decisions.csv out/plan-summary.csv
