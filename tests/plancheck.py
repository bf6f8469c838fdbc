#!/usr/bin/env python3
"""plancheck.py - an independent check of wfm-plan's CSV outputs.

Reads only CSV files: the plan's inputs (requirements, agents, leave,
trainings) and its outputs (roster, coverage, decisions, summary), and checks
the hard rules of lib/plan.h and the contracts of lib/planrun.h and
DESIGN.md.  Written from those comments, not from the library's code.
It also judges the plan as a planner would: the expected service of the
coverage recomputed with its own M/M/n+D model, intervals of a line left far
below the rest of its day, deferred work late while agents who could do it
stood idle, leave decisions compared with another run's.

  plancheck.py [RULE OPTIONS] --requirements F --agents F [--leave F]
               [--trainings F] --roster F [--coverage F] [--decisions F]
               [--summary F]

Rule options (defaults: those of lib/config.h and lib/plan.h):
  --interval 15  --open 09:00-19:00 (or --open-hours)  --open-days mon-fri
  --holidays be|none  --closed DATE,...  --closed-file CSV (date column)
  --from DATE --to DATE (default: the Monday-Sunday week
  of the earliest requirement date)  --shifts 8:30,6:30,4:00
  --start-step 15  --lunch 30  --lunch-window 3:00-5:00  --lunch-after 6:00
  --break 15  --break-windows 1:00-2:30,5:30-7:15  --min-rest 11:00
  --max-days 5  --hours-tolerance 1:00  --week-days 5  --training-step 30
  --column agents  --deferred-days 0  --line-weights LINE=W,...
  --under-weight 1 --over-weight 0.1 --preference-weight 0.05
  --late-weight 0.8 --leave-weight 0.5
  --objective service|linear  wfm-plan's objective (service): linear
                 recomputes the objective exactly; service checks that it
                 is at least its terms other than the service cost
  --callback-after 150 --sl-time 20   the phone model of [staff] (patience
                 none): the coverage's answer_rate and service_level, and the
                 summary's answer rates, are recomputed with M/M/n+D (and
                 the chat model below)
  --concurrency 2 --chat-aht S,S,...   the chat model of [staff] (patience
                 none): agents hold up to concurrency chats, the handle time
                 at k chats from chat_aht, else aht x k / 1, 1.7, 2.5, 2.9, 3.5;
                 a line with phone and chat splits its agents as wfm-plan does
                 (--depth-weight 40, targets 95 % answered for the phone, 80 %
                 within sl_time for the chat)
  --chat-model N,CHATS_PER_HOUR,AHT1[,AHT2...]   print the chat model's
                 answer rate and service level (within --sl-time) and exit
  --no-service   do not recompute the expected service (other models)
  --hole-ratio 0.5 --hole-min 2   flag an interval of a line (requiring at
                 least hole-min agents) planned below hole-ratio x the
                 coverage ratio of the rest of its day; 0: no such check
  --no-judge     only the rules and figures: no hole check, no check of
                 deferred work late while holders of its skill stood idle
                 (--judge: with them, the default)
  --same-decisions F   the decisions of another run of the same input (another
                 time limit): the leave decisions must be the same
  --max-report N report the first N violations (50)
  --show-rules   print the shift types the rules give and exit
  --no-objective do not recompute the objective

Output: nothing and exit 0 when everything holds; else one line per
violation (the first 50, then a count) on stdout and exit 1.  Exit 2 for a
usage error or an input that cannot be read.
"""
import csv
import datetime
import io
import math
import sys
import unicodedata

MAXSHOW = 50


class Usage(Exception):
    pass


class Unreadable(Exception):
    pass


# ---------------------------------------------------------------- parsing

def hm(text, what):
    """H:MM or a plain number of minutes -> minutes."""
    s = text.strip()
    try:
        if ":" in s:
            h, m = s.split(":")
            if not h.isdigit() or len(m) != 2 or not m.isdigit() or int(m) >= 60:
                raise ValueError
            return int(h) * 60 + int(m)
        if not s.isdigit():
            raise ValueError
        return int(s)
    except ValueError:
        raise Usage("%s: not a duration: '%s'" % (what, text))


def hm_range(text, what):
    parts = text.strip().split("-")
    if len(parts) != 2:
        raise Usage("%s: not a range: '%s'" % (what, text))
    a, b = hm(parts[0], what), hm(parts[1], what)
    if b < a:
        raise Usage("%s: end before start: '%s'" % (what, text))
    return a, b


def clock(text):
    """HH:MM (00:00..24:00) -> minutes, or None."""
    s = text.strip()
    if len(s) < 4 or ":" not in s:
        return None
    h, _, m = s.partition(":")
    if not h.isdigit() or len(h) > 2 or len(m) != 2 or not m.isdigit():
        return None
    v = int(h) * 60 + int(m)
    if int(m) >= 60 or v > 1440:
        return None
    return v


def fmt_clock(m):
    return "%02d:%02d" % (m // 60, m % 60)


def parse_date(text):
    s = text.strip()
    try:
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            return datetime.date(int(s[:4]), int(s[5:7]), int(s[8:]))
        if "/" in s:
            d, m, y = s.split("/")
            return datetime.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return None


def parse_num(text, comma=False):
    s = text.strip()
    if comma:
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    if math.isnan(v) or math.isinf(v):
        return None
    return v


def num_tol(text):
    """Half a unit in the last printed place of a number, plus a little."""
    s = text.strip().lower().replace(",", ".")
    mant, _, exp = s.partition("e")
    dec = len(mant.partition(".")[2])
    try:
        e = int(exp) if exp else 0
    except ValueError:
        e = 0
    return 0.5 * 10.0 ** (e - dec) + 1e-9


def norm_key(name):
    s = unicodedata.normalize("NFKD", name.strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace(" ", "_").replace("-", "_")


class Table:
    """A CSV file with a header: rows as dicts keyed by canonical names."""

    def __init__(self, path, aliases, required, what):
        self.path = path
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as ex:
            raise Unreadable("%s: cannot read: %s" % (path, ex.strerror))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Unreadable("%s: not UTF-8" % path)
        first = text.split("\n", 1)[0]
        self.delim = ";" if first.count(";") > first.count(",") else ","
        self.comma = self.delim == ";"
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=self.delim))
        if not rows:
            raise Unreadable("%s: empty file" % path)
        self.cols = {}
        for i, h in enumerate(rows[0]):
            k = norm_key(h)
            k = aliases.get(k, k)
            if k not in self.cols:
                self.cols[k] = i
        self.missing = [c for c in required if c not in self.cols]
        self.rows = []  # (line number, dict)
        line = 1
        for r in rows[1:]:
            line += 1
            if not r or all(not c.strip() for c in r):
                continue
            d = {}
            for k, i in self.cols.items():
                d[k] = r[i].strip() if i < len(r) else ""
            d["_ncells"] = len(r)
            self.rows.append((line, d))
        self.ncols = len(rows[0])
        self.what = what

    def num(self, text):
        return parse_num(text, self.comma)


# ---------------------------------------------------------------- calendar

def easter(y):
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return datetime.date(y, month, day)


def holiday_be(d):
    e = easter(d.year)
    fixed = {(1, 1), (5, 1), (7, 11), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)}
    if (d.month, d.day) in fixed:
        return True
    return (d - e).days in (1, 39, 50)


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_open_days(text):
    out = set()
    for part in text.lower().split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            a, b = a.strip()[:3], b.strip()[:3]
            if a not in WEEKDAYS or b not in WEEKDAYS:
                raise Usage("--open-days: bad day range '%s'" % part)
            i = WEEKDAYS.index(a)
            while True:
                out.add(i)
                if i == WEEKDAYS.index(b):
                    break
                i = (i + 1) % 7
        else:
            if part[:3] not in WEEKDAYS:
                raise Usage("--open-days: bad day '%s'" % part)
            out.add(WEEKDAYS.index(part[:3]))
    return out


# ---------------------------------------------------------------- the checker

class Checker:
    def __init__(self, o):
        self.o = o
        self.viol = []

    def bad(self, msg):
        self.viol.append(msg)

    # -- rules --------------------------------------------------------------
    def derive_types(self):
        o = self.o
        iv = o.interval
        types = []
        for L in o.shifts:
            if L % iv or not 60 <= L <= 960:
                raise Usage("--shifts: bad length %s" % fmt_clock(L))
            brks = []
            if o.break_len > 0:
                for (e, l) in o.break_windows:
                    if l + o.break_len <= L:
                        brks.append((e, l, o.break_len, True, False))
            if o.lunch > 0 and L > o.lunch_after:
                e, l = o.lunch_window
                l = min(l, L - 90 - o.lunch)
                if l < e:
                    raise Usage("--lunch-window: no lunch fits a shift of %s" % fmt_clock(L))
                brks.append((e, l, o.lunch, False, True))
            brks.sort()
            for a, b in zip(brks, brks[1:]):
                if b[0] < a[1] + a[2]:
                    raise Usage("break windows overlap in a shift of %s" % fmt_clock(L))
            types.append({"minutes": L, "breaks": brks,
                          "paid": L - sum(b[2] for b in brks if not b[3])})
        return types

    # -- inputs -------------------------------------------------------------
    def read_inputs(self):
        o = self.o
        # requirements
        t = Table(o.requirements, {"datum": "date", "tijd": "time", "kanaal": "channel",
                                   "lijn": "line"}, ["date", "time", "line", o.column],
                  "requirements")
        if t.missing:
            raise Unreadable("%s: missing column(s): %s" % (o.requirements, ", ".join(t.missing)))
        reqrows = []
        for ln, r in t.rows:
            d = parse_date(r["date"])
            if d is None:
                raise Unreadable("%s:%d: column 'date': bad date '%s'" % (o.requirements, ln, r["date"]))
            tm = None
            if r["time"]:
                tm = clock(r["time"])
                if tm is None:
                    raise Unreadable("%s:%d: column 'time': bad time '%s'" % (o.requirements, ln, r["time"]))
            v = t.num(r[o.column]) if r[o.column] else 0.0
            if v is None or v < 0:
                raise Unreadable("%s:%d: column '%s': bad value '%s'" % (o.requirements, ln, o.column, r[o.column]))
            if not r["line"]:
                raise Unreadable("%s:%d: column 'line': empty" % (o.requirements, ln))
            reqrows.append((d, tm, r["line"], v))
        if not reqrows:
            raise Unreadable("%s: no rows" % o.requirements)
        # the plan's days
        if o.date_from:
            first, last = o.date_from, o.date_to or o.date_from
        else:
            d0 = min(r[0] for r in reqrows)
            first = d0 - datetime.timedelta(days=d0.weekday())
            last = first + datetime.timedelta(days=6)
        # the plan always holds Monday to Sunday; days outside first..last
        # are closed, so contract hours scale to the weekdays planned
        self.first, self.last = first, last
        monday = first - datetime.timedelta(days=first.weekday())
        self.days = [monday + datetime.timedelta(days=i) for i in range(7)]
        self.dayset = set(self.days)
        self.hours = {}  # date -> (opens, closes) for open days
        for d in self.days:
            if first <= d <= last and self.is_open(d):
                self.hours[d] = o.open_hours
        self.closed_weekdays = sum(1 for d in self.days if d not in self.hours and d.weekday() < 5)
        self.req = {}       # (date, time, line) -> agents
        self.deferred = {}  # (date, line) -> hours
        self.lines = set()
        for d, tm, line, v in reqrows:
            if not first <= d <= last:
                continue
            self.lines.add(line)
            if tm is None:
                # work of a closed day is released on the next working day
                # (as wfm-plan does; planrun.h says "released that day")
                rel = d if self.is_open(d) else self.add_working(d, 1)
                if rel > last:
                    continue  # next week's work
                self.deferred[(rel, line)] = self.deferred.get((rel, line), 0.0) + v
            else:
                if (tm - o.open_hours[0]) % o.interval:
                    raise Unreadable("%s: time %s off the %d-minute grid" % (o.requirements, fmt_clock(tm), o.interval))
                k = (d, tm, line)
                self.req[k] = self.req.get(k, 0.0) + v
        self.def_lines = {l for (d, l), h in self.deferred.items() if h > 0}
        # agents
        t = Table(o.agents, {"medewerker": "agent", "vaardigheden": "skills",
                             "uren_per_week": "hours_per_week",
                             "dagen_per_week": "days_per_week"},
                  ["agent", "skills", "hours_per_week"], "agents")
        if t.missing:
            raise Unreadable("%s: missing column(s): %s" % (o.agents, ", ".join(t.missing)))
        self.agents = {}
        self.agent_order = []
        for ln, r in t.rows:
            name = r["agent"]
            if not name or name in self.agents:
                raise Unreadable("%s:%d: empty or duplicate agent '%s'" % (o.agents, ln, name))
            h = t.num(r["hours_per_week"])
            if h is None or h <= 0:
                raise Unreadable("%s:%d: column 'hours_per_week': bad value '%s'" % (o.agents, ln, r["hours_per_week"]))
            a = {"name": name, "skills": set(s.strip() for s in r["skills"].split("|") if s.strip()),
                 "mpw": int(math.floor(h * 60 + 0.5)), "dpw": 0, "es": None, "le": None,
                 "pref": None, "unav": set()}
            if r.get("days_per_week"):
                v = t.num(r["days_per_week"])
                if v is None or v != int(v) or not 0 <= v <= 7:
                    raise Unreadable("%s:%d: column 'days_per_week': bad value '%s'" % (o.agents, ln, r["days_per_week"]))
                a["dpw"] = int(v)
            for col, key in (("earliest_start", "es"), ("latest_end", "le")):
                if r.get(col):
                    v = clock(r[col])
                    if v is None:
                        raise Unreadable("%s:%d: column '%s': bad time '%s'" % (o.agents, ln, col, r[col]))
                    a[key] = v
            if r.get("preferred_start"):
                p = r["preferred_start"].split("-")
                v = [clock(x) for x in p]
                if len(v) not in (1, 2) or None in v:
                    raise Unreadable("%s:%d: column 'preferred_start': bad value '%s'" % (o.agents, ln, r["preferred_start"]))
                a["pref"] = (v[0], v[-1])
            if r.get("unavailable"):
                for x in r["unavailable"].split("|"):
                    if not x.strip():
                        continue
                    dd = parse_date(x)
                    if dd is None:
                        raise Unreadable("%s:%d: column 'unavailable': bad date '%s'" % (o.agents, ln, x))
                    a["unav"].add(dd)
            self.agents[name] = a
            self.agent_order.append(name)
        # leave
        self.leave = []
        if o.leave:
            t = Table(o.leave, {"medewerker": "agent", "van": "from", "tot": "to"},
                      ["agent", "from", "to", "status"], "leave")
            if t.missing:
                raise Unreadable("%s: missing column(s): %s" % (o.leave, ", ".join(t.missing)))
            for ln, r in t.rows:
                f, to = parse_date(r["from"]), parse_date(r["to"])
                st = norm_key(r["status"])
                st = {"goedgekeurd": "approved", "aangevraagd": "requested"}.get(st, st)
                if f is None or to is None or to < f or st not in ("approved", "requested"):
                    raise Unreadable("%s:%d: bad leave row" % (o.leave, ln))
                if r["agent"] not in self.agents:
                    raise Unreadable("%s:%d: unknown agent '%s'" % (o.leave, ln, r["agent"]))
                if to < self.days[0] or f > self.days[-1]:
                    continue  # outside the plan
                self.leave.append({"agent": r["agent"], "from": f, "to": to,
                                   "requested": st == "requested", "line": ln})
        reqs = [lv for lv in self.leave if lv["requested"]]
        for i, lv in enumerate(reqs):
            lv["rank"] = i
        self.n_requests = len(reqs)
        # trainings
        self.trainings = {}
        if o.trainings:
            t = Table(o.trainings, {"opleiding": "training", "vaardigheid": "skill",
                                    "minuten": "minutes", "deelnemers": "participants",
                                    "van": "from", "tot": "to"},
                      ["training", "skill", "minutes", "group_min", "group_max",
                       "participants", "from", "to"], "trainings")
            if t.missing:
                raise Unreadable("%s: missing column(s): %s" % (o.trainings, ", ".join(t.missing)))
            for ln, r in t.rows:
                try:
                    mins = hm(r["minutes"], "minutes")
                except Usage:
                    raise Unreadable("%s:%d: column 'minutes': bad value '%s'" % (o.trainings, ln, r["minutes"]))
                gmin, gmax = t.num(r["group_min"]), t.num(r["group_max"])
                f, to = parse_date(r["from"]), parse_date(r["to"])
                if gmin is None or gmax is None or f is None or to is None:
                    raise Unreadable("%s:%d: bad training row" % (o.trainings, ln))
                p = r["participants"]
                tr = {"name": r["training"], "skill": r["skill"], "minutes": mins,
                      "gmin": int(gmin), "gmax": int(gmax), "from": f, "to": to,
                      "count": 0, "listed": [], "line": ln}
                if p.isdigit():
                    tr["count"] = int(p)
                else:
                    tr["listed"] = [x.strip() for x in p.split("|") if x.strip()]
                    for x in tr["listed"]:
                        if x not in self.agents:
                            raise Unreadable("%s:%d: unknown participant '%s'" % (o.trainings, ln, x))
                if to < self.days[0] or f > self.days[-1]:
                    continue  # skipped by wfm-plan: its window misses the plan
                self.trainings[tr["name"]] = tr

    def is_open(self, d):
        o = self.o
        if d.weekday() not in o.open_days:
            return False
        if o.holidays == "be" and holiday_be(d):
            return False
        return d not in o.closed

    def add_working(self, d, n):
        if n == 0:
            return d
        x = d
        for _ in range(3660):
            x += datetime.timedelta(days=1)
            if self.is_open(x):
                n -= 1
                if n == 0:
                    return x
        return d

    # -- decisions ------------------------------------------------------------
    def read_decisions(self):
        o = self.o
        self.granted = {}  # leave index -> bool
        self.sessions = {}  # (name, date, start, end) -> [agents]
        self.dec_granted = self.dec_refused = 0
        if not o.decisions:
            for i, lv in enumerate(self.leave):
                self.granted[i] = not lv["requested"]
            return
        t = Table(o.decisions, {}, ["kind", "name", "agent", "from", "to", "start", "end",
                                    "decision", "reason"], "decisions")
        p = o.decisions
        if t.missing:
            self.bad("%s: missing column(s): %s" % (p, ", ".join(t.missing)))
            return
        used = set()
        for ln, r in t.rows:
            kind = r["kind"]
            if kind == "leave":
                f, to = parse_date(r["from"]), parse_date(r["to"])
                if f is None or to is None:
                    self.bad("%s:%d: bad leave dates '%s'..'%s'" % (p, ln, r["from"], r["to"]))
                    continue
                match = None
                for i, lv in enumerate(self.leave):
                    if i in used or lv["agent"] != r["agent"]:
                        continue
                    cf, ct = max(lv["from"], self.days[0]), min(lv["to"], self.days[-1])
                    if (f, to) in ((lv["from"], lv["to"]), (cf, ct)):
                        match = i
                        break
                if match is None:
                    self.bad("%s:%d: leave decision for %s %s..%s matches no leave row inside the plan"
                             % (p, ln, r["agent"], r["from"], r["to"]))
                    continue
                used.add(match)
                lv = self.leave[match]
                dec = r["decision"]
                if not lv["requested"]:
                    if dec != "approved":
                        self.bad("%s:%d: approved leave of %s decided '%s', want approved" % (p, ln, r["agent"], dec))
                    self.granted[match] = True
                elif dec == "granted":
                    self.granted[match] = True
                    self.dec_granted += 1
                elif dec == "refused":
                    self.granted[match] = False
                    self.dec_refused += 1
                    if not r["reason"]:
                        self.bad("%s:%d: refused leave of %s without a reason" % (p, ln, r["agent"]))
                else:
                    self.bad("%s:%d: requested leave of %s decided '%s'" % (p, ln, r["agent"], dec))
                    self.granted[match] = False
            elif kind == "training":
                d = parse_date(r["from"])
                s, e = clock(r["start"]), clock(r["end"])
                if d is None or s is None or e is None or r["to"] != r["from"]:
                    self.bad("%s:%d: bad training row (from '%s', to '%s', start '%s', end '%s')"
                             % (p, ln, r["from"], r["to"], r["start"], r["end"]))
                    continue
                if r["decision"] != "attends":
                    self.bad("%s:%d: training decision '%s', want attends" % (p, ln, r["decision"]))
                if r["agent"] not in self.agents:
                    self.bad("%s:%d: training attendee '%s' is no agent" % (p, ln, r["agent"]))
                    continue
                self.sessions.setdefault((r["name"], d, s, e), []).append(r["agent"])
            else:
                self.bad("%s:%d: unknown kind '%s'" % (p, ln, kind))
        for i, lv in enumerate(self.leave):
            if i not in used:
                self.bad("%s: no decision for the %s leave of %s %s..%s (%s line %d)"
                         % (p, "requested" if lv["requested"] else "approved", lv["agent"],
                            lv["from"], lv["to"], o.leave, lv["line"]))
                self.granted[i] = not lv["requested"]

    # -- roster ---------------------------------------------------------------
    def read_roster(self):
        o = self.o
        p = o.roster
        t = Table(p, {}, ["agent", "date", "start", "end", "activity", "line"], "roster")
        if t.missing:
            self.bad("%s: missing column(s): %s" % (p, ", ".join(t.missing)))
            return {}
        if list(t.cols)[:6] != ["agent", "date", "start", "end", "activity", "line"] or t.ncols != 6:
            self.bad("%s: header is not agent,date,start,end,activity,line" % p)
        blocks = {}  # (agent, date) -> [(start, end, activity, line, lineno)]
        prev = None
        for ln, r in t.rows:
            if r["_ncells"] != t.ncols:
                self.bad("%s:%d: %d cells, header has %d" % (p, ln, r["_ncells"], t.ncols))
            a, d = r["agent"], parse_date(r["date"])
            s, e = clock(r["start"]), clock(r["end"])
            act = r["activity"]
            if a not in self.agents:
                self.bad("%s:%d: unknown agent '%s'" % (p, ln, a))
                continue
            if d is None or d not in self.dayset:
                self.bad("%s:%d: date '%s' is no day of the plan" % (p, ln, r["date"]))
                continue
            if s is None or e is None or e <= s:
                self.bad("%s:%d: bad times '%s'-'%s'" % (p, ln, r["start"], r["end"]))
                continue
            if act not in ("work", "break", "lunch", "training", "leave"):
                self.bad("%s:%d: unknown activity '%s'" % (p, ln, act))
                continue
            if s % o.interval or e % o.interval:
                self.bad("%s:%d: %s %s-%s off the %d-minute grid" % (p, ln, act, r["start"], r["end"], o.interval))
            if act == "work" and not r["line"]:
                self.bad("%s:%d: work block without a line" % (p, ln))
            key = (self.agent_order.index(a), d, s)
            if prev is not None and key < prev:
                self.bad("%s:%d: rows not sorted by agent (input order), date and start" % (p, ln))
            prev = key
            blocks.setdefault((a, d), []).append((s, e, act, r["line"], ln))
        return blocks

    def leave_on(self, a, d):
        """'approved', 'granted' or None for agent a on date d."""
        st = None
        for i, lv in enumerate(self.leave):
            if lv["agent"] == a and lv["from"] <= d <= lv["to"]:
                if not lv["requested"]:
                    return "approved"
                if self.granted.get(i):
                    st = "granted"
        return st

    def check_roster(self, blocks):
        o = self.o
        iv = o.interval
        self.cover = {}  # (date, time, line) -> agents on the line
        self.shifts = {}  # (agent, date) -> (start, end)
        self.pref_misses = 0
        tmin = {t["minutes"]: t for t in self.types}
        train_blocks = {}  # (agent, date) -> [(s, e)]
        for a in self.agent_order:
            ag = self.agents[a]
            paid = worked = leave_days = 0
            for d in self.days:
                bl = sorted(blocks.get((a, d), []))
                lv = self.leave_on(a, d)
                hours = self.hours.get(d)
                if lv and hours:
                    leave_days += 1
                who = "%s %s" % (a, d)
                leaveb = [b for b in bl if b[2] == "leave"]
                bl = [b for b in bl if b[2] != "leave"]
                if leaveb:
                    if not lv:
                        self.bad("%s: leave block on a day without approved or granted leave" % who)
                    for b in leaveb:
                        if hours is None:
                            self.bad("%s: leave block on a closed day" % who)
                        elif (b[0], b[1]) != hours:
                            self.bad("%s: leave block %s-%s does not span the opening hours %s-%s"
                                     % (who, fmt_clock(b[0]), fmt_clock(b[1]), fmt_clock(hours[0]), fmt_clock(hours[1])))
                    if len(leaveb) > 1:
                        self.bad("%s: %d leave blocks" % (who, len(leaveb)))
                elif lv and hours:
                    self.bad("%s: %s leave but no leave block" % (who, lv))
                if not bl:
                    continue
                # one contiguous shift
                ok = True
                for x, y in zip(bl, bl[1:]):
                    if y[0] < x[1]:
                        self.bad("%s: blocks overlap (%s line %d and %d)" % (who, o.roster, x[4], y[4]))
                        ok = False
                    elif y[0] > x[1]:
                        self.bad("%s: gap %s-%s inside the shift" % (who, fmt_clock(x[1]), fmt_clock(y[0])))
                        ok = False
                s0, s1 = bl[0][0], max(b[1] for b in bl)
                L = s1 - s0
                self.shifts[(a, d)] = (s0, s1)
                worked += 1
                desc = "%s shift %s-%s" % (who, fmt_clock(s0), fmt_clock(s1))
                if lv:
                    self.bad("%s: works on a day of %s leave" % (desc, lv))
                if d in ag["unav"]:
                    self.bad("%s: works on an unavailable day" % desc)
                if hours is None:
                    self.bad("%s: shift on a closed day" % desc)
                elif s0 < hours[0] or s1 > hours[1]:
                    self.bad("%s: outside the opening hours %s-%s" % (desc, fmt_clock(hours[0]), fmt_clock(hours[1])))
                if s0 % o.start_step:
                    self.bad("%s: start off the %d-minute step" % (desc, o.start_step))
                if ag["es"] is not None and s0 < ag["es"]:
                    self.bad("%s: starts before the earliest start %s" % (desc, fmt_clock(ag["es"])))
                if ag["le"] is not None and s1 > ag["le"]:
                    self.bad("%s: ends after the latest end %s" % (desc, fmt_clock(ag["le"])))
                if ag["pref"] and not ag["pref"][0] <= s0 <= ag["pref"][1]:
                    self.pref_misses += 1
                ty = tmin.get(L)
                if ty is None:
                    self.bad("%s: length %s is no shift type (%s)" % (desc, fmt_clock(L), ",".join(fmt_clock(x["minutes"]) for x in self.types)))
                else:
                    paid += ty["paid"]
                    if ok:
                        self.check_breaks(desc, ty, s0, bl)
                for s, e, act, line, ln in bl:
                    if act == "work":
                        if line and line not in ag["skills"]:
                            self.bad("%s: works line %s %s-%s without the skill (skills %s)"
                                     % (who, line, fmt_clock(s), fmt_clock(e), "|".join(sorted(ag["skills"]))))
                        x = s - s % iv
                        while x < e:
                            k = (d, x, line)
                            self.cover[k] = self.cover.get(k, 0) + 1
                            x += iv
                    elif act == "training":
                        train_blocks.setdefault((a, d), []).append((s, e))
                # rest since the previous date
                prevd = d - datetime.timedelta(days=1)
                if (a, prevd) in self.shifts:
                    rest = 1440 + s0 - self.shifts[(a, prevd)][1]
                    if rest < o.min_rest:
                        self.bad("%s: rest after the shift of %s is %s, at least %s"
                                 % (desc, prevd, fmt_clock(rest), fmt_clock(o.min_rest)))
            # days and contract hours
            lim = o.max_days
            if ag["dpw"] and ag["dpw"] < lim:
                lim = ag["dpw"]
            # leave counts as working days up to the limit (plan.h max_days):
            # an agent on leave all week works no day
            leave_days = min(leave_days, lim)
            if worked + leave_days > lim:
                self.bad("%s: %d shifts and %d leave days, at most %d days" % (a, worked, leave_days, lim))
            basis = ag["dpw"] or o.week_days
            target = int(math.floor(ag["mpw"] * (1.0 - leave_days / basis - self.closed_weekdays / o.week_days) + 0.5))
            target = max(0, target)
            if abs(paid - target) > o.hours_tol:
                self.bad("%s: paid %s, contract %s (%s h/week, %d leave days, %d closed weekdays) +- %s"
                         % (a, fmt_clock(paid), fmt_clock(target), ag["mpw"] / 60.0, leave_days,
                            self.closed_weekdays, fmt_clock(o.hours_tol)))
        self.train_blocks = train_blocks

    def check_breaks(self, desc, ty, s0, bl):
        # merge adjacent blocks of one kind, keep break and lunch blocks
        pauses = []
        for s, e, act, line, ln in bl:
            if act in ("break", "lunch"):
                if pauses and pauses[-1][2] == act and pauses[-1][1] == s:
                    pauses[-1][1] = e
                else:
                    pauses.append([s, e, act])
        want = ty["breaks"]
        if len(pauses) != len(want):
            self.bad("%s: %d breaks/lunches (%s), a %s shift has %d"
                     % (desc, len(pauses), " ".join("%s %s-%s" % (p[2], fmt_clock(p[0]), fmt_clock(p[1])) for p in pauses),
                        fmt_clock(ty["minutes"]), len(want)))
            return
        for i, (p, w) in enumerate(zip(pauses, want)):
            kind = "lunch" if w[4] else "break"
            off = p[0] - s0
            if p[2] != kind:
                self.bad("%s: pause %d is a %s, want a %s" % (desc, i + 1, p[2], kind))
            if p[1] - p[0] != w[2]:
                self.bad("%s: %s %s-%s lasts %d minutes, want %d"
                         % (desc, p[2], fmt_clock(p[0]), fmt_clock(p[1]), p[1] - p[0], w[2]))
            if not w[0] <= off <= w[1]:
                self.bad("%s: %s at %s starts %s after the shift start, window %s-%s"
                         % (desc, p[2], fmt_clock(p[0]), fmt_clock(off), fmt_clock(w[0]), fmt_clock(w[1])))

    # -- trainings ------------------------------------------------------------
    def check_trainings(self):
        o = self.o
        sessions_of = {}  # (agent, date) -> [(s, e, name)]
        total = {}
        seen = {}
        for (name, d, s, e), who in sorted(self.sessions.items()):
            tr = self.trainings.get(name)
            desc = "training %s on %s %s-%s" % (name, d, fmt_clock(s), fmt_clock(e))
            if tr is None:
                self.bad("%s: no such training inside the plan" % desc)
                continue
            if e - s != tr["minutes"]:
                self.bad("%s: lasts %d minutes, want %d" % (desc, e - s, tr["minutes"]))
            if s % o.training_step:
                self.bad("%s: start off the %d-minute training step" % (desc, o.training_step))
            if not tr["from"] <= d <= tr["to"]:
                self.bad("%s: date outside %s..%s" % (desc, tr["from"], tr["to"]))
            hrs = self.hours.get(d)
            if hrs is None:
                self.bad("%s: not an open day of the plan" % desc)
            elif s < hrs[0] or e > hrs[1]:
                self.bad("%s: outside the opening hours" % desc)
            if not tr["gmin"] <= len(who) <= tr["gmax"]:
                self.bad("%s: group of %d, want %d..%d" % (desc, len(who), tr["gmin"], tr["gmax"]))
            for a in who:
                if a in seen.setdefault(name, set()):
                    self.bad("%s: %s attends this training twice" % (desc, a))
                seen[name].add(a)
                total[name] = total.get(name, 0) + 1
                if tr["count"] and tr["skill"] not in self.agents[a]["skills"]:
                    self.bad("%s: %s lacks the skill %s" % (desc, a, tr["skill"]))
                if tr["listed"] and a not in tr["listed"]:
                    self.bad("%s: %s is not listed" % (desc, a))
                sessions_of.setdefault((a, d), []).append((s, e, name))
        for name, tr in self.trainings.items():
            need = tr["count"] or len(tr["listed"])
            if total.get(name, 0) != need:
                self.bad("training %s: %d attendees, want %d" % (name, total.get(name, 0), need))
            for a in tr["listed"]:
                if a not in seen.get(name, ()):
                    self.bad("training %s: listed %s does not attend" % (name, a))
        # the roster's training blocks are exactly the sessions attended
        keys = set(sessions_of) | set(self.train_blocks)
        for k in sorted(keys):
            a, d = k
            ses = sorted(sessions_of.get(k, []))
            for x, y in zip(ses, ses[1:]):
                if y[0] < x[1]:
                    self.bad("%s %s: sessions of %s and %s overlap" % (a, d, x[2], y[2]))
            want = set()
            for s, e, name in ses:
                want.update(range(s, e))
                if k not in self.shifts:
                    self.bad("training %s: %s attends on %s %s-%s but has no shift that day"
                             % (name, a, d, fmt_clock(s), fmt_clock(e)))
                elif not (self.shifts[k][0] <= s and e <= self.shifts[k][1]):
                    self.bad("training %s: session %s-%s of %s outside its shift on %s"
                             % (name, fmt_clock(s), fmt_clock(e), a, d))
            have = set()
            for s, e in self.train_blocks.get(k, []):
                have.update(range(s, e))
            if k in self.shifts and want != have:
                miss, extra = sorted(want - have), sorted(have - want)
                if miss:
                    self.bad("%s %s: no training block at %s of a session attended"
                             % (a, d, fmt_clock(miss[0])))
                if extra:
                    self.bad("%s %s: training block at %s without a session attended"
                             % (a, d, fmt_clock(extra[0])))

    # -- coverage and summary --------------------------------------------------
    def recompute(self):
        o = self.o
        h = o.interval / 60.0
        self.under = 0.0
        self.under_day = {d: 0.0 for d in self.days}
        self.over = 0.0
        self.obj_cov = 0.0
        self.obj_under = 0.0  # the linear objective's shortfall term
        keys = set(self.req) | set(self.cover)
        spare = {}  # (date, line) -> agent-hours above the requirement
        for k in keys:
            d, t, line = k
            r, p = self.req.get(k, 0.0), self.cover.get(k, 0)
            if r > p:
                self.under += (r - p) * h
                self.under_day[d] += (r - p) * h
                self.obj_cov += o.w_under * o.line_weights.get(line, 1.0) * (r - p) * h
                self.obj_under += o.w_under * o.line_weights.get(line, 1.0) * (r - p) * h
            elif line in self.def_lines:
                spare[(d, line)] = spare.get((d, line), 0.0) + (p - r) * h
            else:
                self.over += (p - r) * h
                self.obj_cov += o.w_over * (p - r) * h
        self.done = {}
        self.late = 0.0
        self.late_day = {}  # (date, line) -> hours late at the end of the day
        for line in sorted(self.def_lines):
            released = done = due = 0.0
            for d in self.days:
                sp = spare.get((d, line), 0.0)
                released += self.deferred.get((d, line), 0.0)
                use = max(0.0, min(released - done, sp))
                done += use
                self.done[(d, line)] = use
                self.over += sp - use
                self.obj_cov += o.w_over * (sp - use)
                for dd in self.days:
                    hr = self.deferred.get((dd, line), 0.0)
                    if hr and self.add_working(dd, o.deferred_days) == d:
                        due += hr
                if due - done > 1e-9:
                    self.late += due - done
                    self.late_day[(d, line)] = due - done

    def check_late_lines(self):
        """The summary's late hours per line and day (when it gives them)."""
        o = self.o
        t = Table(o.summary, {}, ["key", "value"], "summary")
        kv = {r["key"]: r["value"] for ln, r in t.rows}
        pre = "deferred_late_hours_line_"
        if not any(k.startswith(pre) for k in kv):
            return
        for line in sorted(self.def_lines):
            for d in sorted(self.hours):
                k = "%s%s_%s" % (pre, line, d)
                want = self.late_day.get((d, line), 0.0)
                if k not in kv:
                    self.bad("%s: no key %s" % (o.summary, k))
                    continue
                got = t.num(kv[k])
                if got is None or abs(got - want) > 1e-6 + num_tol(kv[k]):
                    self.bad("%s: %s = %s, requirements and roster give %.4f" % (o.summary, k, kv[k], want))

    # -- planner's checks -------------------------------------------------------
    def check_holes(self):
        """An interval of a line planned far below the rest of its day."""
        o = self.o
        if o.hole_ratio <= 0:
            return
        day = {}
        for (d, tm, line), r in self.req.items():
            if tm is None or d not in self.hours:
                continue
            acc = day.setdefault((d, line), [0.0, 0.0])
            acc[0] += r
            acc[1] += min(self.cover.get((d, tm, line), 0), r)
        for (d, tm, line), r in sorted(self.req.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[0][1] or 0)):
            if tm is None or d not in self.hours or r < o.hole_min:
                continue
            p = self.cover.get((d, tm, line), 0)
            tr, tp = day[(d, line)]
            if tr - r <= 0:
                continue
            rest = (tp - min(p, r)) / (tr - r)
            if p < o.hole_ratio * rest * r - 1e-9:
                self.bad("%s %s line %s: %d planned for %g required (%.0f %%) while the rest of "
                         "its day is covered %.0f %%" % (d, fmt_clock(tm), line, p, r,
                                                         100.0 * p / r, 100 * rest))

    def check_deferred_spare(self, blocks):
        """Deferred work late on a line while agents holding its skill stood
        above the requirement of lines without deferred work in the days
        before (they could have done it)."""
        o = self.o
        if not self.def_lines:
            return
        h = o.interval / 60.0
        on = {}  # (date, time, line) -> [agents]
        for (a, d), bl in blocks.items():
            for s, e, act, line, ln in bl:
                if act != "work" or not line:
                    continue
                for tm in range(s, e, o.interval):
                    on.setdefault((d, tm, line), []).append(a)
        movable = {}  # (date, line L) -> agent-hours idle elsewhere by holders of L
        for (d, tm, m), ags in on.items():
            if m in self.def_lines:
                continue
            ex = len(ags) - self.req.get((d, tm, m), 0.0)
            if ex < 1:
                continue
            for line in self.def_lines:
                if line == m:
                    continue
                k = sum(1 for a in ags if line in self.agents[a]["skills"])
                if k:
                    movable[(d, line)] = movable.get((d, line), 0.0) + min(k, math.floor(ex)) * h
        for line in sorted(self.def_lines):
            avail = 0.0
            for d in self.days:
                avail += movable.get((d, line), 0.0)
                late = self.late_day.get((d, line), 0.0)
                if late > 1e-6 and avail >= late + 1e-6:
                    self.bad("deferred work of line %s: %.2f h late at the end of %s while agents "
                             "holding it stood %.2f agent-hours above the requirement of other "
                             "lines by then" % (line, late, d, avail))
                    break

    def check_same_decisions(self):
        """The leave decisions of another run of the same input (another time
        limit) must be these."""
        o = self.o

        def leave_rows(path):
            t = Table(path, {}, ["kind", "agent", "from", "to", "decision"], "decisions")
            return sorted((r["agent"], r["from"], r["to"], r["decision"])
                          for ln, r in t.rows if r["kind"] == "leave")

        a, b = leave_rows(o.decisions), leave_rows(o.same_decisions)
        if a != b:
            diff = sorted(set(a) ^ set(b))
            self.bad("%s and %s: leave decided differently (%d rows differ, first %s)"
                     % (o.decisions, o.same_decisions, len(diff), " ".join(diff[0]) if diff else "-"))

    def check_coverage(self):
        o = self.o
        p = o.coverage
        t = Table(p, {}, ["date", "time", "line", "required", "planned", "gap"], "coverage")
        if t.missing:
            self.bad("%s: missing column(s): %s" % (p, ", ".join(t.missing)))
            return
        seen = set()
        nbad = 0
        closed_rows, closed_n = {}, {}
        for ln, r in t.rows:
            d = parse_date(r["date"])
            line = r["line"]
            req, pl, gap = t.num(r["required"]), t.num(r["planned"]), t.num(r["gap"])
            if d is None or d not in self.dayset or None in (req, pl, gap) or not line:
                self.bad("%s:%d: bad row" % (p, ln))
                continue
            if d not in self.hours and not (r["time"] and req > 0):
                # a closed day's interval appears only with a requirement
                closed_rows.setdefault(d, ln)
                closed_n[d] = closed_n.get(d, 0) + 1
            tol = lambda c: 1e-6 + num_tol(r[c])
            if r["time"]:
                tm = clock(r["time"])
                if tm is None or (tm - o.open_hours[0]) % o.interval:
                    self.bad("%s:%d: bad time '%s'" % (p, ln, r["time"]))
                    continue
                k = (d, tm, line)
                wreq, wpl = self.req.get(k, 0.0), self.cover.get(k, 0)
                what = "%s %s line %s" % (d, r["time"], line)
            else:
                k = (d, None, line)
                if line not in self.def_lines:
                    self.bad("%s:%d: whole-day row for line %s without deferred work" % (p, ln, line))
                    continue
                wreq, wpl = self.deferred.get((d, line), 0.0), self.done.get((d, line), 0.0)
                what = "%s (day) line %s deferred hours" % (d, line)
            if k in seen:
                self.bad("%s:%d: %s given twice" % (p, ln, what))
            seen.add(k)
            msgs = []
            if abs(req - wreq) > tol("required"):
                msgs.append("required %s, requirements give %.6g" % (r["required"], wreq))
            if abs(pl - wpl) > tol("planned"):
                msgs.append("planned %s, roster gives %.6g" % (r["planned"], wpl))
            if abs(gap - (pl - req)) > tol("gap") + tol("planned") + tol("required"):
                msgs.append("gap %s, planned - required = %.6g" % (r["gap"], pl - req))
            if msgs:
                nbad += 1
                self.bad("%s:%d: %s: %s" % (p, ln, what, "; ".join(msgs)))
        for d in sorted(closed_rows):
            self.bad("%s:%d: %d rows for the closed day %s (coverage is per open day)"
                     % (p, closed_rows[d], closed_n[d], d))
        # completeness: every open interval of every requirement line, every
        # covered cell, every day of a line with deferred work
        missing = []
        listed = set()

        def miss(k, extra=""):
            if k in listed:
                return
            listed.add(k)
            if k[1] is None:
                missing.append("%s (day) line %s%s" % (k[0], k[2], extra))
            else:
                missing.append("%s %s line %s%s" % (k[0], fmt_clock(k[1]), k[2], extra))

        req_days = {(k[0], k[2]) for k in self.req}
        for d, (op, cl) in sorted(self.hours.items()):
            for line in sorted(self.lines):
                if line in self.def_lines and (d, None, line) not in seen:
                    miss((d, None, line))
                if (d, line) not in req_days:
                    continue
                for tm in range(op, cl, o.interval):
                    if (d, tm, line) not in seen:
                        miss((d, tm, line))
        for k, v in sorted(self.cover.items()):
            if v and k not in seen:
                miss(k, " (planned %d)" % v)
        for k, v in sorted(self.req.items()):
            if v and k[0] in self.hours and k not in seen:
                miss(k, " (required %g)" % v)
        if missing:
            self.bad("%s: %d rows missing, first %s" % (p, len(missing), missing[0]))

    def check_summary(self):
        o = self.o
        p = o.summary
        t = Table(p, {}, ["key", "value"], "summary")
        if t.missing:
            self.bad("%s: missing column(s): %s" % (p, ", ".join(t.missing)))
            return
        kv = {}
        for ln, r in t.rows:
            if r["key"] in kv:
                self.bad("%s:%d: key %s given twice" % (p, ln, r["key"]))
            kv[r["key"]] = r["value"]
        for k in ("status", "objective", "bound", "gap", "seconds", "under_coverage_hours",
                  "over_coverage_hours", "deferred_late_hours", "leave_granted",
                  "leave_refused", "agents", "shifts"):
            if k not in kv:
                self.bad("%s: no key %s" % (p, k))
        if "status" in kv and kv["status"] not in ("optimal", "time_limit", "stopped"):
            self.bad("%s: status '%s'" % (p, kv["status"]))

        def num(k):
            if k not in kv:
                return None
            v = t.num(kv[k])
            if v is None:
                self.bad("%s: %s is not a number: '%s'" % (p, k, kv[k]))
            return v

        def cmp(k, want, why):
            v = num(k)
            if v is not None and abs(v - want) > 1e-6 * (1 + abs(want)) + num_tol(kv[k]):
                self.bad("%s: %s = %s, %s give %.6f" % (p, k, kv[k], why, want))

        if o.decisions:
            cmp("leave_granted", self.dec_granted, "the decisions")
            cmp("leave_refused", self.dec_refused, "the decisions")
        cmp("agents", len(self.agents), "the agents file")
        cmp("shifts", len(self.shifts), "the roster")
        cmp("under_coverage_hours", self.under, "requirements and roster")
        cmp("over_coverage_hours", self.over, "requirements and roster")
        cmp("deferred_late_hours", self.late, "requirements and roster (deferred-days %d)" % o.deferred_days)
        for d in sorted(self.hours):
            k = "under_coverage_hours_%s" % d
            if k not in kv:
                self.bad("%s: no key %s" % (p, k))
            else:
                cmp(k, self.under_day[d], "requirements and roster")
        for k in kv:
            if k.startswith("under_coverage_hours_"):
                dd = parse_date(k[len("under_coverage_hours_"):])
                if dd not in self.hours:
                    self.bad("%s: key %s is no open day of the plan" % (p, k))
        obj, bound, gap, secs = num("objective"), num("bound"), num("gap"), num("seconds")
        if secs is not None and secs < 0:
            self.bad("%s: seconds %s < 0" % (p, kv["seconds"]))
        if obj is not None and bound is not None:
            tol = 1e-6 * (1 + abs(obj)) + num_tol(kv["objective"]) + num_tol(kv["bound"])
            if bound > obj + tol:
                self.bad("%s: bound %s above the objective %s" % (p, kv["bound"], kv["objective"]))
            if gap is not None:
                want = (obj - bound) / obj if obj > 0 else 0.0
                # the printed gap may come from unrounded objective and bound
                slack = (num_tol(kv["objective"]) + num_tol(kv["bound"])) / max(obj, 1e-9)
                if abs(gap - want) > 1e-6 + num_tol(kv["gap"]) + slack:
                    self.bad("%s: gap %s, (objective - bound) / objective = %.6g" % (p, kv["gap"], want))
        if obj is not None and o.objective and o.obj_kind == "service":
            # the service cost of the coverage (>= 0) comes from the staffing
            # models; the rest is the linear terms without shortfall and
            # without refused leave (decided by the rule, not the objective)
            fixed = (self.obj_cov - self.obj_under + o.w_deferred * self.late +
                     o.w_pref * self.pref_misses)
            if obj < fixed - 1e-6 * (1 + abs(fixed)) - num_tol(kv["objective"]):
                self.bad("%s: objective %s below its terms other than service %.6f (over "
                         "and idle %.6f, late %.6f, preference misses %d)"
                         % (p, kv["objective"], fixed, self.obj_cov - self.obj_under,
                            self.late, self.pref_misses))
        elif obj is not None and o.objective and o.decisions:
            want = self.obj_cov + o.w_deferred * self.late + o.w_pref * self.pref_misses
            R = self.n_requests
            for i, lv in enumerate(self.leave):
                if not lv["requested"] or self.granted.get(i):
                    continue
                days = sum(1 for d in self.hours if lv["from"] <= d <= lv["to"])
                want += o.w_leave * days * (1.0 + 0.01 * (R - 1 - lv["rank"]) / (R or 1))
            if abs(obj - want) > 1e-6 * (1 + abs(want)) + num_tol(kv["objective"]):
                self.bad("%s: objective %s, recomputed %.6f (coverage %.6f, late %.6f, "
                         "preference misses %d)" % (p, kv["objective"], want, self.obj_cov,
                                                     self.late, self.pref_misses))

    def run(self):
        o = self.o
        self.types = self.derive_types()
        if o.show_rules:
            for ty in self.types:
                print("%s paid %s: %s" % (fmt_clock(ty["minutes"]), fmt_clock(ty["paid"]),
                      ", ".join("%s %d min %s-%s" % ("lunch" if b[4] else "break", b[2],
                                fmt_clock(b[0]), fmt_clock(b[1])) for b in ty["breaks"])))
            return 0
        self.read_inputs()
        self.read_decisions()
        blocks = self.read_roster()
        self.check_roster(blocks)
        self.check_trainings()
        self.recompute()
        if o.coverage:
            self.check_coverage()
            if o.service:
                ServiceCheck(self).run()
        if o.summary:
            self.check_summary()
            self.check_late_lines()
        if o.judge:
            self.check_holes()
            self.check_deferred_spare(blocks)
        if o.same_decisions and o.decisions:
            self.check_same_decisions()
        if not self.viol:
            return 0
        for v in self.viol[:o.max_report]:
            print(v)
        if len(self.viol) > o.max_report:
            print("... %d violations in all" % len(self.viol))
        return 1


# ---------------------------------------------------------------- service

NEG_INF = float("-inf")


def logsumexp(xs):
    m = max(xs)
    if m == NEG_INF:
        return NEG_INF
    return m + math.log(sum(math.exp(x - m) for x in xs))


def mmn_d(n, lam, mu, tau, t):
    """Answered live and answered within t (<= tau), as shares of the offered
    contacts, of M/M/n+D: Poisson arrivals (lam per second), exponential
    handling (mu per agent and second), n agents, and a caller still waiting
    at tau seconds leaves the live queue (the callback offer of [staff]
    callback_after, patience none).  From the density of the virtual waiting
    time (Baccelli and Hebuterne 1981): pi_k ~ a^k / k! for k < n busy
    agents, v(x) = lam pi_{n-1} exp((lam - n mu) x) for x < tau and
    lam pi_{n-1} exp(lam tau - n mu x) beyond; an arrival that would wait
    less than tau is answered.  Everything in logarithms, relative to
    pi_{n-1}."""
    if lam <= 0:
        return 1.0, 1.0
    if n <= 0:
        return 0.0, 0.0
    a = lam / mu
    la = math.log(a)
    ls = logsumexp([(k - n + 1) * la - math.lgamma(k + 1) + math.lgamma(n) for k in range(n)])
    th = lam - n * mu

    def logw(x):  # log of lam * (exp(th x) - 1) / th
        if x <= 0:
            return NEG_INF
        z = th * x
        if abs(z) < 1e-12:
            return math.log(lam * x)
        if z > 700:
            return z + math.log(lam) - math.log(th)
        return math.log(lam * math.expm1(z) / th)

    lwt = logw(tau)
    ltail = math.log(lam) + th * tau - math.log(n * mu)
    lz = logsumexp([ls, lwt, ltail])
    ans = math.exp(logsumexp([ls, lwt]) - lz)
    within = math.exp(logsumexp([ls, logw(min(t, tau))]) - lz)
    return ans, within


def chat_model(n, lam, ahts, t):
    """Answered live and answered within t, as shares of the offered chats,
    of the chat queue of [staff] without patience (the contract in README
    and NOTES-QUEUEING, not wfm's code): Poisson arrivals (lam per second),
    n agents each holding up to K = len(ahts) chats, the N chats in service
    spread evenly (N mod n agents hold floor(N / n) + 1, the others
    floor(N / n)), an agent holding k chats finishing each at rate
    1 / ahts[k - 1], so that the chain on the chats present is a birth-death
    chain with death rate mu(N); above nK chats wait first come first
    served, nobody leaves.  A chat arriving with fewer than nK present is
    taken at once; one arriving with nK + j present waits for j + 1
    completions at the full rate mu(nK), Erlang(j + 1, mu(nK)); the stationary
    share above nK is geometric, so the waits sum to (1 - exp(-mu(nK) (1 -
    rho) t)) / (1 - rho).  Overloaded (lam >= mu(nK)): the agents answer
    mu(nK) / lam of the chats, none within t."""
    if lam <= 0:
        return 1.0, 1.0
    if n <= 0:
        return 0.0, 0.0
    K = len(ahts)

    def mu(N):
        q, r = divmod(N, n)
        m = (n - r) * q / ahts[q - 1] if q > 0 else 0.0
        if r:
            m += r * (q + 1) / ahts[q]
        return m

    top = n * K
    mmax = mu(top)
    if lam >= mmax * (1 - 1e-12):
        return min(1.0, mmax / lam), 0.0
    logp = [0.0]
    for N in range(1, top + 1):
        logp.append(logp[-1] + math.log(lam) - math.log(mu(N)))
    rho = lam / mmax
    lz = logsumexp(logp + [logp[-1] + math.log(rho) - math.log1p(-rho)])
    lnow = logsumexp(logp[:-1])
    parts = [lnow]
    if t > 0:
        parts.append(logp[-1] - math.log1p(-rho) + math.log(-math.expm1(-mmax * (1 - rho) * t)))
    return 1.0, math.exp(logsumexp(parts) - lz)


def chat_ahts(aht, o):
    """The handle time of a chat while its agent holds 1 .. concurrency chats:
    [staff] chat_aht scaled to the row's aht_s, else aht x k / the usual
    concurrency factors 1, 1.7, 2.5, 2.9, 3.5."""
    K = o.concurrency
    if o.chat_aht:
        return [aht * o.chat_aht[k] / o.chat_aht[0] for k in range(K)]
    f = [1.0, 1.7, 2.5, 2.9, 3.5]
    return [aht * (k + 1) / f[k] for k in range(K)]


def lower_envelope(v):
    """The greatest convex sequence below v (linear between its hull points)."""
    hull = []
    for k in range(len(v)):
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            if (v[b] - v[a]) * (k - a) >= (v[k] - v[a]) * (b - a):
                hull.pop()
            else:
                break
        hull.append(k)
    out = list(v)
    for a, b in zip(hull, hull[1:]):
        for k in range(a + 1, b):
            out[k] = v[a] + (v[b] - v[a]) * (k - a) / (b - a)
    return out


class ServiceCheck:
    """The plan's expected service recomputed with the models above: the
    phone with M/M/n+D, the chat with chat_model.  An interval of a line with
    both splits its planned agents as README says wfm-plan does: from none
    on either, each next agent to the channel where it saves most lost
    contacts (the phone's not answered live, its target the answer rate; the
    chat's not answered within sl_time, nobody leaving, its target the
    service level), on the lower convex envelope of each channel's curve
    plus depth_weight x contacts x (share lost - (1 - target))^2 where
    positive, ties to the phone; each curve runs from 0 agents until at
    least 2 past both the requirement and the load, and until less than 1e-7
    of the contacts are lost."""

    def __init__(self, chk):
        self.c = chk

    def run(self):
        c, o = self.c, self.c.o
        t = Table(o.requirements, {"datum": "date", "tijd": "time", "kanaal": "channel",
                                   "lijn": "line"}, ["date", "time", "line"], "requirements")
        if "volume" not in t.cols or "aht_s" not in t.cols:
            return
        cells = {}  # (date, time, line) -> [(channel, volume, aht, required)]
        for ln, r in t.rows:
            if not r["time"]:
                continue
            ch = r.get("channel", "phone") or "phone"
            if ch not in ("phone", "chat"):
                continue
            d, tm = parse_date(r["date"]), clock(r["time"])
            v, h = t.num(r["volume"] or "0"), t.num(r["aht_s"] or "0")
            if d is None or tm is None or v is None or h is None or v <= 0:
                continue
            if not c.first <= d <= c.last:
                continue
            need = t.num(r.get(o.column, "") or "0") or 0.0
            cells.setdefault((d, tm, r["line"]), []).append((ch, v, h, need))
        cov = Table(o.coverage, {}, ["date", "time", "line", "planned"], "coverage")
        if "answer_rate" not in cov.cols:
            return
        p = o.coverage
        tot = {}  # key -> [answered, volume]
        self.checked = self.mixed = 0
        self.memo = {}
        skip_summary = False
        for ln, r in cov.rows:
            if not r["time"]:
                continue
            k = (parse_date(r["date"]), clock(r["time"]), r["line"])
            rows = cells.get(k)
            if not rows:
                continue
            chans = sorted(set(x[0] for x in rows))
            if len(rows) != len(chans):
                skip_summary = True  # a channel twice: not the staffing's rows
                continue
            n = int(round(t.num(r["planned"]) or 0))
            ans, within, v = self.split(rows, n)
            self.checked += 1
            self.mixed += len(rows) > 1
            for key in ("week", "day_%s" % k[0], "line_%s" % k[2]):
                acc = tot.setdefault(key, [0.0, 0.0])
                acc[0] += v * ans
                acc[1] += v
            for col, want in (("answer_rate", ans), ("service_level", within)):
                got = cov.num(r.get(col, "")) if r.get(col, "") else None
                if got is None:
                    c.bad("%s:%d: %s %s line %s: no %s" % (p, ln, r["date"], r["time"], k[2], col))
                elif abs(got - want) > 1e-3 + num_tol(r[col]):
                    c.bad("%s:%d: %s %s line %s: %s %s, %s with %d agents gives %.4f"
                          % (p, ln, r["date"], r["time"], k[2], col, r[col],
                             "+".join("M/M/n+D" if x[0] == "phone" else "chat"
                                      for x in sorted(rows)[::-1]), n, want))
        if skip_summary or not o.summary or not self.checked:
            return
        s = Table(o.summary, {}, ["key", "value"], "summary")
        kv = {r["key"]: r["value"] for ln, r in s.rows}
        for key, (a, v) in sorted(tot.items()):
            name = "answer_rate" if key == "week" else (
                "answer_rate_" + key[4:] if key.startswith("day_") else "answer_rate_line_" + key[5:])
            if name not in kv:
                c.bad("%s: no key %s" % (o.summary, name))
                continue
            got = s.num(kv[name])
            if got is None or abs(got - a / v) > 1e-3 + num_tol(kv[name]):
                c.bad("%s: %s = %s, M/M/n+D on the coverage gives %.4f" % (o.summary, name, kv[name], a / v))

    def channel(self, ch, v, h, n):
        """Answered and answered within sl_time (contacts) of one channel."""
        o = self.c.o
        key = (ch, v, h, n)
        if key not in self.memo:
            lam = v / (o.interval * 60.0)
            if ch == "phone":
                a, w = mmn_d(n, lam, 1.0 / h, o.callback_after, o.sl_time)
            else:
                a, w = chat_model(n, lam, chat_ahts(h, o), o.sl_time)
            self.memo[key] = (v * a, v * min(w, a))
        return self.memo[key]

    def curve(self, ch, v, h, need):
        """The lost contacts of one channel (envelope plus depth term) and
        its answered and within, for 0 .. len - 1 agents."""
        o = self.c.o
        key = ("curve", ch, v, h, need)
        if key in self.memo:
            return self.memo[key]
        nmin = max(int(math.ceil(need - 1e-9)) + 2, int(math.ceil(v * h / (o.interval * 60.0))) + 2)
        lost, ans, win = [], [], []
        n = 0
        while True:
            a, w = self.channel(ch, v, h, n)
            x = v - (a if ch == "phone" else w)
            if lost:
                x = min(max(x, 0.0), lost[-1])
                a, w = max(a, ans[-1]), max(w, win[-1])
            lost.append(max(x, 0.0))
            ans.append(a)
            win.append(w)
            if (n >= nmin and lost[-1] <= 1e-7 * v) or n >= nmin + 5000:
                break
            n += 1
        tau = o.target_answer_rate if ch == "phone" else o.sl
        env = lower_envelope(lost)
        cost = [x + (o.depth_weight * v * (x / v - (1 - tau)) ** 2
                     if v > 0 and x / v > 1 - tau else 0.0) for x in env]
        self.memo[key] = (cost, ans, win)
        return self.memo[key]

    def split(self, rows, n):
        """Answered, within (shares) and volume of an interval of a line
        with n agents over its live channels rows (one or two)."""
        order = sorted(rows, key=lambda x: x[0] != "phone")  # phone first
        curves = [self.curve(*x) for x in order]
        at = [0] * len(order)
        for _ in range(n):
            best, bd = -1, 0.0
            for i, (cost, _, _) in enumerate(curves):
                if at[i] + 1 >= len(cost):
                    continue
                dlt = cost[at[i] + 1] - cost[at[i]]
                if best < 0 or dlt < bd:
                    best, bd = i, dlt
            if best < 0:
                break
            at[best] += 1
        v = sum(x[1] for x in order)
        a = sum(curves[i][1][at[i]] for i in range(len(order)))
        w = sum(curves[i][2][at[i]] for i in range(len(order)))
        return a / v, w / v, v


# ---------------------------------------------------------------- options

class Opts:
    pass


def parse_args(argv):
    o = Opts()
    o.interval = 15
    o.open_hours = (540, 1140)
    o.open_days = set(range(5))
    o.holidays = "be"
    o.closed = set()
    o.date_from = o.date_to = None
    o.shifts = [510, 390, 240]
    o.start_step = 15
    o.lunch = 30
    o.lunch_window = (180, 300)
    o.lunch_after = 360
    o.break_len = 15
    o.break_windows = [(60, 150), (330, 435)]
    o.min_rest = 660
    o.max_days = 5
    o.hours_tol = 60
    o.week_days = 5
    o.training_step = 30
    o.column = "agents"
    o.deferred_days = 0
    o.line_weights = {}
    o.w_under, o.w_over, o.w_pref, o.w_deferred, o.w_leave = 1.0, 0.1, 0.05, 0.8, 0.5
    o.show_rules = False
    o.max_report = MAXSHOW
    o.objective = True
    o.obj_kind = "service"
    o.service = True
    o.callback_after, o.sl_time = 150.0, 20.0
    o.concurrency, o.chat_aht = 2, []
    o.target_answer_rate, o.sl, o.depth_weight = 0.95, 0.8, 40.0
    o.hole_ratio, o.hole_min = 0.5, 2.0
    o.same_decisions = None
    o.judge = True
    o.requirements = o.agents = o.leave = o.trainings = None
    o.roster = o.coverage = o.decisions = o.summary = None

    def weight(v, flag):
        x = parse_num(v)
        if x is None or x < 0:
            raise Usage("%s: not a weight: '%s'" % (flag, v))
        return x

    def integer(v, flag, lo, hi):
        if not v.isdigit() or not lo <= int(v) <= hi:
            raise Usage("%s: want a number %d..%d: '%s'" % (flag, lo, hi, v))
        return int(v)

    def date(v, flag):
        d = parse_date(v)
        if d is None:
            raise Usage("%s: not a date: '%s'" % (flag, v))
        return d

    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__.strip())
            sys.exit(0)
        if a == "--show-rules":
            o.show_rules = True
            i += 1
            continue
        if a == "--no-objective":
            o.objective = False
            i += 1
            continue
        if a in ("--no-judge", "--judge"):
            o.judge = a == "--judge"
            i += 1
            continue
        if a == "--no-service":
            o.service = False
            i += 1
            continue
        if "=" in a and a.startswith("--"):
            a, v = a.split("=", 1)
        else:
            if i + 1 >= len(argv):
                raise Usage("%s: needs a value" % a)
            v = argv[i + 1]
            i += 1
        i += 1
        if a == "--interval":
            o.interval = integer(v, a, 1, 60)
        elif a in ("--open", "--open-hours"):
            o.open_hours = hm_range(v, a)
        elif a == "--open-days":
            o.open_days = parse_open_days(v)
        elif a == "--holidays":
            if v not in ("be", "none"):
                raise Usage("--holidays: be or none: '%s'" % v)
            o.holidays = v
        elif a == "--closed":
            o.closed = {date(x, a) for x in v.split(",") if x.strip()}
        elif a == "--closed-file":
            try:
                t = Table(v, {"datum": "date"}, ["date"], "closed")
            except Unreadable as ex:
                raise Usage(str(ex))
            if t.missing:
                raise Usage("%s: no column date" % v)
            for ln, r in t.rows:
                o.closed.add(date(r["date"], "%s:%d" % (v, ln)))
        elif a == "--from":
            o.date_from = date(v, a)
        elif a == "--to":
            o.date_to = date(v, a)
        elif a == "--shifts":
            o.shifts = [hm(x, a) for x in v.split(",")]
        elif a == "--start-step":
            o.start_step = integer(v, a, 1, 1440)
        elif a == "--lunch":
            o.lunch = hm(v, a)
        elif a == "--lunch-window":
            o.lunch_window = hm_range(v, a)
        elif a == "--lunch-after":
            o.lunch_after = hm(v, a)
        elif a == "--break":
            o.break_len = hm(v, a)
        elif a == "--break-windows":
            o.break_windows = [] if v.strip() == "none" else [hm_range(x, a) for x in v.split(",")]
        elif a == "--min-rest":
            o.min_rest = hm(v, a)
        elif a == "--max-days":
            o.max_days = integer(v, a, 1, 7)
        elif a == "--hours-tolerance":
            o.hours_tol = hm(v, a)
        elif a == "--week-days":
            o.week_days = integer(v, a, 1, 7)
        elif a == "--training-step":
            o.training_step = integer(v, a, 1, 1440)
        elif a == "--column":
            o.column = norm_key(v)
        elif a == "--max-report":
            o.max_report = integer(v, a, 1, 10 ** 9)
        elif a == "--deferred-days":
            o.deferred_days = integer(v, a, 0, 30)
        elif a == "--line-weights":
            for part in v.split(","):
                if not part.strip():
                    continue
                k, _, w = part.partition("=")
                o.line_weights[k.strip()] = weight(w, a)
        elif a == "--callback-after":
            o.callback_after = weight(v, a)
        elif a == "--sl-time":
            o.sl_time = weight(v, a)
        elif a == "--concurrency":
            o.concurrency = integer(v, a, 1, 5)
        elif a == "--chat-aht":
            o.chat_aht = [weight(x, a) for x in v.split(",") if x.strip()]
        elif a == "--depth-weight":
            o.depth_weight = weight(v, a)
        elif a == "--chat-model":
            # N,CHATS_PER_HOUR,SECONDS[,SECONDS...]: print chat_model's
            # shares for the self-test, then exit
            f = [parse_num(x) for x in v.split(",")]
            if len(f) < 3 or any(x is None or x < 0 for x in f):
                raise Usage("%s: want N,CHATS_PER_HOUR,AHT1[,AHT2...]: '%s'" % (a, v))
            ans, within = chat_model(int(f[0]), f[1] / 3600.0, f[2:], o.sl_time)
            print("%.6f %.6f" % (ans, within))
            sys.exit(0)
        elif a == "--hole-ratio":
            o.hole_ratio = weight(v, a)
        elif a == "--hole-min":
            o.hole_min = weight(v, a)
        elif a == "--same-decisions":
            o.same_decisions = v
        elif a == "--objective":
            if v not in ("service", "linear"):
                raise Usage("--objective: service or linear: '%s'" % v)
            o.obj_kind = v
        elif a == "--under-weight":
            o.w_under = weight(v, a)
        elif a == "--over-weight":
            o.w_over = weight(v, a)
        elif a == "--preference-weight":
            o.w_pref = weight(v, a)
        elif a == "--late-weight":
            o.w_deferred = weight(v, a)
        elif a == "--leave-weight":
            o.w_leave = weight(v, a)
        elif a in ("--requirements", "--agents", "--leave", "--trainings", "--roster",
                   "--coverage", "--decisions", "--summary"):
            setattr(o, a[2:], v)
        else:
            raise Usage("unknown option '%s'" % a)
    if o.interval not in (5, 10, 15, 30, 60):
        raise Usage("--interval: must be 5, 10, 15, 30 or 60")
    if not o.show_rules:
        for need in ("requirements", "agents", "roster"):
            if getattr(o, need) is None:
                raise Usage("--%s is required" % need)
    return o


def main(argv):
    try:
        o = parse_args(argv)
        return Checker(o).run()
    except Usage as ex:
        sys.stderr.write("plancheck: %s\n" % ex)
        sys.stderr.write("usage: plancheck.py [RULE OPTIONS] --requirements F --agents F "
                         "[--leave F] [--trainings F] --roster F [--coverage F] "
                         "[--decisions F] [--summary F]\n")
        return 2
    except Unreadable as ex:
        sys.stderr.write("plancheck: %s\n" % ex)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
