/* fcrun_impl.h - internals shared by the fcrun*.c files (not a public
 * header: programs include fcrun.h only). */
#ifndef WFM_FCRUN_IMPL_H
#define WFM_FCRUN_IMPL_H

#include "fcrun.h"

struct wfm_fcr_note {
	char *text;
	int warning;
};

struct wfm_fcrun {
	wfm_fcrun_opts o;
	const wfm_hist *h;
	const wfm_calendar *cal;
	wfm_date end;              /* last day forecast, >= o.to */
	int grid_open, m;          /* interval grid */
	wfm_fcrun_series *s;
	int ns;
	wfm_fc_profile **own;      /* ns profiles fitted or made here (or NULL) */
	signed char *fit_state;    /* ns: 0 not tried, 1 fitted, -1 no profile */
	int done, total;           /* progress */
	int forecast_done;         /* wfm_fcrun_forecast succeeded */
	const wfm_event_list *events; /* marked by wfm_fcrun_events, or NULL */
	struct wfm_fcr_note *notes;
	int nnotes;
	size_t capnotes;
};

/* Adds a note (printf-like) to the run.  Returns WFM_OK or WFM_EINTERNAL. */
int wfm_fcr_note(wfm_fcrun *r, wfm_err *e, int warning, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Forecasts series i with options `fo` (replacing any forecast it had),
 * adding the warnings of the result as notes and reporting progress. */
int wfm_fcr_forecast_one(wfm_fcrun *r, int i, const wfm_fc_options *fo, wfm_err *e);

/* Forecasts the handle times of series i with options `fo` into s->aht_fc
 * (replacing any; left NULL when its history has none). */
int wfm_fcr_aht_one(wfm_fcrun *r, int i, const wfm_fc_options *fo, wfm_err *e);

/* The notes on the events of series i (after its forecast). */
int wfm_fcr_event_notes(wfm_fcrun *r, int i, wfm_err *e);

/* The library's forecast options for the run: level and backtest horizon
 * (the days written, at least 28 and at most 56). */
void wfm_fcr_fc_options(const wfm_fcrun *r, wfm_fc_options *fo);

/* "line L, channel C" of series i, into buf (size n). */
const char *wfm_fcr_name(const wfm_fcrun *r, int i, char *buf, size_t n);

#endif
