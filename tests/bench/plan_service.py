#!/usr/bin/env python3
"""plan_service.py - the expected service of a plan, as wfm-staff computes it.

    plan_service.py --staff WFM_STAFF [--config FILE] [--closed FILE]
                    [--holidays be|none] REQUIREMENTS COVERAGE

Turns the plan's coverage (date,time,line,required,planned,gap) into a
staffing file with a channel column, evaluates it with `wfm-staff
--evaluate` against the requirements without their callback rows (the phone
model makes those again), and prints one line:

    answered A sl S calls V worst_day DATE A_DAY worst_interval DATE TIME LINE A_INT

A is the week's share of the live contacts (phone and chat) answered, S the
share answered within sl_time, both weighted by volume over every interval;
the worst day and interval are those with the lowest answer rate (intervals
with at least one contact).  A line with phone and chat in the same interval
gives its chat its required agents first (at most the planned ones) and the
rest to phone: the plan covers lines, not channels.  Used by scripts/bench-plan
to compare plans by the figure the planner is held to; it recomputes nothing
itself: the queueing is wfm-staff's.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

LIVE = ("phone", "chat")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--staff", required=True)
    ap.add_argument("--config")
    ap.add_argument("--closed")
    ap.add_argument("--holidays")
    ap.add_argument("requirements")
    ap.add_argument("coverage")
    o = ap.parse_args()

    with open(o.requirements, newline="") as f:
        req = list(csv.DictReader(f))
    need = {}      # (date, time, line) -> {channel: agents}
    for r in req:
        if r["time"] and r["channel"] in LIVE:
            need.setdefault((r["date"], r["time"], r["line"]), {})[r["channel"]] = \
                float(r["agents"])
    planned = {}
    with open(o.coverage, newline="") as f:
        for r in csv.DictReader(f):
            if r["time"]:
                planned[(r["date"], r["time"], r["line"])] = float(r["planned"])

    tmp = tempfile.mkdtemp(prefix="plan_service.")
    try:
        st = os.path.join(tmp, "staffing.csv")
        with open(st, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["date", "time", "channel", "line", "agents"])
            for key in sorted(need):
                left = planned.get(key, 0.0)
                chans = need[key]
                give = {}
                for ch in sorted(c for c in chans if c != "phone"):
                    give[ch] = min(left, chans[ch])
                    left -= give[ch]
                if "phone" in chans:
                    give["phone"] = left
                elif give:
                    give[sorted(give)[0]] += left
                for ch in sorted(give):
                    w.writerow([key[0], key[1], ch, key[2], "%g" % give[ch]])
        dm = os.path.join(tmp, "demand.csv")
        with open(o.requirements, newline="") as f, open(dm, "w", newline="") as g:
            rd = csv.reader(f)
            w = csv.writer(g, lineterminator="\n")
            head = next(rd)
            ci = head.index("channel")
            w.writerow(head)
            for row in rd:
                if row[ci] != "callback":
                    w.writerow(row)
        cmd = [o.staff]
        if o.config:
            cmd += ["--config", o.config]
        if o.closed:
            cmd += ["--closed", o.closed]
        if o.holidays:
            cmd += ["--holidays", o.holidays]
        cmd += ["--evaluate", st, dm]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        if r.returncode != 0:
            sys.stderr.write("plan_service: %s\n" % r.stderr.strip())
            return 1
    finally:
        for n in ("staffing.csv", "demand.csv"):
            try:
                os.remove(os.path.join(tmp, n))
            except OSError:
                pass
        os.rmdir(tmp)

    vol = ans = sl = 0.0
    day = {}
    worst = None
    for r in csv.DictReader(io.StringIO(r.stdout)):
        if not r["time"] or r["channel"] not in LIVE:
            continue
        v = float(r["volume"])
        if v <= 0:
            continue
        a = float(r["answer_rate"])
        vol += v
        ans += a * v
        sl += float(r["service_level"]) * v
        d = day.setdefault(r["date"], [0.0, 0.0])
        d[0] += v
        d[1] += a * v
        if v >= 1.0 and (worst is None or a < worst[0]):
            worst = (a, r["date"], r["time"], r["line"])
    if vol <= 0:
        print("answered - sl - calls 0")
        return 0
    wd = min(day, key=lambda k: day[k][1] / day[k][0])
    print("answered %.4f sl %.4f calls %.0f worst_day %s %.4f worst_interval %s %s %s %.4f" % (
        ans / vol, sl / vol, vol, wd, day[wd][1] / day[wd][0],
        worst[1], worst[2], worst[3], worst[0]) if worst else
        "answered %.4f sl %.4f calls %.0f" % (ans / vol, sl / vol, vol))
    return 0


if __name__ == "__main__":
    sys.exit(main())
