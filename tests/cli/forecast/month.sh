# month grain from 2025-04-22 to 2025-05-16: April holds its 7 days from --from
# on, May its 16 up to --to (1 May closed); each month row is the sum of the
# day rows as written
python3 "$FIX/forecast-gen.py" > history.csv
wfm-forecast --grain month --from 2025-04-22 --to 2025-05-16 -o month.csv history.csv
wfm-forecast --grain day --from 2025-04-22 --to 2025-05-16 -o day.csv history.csv
cat month.csv
python3 - <<'PY'
import csv
from decimal import Decimal
days = {}
for r in csv.DictReader(open("day.csv")):
    k = (r["period"][:7], r["channel"], r["line"])
    days[k] = days.get(k, Decimal(0)) + Decimal(r["forecast"])
for r in csv.DictReader(open("month.csv")):
    k = (r["period"], r["channel"], r["line"])
    assert Decimal(r["forecast"]) == days.pop(k), k
    assert Decimal(r["lo"]) <= Decimal(r["forecast"]) <= Decimal(r["hi"]), k
assert not days
print("months = sums of their days")
PY
