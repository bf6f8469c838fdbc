/* value.h - strict parsers for the values found in CSV cells.
 *
 * Every parser takes the whole cell (already unquoted; leading and trailing
 * blanks are ignored) and either accepts all of it or rejects it: trailing
 * junk, out-of-range parts and impossible dates are errors, never silently
 * truncated.  On success a parser returns NULL and stores its result; on
 * failure it returns a short static reason in lower case (e.g. "no such day",
 * "trailing characters") and leaves the output untouched.  Nothing allocates.
 * Blanks are space, tab, U+00A0 and U+202F.  The reasons:
 *   every parser:  "empty" (nothing but blanks), "trailing characters"
 *   date:          "not a date", "year outside 1900-2199", "no such month",
 *                  "no such day"
 *   clock/interval: "not a time", "hour out of range", "minute out of range",
 *                  "second out of range", "seconds not allowed",
 *                  "end not after start"
 *   number, count: "not a number", "bad digit grouping", "unexpected '.'",
 *                  "unexpected ','", "out of range", "negative",
 *                  "not a whole number", "too large", "exponent not allowed
 *                  (write the digits)", "not a finite number" (nan, inf)
 *   duration:      the number reasons, "not a duration", "minute out of
 *                  range", "second out of range"
 */
#ifndef WFM_VALUE_H
#define WFM_VALUE_H

#include "date.h"

/* How numbers are written in one file: decided once per file, never per cell. */
typedef struct wfm_numfmt {
	char decimal;   /* '.' or ',' */
	char thousands; /* 0 for none, or '.', ',', ' ' (a group separator that
	                   may stand only between groups of three digits; U+00A0
	                   and U+202F are accepted wherever ' ' is, and any of
	                   the three blanks also when thousands is '.' or ',';
	                   one number uses one kind of separator) */
} wfm_numfmt;

/* A date: ISO "2024-03-04", or day first "4/03/2024", "04/03/2024",
 * "04-03-2024", "4.3.2024" (1-2 digit day and month, 4-digit year, the same
 * separator twice).  ISO needs 2-digit month and day.  Years WFM_YEAR_MIN..
 * WFM_YEAR_MAX (1900..2199); Feb 30 and the like are errors.  Stores days since 1970-01-01 (date.h). */
const char *wfm_parse_date(const char *s, wfm_date *out);

/* A clock time "H:MM", "HH:MM" or "HH:MM:SS", 00:00..23:59:59, as seconds
 * since midnight. */
const char *wfm_parse_clock(const char *s, int *seconds);

/* An interval start "09:00" or a range "09:00-09:15" (also "09:00 - 09:15",
 * and with an en dash U+2013 for '-'); each part as in wfm_parse_clock.
 * Stores the start and the end in minutes since midnight (end = -1 when no
 * range was given; a range end may be 24:00 and must be after the start).
 * Seconds in either part must be 0. */
const char *wfm_parse_interval(const char *s, int *start_min, int *end_min);

/* A finite number written in format `f`: optional sign, digits with optional
 * group separators (only in groups of three), optional decimal part.
 * "1.234,5" is 1234.5 under {',', '.'}; "1,5" is an error under {'.', 0}.
 * At least one digit before the decimal mark and one after it; no exponent.
 * With group separators the first group has 1-3 digits and does not start
 * with 0 ("0.500" is an error under {',', '.'}).  Correctly rounded for up
 * to 15 significant digits; "-0" gives 0. */
const char *wfm_parse_number(const char *s, wfm_numfmt f, double *out);

/* A non-negative whole count (a number as above whose value is an integer,
 * "12,0" is 12 under a decimal comma) no larger than 1e12. */
const char *wfm_parse_count(const char *s, wfm_numfmt f, double *out);

/* A duration in seconds: a plain non-negative number of seconds ("185",
 * "185,5"), or "m:ss" / "mm:ss" / "h:mm:ss" (seconds and minutes after the
 * first part below 60).  The first part has 1-6 digits, the others exactly
 * two; the seconds may carry decimals after f.decimal or '.' ("1:05,5"). */
const char *wfm_parse_duration(const char *s, wfm_numfmt f, double *seconds);

/* 1 when the cell is empty or only blanks. */
int wfm_blank(const char *s);

/* Copies the cell `s` (NULL is "") without its leading and trailing blanks
 * into `out` (size n >= 1), always NUL-terminated.  Returns the length
 * copied, or -1 when the trimmed text needs n bytes or more: then `out`
 * holds its first n - 1 bytes (which may cut a character). */
long wfm_trim_copy(const char *s, char *out, size_t n);

#endif
