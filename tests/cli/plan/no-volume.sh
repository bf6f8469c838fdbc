# Requirements without volume and aht_s (hand-made, or from an older
# wfm-staff): the default objective (service) needs them, so the plan falls
# back to the linear one and says so, on standard error and in the summary;
# its optimum is then one-shift.sh's 2.5.  objective = service, asked for
# explicitly, refuses such a file (exit 65, naming the row).
cut -d, -f1-4,7 "$FIX/plan-req-1.csv" > req.csv
wfm-plan -q --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 --to 2026-11-23 --gap 0 \
	--summary sum.csv -o roster.csv req.csv || exit
grep -E '^(objective|warnings|warning_1),' sum.csv
wfm-plan -q --objective service --agents "$FIX/plan-agents-1.csv" --from 2026-11-23 \
	--to 2026-11-23 -o roster2.csv req.csv
echo "exit $?"
ls roster2.csv 2>/dev/null || echo "no roster"
