#!/usr/bin/env python3
"""fc_roll.py - rolling-origin accuracy of forecasts (used by
scripts/bench-forecast; standard library only, independent of the C code it
measures).

  fc_roll.py origins LAST K STEP H
      prints K origins (oldest first), comma-separated: the last one H days
      before the day after LAST, the others STEP days apart
  fc_roll.py rin HISTORY CALENDAR LINE CHANNEL OUT
      the series as `date,y,open` for bench_roll.R: every calendar day from
      the series' first day to its last, open from CALENDAR (wfm-calendar's
      date,weekday,open,...), y the day's total (empty: no rows)
  fc_roll.py rin --grain interval HISTORY CALENDAR LINE CHANNEL OUT
      the same per interval for bench_roll_int.R, as `date,time,y,open`: a
      closed day is one row with time and y empty; an open day has a row
      for every time of the day found anywhere in the series' history (an
      absent row of a day with data counts 0, as the scorer counts it; y
      empty on every time of an open day without rows: missing)
  fc_roll.py long METHOD ORIGIN FORECAST
      a wfm-forecast output (period,time,channel,line,forecast,lo,hi,...) as
      `method,origin,date,time,forecast,lo,hi` rows on stdout (no header)
  fc_roll.py simple --grain day|interval HISTORY LINE CHANNEL ORIGINS H
      lastwd (seasonal naive by the calendar: the last same weekday with
      data) and mean4wd (the mean of the last 4 same weekdays with data),
      per day or per interval, from each origin, as
      `method,origin,date,time,forecast,lo,hi` rows (no header; no
      interval); unlike R's snaive and meanwd, which count open days, a
      missing day does not shift them to another weekday
  fc_roll.py score --grain day|interval [--label S] [--r FILE]...
                   HISTORY LINE CHANNEL H FILE...
      scores every method found in FILEs and the --r FILEs (rows method,
      origin,date,time,forecast,lo,hi; a header line and `#` lines are
      skipped; a missing time is a day row) against HISTORY; the ratio of
      wfm to the best other method, and to the best of the methods of the
      --r FILEs (R's), per point and (interval grain) per day total

Definitions (the same for every method):
  points     the days (day grain) or intervals (interval grain) from each
             origin to origin + H - 1 that have data in HISTORY; at interval
             grain every time of the day's rows or of a forecast row counts,
             an absent row counting 0; pooled over all origins
  WAPE       sum |actual - forecast| / sum actual
  MASE       mean |actual - forecast| / the in-sample MAE of seasonal naive
             (same weekday a week before) on the history before the first
             origin, at the same grain
  bias       sum (forecast - actual) / sum actual
  coverage   share of points inside [lo, hi]; below and above: the shares
             under lo and over hi (methods without an interval: empty)
  day        at interval grain, WAPE of the day totals (sum of the day's
             intervals) too
  weeks      WAPE per week of the horizon (days 1-7, 8-14, ...)
"""
import csv
import datetime
import sys

DAY = datetime.timedelta(days=1)


def die(msg):
    sys.stderr.write("fc_roll: %s\n" % msg)
    sys.exit(64)


def read_history(path, line, channel):
    """{date: {time: offered}} of one series; time '' for a day row."""
    s = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["line"] != line or r["channel"] != channel or not r["offered"].strip():
                continue
            d = datetime.date.fromisoformat(r["date"])
            day = s.setdefault(d, {})
            t = r["time"].strip()
            day[t] = day.get(t, 0.0) + float(r["offered"])
    return s


def cmd_origins(argv):
    last = datetime.date.fromisoformat(argv[0])
    k, step, h = int(argv[1]), int(argv[2]), int(argv[3])
    o = [last + DAY - h * DAY - step * i * DAY for i in range(k)]
    print(",".join(x.isoformat() for x in reversed(o)))


def cmd_rin(argv):
    grain = "day"
    if argv[:1] == ["--grain"]:
        grain = argv[1]
        argv = argv[2:]
    if grain not in ("day", "interval") or len(argv) != 5:
        die("rin [--grain day|interval] HISTORY CALENDAR LINE CHANNEL OUT")
    hist, cal, line, ch, out = argv
    s = read_history(hist, line, ch)
    if not s:
        die("no rows for %s %s" % (line, ch))
    opened = {}
    with open(cal, newline="") as f:
        for r in csv.DictReader(f):
            opened[datetime.date.fromisoformat(r["date"])] = r["open"] == "1"
    d, last = min(s), max(s)
    if grain == "interval":
        times = sorted({t for day in s.values() for t in day if t})
        if not times:
            die("no interval rows for %s %s" % (line, ch))
        with open(out, "w") as g:
            g.write("date,time,y,open\n")
            while d <= last:
                if not opened.get(d, True):
                    g.write("%s,,,0\n" % d)
                for t in times if opened.get(d, True) else ():
                    y = "%g" % s[d].get(t, 0.0) if d in s else ""
                    g.write("%s,%s,%s,1\n" % (d, t, y))
                d += DAY
        return
    with open(out, "w") as g:
        g.write("date,y,open\n")
        while d <= last:
            op = opened.get(d, True)
            y = "%g" % sum(s[d].values()) if op and d in s else ""
            g.write("%s,%s,%d\n" % (d, y, 1 if op else 0))
            d += DAY


def cmd_long(argv):
    method, origin, path = argv
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            print("%s,%s,%s,%s,%s,%s,%s" % (method, origin, r["period"], r["time"],
                                           r["forecast"], r["lo"], r["hi"]))


def points(day, grain):
    if grain == "day":
        return {"": sum(day.values())}
    return {t: v for t, v in day.items() if t}


def cmd_simple(argv):
    grain = argv[1] if argv[0] == "--grain" else die("simple --grain G ...")
    hist, line, ch, origins, h = argv[2:7]
    s = read_history(hist, line, ch)
    for o in origins.split(","):
        o = datetime.date.fromisoformat(o)
        before = sorted(d for d in s if d < o)
        for j in range(int(h)):
            d = o + j * DAY
            same = [x for x in reversed(before) if x.weekday() == d.weekday()][:4]
            if not same or d not in s:
                continue
            for name, days in (("lastwd", same[:1]), ("mean4wd", same)):
                acc = {}
                for x in days:
                    for t, v in points(s[x], grain).items():
                        acc[t] = acc.get(t, 0.0) + v / len(days)
                for t, v in sorted(acc.items()):
                    print("%s,%s,%s,%s,%.3f,," % (name, o, d, t, v))


def read_forecasts(files):
    """{method: {(origin, date, time): (forecast, lo, hi)}}."""
    fc = {}
    for path in files:
        with open(path, newline="") as f:
            for row in csv.reader(f):
                if not row or row[0].startswith("#") or row[0] == "method":
                    continue
                if len(row) == 6:  # bench_roll.R: no time column
                    row = row[:3] + [""] + row[3:]
                m, o, d, t, v, lo, hi = row[:7]
                num = lambda x: float(x) if x.strip() not in ("", "NA") else None
                fc.setdefault(m, {})[(datetime.date.fromisoformat(o),
                                      datetime.date.fromisoformat(d), t)] = (
                    num(v) or 0.0, num(lo), num(hi))
    return fc


def scale_of(s, first, grain):
    ae, k = 0.0, 0
    for d, day in s.items():
        w = d - 7 * DAY
        if d < first and w in s:
            p, q = points(day, grain), points(s[w], grain)
            for t in set(p) | set(q):
                ae += abs(p.get(t, 0.0) - q.get(t, 0.0))
                k += 1
    return ae / k if k else float("nan")


def cmd_score(argv):
    grain, label, rest, rfiles = None, "", [], []
    i = 0
    while i < len(argv):
        if argv[i] in ("--grain", "--label", "--r") and i + 1 < len(argv):
            if argv[i] == "--grain":
                grain = argv[i + 1]
            elif argv[i] == "--r":
                rfiles.append(argv[i + 1])
            else:
                label = argv[i + 1]
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    if grain not in ("day", "interval") or len(rest) < 4 + (not rfiles):
        die("score --grain day|interval [--r FILE]... HISTORY LINE CHANNEL H FILE...")
    hist, line, ch, h = rest[:4]
    h = int(h)
    s = read_history(hist, line, ch)
    fc = read_forecasts(rest[4:] + rfiles)
    rmethods = set(read_forecasts(rfiles))
    origins = sorted({k[0] for m in fc.values() for k in m})
    if not origins:
        die("no forecasts")
    scale = scale_of(s, origins[0], grain)
    res = {}
    for m, f in fc.items():
        st = dict(ae=0.0, dev=0.0, act=0.0, n=0, inn=0, lo=0, hi=0, ni=0,
                  dae=0.0, dact=0.0, wk={})
        for o in origins:
            for j in range(h):
                d = o + j * DAY
                if d not in s:
                    continue
                act = points(s[d], grain)
                keys = set(act) | {k[2] for k in f if k[0] == o and k[1] == d} \
                    if grain == "interval" else {""}
                dsum_a = dsum_f = 0.0
                for t in keys:
                    y = act.get(t, 0.0)
                    v, lo, hi = f.get((o, d, t), (0.0, None, None))
                    st["ae"] += abs(y - v)
                    st["dev"] += v - y
                    st["act"] += y
                    st["n"] += 1
                    w = st["wk"].setdefault(j // 7, [0.0, 0.0])
                    w[0] += abs(y - v)
                    w[1] += y
                    dsum_a += y
                    dsum_f += v
                    if lo is not None and hi is not None:
                        st["ni"] += 1
                        if y < lo - 1e-9:
                            st["lo"] += 1
                        elif y > hi + 1e-9:
                            st["hi"] += 1
                        else:
                            st["inn"] += 1
                st["dae"] += abs(dsum_a - dsum_f)
                st["dact"] += dsum_a
        if st["n"] and st["act"] > 0:
            res[m] = st
    others = [m for m in res if m != "wfm"]
    head = "%-9s %6s %8s %7s %7s %7s %6s %6s" % ("method", "points", "WAPE%", "MASE",
                                              "bias%", "cover%", "below%", "above%")
    if grain == "interval":
        head += " %8s" % "dayWAPE%"
    head += "  WAPE% by week of the horizon"
    print("%s %s, %d origins (%s .. %s) x %d days, %s grain" % (
        label or "series", "%s %s" % (line, ch), len(origins), origins[0], origins[-1], h, grain))
    print(head)
    order = sorted(res, key=lambda m: (m != "wfm", res[m]["ae"] / res[m]["act"]))
    for m in order:
        st = res[m]
        cov = ("%7.1f %6.1f %6.1f" % (100 * st["inn"] / st["ni"], 100 * st["lo"] / st["ni"],
                                      100 * st["hi"] / st["ni"])) if st["ni"] else \
            "%7s %6s %6s" % ("", "", "")
        line_ = "%-9s %6d %8.2f %7.3f %7.2f %s" % (
            m, st["n"], 100 * st["ae"] / st["act"], st["ae"] / st["n"] / scale,
            100 * st["dev"] / st["act"], cov)
        if grain == "interval":
            line_ += " %8.2f" % (100 * st["dae"] / st["dact"])
        line_ += "  " + " ".join("%.1f" % (100 * a / b) for _, (a, b) in
                                 sorted(st["wk"].items()) if b > 0)
        print(line_)
    wape = lambda m: res[m]["ae"] / res[m]["act"]
    dwape = lambda m: res[m]["dae"] / res[m]["dact"]
    rs = [m for m in others if m in rmethods]
    for what, group in (("other", others), ("R method", rs)):
        if "wfm" not in res or not group:
            continue
        b = min(group, key=wape)
        print("ratio wfm / best %s (%s): %.3f" % (what, b, wape("wfm") / wape(b)))
        if grain == "interval":
            b = min(group, key=dwape)
            print("ratio of day totals wfm / best %s (%s): %.3f" % (
                what, b, dwape("wfm") / dwape(b)))
    return 0


def main(argv):
    cmds = {"origins": cmd_origins, "rin": cmd_rin, "long": cmd_long, "simple": cmd_simple,
            "score": cmd_score}
    if len(argv) < 2 or argv[1] not in cmds:
        sys.stderr.write(__doc__)
        return 64
    return cmds[argv[1]](argv[2:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
