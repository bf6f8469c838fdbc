/* test_fcrun_aht.c - handle-time forecasts (lib/forecast/forecast_aht.c and
 * their use in lib/run/fcrun*.c): the aht_s column of a forecast.
 *
 * The histories are built here with handle times chosen by the test, so the
 * expected figures follow by hand: a day whose morning intervals carry 30
 * handled contacts of 200 s and whose afternoon ones carry 10 of 400 s has a
 * handle time of (30 x 200 + 10 x 400) / 40 = 250 s (not the plain mean of
 * 300 s); Mondays take every handle time 1.2 times longer (300 s). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "forecast/forecast.h"
#include "history/history.h"
#include "run/fcrun.h"
#include "run/wfm.h"
#include "setup/calendar.h"

#define D(y, m, d) wfm_date_from_ymd(y, m, d)

struct text {
	char *buf;
	size_t len;
	FILE *f;
};

static void text_open(struct text *t)
{
	t->buf = NULL;
	t->f = open_memstream(&t->buf, &t->len);
	assert_non_null(t->f);
}

/* A history from a text (through a temporary file, removed again). */
static wfm_hist *history_of(struct text *t)
{
	char path[64] = "/tmp/wfm-test-aht-XXXXXX";
	wfm_read_opts o;
	wfm_hist *h = wfm_hist_new(NULL);
	wfm_err e;
	FILE *f;
	int fd;

	fclose(t->f);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fwrite(t->buf, 1, t->len, f);
	fclose(f);
	free(t->buf);
	memset(&o, 0, sizeof o);
	o.interval = 15;
	assert_int_equal(wfm_hist_read(h, path, 0, &o, NULL, &e), WFM_OK);
	unlink(path);
	return h;
}

/* Interval rows of `line`, phone, on the weekdays of [a, b]: intervals 0-19
 * (09:00-13:45) 30 contacts of 200 s, intervals 20-39 10 contacts of 400 s,
 * Mondays 1.2 times longer; `handled` 0 leaves the handled column empty (the
 * weights are then the offered contacts).  Chat rows of the same line carry
 * no handle time. */
static void rows(FILE *f, const char *line, wfm_date a, wfm_date b, int handled)
{
	char iso[11], hm[6];
	wfm_date d;
	int i;

	for (d = a; d <= b; d++) {
		double k = wfm_date_weekday(d) == WFM_MON ? 1.2 : 1.0;

		if (wfm_date_weekday(d) >= WFM_SAT)
			continue;
		for (i = 0; i < 40; i++) {
			int n = i < 20 ? 30 : 10;

			wfm_date_iso(d, iso);
			wfm_time_hhmm(540 + 15 * i, hm);
			if (handled)
				fprintf(f, "%s,%s,phone,%s,%d,%d,%.1f\n", iso, hm, line, n, n,
					k * (i < 20 ? 200 : 400));
			else
				fprintf(f, "%s,%s,phone,%s,%d,,%.1f\n", iso, hm, line, n,
					k * (i < 20 ? 200 : 400));
			fprintf(f, "%s,%s,chat,%s,%d,%d,\n", iso, hm, line, 2, 2);
		}
	}
}

/* Field k (0-based) of the CSV row at p (no quoting), as a number; -1 when
 * empty. */
static double num_field(const char *p, int k)
{
	char buf[32];
	size_t len;

	for (; k > 0; k--)
		p = strchr(p, ',') + 1;
	len = strcspn(p, ",\n");
	assert_true(len < sizeof buf);
	if (len == 0)
		return -1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return strtod(buf, NULL);
}

/* The rows a run writes, as text (the caller frees). */
static char *written(const wfm_hist *h, const wfm_calendar *cal, wfm_fcrun_opts *o,
		     const wfm_ev_list *ev)
{
	struct text t;
	wfm_fcrun *r;
	wfm_csvw w;
	wfm_err e;

	text_open(&t);
	r = wfm_fcrun_new(h, cal, o, ev, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_forecast(r, ev, &e), WFM_OK);
	wfm_csvw_init(&w, t.f, 0);
	assert_int_equal(wfm_fcrun_write(r, &w, &e), WFM_OK);
	wfm_fcrun_free(r);
	fclose(t.f);
	return t.buf;
}

static wfm_fcrun_opts opts_for(wfm_date from, wfm_date to, int grain)
{
	wfm_fcrun_opts o;

	wfm_fcrun_opts_default(&o);
	o.from = from;
	o.to = to;
	o.grain = grain;
	return o;
}

/* Day grain: each open day's aht_s is the handled-weighted day mean (250 s,
 * Mondays 300 s) for a line with handled counts (L1) and one weighted by
 * offered contacts (L2); closed days and the chat series (no handle times
 * anywhere on chat) have it empty. */
static void test_day_weighted(void **state)
{
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date from = D(2024, 3, 25), to = D(2024, 4, 7);
	wfm_fcrun_opts o = opts_for(from, to, WFM_GRAIN_DAY);
	struct text t;
	wfm_hist *h;
	const char *p;
	char *out;
	int open = 0;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered,handled,aht_s\n");
	rows(t.f, "L1", D(2023, 10, 2), from - 1, 1);
	rows(t.f, "L2", D(2023, 10, 2), from - 1, 0);
	h = history_of(&t);
	out = written(h, cal, &o, NULL);
	assert_true(strncmp(out, "period,time,channel,line,forecast,lo,hi,aht_s\n", 46) == 0);
	for (p = strchr(out, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		double v = num_field(p, 4), a = num_field(p, 7);
		wfm_date d = D((int)num_field(p, 0), 1, 1);
		int y, m, dd;

		assert_int_equal(sscanf(p, "%d-%d-%d", &y, &m, &dd), 3);
		d = D(y, m, dd);
		if (strncmp(strchr(strchr(p, ',') + 1, ',') + 1, "chat", 4) == 0 || v == 0) {
			assert_true(a == -1);
			continue;
		}
		assert_true(wfm_calendar_open(cal, d));
		assert_true(fabs(a - (wfm_date_weekday(d) == WFM_MON ? 300 : 250)) < 1.0);
		open++;
	}
	assert_int_equal(open, 2 * 9); /* 10 weekdays less Easter Monday, 2 lines */
	free(out);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* Interval grain on handle times that rise over the day, 200 + 5 i seconds
 * in interval i (Mondays 1.2 times that), while the contacts fall from 30
 * to 11: every interval's aht_s is within 1 % of that (2 % in the first and
 * last two, where the smoother is cut), and the handle times of a day's
 * intervals, weighted by their forecast volumes, give the day's: the
 * handled-weighted mean sum n_i a_i / sum n_i. */
static void test_interval_ratios(void **state)
{
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date from = D(2024, 3, 25), to = D(2024, 3, 29), d;
	wfm_fcrun_opts o = opts_for(from, to, WFM_GRAIN_INTERVAL);
	double num[5] = {0}, den[5] = {0}, day = 0, w = 0;
	char iso[11], hm[6];
	struct text t;
	wfm_hist *h;
	const char *p;
	char *out;
	int i, k, checked = 0;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered,handled,aht_s\n");
	for (d = D(2023, 10, 2); d < from; d++) {
		double k2 = wfm_date_weekday(d) == WFM_MON ? 1.2 : 1.0;

		if (wfm_date_weekday(d) >= WFM_SAT)
			continue;
		for (i = 0; i < 40; i++)
			fprintf(t.f, "%s,%s,phone,L1,%d,%d,%.1f\n", wfm_date_iso(d, iso),
				wfm_time_hhmm(540 + 15 * i, hm), 30 - i / 2, 30 - i / 2,
				k2 * (200 + 5 * i));
	}
	for (i = 0; i < 40; i++) {
		day += (30 - i / 2) * (200 + 5 * i);
		w += 30 - i / 2;
	}
	day /= w;
	h = history_of(&t);
	o.line = "L1";
	o.channel = WFM_CH_PHONE;
	out = written(h, cal, &o, NULL);
	for (p = strchr(out, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		int y, m, dd, hh, mi;
		double v = num_field(p, 4), a = num_field(p, 7), k2;

		assert_int_equal(sscanf(p, "%d-%d-%d,%d:%d", &y, &m, &dd, &hh, &mi), 5);
		i = (hh * 60 + mi - 540) / 15;
		k = D(y, m, dd) - from;
		k2 = wfm_date_weekday(D(y, m, dd)) == WFM_MON ? 1.2 : 1.0;
		num[k] += v * a;
		den[k] += v;
		assert_true(fabs(a / (k2 * (200 + 5 * i)) - 1) < (i < 2 || i > 37 ? 0.02 : 0.01));
		checked++;
	}
	assert_int_equal(checked, 5 * 40);
	for (k = 0; k < 5; k++)
		assert_true(fabs(num[k] / den[k] / (k == 0 ? 1.2 * day : day) - 1) < 0.002);
	free(out);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* A new line named only by the expected volumes takes the mean handle time
 * of the other phone lines (both 250 s, Mondays 300 s); the backtest table
 * scores the handle times as measure aht_s. */
static void test_new_line_and_backtest(void **state)
{
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_date from = D(2024, 3, 25), to = D(2024, 3, 29);
	wfm_fcrun_opts o = opts_for(from, to, WFM_GRAIN_DAY);
	wfm_ev_row er = {{D(2024, 3, 26), D(2024, 3, 28), WFM_FC_ADD, 300}, WFM_CH_PHONE, "L3",
			 2};
	wfm_ev_list ev = {"ev.csv", &er, 1};
	struct text t;
	wfm_hist *h;
	wfm_fcrun *r;
	wfm_csvw w;
	wfm_err e;
	const char *p;
	char *out;
	int n = 0, aht_rows = 0, selected = 0;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered,handled,aht_s\n");
	rows(t.f, "L1", D(2023, 10, 2), from - 1, 1);
	rows(t.f, "L2", D(2023, 10, 2), from - 1, 1);
	h = history_of(&t);
	o.line = "L3";
	out = written(h, cal, &o, &ev);
	for (p = strchr(out, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		if (num_field(p, 4) == 0)
			continue;
		assert_true(fabs(num_field(p, 7) - 250) < 1.0);
		n++;
	}
	assert_int_equal(n, 3);
	free(out);
	o.line = "L1";
	o.channel = WFM_CH_PHONE;
	o.origins = 3;
	o.bt_days = 14;
	r = wfm_fcrun_new(h, cal, &o, NULL, &e);
	assert_non_null(r);
	text_open(&t);
	wfm_csvw_init(&w, t.f, 0);
	assert_int_equal(wfm_fcrun_backtest(r, &w, &e), WFM_OK);
	fclose(t.f);
	for (p = strchr(t.buf, '\n') + 1; *p; p = strchr(p, '\n') + 1)
		if (strstr(p, ",aht_s\n") == strchr(p, '\n') - 6) {
			aht_rows++;
			/* the selected row (column 3, not ",1," anywhere in the
			 * rest of the buffer, which a coverage of 1 on a later
			 * row matched too) */
			if (num_field(p, 3) == 1) {
				selected++;
				assert_true(num_field(p, 5) < 0.01); /* wape: the times repeat */
			}
		}
	assert_int_equal(aht_rows, WFM_FC_NMODELS);
	assert_int_equal(selected, 1);
	free(t.buf);
	wfm_fcrun_free(r);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* The library's ratios on a matrix with a known linear rise of the handle
 * time over the day (0.9 .. 1.1 of the mean, no noise, many contacts) are
 * recovered within 0.5 %; the split weighted by the volumes gives back the
 * day's handle time exactly. */
static void test_profile_and_split(void **state)
{
	enum { DAYS = 56, M = 40 };
	static double cnt[DAYS * M], sum[DAYS * M];
	unsigned char st[DAYS];
	wfm_fc_matrix hm = {D(2024, 1, 1), DAYS, M, cnt, st}, am = hm;
	wfm_fc_aht_profile *p = NULL;
	double vol[M], out[M], num = 0, den = 0;
	wfm_err e;
	int d, i;

	(void)state;
	for (d = 0; d < DAYS; d++) {
		st[d] = wfm_date_weekday(hm.first + d) < WFM_SAT ? WFM_FC_OPEN : WFM_FC_CLOSED;
		for (i = 0; i < M; i++) {
			cnt[d * M + i] = 100 + 5 * (i % 7);
			sum[d * M + i] = cnt[d * M + i] * 300 * (0.9 + 0.2 * i / (M - 1));
		}
	}
	am.count = sum;
	assert_int_equal(wfm_fc_aht_profile_fit(&hm, &am, 8, &p, &e), WFM_OK);
	for (i = 3; i < M - 3; i++) { /* away from the edges of the smoother */
		double truth = 0.9 + 0.2 * i / (M - 1), mean = 0, w = 0;
		int j;

		for (j = 0; j < M; j++) {
			mean += cnt[j] * (0.9 + 0.2 * j / (M - 1));
			w += cnt[j];
		}
		assert_true(fabs(p->ratio[WFM_TUE * M + i] / (truth / (mean / w)) - 1) < 0.005);
	}
	for (i = 0; i < M; i++)
		vol[i] = 1 + (i * 37 % 11);
	wfm_fc_aht_split(p, M, WFM_TUE, 2, 38, 312.5, vol, out);
	for (i = 0; i < M; i++) {
		if (i < 2 || i >= 38) {
			assert_true(out[i] == 0);
			continue;
		}
		num += vol[i] * out[i];
		den += vol[i];
	}
	assert_true(fabs(num / den - 312.5) < 1e-9);
	wfm_fc_aht_split(NULL, M, WFM_TUE, 0, M, 100, vol, out);
	assert_true(out[0] == 100 && out[M - 1] == 100);
	wfm_fc_aht_profile_free(p);
	memset(cnt, 0, sizeof cnt);
	assert_int_equal(wfm_fc_aht_profile_fit(&hm, &am, 8, &p, &e), WFM_EDATA);
	assert_null(p);
	wfm_fc_aht_profile_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_weighted),
		cmocka_unit_test(test_interval_ratios),
		cmocka_unit_test(test_new_line_and_backtest),
		cmocka_unit_test(test_profile_and_split),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
