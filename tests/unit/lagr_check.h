/* lagr_check.h - the check test_plan_brute and test_plan_lagr share: the
 * Lagrangian bound of a week, started from a constructed roster's prices
 * and from the LP's duals on the cover rows, is never above the week's
 * optimum `want` (found independently by the caller).  Include after
 * cmocka.h and plan_impl.h. */
#ifndef WFM_LAGR_CHECK_H
#define WFM_LAGR_CHECK_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* `seed` drives the constructed roster, `slice` is the seconds each bound
 * may take; `verbose` prints the bounds (cmocka's print_message). */
static void lagr_check_below(const wfm_plan_input *in, double want, unsigned seed, double slice,
			     int verbose)
{
	pl_ctx c;
	pl_roster *r;
	pl_flow *f;
	pl_clock k;
	wfm_err e = {0};
	glp_smcp sp;
	double lb, *pi;
	size_t cells, i;

	assert_int_equal(wfm_pl_prepare(&c, in, &e), 0);
	assert_int_equal(wfm_pl_diagnose(&c, &e), 0);
	assert_int_equal(wfm_pl_build_model(&c, &e), 0);
	memset(&k, 0, sizeof k);
	clock_gettime(CLOCK_MONOTONIC, &k.t0);
	k.limit = 60;
	r = wfm_pl_roster_new(&c);
	f = wfm_pl_flow_new(&c);
	assert_non_null(r);
	assert_non_null(f);
	assert_int_equal(wfm_pl_construct(&c, r, f, &k, &seed), 0);
	assert_int_equal(wfm_pl_fill_flow(&c, r, f), 0);
	assert_int_equal(wfm_pl_lines_from_flow(&c, r, f), 0);
	wfm_pl_evaluate(&c, r);
	lb = wfm_pl_lagrange(&c, r, r->cost, HUGE_VAL, &k, wfm_pl_elapsed(&k) + slice, NULL, NULL);
	if (verbose)
		print_message("optimum %.6f, lagrange from the roster %.6f\n", want, lb);
	if (lb > want + 1e-7)
		fail_msg("lagrange bound %.9f above the optimum %.9f", lb, want);
	/* the LP's duals of the cover rows as the first prices */
	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	assert_int_equal(glp_simplex(c.P, &sp), 0);
	assert_int_equal(glp_get_status(c.P), GLP_OPT);
	cells = (size_t)c.D * (size_t)c.T * (size_t)c.L;
	pi = calloc(cells + 1, sizeof *pi);
	assert_non_null(pi);
	for (i = 0; i < cells; i++)
		pi[i] = c.row_cover[i] ? glp_get_row_dual(c.P, c.row_cover[i]) : 0;
	lb = wfm_pl_lagrange(&c, r, r->cost, HUGE_VAL, &k, wfm_pl_elapsed(&k) + slice, pi, NULL);
	if (verbose)
		print_message("lp %.6f, lagrange from the duals %.6f\n", glp_get_obj_val(c.P), lb);
	if (lb > want + 1e-7)
		fail_msg("lagrange bound %.9f (from the lp) above the optimum %.9f", lb, want);
	free(pi);
	wfm_pl_flow_free(f);
	wfm_pl_roster_free(r);
	wfm_pl_release(&c);
}

#endif
