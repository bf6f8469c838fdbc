/* test_erlang.c - lib/erlang.c: Erlang B/C, Erlang A, the callback model.
 *
 * Reference values come from the scripts in tests/ref/, computed independently of the
 * C code: erlang_c_ref.py (60-digit decimals, textbook sum), erlang_a_ref.py
 * (mpmath, direct chain and partial fractions), callback_ref.py (mpmath
 * quadrature cross-checked by a binomial series), callback_sim.py (a
 * discrete-event simulation).  Published figures are quoted where used. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "queue/erlang.h"

#include "../ref/callback_ref.inc"
#include "../ref/callback_sim.inc"
#include "../ref/erlang_a_ref.inc"
#include "../ref/erlang_c_ref.inc"

/* |got - want| <= rel |want| + abs, with a message naming the case. */
static void near(double got, double want, double rel, double abs_tol, const char *what,
		 int row)
{
	if (!(fabs(got - want) <= rel * fabs(want) + abs_tol))
		fail_msg("%s (row %d): got %.17g, want %.17g (diff %.3g)", what, row, got, want,
			 got - want);
}

static void no_nan(const wfm_queue_perf *p)
{
	assert_false(isnan(p->p_wait) || isnan(p->sl) || isnan(p->answered) ||
		     isnan(p->abandoned) || isnan(p->callback) || isnan(p->asa) ||
		     isnan(p->queue) || isnan(p->occupancy));
}

/* ---- Erlang B and C ---- */

struct cgrid {
	double a;
	long n;
	double aht, t, b, c, sl, asa;
};

static const struct cgrid cgrid[] = {ERLANG_C_GRID};

/* Loads 0.1 .. 99,000 erlangs, 1 .. 100,000 agents, against 60-digit
 * decimals: 1e-9 relative, and 1e-15 absolute for probabilities that
 * underflow. */
static void test_erlang_c_grid(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cgrid / sizeof cgrid[0]; i++) {
		const struct cgrid *g = &cgrid[i];
		wfm_queue_perf p;

		near(wfm_erlang_b(g->a, g->n), g->b, 1e-9, 1e-300, "erlang b", (int)i);
		assert_int_equal(wfm_erlang_c_perf(g->a, g->n, g->aht, g->t, &p, NULL), WFM_OK);
		assert_int_equal(p.stable, 1);
		near(p.p_wait, g->c, 1e-9, 1e-300, "erlang c", (int)i);
		near(p.sl, g->sl, 1e-9, 1e-15, "service level", (int)i);
		near(p.asa, g->asa, 1e-9, 1e-300, "asa", (int)i);
		near(p.occupancy, g->a / (double)g->n, 1e-15, 0, "occupancy", (int)i);
		assert_true(p.answered == 1 && p.abandoned == 0 && p.callback == 0);
	}
}

/* The published check: 100 calls in 30 minutes, AHT 180 s, 14 agents,
 * t = 20 s: P(wait) 0.17413, SL 0.88835, ASA 7.836 s. */
static void test_erlang_c_published(void **state)
{
	wfm_queue_perf p;

	(void)state;
	assert_int_equal(wfm_erlang_c_perf(100.0 * 180 / 1800, 14, 180, 20, &p, NULL), WFM_OK);
	near(p.p_wait, 0.17413, 0, 0.5e-5, "p_wait", 0);
	near(p.sl, 0.88835, 0, 0.5e-5, "sl", 0);
	near(p.asa, 7.836, 0, 0.5e-3, "asa", 0);
}

/* n <= A: no steady state, reported by the flag; never NaN or negative. */
static void test_erlang_c_overload(void **state)
{
	const double loads[] = {0.5, 1, 7, 20, 20.5, 1000, 1e4};
	wfm_queue_perf p;

	(void)state;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++) {
		for (long n = 0; (double)n <= loads[i]; n += 1 + (long)(loads[i] / 50)) {
			assert_int_equal(wfm_erlang_c_perf(loads[i], n, 300, 20, &p, NULL), WFM_OK);
			assert_int_equal(p.stable, 0);
			assert_true(p.p_wait == 1 && p.sl == 0 && isinf(p.asa) && p.asa > 0);
			assert_true(p.occupancy == 1);
			assert_true(p.answered >= 0 && p.answered <= 1);
			no_nan(&p);
		}
	}
	/* n = A exactly, and the first n above */
	assert_int_equal(wfm_erlang_c_perf(20, 20, 300, 20, &p, NULL), WFM_OK);
	assert_int_equal(p.stable, 0);
	assert_int_equal(wfm_erlang_c_perf(20, 21, 300, 20, &p, NULL), WFM_OK);
	assert_int_equal(p.stable, 1);
	assert_true(p.p_wait > 0 && p.p_wait < 1 && p.sl > 0 && p.sl < 1);
	/* no load */
	assert_int_equal(wfm_erlang_c_perf(0, 0, 300, 20, &p, NULL), WFM_OK);
	assert_true(p.stable && p.p_wait == 0 && p.sl == 1 && p.asa == 0);
}

/* B stays a probability over the whole range; the O(1) step agrees with the
 * O(n) recursion it replaces. */
static void test_erlang_b_range(void **state)
{
	const double loads[] = {1e-3, 0.1, 1, 9.99, 170.5, 714.2, 5000, 1e5};
	const long ns[] = {0, 1, 2, 170, 171, 1000, 20000, 100000};

	(void)state;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++) {
		double inv = wfm_erlang_b_inv(loads[i], 0);

		for (long n = 1; n <= 3000; n++)
			inv = wfm_erlang_b_inv_next(loads[i], n, inv);
		near(1 / inv, 1 / wfm_erlang_b_inv(loads[i], 3000), 1e-13, 1e-300, "carried b",
		     (int)i);
		for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
			double b = wfm_erlang_b(loads[i], ns[k]);

			assert_true(b >= 0 && b <= 1);
		}
	}
	assert_true(wfm_erlang_b(0, 0) == 1 && wfm_erlang_b(0, 5) == 0);
	assert_true(isnan(wfm_erlang_b(-1, 3)) && isnan(wfm_erlang_b(1, -1)));
}

static void test_erlang_c_bad_args(void **state)
{
	wfm_queue_perf p;
	wfm_err e = {0};

	(void)state;
	assert_int_equal(wfm_erlang_c_perf(-1, 3, 300, 20, &p, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "load"));
	assert_int_equal(wfm_erlang_c_perf(1, 3, 0, 20, &p, &e), WFM_EUSAGE);
	assert_int_equal(wfm_erlang_c_perf(1, 3, 300, -1, &p, &e), WFM_EUSAGE);
	assert_int_equal(wfm_erlang_c_perf(NAN, 3, 300, 1, &p, &e), WFM_EUSAGE);
	assert_int_equal(wfm_erlang_c_perf(1, -3, 300, 1, &p, NULL), WFM_EUSAGE);
}

/* ---- Erlang A ---- */

struct acase {
	double a;
	long n;
	double aht, patience, t, p_wait, sl, answered, abandoned, asa, queue;
};

static const struct acase acases[] = {ERLANG_A_CASES};

static void test_erlang_a_reference(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof acases / sizeof acases[0]; i++) {
		const struct acase *c = &acases[i];
		wfm_queue_perf p;

		assert_int_equal(wfm_erlang_a_perf(c->a, c->n, c->aht, c->patience, c->t, &p, NULL),
				 WFM_OK);
		assert_int_equal(p.stable, 1);
		near(p.p_wait, c->p_wait, 1e-9, 1e-14, "a p_wait", (int)i);
		near(p.sl, c->sl, 1e-9, 1e-14, "a sl", (int)i);
		near(p.answered, c->answered, 1e-9, 1e-14, "a answered", (int)i);
		near(p.abandoned, c->abandoned, 1e-9, 1e-14, "a abandoned", (int)i);
		near(p.asa, c->asa, 1e-9, 1e-12, "a asa", (int)i);
		near(p.queue, c->queue, 1e-9, 1e-12, "a queue", (int)i);
		assert_true(p.callback == 0);
		near(p.occupancy, c->a * c->answered / (double)c->n, 1e-9, 0, "a occupancy",
		     (int)i);
	}
}

/* Flow balance, a second route to the abandonment: theta E[queue] = lambda
 * P(abandon), over a range of loads including overload at 10,000 erlangs. */
static void flow_balance(double a, long n, double patience, int row)
{
	wfm_queue_perf p;

	assert_int_equal(wfm_erlang_a_perf(a, n, 300, patience, 20, &p, NULL), WFM_OK);
	no_nan(&p);
	near(p.abandoned, p.queue / patience / (a / 300), 1e-10, 1e-15, "flow balance", row);
	near(p.answered + p.abandoned, 1, 0, 1e-13, "sum", row);
	assert_true(p.sl <= p.answered && p.p_wait >= 0 && p.p_wait <= 1);
	/* the agents cannot carry more than n erlangs */
	assert_true(a * p.answered <= (double)n * (1 + 1e-12));
}

static void test_erlang_a_flow_balance(void **state)
{
	const double loads[] = {0.3, 4, 25, 180, 2500, 1e4};
	const double pats[] = {20, 150, 900};

	(void)state;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++)
		for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++)
			for (double f = 0.8; f < 1.3; f += 0.1)
				flow_balance(loads[i], (long)ceil(loads[i] * f), pats[k],
					     (int)(10 * i + k));
}

/* As patience grows Erlang A tends to Erlang C (n > A): the gap shrinks like
 * 1/patience (tenfold per decade) and is below 1e-7 at 10^10 s. */
static void test_erlang_a_to_c(void **state)
{
	wfm_queue_perf c, p;
	double prev = 1;

	(void)state;
	assert_int_equal(wfm_erlang_c_perf(10, 14, 180, 20, &c, NULL), WFM_OK);
	for (double pat = 1e2; pat <= 1e10; pat *= 10) {
		double gap;

		assert_int_equal(wfm_erlang_a_perf(10, 14, 180, pat, 20, &p, NULL), WFM_OK);
		gap = fmax(fabs(p.p_wait - c.p_wait), fabs(p.sl - c.sl));
		gap = fmax(gap, fabs(p.asa - c.asa) / c.asa);
		assert_true(gap < prev);
		if (pat >= 1e6)
			near(gap, prev / 10, 0.05, 0, "1/patience", (int)log10(pat));
		prev = gap;
	}
	assert_true(prev < 1e-7);
	assert_int_equal(wfm_erlang_a_perf(10, 14, 180, INFINITY, 20, &p, NULL), WFM_OK);
	near(p.sl, c.sl, 1e-15, 0, "infinite patience", 0);
}

static void test_erlang_a_edges(void **state)
{
	wfm_queue_perf p;
	wfm_err e = {0};

	(void)state;
	/* nobody staffed: everybody hangs up, ASA flagged */
	assert_int_equal(wfm_erlang_a_perf(5, 0, 300, 120, 20, &p, NULL), WFM_OK);
	assert_true(p.stable == 0 && p.answered == 0 && p.abandoned == 1 && isinf(p.asa));
	near(p.queue, 5.0 / 300 * 120, 1e-15, 0, "no agents queue", 0);
	/* no load */
	assert_int_equal(wfm_erlang_a_perf(0, 3, 300, 120, 20, &p, NULL), WFM_OK);
	assert_true(p.stable && p.answered == 1 && p.sl == 1 && p.p_wait == 0);
	assert_int_equal(wfm_erlang_a_perf(5, 3, 300, 0, 20, &p, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "patience"));
	/* heavy overload with a long patience is still summed */
	assert_int_equal(wfm_erlang_a_perf(1e4, 5000, 300, 1800, 20, &p, NULL), WFM_OK);
	no_nan(&p);
	near(p.answered, 0.5, 1e-3, 0, "half carried", 0);
}

/* ---- the callback model ---- */

struct cbcase {
	double calls, interval, aht, patience, cutoff;
	long n;
	double t, p_wait, sl, answered, abandoned, callback, asa, queue;
};

static const struct cbcase cbcases[] = {CALLBACK_CASES};

static void cb_eval(const struct cbcase *c, wfm_queue_perf *p)
{
	double pat = c->patience > 0 ? c->patience : INFINITY;

	assert_int_equal(wfm_callback_perf(c->calls * c->aht / c->interval, c->n, c->aht, pat,
					   c->cutoff, c->t, p, NULL), WFM_OK);
}

static void test_callback_reference(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cbcases / sizeof cbcases[0]; i++) {
		const struct cbcase *c = &cbcases[i];
		wfm_queue_perf p;

		cb_eval(c, &p);
		assert_int_equal(p.stable, 1);
		near(p.p_wait, c->p_wait, 1e-9, 1e-14, "cb p_wait", (int)i);
		near(p.sl, c->sl, 1e-9, 1e-14, "cb sl", (int)i);
		near(p.answered, c->answered, 1e-9, 1e-14, "cb answered", (int)i);
		near(p.abandoned, c->abandoned, 1e-9, 1e-14, "cb abandoned", (int)i);
		near(p.callback, c->callback, 1e-9, 1e-14, "cb callback", (int)i);
		near(p.asa, c->asa, 1e-9, 1e-12, "cb asa", (int)i);
		near(p.queue, c->queue, 1e-9, 1e-12, "cb queue", (int)i);
		near(p.answered + p.abandoned + p.callback, 1, 0, 1e-13, "cb sum", (int)i);
	}
}

/* The notes' figure: 60 calls per 15 min, AHT 300 s, mean patience 2.5 min,
 * callback at 150 s: 23 agents answer 95.5 % live, 22 do not reach 95 %. */
static void test_callback_1700(void **state)
{
	wfm_queue_perf p;

	(void)state;
	assert_int_equal(wfm_callback_perf(20, 23, 300, 150, 150, 150, &p, NULL), WFM_OK);
	near(p.answered, 0.955, 0, 0.5e-3, "23 agents", 0);
	assert_int_equal(wfm_callback_perf(20, 22, 300, 150, 150, 150, &p, NULL), WFM_OK);
	assert_true(p.answered < 0.95);
}

struct simrow {
	double calls, interval, aht, patience, cutoff;
	long n;
	double t;
	double m[6][2]; /* mean and standard error: p_wait sl answered abandoned callback asa */
};

static const struct simrow simrows[] = {CALLBACK_SIM};

/* The model against 2,000,000 simulated callers per case: within 4
 * standard errors of the batch means (a 95 % interval is 2.09). */
static void test_callback_simulation(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof simrows / sizeof simrows[0]; i++) {
		const struct simrow *s = &simrows[i];
		struct cbcase c = {s->calls, s->interval, s->aht, s->patience, s->cutoff, s->n,
				   s->t, 0, 0, 0, 0, 0, 0, 0};
		wfm_queue_perf p;
		double got[6];

		cb_eval(&c, &p);
		got[0] = p.p_wait, got[1] = p.sl, got[2] = p.answered;
		got[3] = p.abandoned, got[4] = p.callback, got[5] = p.asa;
		for (int k = 0; k < 6; k++)
			near(got[k], s->m[k][0], 0, 4 * s->m[k][1] + 1e-12, "simulation",
			     (int)i * 10 + k);
	}
}

/* Without a cut-off the callback model is Erlang A (computed by the other
 * method, the chain), and a cut-off far beyond the patience changes nothing. */
static void callback_vs_a(double a, long n, double pat, double t, int row)
{
	wfm_queue_perf ea, inf, far;

	assert_int_equal(wfm_erlang_a_perf(a, n, 240, pat, t, &ea, NULL), WFM_OK);
	assert_int_equal(wfm_callback_perf(a, n, 240, pat, INFINITY, t, &inf, NULL), WFM_OK);
	assert_int_equal(wfm_callback_perf(a, n, 240, pat, 80 * pat, t, &far, NULL), WFM_OK);
	near(inf.answered, ea.answered, 1e-15, 0, "T inf", row);
	near(far.p_wait, ea.p_wait, 1e-10, 1e-15, "T far p_wait", row);
	near(far.sl, ea.sl, 1e-10, 1e-15, "T far sl", row);
	near(far.answered, ea.answered, 1e-10, 1e-15, "T far answered", row);
	near(far.asa, ea.asa, 1e-10, 1e-13, "T far asa", row);
	near(far.queue, ea.queue, 1e-10, 1e-13, "T far queue", row);
	assert_true(far.callback < 1e-20);
}

static void test_callback_to_erlang_a(void **state)
{
	const double loads[] = {0.7, 8, 20, 95, 1200};
	const double pats[] = {30, 150, 600};
	/* long queues with long thresholds: the waits of Erlang A's chain need
	 * incomplete-beta terms that start below the smallest double */
	const double big[][4] = {{1160, 1000, 1800, 300}, {1160, 1000, 1800, 600},
				 {5000, 4900, 600, 400}, {12000, 10000, 3600, 500},
				 {12000, 10000, 3600, 700}, {300, 310, 60, 1e4}};

	(void)state;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++)
		for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++)
			for (double f = 0.9; f < 1.25; f += 0.15)
				callback_vs_a(loads[i], (long)ceil(loads[i] * f), pats[k], 30,
					      (int)(i * 10 + k));
	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++)
		callback_vs_a(big[i][0], (long)big[i][1], big[i][2], big[i][3], 100 + (int)i);
}

/* The cut-off keeps an overloaded line stable; big loads neither overflow
 * nor lose the sum of the fractions. */
static void callback_sane(double a, long n, int row)
{
	wfm_queue_perf p, q;

	assert_int_equal(wfm_callback_perf(a, n, 300, 150, 150, 20, &p, NULL), WFM_OK);
	assert_int_equal(wfm_callback_perf(a, n, 300, INFINITY, 150, 20, &q, NULL), WFM_OK);
	no_nan(&p);
	no_nan(&q);
	near(p.answered + p.abandoned + p.callback, 1, 0, 1e-12, "sum", row);
	near(q.answered + q.callback, 1, 0, 1e-12, "sum without abandon", row);
	assert_true(a * p.answered <= (double)n * (1 + 1e-9));
	assert_true(a * q.answered <= (double)n * (1 + 1e-9));
	assert_true(p.stable && q.stable && p.asa <= 150 && q.asa <= 150);
}

static void test_callback_overload(void **state)
{
	const double loads[] = {3, 50, 1000, 1e4};

	(void)state;
	for (size_t i = 0; i < sizeof loads / sizeof loads[0]; i++)
		for (double f = 0.5; f < 1.3; f += 0.1)
			callback_sane(loads[i], (long)ceil(loads[i] * f), (int)i);
}

static void test_callback_bad_args(void **state)
{
	wfm_queue_perf p;
	wfm_err e = {0};

	(void)state;
	assert_int_equal(wfm_callback_perf(5, 3, 300, 100, -1, 20, &p, &e), WFM_EUSAGE);
	assert_non_null(strstr(e.msg, "cut-off"));
	assert_int_equal(wfm_callback_perf(5, 3, 300, -5, 150, 20, &p, &e), WFM_EUSAGE);
	/* neither patience nor cut-off: Erlang C, unstable when n <= A */
	assert_int_equal(wfm_callback_perf(5, 5, 300, INFINITY, INFINITY, 20, &p, &e), WFM_OK);
	assert_int_equal(p.stable, 0);
	/* a cut-off of 0: whoever would wait gets a callback at once */
	assert_int_equal(wfm_callback_perf(5, 5, 300, 120, 0, 20, &p, &e), WFM_OK);
	near(p.callback, p.p_wait, 1e-12, 0, "cut-off 0", 0);
	near(p.answered, 1 - p.p_wait, 1e-12, 0, "cut-off 0", 1);
	near(p.p_wait, wfm_erlang_b(5, 5), 1e-12, 0, "cut-off 0 is erlang b", 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_erlang_c_grid),
		cmocka_unit_test(test_erlang_c_published),
		cmocka_unit_test(test_erlang_c_overload),
		cmocka_unit_test(test_erlang_b_range),
		cmocka_unit_test(test_erlang_c_bad_args),
		cmocka_unit_test(test_erlang_a_reference),
		cmocka_unit_test(test_erlang_a_flow_balance),
		cmocka_unit_test(test_erlang_a_to_c),
		cmocka_unit_test(test_erlang_a_edges),
		cmocka_unit_test(test_callback_reference),
		cmocka_unit_test(test_callback_1700),
		cmocka_unit_test(test_callback_simulation),
		cmocka_unit_test(test_callback_to_erlang_a),
		cmocka_unit_test(test_callback_overload),
		cmocka_unit_test(test_callback_bad_args),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
