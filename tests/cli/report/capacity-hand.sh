# Capacity: the hours required are what wfm-staff --grain day schedules for
# the same forecast and settings (checked below); available by hand: 40 + 32
# + 20 + 4 x 40 + 36 = 288 contract hours a week, 57.6 on each open day; on
# Tuesday A2's approved leave takes 32 / 4 = 8 h (49.6 left).  FTE = hours /
# 8.  Leave allowance = spare hours over the mean agent-day 288 / 38 =
# 7.579 h, rounded down.  Cost: scheduled hours x 40, phone contacts x 1.5 (L2: 2), e-mail
# and chat without a price; both lines work for Agency One.
F="$FIX/report"
wfm-report capacity --config "$F/wfm.conf" --forecast "$F/forecast-week.csv" \
	--agents "$F/agents.csv" --leave "$F/leave.csv" -o out/ || exit
wfm-staff --config "$F/wfm.conf" --grain day -o fte.csv "$F/forecast-week.csv" || exit
python3 - out/capacity-day.csv fte.csv <<'PY' || exit
import csv, sys
cap = {r["date"]: r for r in csv.DictReader(open(sys.argv[1]))}
fte = {r["date"]: float(r["scheduled_hours"]) for r in csv.DictReader(open(sys.argv[2]))
       if r["channel"] == ""}
assert sorted(cap) == sorted(fte), (sorted(cap), sorted(fte))
for d, r in cap.items():
    req = fte[d]
    avail = 57.6 - (8 if d == "2026-03-24" else 0)
    assert abs(float(r["hours_required"]) - req) < 0.006, (d, r, req)
    assert abs(float(r["hours_available"]) - avail) < 1e-9, (d, r)
    assert abs(float(r["fte_spare"]) - (avail - req) / 8) < 0.006, (d, r)
    allow = max(0, int((avail - req) / (288 / 38) + 1e-9))
    assert int(r["leave_allowance"]) == allow, (d, r, allow)
print("required hours of %d days agree with wfm-staff --grain day" % len(cap))
PY
cat out/capacity-day.csv out/capacity-week.csv out/quiet-days.csv out/cost.csv
