/* test_staffrun_backlog.c - lib/run/staffrun_backlog.c and the deferred jobs
 * of lib/run/staffrun.c: deferred work that starts from the backlog
 * (wfm-staff --backlog), required and evaluated; the strict reading of the
 * backlog file.
 *
 * Reference values come from tests/ref/backlog_ref.py, which has its own
 * calendar, release and due days, computes the smoothest capacities by
 * Yao-Demers-Shenker (not the taut string of the code) and runs the contacts
 * first in, first out, all in exact fractions.  Its first case is also
 * worked by hand below. */
#include <math.h>

#include "staffrun_fixture.h"

#include "../ref/backlog_ref.inc"


/* The defaults with deadline_days `deadline` (and aht_email when aht_email
 * is not NULL); a calendar open Monday to Friday 09:00-09:15, no holidays. */
static void fx_init(struct fx *f, int deadline, const char *aht_email)
{
	char dl[32], aht[64];
	const char *kv[] = {dl, aht_email ? aht : NULL, NULL};

	snprintf(dl, sizeof dl, "deadline_days=%d", deadline);
	snprintf(aht, sizeof aht, "aht_email=%s", aht_email ? aht_email : "");
	assert_int_equal(fx_setup(f, kv, 540, 555), WFM_OK);
}

/* Reads `forecast`, the backlog `backlog` (none when NULL), computes the
 * requirement or evaluates `staffing`, and writes the result into f->out.
 * Returns the status of the first step that failed. */
static int run(struct fx *f, const char *forecast, const char *backlog, const char *staffing)
{
	return fx_run(f, forecast, backlog, staffing, NULL, WFM_SR_INTERVAL);
}

/* Columns of the requirements and of the evaluation. */
enum { C_VOLUME = 4, C_AHT, C_AGENTS, C_SL, C_BACKLOG = 13, C_STATUS };

/* ---- the reference cases ----------------------------------------------- */

struct ev_day {
	double released, intime, left;
	int late;
};

struct bcase {
	const char *name;
	int ncal, deadline, arrivals[32], aht, boff, bopen, nclosed, closed[8], nw, wday[32];
	double cap[32], rvol[32], staffing[32];
	struct ev_day ev[32];
};

static const struct bcase bcases[] = {BACKLOG_CASES};

/* The forecast (a row on every weekday), the backlog and the staffing of a
 * case, and its calendar. */
static void case_files(struct fx *f, const struct bcase *c, char *fc, char *bl, char *st,
		       size_t n)
{
	wfm_date mon = D(2025, 3, 3);
	size_t a = 0, b = 0;
	char d[11];

	for (int i = 0; i < c->nclosed; i++)
		assert_int_equal(wfm_calendar_add_closed(f->cal, mon + c->closed[i], "test", NULL),
				 WFM_OK);
	a += (size_t)snprintf(fc + a, n - a, "period,time,channel,line,forecast,aht_s\n");
	for (int o = 0; o < c->ncal; o++)
		if (wfm_date_weekday(mon + o) <= WFM_FRI)
			a += (size_t)snprintf(fc + a, n - a, "%s,,email,L,%d,%d\n",
					      wfm_date_iso(mon + o, d), c->arrivals[o], c->aht);
	snprintf(bl, n, "date,channel,line,open\n%s,email,L,%d\n", wfm_date_iso(mon + c->boff, d),
		 c->bopen);
	b += (size_t)snprintf(st + b, n - b, "date,time,channel,line,agents\n");
	for (int k = 0; k < c->nw; k++)
		b += (size_t)snprintf(st + b, n - b, "%s,,email,L,%.17g\n",
				      wfm_date_iso(mon + c->wday[k], d), c->staffing[k]);
	assert_true(a < n && b < n);
}

static void test_reference_require(void **state)
{
	static char fc[4096], bl[256], st[4096];

	(void)state;
	for (size_t i = 0; i < sizeof bcases / sizeof bcases[0]; i++) {
		const struct bcase *c = &bcases[i];
		struct fx f;
		char pre[64], d[11];

		fx_init(&f, c->deadline, NULL);
		case_files(&f, c, fc, bl, st, sizeof fc);
		if (run(&f, fc, c->bopen > 0 ? bl : NULL, NULL) != WFM_OK)
			fail_msg("%s: %s", c->name, f.e.msg);
		for (int k = 0; k < c->nw; k++) {
			snprintf(pre, sizeof pre, "%s,,email,L,", wfm_date_iso(D(2025, 3, 3) +
										c->wday[k], d));
			if (fabs(num_of(&f, pre, C_AGENTS) - c->cap[k]) > 1e-9 ||
			    fabs(num_of(&f, pre, C_VOLUME) - c->rvol[k]) > 0.005 + 1e-9 ||
			    num_of(&f, pre, C_SL) != 1) /* everything in time */
				fail_msg("%s, %s: agents %s volume %g in time %s, want %.10g, "
					 "%.10g, 1\n%s", c->name, d, field_of(&f, pre, C_AGENTS),
					 num_of(&f, pre, C_VOLUME), field_of(&f, pre, C_SL),
					 c->cap[k], c->rvol[k], f.out);
		}
		fx_free(&f);
	}
}

static void test_reference_evaluate(void **state)
{
	static char fc[4096], bl[256], st[4096];

	(void)state;
	for (size_t i = 0; i < sizeof bcases / sizeof bcases[0]; i++) {
		const struct bcase *c = &bcases[i];
		struct fx f;
		char pre[64], d[11];

		fx_init(&f, c->deadline, NULL);
		case_files(&f, c, fc, bl, st, sizeof fc);
		if (run(&f, fc, c->bopen > 0 ? bl : NULL, st) != WFM_OK)
			fail_msg("%s: %s", c->name, f.e.msg);
		for (int k = 0; k < c->nw; k++) {
			const struct ev_day *w = &c->ev[k];

			snprintf(pre, sizeof pre, "%s,,email,L,", wfm_date_iso(D(2025, 3, 3) +
										c->wday[k], d));
			if (fabs(num_of(&f, pre, C_VOLUME) - w->released) > 0.005 + 1e-9 ||
			    fabs(num_of(&f, pre, C_SL) - w->intime) > 0.00005 + 1e-9 ||
			    fabs(num_of(&f, pre, C_BACKLOG) - w->left) > 0.005 + 1e-9 ||
			    strcmp(field_of(&f, pre, C_STATUS), w->late ? "late" : "ok") != 0)
				fail_msg("%s, %s: got volume %s, in time %s, left %s, %s; want %g, "
					 "%.6f, %.4f, %s", c->name, d, field_of(&f, pre, C_VOLUME),
					 field_of(&f, pre, C_SL), field_of(&f, pre, C_BACKLOG),
					 field_of(&f, pre, C_STATUS), w->released, w->intime, w->left,
					 w->late ? "late" : "ok");
		}
		fx_free(&f);
	}
}

/* ---- by hand ------------------------------------------------------------ */

/* Two weeks from Monday 2025-03-03 with 10 e-mails of an hour each working
 * day and 30 waiting at the start of Saturday 2025-03-01, deadline 2.  The
 * backlog counts as Friday's: due at the end of Tuesday 4.  Monday's mail is
 * due Wednesday and so on; the last three days' mail is due on Friday 14.
 * Densest window: Monday-Tuesday, which must do the 30 hours of backlog and
 * nothing else: 15 a day.  The rest, 100 hours over 8 days, has no denser
 * window (Wednesday alone must finish Monday's 10: 10; the last three days
 * 30: 10): 12.5 a day.  Without the backlog: 10 a day. */
static void test_hand(void **state)
{
	static const char fc[] =
		"period,time,channel,line,forecast,aht_s\n"
		"2025-03-03,,email,L,10,3600\n2025-03-04,,email,L,10,3600\n"
		"2025-03-05,,email,L,10,3600\n2025-03-06,,email,L,10,3600\n"
		"2025-03-07,,email,L,10,3600\n2025-03-10,,email,L,10,3600\n"
		"2025-03-11,,email,L,10,3600\n2025-03-12,,email,L,10,3600\n"
		"2025-03-13,,email,L,10,3600\n2025-03-14,,email,L,10,3600\n";
	struct fx f;

	(void)state;
	fx_init(&f, 2, NULL);
	assert_int_equal(run(&f, fc, "date,channel,line,open\n2025-03-01,email,L,30\n", NULL),
			 WFM_OK);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_AGENTS) == 15);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_VOLUME) == 40);
	assert_true(num_of(&f, "2025-03-04,,email,L", C_AGENTS) == 15);
	for (int d = 5; d <= 14; d++) {
		char pre[32];

		if (d == 8 || d == 9)
			continue;
		snprintf(pre, sizeof pre, "2025-03-%02d,,email,L", d);
		assert_true(num_of(&f, pre, C_AGENTS) == 12.5);
	}
	assert_true(f.sum.backlog_open == 30 && f.sum.backlog_series == 1);
	assert_int_equal(f.sum.backlog_new, 0);
	assert_int_equal(f.sum.backlog_date, D(2025, 3, 1));
	assert_int_equal(f.sum.backlog_due, D(2025, 3, 4));
	fx_free(&f);

	/* an empty backlog (a row of 0) changes nothing: 10 a day */
	fx_init(&f, 2, NULL);
	assert_int_equal(run(&f, fc, "date,channel,line,open\n2025-03-03,email,L,0\n", NULL),
			 WFM_OK);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_AGENTS) == 10);
	assert_true(num_of(&f, "2025-03-14,,email,L", C_AGENTS) == 10);
	fx_free(&f);
}

/* A backlog of a series the forecast does not have: social S, 12 contacts
 * at aht_social... none set, so the row's aht_s of 5:00 (300 s): 1 hour,
 * due (deadline 2) by Tuesday: 0.5 on Monday and Tuesday, then 0.  A
 * backlog of e-mail with neither aht_s nor forecast rows takes aht_email;
 * callbacks of a line take the handle time of its calls. */
static void test_new_series(void **state)
{
	static const char fc[] =
		"period,time,channel,line,forecast,aht_s\n"
		"2025-03-03,09:00,phone,P,0,240\n2025-03-04,09:00,phone,P,0,240\n"
		"2025-03-05,09:00,phone,P,0,240\n";
	struct fx f;

	(void)state;
	fx_init(&f, 2, "600");
	assert_int_equal(run(&f, fc, "date,channel,line,open,aht_s\n"
			     "2025-03-02,social,S,12,5:00\n2025-03-02,email,E,6,\n"
			     "2025-03-02,callback,P,30,\n", NULL), WFM_OK);
	assert_true(num_of(&f, "2025-03-03,,social,S", C_AGENTS) == 0.5);
	assert_true(num_of(&f, "2025-03-03,,social,S", C_VOLUME) == 12);
	assert_true(num_of(&f, "2025-03-03,,social,S", C_AHT) == 300);
	assert_true(num_of(&f, "2025-03-04,,social,S", C_AGENTS) == 0.5);
	assert_true(num_of(&f, "2025-03-05,,social,S", C_AGENTS) == 0);
	/* 6 x 600 s = 1 hour */
	assert_true(num_of(&f, "2025-03-03,,email,E", C_AGENTS) == 0.5);
	/* 30 x 240 s = 2 hours */
	assert_true(num_of(&f, "2025-03-03,,callback,P", C_AGENTS) == 1);
	assert_true(num_of(&f, "2025-03-04,,callback,P", C_AGENTS) == 1);
	assert_int_equal(f.sum.backlog_series, 3);
	assert_int_equal(f.sum.backlog_new, 3);
	fx_free(&f);

	/* no handle time anywhere: an error naming the backlog row */
	fx_init(&f, 2, NULL);
	assert_int_equal(run(&f, fc, "date,channel,line,open\n2025-03-03,email,E,6\n", NULL),
			 WFM_EDATA);
	assert_non_null(strstr(f.e.msg, ":2: email E: no handle time for the backlog"));
	fx_free(&f);
}

/* Deadline 0 or 1: due at the end of the first working day. */
static void test_short_deadline(void **state)
{
	static const char fc[] = "period,time,channel,line,forecast,aht_s\n"
				 "2025-03-03,,email,L,0,3600\n2025-03-04,,email,L,0,3600\n";
	struct fx f;

	(void)state;
	for (int dl = 0; dl <= 1; dl++) {
		fx_init(&f, dl, NULL);
		assert_int_equal(run(&f, fc, "date,channel,line,open\n2025-03-03,email,L,7\n",
				     NULL), WFM_OK);
		assert_true(num_of(&f, "2025-03-03,,email,L", C_AGENTS) == 7);
		assert_true(num_of(&f, "2025-03-04,,email,L", C_AGENTS) == 0);
		assert_int_equal(f.sum.backlog_due, D(2025, 3, 3));
		fx_free(&f);
	}
	/* a deadline beyond the period: due on its last day */
	fx_init(&f, 5, NULL);
	assert_int_equal(run(&f, fc, "date,channel,line,open\n2025-03-03,email,L,7\n", NULL),
			 WFM_OK);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_AGENTS) == 3.5);
	assert_int_equal(f.sum.backlog_due, D(2025, 3, 4));
	fx_free(&f);
}

/* ---- strict reading ---------------------------------------------------- */

static void expect_error(const char *backlog, int code, const char *msg)
{
	static const char fc[] = "period,time,channel,line,forecast,aht_s\n"
				 "2025-03-03,,email,L,1,3600\n2025-03-04,,email,L,1,3600\n";
	struct fx f;
	const char *colon;

	fx_init(&f, 2, NULL);
	assert_int_equal(run(&f, fc, backlog, NULL), code);
	/* the message after the temporary file's name */
	colon = strchr(f.e.msg, ':');
	if (!colon || strcmp(colon, msg) != 0)
		fail_msg("got '%s', want '...%s'", f.e.msg, msg);
	fx_free(&f);
}

static void test_bad_rows(void **state)
{
	(void)state;
	expect_error("date,channel,line\n2025-03-03,email,L\n", WFM_EDATA,
		     ":1: missing column 'open'");
	expect_error("date,channel,line,open\n", WFM_EDATA, ": no data rows after the header");
	expect_error("", WFM_EDATA, ": empty file, expected a header line");
	expect_error("date,channel,line,open\n2025-02-30,email,L,1\n", WFM_EDATA,
		     ":2: column 'date': no such day: '2025-02-30'");
	expect_error("date,channel,line,open\n2025-03-03,phone,L,1\n", WFM_EDATA,
		     ":2: column 'channel': not a deferred channel: a backlog is of email, "
		     "social or callback: 'phone'");
	expect_error("date,channel,line,open\n2025-03-03,fax,L,1\n", WFM_EDATA,
		     ":2: column 'channel': unknown channel (email, social, callback): 'fax'");
	expect_error("date,channel,line,open\n2025-03-03,email,,1\n", WFM_EDATA,
		     ":2: column 'line': empty: ''");
	expect_error("date,channel,line,open\n2025-03-03,email,L,-1\n", WFM_EDATA,
		     ":2: column 'open': negative: '-1'");
	expect_error("date,channel,line,open\n2025-03-03,email,L,1x\n", WFM_EDATA,
		     ":2: column 'open': trailing characters: '1x'");
	expect_error("date,channel,line,open,aht_s\n2025-03-03,email,L,1,0\n", WFM_EDATA,
		     ":2: column 'aht_s': must be more than 0: '0'");
	expect_error("date,channel,line,open\n2025-03-04,email,L,1\n", WFM_EDATA,
		     ":2: column 'date': after the forecast's first day 2025-03-03: the "
		     "backlog must be the one at its start: '2025-03-04'");
	expect_error("date,channel,line,open\n2025-02-28,email,L,1\n", WFM_EDATA,
		     ":2: column 'date': 1 working day before the forecast's first day "
		     "2025-03-03: what came and was answered in between is not known (give "
		     "the backlog at the start of 2025-03-03): '2025-02-28'");
	expect_error("date,channel,line,open\n2025-03-01,email,L,1\n2025-03-03,email,M,1\n",
		     WFM_EDATA, ":3: column 'date': another date than the rows before it "
		     "(2025-03-01): one backlog at a time: '2025-03-03'");
	expect_error("date,channel,line,open\n2025-03-03,email,L,1\n2025-03-03,e-mail,L,2\n",
		     WFM_EDATA, ":3: column 'line': email L given twice (also on line 2): 'L'");
}

/* Dutch headers and a ';' file with a decimal comma read too. */
static void test_dutch(void **state)
{
	static const char fc[] = "period,time,channel,line,forecast,aht_s\n"
				 "2025-03-03,,email,L,0,3600\n2025-03-04,,email,L,0,3600\n";
	struct fx f;

	(void)state;
	fx_init(&f, 2, NULL);
	assert_int_equal(run(&f, fc, "Datum;Kanaal;Lijn;Openstaand\n3/03/2025;e-mail;L;2,5\n",
			     NULL), WFM_OK);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_VOLUME) == 2.5);
	assert_true(num_of(&f, "2025-03-03,,email,L", C_AGENTS) == 1.25);
	fx_free(&f);
}

/* Only once, and before the run is computed. */
static void test_order(void **state)
{
	struct fx f;
	char *fp, *bp;
	wfm_sr *r;

	(void)state;
	fx_init(&f, 2, NULL);
	fp = tmp_file("period,time,channel,line,forecast,aht_s\n2025-03-03,,email,L,1,3600\n");
	bp = tmp_file("date,channel,line,open\n2025-03-03,email,L,1\n");
	assert_non_null(r = wfm_sr_read(fp, &f.s, f.cal, &f.e));
	assert_int_equal(wfm_sr_backlog(r, bp, &f.e), WFM_OK);
	assert_int_equal(wfm_sr_backlog(r, bp, &f.e), WFM_EUSAGE);
	wfm_sr_free(r);
	assert_non_null(r = wfm_sr_read(fp, &f.s, f.cal, &f.e));
	assert_int_equal(wfm_sr_require(r, &f.e), WFM_OK);
	assert_int_equal(wfm_sr_backlog(r, bp, &f.e), WFM_EUSAGE);
	wfm_sr_free(r);
	assert_non_null(r = wfm_sr_read(fp, &f.s, f.cal, &f.e));
	assert_int_equal(wfm_sr_backlog(r, "/nonexistent/backlog.csv", &f.e), WFM_ENOINPUT);
	wfm_sr_free(r);
	unlink(fp);
	unlink(bp);
	free(fp);
	free(bp);
	fx_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_require),
		cmocka_unit_test(test_reference_evaluate),
		cmocka_unit_test(test_hand),
		cmocka_unit_test(test_new_series),
		cmocka_unit_test(test_short_deadline),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_dutch),
		cmocka_unit_test(test_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
