/* config_value.c - the parsers of the value types of settings (see
 * config_impl.h): numbers, shares, seconds, weekdays and opening hours, and
 * the range of a key.  Each returns NULL on success, else a reason. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config_impl.h"
#include "common/value.h"

int wfm_cfg_is_none(const char *v)
{
	return v[0] == '\0' || strcasecmp(v, "none") == 0;
}

const char *wfm_cfg_range_reason(const struct key *k, char *why, size_t n)
{
	snprintf(why, n, "must be %s %g and %s %g", k->flags & LO_OPEN ? "more than" : "at least",
		 k->lo, k->flags & HI_OPEN ? "less than" : "at most", k->hi);
	return why;
}

int wfm_cfg_in_range(const struct key *k, double x)
{
	return (k->flags & LO_OPEN ? x > k->lo : x >= k->lo) &&
	       (k->flags & HI_OPEN ? x < k->hi : x <= k->hi);
}

/* A number with a decimal point or a decimal comma. */
const char *wfm_cfg_parse_num(const char *v, double *out)
{
	static const wfm_numfmt point = {'.', 0}, comma = {',', 0};
	const char *why = wfm_parse_number(v, point, out);

	return why && !wfm_parse_number(v, comma, out) ? NULL : why;
}

/* A fraction "0.95" or a percentage "95%", "95 %". */
const char *wfm_cfg_parse_share(const char *v, double *out)
{
	char buf[64];
	size_t len = strlen(v);
	const char *why;

	if (len == 0 || v[len - 1] != '%')
		return wfm_cfg_parse_num(v, out);
	if (len >= sizeof buf)
		return "not a number";
	memcpy(buf, v, len - 1);
	buf[len - 1] = '\0';
	why = wfm_cfg_parse_num(buf, out);
	if (!why)
		*out /= 100;
	return why;
}

const char *wfm_cfg_parse_seconds(const char *v, double *out)
{
	static const wfm_numfmt point = {'.', 0}, comma = {',', 0};
	const char *why = wfm_parse_duration(v, point, out);

	return why && !wfm_parse_duration(v, comma, out) ? NULL : why;
}

static const char *const day_names[7] = {"monday", "tuesday", "wednesday", "thursday",
					 "friday", "saturday", "sunday"};

/* Weekday of the name s[0..len), three letters or in full; -1 if none. */
static int day_of(const char *s, size_t len)
{
	int wd;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	for (wd = 0; wd < 7; wd++)
		if ((len == 3 || len == strlen(day_names[wd])) &&
		    strncasecmp(s, day_names[wd], len) == 0)
			return wd;
	return -1;
}

/* "mon-fri", "mon,tue,thu", "fri-mon", "none". */
const char *wfm_cfg_parse_days(const char *v, unsigned *out)
{
	unsigned mask = 0;

	if (strcasecmp(v, "none") == 0) {
		*out = 0;
		return NULL;
	}
	for (;;) {
		size_t len = strcspn(v, ",");
		const char *dash = memchr(v, '-', len);
		int a, b;

		if (dash) {
			a = day_of(v, (size_t)(dash - v));
			b = day_of(dash + 1, len - (size_t)(dash - v) - 1);
		} else {
			a = b = day_of(v, len);
		}
		if (a < 0 || b < 0)
			return "not a list of weekdays such as mon-fri or mon,tue,thu";
		for (;; a = (a + 1) % 7) {
			mask |= 1u << a;
			if (a == b)
				break;
		}
		if (v[len] == '\0')
			break;
		v += len + 1;
	}
	*out = mask;
	return NULL;
}

const char *wfm_cfg_parse_hours(const char *v, wfm_hours *out)
{
	int a, b;
	const char *why = wfm_parse_interval(v, &a, &b);

	if (why)
		return why;
	if (b < 0)
		return "not a time range";
	out->opens = a;
	out->closes = b;
	return NULL;
}
