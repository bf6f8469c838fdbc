/* value.c - strict parsers for the values found in CSV cells (see value.h).
 *
 * Every parser works on the cell between its leading and trailing blanks as
 * a cursor [p, end) and must consume all of it.  Nothing here allocates,
 * depends on the locale or keeps state.
 */
#include "value.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Length of the blank starting at p: 1 for space or tab, 2 for U+00A0,
 * 3 for U+202F, 0 when p does not start with a blank. */
static size_t blank_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t n = (size_t)(end - p);

	if (n >= 1 && (u[0] == ' ' || u[0] == '\t'))
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

/* Length of the blank ending at end (p <= end), as blank_at. */
static size_t blank_before(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)end;
	size_t n = (size_t)(end - p);

	if (n >= 1 && (u[-1] == ' ' || u[-1] == '\t'))
		return 1;
	if (n >= 2 && u[-2] == 0xC2 && u[-1] == 0xA0)
		return 2;
	if (n >= 3 && u[-3] == 0xE2 && u[-2] == 0x80 && u[-1] == 0xAF)
		return 3;
	return 0;
}

/* Sets [*p, *end) to the cell without its outer blanks; returns 0 when
 * nothing is left. */
static int trim(const char *s, const char **p, const char **end)
{
	size_t k;

	*p = s ? s : "";
	*end = *p + strlen(*p);
	while ((k = blank_at(*p, *end)) != 0)
		*p += k;
	while ((k = blank_before(*p, *end)) != 0)
		*end -= k;
	return *p < *end;
}

static void skip_blanks(const char **p, const char *end)
{
	size_t k;

	while ((k = blank_at(*p, end)) != 0)
		*p += k;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a run of digits at *p.  Returns how many; *val gets their value
 * (meaningful only for runs of at most 9 digits). */
static int digits(const char **p, const char *end, long *val)
{
	int n = 0;
	long v = 0;

	while (*p < end && is_digit(**p)) {
		if (n < 9)
			v = v * 10 + (**p - '0');
		n++;
		(*p)++;
	}
	*val = v;
	return n;
}

int wfm_blank(const char *s)
{
	const char *p, *end;

	return !trim(s, &p, &end);
}

long wfm_trim_copy(const char *s, char *out, size_t n)
{
	const char *p, *end;
	size_t len;

	trim(s, &p, &end);
	len = (size_t)(end - p);
	if (len >= n) {
		memcpy(out, p, n - 1);
		out[n - 1] = '\0';
		return -1;
	}
	memcpy(out, p, len);
	out[len] = '\0';
	return (long)len;
}

const char *wfm_parse_date(const char *s, wfm_date *out)
{
	const char *p, *end;
	long a, b, c;
	int na, nb, nc, y, m, d;
	char sep;

	if (!trim(s, &p, &end))
		return "empty";
	na = digits(&p, end, &a);
	if (na == 0 || p == end || (*p != '-' && *p != '/' && *p != '.'))
		return "not a date";
	sep = *p++;
	nb = digits(&p, end, &b);
	if (nb == 0 || p == end || *p != sep)
		return "not a date";
	p++;
	nc = digits(&p, end, &c);
	if (na == 4 && sep == '-' && nb == 2 && nc == 2) {
		y = (int)a, m = (int)b, d = (int)c;
	} else if (na <= 2 && nb <= 2 && nc == 4) {
		d = (int)a, m = (int)b, y = (int)c;
	} else {
		return "not a date";
	}
	if (p != end)
		return "trailing characters";
	if (y < WFM_YEAR_MIN || y > WFM_YEAR_MAX)
		return "year outside 1900-2199";
	if (m < 1 || m > 12)
		return "no such month";
	if (d < 1 || d > wfm_days_in_month(y, m))
		return "no such day";
	*out = wfm_date_from_ymd(y, m, d);
	return NULL;
}

/* Reads "H:MM", "HH:MM" or "HH:MM:SS" at *p without checking ranges. */
static const char *hms(const char **p, const char *end, long *h, long *m, long *sec)
{
	int n = digits(p, end, h);

	if (n < 1 || n > 2 || *p == end || **p != ':')
		return "not a time";
	(*p)++;
	if (digits(p, end, m) != 2)
		return "not a time";
	*sec = 0;
	if (*p < end && **p == ':') {
		(*p)++;
		if (digits(p, end, sec) != 2)
			return "not a time";
	}
	return NULL;
}

/* Checks a clock time; `end24` also allows exactly 24:00[:00]. */
static const char *hms_range(long h, long m, long sec, int end24)
{
	if (end24 && h == 24 && m == 0 && sec == 0)
		return NULL;
	if (h > 23)
		return "hour out of range";
	if (m > 59)
		return "minute out of range";
	if (sec > 59)
		return "second out of range";
	return NULL;
}

const char *wfm_parse_clock(const char *s, int *seconds)
{
	const char *p, *end, *why;
	long h, m, sec;

	if (!trim(s, &p, &end))
		return "empty";
	if ((why = hms(&p, end, &h, &m, &sec)) != NULL)
		return why;
	if (p != end)
		return "trailing characters";
	if ((why = hms_range(h, m, sec, 0)) != NULL)
		return why;
	*seconds = (int)(h * 3600 + m * 60 + sec);
	return NULL;
}

const char *wfm_parse_interval(const char *s, int *start_min, int *end_min)
{
	const char *p, *end, *why;
	long h, m, sec, h2, m2, sec2;
	int start, stop = -1;

	if (!trim(s, &p, &end))
		return "empty";
	if ((why = hms(&p, end, &h, &m, &sec)) != NULL)
		return why;
	skip_blanks(&p, end);
	if (p < end) {
		if (*p == '-')
			p++;
		else if (end - p >= 3 && memcmp(p, "\xE2\x80\x93", 3) == 0) /* en dash */
			p += 3;
		else
			return "trailing characters";
		skip_blanks(&p, end);
		if ((why = hms(&p, end, &h2, &m2, &sec2)) != NULL)
			return why;
		if (p != end)
			return "trailing characters";
		if ((why = hms_range(h2, m2, sec2, 1)) != NULL)
			return why;
		if (sec2 != 0)
			return "seconds not allowed";
		stop = (int)(h2 * 60 + m2);
	}
	if ((why = hms_range(h, m, sec, 0)) != NULL)
		return why;
	if (sec != 0)
		return "seconds not allowed";
	start = (int)(h * 60 + m);
	if (stop >= 0 && stop <= start)
		return "end not after start";
	*start_min = start;
	*end_min = stop;
	return NULL;
}

/* A number as read: (-1)^neg * m * 10^exp, with up to 19 significant digits
 * kept in m (further integer digits only raise exp; further decimals are
 * dropped). */
struct num {
	int neg;
	uint64_t m;
	int exp;
	int nsig;
	int frac_nonzero; /* a nonzero digit after the decimal mark */
};

static void add_digit(struct num *n, int d, int frac)
{
	if (frac && d != 0)
		n->frac_nonzero = 1;
	if (n->m == 0 && d == 0) {
		n->exp -= frac;
		return;
	}
	if (n->nsig < 19) {
		n->m = n->m * 10 + (uint64_t)d;
		n->nsig++;
		n->exp -= frac;
	} else if (!frac) {
		n->exp++;
	}
}

/* Length of a group separator of format f at p (0 when there is none);
 * *kind is f.thousands, or ' ' for any blank. */
static size_t group_sep(const char *p, const char *end, wfm_numfmt f, char *kind)
{
	size_t k;

	if (f.thousands == 0 || f.thousands == f.decimal)
		return 0;
	if (*p == f.thousands && f.thousands != ' ') {
		*kind = f.thousands;
		return 1;
	}
	if ((k = blank_at(p, end)) != 0)
		*kind = ' ';
	return k;
}

/* 1 when [p, end) spells NaN or an infinity, as strtod and spreadsheets
 * write them ("nan", "inf", "Infinity", "#NUM!" is left to "not a number"). */
static int not_finite(const char *p, const char *end)
{
	static const char *const words[] = {"nan", "inf", "infinity", NULL};
	size_t n = (size_t)(end - p), k, i;

	for (k = 0; words[k]; k++) {
		if (strlen(words[k]) != n)
			continue;
		for (i = 0; i < n && (p[i] | 0x20) == words[k][i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Reads the whole of [p, end) as a number of format f. */
static const char *scan_number(const char *p, const char *end, wfm_numfmt f, struct num *n)
{
	const char *run = p;
	char kind = 0, k;
	int first, grouped = 0;
	size_t sl;

	memset(n, 0, sizeof *n);
	if (p < end && (*p == '-' || *p == '+'))
		n->neg = *p++ == '-';
	run = p;
	while (p < end && is_digit(*p))
		add_digit(n, *p++ - '0', 0);
	first = (int)(p - run);
	if (first == 0)
		return not_finite(p, end) ? "not a finite number" : "not a number";
	while (p < end && (sl = group_sep(p, end, f, &k)) != 0 && p + sl < end &&
	       is_digit(p[sl])) {
		if (!grouped && (first > 3 || *run == '0'))
			return "bad digit grouping";
		if (grouped && k != kind)
			return "bad digit grouping";
		grouped = 1;
		kind = k;
		p += sl;
		run = p;
		while (p < end && is_digit(*p))
			add_digit(n, *p++ - '0', 0);
		if (p - run != 3)
			return "bad digit grouping";
	}
	if (p < end && *p == f.decimal) {
		p++;
		run = p;
		while (p < end && is_digit(*p))
			add_digit(n, *p++ - '0', 1);
		if (p == run)
			return "not a number";
	}
	if (p == end)
		return NULL;
	if ((*p == 'e' || *p == 'E') && p + 1 < end &&
	    (is_digit(p[1]) || ((p[1] == '-' || p[1] == '+') && p + 2 < end && is_digit(p[2]))))
		return "exponent not allowed (write the digits)";
	if (*p == '.')
		return "unexpected '.'";
	if (*p == ',')
		return "unexpected ','";
	return "trailing characters";
}

/* The value of n, or "out of range" when it does not fit a double.  Exact
 * (correctly rounded) for up to 15 significant digits and exponents within
 * +-22, which covers every value a contact-center export holds. */
static const char *num_value(const struct num *n, double *out)
{
	static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	double v;

	if (n->m == 0) {
		*out = 0.0;
		return NULL;
	}
	if (n->m <= (UINT64_C(1) << 53) && n->exp >= -22 && n->exp <= 22)
		v = n->exp < 0 ? (double)n->m / p10[-n->exp] : (double)n->m * p10[n->exp];
	else if (n->exp < 0) /* within an ulp: rounded twice, via long double */
		v = (double)((long double)n->m / powl(10.0L, (long double)-n->exp));
	else
		v = (double)((long double)n->m * powl(10.0L, (long double)n->exp));
	if (!isfinite(v))
		return "out of range";
	*out = n->neg ? -v : v;
	return NULL;
}

const char *wfm_parse_number(const char *s, wfm_numfmt f, double *out)
{
	const char *p, *end, *why;
	struct num n;

	if (!trim(s, &p, &end))
		return "empty";
	if ((why = scan_number(p, end, f, &n)) != NULL)
		return why;
	return num_value(&n, out);
}

const char *wfm_parse_count(const char *s, wfm_numfmt f, double *out)
{
	const char *p, *end, *why;
	struct num n;
	double v;

	if (!trim(s, &p, &end))
		return "empty";
	if ((why = scan_number(p, end, f, &n)) != NULL)
		return why;
	if (n.neg && n.m != 0)
		return "negative";
	if (n.frac_nonzero)
		return "not a whole number";
	n.neg = 0;
	if ((why = num_value(&n, &v)) != NULL || v > 1e12)
		return "too large";
	*out = v;
	return NULL;
}

/* "m:ss", "mm:ss" or "h:mm:ss", the seconds optionally with decimals. */
static const char *clock_duration(const char *p, const char *end, wfm_numfmt f, double *out)
{
	long part[3], frac = 0;
	int n = 0, k, nfrac = 0;
	double v;

	k = digits(&p, end, &part[n++]);
	if (k < 1 || k > 6)
		return "not a duration";
	while (p < end && *p == ':') {
		if (n == 3)
			return "not a duration";
		p++;
		if (digits(&p, end, &part[n++]) != 2)
			return "not a duration";
	}
	if (n < 2)
		return "not a duration";
	if (p < end && (*p == f.decimal || *p == '.')) {
		const char *run = ++p;

		while (p < end && is_digit(*p)) {
			if (nfrac < 6) /* keeps the numerator below exact 2^53 */
				frac = frac * 10 + (*p - '0'), nfrac++;
			p++;
		}
		if (p == run)
			return "not a duration";
	}
	if (p != end)
		return "trailing characters";
	if (part[n - 1] > 59)
		return "second out of range";
	if (n == 3 && part[1] > 59)
		return "minute out of range";
	v = n == 3 ? part[0] * 3600.0 + part[1] * 60.0 + part[2] : part[0] * 60.0 + part[1];
	if (nfrac) { /* one correctly rounded division */
		double scale = pow(10.0, nfrac);

		v = (v * scale + (double)frac) / scale;
	}
	*out = v;
	return NULL;
}

const char *wfm_parse_duration(const char *s, wfm_numfmt f, double *seconds)
{
	const char *p, *end, *why;
	struct num n;
	double v;

	if (!trim(s, &p, &end))
		return "empty";
	if (memchr(p, ':', (size_t)(end - p)))
		return clock_duration(p, end, f, seconds);
	if ((why = scan_number(p, end, f, &n)) != NULL)
		return why;
	if (n.neg && n.m != 0)
		return "negative";
	n.neg = 0;
	if ((why = num_value(&n, &v)) != NULL)
		return why;
	*seconds = v;
	return NULL;
}
