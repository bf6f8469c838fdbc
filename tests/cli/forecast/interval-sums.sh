# interval grain on the 15-minute history: the intervals of a day add up to
# the day row of a day-grain run exactly as written, lo <= forecast <= hi,
# only open intervals 09:00-18:45 of open days, e-mail as day rows
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --grain interval --days 28 -o interval.csv history.csv
wfm-forecast --grain day --days 28 -o day.csv history.csv
python3 - <<'PY'
import csv
from decimal import Decimal
sums, rows = {}, 0
for r in csv.DictReader(open("interval.csv")):
    rows += 1
    k = (r["period"], r["channel"], r["line"])
    if r["channel"] == "email":
        assert r["time"] == "", r
    else:
        assert "09:00" <= r["time"] <= "18:45" and r["time"][3:] in ("00", "15", "30", "45"), r
    assert Decimal(r["lo"]) <= Decimal(r["forecast"]) <= Decimal(r["hi"]), r
    sums[k] = sums.get(k, Decimal(0)) + Decimal(r["forecast"])
open_days = 0
for r in csv.DictReader(open("day.csv")):
    k = (r["period"], r["channel"], r["line"])
    if k in sums:
        assert sums.pop(k) == Decimal(r["forecast"]), k
        open_days += 1
    else:
        assert Decimal(r["forecast"]) == 0, k
assert not sums
print("%d interval rows; %d series-days, each the sum of its intervals" % (rows, open_days))
PY
