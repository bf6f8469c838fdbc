#!/usr/bin/env python3
"""Reference figures for deferred work that starts from a backlog (wfm-staff
--backlog, lib/run/staffrun_backlog.c and the deferred jobs of staffrun.c).

Independent of the C code: its own calendar (Monday to Friday, extra closed
days), its own release and due days, the smoothest capacities by Yao, Demers
and Shenker's critical-interval algorithm (not the taut string of the code)
in exact fractions, and a first-in first-out run of the contacts in exact
fractions.  The rules it encodes are those of the README:

- the arrivals of calendar day d are released on the first working day on or
  after d and due at the end of the deadline-th working day after d (counted
  from the day after d; deadline 0: the release day), at the latest on the
  last working day of the period;
- the backlog at the start of date B (no working day between B and the
  period's first day) counts as arrived on the last working day before B:
  released on the first working day, due at the end of working day
  max(deadline, 1) - 1 of the period (0-based), at the latest the last one;
- it is worked first (first in, first out);
- the written requirement is the capacity rounded up to 2 decimals.

For each case it writes the required capacities and, for a given staffing
(agent-hours per working day), the evaluation of every working day: the
contacts released, the share of them answered in time, the contacts left at
the end of the day and whether work is past its deadline.

Writes tests/ref/backlog_ref.inc.   Run: python3 tests/ref/backlog_ref.py
"""
import datetime
import math
import os
import random
from fractions import Fraction


def yds(days, jobs):
    """Smoothest capacities: jobs (release, due, work) over working-day
    indexes 0..days-1, both inclusive."""
    cap = [Fraction(0)] * days
    alive = list(range(days))
    todo = [(r, d, Fraction(w)) for r, d, w in jobs if w > 0]
    while todo:
        def first_at_or_after(x):
            return next(i for i, day in enumerate(alive) if day >= x)

        def last_at_or_before(x):
            return max(i for i, day in enumerate(alive) if day <= x)

        win = [(first_at_or_after(r), last_at_or_before(d), w) for r, d, w in todo]
        best = None
        for s in range(len(alive)):
            for e in range(s, len(alive)):
                load = sum(w for a, b, w in win if a >= s and b <= e)
                dens = load / (e - s + 1)
                if best is None or dens > best[0]:
                    best = (dens, s, e)
        dens, s, e = best
        chosen = alive[s:e + 1]
        for day in chosen:
            cap[day] = dens
        todo = [job for job, (a, b, w) in zip(todo, win) if not (a >= s and b <= e)]
        alive = [day for day in alive if day not in chosen]
    return cap


def fifo(jobs, cap):
    """jobs in arrival order: (release, due, contacts, work); cap per working
    day.  Returns per working day (released, share in time, left, late)."""
    days = len(cap)
    rem = [Fraction(w) for _, _, _, w in jobs]
    released = [Fraction(0)] * days
    intime = [Fraction(0)] * days
    out = []
    for r, _, v, _ in jobs:
        released[r] += v
    for k in range(days):
        c = Fraction(cap[k])
        for j, (r, _, _, _) in enumerate(jobs):
            if r <= k and c > 0:
                take = min(c, rem[j])
                rem[j] -= take
                c -= take
        left = Fraction(0)
        late = False
        for j, (r, d, v, w) in enumerate(jobs):
            if d == k and w > 0:
                intime[r] += v * (1 - rem[j] / w)
            if r <= k and rem[j] > 0:
                left += v * rem[j] / w
                late = late or d <= k
        out.append([left, late])
    return [(released[k], intime[k] / released[k] if released[k] else Fraction(1),
             out[k][0], out[k][1]) for k in range(days)]


def case(name, first, ncal, arrivals, deadline, aht, boff, bopen, closed=(), staffing=None):
    """arrivals: contacts per open calendar day 0..ncal-1 (a dict offset ->
    contacts, 0 when absent; the forecast has a row for every weekday, so the
    period runs to the first working day on or after the last one); boff:
    the backlog's date as an offset from `first` (<= 0); staffing: agent-hours
    per working day, or a function of their number giving them."""
    def is_open(off):
        day = first + datetime.timedelta(days=off)
        return day.weekday() < 5 and off not in closed

    # the period: `first` to the first working day on or after its last
    # weekday (the forecast has a row on every weekday, closed or not)
    last = max(o for o in range(ncal) if (first + datetime.timedelta(days=o)).weekday() < 5)
    while not is_open(last):
        last += 1
    wdays = [off for off in range(0, last + 1) if is_open(off)]
    assert all(not is_open(o) for o in range(boff, 0)), "a working day before the first"

    def widx_ge(off):
        return next(i for i, w in enumerate(wdays) if w >= off)

    def due_of(off):
        if deadline == 0:
            return widx_ge(off)
        n, x = 0, off
        while True:
            x += 1
            if x > last:
                return len(wdays) - 1
            if is_open(x):
                n += 1
                if n == deadline:
                    return max(widx_ge(x), widx_ge(off))

    hours = Fraction(aht, 3600)
    bdue = min(max(deadline, 1) - 1, len(wdays) - 1)
    jobs = [(0, bdue, Fraction(bopen), Fraction(bopen) * hours)]
    for off in range(ncal):
        if off in arrivals:
            v = Fraction(arrivals[off])
            jobs.append((widx_ge(off), due_of(off), v, v * hours))
    cap = yds(len(wdays), [(r, d, w) for r, d, _, w in jobs])
    written = [Fraction(math.ceil(c * 100), 100) for c in cap]
    if callable(staffing):
        staffing = staffing(len(wdays))
    assert len(staffing) == len(wdays)
    ev = fifo(jobs, [Fraction(s) for s in staffing])
    req = fifo(jobs, written)
    return dict(name=name, first=first, ncal=ncal, arrivals=arrivals, deadline=deadline,
                aht=aht, boff=boff, bopen=bopen, closed=closed, wdays=wdays, cap=written,
                req=req, staffing=staffing, ev=ev)


def cases():
    mon = datetime.date(2025, 3, 3)
    ten = {o: 10 for o in range(12) if (mon + datetime.timedelta(days=o)).weekday() < 5}
    # the hand-worked case of test_staffrun_backlog.c: two weeks of 10
    # contacts of an hour a day, 30 waiting on Saturday, deadline 2: 15, 15,
    # then 12.5; the plan without the backlog (10 a day) evaluated
    yield case("hand", mon, 12, ten, 2, 3600, -2, 30, staffing=[10] * 10)
    yield case("deadline0", mon, 5, {0: 4, 1: 8, 3: 2}, 0, 1800, 0, 6, staffing=[3, 4, 1, 0, 1])
    yield case("deadline1", mon, 5, {0: 4, 1: 8, 3: 2}, 1, 1800, -1, 6, staffing=[2, 2, 2, 2, 2])
    yield case("holiday", mon, 10, {0: 20, 1: 5, 3: 5, 4: 30, 7: 10, 8: 1}, 3, 900, -2, 40,
               closed=(2,), staffing=[5, 5, 5, 5, 5, 5, 5])
    yield case("backlog only", mon, 5, {}, 2, 600, 0, 18, staffing=[1, 1, 1, 0, 0])
    yield case("no backlog", mon, 8, {0: 9, 1: 3, 4: 12, 7: 2}, 2, 3600, 0, 0,
               staffing=[4, 4, 4, 4, 4, 4])
    rnd = random.Random(1700)
    for k in range(6):
        ncal = rnd.randint(5, 19)
        arr = {o: rnd.choice([0, 1, 2, 3, 5, 8, 13, 40]) for o in range(ncal)
               if (mon + datetime.timedelta(days=o)).weekday() < 5 and rnd.random() < 0.9}
        closed = tuple(o for o in range(1, ncal) if rnd.random() < 0.1)
        dl = rnd.randint(0, 4)
        aht = rnd.choice([600, 1800, 3600])
        bopen = rnd.choice([0, 3, 17, 60])

        def staff(nw):
            return [rnd.choice([0, 1, 2, 3, 5, 8]) for _ in range(nw)]
        yield case("random %d" % k, mon, ncal, arr, dl, aht, -rnd.randint(0, 2), bopen,
                   closed, staff)


def f(x):
    return "%.17g" % float(x)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = ["/* Generated by tests/ref/backlog_ref.py: deferred work from a backlog,",
           " * smoothest capacities by Yao-Demers-Shenker and a first-in first-out run,",
           " * in exact fractions.  Do not edit. */",
           "#define BACKLOG_CASES \\"]
    for c in cases():
        arr = ", ".join("%d" % c["arrivals"].get(o, 0) for o in range(c["ncal"]))
        closed = ", ".join("%d" % o for o in c["closed"]) or "-1"
        nw = len(c["wdays"])
        wd = ", ".join("%d" % w for w in c["wdays"])
        cap = ", ".join(f(x) for x in c["cap"])
        rvol = ", ".join(f(x[0]) for x in c["req"])
        staff = ", ".join(f(x) for x in c["staffing"])
        ev = ", ".join("{%s, %s, %s, %d}" % (f(a), f(b), f(l), int(t)) for a, b, l, t in c["ev"])
        out.append('\t{"%s", %d, %d, {%s}, %d, %d, %d, %d, {%s}, %d, {%s}, {%s}, {%s}, {%s}, '
                   '{%s}}, \\' % (c["name"], c["ncal"], c["deadline"], arr, c["aht"], c["boff"],
                                  c["bopen"], len(c["closed"]), closed, nw, wd, cap, rvol,
                                  staff, ev))
    out.append("")
    with open(os.path.join(here, "backlog_ref.inc"), "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
