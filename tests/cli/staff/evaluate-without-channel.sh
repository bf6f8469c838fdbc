# A coverage without a channel column (wfm-plan's: agents per interval and
# line) on line 1700, which has phone and chat in the forecast (was refused
# with 65: contract change, issue 10): each interval's agents are split
# between the two as the plan's service curve does, each next agent to the
# channel where it saves most lost contacts.  Printed: the split per
# interval (phone + chat = planned; 0 for the missing 09:30 row).
# Checked by a second algorithm, from the description (README, DESIGN):
# every split of each interval's agents evaluated by wfm-staff itself with
# a channel column (one run per agent count n, n on both channels), lost
# contacts recomputed from the answer rates and service levels it writes:
# the phone (callbacks offered, so abandonment) loses those not answered
# live against the 95 % answer-rate target; the chat (no patience in this
# configuration: nobody leaves) those not answered within 20 s against the
# 80 % service level; each channel's curve replaced by its lower convex
# envelope, plus the depth term 40 x contacts x (share lost - (1 - target))^2
# where positive; the split chosen must cost no more than the cheapest split
# (within the rounding of the rates to 4 decimals).
cp "$FIX/staff-coverage.csv" coverage.csv
cp "$FIX/staff-forecast.csv" forecast.csv
wfm-staff --config "$FIX/staff-wfm.conf" --evaluate coverage.csv \
	-o out.csv forecast.csv 2>/dev/null || exit
awk -F, '$4 == "1700" && $2 != "" && ($3 == "phone" || $3 == "chat") {
		k = $1 " " $2; n[k] = n[k] " " $3 " " $7 } END { for (k in n) print k ":" n[k] }' \
	out.csv | sort
for n in $(seq 0 40); do
	{
		echo "date,time,channel,line,agents"
		awk -F, -v n=$n '$4 == "1700" && $2 != "" && ($3 == "phone" || $3 == "chat") {
			print $1 "," $2 "," $3 ",1700," n }' out.csv
	} > "staff$n.csv"
	wfm-staff --config "$FIX/staff-wfm.conf" --evaluate "staff$n.csv" -o "eval$n.csv" \
		forecast.csv 2>/dev/null || exit
done
python3 - <<'PY'
import csv
def rows(path):
    with open(path) as f:
        return [r for r in csv.DictReader(f) if r["line"] == "1700" and r["time"]
                and r["channel"] in ("phone", "chat")]
def served(r):
    ans, sl = float(r["answer_rate"]), float(r["service_level"])
    return ans if r["channel"] == "phone" else min(sl, ans)
def envelope(v):
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
raw, vol = {}, {}
for n in range(41):
    for r in rows("eval%d.csv" % n):
        k = (r["date"], r["time"], r["channel"])
        v = float(r["volume"])
        vol[k] = v
        lost = v * (1 - served(r))
        prev = raw.setdefault(k, [])
        prev.append(min(lost, prev[-1]) if prev else lost)
curve = {}
for k, v in raw.items():
    tau = 0.95 if k[2] == "phone" else 0.8
    env = envelope(v)
    curve[k] = [x + (40 * vol[k] * (x / vol[k] - (1 - tau)) ** 2
                     if vol[k] > 0 and x / vol[k] > 1 - tau else 0) for x in env]
chosen = {}
for r in rows("out.csv"):
    chosen[(r["date"], r["time"], r["channel"])] = int(float(r["agents"]))
bad = 0
for (d, t, ch) in sorted(chosen):
    if ch != "phone":
        continue
    p, c = chosen[(d, t, "phone")], chosen[(d, t, "chat")]
    N = p + c
    best = min(curve[(d, t, "phone")][k] + curve[(d, t, "chat")][N - k] for k in range(N + 1))
    got = curve[(d, t, "phone")][p] + curve[(d, t, "chat")][c]
    if got > best + 0.01 * max(1.0, best):
        print("%s %s: split %d + %d loses %.3f, the best split %.3f" % (d, t, p, c, got, best))
        bad += 1
print("splits checked by brute force: %d intervals, %d worse than the best" %
      (sum(1 for k in chosen if k[2] == "phone"), bad))
PY
