/* forecast.h - contact-volume forecasts: daily models, selection by backtest,
 * prediction intervals, intraday profiles, expected volumes.
 *
 * The forecaster works on one series at a time (one line and channel).  A
 * daily series is a run of consecutive days; every day has a state:
 *   OPEN     the service was (or will be) open; in the history its value is
 *            an observation,
 *   CLOSED   the service is closed: the forecast is exactly 0 and the day is
 *            never used for fitting,
 *   MISSING  open but without data (an outage of the export, a lost file):
 *            not a zero, simply not used for fitting.
 * and optional flags: WFM_FC_HOLIDAY (an open holiday or other special day
 * that recurs: it gets its own effect) and WFM_FC_EXCLUDE (a one-off such as
 * an outage or a campaign: not used for fitting, forecast as a normal day).
 * The catch-up after closures (the day after a long weekend is busier) is
 * derived from the states by wfm_fc_catchup(); the caller needs no flag for it.
 * So is the day right after 1 to 3 MISSING days (an unmarked holiday, most
 * often, which makes the next day busier; the last missing day on a weekday
 * that has data on most of its open days): a class of its own with a factor
 * learnt from the history like the catch-up's.
 *
 * Candidate models (enum wfm_fc_model) are each fitted on the history and
 * scored by rolling-origin backtests on the series' own history; the one with
 * the lowest MASE is used.  Prediction intervals come from the selected
 * model's own out-of-sample errors, by horizon.
 *
 * The interval level is a separate step: a profile (share of the day per
 * interval, per weekday) learnt from recent weeks of a day x interval matrix,
 * applied to a daily forecast.  Rounding helpers make intervals add up to
 * their day and days to their month exactly at a given number of decimals:
 * round each day with wfm_fc_units (a month is the sum of its days' units),
 * split each day with wfm_fc_split_day at the same decimals, and print every
 * figure with "%.*f" at those decimals; the printed numbers then add up.
 *
 * Ownership: every object returned through an `out` pointer belongs to the
 * caller and is freed with the matching *_free function (which accepts NULL).
 * Input arrays are only read and never kept.  No function keeps state between
 * calls; all are safe to call from several threads on different data.  Call
 * wfm_init() first so that GSL reports errors instead of aborting.
 */
#ifndef WFM_FORECAST_H
#define WFM_FORECAST_H

#include "common/date.h"
#include "common/err.h"

enum wfm_fc_state { WFM_FC_OPEN = 0, WFM_FC_CLOSED = 1, WFM_FC_MISSING = 2 };

enum wfm_fc_flag { WFM_FC_HOLIDAY = 1u, WFM_FC_EXCLUDE = 2u };

/* The candidate models, in the order a tie is broken (simplest first). */
enum wfm_fc_model {
	WFM_FC_SNAIVE,   /* last observed same weekday */
	WFM_FC_MEANWD,   /* mean of the last 4 observed same weekdays */
	WFM_FC_ETS,      /* exponential smoothing, weekly season, on log scale */
	WFM_FC_REG,      /* robust (bisquare) regression on the square-root
			  * scale: weekday, yearly Fourier (3 harmonics from
			  * 400 days of history, 10 from 700), a trend
			  * bending once a year and held flat beyond the
			  * history, holiday and catch-up terms; plus a local
			  * level (and damped trend) of the residuals, its
			  * smoothing constants those of the lowest one-step
			  * error */
	WFM_FC_REG_WEEK, /* REG with the smoothing constants of its residual
			  * level those of the lowest error a week ahead:
			  * a slower level where the one-step fit chases
			  * noise that does not last a week */
	WFM_FC_ETS_REG,  /* mean of ETS and REG */
	WFM_FC_MEAN_ETS_REG, /* mean of MEANWD, ETS and REG */
	WFM_FC_TOP2_MEAN, /* the equal-weight mean of the two of MEANWD, ETS,
			   * REG and REG_WEEK with the lowest backtest MASE
			   * (wfm_fc_daily.parts): no weights estimated */
	WFM_FC_NMODELS,
	WFM_FC_FALLBACK = WFM_FC_NMODELS /* short series: see wfm_fc_forecast */
};

/* Warnings carried by a result (bit set). */
enum wfm_fc_warning {
	WFM_FC_WARN_SHORT = 1u,    /* fewer than 21 open days with data: the
				    * fallback method was used */
	WFM_FC_WARN_NO_BACKTEST = 2u, /* too short for any backtest origin:
				       * MEANWD (or the forced model) with the
				       * fallback's relative interval widths */
	WFM_FC_WARN_DONOR = 4u        /* no history: expected volumes spread
				       * by a donor's shape */
};

/* Short name of a model ("snaive", "meanwd", "ets", "reg", "reg-week",
 * "ets+reg", "mean+ets+reg", "top2-mean", "fallback"); "?" for anything
 * else. */
const char *wfm_fc_model_name(int model);

/* One daily series with the days to forecast after it.  Days 0..n_hist-1 are
 * history, days n_hist..n-1 are to be forecast; day i is `first + i`. */
typedef struct wfm_fc_series {
	wfm_date first;
	int n_hist;                 /* days of history (0 allowed: new line) */
	int n;                      /* history + horizon, n >= n_hist */
	const double *value;        /* n_hist values; read on OPEN days only */
	const unsigned char *state; /* n states (enum wfm_fc_state) */
	const unsigned char *flags; /* n flag sets (enum wfm_fc_flag) or NULL */
	const unsigned char *effect; /* n known effects (events of kind effect):
				     * 0 none, else 1..WFM_FC_MAX_EFFECTS - 1,
				     * the days of one effect sharing one
				     * factor; or NULL */
} wfm_fc_series;

/* Known effects (a mailing, a deadline, another calendar's holiday): every
 * OPEN day of effect k in the history is compared with the mean of the
 * ordinary open days on the same weekday one and two weeks around it; the
 * effect's factor is exp(median log1p ratio x m / (m + 1)) for m such days
 * (1 when there are none).  The history of those days is divided by the
 * factor before any model is fitted, and the forecast of the days of effect
 * k is multiplied by it.  Backtests learn the factors from the history
 * before each origin only. */
#define WFM_FC_MAX_EFFECTS 256

typedef struct wfm_fc_options {
	double level;    /* prediction-interval level, 0 < level < 1 (0.8) */
	int origins;     /* backtest origins K (12) */
	int horizon;     /* backtest horizon H in days; 0: the forecast horizon,
			  * at most 56 (0) */
	int model;       /* -1 to select by backtest, else the model to use (-1) */
	int max_train;   /* days of history used for fitting, newest first
			  * (1100, about 3 years) */
} wfm_fc_options;

/* Fills `o` with the defaults shown above. */
void wfm_fc_options_default(wfm_fc_options *o);

/* Backtest figures of one candidate, over all origins pooled: errors on OPEN
 * days with data only. */
typedef struct wfm_fc_score {
	int model;       /* enum wfm_fc_model */
	int points;      /* forecast days scored (0: model not scored) */
	double mase;     /* mean absolute error / in-sample MAE of the weekly
			  * seasonal naive forecast */
	double wape;     /* sum |actual - forecast| / sum actual */
	double bias;     /* sum (forecast - actual) / sum actual */
	double coverage; /* share of actuals inside the interval at `level` */
	int selected;    /* 1 for the model the forecast uses */
} wfm_fc_score;

/* A daily forecast for days first .. first + h - 1. */
typedef struct wfm_fc_daily {
	wfm_date first;
	int h;
	double level;          /* of the prediction interval */
	double *point;         /* h forecasts, >= 0; exactly 0 on CLOSED days */
	double *lo, *hi;       /* h interval bounds, 0 <= lo <= point <= hi */
	unsigned char *state;  /* h states copied from the input */
	int model;             /* the model used (enum wfm_fc_model) */
	unsigned warnings;     /* enum wfm_fc_warning bits */
	int origins;           /* backtest origins actually used */
	int horizon;           /* backtest horizon actually used */
	int gap;               /* days between the last day with data and
				* the first forecast day when 7 or more open
				* days without data lie there (else 0); the
				* backtest origins end at that last day and
				* the intervals count the gap as horizon */
	wfm_fc_score scores[WFM_FC_NMODELS]; /* by model; `selected` marks one */
	unsigned parts;        /* the models averaged by WFM_FC_TOP2_MEAN, bit
				* 1u << model each (0: not backtested) */
	double effect[WFM_FC_MAX_EFFECTS];   /* factor of each effect (1: none
					      * or not learnt) */
	int effect_days[WFM_FC_MAX_EFFECTS]; /* history days it was learnt from */
} wfm_fc_daily;

/* Forecasts days n_hist..n-1 of `s`.  With opt->model < 0, every candidate is
 * backtested from K rolling origins (spaced by a whole number of weeks, the
 * last one H days before the end of the history, or before its last day
 * with data when 7 or more open days without data follow it, so that a
 * forecast from a date after the end of the data is backtested on that
 * data (its intervals then count the days in between as horizon, see
 * `gap`); H is the horizon asked
 * for, halved down to 7 while the history leaves no origin with 28 open
 * days with data before it; origins 4 weeks apart, 2 for horizons under 28
 * days) and the one with the lowest MASE is refitted on the whole history,
 * except that a single model gives way to the better of the fixed
 * combinations ETS_REG and MEAN_ETS_REG when that scores within 5 % of it
 * (they are steadier across origins); the candidate WFM_FC_TOP2_MEAN, the
 * equal-weight mean of the two of MEANWD, ETS, REG and REG_WEEK with the
 * lowest backtest MASE (each scored on its own), competes on its score.
 * With a year and more of history, the models other than REG work on the
 * history divided by REG's yearly shape and multiply their forecasts by it
 * (wfm_fc_yearly in forecast_impl.h); the known effects of s->effect are
 * learnt and applied to every model; REG also learns recurring special days
 * (days of the year and Easter offsets the yearly shape misses the same way
 * every year: forecast_recur.c).  Prediction intervals are symmetric on
 * the log scale: the `level` quantile of that model's absolute backtest
 * errors per week of horizon (never narrower for a later week; beyond H
 * growing as the square root of the horizon), times a calibration scale
 * (0.6 .. 1.6) that makes the half-widths learnt from older origins hold
 * `level` of the errors of the newer ones (per side, the backtest's bias
 * was carried into intervals that missed mostly on one side).  A history
 * too short for K origins that far apart gets them a week apart.  A series with fewer than 21 OPEN days with
 * data uses the fallback (mean of the observed same weekdays, or of all days
 * when a weekday has none) with WFM_FC_WARN_SHORT and a Poisson-based
 * interval.  `opt` may be NULL for the defaults.  Returns WFM_OK and sets
 * *out; WFM_EDATA when the history has no OPEN day with data (or a negative
 * or non-finite value on an OPEN day), WFM_EUSAGE for bad arguments,
 * WFM_EINTERNAL on out of memory; *out is then NULL. */
int wfm_fc_forecast(const wfm_fc_series *s, const wfm_fc_options *opt,
		    wfm_fc_daily **out, wfm_err *e);

/* Frees a daily forecast; NULL is a no-op. */
void wfm_fc_daily_free(wfm_fc_daily *f);

/* Fills catchup[i] with the number of closed days right before day i that
 * are not regular weekly closures (a weekday closed on at least half of its
 * occurrences in `state` is regular), capped at 255; 0 for days that are not
 * OPEN.  So the Tuesday after Easter Monday gets 1 on a Monday-Friday line,
 * the Monday after a Friday holiday 1, the day after Christmas and Boxing
 * day on a 7-day line 2.  Never fails. */
void wfm_fc_catchup(const unsigned char *state, int n, wfm_date first,
		    unsigned char *catchup);

/* ---- expected volumes -------------------------------------------------- */

enum wfm_fc_ev_mode { WFM_FC_ADD, WFM_FC_SCALE, WFM_FC_SET };

/* An entity's expected volume: over the days from..to (inclusive). */
typedef struct wfm_fc_expected {
	wfm_date from, to;
	int mode;        /* enum wfm_fc_ev_mode */
	double value;    /* contacts (add, set) or factor (scale), >= 0 */
} wfm_fc_expected;

/* Applies `ev` to the forecast `f` in place.  add: `value` contacts are
 * spread over the OPEN days of the period in proportion to the forecast
 * there (evenly when the forecast is 0 on all of them); scale: the period's
 * days are multiplied by `value`; set: the period's OPEN days are scaled (or
 * filled evenly when they are all 0) so that they total `value`.  Interval
 * bounds move with the point (same relative width; a day that was 0 gets the
 * Poisson interval of its new value).  CLOSED days stay 0.  Fails with
 * WFM_EDATA (forecast unchanged) when the period is empty, reaches outside
 * the forecast's days, has no OPEN day (add, set), or the value is negative
 * or not finite. */
int wfm_fc_apply_expected(wfm_fc_daily *f, const wfm_fc_expected *ev,
			  wfm_err *e);

/* Forecast for a brand-new line without history: days first..first+h-1 with
 * states `state` (h entries).  The shape over the days is the donor's
 * forecast `donor` (another line's forecast covering at least these days):
 * each add or set row of `ev` spreads its value over its period's OPEN days
 * in proportion to the donor's point forecast; scale rows are then applied
 * in order.  Interval bounds have the donor's relative widths.  Days no row
 * covers are 0.  The result has model WFM_FC_FALLBACK, warning
 * WFM_FC_WARN_DONOR and no scores.  Returns WFM_OK and sets *out, or WFM_EDATA (no add or set
 * row, a period outside the days or without an OPEN day, donor not covering
 * the days), WFM_EINTERNAL on out of memory. */
int wfm_fc_from_donor(const wfm_fc_daily *donor, wfm_date first, int h,
		      const unsigned char *state, const wfm_fc_expected *ev,
		      int n_ev, wfm_fc_daily **out, wfm_err *e);

/* ---- interval level ---------------------------------------------------- */

/* Recent interval counts: `days` rows (day i is `first + i`) of `m`
 * intervals from opening to closing, row-major.  Rows of days that are not
 * OPEN are ignored (their counts are not read). */
typedef struct wfm_fc_matrix {
	wfm_date first;
	int days, m;
	const double *count;         /* days * m counts */
	const unsigned char *state;  /* days states (enum wfm_fc_state) */
} wfm_fc_matrix;

/* A fitted intraday profile: for each weekday the share of the day taken by
 * each of the m intervals (shares >= 0 summing to 1). */
typedef struct wfm_fc_profile {
	int m;
	double *share;      /* 7 * m, row WFM_MON..WFM_SUN */
	double dispersion;  /* variance / mean of interval counts around
			     * total * share on the fitting days, >= 1 */
	int weeks;          /* the settings chosen by backtest: weeks used, */
	double pool;        /* weight of the all-weekday profile (0..1), */
	int smooth;         /* half-width of the triangular smoother */
	double wape;        /* backtest WAPE of the chosen settings (actual day
			     * totals times shares); -1 when there was no day
			     * to backtest on (then 8 weeks, half pooled,
			     * smoother 1) */
} wfm_fc_profile;

/* Learns a profile from `x`.  Candidate settings (weeks 4, 8, 12 or 26;
 * weekday-specific, pooled over weekdays or half-half; smoother half-width 0
 * to 3) are scored on the last 4 weeks of `x`, each test day's profile built
 * from the days before it only, and the best (lowest sum over test days of
 * squared interval errors divided by the day total, i.e. actual total times
 * share against actual counts) is fitted on the newest days.  A weekday
 * without data takes the pooled profile.  Returns WFM_OK and sets *out;
 * WFM_EDATA when `x` has no OPEN day with a positive total or holds a negative or non-finite count; WFM_EINTERNAL on
 * out of memory. */
int wfm_fc_profile_fit(const wfm_fc_matrix *x, wfm_fc_profile **out,
		       wfm_err *e);

/* A profile of `m` intervals with the given shares for every weekday (7 * m
 * values, each row is normalised to sum 1; a row of zeros becomes flat), e.g.
 * a donor's.  Returns NULL on out of memory or bad shares (with `e` set). */
wfm_fc_profile *wfm_fc_profile_new(int m, const double *share, wfm_err *e);

/* Frees a profile; NULL is a no-op. */
void wfm_fc_profile_free(wfm_fc_profile *p);

/* Splits one day's forecast over the intervals [i0, i1) of weekday `wd`
 * (0 <= i0 < i1 <= m; intervals outside are written 0): out[i] is `total`
 * times the share, the shares renormalised over [i0, i1), rounded to
 * `decimals` (0..6) places so that the rounded values add up exactly to
 * `total` rounded to `decimals` places (largest remainder).  `lo`, `hi` (may
 * be NULL, then day_lo/day_hi unused) get interval bounds combining the day's
 * interval (day_lo, day_hi at level `level`) with over-dispersed Poisson
 * noise inside the day; never negative.  `out`, `lo`, `hi` have m entries.
 * Returns WFM_OK or WFM_EUSAGE for bad arguments. */
int wfm_fc_split_day(const wfm_fc_profile *p, int wd, int i0, int i1,
		     double total, double day_lo, double day_hi, double level,
		     int decimals, double *out, double *lo, double *hi,
		     wfm_err *e);

/* ---- handle times -------------------------------------------------------- */

/* How the handle time varies over the day: for each weekday and interval,
 * the ratio of the interval's handle time to the handle time of the whole
 * day (1 where nothing is known). */
typedef struct wfm_fc_aht_profile {
	int m;
	double *ratio;      /* 7 * m ratios > 0, row WFM_MON..WFM_SUN */
} wfm_fc_aht_profile;

/* Learns the intraday handle-time ratios from the last `weeks` weeks of two
 * day x interval matrices of the same shape: `handled` holds the contacts
 * that carry a handle time (the weights) and `aht_sum` the handle time times
 * those contacts (aht_sum->count; its state is not read).  The ratio of an
 * interval is its weighted mean handle time (sums smoothed over the 2
 * intervals either side, triangular weights) over the weighted mean of all
 * the intervals (of that weekday, for a weekday's); each weekday's ratio is
 * shrunk towards the ratio pooled
 * over weekdays with weight n / (n + 640) for the n contacts of its
 * smoothing window, and the
 * pooled ratio towards 1 with weight n / (n + 64) (one contact's handle time
 * varies by about 80 %, interval ratios by about 10 %, weekday differences
 * by about 3 %).  Returns WFM_OK and sets *out,
 * WFM_EDATA when no OPEN day has a handled contact with a handle time (or a
 * value is negative or not finite), WFM_EUSAGE for bad arguments,
 * WFM_EINTERNAL on out of memory. */
int wfm_fc_aht_profile_fit(const wfm_fc_matrix *handled, const wfm_fc_matrix *aht_sum,
			   int weeks, wfm_fc_aht_profile **out, wfm_err *e);

/* Frees an AHT profile; NULL is a no-op. */
void wfm_fc_aht_profile_free(wfm_fc_aht_profile *p);

/* The handle time of the intervals [i0, i1) of weekday `wd` (0 <= i0 < i1 <=
 * m) into out[i0..i1-1] (others 0): `day_aht` times the interval's ratio,
 * the ratios rescaled so that the mean handle time weighted by `volume`
 * (the m interval forecasts; equal weights when they add up to 0) is
 * exactly day_aht.  `p` NULL: every interval gets day_aht.  Never fails. */
void wfm_fc_aht_split(const wfm_fc_aht_profile *p, int m, int wd, int i0, int i1,
		      double day_aht, const double *volume, double *out);

/* `x` rounded half away from zero to `decimals` places, as an integer count
 * of units of 10^-decimals (decimals 0..6). */
long long wfm_fc_units(double x, int decimals);

/* Rounds x[0..n-1] in place to `decimals` places so that they add up
 * exactly (in units of 10^-decimals) to `total` rounded, by the largest
 * remainder method on x's shares (evenly when x adds up to 0); values stay
 * >= 0.  Use it to make days add up to a month figure fixed beforehand.
 * Returns WFM_OK or WFM_EUSAGE (negative value or total, bad decimals). */
int wfm_fc_round_to_total(double *x, int n, double total, int decimals,
			  wfm_err *e);

#endif
