#!/usr/bin/env python3
"""Reference tables for tests/unit/test_value.c, test_csv.c and test_csvw.c.

Writes tests/unit/data/csv/ref.h (or checks it with --check).  Everything
here is derived independently of lib/value.c and lib/csv*.c:
  - dates: Python's datetime decides validity and gives the day number;
  - numbers: a regular expression of the grammar in value.h decides
    validity, Decimal gives the exact value, float() rounds it correctly;
  - header folding: Unicode NFKD decomposition with the combining marks
    dropped, plus the letters that have no decomposition written out;
  - written numbers: Python's own float formatting (round half to even on
    the exact binary value, as C's printf does), then the trailing zeros and
    "-0" rule of csv.h.

    python3 tests/ref/csv_ref.py           # rewrite the table
    python3 tests/ref/csv_ref.py --check   # exit 1 if it is out of date
"""
import datetime
import os
import random
import re
import sys
import unicodedata
from decimal import Decimal

OUT = os.path.join(os.path.dirname(__file__), "..", "unit", "data", "csv", "ref.h")
EPOCH = datetime.date(1970, 1, 1).toordinal()


def cstr(s):
    """A C string literal for s (UTF-8), every non-ASCII byte escaped."""
    out = []
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\x%02X\"\"" % b)
    return '"' + "".join(out) + '"'


def cdouble(v):
    r = repr(float(v))
    return r if ("e" in r or "." in r or "inf" in r) else r + ".0"


# --- dates ---------------------------------------------------------------

def date_rows():
    triples = []
    # the suite accepts years 1900-2199 only (value.h): the rest must fail
    for y in (1, 4, 100, 1582, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 2199, 2200,
              2400, 9999):
        for m, d in ((1, 1), (2, 28), (2, 29), (2, 30), (3, 1), (4, 30), (4, 31),
                     (6, 31), (12, 31), (12, 32), (0, 10), (13, 1), (7, 0), (11, 15)):
            triples.append((y, m, d))
    rows = []
    for y, m, d in triples:
        try:
            days = datetime.date(y, m, d).toordinal() - EPOCH
            ok = 1 if 1900 <= y <= 2199 else 0
            if not ok:
                days = 0
        except ValueError:
            days, ok = 0, 0
        for text in ("%04d-%02d-%02d" % (y, m, d), "%d/%d/%04d" % (d, m, y),
                     "%02d/%02d/%04d" % (d, m, y), "%02d-%02d-%04d" % (d, m, y),
                     "%d.%d.%04d" % (d, m, y), " %02d/%d/%04d\t" % (d, m, y)):
            rows.append((text, ok, days))
    return rows


# --- numbers -------------------------------------------------------------

BLANKS = (" ", "\u00a0", "\u202f")


def number_ok(s, decimal, thousands):
    """Validity by the grammar of value.h, as a regular expression; returns
    the Decimal value or None."""
    t = s.strip(" \t\u00a0\u202f")
    seps = []
    if thousands and thousands != decimal:
        if thousands != " ":
            seps.append(re.escape(thousands))
        seps.append("[ \u00a0\u202f]")
    alts = [r"[0-9]+"] + [r"[1-9][0-9]{0,2}(?:%s[0-9]{3})+" % sp for sp in seps]
    m = re.fullmatch(r"([+-]?)(%s)(?:%s([0-9]+))?" % ("|".join(alts), re.escape(decimal)), t)
    if not m:
        return None, 0
    whole = re.sub(r"[^0-9]", "", m.group(2))
    frac = m.group(3) or ""
    v = Decimal(whole + ("." + frac if frac else ""))
    # value.h promises correct rounding up to 15 significant digits
    exact = len((whole + frac).lstrip("0")) <= 15 and len(frac) <= 22
    return (-v if m.group(1) == "-" else v), int(exact)


def number_rows():
    rng = random.Random(20240304)
    fmts = ((",", "."), (".", "\0"), (".", ","), (",", " "))
    texts = set()
    for _ in range(400):
        n = rng.choice([rng.randint(0, 999), rng.randint(0, 10**6), rng.randint(0, 10**12)])
        fd = rng.choice(["", str(rng.randint(0, 9)), "%02d" % rng.randint(0, 99),
                         "%03d" % rng.randint(0, 999), "%06d" % rng.randint(0, 999999)])
        sign = rng.choice(["", "", "-", "+"])
        sep = rng.choice(["", ".", ",", " ", "\u00a0", "\u202f"])
        dec = rng.choice([",", "."])
        digits = str(n)
        if sep:
            groups = []
            while len(digits) > 3:
                groups.insert(0, digits[-3:])
                digits = digits[:-3]
            groups.insert(0, digits)
            digits = sep.join(groups)
        text = sign + digits + (dec + fd if fd else "")
        # mutations: a few invalid ones by construction or by chance
        r = rng.random()
        if r < 0.08:
            text = text + "x"
        elif r < 0.14:
            text = text.replace(sep or "#", sep + sep, 1)
        elif r < 0.20 and len(text) > 2:
            i = rng.randrange(1, len(text))
            text = text[:i] + rng.choice([".", ",", " "]) + text[i:]
        texts.add(text)
    texts.update(["0", "-0", "007", "1.234,5", "1.23", "1,234.5", "1 234,56", "12abc",
                  "0.500", "1.234.567", "1.2345", "1234.567", ",5", "5,", "- 5", "+",
                  "1e5", "  42  ", "1\u00a0234", "1\u202f234,5", "1.234 567"])
    rows = []
    for text in sorted(texts):
        for dec, th in fmts:
            v, exact = number_ok(text, dec, th.strip("\0") or None)
            rows.append((text, dec, th, v is not None, exact, v if v is not None else 0))
    return rows


# --- header folding --------------------------------------------------------

NO_DECOMPOSITION = {
    "Æ": "ae", "æ": "ae", "Ð": "d", "ð": "d", "Ø": "o", "ø": "o", "Þ": "th", "þ": "th",
    "ß": "ss", "Đ": "d", "đ": "d", "Ħ": "h", "ħ": "h", "ı": "i", "ĸ": "k", "Ł": "l",
    "ł": "l", "Ŋ": "n", "ŋ": "n", "Œ": "oe", "œ": "oe", "Ŧ": "t", "ŧ": "t",
}


def fold_char(c):
    if c in NO_DECOMPOSITION:
        return NO_DECOMPOSITION[c]
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c)
                   if not unicodedata.combining(ch))
    return "".join(ch for ch in base.lower() if ch.isascii() and ch.isalnum())


# --- written numbers -------------------------------------------------------

def written(v, decimals):
    s = format(v, ".%df" % decimals)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    return s


def written_rows():
    rng = random.Random(7)
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 0.125, 0.375, 2.5, -2.5, 1e-9, -1e-9, 12.5, 3.0,
            1234567.891, 0.1, 0.2, 0.3, 1 / 3, -2 / 3, 99.995, 1e15, 123456789012.5,
            -0.004, 0.005, 0.015, 0.025, 1.005, 2.675]
    vals += [rng.uniform(-1e6, 1e6) for _ in range(60)]
    vals += [round(rng.uniform(0, 1000), rng.randint(0, 4)) for _ in range(60)]
    rows = []
    for v in vals:
        for d in (0, 1, 2, 3, 6):
            rows.append((v, d, written(v, d)))
    return rows


def render():
    out = ["/* ref.h - generated by tests/ref/csv_ref.py: do not edit. */", ""]
    out.append("static const struct { const char *s; int ok; int days; } ref_dates[] = {")
    for text, ok, days in date_rows():
        out.append("\t{%s, %d, %d}," % (cstr(text), ok, days))
    out.append("};")
    out.append("")
    out.append("static const struct { const char *s; char dec, th; int ok, exact; double v; }"
               " ref_numbers[] = {")
    for text, dec, th, ok, exact, v in number_rows():
        thc = "0" if th == "\0" else "'%s'" % th
        out.append("\t{%s, '%s', %s, %d, %d, %s}," % (cstr(text), dec, thc, ok, exact,
                                                   cdouble(v)))
    out.append("};")
    out.append("")
    out.append("static const struct { const char *s; const char *folded; } ref_fold[] = {")
    for cp in range(0xC0, 0x180):
        c = chr(cp)
        out.append("\t{%s, %s}, /* U+%04X */" % (cstr(c), cstr(fold_char(c)), cp))
    out.append("};")
    out.append("")
    out.append("static const struct { double v; int decimals; const char *text; }"
               " ref_written[] = {")
    for v, d, s in written_rows():
        out.append("\t{%s, %d, %s}," % (cdouble(v), d, cstr(s)))
    out.append("};")
    return "\n".join(out) + "\n"


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print("csv_ref.py: %s is out of date" % OUT, file=sys.stderr)
                return 1
        return 0
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
