#!/usr/bin/env python3
"""bench_hw.py - Holt-Winters with a weekly period on the 5-minute bank series,
with statsmodels (run by scripts/bench-forecast when statsmodels imports; not
a test).

  bench_hw.py FILE

FILE is `timestamp,calls` at 5 minutes, 169 values a day, absent days simply
absent.  The last 30 days (30 x 169 values) are held out and forecast from
the rest by ExponentialSmoothing(trend=None, seasonal='add',
seasonal_periods=845) (845 = a week of 5 days): the method and package of the
"Holt-Winters, weekly period 9.24 %" reference figure of the real data's
README.  Prints the method, WAPE % on the held-out values and the CPU seconds
of fit plus forecast, in the columns of bench_forecast.R.
"""
import csv
import sys
import time
import warnings


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 64
    import numpy as np
    import statsmodels
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    with open(argv[1], newline="") as f:
        rows = list(csv.reader(f))[1:]
    y = np.array([float(r[1]) for r in rows if len(r) > 1 and r[1].strip()])
    h = 30 * 169
    tr, te = y[:-h], y[-h:]
    print("statsmodels %s, %s: %d values, test = last %d"
          % (statsmodels.__version__, argv[1].rsplit("/", 1)[-1], len(y), h))
    t = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = ExponentialSmoothing(tr, trend=None, seasonal="add",
                                 seasonal_periods=845).fit()
        fc = m.forecast(h)
    t = time.process_time() - t
    print("%-8s %7.2f %7s %9.3f" % ("sm-hw", 100 * np.abs(te - fc).sum() / te.sum(),
                                     "", t))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
