#!/usr/bin/env python3
"""Reference values for Erlang A (M/M/n+M) in lib/erlang.c, computed
independently of the C code with mpmath at 40+ significant digits.

Stationary law: the birth-death chain on the number in system, birth rate
lambda, death rate min(k, n) mu + max(k - n, 0) theta, summed directly (no
Erlang B recursion) until the tail is below 1e-50 of the total.
Abandonment: P(abandon) = theta E[queue] / lambda (flow balance), answered
= 1 - P(abandon) (the C code instead sums the per-state probability of
being served).  Service level and ASA: an arrival that finds j callers
queued waits V_j = a sum of exponential stages with rates n mu + i theta,
i = 0..j, and is answered iff V_j < its patience; E[e^{-theta V} 1{V<=t}]
and E[V e^{-theta V}] come from the partial-fraction density of V_j
(hypoexponential with distinct rates), evaluated with enough digits to
absorb its cancellation (the C code uses an incomplete-beta recurrence).

Writes tests/ref/erlang_a_ref.inc.   Run: python3 tests/ref/erlang_a_ref.py
"""
import math
import os

from mpmath import mp, mpf, exp, log10, nstr

BASE_DPS = 40


def needed_dps(c, jmax):
    """Digits lost to cancellation in the partial fractions of j+1 stages
    with rates proportional to c + m, m = 0..j: log10 of the largest
    coefficient (c+j)! / ((c-1)! (c+i) i! (j-i)!)."""
    worst = 0.0
    lg = math.lgamma
    for i in range(0, jmax + 1, max(1, jmax // 50)):
        v = (lg(c + jmax + 1) - lg(c) - math.log(c + i) - lg(i + 1) - lg(jmax - i + 1))
        worst = max(worst, v / math.log(10))
    return BASE_DPS + int(worst) + 20


def chain(a_erl, n, aht, patience):
    """Unnormalised probabilities: below[k] for k < n, tail[j] for n + j."""
    lam = mpf(a_erl) / aht
    mu = mpf(1) / aht
    th = mpf(1) / patience
    below = [mpf(1)]
    for k in range(1, n):
        below.append(below[-1] * lam / (k * mu))
    tail = []
    p = below[-1] if n > 0 else mpf(1)
    total = sum(below)
    j = 0
    while True:
        p = p * lam / (n * mu + j * th)
        tail.append(p)
        total += p
        j += 1
        if p < total * mpf("1e-50") and lam < n * mu + j * th:
            break
    return lam, mu, th, below, tail, total


def stage_moments(rates, th, t):
    """For each j: (E[e^{-th V_j} 1{V_j <= t}], E[V_j e^{-th V_j}]) with V_j
    the sum of exponentials with rates[0..j], by partial fractions."""
    out = []
    coef = []
    for j, rj in enumerate(rates):
        for i in range(j):
            coef[i] = coef[i] * rj / (rj - rates[i])
        cj = mpf(1)
        for m in range(j):
            cj = cj * rates[m] / (rates[m] - rj)
        coef.append(cj)
        within = mpf(0)
        vmean = mpf(0)
        for i in range(j + 1):
            r = rates[i]
            within += coef[i] * r * (1 - exp(-(r + th) * t)) / (r + th)
            vmean += coef[i] * r / (r + th) ** 2
        out.append((within, vmean))
    return out


def erlang_a(a_erl, n, aht, patience, t, want_sl=True):
    mp.dps = BASE_DPS
    lam, mu, th, below, tail, total = chain(a_erl, n, aht, patience)
    pw = sum(tail) / total
    eq = sum(j * p for j, p in enumerate(tail)) / total
    aband = th * eq / lam
    res = {"p_wait": pw, "answered": 1 - aband, "abandoned": aband, "queue": eq}
    if want_sl:
        c = float(n * mu / th)
        mp.dps = needed_dps(c, len(tail))
        lam, mu, th, below, tail, total = chain(a_erl, n, aht, patience)
        rates = [n * mu + i * th for i in range(len(tail))]
        mom = stage_moments(rates, th, mpf(t))
        p0 = sum(below) / total
        sl = p0 + sum(p * m[0] for p, m in zip(tail, mom)) / total
        wait = sum(p * m[1] for p, m in zip(tail, mom)) / total
        res["sl"] = sl
        res["asa"] = wait / (1 - aband)
        mp.dps = BASE_DPS
    return res


CASES = [
    # load (erlangs, exact decimal), agents, aht_s, mean patience_s, t_s
    ("0.5", 1, 180, 60, 20),
    ("2", 2, 240, 120, 30),
    ("10", 8, 300, 150, 20),
    ("10", 12, 300, 150, 20),
    ("20", 21, 300, 150, 20),
    ("20", 23, 300, 150, 20),
    ("20", 23, 300, 150, 150),
    ("20", 24, 300, 150, 60),
    ("21.333333333333333333333333333333333333333333", 24, 480, 180, 60),
    ("50", 45, 300, 600, 60),
    ("100", 105, 200, 180, 20),
    ("300", 290, 300, 60, 10),
    ("1000", 1010, 300, 300, 20),
    ("1000", 960, 300, 120, 20),
]

# minimal agents for an answer rate (volume, aht, interval, patience, target)
MIN_CASES = [
    (60, 300, 900, 150, "0.95"),
    (40, 480, 900, 180, "0.95"),
    (40, 480, 900, 180, "0.8"),
    (500, 240, 900, 90, "0.9"),
    (3, 300, 900, 60, "0.99"),
    (2000, 300, 900, 300, "0.97"),
]


def min_agents(vol, aht, ivl, patience, target):
    a = mpf(vol) * aht / ivl
    n = 1
    while True:
        r = erlang_a(a, n, aht, patience, 0, want_sl=False)
        if r["answered"] >= mpf(target) * (1 - mpf("1e-9")):
            if abs(r["answered"] - mpf(target)) < mpf("1e-7"):
                raise SystemExit("near tie: %r" % ((vol, aht, ivl, patience, target),))
            return n
        n += 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "erlang_a_ref.inc")
    keys = ("p_wait", "sl", "answered", "abandoned", "asa", "queue")
    with open(path, "w") as f:
        f.write("/* Generated by tests/ref/erlang_a_ref.py - do not edit. */\n")
        f.write("/* {load, agents, aht_s, patience_s, t_s, %s} */\n" % ", ".join(keys))
        f.write("#define ERLANG_A_CASES \\\n")
        for s, n, aht, pat, t in CASES:
            r = erlang_a(mpf(s), n, aht, pat, t)
            f.write("\t{%s, %d, %d, %d, %d, %s}, \\\n"
                    % (nstr(mpf(s), 20), n, aht, pat, t,
                       ", ".join(nstr(r[k], 20, min_fixed=0, max_fixed=0) for k in keys)))
        f.write("\n/* {volume, aht_s, interval_s, patience_s, answer-rate target, agents} */\n")
        f.write("#define ERLANG_A_MIN_AGENTS \\\n")
        for vol, aht, ivl, pat, tg in MIN_CASES:
            f.write("\t{%d, %d, %d, %d, %s, %d}, \\\n"
                    % (vol, aht, ivl, pat, tg, min_agents(vol, aht, ivl, pat, tg)))
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
