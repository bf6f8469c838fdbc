/* calendar.h - which days and hours the service is open.
 *
 * A calendar combines: the built-in Belgian public holidays (New Year, Easter
 * Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August, 1 November,
 * 11 November, Christmas) plus the Flemish holiday of 11 July, or none; extra
 * closing days with a reason (bridge days, entity-specific days) loaded from a
 * `date,reason` CSV; and opening hours per weekday.  Everything else is open.
 * Holidays are computed for any year 1583..9999 (tested 1900..2199); there
 * are none before 1583.
 *
 * The calendar owns all its strings.  Query functions never fail and do not
 * change the calendar, so one calendar may be queried from several threads.
 * They are cheap enough to call for every day of several years: a calendar
 * with the Belgian holidays keeps a table of 1900-2199 (about 110 KB, built
 * in about half a millisecond by wfm_calendar_new) and closing days are
 * found by binary search.
 */
#ifndef WFM_CALENDAR_H
#define WFM_CALENDAR_H

#include "common/date.h"
#include "common/err.h"

enum wfm_holidays { WFM_HOLIDAYS_NONE = 0, WFM_HOLIDAYS_BE = 1 };

typedef struct wfm_calendar wfm_calendar;

/* Name of the built-in holiday on `d` or NULL when `d` is none.  Covers the
 * Belgian legal holidays and 11 July: "New Year's Day", "Easter Monday",
 * "Labour Day", "Ascension Day", "Whit Monday", "Flemish Community holiday",
 * "Belgian National Day", "Assumption Day", "All Saints' Day", "Armistice
 * Day", "Christmas Day".  When Ascension falls on 1 May (Easter on 23 March:
 * 1913, 2008, 2160) the name is "Labour Day and Ascension Day".  The string
 * is static. */
const char *wfm_holiday_be(wfm_date d);

/* A new calendar with the given holiday set and the default opening hours
 * (Monday-Friday 09:00-19:00, weekend closed).  Returns NULL on out of memory
 * (with `e` set). */
wfm_calendar *wfm_calendar_new(enum wfm_holidays holidays, wfm_err *e);

/* Frees the calendar; NULL is a no-op. */
void wfm_calendar_free(wfm_calendar *c);

/* Sets weekday `wd` (WFM_MON..WFM_SUN) open from `opens` to `closes`
 * (minutes since midnight, 0 <= opens < closes <= 1440), or closed when
 * opens < 0.  Returns WFM_OK or WFM_EUSAGE for a bad range. */
int wfm_calendar_set_hours(wfm_calendar *c, int wd, int opens, int closes,
			   wfm_err *e);

/* Adds a closing day with its reason (copied; NULL or "" becomes "closing
 * day").  A day closed twice keeps the first reason.  Returns WFM_OK or
 * WFM_EINTERNAL. */
int wfm_calendar_add_closed(wfm_calendar *c, wfm_date d, const char *reason,
			    wfm_err *e);

/* Reads a closing-days CSV (header `date,reason`, Dutch `datum,reden`
 * accepted; any dialect the CSV reader accepts) and adds every day.  The
 * `reason` column may be missing and a cell empty ("closing day"); blanks
 * around a reason are dropped; of a day listed twice the first row counts.
 * Bad rows fail with WFM_EDATA naming file, line, column and value, an empty
 * file or a header without `date` too; a missing file fails with
 * WFM_ENOINPUT.  On failure the calendar is unchanged. */
int wfm_calendar_load_closed(wfm_calendar *c, const char *path, wfm_err *e);

/* 1 when the service is open on `d`: an opening weekday that is neither a
 * holiday nor a closing day. */
int wfm_calendar_open(const wfm_calendar *c, wfm_date d);

/* Why `d` is closed, the first that applies: the closing day's reason, the
 * holiday's name, "weekend" (a closed Saturday or Sunday) or "closed on
 * monday" .. "closed on friday"; NULL when open.  The string belongs to the
 * calendar. */
const char *wfm_calendar_reason(const wfm_calendar *c, wfm_date d);

/* Opening hours of `d` in minutes since midnight.  Returns 1 and sets both
 * when open, 0 (outputs untouched) when closed. */
int wfm_calendar_hours(const wfm_calendar *c, wfm_date d, int *opens,
		       int *closes);

/* The working day `n` working days after `d` (n > 0), or before it (n < 0);
 * `d` itself when n == 0.  Counting starts from the day after (before) `d`,
 * whether or not `d` is open: adding 2 working days to a Friday gives the
 * Tuesday when Monday and Tuesday are open.  Gives up (returns d) when no
 * working day is found within 10 years. */
wfm_date wfm_calendar_add_working(const wfm_calendar *c, wfm_date d, int n);

/* Working days in [from, to) (0 when to <= from). */
int wfm_calendar_count_working(const wfm_calendar *c, wfm_date from,
			       wfm_date to);

#endif
