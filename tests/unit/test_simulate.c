/* test_simulate.c - lib/simulate.c: the discrete-event simulation against
 * the exact steady-state models, and its bookkeeping.
 *
 * Agreement: a stationary day (one interval's volume, handle time and
 * agents repeated 400 times, the first 4 intervals dropped as warm-up) is
 * simulated in 10 independent runs; each run gives answered / arrivals and
 * within-t / arrivals over its intervals, and the 99 % confidence interval
 * over the runs (wfm_sim_ratio_ci) must hold the exact value of Erlang A or
 * of the callback model (lib/erlang.c, itself checked against the
 * high-precision scans of tests/ref/).  99 % rather than 95 %: with 26
 * comparisons a 95 % interval would miss one by chance in most seeds.  The
 * intervals are narrow enough to fail a wrong model: each case also checks
 * that a model without abandonment (or without the cut-off) lies outside.
 * About 0.6 s in all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "queue/erlang.h"
#include "queue/simulate.h"

enum { INTERVALS = 400, WARMUP = 4, RUNS = 10 };

struct sim_case {
	int kind;          /* WFM_MODEL_ERLANG_A or WFM_MODEL_CALLBACK (or chat, k = 1) */
	double calls, aht, patience, cutoff; /* per 900 s; patience 0: none */
	long agents;
};

static const struct sim_case cases[] = {
	{WFM_MODEL_ERLANG_A, 60, 300, 150, 0, 21},
	{WFM_MODEL_ERLANG_A, 60, 300, 600, 0, 20},
	{WFM_MODEL_ERLANG_A, 200, 180, 60, 0, 40},
	{WFM_MODEL_ERLANG_A, 12, 240, 90, 0, 3},
	{WFM_MODEL_ERLANG_A, 100, 300, 120, 0, 30},
	{WFM_MODEL_CALLBACK, 60, 300, 150, 150, 21},
	{WFM_MODEL_CALLBACK, 60, 300, 600, 150, 19},
	{WFM_MODEL_CALLBACK, 60, 300, 0, 150, 19},
	{WFM_MODEL_CALLBACK, 8, 240, 120, 30, 3},
	{WFM_MODEL_CALLBACK, 150, 300, 150, 150, 50},
	{WFM_MODEL_CALLBACK, 100, 240, 300, 60, 25},
	{WFM_MODEL_CALLBACK, 40, 480, 0, 120, 20},
	{WFM_MODEL_CHAT, 60, 300, 150, 0, 21},
};

struct estimate {
	double est, lo, hi;
};

/* Runs a stationary day RUNS times; answered and service level (t = 20 s)
 * with their 99 % intervals. */
static void simulate(const struct sim_case *c, unsigned long seed, struct estimate *ans,
		     struct estimate *sl)
{
	static double volume[INTERVALS], aht[INTERVALS];
	static long agents[INTERVALS];
	static wfm_sim_counts out[INTERVALS];
	wfm_sim_day d = {.dist = WFM_SIM_EXPONENTIAL, .interval_s = 900, .t_s = 20,
			 .n = INTERVALS, .volume = volume, .aht_s = aht, .agents = agents};
	wfm_sim_ratio ra = {0}, rs = {0};
	wfm_err e;

	d.model.kind = (wfm_model_kind)c->kind;
	d.model.patience_s = c->patience > 0 ? c->patience : INFINITY;
	d.model.cutoff_s = c->cutoff > 0 ? c->cutoff : INFINITY;
	d.model.chat.k = 1;
	d.model.chat.aht_s[0] = c->aht;
	d.model.chat.patience_s = d.model.patience_s;
	for (int i = 0; i < INTERVALS; i++) {
		volume[i] = c->calls;
		aht[i] = c->aht;
		agents[i] = c->agents;
	}
	for (int run = 0; run < RUNS; run++) {
		double arr = 0, answered = 0, within = 0;

		if (wfm_sim_day_run(&d, seed + (unsigned long)run, out, &e) != WFM_OK)
			fail_msg("%s", e.msg);
		for (int i = WARMUP; i < INTERVALS; i++) {
			arr += out[i].arrivals;
			answered += out[i].answered;
			within += out[i].within;
		}
		wfm_sim_ratio_add(&ra, answered, arr);
		wfm_sim_ratio_add(&rs, within, arr);
	}
	assert_int_equal(wfm_sim_ratio_ci(&ra, 0.99, &ans->est, &ans->lo, &ans->hi), 2);
	assert_int_equal(wfm_sim_ratio_ci(&rs, 0.99, &sl->est, &sl->lo, &sl->hi), 2);
}

static int inside(double x, const struct estimate *e)
{
	return x >= e->lo && x <= e->hi;
}

static void test_agrees_with_models(void **state)
{
	int agree = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct sim_case *c = &cases[i];
		double a = c->calls * c->aht / 900;
		double pat = c->patience > 0 ? c->patience : INFINITY;
		double cut = c->cutoff > 0 ? c->cutoff : INFINITY;
		struct estimate ans, sl;
		wfm_queue_perf p, q;

		simulate(c, 1000 + 100 * i, &ans, &sl);
		assert_int_equal(wfm_callback_perf(a, c->agents, c->aht, pat, cut, 20, &p, NULL),
				 WFM_OK);
		if (!inside(p.answered, &ans) || !inside(p.sl, &sl))
			fail_msg("case %zu: answered %.5f in [%.5f, %.5f], sl %.5f in [%.5f, %.5f]",
				 i, p.answered, ans.lo, ans.hi, p.sl, sl.lo, sl.hi);
		agree += 2;
		print_message("case %2zu: answered %.4f [%.4f, %.4f] model %.4f; "
			      "sl %.4f [%.4f, %.4f] model %.4f\n", i, ans.est, ans.lo, ans.hi,
			      p.answered, sl.est, sl.lo, sl.hi, p.sl);
		/* the interval can tell: Erlang C, the model without abandonment and
		 * cut-off, falls outside */
		assert_int_equal(wfm_erlang_c_perf(a, c->agents, c->aht, 20, &q, NULL), WFM_OK);
		assert_false(inside(q.answered, &ans) && inside(q.sl, &sl));
		assert_true(ans.hi - ans.lo < 0.03);
	}
	assert_true(agree >= 20);
}

/* The same seed gives the same day; another seed another. */
static void test_deterministic(void **state)
{
	double volume[3] = {40, 0, 70}, aht[3] = {300, 300, 200};
	long agents[3] = {15, 2, 12};
	wfm_sim_day d = {.model = {.kind = WFM_MODEL_CALLBACK, .patience_s = 100, .cutoff_s = 60},
			 .dist = WFM_SIM_LOGNORMAL, .cv = 0.7, .interval_s = 900, .t_s = 20, .n = 3,
			 .volume = volume, .aht_s = aht, .agents = agents};
	wfm_sim_counts a[3], b[3];

	(void)state;
	assert_int_equal(wfm_sim_day_run(&d, 42, a, NULL), WFM_OK);
	assert_int_equal(wfm_sim_day_run(&d, 42, b, NULL), WFM_OK);
	assert_memory_equal(a, b, sizeof a);
	assert_int_equal(wfm_sim_day_run(&d, 43, b, NULL), WFM_OK);
	assert_memory_not_equal(a, b, sizeof a);
	assert_true(a[1].arrivals == 0);
}

/* Every contact that arrived is answered, abandoned or sent to a callback;
 * an interval without agents answers nobody while it lasts, and its queue
 * is taken by the next; the busy time never exceeds the capacity. */
static void test_bookkeeping(void **state)
{
	double volume[4] = {50, 50, 50, 50}, aht[4] = {180, 180, 180, 180};
	long agents[4] = {12, 0, 20, 12};
	wfm_sim_day d = {.model = {.kind = WFM_MODEL_ERLANG_C}, .interval_s = 900, .t_s = 20,
			 .n = 4, .volume = volume, .aht_s = aht, .agents = agents};
	wfm_sim_counts c[4];

	(void)state;
	assert_int_equal(wfm_sim_day_run(&d, 5, c, NULL), WFM_OK);
	for (int i = 0; i < 4; i++) {
		assert_true(c[i].answered + c[i].abandoned + c[i].callbacks == c[i].arrivals);
		assert_true(c[i].abandoned == 0 && c[i].callbacks == 0);
		assert_true(c[i].within <= c[i].answered);
		assert_true(c[i].capacity_s == (double)agents[i] * 900);
	}
	/* agents of interval 0 finish their calls in interval 1 (busy > 0 there
	 * though it has no capacity), but nobody new is answered: every arrival
	 * of interval 1 waits into interval 2 */
	assert_true(c[1].wait_s / c[1].answered > 300);
	assert_true(c[1].backlog > 0);
	assert_true(c[0].busy_s <= c[0].capacity_s);

	/* Erlang A with nobody at the end: those still waiting hang up */
	agents[3] = 0;
	d.model = (wfm_model){.kind = WFM_MODEL_ERLANG_A, .patience_s = 60};
	assert_int_equal(wfm_sim_day_run(&d, 5, c, NULL), WFM_OK);
	assert_true(c[3].answered == 0 && c[3].abandoned == c[3].arrivals);
	for (int i = 0; i < 4; i++)
		assert_true(c[i].answered + c[i].abandoned == c[i].arrivals);
}

/* Lognormal handle times: the carried load does not depend on their
 * shape: busy time / capacity estimates a / n (no abandonment, stable). */
static void test_lognormal_load(void **state)
{
	static double volume[200], aht[200];
	static long agents[200];
	static wfm_sim_counts c[200];
	wfm_sim_day d = {.model = {.kind = WFM_MODEL_ERLANG_C}, .dist = WFM_SIM_LOGNORMAL,
			 .cv = 0.5, .interval_s = 900, .t_s = 20, .n = 200, .volume = volume,
			 .aht_s = aht, .agents = agents};
	wfm_sim_ratio r = {0};
	double est, lo, hi;

	(void)state;
	for (int i = 0; i < 200; i++) {
		volume[i] = 80;
		aht[i] = 270;
		agents[i] = 28;
	}
	for (int run = 0; run < 8; run++) {
		double busy = 0, cap = 0;

		assert_int_equal(wfm_sim_day_run(&d, 77 + (unsigned long)run, c, NULL), WFM_OK);
		for (int i = 2; i < 200; i++) {
			busy += c[i].busy_s;
			cap += c[i].capacity_s;
		}
		wfm_sim_ratio_add(&r, busy, cap);
	}
	assert_int_equal(wfm_sim_ratio_ci(&r, 0.99, &est, &lo, &hi), 2);
	assert_true(lo <= 24.0 / 28 && 24.0 / 28 <= hi);
	print_message("lognormal: occupancy %.4f [%.4f, %.4f], a/n %.4f\n", est, lo, hi, 24.0 / 28);
	assert_true(hi - lo < 0.02);
}

/* The ratio estimator on numbers worked by hand: x = (1, 2, 3), y = (2, 2, 2):
 * R = 6/6 = 1; residuals x - R y = (-1, 0, 1), sd 1; half-width
 * t_{0.975, 2} x 1 / sqrt(3) / 2 = 4.302653 / 3.464102 = 1.242068. */
static void test_ratio_ci(void **state)
{
	wfm_sim_ratio r = {0};
	double est, lo, hi;

	(void)state;
	assert_int_equal(wfm_sim_ratio_ci(&r, 0.95, &est, &lo, &hi), 0);
	wfm_sim_ratio_add(&r, 1, 2);
	assert_int_equal(wfm_sim_ratio_ci(&r, 0.95, &est, &lo, &hi), 1);
	assert_true(est == 0.5);
	wfm_sim_ratio_add(&r, 2, 2);
	wfm_sim_ratio_add(&r, 3, 2);
	assert_int_equal(wfm_sim_ratio_ci(&r, 0.95, &est, &lo, &hi), 2);
	assert_true(fabs(est - 1) < 1e-15);
	assert_true(fabs(hi - 1 - 1.242068) < 1e-6);
	assert_true(fabs(1 - lo - 1.242068) < 1e-6);
}

static void test_bad_parameters(void **state)
{
	double volume[1] = {-1}, aht[1] = {300};
	long agents[1] = {3};
	wfm_sim_day d = {.model = {.kind = WFM_MODEL_ERLANG_C}, .interval_s = 900, .n = 1,
			 .volume = volume, .aht_s = aht, .agents = agents};
	wfm_sim_counts c[1];
	wfm_err e;

	(void)state;
	assert_int_equal(wfm_sim_day_run(&d, 1, c, &e), WFM_EUSAGE);
	assert_string_equal(e.msg, "volume out of range: -1");
	volume[0] = 1;
	aht[0] = 0;
	assert_int_equal(wfm_sim_day_run(&d, 1, c, &e), WFM_EUSAGE);
	aht[0] = 300;
	d.dist = WFM_SIM_LOGNORMAL;
	assert_int_equal(wfm_sim_day_run(&d, 1, c, &e), WFM_EUSAGE);
	d.dist = WFM_SIM_EXPONENTIAL;
	d.model.kind = WFM_MODEL_ERLANG_A;
	d.model.patience_s = 0;
	assert_int_equal(wfm_sim_day_run(&d, 1, c, &e), WFM_EUSAGE);
	d.model = (wfm_model){.kind = WFM_MODEL_CHAT, .chat = {.k = 0}};
	assert_int_equal(wfm_sim_day_run(&d, 1, c, &e), WFM_EUSAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agrees_with_models),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_bookkeeping),
		cmocka_unit_test(test_lognormal_load),
		cmocka_unit_test(test_ratio_ci),
		cmocka_unit_test(test_bad_parameters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
