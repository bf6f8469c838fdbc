/* bench_forecast.c - accuracy and speed of the forecaster on real and
 * synthetic series (run by scripts/bench-forecast; not a test).
 *
 *   bench_forecast daily FILE      date,calls CSV: hold out the last 56 days
 *   bench_forecast intraday FILE   timestamp,calls 5-minute CSV: hold out
 *                                  the last 30 observed weekdays (the last
 *                                  30 x 169 observations, as in R) and
 *                                  forecast all of them from the origin
 *   bench_forecast speed           12 lines x 3 channels x 3 years of
 *                                  15-minute history, synthetic: times the
 *                                  library on it
 *   bench_forecast gen DIR         writes the same synthetic set as a
 *                                  canonical history DIR/history.csv with
 *                                  its closing days DIR/closed.csv, and
 *                                  prints the first day to forecast
 *
 * daily and intraday print WAPE and MASE on the held-out days per model
 * (each model forced), the model the backtest selects, and seasonal naive
 * beside it.
 */
#include "common/date.h"
#include "common/err.h"
#include "forecast/forecast.h"
#include "run/wfm.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#define MAXDAYS 4000
#define MAXM 400

static long num(const char *s, int len, int *ok)
{
	char buf[16], *end;
	long v;

	if (len <= 0 || len >= (int)sizeof buf) {
		*ok = 0;
		return 0;
	}
	memcpy(buf, s, (size_t)len);
	buf[len] = '\0';
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end)
		*ok = 0;
	return v;
}

/* "YYYY-MM-DD" at s; returns 1 and sets *d. */
static int parse_date(const char *s, wfm_date *d)
{
	int ok = 1, y, m, dd;

	y = (int)num(s, 4, &ok);
	m = (int)num(s + 5, 2, &ok);
	dd = (int)num(s + 8, 2, &ok);
	if (!ok || s[4] != '-' || s[7] != '-' || !wfm_date_valid(y, m, dd))
		return 0;
	*d = wfm_date_from_ymd(y, m, dd);
	return 1;
}

static double parse_value(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s)
		return -1;
	return v;
}

/* Test-period figures of one forecast against actuals on OPEN days. */
static void score(const double *act, const unsigned char *st, const double *f,
		  int n, double scale, double *wape, double *mase)
{
	double a = 0, s = 0;
	int i, k = 0;

	for (i = 0; i < n; i++)
		if (st[i] == WFM_FC_OPEN) {
			a += fabs(act[i] - f[i]);
			s += act[i];
			k++;
		}
	*wape = s > 0 ? a / s : 0;
	*mase = k && scale > 0 ? a / k / scale : 0;
}

/* In-sample MAE of the seasonal naive (7 days back, both open). */
static double naive_scale(const double *y, const unsigned char *st, int n)
{
	double s = 0;
	int i, k = 0;

	for (i = 7; i < n; i++)
		if (st[i] == WFM_FC_OPEN && st[i - 7] == WFM_FC_OPEN) {
			s += fabs(y[i] - y[i - 7]);
			k++;
		}
	return k ? s / k : 0;
}

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Elapsed seconds on the monotonic clock. */
static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* CPU seconds of this process. */
static double cpu_now(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static int bench_daily(const char *path)
{
	static double y[MAXDAYS];
	static unsigned char st[MAXDAYS];
	char line[256], buf[16];
	FILE *fp = fopen(path, "r");
	wfm_date first = 0, d;
	int n = 0, hold = 56, m;
	double scale, w, q, t0, c0;
	wfm_fc_series s;
	wfm_fc_options o;
	wfm_fc_daily *f;
	wfm_err e;

	if (!fp) {
		perror(path);
		return 1;
	}
	while (fgets(line, sizeof line, fp)) {
		if (!parse_date(line, &d))
			continue;
		if (n == 0)
			first = d;
		if (d - first >= MAXDAYS || d - first < n)
			break;
		while (n < d - first)
			st[n++] = WFM_FC_MISSING;
		y[n] = parse_value(line + 11);
		st[n] = y[n] >= 0 ? WFM_FC_OPEN : WFM_FC_MISSING;
		n++;
	}
	fclose(fp);
	printf("daily %s: %d days from %s, test = last %d days\n", path, n,
	       wfm_date_iso(first, buf), hold);
	s.first = first;
	s.n_hist = n - hold;
	s.n = n;
	s.value = y;
	s.state = st;
	s.flags = NULL;
	scale = naive_scale(y, st, n - hold);
	printf("%-14s %8s %8s  %s\n", "model", "WAPE%", "MASE", "(backtest MASE, WAPE%, "
	       "bias%, PI cover%)");
	for (m = -1; m < WFM_FC_NMODELS; m++) {
		wfm_fc_options_default(&o);
		o.model = m;
		c0 = cpu_now();
		t0 = now();
		if (wfm_fc_forecast(&s, &o, &f, &e)) {
			fprintf(stderr, "%s\n", e.msg);
			return 1;
		}
		t0 = now() - t0;
		c0 = cpu_now() - c0;
		score(y + n - hold, st + n - hold, f->point, hold, scale, &w, &q);
		if (m < 0) {
			printf("%-14s %8.2f %8.3f  selected %s, %.1f ms, %d origins\n",
			       "SELECTED", 100 * w, q, wfm_fc_model_name(f->model),
			       1000 * t0, f->origins);
			printf("fit+forecast (backtest of every model, refit, "
			       "intervals): CPU %.4f s, elapsed %.4f s\n", c0, t0);
			int in = 0, k = 0;
			for (int i = 0; i < hold; i++)
				if (st[n - hold + i] == WFM_FC_OPEN) {
					k++;
					in += y[n - hold + i] >= f->lo[i] &&
					      y[n - hold + i] <= f->hi[i];
				}
			printf("%-14s %7.1f%%  (80%% interval on the test days)\n",
			       "PI coverage", 100.0 * in / k);
		} else {
			const wfm_fc_score *sc = &f->scores[m];
			printf("%-14s %8.2f %8.3f  (%.3f, %.2f, %+.2f, %.1f)\n",
			       wfm_fc_model_name(m), 100 * w, q, sc->mase,
			       100 * sc->wape, 100 * sc->bias, 100 * sc->coverage);
		}
		wfm_fc_daily_free(f);
	}
	return 0;
}

/* Reads a timestamp,calls 5-minute file into a day x interval matrix with
 * states: weekdays without rows are MISSING, weekends CLOSED. */
static int read_intraday(const char *path, wfm_date *first, int *days,
			 int *m0, int *m, double *cnt, unsigned char *st)
{
	char line[256];
	FILE *fp = fopen(path, "r");
	int d, lo = 1440, hi = -1, seen[MAXDAYS] = {0};
	wfm_date day;

	if (!fp) {
		perror(path);
		return 1;
	}
	*days = 0;
	/* first pass: the span of days and times */
	while (fgets(line, sizeof line, fp)) {
		int ok = 1, t;
		if (!parse_date(line, &day) || line[10] != 'T')
			continue;
		t = (int)num(line + 11, 2, &ok) * 60 + (int)num(line + 14, 2, &ok);
		if (!ok)
			continue;
		if (*days == 0)
			*first = day;
		if (day - *first + 1 > *days)
			*days = day - *first + 1;
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	*m0 = lo;
	*m = (hi - lo) / 5 + 1;
	if (*days > MAXDAYS || *m > MAXM)
		return 1;
	rewind(fp);
	memset(cnt, 0, sizeof *cnt * (size_t)*days * (size_t)*m);
	while (fgets(line, sizeof line, fp)) {
		int ok = 1, t;
		if (!parse_date(line, &day) || line[10] != 'T')
			continue;
		t = (int)num(line + 11, 2, &ok) * 60 + (int)num(line + 14, 2, &ok);
		d = day - *first;
		cnt[(size_t)d * *m + (t - lo) / 5] = parse_value(line + 17);
		seen[d] = 1;
	}
	fclose(fp);
	for (d = 0; d < *days; d++)
		st[d] = seen[d] ? WFM_FC_OPEN :
			wfm_date_weekday(*first + d) >= WFM_SAT ? WFM_FC_CLOSED :
			WFM_FC_MISSING;
	return 0;
}

static int bench_intraday(const char *path)
{
	static double cnt[MAXDAYS * 200], tot[MAXDAYS], iv[MAXM];
	static unsigned char st[MAXDAYS];
	wfm_date first = 0;
	int days, m0, m, d, k, origin, i, mod;
	double t0, scale;
	char b1[16], b2[16];
	wfm_fc_profile *p;
	wfm_fc_matrix x;
	wfm_err e;

	if (read_intraday(path, &first, &days, &m0, &m, cnt, st))
		return 1;
	for (d = 0; d < days; d++) {
		tot[d] = 0;
		for (i = 0; i < m; i++)
			tot[d] += cnt[(size_t)d * m + i];
	}
	/* origin: the 30th observed day from the end */
	for (origin = days, k = 0; origin > 0 && k < 30;)
		k += st[--origin] == WFM_FC_OPEN;
	printf("intraday %s: %d days from %s, %d intervals of 5 min from "
	       "%02d:%02d; test = last 30 observed days from %s (%d calendar "
	       "days)\n", path, days, wfm_date_iso(first, b1), m, m0 / 60,
	       m0 % 60, wfm_date_iso(first + origin, b2), days - origin);
	t0 = now();
	x.first = first;
	x.days = origin;
	x.m = m;
	x.count = cnt;
	x.state = st;
	if (wfm_fc_profile_fit(&x, &p, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	printf("profile: %d weeks, pool %.1f, smoother %d, backtest WAPE %.2f %%, "
	       "dispersion %.2f (%.1f ms)\n", p->weeks, p->pool, p->smooth,
	       100 * p->wape, p->dispersion, 1000 * (now() - t0));
	scale = naive_scale(tot, st, origin);
	printf("%-14s %9s %9s %9s %9s\n", "daily model", "5min WAPE%", "day WAPE%",
	       "day MASE", "PI80 cov%");
	for (mod = -1; mod < WFM_FC_NMODELS; mod++) {
		wfm_fc_series s = {first, origin, days, tot, st, NULL, NULL};
		wfm_fc_options o;
		wfm_fc_daily *f;
		double ae = 0, act = 0, w, q;
		int in = 0, n = 0;
		wfm_fc_options_default(&o);
		o.model = mod;
		if (wfm_fc_forecast(&s, &o, &f, &e)) {
			fprintf(stderr, "%s\n", e.msg);
			return 1;
		}
		for (d = origin; d < days; d++) {
			double lo[MAXM], hi[MAXM];
			int j = d - origin;
			if (st[d] != WFM_FC_OPEN)
				continue;
			wfm_fc_split_day(p, wfm_date_weekday(first + d), 0, m,
					 f->point[j], f->lo[j], f->hi[j], f->level,
					 2, iv, lo, hi, &e);
			for (i = 0; i < m; i++) {
				double y = cnt[(size_t)d * m + i];
				ae += fabs(y - iv[i]);
				act += y;
				in += y >= lo[i] && y <= hi[i];
				n++;
			}
		}
		score(tot + origin, st + origin, f->point, days - origin, scale,
		      &w, &q);
		printf("%-14s %9.2f %9.2f %9.3f %9.1f%s%s\n",
		       mod < 0 ? "SELECTED" : wfm_fc_model_name(mod),
		       100 * ae / act, 100 * w, q, 100.0 * in / n,
		       mod < 0 ? "  <- backtest choice: " : "",
		       mod < 0 ? wfm_fc_model_name(f->model) : "");
		wfm_fc_daily_free(f);
	}
	/* seasonal naive: the last observed week of the history repeated */
	{
		double ae = 0, act = 0;
		for (d = origin; d < days; d++) {
			int src = d;
			if (st[d] != WFM_FC_OPEN)
				continue;
			do
				src -= 7;
			while (src >= 0 && (src >= origin || st[src] != WFM_FC_OPEN));
			for (i = 0; i < m; i++) {
				double y = cnt[(size_t)d * m + i];
				ae += fabs(y - (src >= 0 ? cnt[(size_t)src * m + i] : 0));
				act += y;
			}
		}
		printf("%-14s %9.2f   (last observed week repeated)\n",
		       "snaive 5min", 100 * ae / act);
	}
	wfm_fc_profile_free(p);
	return 0;
}

/* The synthetic set of `bench_forecast speed` and `gen`: 12 lines x 3
 * channels (series k: line k % 12, channel k / 12: phone, chat, e-mail at 10,
 * 1 and 0.3 times the line's base), 3 years of 15-minute history from Monday
 * 2022-01-03 (Monday-Friday 09:00-19:00, 40 intervals; weekends and 10
 * fixed-date closures a year closed), Poisson counts around weekday x yearly
 * x intraday shapes, drawn series after series from one mt19937 seeded 42;
 * then a horizon of 91 days. */
enum { NS = 36, M = 40, DAYS = 3 * 365 + 1, H = 91 };

static wfm_date synth_first(void)
{
	return wfm_date_from_ymd(2022, 1, 3);
}

/* The state of each of the DAYS + H days (the same for every series). */
static void synth_states(unsigned char *st)
{
	wfm_date first = synth_first();

	for (int d = 0; d < DAYS + H; d++) {
		int y, mo, dd, wd = wfm_date_weekday(first + d);
		wfm_date_to_ymd(first + d, &y, &mo, &dd);
		st[d] = wd >= WFM_SAT || (mo == 1 && dd == 1) ||
			(mo == 5 && dd == 1) || (mo == 7 && (dd == 11 || dd == 21)) ||
			(mo == 8 && dd == 15) || (mo == 11 && (dd == 1 || dd == 11)) ||
			(mo == 12 && dd >= 25) ? WFM_FC_CLOSED : WFM_FC_OPEN;
	}
}

/* Draws series k (called for k = 0, 1, ... in turn on the same generator):
 * cnt gets DAYS x M counts (0 on closed days), tot the DAYS day totals. */
static void synth_series(gsl_rng *r, int k, const unsigned char *st, double *cnt,
			 double *tot)
{
	static const double wdf[7] = {1.3, 1.1, 1.0, 0.95, 0.9, 0, 0};
	double base = 50.0 * (1 + k % 12) * (k / 12 == 0 ? 10 : k / 12 == 1 ? 1 : 0.3);
	wfm_date first = synth_first();

	for (int d = 0; d < DAYS; d++) {
		int wd = wfm_date_weekday(first + d);
		double lam = base * wdf[wd] * (1 + 0.3 * sin(2 * M_PI * d / 365.25)) *
			     (1 + 0.002 * d / 365.0);
		tot[d] = 0;
		for (int i = 0; i < M; i++) {
			double sh = 1 + 0.6 * exp(-(i - 6) * (i - 6) / 8.0) +
				    0.4 * exp(-(i - 22) * (i - 22) / 18.0);
			cnt[d * M + i] = st[d] == WFM_FC_OPEN ?
				gsl_ran_poisson(r, lam * sh / 52.0) : 0;
			tot[d] += cnt[d * M + i];
		}
	}
}

/* Times the daily forecast (91 days), the profile fit and the interval split
 * of every synthetic series, in this process (one core). */
static int bench_speed(void)
{
	static double cnt[DAYS * M], tot[DAYS], iv[M];
	static unsigned char st[DAYS + H];
	wfm_date first = synth_first();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double t_fc = 0, t_pr = 0, t_sp = 0, t0, sum = 0, cpu = 0, c0;
	int k, d, models[WFM_FC_NMODELS + 1] = {0};
	wfm_err e;

	if (!r)
		return 1;
	gsl_rng_set(r, 42);
	synth_states(st);
	for (k = 0; k < NS; k++) {
		wfm_fc_series s;
		wfm_fc_matrix x;
		wfm_fc_daily *f;
		wfm_fc_profile *p;
		synth_series(r, k, st, cnt, tot);
		s.first = first;
		s.n_hist = DAYS;
		s.n = DAYS + H;
		s.value = tot;
		s.state = st;
		s.flags = NULL;
		c0 = cpu_now();
		t0 = now();
		if (wfm_fc_forecast(&s, NULL, &f, &e)) {
			fprintf(stderr, "%s\n", e.msg);
			return 1;
		}
		t_fc += now() - t0;
		models[f->model]++;
		x.first = first;
		x.days = DAYS;
		x.m = M;
		x.count = cnt;
		x.state = st;
		t0 = now();
		if (wfm_fc_profile_fit(&x, &p, &e)) {
			fprintf(stderr, "%s\n", e.msg);
			return 1;
		}
		t_pr += now() - t0;
		t0 = now();
		for (d = 0; d < H; d++) {
			double lo[M], hi[M];
			if (f->state[d] != WFM_FC_OPEN)
				continue;
			wfm_fc_split_day(p, wfm_date_weekday(f->first + d), 0, M,
					 f->point[d], f->lo[d], f->hi[d], f->level,
					 2, iv, lo, hi, &e);
			sum += iv[0];
		}
		t_sp += now() - t0;
		cpu += cpu_now() - c0;
		wfm_fc_daily_free(f);
		wfm_fc_profile_free(p);
	}
	gsl_rng_free(r);
	printf("library: %d series x %d days x %d intervals: daily forecast %.3f s, "
	       "profiles %.3f s, split %.3f s, CPU %.3f s, total %.3f s\n",
	       NS, DAYS, M, t_fc, t_pr, t_sp, cpu, t_fc + t_pr + t_sp);
	printf("models selected:");
	for (k = 0; k <= WFM_FC_NMODELS; k++)
		if (models[k])
			printf(" %s %d", wfm_fc_model_name(k), models[k]);
	printf("\n");
	return sum < 0;
}

/* Writes the synthetic set as a canonical history DIR/history.csv (one row
 * per interval of every open day, sorted as wfm_hist_sort sorts: date, time,
 * channel phone, email, chat, line L01..L12; handled and aht_s empty) and its
 * closing days as DIR/closed.csv (date,reason: the fixed-date closures on
 * weekdays over the history and the horizon).  Prints the first day to
 * forecast. */
static int gen_history(const char *dir)
{
	static const int chan_series[3] = {0, 2, 1}; /* phone, email, chat -> k / 12 */
	static const char *const chan_name[3] = {"phone", "email", "chat"};
	static unsigned char st[DAYS + H];
	double *cnt = malloc(sizeof *cnt * (size_t)NS * DAYS * M), tot[DAYS];
	wfm_date first = synth_first();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	char path[4096], buf[16];
	FILE *fp;
	int k, d, i, c, l, rc = 0;

	if (!cnt || !r) {
		free(cnt);
		gsl_rng_free(r);
		return 1;
	}
	gsl_rng_set(r, 42);
	synth_states(st);
	for (k = 0; k < NS; k++)
		synth_series(r, k, st, cnt + (size_t)k * DAYS * M, tot);
	gsl_rng_free(r);
	snprintf(path, sizeof path, "%s/history.csv", dir);
	if (!(fp = fopen(path, "w"))) {
		perror(path);
		free(cnt);
		return 1;
	}
	fputs("date,time,channel,line,offered,handled,aht_s\n", fp);
	for (d = 0; d < DAYS; d++) {
		if (st[d] != WFM_FC_OPEN)
			continue;
		wfm_date_iso(first + d, buf);
		for (i = 0; i < M; i++)
			for (c = 0; c < 3; c++)
				for (l = 0; l < 12; l++) {
					k = chan_series[c] * 12 + l;
					fprintf(fp, "%s,%02d:%02d,%s,L%02d,%.0f,,\n", buf,
						9 + i / 4, 15 * (i % 4), chan_name[c], l + 1,
						cnt[((size_t)k * DAYS + d) * M + i]);
				}
	}
	rc |= fclose(fp) != 0;
	free(cnt);
	snprintf(path, sizeof path, "%s/closed.csv", dir);
	if (!(fp = fopen(path, "w"))) {
		perror(path);
		return 1;
	}
	fputs("date,reason\n", fp);
	for (d = 0; d < DAYS + H; d++)
		if (st[d] == WFM_FC_CLOSED && wfm_date_weekday(first + d) < WFM_SAT)
			fprintf(fp, "%s,fixed closure\n", wfm_date_iso(first + d, buf));
	rc |= fclose(fp) != 0;
	if (rc) {
		fprintf(stderr, "%s: write error\n", dir);
		return 1;
	}
	printf("%s\n", wfm_date_iso(first + DAYS, buf));
	return 0;
}

int main(int argc, char **argv)
{
	wfm_init();
	if (argc == 3 && !strcmp(argv[1], "daily"))
		return bench_daily(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "speed"))
		return bench_speed();
	if (argc == 3 && !strcmp(argv[1], "gen"))
		return gen_history(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "intraday"))
		return bench_intraday(argv[2]);
	fprintf(stderr, "usage: bench_forecast daily|intraday FILE | speed | gen DIR\n");
	return 64;
}
