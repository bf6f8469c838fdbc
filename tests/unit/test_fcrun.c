/* test_fcrun.c - lib/fcrun*.c: the history cut into series with states,
 * interval matrices, grains that add up exactly, expected-volume files, new
 * lines shaped like a donor, and the errors.
 *
 * The histories are built here from counts chosen by the test, so every
 * expected state, total and matrix cell is known by construction; closed
 * days are the published Belgian holidays of 2024 (Easter Monday 1 April,
 * 1 May, Ascension 9 May) and weekends.  Sums across grains are checked by
 * adding the written decimals as integers, independently of the code. */
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

#include "history/history.h"
#include "run/fcrun.h"
#include "run/wfm.h"
#include "setup/calendar.h"

#define D(y, m, d) wfm_date_from_ymd(y, m, d)

/* ---- building inputs --------------------------------------------------- */

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

/* Writes the text to a fresh temporary file; returns its malloc'd path and
 * frees the text. */
static char *text_file(struct text *t)
{
	char *path = malloc(64);
	FILE *f;
	int fd;

	fclose(t->f);
	snprintf(path, 64, "/tmp/wfm-test-fcrun-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fwrite(t->buf, 1, t->len, f);
	fclose(f);
	free(t->buf);
	return path;
}

/* A history from a text; the file is removed again. */
static wfm_hist *history_of(struct text *t)
{
	char *p = text_file(t);
	wfm_read_opts o;
	wfm_hist *h = wfm_hist_new(NULL);
	wfm_err e;

	memset(&o, 0, sizeof o);
	o.interval = 15;
	if (wfm_hist_read(h, p, 0, &o, NULL, &e) != WFM_OK)
		fail_msg("%s", e.msg);
	unlink(p);
	free(p);
	return h;
}

/* Count of interval i (0 = 09:00) on day d of a phone series: a shape that
 * rises and falls over the day, times a weekday level, plus some noise. */
static int icount(wfm_date d, int i)
{
	return (1 + wfm_date_weekday(d) % 3) * (2 + (i < 20 ? i : 39 - i) / 4) +
	       (int)(((unsigned)d * 2654435761u + (unsigned)i * 40503u) >> 16) % 7;
}

/* Adds interval rows of line `line`, phone, for every day in [a, b] that is
 * not a weekend, but for the day `skip`. */
static void phone_rows(FILE *f, const char *line, wfm_date a, wfm_date b, wfm_date skip)
{
	char iso[11], hm[6];
	wfm_date d;
	int i;

	for (d = a; d <= b; d++) {
		if (wfm_date_weekday(d) >= WFM_SAT || d == skip)
			continue;
		for (i = 0; i < 40; i++)
			fprintf(f, "%s,%s,phone,%s,%d\n", wfm_date_iso(d, iso),
				wfm_time_hhmm(540 + 15 * i, hm), line, icount(d, i));
	}
}

/* Whole-day e-mail rows: 30 + weekday on every weekday in [a, b]. */
static void email_rows(FILE *f, const char *line, wfm_date a, wfm_date b)
{
	char iso[11];
	wfm_date d;

	for (d = a; d <= b; d++)
		if (wfm_date_weekday(d) < WFM_SAT)
			fprintf(f, "%s,,email,%s,%d\n", wfm_date_iso(d, iso), line,
				30 + wfm_date_weekday(d));
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

static const wfm_fcrun_series *find(const wfm_fcrun *r, const char *line, int ch)
{
	int i;

	for (i = 0; i < wfm_fcrun_count(r); i++) {
		const wfm_fcrun_series *s = wfm_fcrun_get(r, i);

		if (strcmp(s->line, line) == 0 && s->channel == ch)
			return s;
	}
	return NULL;
}

/* ---- series and states ------------------------------------------------- */

/* March-April 2024: phone every weekday but Wednesday 13 March (an open day
 * without rows: MISSING), Easter Monday 1 April has rows (a closed day: not
 * used, counted); e-mail whole-day rows.  Days are summed from their rows. */
static void test_states(void **state)
{
	wfm_date a = D(2024, 3, 4), b = D(2024, 4, 12), from = D(2024, 4, 15), d;
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, D(2024, 5, 10), WFM_GRAIN_DAY);
	const wfm_fcrun_series *ph, *em;
	struct text t;
	wfm_hist *h;
	wfm_fcrun *r;
	wfm_err e;
	int i;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered\n");
	phone_rows(t.f, "L1", a, b, D(2024, 3, 13));
	email_rows(t.f, "L1", a, b);
	/* rows from `from` on are not read */
	phone_rows(t.f, "L1", from, from + 2, 0);
	h = history_of(&t);
	r = wfm_fcrun_new(h, cal, &o, NULL, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_count(r), 2);
	assert_true(wfm_fcrun_end(r) == D(2024, 5, 10));
	ph = find(r, "L1", WFM_CH_PHONE);
	em = find(r, "L1", WFM_CH_EMAIL);
	assert_non_null(ph);
	assert_non_null(em);
	assert_true(ph->first == a);
	assert_int_equal(ph->n_hist, from - a);
	assert_int_equal(ph->n, D(2024, 5, 10) - a + 1);
	assert_true(ph->written && !ph->new_line && ph->intervals);
	assert_false(em->intervals);
	for (d = a; d <= D(2024, 5, 10); d++) {
		int wd = wfm_date_weekday(d), k = d - a, want;
		double sum = 0;

		if (wd >= WFM_SAT || d == D(2024, 4, 1) || d == D(2024, 5, 1) ||
		    d == D(2024, 5, 9))
			want = WFM_FC_CLOSED;
		else if (d == D(2024, 3, 13) || (d > b && d < from))
			want = WFM_FC_MISSING;
		else
			want = WFM_FC_OPEN;
		assert_int_equal(ph->state[k], want);
		/* e-mail has a row on 13 March */
		assert_int_equal(em->state[k], d == D(2024, 3, 13) ? WFM_FC_OPEN : want);
		if (d >= from)
			continue;
		for (i = 0; i < 40 && want == WFM_FC_OPEN; i++)
			sum += icount(d, i);
		assert_true(ph->value[k] == sum);
		assert_true(em->value[k] == (em->state[k] == WFM_FC_OPEN ? 30 + wd : 0));
	}
	/* a..b holds 30 weekdays; 1 April is closed, and phone lacks 13 March */
	assert_int_equal(ph->days_data, 28);
	assert_int_equal(em->days_data, 29);
	assert_int_equal(ph->closed_rows, 40);
	assert_int_equal(em->closed_rows, 1);
	assert_true(ph->closed_first == D(2024, 4, 1));
	wfm_fcrun_free(r);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* The matrix: the grid 09:00-19:00 in 15 minutes (40 intervals), counts in
 * their cells, a day with only a whole-day row MISSING, closed days CLOSED;
 * it holds at most the last 32 weeks. */
static void test_matrix(void **state)
{
	wfm_date a = D(2023, 6, 5), b = D(2024, 3, 29), from = D(2024, 4, 2), d;
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, from + 6, WFM_GRAIN_INTERVAL);
	const wfm_fcrun_series *ph;
	int opens, m, i;
	char iso[11];
	struct text t;
	wfm_hist *h;
	wfm_fcrun *r;
	wfm_err e;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered\n");
	phone_rows(t.f, "L1", a, b, D(2024, 3, 20));
	fprintf(t.f, "%s,,phone,L1,500\n", wfm_date_iso(D(2024, 3, 20), iso));
	h = history_of(&t);
	r = wfm_fcrun_new(h, cal, &o, NULL, &e);
	assert_non_null(r);
	wfm_fcrun_grid(r, &opens, &m);
	assert_int_equal(opens, 9 * 60);
	assert_int_equal(m, 40);
	ph = find(r, "L1", WFM_CH_PHONE);
	assert_int_equal(ph->mx.m, 40);
	assert_int_equal(ph->mx.days, 32 * 7);
	assert_true(ph->mx.first == from - 32 * 7);
	for (d = ph->mx.first; d < from; d++) {
		int k = d - ph->mx.first;
		int closed = wfm_date_weekday(d) >= WFM_SAT || !wfm_calendar_open(cal, d);

		if (closed) {
			assert_int_equal(ph->mx.state[k], WFM_FC_CLOSED);
		} else if (d == D(2024, 3, 20) || d > b) {
			assert_int_equal(ph->mx.state[k], WFM_FC_MISSING);
		} else {
			assert_int_equal(ph->mx.state[k], WFM_FC_OPEN);
			for (i = 0; i < 40; i++)
				assert_true(ph->mx.count[k * 40 + i] == icount(d, i));
		}
	}
	/* the whole-day row still counts for the day */
	assert_true(ph->value[D(2024, 3, 20) - ph->first] == 500);
	assert_int_equal(ph->state[D(2024, 3, 20) - ph->first], WFM_FC_OPEN);
	wfm_fcrun_free(r);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* ---- grains add up ----------------------------------------------------- */

/* "123.45" as 12345 (hundredths); the writer never prints more decimals. */
static long long cents(const char *s)
{
	long long v = 0;
	int dec = -1;

	for (; *s && *s != ','; s++) {
		if (*s == '.') {
			dec = 0;
			continue;
		}
		assert_true(*s >= '0' && *s <= '9');
		v = v * 10 + (*s - '0');
		if (dec >= 0)
			dec++;
	}
	assert_true(dec <= 2);
	for (dec = dec < 0 ? 0 : dec; dec < 2; dec++)
		v *= 10;
	return v;
}

/* Field k (0-based) of the CSV row at p (no quoting) into buf. */
static char *field(const char *p, int k, char *buf, size_t n)
{
	size_t len;

	for (; k > 0; k--)
		p = strchr(p, ',') + 1;
	len = strcspn(p, ",\n");
	assert_true(len < n);
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

/* The rows a run writes, as text (the caller frees). */
static char *written(const wfm_hist *h, const wfm_calendar *cal, wfm_fcrun_opts *o)
{
	struct text t;
	wfm_fcrun *r;
	wfm_csvw w;
	wfm_err e;

	text_open(&t);
	r = wfm_fcrun_new(h, cal, o, NULL, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_forecast(r, NULL, &e), WFM_OK);
	wfm_csvw_init(&w, t.f, 0);
	assert_int_equal(wfm_fcrun_write(r, &w, &e), WFM_OK);
	wfm_fcrun_free(r);
	fclose(t.f);
	return t.buf;
}

/* Sum of the forecast column over the rows whose period starts with `key`
 * and whose channel and line are `chl` ("phone,L1"); *rows counts them. */
static long long sum_rows(const char *text, const char *key, const char *chl, int *rows)
{
	const char *p = strchr(text, '\n') + 1;
	long long s = 0;

	*rows = 0;
	for (; *p; p = strchr(p, '\n') + 1) {
		const char *c1 = strchr(p, ','), *c2 = strchr(c1 + 1, ',');

		if (strncmp(p, key, strlen(key)) == 0 && strncmp(c2 + 1, chl, strlen(chl)) == 0 &&
		    c2[1 + strlen(chl)] == ',') {
			s += cents(c2 + 2 + strlen(chl));
			(*rows)++;
		}
	}
	return s;
}

/* Interval rows add up to the day rows and day rows to the month rows, as
 * written; closed days are 0 at day grain and absent at interval grain;
 * e-mail comes as day rows at interval grain. */
static void test_grains_add_up(void **state)
{
	wfm_date a = D(2024, 1, 8), b = D(2024, 3, 22), from = D(2024, 3, 25);
	wfm_date to = D(2024, 4, 12), d;
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o;
	char *tm, *td, *ti, iso[11], key[16];
	const char *p;
	static const char *const chl[] = {"phone,L1", "phone,L2", "email,L1"};
	struct text t;
	wfm_hist *h;
	int k, n, ni, y, mo;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered\n");
	phone_rows(t.f, "L1", a, b, 0);
	phone_rows(t.f, "L2", a + 14, b, 0);
	email_rows(t.f, "L1", a, b);
	h = history_of(&t);
	o = opts_for(from, to, WFM_GRAIN_MONTH);
	tm = written(h, cal, &o);
	o.grain = WFM_GRAIN_DAY;
	td = written(h, cal, &o);
	o.grain = WFM_GRAIN_INTERVAL;
	ti = written(h, cal, &o);
	assert_true(strncmp(tm, "period,time,channel,line,forecast,lo,hi,aht_s\n", 46) == 0);
	for (k = 0; k < 3; k++) {
		for (d = from; d <= to; d++) {
			long long day = sum_rows(td, wfm_date_iso(d, iso), chl[k], &n);
			long long iv = sum_rows(ti, iso, chl[k], &ni);

			assert_int_equal(n, 1);
			if (!wfm_calendar_open(cal, d)) {
				assert_true(day == 0);
				assert_int_equal(ni, 0);
				continue;
			}
			assert_int_equal(ni, k == 2 ? 1 : 40);
			assert_true(day > 0);
			assert_true(iv == day);
		}
		for (mo = 3; mo <= 4; mo++) {
			y = 2024;
			snprintf(key, sizeof key, "%04d-%02d,", y, mo);
			long long month = sum_rows(tm, key, chl[k], &n);
			key[7] = '-';
			key[8] = '\0';
			assert_int_equal(n, 1);
			assert_true(month == sum_rows(td, key, chl[k], &n));
			assert_int_equal(n, mo == 3 ? 7 : 12);
		}
	}
	/* e-mail at interval grain: time empty; other times 09:00..18:45 */
	for (p = strchr(ti, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		char tf[8], ch[8];

		field(p, 1, tf, sizeof tf);
		field(p, 2, ch, sizeof ch);
		if (strcmp(ch, "email") == 0)
			assert_string_equal(tf, "");
		else
			assert_true(strcmp(tf, "09:00") >= 0 && strcmp(tf, "18:45") <= 0 &&
				    strlen(tf) == 5);
	}
	free(tm);
	free(td);
	free(ti);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* ---- expected volumes -------------------------------------------------- */

/* Messages name the temporary file: "PATH:..." becomes "F:...". */
static void name_as_f(char *msg, const char *path)
{
	size_t n = strlen(path);

	if (strncmp(msg, path, n) == 0) {
		msg[0] = 'F';
		memmove(msg + 1, msg + n, strlen(msg + n) + 1);
	}
}

static int ev_text(const char *text, wfm_date first, wfm_date last, wfm_ev_list *l, wfm_err *e)
{
	struct text t;
	char *p;
	int rc;

	text_open(&t);
	fputs(text, t.f);
	p = text_file(&t);
	rc = wfm_ev_read(p, first, last, l, e);
	if (rc)
		name_as_f(e->msg, p);
	if (rc == WFM_OK) {
		assert_string_equal(l->name, p);
		free(l->name);
		l->name = strdup("F");
	}
	unlink(p);
	free(p);
	return rc;
}

static void test_ev_read(void **state)
{
	wfm_date first = D(2024, 3, 25), last = D(2024, 12, 31);
	wfm_ev_list l;
	wfm_err e;

	(void)state;
	assert_int_equal(ev_text("from,to,channel,line,mode,value,note\n"
				 "2024-04-02,2024-04-05,phone,L1,scale,1.25,campaign\n"
				 "\n"
				 "2024-04-08,12/04/2024,E-mail,NEW,SET,300,\"a, b\"\n"
				 ",,,,,,\n"
				 "2024-03-25,2024-03-25,chat,L1,add,0,\n",
				 first, last, &l, &e), WFM_OK);
	assert_int_equal(l.n, 3);
	assert_true(l.row[0].ev.from == D(2024, 4, 2) && l.row[0].ev.to == D(2024, 4, 5));
	assert_int_equal(l.row[0].ev.mode, WFM_FC_SCALE);
	assert_true(l.row[0].ev.value == 1.25);
	assert_int_equal(l.row[0].channel, WFM_CH_PHONE);
	assert_string_equal(l.row[0].line, "L1");
	assert_int_equal(l.row[0].src_line, 2);
	assert_int_equal(l.row[1].ev.mode, WFM_FC_SET);
	assert_int_equal(l.row[1].channel, WFM_CH_EMAIL);
	assert_true(l.row[1].ev.to == D(2024, 4, 12));
	assert_int_equal(l.row[1].src_line, 4);
	assert_int_equal(l.row[2].ev.mode, WFM_FC_ADD);
	wfm_ev_list_release(&l);
	wfm_ev_list_release(NULL);

	/* Dutch header, ';' and a decimal comma */
	assert_int_equal(ev_text("Van;Tot en met;Kanaal;Lijn;Modus;Waarde\n"
				 "1/04/2024;30/04/2024;telefoon;L1;add;1.234,5\n",
				 first, last, &l, &e), WFM_OK);
	assert_int_equal(l.n, 1);
	assert_true(l.row[0].ev.value == 1234.5);
	wfm_ev_list_release(&l);
}

static void check_ev_error(const char *row, const char *msg)
{
	char text[512];
	wfm_ev_list l;
	wfm_err e;

	snprintf(text, sizeof text, "from,to,channel,line,mode,value\n"
		 "2024-04-02,2024-04-05,phone,L1,scale,1.25\n%s\n", row);
	assert_int_equal(ev_text(text, D(2024, 3, 25), D(2024, 12, 31), &l, &e), WFM_EDATA);
	assert_string_equal(e.msg, msg);
	assert_int_equal(l.n, 0);
	assert_null(l.row);
}

static void test_ev_errors(void **state)
{
	wfm_ev_list l;
	wfm_err e;

	(void)state;
	check_ev_error("2024-04-02,2024-04-05,phone,L1,double,2",
		       "F:3: column 'mode': unknown mode (add, scale or set): 'double'");
	check_ev_error("2024-03-22,2024-04-05,phone,L1,add,2",
		       "F:3: column 'from': before the forecast starts (2024-03-25): "
		       "'2024-03-22'");
	check_ev_error("2024-04-02,2025-01-01,phone,L1,add,2",
		       "F:3: column 'to': more than 282 days after the forecast starts: "
		       "'2025-01-01'");
	check_ev_error("2024-04-05,2024-04-02,phone,L1,add,2",
		       "F:3: column 'to': before the start of the period: '2024-04-02'");
	check_ev_error("2024-04-02,2024-04-05,phone,L1,add,-2",
		       "F:3: column 'value': negative: '-2'");
	check_ev_error("2024-04-02,2024-04-05,phone,L1,add,veel",
		       "F:3: column 'value': not a number: 'veel'");
	check_ev_error("2024-04-02,2024-04-05,fax,L1,add,2",
		       "F:3: column 'channel': unknown channel: 'fax'");
	check_ev_error("2024-04-02,2024-04-05,phone,,add,2", "F:3: column 'line': empty: ''");
	check_ev_error("2024-04-31,2024-05-05,phone,L1,add,2",
		       "F:3: column 'from': no such day: '2024-04-31'");
	assert_int_equal(ev_text("from,to,channel,line,value\n", D(2024, 3, 25),
				 D(2024, 12, 31), &l, &e), WFM_EDATA);
	assert_string_equal(e.msg, "F:1: missing column 'mode'");
	assert_int_equal(ev_text("", D(2024, 3, 25), D(2024, 12, 31), &l, &e), WFM_EDATA);
	assert_string_equal(e.msg, "F: empty file, expected a header line");
	assert_int_equal(wfm_ev_read("/nonexistent/ev.csv", 0, 1, &l, &e), WFM_ENOINPUT);
}

/* A history of two phone lines (L1 from January, L2 from February) and
 * e-mail of L1, for the runs below. */
static wfm_hist *two_lines(void)
{
	struct text t;

	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered\n");
	phone_rows(t.f, "L1", D(2024, 1, 8), D(2024, 3, 22), 0);
	phone_rows(t.f, "L2", D(2024, 2, 5), D(2024, 3, 22), 0);
	email_rows(t.f, "L1", D(2024, 1, 8), D(2024, 3, 22));
	return history_of(&t);
}

static double period_sum(const wfm_fc_daily *f, wfm_date a, wfm_date b)
{
	double s = 0;
	wfm_date d;

	for (d = a; d <= b; d++)
		s += f->point[d - f->first];
	return s;
}

/* Rows go to their own series only, in file order (set, then scale: the
 * period ends at value x factor); the run's last day follows a row that
 * reaches past `to`; the other series are as without rows. */
static void test_ev_apply(void **state)
{
	wfm_date from = D(2024, 3, 25), to = D(2024, 4, 5);
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, to, WFM_GRAIN_DAY);
	wfm_hist *h = two_lines();
	wfm_ev_list l;
	wfm_fcrun *r0, *r1;
	const wfm_fcrun_series *a0, *a1, *b0, *b1;
	wfm_err e;
	wfm_date d;

	(void)state;
	assert_int_equal(ev_text("from,to,channel,line,mode,value\n"
				 "2024-04-02,2024-04-12,phone,L1,set,1000\n"
				 "2024-04-08,2024-04-12,phone,L1,scale,2\n"
				 "2024-03-26,2024-03-26,email,L1,add,50\n",
				 from, from + 365, &l, &e), WFM_OK);
	r0 = wfm_fcrun_new(h, cal, &o, NULL, &e);
	r1 = wfm_fcrun_new(h, cal, &o, &l, &e);
	assert_non_null(r0);
	assert_non_null(r1);
	assert_true(wfm_fcrun_end(r0) == to);
	assert_true(wfm_fcrun_end(r1) == D(2024, 4, 12));
	assert_int_equal(wfm_fcrun_forecast(r0, NULL, &e), WFM_OK);
	assert_int_equal(wfm_fcrun_forecast(r1, &l, &e), WFM_OK);
	a0 = find(r0, "L1", WFM_CH_PHONE);
	a1 = find(r1, "L1", WFM_CH_PHONE);
	b0 = find(r0, "L2", WFM_CH_PHONE);
	b1 = find(r1, "L2", WFM_CH_PHONE);
	/* 2-12 April set to 1000, then 8-12 April doubled */
	assert_float_equal(period_sum(a1->fc, D(2024, 4, 2), D(2024, 4, 12)) -
			   period_sum(a1->fc, D(2024, 4, 8), D(2024, 4, 12)) / 2, 1000, 1e-6);
	for (d = from; d <= D(2024, 3, 29); d++)
		assert_true(a1->fc->point[d - from] == a0->fc->point[d - from]);
	for (d = from; d <= to; d++)
		assert_true(b1->fc->point[d - from] == b0->fc->point[d - from] &&
			    b1->fc->lo[d - from] == b0->fc->lo[d - from]);
	a0 = find(r0, "L1", WFM_CH_EMAIL);
	a1 = find(r1, "L1", WFM_CH_EMAIL);
	assert_float_equal(a1->fc->point[1], a0->fc->point[1] + 50, 1e-9);
	wfm_fcrun_free(r0);
	wfm_fcrun_free(r1);
	wfm_ev_list_release(&l);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* A new line takes the shape of the phone line with the most history (L1,
 * not L2) and at interval grain its profile; the period holds the set
 * value; the run says so in a note. */
static void test_new_line_donor(void **state)
{
	wfm_date from = D(2024, 3, 25), to = D(2024, 4, 5), d;
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, to, WFM_GRAIN_INTERVAL);
	wfm_hist *h = two_lines();
	const wfm_fcrun_series *nw, *l1;
	wfm_ev_list l;
	wfm_fcrun *r;
	wfm_err e;
	int warning = -1;
	double ratio = -1;
	wfm_fc_profile *p;

	(void)state;
	o.line = "NEW";
	assert_int_equal(ev_text("from,to,channel,line,mode,value\n"
				 "2024-03-25,2024-04-05,phone,NEW,set,900\n",
				 from, from + 365, &l, &e), WFM_OK);
	r = wfm_fcrun_new(h, cal, &o, &l, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_forecast(r, &l, &e), WFM_OK);
	nw = find(r, "NEW", WFM_CH_PHONE);
	l1 = find(r, "L1", WFM_CH_PHONE);
	assert_non_null(nw);
	assert_non_null(l1);
	assert_true(nw->new_line && nw->written && nw->n_hist == 0);
	assert_false(l1->written);
	assert_null(find(r, "L1", WFM_CH_EMAIL)); /* no e-mail series needed */
	assert_string_equal(wfm_fcrun_get(r, nw->donor)->line, "L1");
	/* L1's own profile, fitted here */
	assert_int_equal(wfm_fc_profile_fit(&l1->mx, &p, &e), WFM_OK);
	assert_non_null(nw->profile);
	assert_int_equal(nw->profile->m, 40);
	assert_memory_equal(nw->profile->share, p->share, sizeof *p->share * 7 * 40);
	wfm_fc_profile_free(p);
	assert_float_equal(period_sum(nw->fc, from, to), 900, 1e-6);
	for (d = from; d <= to; d++) {
		int k = d - from;

		if (!wfm_calendar_open(cal, d)) {
			assert_true(nw->fc->point[k] == 0);
			continue;
		}
		if (ratio < 0)
			ratio = nw->fc->point[k] / l1->fc->point[k];
		assert_float_equal(nw->fc->point[k] / l1->fc->point[k], ratio, 1e-9);
	}
	assert_int_equal(wfm_fcrun_nnotes(r), 1);
	assert_string_equal(wfm_fcrun_note(r, 0, &warning), "line NEW, channel phone: no "
			    "history: forecast from the expected volumes, shaped like line L1 "
			    "(the phone series with the most history)");
	assert_int_equal(warning, 0);
	wfm_fcrun_free(r);
	wfm_ev_list_release(&l);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* Runs that cannot be made: the message and the code. */
static void check_run_error(const char *ev, const char *line, int channel, int code,
			    const char *msg)
{
	wfm_date from = D(2024, 3, 25);
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, D(2024, 4, 5), WFM_GRAIN_DAY);
	wfm_hist *h = two_lines();
	wfm_ev_list l;
	wfm_fcrun *r;
	wfm_err e;
	int rc;

	memset(&l, 0, sizeof l);
	if (ev)
		assert_int_equal(ev_text(ev, from, from + 365, &l, &e), WFM_OK);
	o.line = line;
	o.channel = channel;
	r = wfm_fcrun_new(h, cal, &o, ev ? &l : NULL, &e);
	rc = r ? wfm_fcrun_forecast(r, &l, &e) : e.code;
	assert_int_equal(rc, code);
	assert_string_equal(e.msg, msg);
	wfm_fcrun_free(r);
	wfm_ev_list_release(&l);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

static void test_run_errors(void **state)
{
	(void)state;
	check_run_error(NULL, "L9", -1, WFM_EUSAGE, "--line: no such line in the history or "
			"the expected volumes: 'L9' (lines: L1, L2)");
	check_run_error(NULL, "L2", WFM_CH_CHAT, WFM_EUSAGE, "line L2 has no chat history and "
			"no expected volumes on chat");
	check_run_error(NULL, NULL, WFM_CH_SOCIAL, WFM_EUSAGE, "--channel: no social history "
			"and no expected volumes on social");
	check_run_error("from,to,channel,line,mode,value\n"
			"2024-03-25,2024-03-29,chat,NEW,set,10\n", NULL, -1, WFM_EDATA,
			"F:2: line NEW, channel chat has no history, and no other line has chat "
			"history to lend it a shape");
	check_run_error("from,to,channel,line,mode,value\n"
			"2024-03-25,2024-03-29,phone,NEW,scale,2\n", NULL, -1, WFM_EDATA,
			"F:2: line NEW, channel phone has no history: it needs an add or set "
			"row, not only scale");
	check_run_error("from,to,channel,line,mode,value\n"
			"2024-03-30,2024-03-31,phone,L1,add,20\n", NULL, -1, WFM_EDATA,
			"F:2: no open day from 2024-03-30 to 2024-03-31 to add the volume on");
}

/* A series with rows only on closed days cannot be forecast; one with 10
 * open days gets the fallback and a warning; one without rows before
 * `from` is left out with a warning. */
static void test_short_and_empty(void **state)
{
	wfm_date from = D(2024, 3, 25);
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(from, D(2024, 4, 5), WFM_GRAIN_DAY);
	struct text t;
	wfm_hist *h;
	wfm_fcrun *r;
	wfm_err e;
	int warning;

	(void)state;
	text_open(&t);
	fprintf(t.f, "date,time,channel,line,offered\n"
		"2024-03-16,,email,W,4\n2024-03-17,,email,W,5\n"
		"2024-04-08,,phone,LATE,7\n");
	phone_rows(t.f, "S", D(2024, 3, 11), D(2024, 3, 22), 0);
	h = history_of(&t);
	r = wfm_fcrun_new(h, cal, &o, NULL, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_nnotes(r), 1);
	assert_string_equal(wfm_fcrun_note(r, 0, &warning), "line LATE, channel phone: no "
			    "history before 2024-03-25: not forecast");
	assert_int_equal(warning, 1);
	assert_int_equal(wfm_fcrun_forecast(r, NULL, &e), WFM_EDATA);
	assert_string_equal(e.msg, "line W, channel email: no data on an open day before "
			    "2024-03-25 (all its rows are on closed days)");
	wfm_fcrun_free(r);
	o.line = "S";
	r = wfm_fcrun_new(h, cal, &o, NULL, &e);
	assert_non_null(r);
	assert_int_equal(wfm_fcrun_forecast(r, NULL, &e), WFM_OK);
	assert_int_equal(find(r, "S", WFM_CH_PHONE)->fc->model, WFM_FC_FALLBACK);
	assert_int_equal(wfm_fcrun_nnotes(r), 1);
	assert_string_equal(wfm_fcrun_note(r, 0, &warning), "line S, channel phone: only 10 "
			    "open days with data before 2024-03-25 (fewer than 21): forecast by "
			    "the mean of each weekday");
	assert_int_equal(warning, 1);
	wfm_fcrun_free(r);
	o.line = "LATE";
	assert_null(wfm_fcrun_new(h, cal, &o, NULL, &e));
	assert_int_equal(e.code, WFM_EDATA);
	assert_string_equal(e.msg, "no history before 2024-03-25 to forecast from");
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

/* The backtest table: a row per model, one selected, figures in range. */
static void test_backtest_table(void **state)
{
	wfm_calendar *cal = wfm_calendar_new(WFM_HOLIDAYS_BE, NULL);
	wfm_fcrun_opts o = opts_for(D(2024, 3, 25), D(2024, 3, 25), WFM_GRAIN_DAY);
	wfm_hist *h = two_lines();
	const char *p;
	struct text t;
	wfm_fcrun *r;
	wfm_csvw w;
	wfm_err e;
	int rows = 0, selected = 0;

	(void)state;
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
	p = "line,channel,model,selected,mase,wape,bias,coverage,origins,horizon,measure\n";
	assert_true(strncmp(t.buf, p, strlen(p)) == 0);
	for (p = strchr(t.buf, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
		char f[11][24];
		double v;
		int k;

		for (k = 0; k < 11; k++)
			field(p, k, f[k], sizeof f[k]);
		assert_string_equal(f[0], "L1");
		assert_string_equal(f[1], "phone");
		assert_string_equal(f[2], wfm_fc_model_name(rows));
		assert_true(strcmp(f[3], "0") == 0 || strcmp(f[3], "1") == 0);
		selected += f[3][0] == '1';
		v = strtod(f[4], NULL); /* mase */
		assert_true(v > 0 && v < 5);
		v = strtod(f[7], NULL); /* coverage */
		assert_true(v >= 0 && v <= 1);
		/* 3 asked: the history leaves no room for 3 origins two weeks
		 * apart (each needs 28 open days before it), so they are a
		 * week apart (2 two weeks apart before issue 12) */
		assert_string_equal(f[8], "3");
		assert_string_equal(f[9], "14");
		assert_string_equal(f[10], "volume"); /* the history has no aht_s */
		rows++;
	}
	assert_int_equal(rows, WFM_FC_NMODELS);
	assert_int_equal(selected, 1);
	free(t.buf);
	wfm_fcrun_free(r);
	wfm_hist_free(h);
	wfm_calendar_free(cal);
}

static void test_small_helpers(void **state)
{
	wfm_hist *h = wfm_hist_new(NULL);
	wfm_date last = 7;

	(void)state;
	assert_int_equal(wfm_grain_parse("month"), WFM_GRAIN_MONTH);
	assert_int_equal(wfm_grain_parse("day"), WFM_GRAIN_DAY);
	assert_int_equal(wfm_grain_parse("interval"), WFM_GRAIN_INTERVAL);
	assert_int_equal(wfm_grain_parse("week"), -1);
	assert_int_equal(wfm_grain_parse(NULL), -1);
	assert_int_equal(wfm_fcrun_last_date(h, &last), 0);
	assert_true(last == 7);
	wfm_hist_free(h);
	h = two_lines();
	assert_int_equal(wfm_fcrun_last_date(h, &last), 1);
	assert_true(last == D(2024, 3, 22));
	wfm_hist_free(h);
	wfm_fcrun_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_grains_add_up),
		cmocka_unit_test(test_ev_read),
		cmocka_unit_test(test_ev_errors),
		cmocka_unit_test(test_ev_apply),
		cmocka_unit_test(test_new_line_donor),
		cmocka_unit_test(test_run_errors),
		cmocka_unit_test(test_short_and_empty),
		cmocka_unit_test(test_backtest_table),
		cmocka_unit_test(test_small_helpers),
	};

	wfm_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
