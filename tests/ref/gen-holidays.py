#!/usr/bin/env python3
"""Reference table of the Belgian (and Flemish) public holidays, 1900-2199.

Writes tests/ref/holidays-be.csv: `date,name`, one row per holiday date in
date order.  tests/unit/test_calendar.c reads it and checks every day of those
300 years against lib/calendar.c in both directions.

Independence from the code under test: lib/date.c finds Easter with the
anonymous Gregorian algorithm (Meeus/Jones/Butcher) and does its own day
arithmetic.  Here Easter comes from Gauss's algorithm with its two
exceptions, cross-checked year by year against Knuth's version of the
Clavius/Lilius epact computation (TAOCP vol. 1, 1.3.2, exercise 14), and
against published dates; day arithmetic is Python's datetime.

When two holidays fall on the same day (Ascension Day on 1 May, when Easter
is 23 March: 1913, 2008, 2160) the row carries both names in the order of
the list below, joined with " and ", which is what lib/calendar.c promises.

Usage: tests/ref/gen-holidays.py [OUT]   (default: next to this script)
"""
import datetime
import os
import sys

FIRST, LAST = 1900, 2199


def easter_gauss(y):
    """Gauss (1800/1816) for the Gregorian calendar, with the exceptions."""
    a, b, c = y % 19, y % 4, y % 7
    k = y // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return datetime.date(y, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return datetime.date(y, 4, 18)
    day = 22 + d + e
    return datetime.date(y, 3, day) if day <= 31 else datetime.date(y, 4, day - 31)


def easter_knuth(y):
    """Knuth's Algorithm E: golden number, century corrections, epact."""
    g = y % 19 + 1
    c = y // 100 + 1
    x = 3 * c // 4 - 12
    z = (8 * c + 5) // 25 - 5
    d = 5 * y // 4 - x - 10
    e = (11 * g + 20 + z - x) % 30
    if (e == 25 and g > 11) or e == 24:
        e += 1
    n = 44 - e
    if n < 21:
        n += 30
    n = n + 7 - (d + n) % 7
    return datetime.date(y, 3, n) if n <= 31 else datetime.date(y, 4, n - 31)


# Published Easter Sundays (e.g. the tables of the Astronomical Society of
# South Australia and Tondering's calendar FAQ).
PUBLISHED = {
    1900: (4, 15), 1913: (3, 23), 1943: (4, 25), 1954: (4, 18), 1981: (4, 19),
    2000: (4, 23), 2008: (3, 23), 2011: (4, 24), 2019: (4, 21), 2024: (3, 31),
    2025: (4, 20), 2038: (4, 25), 2049: (4, 18), 2076: (4, 19), 2100: (3, 28),
    2160: (3, 23),
}


def holidays(y):
    """(date, name) of every holiday of year y, in the documented order."""
    e = easter_gauss(y)
    one = datetime.timedelta(days=1)
    return [
        (datetime.date(y, 1, 1), "New Year's Day"),
        (e + one, "Easter Monday"),
        (datetime.date(y, 5, 1), "Labour Day"),
        (e + 39 * one, "Ascension Day"),
        (e + 50 * one, "Whit Monday"),
        (datetime.date(y, 7, 11), "Flemish Community holiday"),
        (datetime.date(y, 7, 21), "Belgian National Day"),
        (datetime.date(y, 8, 15), "Assumption Day"),
        (datetime.date(y, 11, 1), "All Saints' Day"),
        (datetime.date(y, 11, 11), "Armistice Day"),
        (datetime.date(y, 12, 25), "Christmas Day"),
    ]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "holidays-be.csv")
    for y in range(1583, 10000):
        assert easter_gauss(y) == easter_knuth(y), y
    for y, (m, d) in PUBLISHED.items():
        assert easter_gauss(y) == datetime.date(y, m, d), y
    rows = {}
    for y in range(FIRST, LAST + 1):
        for day, name in holidays(y):
            rows.setdefault(day, []).append(name)
    with open(out, "w", newline="\n") as f:
        f.write("date,name\n")
        for day in sorted(rows):
            f.write("%s,%s\n" % (day.isoformat(), " and ".join(rows[day])))


if __name__ == "__main__":
    main()
