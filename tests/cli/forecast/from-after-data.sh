# --from half a year after the last day with data, two years of history
# behind it: the backtest ends where the data end (no "too short to
# backtest", no fall back to a flat mean), a note says so, and the intervals
# are wider than those of a forecast from the day after the data
python3 "$FIX/forecast-gen.py" --weeks 104 --interval 60 > history.csv
tail -n 1 history.csv | cut -d, -f1
wfm-forecast --from 2027-07-05 --days 5 --line A --channel phone -o late.csv history.csv
wfm-forecast --from 2027-01-18 --days 5 --line A --channel phone -o next.csv history.csv
cat late.csv
python3 - <<'PY'
import csv
def widths(p):
    return [float(r["hi"]) / float(r["lo"]) for r in csv.DictReader(open(p)) if float(r["lo"]) > 0]
late, nxt = widths("late.csv"), widths("next.csv")
print("late intervals wider on every day:", all(a > b for a, b in zip(late, nxt)))
pts = [float(r["forecast"]) for r in csv.DictReader(open("late.csv"))]
print("Monday above Friday (weekday factors 1.2 and 0.8):", pts[0] > 1.2 * pts[4])
PY
