/* date.h - civil dates and clock times as plain integers.
 *
 * A date is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar (negative before 1970), so date arithmetic is integer arithmetic.
 * A time of day is minutes since midnight, 0..1439.  Nothing here allocates
 * or fails except the explicit validity checks.
 */
#ifndef WFM_DATE_H
#define WFM_DATE_H

#include <stddef.h>

typedef int wfm_date;

/* The years the suite accepts anywhere (the calendar's table covers them):
 * a date outside is an input error, never a silent wrap. */
enum { WFM_YEAR_MIN = 1900, WFM_YEAR_MAX = 2199 };

enum { WFM_MON, WFM_TUE, WFM_WED, WFM_THU, WFM_FRI, WFM_SAT, WFM_SUN };

/* 1 when y-m-d is a real Gregorian date with 1 <= y <= 9999, else 0. */
int wfm_date_valid(int y, int m, int d);

/* Days since 1970-01-01 of y-m-d.  The date must be valid. */
wfm_date wfm_date_from_ymd(int y, int m, int d);

/* Year, month (1-12) and day (1-31) of `date`.  Any pointer may be NULL. */
void wfm_date_to_ymd(wfm_date date, int *y, int *m, int *d);

/* Day of the week: WFM_MON (0) .. WFM_SUN (6). */
int wfm_date_weekday(wfm_date date);

/* Days in month m (1-12) of year y. */
int wfm_days_in_month(int y, int m);

/* Easter Sunday of Gregorian year y (1583..9999), by the anonymous
 * Gregorian algorithm (Meeus/Jones/Butcher). */
wfm_date wfm_easter(int y);

/* Writes `date` as "YYYY-MM-DD" into buf (at least 11 bytes).  Returns buf. */
char *wfm_date_iso(wfm_date date, char *buf);

/* Writes minutes since midnight `t` as "HH:MM" into buf (at least 6 bytes); values outside
 * 0..1439 are taken modulo a day.
 * Returns buf. */
char *wfm_time_hhmm(int t, char *buf);

/* Lower-case English weekday abbreviation "mon".."sun" of weekday 0..6. */
const char *wfm_weekday_name(int wd);

/* The interval grid: every tool cuts the day into intervals of this many
 * minutes unless the settings say otherwise ([calendar] interval of
 * wfm.conf, --interval); the only place the default is written. */
enum { WFM_INTERVAL_DEFAULT = 15 };

/* 1 when an interval of `minutes` is one the tools work with: 5, 10, 15, 30
 * or 60 (lengths that divide an hour and cut 15-minute exports evenly or
 * add them up); else 0. */
int wfm_interval_valid(int minutes);

/* Weeks in ISO 8601 week-numbering year y (WFM_YEAR_MIN..WFM_YEAR_MAX): 53
 * when the year starts on a Thursday, or on a Wednesday in a leap year; else
 * 52. */
int wfm_iso_weeks(int y);

/* The Monday of ISO week w (1..wfm_iso_weeks(y)) of year y; week 1 is the
 * week with the year's first Thursday, so its Monday may lie in December. */
wfm_date wfm_iso_week_monday(int y, int w);

/* Parses an ISO week "2026-W48" strictly: four digits of a year
 * WFM_YEAR_MIN..WFM_YEAR_MAX, "-W", two digits of a week the year has, and
 * nothing else (no blanks, no lower-case w, no "2026W48").  On success stores
 * the week's Monday and returns NULL; else returns a static reason and leaves
 * *monday alone: "expected YYYY-Www such as 2026-W48", "year outside
 * 1900-2199", "no such week" (W00, W54 ...), "the year has 52 weeks" (W53 of
 * a year without it). */
const char *wfm_parse_iso_week(const char *s, wfm_date *monday);

#endif
