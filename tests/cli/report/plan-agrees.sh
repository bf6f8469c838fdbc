# The report's plan figures are the plan's own.  wfm-plan plans the sample
# week (four lines with phone and chat in every interval) for 4 seconds;
# wfm-report's plan section on its coverage, requirements and summary must
# give, to the 4 decimals it prints, every interval and line's answer rate
# and service level as the coverage has them (each line's agents split
# between phone and chat as the plan's service curve splits them, not in
# proportion to the required agents) and every day's answer rate as the
# summary's answer_rate_DATE (weighted by volume).  The rate of all lines in
# an interval (plan-total, which wfm-plan does not write) must be the
# coverage's rates weighted by the requirements' phone and chat volumes,
# within the coverage's rounding.  The same again from a coverage cut to
# its first six columns (no answer_rate: the report has only its own
# evaluation to go by).  Last, a coverage whose answer rate of one interval
# was changed (as if the plan had other settings) gets a warning, and the
# report keeps its own figure for that interval.
S="$DATA/sample"
wfm-plan -q --closed "$S/closed.csv" --agents "$S/agents.csv" --leave "$S/leave.csv" \
	--trainings "$S/trainings.csv" --week 2026-W48 --time-limit 4 --coverage cov.csv \
	--decisions dec.csv --summary sum.csv -o roster.csv "$FIX/plan-sample-req.csv" || exit
wfm-report plan --closed "$S/closed.csv" --coverage cov.csv --summary sum.csv \
	--requirements "$FIX/plan-sample-req.csv" -o rep/ || exit
cut -d, -f1-6 cov.csv > cov6.csv
wfm-report plan --closed "$S/closed.csv" --coverage cov6.csv --summary sum.csv \
	--requirements "$FIX/plan-sample-req.csv" -o rep6/ || exit
python3 - "$FIX/plan-sample-req.csv" rep/ rep6/ <<'PY'
import csv, sys
from collections import defaultdict

def rows(path):
    return list(csv.DictReader(open(path)))

cov = {(r["date"], r["time"], r["line"]): r for r in rows("cov.csv")
       if r["time"] and r["answer_rate"]}
summ = {r["key"]: r["value"] for r in rows("sum.csv") if r["key"].startswith("answer_rate")}
vol = defaultdict(float)
for r in rows(sys.argv[1]):
    if r["time"] and r["channel"] in ("phone", "chat"):
        vol[(r["date"], r["time"], r["line"])] += float(r["volume"])

def same(a, b, tol=5e-5 + 1e-12):
    return abs(float(a) - float(b)) <= tol

def check(rep):
    print(rep)
    bad = 0
    iv = [r for r in rows(rep + "plan-interval.csv") if r["answer_rate"]]
    mixed = len({(d, t, l) for (d, t, l) in cov if (d, t, l) in vol} &
                {(r["date"], r["time"], r["line"]) for r in rows(sys.argv[1])
                 if r["channel"] == "chat" and r["time"]})
    for r in iv:
        c = cov.get((r["date"], r["time"], r["line"]))
        if c is None or not same(r["answer_rate"], c["answer_rate"], 1e-9) or \
           not same(r["service_level"], c["service_level"], 1e-9):
            bad += 1
            if bad <= 5:
                print("interval differs:", r, c)
    ok = not bad and len(iv) == len(cov)
    print("plan-interval: %d intervals and lines (%d with phone and chat): %s" % (
        len(iv), mixed, "the coverage's answer rate and service level" if ok
        else "%d differ, %d in the coverage" % (bad, len(cov))))
    days = rows(rep + "plan-day.csv")
    nd = sum(1 for d in days if same(d["answer_rate"], summ["answer_rate_" + d["date"]]))
    print("plan-day: %d days, %d with the summary's answer rate" % (len(days), nd))
    tot = defaultdict(lambda: [0.0, 0.0])
    for k, c in cov.items():
        t = tot[k[:2]]
        t[0] += vol[k]
        t[1] += vol[k] * float(c["answer_rate"])
    pt = rows(rep + "plan-total.csv")
    nt = sum(1 for r in pt if same(r["answer_rate"], tot[(r["date"], r["time"])][1] /
                                    tot[(r["date"], r["time"])][0], 1e-4))
    print("plan-total: %d intervals, %d with the coverage's rates weighted by volume" % (
        len(pt), nt))

for rep in sys.argv[2:]:
    check(rep)
PY
awk -F, 'BEGIN { OFS = "," } $2 == "10:00" && $3 == "WONEN" && !done { $7 = "0.5000"; done = 1 } 1' \
	cov.csv > cov-bad.csv
wfm-report plan --closed "$S/closed.csv" --coverage cov-bad.csv \
	--requirements "$FIX/plan-sample-req.csv" --table plan-interval -o bad.csv 2>&1 |
	sed 's/by up to 0\.[0-9]*/by up to .../'
awk -F, '$2 == "10:00" && $3 == "WONEN" && !seen[FILENAME]++ { r[FILENAME] = $7 }
	END { print "WONEN 10:00:", (r["bad.csv"] == r["rep/plan-interval.csv"] ? "the same rate as " \
		"from the plan'"'"'s coverage" : "differs") }' bad.csv rep/plan-interval.csv
