/* test_staffrun.c - lib/staffrun*.c: the forecast read into series, the
 * requirement per interval through every model, deferred work with its
 * deadlines, callbacks joining the callback work, evaluation, FTE totals
 * and the errors.
 *
 * Reference values are independent of the code: the least agents come from
 * the high-precision scans of tests/ref/ (erlang_c_ref.py, erlang_a_ref.py,
 * callback_ref.py, chat_ref.py) run here through the whole forecast-to-CSV
 * path; the smoothest deferred capacities from tests/ref/staffrun_ref.py
 * (Yao-Demers-Shenker in exact fractions, another algorithm than the taut
 * string of the code), checked again against lib/deferred.c's own FIFO run
 * and a brute-force window bound; other figures are worked out by hand in
 * the comments. */
#include <math.h>

#include "staffrun_fixture.h"
#include "queue/deferred.h"
#include "run/staffrun_impl.h"

#include "../ref/callback_ref.inc"
#include "../ref/chat_ref.inc"
#include "../ref/erlang_a_ref.inc"
#include "../ref/erlang_c_ref.inc"
#include "../ref/staffrun_ref.inc"


/* ---- fixtures ---------------------------------------------------------- */

/* Settings from the defaults (no holidays; Monday to Friday open from
 * `opens` to `closes` minutes), with the config keys of `kv` ("key=value"
 * pairs, NULL-terminated) applied as flags. */
static void fx_init(struct fx *f, int opens, int closes, const char *const *kv)
{
	assert_int_equal(fx_setup(f, kv, opens, closes), WFM_OK);
}

/* Reads `forecast`, computes requirements (or evaluates `staffing`),
 * simulates when `sim` is given, and writes at `grain` into f->out.
 * Returns the status of the first step that failed. */
static int run(struct fx *f, const char *forecast, const char *staffing,
	       const wfm_sr_sim_opts *sim, int grain)
{
	return fx_run(f, forecast, NULL, staffing, sim, grain);
}

static void expect_ok(struct fx *f, const char *forecast, const char *staffing, int grain)
{
	if (run(f, forecast, staffing, NULL, grain) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

/* Requirements columns. */
enum { C_VOLUME = 4, C_AHT, C_AGENTS, C_SL, C_ANSWERED, C_ASA, C_OCC, C_SCHED };

/* ---- the taut string against the reference ---------------------------- */

struct taut_case {
	const char *name;
	int days, njobs;
	struct {
		int r, d;
		double w;
	} job[24];
	double cap[24];
};

static const struct taut_case taut_cases[] = {TAUT_CASES};

static void test_taut_reference(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof taut_cases / sizeof taut_cases[0]; c++) {
		const struct taut_case *tc = &taut_cases[c];
		double due[25] = {0}, avail[25] = {0}, cap[24], peak = 0, bound = 0, total = 0;
		int n = tc->days;

		for (int j = 0; j < tc->njobs; j++) {
			avail[tc->job[j].r + 1] += tc->job[j].w;
			due[tc->job[j].d + 1] += tc->job[j].w;
			total += tc->job[j].w;
		}
		for (int k = 1; k <= n; k++) {
			avail[k] += avail[k - 1];
			due[k] += due[k - 1];
		}
		assert_int_equal(wfm_sr_taut(due, avail, (size_t)n, cap, NULL), WFM_OK);
		for (int k = 0; k < n; k++) {
			if (fabs(cap[k] - tc->cap[k]) > 1e-12 * fmax(1, total))
				fail_msg("%s: day %d: %.17g, want %.17g", tc->name, k, cap[k],
					 tc->cap[k]);
			peak = fmax(peak, cap[k]);
		}
		/* the peak is the densest window: work released and due inside it */
		for (int s = 0; s < n; s++) {
			for (int e = s; e < n; e++) {
				double w = 0;

				for (int j = 0; j < tc->njobs; j++)
					if (tc->job[j].r >= s && tc->job[j].d <= e)
						w += tc->job[j].w;
				bound = fmax(bound, w / (e - s + 1));
			}
		}
		assert_true(fabs(peak - bound) <= 1e-12 * fmax(1, total));
	}
}

/* The capacities meet every deadline by lib/deferred.c's own FIFO run (its
 * deadlines are not cut at the end, so it is the weaker test there). */
static void test_taut_feasible(void **state)
{
	static const double work[] = {80, 5, 5, 5, 20, 0, 33, 1, 1, 12, 60, 2, 2, 2, 9};
	size_t n = sizeof work / sizeof work[0];

	(void)state;
	for (int dl = 0; dl <= 4; dl++) {
		double due[16] = {0}, avail[16] = {0}, cap[15], sum = 0;
		wfm_deferred_day out[15];

		for (size_t i = 0; i < n; i++) {
			avail[i + 1] += work[i];
			due[(i + (size_t)dl < n ? i + (size_t)dl : n - 1) + 1] += work[i];
		}
		for (size_t k = 1; k <= n; k++) {
			avail[k] += avail[k - 1];
			due[k] += due[k - 1];
		}
		assert_int_equal(wfm_sr_taut(due, avail, n, cap, NULL), WFM_OK);
		assert_int_equal(wfm_deferred_run(work, cap, n, dl, out, NULL), WFM_OK);
		for (size_t k = 0; k < n; k++) {
			assert_true(out[k].late == 0);
			sum += cap[k];
		}
		assert_true(fabs(sum - due[n]) < 1e-9);
		assert_true(out[n - 1].backlog < 1e-9);
	}
}

static void test_taut_bad_bounds(void **state)
{
	double due[] = {0, 5, 5}, avail[] = {0, 4, 5}, cap[2];
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_sr_taut(due, avail, 2, cap, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "inconsistent work bounds at day 1");
	due[1] = 1;
	avail[2] = 6;
	assert_int_equal(wfm_sr_taut(due, avail, 2, cap, &e), WFM_EUSAGE);
}

/* ---- requirements through every model ---------------------------------- */

static const char head[] = "period,time,channel,line,forecast,lo,hi,aht_s\n";

/* One 15-minute interval a day (09:00-09:15), one row per case. */
static void one_interval(struct fx *f, const char *row_fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void one_interval(struct fx *f, const char *row_fmt, ...)
{
	char text[512];
	int n = snprintf(text, sizeof text, "%s", head);
	va_list ap;

	va_start(ap, row_fmt);
	vsnprintf(text + n, sizeof text - (size_t)n, row_fmt, ap);
	va_end(ap);
	expect_ok(f, text, NULL, WFM_SR_INTERVAL);
}

struct cmin {
	double volume, aht, interval, sl, t, occ;
	long agents;
};
static const struct cmin cmin[] = {ERLANG_C_MIN_AGENTS};

static void test_erlang_c_rows(void **state)
{
	size_t tried = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cmin / sizeof cmin[0]; i++) {
		const struct cmin *c = &cmin[i];
		struct fx f;

		if (c->interval != 900)
			continue;
		fx_init(&f, 540, 555, NULL);
		f.s.phone_model = WFM_MODEL_ERLANG_C;
		f.s.sl = c->sl;
		f.s.sl_time = c->t;
		f.s.max_occ = c->occ;
		one_interval(&f, "2025-03-03,09:00,phone,L,%.17g,,,%.17g\n", c->volume, c->aht);
		if (num_of(&f, "2025-03-03,09:00,phone,L,", C_AGENTS) != (double)c->agents)
			fail_msg("row %zu: %g calls, aht %g: got %s agents, want %ld", i, c->volume,
				 c->aht, field_of(&f, "2025-03-03,09:00", C_AGENTS), c->agents);
		fx_free(&f);
		tried++;
	}
	assert_true(tried >= 10);
}

struct amin {
	double volume, aht, interval, patience, target;
	long agents;
};
static const struct amin amin[] = {ERLANG_A_MIN_AGENTS};

struct cbmin {
	double calls, interval, aht, patience, cutoff, target;
	long agents;
};
static const struct cbmin cbmin[] = {CALLBACK_MIN_AGENTS};

static void test_abandonment_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof amin / sizeof amin[0]; i++) {
		const struct amin *c = &amin[i];
		struct fx f;

		if (c->interval != 900)
			continue;
		fx_init(&f, 540, 555, NULL);
		f.s.phone_model = WFM_MODEL_ERLANG_A;
		f.s.patience = c->patience;
		f.s.answer_rate = c->target;
		one_interval(&f, "2025-03-03,09:00,phone,L,%.17g,,,%.17g\n", c->volume, c->aht);
		if (num_of(&f, "2025-03-03,09:00", C_AGENTS) != (double)c->agents)
			fail_msg("erlang-a row %zu: got %s, want %ld", i,
				 field_of(&f, "2025-03-03,09:00", C_AGENTS), c->agents);
		fx_free(&f);
	}
	for (size_t i = 0; i < sizeof cbmin / sizeof cbmin[0]; i++) {
		const struct cbmin *c = &cbmin[i];
		struct fx f;

		if (c->interval != 900)
			continue;
		fx_init(&f, 540, 555, NULL);
		/* automatic choice: callback_after set gives the callback model */
		f.s.patience = c->patience;
		f.s.callback_after = c->cutoff;
		f.s.answer_rate = c->target;
		one_interval(&f, "2025-03-03,09:00,phone,L,%.17g,,,%.17g\n", c->calls, c->aht);
		if (num_of(&f, "2025-03-03,09:00", C_AGENTS) != (double)c->agents)
			fail_msg("callback row %zu: got %s, want %ld", i,
				 field_of(&f, "2025-03-03,09:00", C_AGENTS), c->agents);
		fx_free(&f);
	}
}

struct chmin {
	double chats, interval;
	int k;
	double aht[4], patience, target;
	long agents;
};
static const struct chmin chmin[] = {CHAT_MIN_AGENTS};

static void test_chat_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof chmin / sizeof chmin[0]; i++) {
		const struct chmin *c = &chmin[i];
		char list[128] = "", conc[16], pat[32], target[32];
		struct fx f;
		int n = 0;

		for (int j = 0; j < c->k; j++)
			n += snprintf(list + n, sizeof list - (size_t)n, "%s%g", j ? ", " : "",
				      c->aht[j]);
		snprintf(conc, sizeof conc, "concurrency=%d", c->k);
		snprintf(pat, sizeof pat, "chat_patience=%g", c->patience);
		snprintf(target, sizeof target, "target_answer_rate=%g", c->target);
		{
			char chat_aht[160];
			const char *kv[] = {conc, pat, target, chat_aht, NULL};

			snprintf(chat_aht, sizeof chat_aht, "chat_aht=%s", list);
			fx_init(&f, 540, 555, kv);
		}
		/* no aht_s: the chat's handle time is the first chat_aht value */
		{
			char text[256];

			snprintf(text, sizeof text, "period,time,channel,line,forecast\n"
				 "2025-03-03,09:00,chat,L,%.17g\n", c->chats);
			expect_ok(&f, text, NULL, WFM_SR_INTERVAL);
		}
		if (num_of(&f, "2025-03-03,09:00", C_AGENTS) != (double)c->agents)
			fail_msg("chat row %zu: got %s, want %ld", i,
				 field_of(&f, "2025-03-03,09:00", C_AGENTS), c->agents);
		assert_true(num_of(&f, "2025-03-03,09:00", C_AHT) == c->aht[0]);
		fx_free(&f);
	}
}

/* Zero volume needs no agent; the figures are those of nobody waiting. */
static void test_zero_volume(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, NULL);
	one_interval(&f, "2025-03-03,09:00,phone,L,0,,,300\n");
	assert_string_equal(strchr(f.out, '\n') + 1,
			    "2025-03-03,09:00,phone,L,0,300,0,1,1,0,0,0\n");
	fx_free(&f);
}

/* The occupancy cap, the shrinkage (21 agents at 30 % are 30, not 31) and
 * the chat default shape (factors 1, 1.7: 2 chats take 2/1.7 times as long). */
static void test_cap_and_shrinkage(void **state)
{
	static const char *const kv[] = {"max_occupancy=0.8", "sl=0.05", NULL};
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, kv);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	/* 48 calls x 180 s / 900 s = 9.6 erlangs; 9.6 / 12 = 0.8 exactly */
	one_interval(&f, "2025-03-03,09:00,phone,L,48,,,180\n");
	assert_true(num_of(&f, "2025-03-03,09:00", C_AGENTS) == 12);
	assert_true(num_of(&f, "2025-03-03,09:00", C_OCC) == 0.8);
	/* 12 / 0.7 = 17.14: 18 scheduled */
	assert_true(num_of(&f, "2025-03-03,09:00", C_SCHED) == 18);
	fx_free(&f);
	fx_init(&f, 540, 555, NULL);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	f.s.sl = 0.05;
	/* A = 20.5 erlangs: 21 agents meet a 5 % service level; 21 / 0.7 = 30 */
	one_interval(&f, "2025-03-03,09:00,phone,L,82,,,225\n");
	assert_true(num_of(&f, "2025-03-03,09:00", C_AGENTS) == 21);
	assert_true(num_of(&f, "2025-03-03,09:00", C_SCHED) == 30);
	fx_free(&f);
}

/* ---- deferred work ------------------------------------------------------ */

/* The notes: Monday 80 hours, then 5, 5, 5, 20 with a 2-day deadline: the
 * smoothest plan is 80/3 on Monday to Wednesday (written rounded up, 26.67),
 * then 15 on Thursday (all that has arrived) and 20 on Friday (the week's
 * end: everything done). */
static void test_deferred_notes(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, NULL);
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,,email,M,80,3600\n2025-03-04,,email,M,5,3600\n"
		  "2025-03-05,,email,M,5,3600\n2025-03-06,,email,M,5,3600\n"
		  "2025-03-07,,email,M,20,3600\n", NULL, WFM_SR_INTERVAL);
	assert_string_equal(f.out,
		"date,time,channel,line,volume,aht_s,agents,service_level,answer_rate,asa_s,"
		"occupancy,scheduled\n"
		"2025-03-03,,email,M,80,3600,26.67,1,1,,1,38.1\n"
		"2025-03-04,,email,M,5,3600,26.67,1,1,,1,38.1\n"
		"2025-03-05,,email,M,5,3600,26.67,1,1,,1,38.1\n"
		"2025-03-06,,email,M,5,3600,15,1,1,,0.9993,21.43\n"
		"2025-03-07,,email,M,20,3600,20,1,1,,1,28.57\n");
	fx_free(&f);
}

/* Closed days: a Saturday's e-mail is released on Monday but due as a
 * Friday's (2 working days after Saturday: Tuesday); a holiday on
 * Wednesday moves Monday's deadline to Thursday.  Deadline 0: the day it
 * is released.  Hand-worked plans in the comments. */
static void test_deferred_calendar(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, NULL);
	assert_int_equal(wfm_calendar_add_closed(f.cal, D(2025, 3, 5), "test", NULL), WFM_OK);
	/* Mon 3: 12 h due Thu 6 (Wed closed); Sat 8: 6 h released Mon 10, due
	 * Tue 11; Mon 10: 3 h due Wed 12.  Working days Mon 3, Tue 4, Thu 6, Fri 7,
	 * Mon 10, Tue 11, Wed 12.  The 12 h over Mon 3, Tue 4 and Thu 6: 4 a day;
	 * nothing arrives for Fri 7; Mon 10 to Wed 12 hold 9 h, and the window
	 * Mon 10-Tue 11 needs 6 of them: 3 a day throughout. */
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,,email,M,12,3600\n2025-03-08,,email,M,6,3600\n"
		  "2025-03-10,,email,M,3,3600\n2025-03-12,,email,M,0,3600\n", NULL,
		  WFM_SR_INTERVAL);
	assert_true(num_of(&f, "2025-03-03,,email", C_AGENTS) == 4);
	assert_true(num_of(&f, "2025-03-04,,email", C_AGENTS) == 4);
	assert_true(num_of(&f, "2025-03-06,,email", C_AGENTS) == 4);
	assert_true(num_of(&f, "2025-03-07,,email", C_AGENTS) == 0);
	assert_true(num_of(&f, "2025-03-10,,email", C_AGENTS) == 3);
	assert_true(num_of(&f, "2025-03-10,,email", C_VOLUME) == 9); /* with Saturday's */
	assert_true(num_of(&f, "2025-03-11,,email", C_AGENTS) == 3);
	assert_true(num_of(&f, "2025-03-12,,email", C_AGENTS) == 3);
	assert_null(strstr(f.out, "2025-03-05"));
	assert_null(strstr(f.out, "2025-03-08"));
	fx_free(&f);

	/* deadline 0: each day's own work, 2 h on Monday, 7 on Tuesday */
	{
		static const char *const kv[] = {"deadline_days=0", NULL};

		fx_init(&f, 540, 555, kv);
	}
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,,social,S,4,1800\n2025-03-04,,social,S,14,1800\n", NULL,
		  WFM_SR_INTERVAL);
	assert_true(num_of(&f, "2025-03-03,,social", C_AGENTS) == 2);
	assert_true(num_of(&f, "2025-03-04,,social", C_AGENTS) == 7);
	fx_free(&f);
}

/* Calls sent to a callback join the callback work of their line: 60 calls
 * of 300 s on 21 agents with the cut-off at 150 s and no abandonment send
 * volume x P(callback) to the callback work, worked with aht_callback. */
static void test_callbacks_join(void **state)
{
	static const char *const kv[] = {"aht_callback=240", NULL};
	struct fx f;
	wfm_queue_perf p;
	long n;

	(void)state;
	fx_init(&f, 540, 570, kv);
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,09:00,phone,L,60,300\n2025-03-03,09:15,phone,L,0,300\n"
		  "2025-03-03,,callback,L,10,200\n", NULL, WFM_SR_INTERVAL);
	n = (long)num_of(&f, "2025-03-03,09:00", C_AGENTS);
	assert_int_equal(wfm_callback_perf(60 * 300 / 900.0, n, 300, INFINITY, 150, 20, &p, NULL),
			 WFM_OK);
	assert_true(p.callback > 0.001);
	assert_true(fabs(num_of(&f, "2025-03-03,,callback", C_VOLUME) - (10 + 60 * p.callback)) <
		    0.006);
	/* the day's work: 10 x 200 s forecast, the callbacks at 240 s */
	assert_true(fabs(num_of(&f, "2025-03-03,,callback", C_AHT) -
			 (10 * 200 + 60 * p.callback * 240) / (10 + 60 * p.callback)) < 0.06);
	fx_free(&f);
}

/* ---- evaluation --------------------------------------------------------- */

static const char eval_fc[] =
	"period,time,channel,line,forecast,aht_s\n"
	"2025-03-03,09:00,phone,L,60,300\n2025-03-03,09:15,phone,L,80,300\n"
	"2025-03-03,09:30,phone,L,40,300\n2025-03-03,09:45,phone,L,0,300\n"
	"2025-03-03,,email,L,20,900\n";

static void test_evaluate(void **state)
{
	static const char *const kv[] = {"patience=180", "callback_after=none", NULL};
	struct fx f;

	(void)state;
	fx_init(&f, 540, 600, kv);
	/* a coverage without channel: planned counts for the line's phone;
	 * 09:15 overloaded (80 x 300 / 900 = 26.7 erlangs on 20 agents), 09:30
	 * missing (0 agents: unstaffed); e-mail 4 hours for 5 hours of work */
	expect_ok(&f, eval_fc, "date,time,line,required,planned,gap\n"
		  "2025-03-03,09:00,L,23,23,0\n2025-03-03,09:15,L,29,20,-9\n"
		  "2025-03-03,09:45,L,0,0,0\n2025-03-03,10:00,L,1,1,0\n", WFM_SR_INTERVAL);
	assert_null(strstr(f.out, "nan"));
	assert_null(strstr(f.out, "inf"));
	assert_string_equal(field_of(&f, "2025-03-03,09:00,phone", 14), "ok");
	assert_string_equal(field_of(&f, "2025-03-03,09:15,phone", 14), "overloaded");
	assert_string_equal(field_of(&f, "2025-03-03,09:30,phone", 14), "unstaffed");
	assert_string_equal(field_of(&f, "2025-03-03,09:45,phone", 14), "ok");
	assert_string_equal(field_of(&f, "2025-03-03,,phone", 14), "unstaffed");
	/* the day row: agents in agent-hours, (23 + 20) / 4 */
	assert_true(num_of(&f, "2025-03-03,,phone", C_AGENTS) == 10.75);
	/* 0 agents: nobody answered; 40 calls wait 180 s on average, so the
	 * mean queue is 40 / 900 x 180 = 8 */
	assert_true(num_of(&f, "2025-03-03,09:30,phone", C_ANSWERED) == 0);
	assert_true(num_of(&f, "2025-03-03,09:30,phone", 11) == 40);
	assert_true(fabs(num_of(&f, "2025-03-03,09:30,phone", 13) - 8) < 1e-9);
	/* e-mail without capacity: late, everything left */
	assert_string_equal(field_of(&f, "2025-03-03,,email", 14), "late");
	assert_true(num_of(&f, "2025-03-03,,email", 13) == 20);
	fx_free(&f);
}

/* Overloaded under Erlang C: no steady state; asa empty, backlog the calls
 * the agents cannot take (80 - 20 x 900 / 300 = 20). */
static void test_evaluate_erlang_c_overload(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 600, NULL);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	expect_ok(&f, eval_fc, "date,time,channel,line,agents\n"
		  "2025-03-03,09:15,phone,L,20\n2025-03-03,,email,L,2.5\n"
		  "2025-03-03,,chat,L,3\n", WFM_SR_INTERVAL);
	assert_string_equal(field_of(&f, "2025-03-03,09:15,phone", C_ASA), "");
	assert_true(num_of(&f, "2025-03-03,09:15,phone", C_SL) == 0);
	assert_true(num_of(&f, "2025-03-03,09:15,phone", 13) == 20);
	assert_true(num_of(&f, "2025-03-03,,email", C_AGENTS) == 2.5);
	fx_free(&f);
}

/* The requirements evaluated are all met. */
static void test_evaluate_own_requirements(void **state)
{
	struct fx f;
	char *req;

	(void)state;
	fx_init(&f, 540, 600, NULL);
	expect_ok(&f, eval_fc, NULL, WFM_SR_INTERVAL);
	req = f.out;
	f.out = NULL;
	expect_ok(&f, eval_fc, req, WFM_SR_INTERVAL);
	free(req);
	assert_null(strstr(f.out, "below"));
	assert_null(strstr(f.out, "overloaded"));
	assert_null(strstr(f.out, "late"));
	assert_null(strstr(f.out, "unstaffed"));
	fx_free(&f);
}

/* ---- FTE ---------------------------------------------------------------- */

/* Erlang C, SL 80 % in 20 s: 60 calls of 300 s need 25 agents (the
 * published table), 0 calls none; 25 at 30 % shrinkage: 36 scheduled.
 * Day: 25 x 0.25 = 6.25 agent-hours, 36 x 0.25 = 9 scheduled hours, an FTE
 * of 38 h a week works 7.6 h a day: 9 / 7.6 = 1.18.  E-mail 20 x 900 s = 5 h,
 * all on the one day: 5 / 0.7 = 7.14 h. */
static void test_fte(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 570, NULL);
	f.s.phone_model = WFM_MODEL_ERLANG_C;
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,09:00,phone,L,60,300\n2025-03-03,09:15,phone,L,0,300\n"
		  "2025-03-03,,email,L,20,900\n", NULL, WFM_SR_DAY);
	assert_string_equal(f.out,
		"date,channel,line,volume,workload_h,agent_hours,scheduled_hours,fte\n"
		"2025-03-03,phone,L,60,5,6.25,9,1.18\n"
		"2025-03-03,email,L,20,5,5,7.14,0.94\n"
		"2025-03-03,,,80,10,11.25,16.14,2.12\n");
	expect_ok(&f, "period,time,channel,line,forecast,aht_s\n"
		  "2025-03-03,09:00,phone,L,60,300\n2025-03-03,09:15,phone,L,0,300\n"
		  "2025-03-03,,email,L,20,900\n", NULL, WFM_SR_WEEK);
	assert_string_equal(f.out,
		"week,channel,line,volume,workload_h,agent_hours,scheduled_hours,fte\n"
		"2025-03-03,phone,L,60,5,6.25,9,0.24\n"
		"2025-03-03,email,L,20,5,5,7.14,0.19\n"
		"2025-03-03,,,80,10,11.25,16.14,0.42\n");
	fx_free(&f);
}

/* ---- errors ------------------------------------------------------------- */

struct bad {
	const char *text;
	int code;
	const char *msg; /* after "FILE:" */
};

static void test_bad_forecasts(void **state)
{
	static const struct bad bad[] = {
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,phone,L,-3,300\n",
		 WFM_EDATA, "2: column 'forecast': negative: '-3'"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,phone,L,3,0\n",
		 WFM_EDATA, "2: column 'aht_s': must be more than 0: '0'"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,phone,L,3,-5\n",
		 WFM_EDATA, "2: column 'aht_s': negative: '-5'"},
		{"period,time,channel,line,forecast\n2025-03,,phone,L,3\n", WFM_EDATA,
		 "2: column 'period': a month: wfm-staff needs the forecast per interval "
		 "(wfm-forecast --grain interval): '2025-03'"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,,phone,L,3,300\n",
		 WFM_EDATA, "2: column 'time': empty for a live channel: wfm-staff needs the "
		 "forecast per interval (wfm-forecast --grain interval): ''"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:07,phone,L,3,300\n",
		 WFM_EDATA, "2: column 'time': not on the 15-minute grid (see --interval): "
		 "'09:07'"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,fax,L,3,300\n",
		 WFM_EDATA, "2: column 'channel': unknown channel (phone, email, chat, social, "
		 "callback): 'fax'"},
		{"period,time,channel,line,forecast\n2025-03-03,09:00,phone,L,3\n", WFM_EDATA,
		 "2: 2025-03-03 09:00 phone L: no handle time: the forecast has no aht_s for "
		 "it, and neither --aht nor aht_lines or aht_phone of [staff] gives one"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,phone,L,3,300\n"
		 "2025-03-03,09:30,phone,L,3,300\n",
		 WFM_EDATA, "2: 2025-03-03 09:00 phone L: no row for 09:15 (open 09:00-09:45, "
		 "15-minute intervals)"},
		{"period,time,channel,line,forecast,aht_s\n2025-03-03,09:00,phone,L,3,300\n"
		 "2025-03-03,09:15,phone,L,3,300\n2025-03-03,09:30,phone,L,3,300\n"
		 "2025-03-03,09:15,phone,L,4,300\n",
		 WFM_EDATA, "5: 2025-03-03 09:15 phone L: given twice (also on line 3)"},
		{"period,time,channel,line,forecast,aht_s\n", WFM_EDATA,
		 " no data rows after the header"},
		{"period,time,channel,forecast\n2025-03-03,09:00,phone,3\n", WFM_EDATA,
		 "1: missing column 'line'"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct fx f;
		const char *colon;
		int rc;

		fx_init(&f, 540, 585, NULL);
		rc = run(&f, bad[i].text, NULL, NULL, WFM_SR_INTERVAL);
		if (rc != bad[i].code)
			fail_msg("case %zu: code %d (%s), want %d", i, rc, f.e.msg, bad[i].code);
		colon = strchr(f.e.msg, ':');
		assert_non_null(colon);
		if (strcmp(colon + 1, bad[i].msg) != 0)
			fail_msg("case %zu:\n got '%s'\nwant '%s'", i, colon + 1, bad[i].msg);
		fx_free(&f);
	}
}

/* A whole open day missing between a series' first and last day. */
static void test_missing_day(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, NULL);
	assert_int_equal(run(&f, "period,time,channel,line,forecast,aht_s\n"
			     "2025-03-03,09:00,phone,L,3,300\n2025-03-05,09:00,phone,L,3,300\n",
			     NULL, NULL, WFM_SR_INTERVAL), WFM_EDATA);
	assert_non_null(strstr(f.e.msg, ": phone L: no rows on 2025-03-04, an open day"));
	fx_free(&f);
}

/* The target needs 21 agents; max_agents 10: the error gives the best. */
static void test_unreachable(void **state)
{
	static const char *const kv[] = {"max_agents=10", NULL};
	struct fx f;
	wfm_queue_perf p;
	char want[256];

	(void)state;
	fx_init(&f, 540, 555, kv);
	assert_int_equal(run(&f, "period,time,channel,line,forecast,aht_s\n"
			     "2025-03-03,09:00,phone,L,60,300\n", NULL, NULL, WFM_SR_INTERVAL),
			 WFM_EDATA);
	assert_int_equal(wfm_callback_perf(20, 10, 300, INFINITY, 150, 20, &p, NULL), WFM_OK);
	snprintf(want, sizeof want, ":2: 2025-03-03 09:00 phone L: an answer rate of 0.95 needs "
		 "21 agents, more than max_agents 10; the best with 10: answer rate %.4f, service "
		 "level %.4f, occupancy %.4f", p.answered, p.sl, p.occupancy);
	assert_string_equal(strchr(f.e.msg, ':'), want);
	fx_free(&f);
}

static void test_settings_errors(void **state)
{
	wfm_config cfg;
	wfm_sr_settings s;
	wfm_err e;

	(void)state;
	wfm_config_defaults(&cfg);
	assert_int_equal(wfm_config_set(&cfg, "staff", "target_answer_rate", "1", &e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--target-answer-rate: must be less than 1 (some contacts "
			    "always wait): '1'");
	wfm_sr_settings_release(&s);
	wfm_config_release(&cfg);

	wfm_config_defaults(&cfg);
	assert_int_equal(wfm_config_set(&cfg, "staff", "concurrency", "3", &e), WFM_OK);
	assert_int_equal(wfm_config_set(&cfg, "staff", "chat_aht", "8:00, 10:00", &e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--chat-aht: 2 values for a concurrency of 3: give the "
			    "handle time at 1 to 3 chats");
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "chat_aht", "", &e), WFM_OK);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/phone 4:30, 9/fax 3",
					&e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--aht-lines: unknown channel 'fax'");
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/phone 4:30,, x", &e),
			 WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--aht-lines: empty item");
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/phone 0", &e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--aht-lines: 1700/phone: must be more than 0 and at most "
			    "86400 seconds (a day): '0'");
	wfm_sr_settings_release(&s);
	/* a handle time above a day is refused, at the bound itself accepted */
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/phone 86401", &e),
			 WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--aht-lines: 1700/phone: must be more than 0 and at most "
			    "86400 seconds (a day): '86401'");
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/phone 86400", &e),
			 WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_OK);
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "", &e), WFM_OK);
	assert_int_equal(wfm_config_set(&cfg, "staff", "chat_aht", "3:00, 99999:00", &e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "--chat-aht: must be more than 0 and at most 86400 seconds "
			    "(a day): '99999:00'");
	wfm_sr_settings_release(&s);
	assert_int_equal(wfm_config_set(&cfg, "staff", "chat_aht", "", &e), WFM_OK);
	assert_int_equal(wfm_config_set(&cfg, "staff", "aht_lines", "1700/tel 4:30, A/mail 600",
					&e), WFM_OK);
	assert_int_equal(wfm_sr_settings_init(&s, &cfg, &e), WFM_OK);
	assert_int_equal((int)s.n_aht_line, 2);
	assert_true(s.aht_line[0].aht_s == 270 && s.aht_line[0].channel == WFM_CH_PHONE);
	assert_true(s.aht_line[1].aht_s == 600 && s.aht_line[1].channel == WFM_CH_EMAIL);
	s.phone_model = WFM_MODEL_ERLANG_A;
	assert_int_equal(wfm_sr_settings_check(&s, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "the erlang-a model needs a patience (--patience or patience "
			    "in [staff])");
	wfm_sr_settings_release(&s);
	wfm_config_release(&cfg);
}

/* The handle time of a row: --aht, else aht_s, else aht_lines, else
 * aht_CHANNEL. */
static void test_aht_order(void **state)
{
	static const char *const kv[] = {"aht_phone=100", "aht_lines=B/phone 200", NULL};
	static const char fc[] = "period,time,channel,line,forecast,aht_s\n"
				 "2025-03-03,09:00,phone,A,10,\n2025-03-03,09:00,phone,B,10,\n"
				 "2025-03-03,09:00,phone,C,10,300\n";
	struct fx f;

	(void)state;
	fx_init(&f, 540, 555, kv);
	expect_ok(&f, fc, NULL, WFM_SR_INTERVAL);
	assert_true(num_of(&f, "2025-03-03,09:00,phone,A", C_AHT) == 100);
	assert_true(num_of(&f, "2025-03-03,09:00,phone,B", C_AHT) == 200);
	assert_true(num_of(&f, "2025-03-03,09:00,phone,C", C_AHT) == 300);
	f.s.aht = 50;
	expect_ok(&f, fc, NULL, WFM_SR_INTERVAL);
	assert_true(num_of(&f, "2025-03-03,09:00,phone,A", C_AHT) == 50);
	assert_true(num_of(&f, "2025-03-03,09:00,phone,C", C_AHT) == 50);
	fx_free(&f);
}

/* ---- simulation through the run ----------------------------------------- */

static void test_simulate_seeded(void **state)
{
	static const char *const kv[] = {"patience=180", NULL};
	wfm_sr_sim_opts o = {.runs = 5, .seed = 7, .dist = WFM_SIM_EXPONENTIAL, .level = 0.95};
	struct fx f;
	char *first;

	(void)state;
	static const char fc[] = "period,time,channel,line,forecast,aht_s\n"
		"2025-03-03,09:00,phone,L,60,300\n2025-03-03,09:15,phone,L,80,300\n"
		"2025-03-04,09:00,phone,L,30,300\n2025-03-04,09:15,phone,L,0,300\n"
		"2025-03-03,09:00,chat,L,20,300\n2025-03-03,09:15,chat,L,5,300\n"
		"2025-03-03,,email,L,20,900\n";

	fx_init(&f, 540, 570, kv);
	assert_int_equal(run(&f, fc, NULL, &o, WFM_SR_INTERVAL), WFM_OK);
	first = f.out;
	f.out = NULL;
	assert_int_equal(run(&f, fc, NULL, &o, WFM_SR_INTERVAL), WFM_OK);
	assert_string_equal(first, f.out);
	assert_null(strstr(f.out, "email"));
	assert_non_null(strstr(f.out, "2025-03-03,09:15,chat,L,5,300,"));
	o.seed = 8;
	assert_int_equal(run(&f, fc, NULL, &o, WFM_SR_INTERVAL), WFM_OK);
	assert_string_not_equal(first, f.out);
	/* a day gives the same figures whatever else is simulated */
	f.s.to = D(2025, 3, 3);
	o.seed = 7;
	assert_int_equal(run(&f, fc, NULL, &o, WFM_SR_INTERVAL), WFM_OK);
	assert_null(strstr(f.out, "2025-03-04"));
	assert_int_equal(strncmp(first, f.out, strlen(f.out)), 0);
	free(first);
	o.runs = 1;
	assert_int_equal(run(&f, fc, NULL, &o, WFM_SR_INTERVAL), WFM_EUSAGE);
	fx_free(&f);
}

/* ---- the search from the previous interval ---------------------------- */

/* Every row of a day whose load jumps about gets the same agents as
 * wfm_staff_agents (gallop and bisection from the throughput bound) gives
 * for it alone: the search that starts from the previous interval's answer
 * finds the same least number. */
static void test_near_search_matches(void **state)
{
	static const char *const models[][3] = {
		{"patience=150", "callback_after=150", NULL},
		{"patience=120", "callback_after=none", NULL},
		{"callback_after=90", NULL, NULL},
		{"chat_patience=180", "concurrency=3", NULL},
	};
	uint64_t x = 1700;

	(void)state;
	for (size_t k = 0; k < sizeof models / sizeof models[0]; k++) {
		char *text = NULL;
		size_t len;
		FILE *m = open_memstream(&text, &len);
		struct fx f;
		int rows = 0;

		assert_non_null(m);
		fputs("period,time,channel,line,forecast,aht_s\n", m);
		for (int t = 0; t < 40; t++) {
			double v;

			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v = t % 7 == 3 ? 0 : (double)(x % 20000) / 100 * (t % 5 == 0 ? 0.1 : 1);
			fprintf(m, "2025-03-03,%02d:%02d,%s,L,%.2f,%d\n", 9 + t / 4, t % 4 * 15,
				k == 3 ? "chat" : "phone", k == 3 ? v / 4 : v, k == 3 ? 480 : 300);
		}
		fclose(m);
		fx_init(&f, 540, 1140, models[k]);
		expect_ok(&f, text, NULL, WFM_SR_INTERVAL);
		for (int t = 0; t < 40; t++) {
			char prefix[64];
			wfm_model md;
			wfm_target tg;
			sr_row row = {.volume = 0};
			const char *ch = k == 3 ? "chat" : "phone";
			long n;

			snprintf(prefix, sizeof prefix, "2025-03-03,%02d:%02d,%s,L,", 9 + t / 4,
				 t % 4 * 15, ch);
			row.volume = num_of(&f, prefix, C_VOLUME);
			row.aht = num_of(&f, prefix, C_AHT);
			{
				wfm_sr fake;
				sr_series ser = {.channel = k == 3 ? WFM_CH_CHAT : WFM_CH_PHONE};

				memset(&fake, 0, sizeof fake);
				fake.s = &f.s;
				fake.ser = &ser;
				wfm_sr_row_model(&fake, &row, &md, &tg);
			}
			assert_int_equal(wfm_staff_agents(&md, row.volume, row.aht, 900, &tg, &n,
							  NULL, NULL), WFM_OK);
			if (num_of(&f, prefix, C_AGENTS) != (double)n)
				fail_msg("model %zu, %s: %s agents, the search alone says %ld", k,
					 prefix, field_of(&f, prefix, C_AGENTS), n);
			rows++;
		}
		assert_int_equal(rows, 40);
		free(text);
		fx_free(&f);
	}
}

/* ---- the fast number writer against wfm_csvw_num ---------------------- */

static void test_fmt_num(void **state)
{
	static const double fixed[] = {0, -0.0, 0.125, -0.125, 2.5, 3.5, 0.5, 1.005, 0.145, 1e15,
				       -1e15, 123456.789, 1e-7, -1e-7, 0.3, 2.675, 1.45, 9.995,
				       99.5, 0.05, 4503599627370495.5, 1e300, NAN, INFINITY};
	uint64_t x = 88172645463325252ULL;
	long checked = 0;

	(void)state;
	for (int i = 0; i < 60000; i++) {
		double v;
		int dec = i % 9;

		if (i < (int)(sizeof fixed / sizeof fixed[0]) * 9) {
			v = fixed[i / 9];
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			switch (i % 4) {
			case 0: v = (double)(x % 2000001) / 1000 - 1000; break; /* decimal-ish */
			case 1: v = (double)(x % 100000) / 64; break;            /* binary ties */
			case 2: v = ldexp((double)(x >> 11), -(int)(x % 60));    break;
			default: v = (double)(x % 1000000) / 8000 + 0.0005; break;
			}
		}
		for (int excel = 0; excel <= 1; excel++) {
			char want[512] = "", got[400];
			FILE *m = fmemopen(want, sizeof want, "w");
			wfm_csvw w;

			assert_non_null(m);
			wfm_csvw_init(&w, m, excel);
			w.rows = 1; /* no byte order mark */
			wfm_csvw_num(&w, v, dec);
			fclose(m);
			wfm_sr_fmt_num(v, dec, excel ? ',' : '.', got, sizeof got);
			if (strcmp(want, got) != 0)
				fail_msg("%.17g with %d decimals: csvw '%s', fast '%s'", v, dec,
					 want, got);
			checked++;
		}
	}
	assert_true(checked == 120000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_taut_reference),
		cmocka_unit_test(test_taut_feasible),
		cmocka_unit_test(test_taut_bad_bounds),
		cmocka_unit_test(test_erlang_c_rows),
		cmocka_unit_test(test_abandonment_rows),
		cmocka_unit_test(test_chat_rows),
		cmocka_unit_test(test_zero_volume),
		cmocka_unit_test(test_cap_and_shrinkage),
		cmocka_unit_test(test_deferred_notes),
		cmocka_unit_test(test_deferred_calendar),
		cmocka_unit_test(test_callbacks_join),
		cmocka_unit_test(test_evaluate),
		cmocka_unit_test(test_evaluate_erlang_c_overload),
		cmocka_unit_test(test_evaluate_own_requirements),
		cmocka_unit_test(test_fte),
		cmocka_unit_test(test_bad_forecasts),
		cmocka_unit_test(test_missing_day),
		cmocka_unit_test(test_unreachable),
		cmocka_unit_test(test_settings_errors),
		cmocka_unit_test(test_aht_order),
		cmocka_unit_test(test_simulate_seeded),
		cmocka_unit_test(test_near_search_matches),
		cmocka_unit_test(test_fmt_num),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
