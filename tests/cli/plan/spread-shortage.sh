# A shortage that must be spread.  Two agents work 09:00-17:30, the whole
# opening, and two are needed all day (4 calls of 300 s per 15 minutes):
# each one's two breaks and lunch leave the line one agent short, 8
# agent-intervals in all.  In agent-hours short (the linear objective) it is
# all the same where they fall; in service it is not: the checker's own
# M/M/n+D says two intervals with one agent each lose fewer calls than one
# with nobody and one with both.  The service objective (the default) must
# put the breaks and lunches of the two agents at different times: 8
# intervals with one agent, none with nobody.
printf 'agent,skills,hours_per_week\nAnn,L1,38\nBob,L1,38\n' > agents.csv
{
	echo "date,time,channel,line,volume,aht_s,agents"
	for m in $(seq 0 15 495); do
		printf '2026-11-23,%02d:%02d,phone,L1,4,300,2\n' $((9 + m / 60)) $((m % 60))
	done
} > req.csv
python3 - "$ROOT/tests/plancheck.py" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("plancheck", sys.argv[1])
pc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pc)
lost = lambda n: 4 * (1 - pc.mmn_d(n, 4 / 900.0, 1 / 300.0, 150.0, 20.0)[0])
print("calls lost in two intervals: stacked %.3f, split %.3f" % (lost(0) + lost(2), 2 * lost(1)))
PY
wfm-plan -q --open-hours 09:00-17:30 --agents agents.csv --from 2026-11-23 --to 2026-11-23 \
	--gap 0 --coverage cov.csv --summary sum.csv -o roster.csv req.csv || exit
grep '^status,' sum.csv
awk -F, 'NR > 1 && $2 != "" { n[$5]++ } END { print n[0] + 0 " intervals with nobody, " n[1] + 0 \
	" with one agent, " n[2] + 0 " with two" }' cov.csv
python3 "$ROOT/tests/plancheck.py" --open-hours 09:00-17:30 --from 2026-11-23 --to 2026-11-23 \
	--requirements req.csv --agents agents.csv --roster roster.csv --coverage cov.csv \
	--summary sum.csv && echo "checker: ok"
