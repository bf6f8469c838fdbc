# The roster's expected answer rate from the requirements: wfm-report gives
# each line's planned agents to wfm-staff's models without a channel, so a
# line with phone and chat splits them as wfm-plan's service curve does
# (each next agent to the channel where it saves most lost contacts; see
# staff/evaluate-without-channel, which checks that split by brute force,
# and report/plan-agrees).  Here L1 at 09:00: 10 planned, 8 phone and 2
# chat; at 10:00: 9 planned, 7 and 2 (the same as the former split in
# proportion to the required agents, 7 + 2 and 8 + 2 required, rounded by
# the largest remainder).  The same staffing written out by hand
# (staffing-split.csv) and evaluated by wfm-staff --evaluate gives the
# rates per channel; weighted by volume they must be the report's.
F="$FIX/report"
wfm-report plan --config "$F/wfm.conf" --coverage "$F/coverage-plan.csv" \
	--requirements "$F/requirements.csv" --table plan-interval -o plan.csv || exit
wfm-staff --config "$F/wfm.conf" --evaluate "$F/staffing-split.csv" --from 2026-03-23 \
	--to 2026-03-23 -o eval.csv "$F/requirements.csv" 2>/dev/null || exit
python3 - plan.csv eval.csv <<'PY' || exit
import csv, sys
plan = list(csv.DictReader(open(sys.argv[1])))
ev = [r for r in csv.DictReader(open(sys.argv[2])) if r["time"]]
n = 0
for p in plan:
    rows = [r for r in ev if r["date"] == p["date"] and r["time"] == p["time"] and
            r["line"] == p["line"] and r["channel"] in ("phone", "chat")]
    v = sum(float(r["volume"]) for r in rows)
    ar = sum(float(r["volume"]) * float(r["answer_rate"]) for r in rows) / v
    sl = sum(float(r["volume"]) * float(r["service_level"]) for r in rows) / v
    assert abs(ar - float(p["answer_rate"])) < 2e-4, (p, ar)
    assert abs(sl - float(p["service_level"])) < 2e-4, (p, sl)
    n += 1
print("answer rates of %d intervals agree with wfm-staff --evaluate" % n)
PY
cat plan.csv
