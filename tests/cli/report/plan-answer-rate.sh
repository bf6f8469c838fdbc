# The roster's expected answer rate from the requirements: wfm-report splits
# the planned agents of a line over its live channels in proportion to the
# required agents (L1 at 09:00: 10 planned, 7 phone and 2 chat required:
# 7.78 and 2.22, rounded by the largest remainder to 8 and 2; at 10:00: 9
# planned, 8 and 2 required: 7.2 and 1.8, so 7 and 2) and evaluates them
# with wfm-staff's models.  The same staffing written out by hand
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
