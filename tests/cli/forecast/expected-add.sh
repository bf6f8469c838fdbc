# --expected, mode add: 500 contacts spread over 22-25 April like the
# forecast; other days and series unchanged
python3 "$FIX/forecast-gen.py" > history.csv
printf 'from,to,channel,line,mode,value,note\n2025-04-22,2025-04-25,phone,A,add,500,mailing\n' > ev.csv
wfm-forecast --days 10 --line A --channel phone -o base.csv history.csv
wfm-forecast --days 10 --expected ev.csv -o with.csv history.csv
cat with.csv | grep ',phone,A,'
python3 - <<'PY'
import csv
from decimal import Decimal
b = {(r["period"], r["channel"], r["line"]): Decimal(r["forecast"]) for r in csv.DictReader(open("base.csv"))}
w = {(r["period"], r["channel"], r["line"]): Decimal(r["forecast"]) for r in csv.DictReader(open("with.csv"))}
inside = [k for k in b if "2025-04-22" <= k[0] <= "2025-04-25"]
added = sum(w[k] - b[k] for k in inside)
print("added over the period: %s (500 up to the rounding of 4 days)" % added)
assert abs(added - 500) <= Decimal("0.02")
assert all(w[k] == b[k] for k in b if k not in inside)
PY
