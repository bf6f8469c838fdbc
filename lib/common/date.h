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

#endif
