#!/usr/bin/env python3
"""Reference values for the callback model in lib/erlang.c: M/M/n+G with
patience min(Exp(theta), T); a caller still waiting at T leaves the live
queue with a callback.

Model (Baccelli and Hebuterne; Zeltyn and Mandelbaum 2005): the offered wait
V (what a caller with infinite patience would wait) has P(V = 0) = P0 and for
x > 0 the density v(x) = lambda p_{n-1} exp(lambda H(x) - n mu x), with
H(x) = integral_0^x P(patience > u) du, p_i = p_0 (lambda/mu)^i / i! for
i < n busy agents and an empty queue.  A caller with offered wait V is
answered iff V < patience.  This script evaluates the integrals two ways,
both independent of the C code (which uses Gauss-Kronrod quadrature in
doubles):
  1. mpmath tanh-sinh quadrature at 40 digits (split at t and T);
  2. a series: exp(lambda H(x)) expanded in powers of
     (1 - e^{-theta x}) / theta and each power expanded binomially, so that
     every term is an elementary integral of x^m e^{-beta x} over [0, t];
     summed in 120+ digit arithmetic to absorb the alternating binomials.
The two must agree to 1e-25 or the script stops.  The model itself is
checked against a discrete-event simulation by callback_sim.py.

Writes tests/ref/callback_ref.inc.   Run: python3 tests/ref/callback_ref.py
"""
import os

from mpmath import mp, mpf, exp, quad, binomial, factorial, inf, nstr, isinf

mp.dps = 40


def erlang_b_sum(a, n):
    """B(n, a) by the plain sum (no recursion shared with the C code)."""
    term = mpf(1)
    total = mpf(1)
    for k in range(1, n + 1):
        term = term * a / k
        total += term
    return term / total


def model(lam, mu, th, T, n, t, integrals):
    """Performance from the four integrals over [0, T) and the tail."""
    a = n * mu
    A = lam / mu
    H = (lambda x: (1 - exp(-th * x)) / th) if th > 0 else (lambda x: x)
    J, K_T, K_t, L, Q, AB = integrals(lam, a, th, T, min(t, T), H)
    if not isinf(T):
        R = exp(lam * H(T) - a * T) / a   # integral of exp(lam H(T) - a x) over (T, inf)
        J += R
        AB += (1 - exp(-th * T)) * R
        Q += H(T) * R
        CB = exp(-th * T) * R
    else:
        CB = mpf(0)
    # p_{n-1} (sum_{i<n} p_i / p_{n-1} + lambda J) = 1, sum_{i<n} p_i / p_{n-1} = 1/B(n-1)
    b = erlang_b_sum(A, n - 1)
    pn1 = 1 / (1 / b + lam * J)
    p0 = pn1 / b
    pw = 1 - p0
    ans = p0 + lam * pn1 * K_T
    return {
        "p_wait": pw,
        "sl": p0 + lam * pn1 * K_t,
        "answered": ans,
        "abandoned": lam * pn1 * AB,
        "callback": lam * pn1 * CB,
        "asa": lam * pn1 * L / ans,
        "queue": lam * lam * pn1 * Q,
    }


def by_quadrature(lam, a, th, T, t, H):
    f = lambda x: exp(lam * H(x) - a * x)
    pts = sorted({mpf(0), t, T} - {inf}) + ([inf] if isinf(T) else [])
    pts = [p for p in pts if p <= T]
    pts_t = [p for p in pts if p <= t]
    J = quad(f, pts)
    K_T = quad(lambda x: exp(-th * x) * f(x), pts)
    K_t = quad(lambda x: exp(-th * x) * f(x), pts_t) if t > 0 else mpf(0)
    L = quad(lambda x: x * exp(-th * x) * f(x), pts)
    Q = quad(lambda x: H(x) * f(x), pts)
    AB = quad(lambda x: (1 - exp(-th * x)) * f(x), pts)
    return J, K_T, K_t, L, Q, AB


def by_series(lam, a, th, T, t, H):
    """exp(lam H(x)) = sum_k (lam/th)^k (1 - e^{-th x})^k / k!, and
    (1 - e^{-th x})^k = sum_i C(k,i) (-1)^i e^{-i th x}: every integral
    becomes sums of int_0^U x^m e^{-beta x} dx (m = 0, 1)."""
    assert th > 0 and not isinf(T)

    def e0(beta, U):
        return (1 - exp(-beta * U)) / beta

    def e1(beta, U):
        return (1 - exp(-beta * U) * (1 + beta * U)) / beta ** 2

    J = K_T = K_t = L = Q = AB = mpf(0)
    k = 0
    while True:
        ck = (lam / th) ** k / factorial(k)
        tj = tk = tkt = tl = tq = tab = mpf(0)
        for i in range(k + 1):
            w = ck * binomial(k, i) * (-1) ** i
            b = a + i * th
            tj += w * e0(b, T)
            tk += w * e0(b + th, T)
            tkt += w * e0(b + th, t)
            tl += w * e1(b + th, T)
            tab += w * (e0(b, T) - e0(b + th, T))
            tq += w * (e0(b, T) - e0(b + th, T)) / th
        J += tj
        K_T += tk
        K_t += tkt
        L += tl
        Q += tq
        AB += tab
        k += 1
        if k > 10 and abs(tj) < J * mpf(10) ** (-45) and abs(tq) < Q * mpf(10) ** (-45):
            break
    return J, K_T, K_t, L, Q, AB


# {calls per interval, interval_s, aht_s, mean patience_s (0: none), cut-off T_s, agents, t_s}
CASES = [
    (60, 900, 300, 150, 150, 19, 20),
    (60, 900, 300, 150, 150, 22, 20),
    (60, 900, 300, 150, 150, 23, 20),
    (60, 900, 300, 150, 150, 23, 150),
    (60, 900, 300, 150, 150, 24, 60),
    (60, 900, 300, 600, 150, 21, 20),
    (60, 900, 300, 600, 150, 22, 20),
    (60, 900, 300, 0, 150, 21, 20),       # no abandonment, only the callback
    (60, 900, 300, 0, 150, 19, 20),       # overloaded: only the cut-off keeps it stable
    (8, 900, 240, 120, 150, 1, 20),
    (8, 900, 240, 120, 30, 3, 20),
    (150, 900, 300, 150, 150, 40, 20),    # 50 erlangs on 40 agents
    (150, 900, 300, 150, 150, 55, 20),
    (150, 900, 300, 90, 600, 52, 60),
]

MIN_CASES = [
    # calls, interval, aht, patience (0: none), cut-off, answered-live target
    (60, 900, 300, 150, 150, "0.95"),
    (60, 900, 300, 600, 150, "0.95"),
    (60, 900, 300, 0, 150, "0.95"),
    (150, 900, 300, 150, 150, "0.95"),
    (20, 900, 300, 150, 150, "0.9"),
]


def evaluate(calls, ivl, aht, pat, T, n, t, method):
    lam = mpf(calls) / ivl
    mu = mpf(1) / aht
    th = mpf(1) / pat if pat else mpf(0)
    return model(lam, mu, th, mpf(T), n, mpf(t), method)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "callback_ref.inc")
    keys = ("p_wait", "sl", "answered", "abandoned", "callback", "asa", "queue")
    with open(path, "w") as f:
        f.write("/* Generated by tests/ref/callback_ref.py - do not edit. */\n")
        f.write("/* {calls, interval_s, aht_s, patience_s (0: none), cutoff_s, agents, t_s, "
                "%s} */\n" % ", ".join(keys))
        f.write("#define CALLBACK_CASES \\\n")
        for c in CASES:
            mp.dps = 40
            r = evaluate(*c, by_quadrature)
            if c[3]:
                mp.dps = 160
                s = evaluate(*c, by_series)
                mp.dps = 40
                for k in keys:
                    if abs(r[k] - s[k]) > mpf(10) ** -25 * max(1, abs(r[k])):
                        raise SystemExit("quadrature and series differ: %r %s %s %s"
                                         % (c, k, r[k], s[k]))
            total = r["answered"] + r["abandoned"] + r["callback"]
            if abs(total - 1) > mpf(10) ** -30:
                raise SystemExit("fractions do not add up: %r %s" % (c, total))
            f.write("\t{%d, %d, %d, %d, %d, %d, %d, %s}, \\\n"
                    % (c + (", ".join(nstr(r[k], 20, min_fixed=0, max_fixed=0)
                                      for k in keys),)))
        f.write("\n/* {calls, interval_s, aht_s, patience_s, cutoff_s, target, agents} */\n")
        f.write("#define CALLBACK_MIN_AGENTS \\\n")
        for calls, ivl, aht, pat, T, tg in MIN_CASES:
            n = 1
            while True:
                r = evaluate(calls, ivl, aht, pat, T, n, 0, by_quadrature)
                if r["answered"] >= mpf(tg):
                    if r["answered"] - mpf(tg) < mpf("1e-7"):
                        raise SystemExit("near tie")
                    break
                n += 1
            f.write("\t{%d, %d, %d, %d, %d, %s, %d}, \\\n" % (calls, ivl, aht, pat, T, tg, n))
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
