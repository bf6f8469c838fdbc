#!/usr/bin/env python3
"""fc_score.py - scores a wfm-forecast output against the held-out history
(used by scripts/bench-forecast; standard library only, independent of the C
code it measures).

  fc_score.py daily-history IN OUT LINE CHANNEL
      a `date,calls` file -> canonical history with one whole-day row a day
  fc_score.py interval-history IN OUT LINE CHANNEL
      a `timestamp,calls` file (YYYY-MM-DDTHH:MM) -> canonical history with
      one interval row per timestamp
  fc_score.py score --grain day|interval --from DATE --to DATE [--label S]
                    HISTORY FORECAST
      per series: WAPE and MASE of FORECAST (wfm-forecast's
      period,time,channel,line,forecast,lo,hi) on the days DATE..DATE,
      beside seasonal naive, from HISTORY (canonical, `offered` counts)

Definitions (the same for every series and both grains):
  scored days   the days from..to that have at least one row in HISTORY
                (an open day without rows is missing, not zero; closed days
                have no rows and a forecast of exactly 0, so nothing is lost)
  points        day grain: the day totals (sum of the day's rows);
                interval grain: the intervals of a scored day, every time
                found in HISTORY, FORECAST or the naive forecast that day
                (an absent row counts 0); only series with interval rows
  WAPE          sum |actual - forecast| / sum actual over the points
  MASE          mean |actual - forecast| over the points divided by the
                in-sample MAE of the seasonal naive forecast: the mean of
                |y(d) - y(d - 7)| over the history days d < from with data
                on d and d - 7 (per interval at interval grain)
  seasonal naive  for a scored day, the latest history day before `from`
                with data on the same weekday (its total, or its intervals)
  pois%         the Poisson floor: sum over the points of the mean absolute
                deviation of a Poisson count whose mean is the forecast,
                2 e^-f f^(k+1) / k! with k = floor(f), divided by sum actual:
                the WAPE a perfect forecast of the mean would still score if
                counts were Poisson (real counts are over-dispersed, so the
                true floor is higher)
"""
import csv
import datetime
import math
import sys


def die(msg):
    sys.stderr.write("fc_score: %s\n" % msg)
    sys.exit(65)


def to_history(kind, src, dst, line, channel):
    with open(src, newline="") as f, open(dst, "w", newline="") as g:
        r = csv.reader(f)
        next(r)
        g.write("date,time,channel,line,offered,handled,aht_s\n")
        for row in r:
            if len(row) < 2 or not row[1].strip():
                continue
            if kind == "daily":
                day, time = row[0], ""
            else:
                day, time = row[0][:10], row[0][11:16]
            g.write("%s,%s,%s,%s,%s,,\n" % (day, time, channel, line, row[1]))


def read_history(path):
    """{(line, channel): {date: {time: offered}}}; time '' for a day row."""
    h = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            v = row["offered"].strip()
            if not v:
                continue
            d = datetime.date.fromisoformat(row["date"])
            s = h.setdefault((row["line"], row["channel"]), {})
            day = s.setdefault(d, {})
            t = row["time"].strip()
            day[t] = day.get(t, 0.0) + float(v)
    return h


def read_forecast(path, grain):
    f_ = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            t = row["time"].strip()
            if (grain == "day") != (t == ""):
                continue
            d = datetime.date.fromisoformat(row["period"])
            s = f_.setdefault((row["line"], row["channel"]), {})
            s.setdefault(d, {})[t] = float(row["forecast"])
    return f_


def poisson_mad(f):
    """E|Y - f| for Y ~ Poisson(f)."""
    if f <= 0:
        return 0.0
    k = math.floor(f)
    return 2.0 * math.exp(-f + (k + 1) * math.log(f) - math.lgamma(k + 1))


def points(day, grain):
    """The values of one day as {key: value}."""
    if day is None:
        return {}
    if grain == "day":
        return {"": sum(day.values())}
    return {t: v for t, v in day.items() if t}


def score(argv):
    grain, first, last, label, files = None, None, None, "", []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--grain", "--from", "--to", "--label") and i + 1 < len(argv):
            if a == "--grain":
                grain = argv[i + 1]
            elif a == "--from":
                first = datetime.date.fromisoformat(argv[i + 1])
            elif a == "--to":
                last = datetime.date.fromisoformat(argv[i + 1])
            else:
                label = argv[i + 1]
            i += 2
        else:
            files.append(a)
            i += 1
    if grain not in ("day", "interval") or not first or not last or len(files) != 2:
        die("usage: score --grain day|interval --from D --to D HISTORY FORECAST")
    hist = read_history(files[0])
    fc = read_forecast(files[1], grain)
    week = datetime.timedelta(days=7)
    rows = []
    tot_a = tot_f = tot_n = tot_p = 0.0
    for key in sorted(hist):
        s = hist[key]
        if grain == "interval" and not any(t for d in s.values() for t in d):
            continue
        # in-sample scale
        ae, k = 0.0, 0
        for d, day in s.items():
            if d < first and d - week in s:
                p, q = points(day, grain), points(s[d - week], grain)
                for t in set(p) | set(q):
                    ae += abs(p.get(t, 0.0) - q.get(t, 0.0))
                    k += 1
        scale = ae / k if k else float("nan")
        hist_days = sorted(d for d in s if d < first)
        e_f = e_n = act = e_p = 0.0
        n = days = 0
        d = first
        while d <= last:
            if d in s:
                days += 1
                a = points(s[d], grain)
                f = points(fc.get(key, {}).get(d), grain)
                src = next((x for x in reversed(hist_days)
                            if x.weekday() == d.weekday()), None)
                nv = points(s[src], grain) if src else {}
                for t in set(a) | set(f) | set(nv):
                    y = a.get(t, 0.0)
                    e_f += abs(y - f.get(t, 0.0))
                    e_p += poisson_mad(f.get(t, 0.0))
                    e_n += abs(y - nv.get(t, 0.0))
                    act += y
                    n += 1
            d += datetime.timedelta(days=1)
        if not n or act <= 0:
            continue
        rows.append((key, days, act, e_f / act, e_f / n / scale, e_n / act,
                     e_n / n / scale, e_p / act))
        tot_a += act
        tot_f += e_f
        tot_n += e_n
        tot_p += e_p
    print("%-22s %5s %11s %8s %7s %8s %7s %7s %7s" % (
        label + " series" if label else "series", "days", "actual",
        "WAPE%", "MASE", "naive%", "nMASE", "ratio", "pois%"))
    for (line, ch), days, act, w, m, wn, mn, wp in rows:
        print("%-22s %5d %11.0f %8.2f %7.3f %8.2f %7.3f %7.2f %7.2f" % (
            "%s %s" % (line, ch), days, act, 100 * w, m, 100 * wn, mn,
            w / wn if wn > 0 else float("nan"), 100 * wp))
    if len(rows) > 1:
        print("%-22s %5s %11.0f %8.2f %7s %8.2f %7s %7.2f %7.2f" % (
            "all (pooled)", "", tot_a, 100 * tot_f / tot_a, "",
            100 * tot_n / tot_a, "", tot_f / tot_n, 100 * tot_p / tot_a))
    return 0


def main(argv):
    if len(argv) == 6 and argv[1] in ("daily-history", "interval-history"):
        to_history(argv[1].split("-")[0], *argv[2:6])
        return 0
    if len(argv) > 1 and argv[1] == "score":
        return score(argv[2:])
    sys.stderr.write(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
