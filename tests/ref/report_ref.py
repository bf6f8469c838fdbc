#!/usr/bin/env python3
"""Reference values for lib/report/ (wfm-report's arithmetic), exact.

Poisson floor: E|X - m| for X ~ Poisson(m) summed term by term in Decimal
arithmetic at 60 digits (sum over x of |x - m| e^-m m^x / x!, until the
terms vanish) - not the closed form the C code uses.

First in, first out: a second algorithm.  The C code walks a queue of
cohorts; here everything follows from cumulative counts in exact fractions:
the contacts answered up to the end of day j are
    A(j) = A(j-1) + min(handled[j], arrived up to j - A(j-1)),
and a cohort that starts at position S in arrival order (the opening
backlog first) with size s has min(max(A(j) - S, 0), s) answered by day j.
In time = answered by its due day; late = answered in all minus in time;
what is left is overdue when its due day lies within the run, else pending.

Accuracy: WAPE, bias, MASE, coverage and floor of a small series from their
definitions in report.h, in fractions (the floor from the Decimal sums).

Writes tests/ref/report_ref.inc.   Run: python3 tests/ref/report_ref.py
"""
import os
from decimal import Decimal, getcontext
from fractions import Fraction as F

getcontext().prec = 60


def poisson_mad(m):
    """sum_x |x - m| P(X = x), X ~ Poisson(m), m a Fraction, to 1e-40."""
    m = Decimal(m.numerator) / Decimal(m.denominator)
    if m == 0:
        return Decimal(0)
    p = (-m).exp()
    total = Decimal(0)
    x = 0
    while True:
        total += abs(x - m) * p
        x += 1
        p = p * m / x
        if x > m and p * (x + 1) < Decimal(10) ** -45:
            break
    return total


def fifo(offered, handled, due, opening, opening_due):
    days = len(offered)
    coh = []  # (day, start, size, due)
    pos = F(0)
    if opening > 0:
        coh.append((-1, pos, F(opening), opening_due))
        pos += F(opening)
    for i in range(days):
        if offered[i] > 0:
            coh.append((i, pos, F(offered[i]), due[i]))
            pos += F(offered[i])
    arrived = []  # cumulative arrivals up to day j (with the opening backlog)
    a = F(opening)
    for i in range(days):
        a += F(offered[i])
        arrived.append(a)
    ans = []
    A = F(0)
    surplus = []
    for j in range(days):
        take = min(F(handled[j]), arrived[j] - A)
        surplus.append(F(handled[j]) - take)
        A += take
        ans.append(A)

    def answered_by(c, j):
        if j < 0:
            return F(0)
        j = min(j, days - 1)
        return min(max(ans[j] - c[1], F(0)), c[2])

    out = []
    for j in range(days):
        before = ans[j - 1] if j else F(0)
        open_ = (arrived[j - 1] if j else F(opening)) - before
        backlog = arrived[j] - ans[j]
        past = F(0)
        oldest = -1
        for c in coh:
            if c[0] > j:
                continue
            left = c[2] - answered_by(c, j)
            if left > 0:
                if oldest < 0:
                    oldest = j - c[0]
                if c[3] <= j:
                    past += left
        out.append({"open": open_, "answered": ans[j] - before, "surplus": surplus[j],
                    "backlog": backlog, "past_due": past, "oldest": oldest,
                    "in_time": F(0), "late": F(0), "overdue": F(0), "pending": F(0)})
    op = {"in_time": F(0), "late": F(0), "overdue": F(0), "pending": F(0)}
    for c in coh:
        rec = op if c[0] < 0 else out[c[0]]
        in_time = answered_by(c, c[3])
        done = answered_by(c, days - 1)
        rec["in_time"] += in_time
        rec["late"] += done - in_time
        rec["overdue" if c[3] < days else "pending"] += c[2] - done
    return out, op


FIFO_CASES = [
    # name, offered, handled, due, opening, opening_due
    ("no backlog, on time", [10, 10, 10, 10, 10], [10, 10, 10, 10, 10],
     [2, 3, 4, 5, 6], 0, 0),
    ("opening backlog first", [10, 10, 10, 10, 10], [12, 12, 12, 12, 12],
     [2, 3, 4, 5, 6], 15, 1),
    ("a spike, late", [40, 5, 5, 5, 5], [10, 10, 10, 10, 10],
     [2, 3, 4, 5, 6], 0, 0),
    # Monday .. Sunday: Saturday and Sunday closed (no handling), arrivals of
    # Thursday, Friday, Saturday and Sunday due two working days on
    ("weekend", [20, 18, 16, 15, 14, 3, 2], [18, 20, 15, 16, 12, 0, 0],
     [2, 3, 4, 7, 8, 8, 8], 6, 0),
    ("surplus: too little backlog", [5, 5, 5], [8, 6, 5], [1, 2, 3], 2, 0),
    ("fractions", [F(7, 2), F(1, 3), 0, F(5, 4)], [F(1, 2), F(2, 3), F(9, 4), F(1, 8)],
     [0, 1, 2, 3], F(1, 10), -1),
    ("nothing handled", [3, 4, 5], [0, 0, 0], [0, 1, 5], 2, 1),
]

# Accuracy: day points (actual, forecast, lo, hi or None) and an in-sample
# history for the seasonal-naive scale (values, have flags), lag 7.
ACC_POINTS = [(120, 110, 95, 130), (95, 100, 85, 115), (0, 3, None, None),
              (80, 92, 82, 100), (150, 140, 120, 160), (60, F(125, 2), 50, 75)]
ACC_HIST = [100, 90, 85, 70, 130, 0, 0, 110, 95, 80, 75, 120, 0, 0, 105, 100, 90, 72, 140,
            0, 0, 98]
ACC_HAVE = [1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1]


def num(x):
    return repr(float(x))


def accuracy():
    n = len(ACC_POINTS)
    act = sum(F(p[0]) for p in ACC_POINTS)
    fc = sum(F(p[1]) for p in ACC_POINTS)
    ae = sum(abs(F(p[0]) - F(p[1])) for p in ACC_POINTS)
    bounded = [p for p in ACC_POINTS if p[2] is not None]
    inside = sum(1 for p in bounded if p[2] <= p[0] <= p[3])
    floor = sum(poisson_mad(F(p[1])) for p in ACC_POINTS) / Decimal(act.numerator) * \
        Decimal(act.denominator)
    pairs = [abs(F(ACC_HIST[t]) - F(ACC_HIST[t - 7])) for t in range(7, len(ACC_HIST))
             if ACC_HAVE[t] and ACC_HAVE[t - 7]]
    scale = sum(pairs) / len(pairs)
    return {"wape": ae / act, "bias": (fc - act) / act, "mase": ae / n / scale,
            "scale": scale, "coverage": F(inside, len(bounded)), "floor": floor}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    out.append("/* Generated by tests/ref/report_ref.py - do not edit. */")
    out.append("/* {m, E|X - m|} for X ~ Poisson(m) */")
    ms = [F(1, 10), F(1, 2), F(1), F(3, 2), F(5), F(123, 10), F(59, 2), F(30), F(125, 4), F(40),
          F(999, 2), F(10000), F(123457, 2)]
    out.append("#define POISSON_CASES \\")
    out.append(", \\\n".join("\t{%s, %s}" % (num(m), repr(float(poisson_mad(m))))
                             for m in ms))
    out.append("")
    out.append("/* {name, days, {offered}, {handled}, {due}, opening, opening_due,\n"
               "    {{open, answered, surplus, backlog, past_due, oldest, in_time, late,\n"
               "      overdue, pending} per day}, {in_time, late, overdue, pending}} */")
    out.append("#define FIFO_CASES \\")
    cases = []
    keys = ["open", "answered", "surplus", "backlog", "past_due", "oldest", "in_time",
            "late", "overdue", "pending"]
    for name, off, han, due, op, opd in FIFO_CASES:
        days, opening = fifo(off, han, due, op, opd)
        for i, d in enumerate(days):
            assert d["in_time"] + d["late"] + d["overdue"] + d["pending"] == F(off[i])
        s = "\t{%s, %d, {%s}, {%s}, {%s}, %s, %d, \\\n\t {%s}, \\\n\t {%s}}" % (
            '"' + name + '"', len(off), ", ".join(num(x) for x in off),
            ", ".join(num(x) for x in han), ", ".join(str(x) for x in due), num(op), opd,
            ", ".join("{" + ", ".join(str(d[k]) if k == "oldest" else num(d[k])
                                      for k in keys) + "}" for d in days),
            ", ".join(num(opening[k]) for k in ["in_time", "late", "overdue", "pending"]))
        cases.append(s)
    out.append(", \\\n".join(cases))
    out.append("")
    acc = accuracy()
    out.append("/* accuracy of ACC_POINTS against the scale of ACC_HIST (lag 7) */")
    for k in ["wape", "bias", "mase", "scale", "coverage", "floor"]:
        out.append("#define ACC_%s %s" % (k.upper(), repr(float(acc[k]))))
    path = os.path.join(here, "report_ref.inc")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
