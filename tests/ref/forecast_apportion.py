#!/usr/bin/env python3
"""Reference values for tests/unit/test_forecast_intraday.c: the largest
remainder method in exact rational arithmetic (fractions), independent of
lib/forecast_intraday.c.  Prints the expected integer units of each case;
asserts that no two remainders tie, so the C code's tie rule cannot matter.

    python3 tests/ref/forecast_apportion.py
"""
from fractions import Fraction as F


def units(x, decimals):
    """x (a decimal string) in units of 10^-decimals, half away from zero."""
    v = F(x) * 10 ** decimals
    n = int(v)
    return n + 1 if v - n >= F(1, 2) else n


def largest_remainder(total_units, weights):
    w = [F(x) for x in weights]
    s = sum(w)
    exact = [total_units * x / s for x in w]
    out = [int(e) for e in exact]
    rem = [e - int(e) for e in exact]
    left = total_units - sum(out)
    order = sorted(range(len(w)), key=lambda i: -rem[i])
    top = [rem[i] for i in order[:left + 1]]
    assert len(set(top)) == len(top), "tie in the remainders"
    for i in order[:left]:
        out[i] += 1
    assert sum(out) == total_units
    return out


CASES = [
    # name, total, decimals, weights
    ("split_a", "10", 0, ["1", "2", "3", "4", "5", "6", "7"]),
    ("split_b", "123.45", 2, ["3", "1", "4", "1", "5", "9", "2", "6"]),
    ("round_c", "11.2", 1, ["0.3333", "1.25", "2.5", "0", "7.125"]),
]

for name, total, dec, w in CASES:
    u = largest_remainder(units(total, dec), w)
    print("%s: total %s at %d decimals -> {%s}" % (name, total, dec,
          ", ".join(str(x) for x in u)))
