#!/usr/bin/env python3
"""Independent figures for the wfm-report tests on tests/cli/fixtures/report.

    report_cli_ref.py FIXTURES REPORTDIR

Reads the fixture's history, snapshot, baseline, expected volumes and
backlog with the csv module, computes from the definitions of README.md
(wfm-report) in exact fractions - WAPE, bias, MASE, coverage, Poisson floor
per grain, the time-of-day table, the estimates, the answer rates, and the
e-mail first in first out with its opening backlog from cumulative counts -
and compares them with the tables wfm-report wrote as canonical CSV into
REPORTDIR (wfm-report accuracy,service ... -o REPORTDIR/).  Prints the number
of figures checked, or every difference (exit 1).  Standard library only.

The fixture's calendar: Monday to Friday open, no holidays; deadline 2
working days; target answer rate 0.9 (its wfm.conf).
"""
import csv
import datetime as dt
import math
import os
import sys
from fractions import Fraction as F

DEADLINE = 2
TARGET = F(9, 10)
SNAP = dt.date(2026, 3, 16)


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def d(s):
    return dt.date.fromisoformat(s)


def open_day(x):
    return x.weekday() < 5


def add_working(x, n):
    while n > 0:
        x += dt.timedelta(days=1)
        if open_day(x):
            n -= 1
    return x


def due(x):
    rel = x if open_day(x) else add_working(x, 1)
    return add_working(rel, DEADLINE)


def poisson_mad(m):
    """E|X - m| by summing the series (floats are plenty for 1e-6)."""
    m = float(m)
    if m <= 0:
        return 0.0
    p, total, x = math.exp(-m), 0.0, 0
    while True:
        total += abs(x - m) * p
        x += 1
        p *= m / x
        if x > m and p < 1e-18:
            return total


class Acc:
    def __init__(self):
        self.n = 0
        self.a = F(0)
        self.f = F(0)
        self.ae = F(0)
        self.pois = 0.0
        self.bounded = 0
        self.inside = 0

    def add(self, a, f, lo=None, hi=None):
        a, f = F(a), F(f)
        self.n += 1
        self.a += a
        self.f += f
        self.ae += abs(a - f)
        self.pois += poisson_mad(f)
        if lo is not None:
            self.bounded += 1
            self.inside += F(lo) <= a <= F(hi)

    def figures(self, scale=None):
        out = {"periods": self.n, "actual": self.a, "forecast": self.f,
               "wape": self.ae / self.a, "bias": (self.f - self.a) / self.a,
               "poisson_floor": self.pois / float(self.a)}
        out["coverage"] = F(self.inside, self.bounded) if self.bounded else None
        out["mase"] = self.ae / self.n / scale if scale else None
        return out


def accuracy(fix, checks):
    hist = read(os.path.join(fix, "history.csv"))
    snap = read(os.path.join(fix, "forecast-2026-03-16.csv"))
    day = {}    # (line, channel) -> {date: total}
    iv = {}     # (line, channel) -> {(date, time): count}
    for r in hist:
        k = (r["line"], r["channel"])
        day.setdefault(k, {}).setdefault(d(r["date"]), F(0))
        day[k][d(r["date"])] += F(r["offered"])
        if r["time"]:
            iv.setdefault(k, {})[(d(r["date"]), r["time"])] = F(r["offered"])
    fday, fiv, fbound = {}, {}, {}
    for r in snap:
        k = (r["line"], r["channel"])
        x = d(r["period"])
        fday.setdefault(k, {}).setdefault(x, F(0))
        fday[k][x] += F(r["forecast"])
        if r["time"]:
            fiv.setdefault(k, {})[(x, r["time"])] = (F(r["forecast"]), F(r["lo"]), F(r["hi"]))
        else:
            fbound.setdefault(k, {})[x] = (F(r["lo"]), F(r["hi"]))
    for k in sorted(fday):
        days = sorted(x for x in fday[k] if x in day.get(k, {}))
        acc = {g: Acc() for g in ("interval", "day", "week", "month")}
        slots = {}
        for x in days:
            b = fbound.get(k, {}).get(x)
            acc["day"].add(day[k][x], fday[k][x], *(b or (None, None)))
            for t in ("09:00", "10:00"):
                if (x, t) in fiv.get(k, {}):
                    f, lo, hi = fiv[k][(x, t)]
                    a = iv[k].get((x, t), F(0))
                    acc["interval"].add(a, f, lo, hi)
                    slots.setdefault(t, Acc()).add(a, f, lo, hi)
        acc["week"].add(sum(day[k][x] for x in days), sum(fday[k][x] for x in days))
        acc["month"].add(sum(day[k][x] for x in days), sum(fday[k][x] for x in days))
        # scales: the same weekday a week before, over the history before SNAP
        ins = {x: v for x, v in day.get(k, {}).items() if x < SNAP}
        pairs = [abs(v - ins[x - dt.timedelta(days=7)]) for x, v in ins.items()
                 if x - dt.timedelta(days=7) in ins]
        sday = sum(pairs) / len(pairs) if pairs else None
        ipairs = [abs(v - iv[k][(x - dt.timedelta(days=7), t)])
                  for (x, t), v in iv.get(k, {}).items()
                  if x < SNAP and (x - dt.timedelta(days=7), t) in iv[k]]
        siv = sum(ipairs) / len(ipairs) if ipairs else None
        weeks = {}
        for x, v in ins.items():
            weeks.setdefault(x - dt.timedelta(days=x.weekday()), []).append(v)
        wk = [sum(v) for w, v in sorted(weeks.items()) if len(v) == 5]
        swk = sum(abs(wk[i] - wk[i - 1]) for i in range(1, len(wk))) / (len(wk) - 1) \
            if len(wk) > 1 else None
        scale = {"interval": siv, "day": sday, "week": swk, "month": None}
        line, channel = k
        for g in ("interval", "day", "week", "month"):
            if acc[g].n == 0:
                continue
            want = acc[g].figures(scale[g])
            checks.append(("accuracy", {"snapshot": "2026-03-16", "line": line,
                                        "channel": channel, "grain": g}, want))
        for t, a in slots.items():
            want = a.figures()
            want["days"] = want.pop("periods")
            del want["mase"]
            checks.append(("accuracy-time", {"line": line, "channel": channel, "time": t},
                           want))
        for x in days:
            a, f = day[k][x], fday[k][x]
            want = {"actual": a, "forecast": f, "error": f - a, "abs_error_share": abs(a - f) / a}
            checks.append(("accuracy-day", {"date": x.isoformat(), "line": line,
                                            "channel": channel}, want))


def estimates(fix, checks):
    hist = read(os.path.join(fix, "history.csv"))
    snap = read(os.path.join(fix, "forecast-2026-03-16.csv"))
    base = read(os.path.join(fix, "baseline.csv"))
    exp = read(os.path.join(fix, "expected.csv"))

    def total(rows, line, channel, x, key):
        v = [F(r[key]) for r in rows if r["line"] == line and r["channel"] == channel and
             d(r.get("date") or r.get("period")) == x]
        return sum(v) if v else None

    for e in exp:
        x0, x1 = d(e["from"]), d(e["to"])
        n, a, f, b = 0, F(0), F(0), F(0)
        x = x0
        while x <= x1:
            ha = total(hist, e["line"], e["channel"], x, "offered")
            fc = total(snap, e["line"], e["channel"], x, "forecast")
            if open_day(x) and ha is not None and fc is not None:
                n += 1
                a += ha
                f += fc
                b += total(base, e["line"], e["channel"], x, "forecast") or 0
            x += dt.timedelta(days=1)
        want = {"days_compared": n}
        if n:
            want.update({"actual": a, "forecast": f, "baseline": b, "announced_extra": f - b,
                         "actual_extra": a - b, "ratio": (a - b) / (f - b)})
        checks.append(("estimates", {"from": e["from"], "line": e["line"]}, want))


def service(fix, checks):
    hist = read(os.path.join(fix, "history.csv"))
    start, end = dt.date(2026, 3, 16), dt.date(2026, 3, 20)
    live = {}
    for r in hist:
        x = d(r["date"])
        if r["channel"] != "phone" or not start <= x <= end:
            continue
        v = live.setdefault((r["line"], x), [F(0), F(0)])
        v[0] += F(r["offered"])
        v[1] += F(r["handled"])
    for (line, x), (o, h) in sorted(live.items()):
        checks.append(("service-day", {"date": x.isoformat(), "line": line,
                                       "channel": "phone"},
                       {"offered": o, "answered": h, "answer_rate": h / o,
                        "met": "yes" if h / o >= TARGET else "no"}))
    # e-mail: opening backlog 40 on 2026-03-16 (the latest row on or before it)
    em = {d(r["date"]): (F(r["offered"]), F(r["handled"])) for r in hist
          if r["channel"] == "email" and d(r["date"]) >= start}
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    opening = F(40)
    cohorts = [(start - dt.timedelta(days=1), opening)] + [(x, em[x][0]) for x in days]
    pos, starts = F(0), []
    for c, size in cohorts:
        starts.append(pos)
        pos += size
    answered, A, arrived = {}, F(0), opening
    for x in days:
        arrived += em[x][0]
        A += min(em[x][1], arrived - A)
        answered[x] = A

    def done_by(i, x):
        if x < start:
            return F(0)
        return min(max(answered[min(x, end)] - starts[i], F(0)), cohorts[i][1])

    for i, (x, size) in enumerate(cohorts):
        if i == 0:
            continue
        dd = due(x)
        in_time = done_by(i, dd)
        done = done_by(i, end)
        left = size - done
        want = {"offered": size, "in_time": in_time, "late": done - in_time,
                "overdue": left if dd <= end else F(0), "pending": left if dd > end else F(0),
                "due": dd.isoformat(), "open_end": arrived_at(x, cohorts, answered, start),
                "answered": answered[x] - (answered[x - dt.timedelta(days=1)]
                                           if x > start else F(0))}
        due_n = want["in_time"] + want["late"] + want["overdue"]
        want["share_in_time"] = want["in_time"] / due_n if due_n else None
        checks.append(("deferred-day", {"date": x.isoformat(), "line": "L1",
                                        "channel": "email"}, want))
    checks.append(("backlog", {"line": "L1", "channel": "email"},
                   {"open": arrived_at(end, cohorts, answered, start)}))


def arrived_at(x, cohorts, answered, start):
    """Contacts waiting at the end of day x."""
    total = sum(size for c, size in cohorts if c <= x)
    return total - answered[x]


def close(got, want):
    if want is None:
        return got == ""
    if isinstance(want, str):
        return got == want
    if got == "":
        return False
    return abs(float(got) - float(want)) <= 1e-4 * max(1, abs(float(want))) + 0.006


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 64
    fix, out = argv[1], argv[2]
    checks = []
    accuracy(fix, checks)
    estimates(fix, checks)
    service(fix, checks)
    bad = n = 0
    tables = {}
    for table, key, want in checks:
        if table not in tables:
            tables[table] = read(os.path.join(out, table + ".csv"))
        rows = [r for r in tables[table] if all(r[k] == v for k, v in key.items())]
        if len(rows) != 1:
            print("%s %s: %d rows" % (table, key, len(rows)))
            bad += 1
            continue
        for col, v in want.items():
            n += 1
            if not close(rows[0][col], v):
                print("%s %s %s: report %r, reference %s" % (table, key, col, rows[0][col],
                                                              v if v is None or isinstance(v, str)
                                                              else float(v)))
                bad += 1
    print("report_cli_ref: %d figures checked, %d differ" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
