/* plan_solve.c - the solve strategy.
 *
 *  1. Prepare the instance and rule out input no plan can satisfy, naming
 *     the agent, day and rule (plan_explain.c); build the MIP.
 *  2. Construct a roster and polish it by local search (plan_search.c), so
 *     that there is a plan from the first seconds.
 *  3. The bound.  When the interior point is expected to end in the time
 *     left, the LP relaxation in a child process (plan_lpchild.c), killed
 *     at its deadline or on a stop request; its optimum is rounded into a
 *     roster (plan_round.c) and polished.  Then, or when the LP did not run
 *     or end, the Lagrangian bound (plan_lagr.c), started from the LP's
 *     duals when there are any, until the gap target or the end of its
 *     slice of the time.
 *  4. On small models (exact break counts) with the gap still open, GLPK's
 *     branch-and-cut from a simplex basis (presolver off), handed the best
 *     roster through glp_ios_heur_sol; every better integer solution GLPK
 *     finds is read back, improved and handed back.  The callback reports
 *     progress, tightens the bound and stops on the caller's request or
 *     the gap.
 *  5. Local search to the end (less the time the last roster takes to read
 *     back), and the best roster read back into a result.
 * The reported objective is always the exact cost of the returned roster,
 * the bound the best of the LP's, the Lagrangian's and branch-and-cut's
 * (each a relaxation of every roster's cost), or 0.
 */
#include "plan_impl.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


typedef struct pl_solve {
	pl_ctx c;
	wfm_plan_options o;
	pl_clock k;
	pl_roster *best, *work;
	pl_flow *flow;
	double *x;
	double *dual;   /* [1..rows] the LP's row duals */
	double bound;
	double offer_max; /* seconds the slowest offer() took */
	int have_best;
	int supplied;
	int stopped;
	int nomem;      /* an allocation failed: the solve ends with that error */
	int finished;   /* branch-and-cut explored the whole tree */
	int ipt;        /* the root was solved by the interior-point method */
	double last_report, last_obj, last_bound; /* at the last report */
	const char *phase;
	unsigned seed;
	jmp_buf jb;
} pl_solve;

/* The relative gap; differences within the 1e-7 the bound is lowered by
 * for the solver's tolerance (solve_lp) count as none, so --gap 0 can be
 * proven. */
static double gap_of(double obj, double bound)
{
	if (obj <= 1e-9 || obj - bound <= 2e-7 * obj + 2e-9)
		return 0;
	return (obj - bound) / obj;
}

/* Tells the caller's progress function: always when `force`, else when the
 * plan or the bound changed since the last report (at most twenty times a
 * second) or half a second has passed. */
static void report(pl_solve *s, int force)
{
	wfm_plan_progress p;
	double now = wfm_pl_elapsed(&s->k);

	if (!s->o.progress)
		return;
	p.objective = s->have_best ? s->best->cost : -1;
	p.bound = s->bound > -HUGE_VAL ? s->bound : -1;
	if (!force && now - s->last_report < 0.5 &&
	    ((p.objective == s->last_obj && p.bound == s->last_bound) ||
	     now - s->last_report < 0.05))
		return;
	s->last_report = now;
	s->last_obj = p.objective;
	s->last_bound = p.bound;
	p.seconds = now;
	p.gap = s->have_best && s->bound > -HUGE_VAL ? gap_of(s->best->cost, s->bound) : -1;
	p.phase = s->phase;
	if (s->o.progress(&p, s->o.ctx))
		s->stopped = 1;
}

/* GLPK switches its terminal output back on to report an error: this hook
 * keeps the library silent. */
static int swallow(void *info, const char *text)
{
	(void)info;
	(void)text;
	return 1;
}

static void glpk_failed(void *info)
{
	pl_solve *s = info;

	longjmp(s->jb, 1);
}

/* Out of memory somewhere in the search: everything stops (the clock's
 * flag) and the solve fails with that error, never a plan that the missing
 * memory made worse.  Returns 0. */
static int nomem(pl_solve *s)
{
	s->nomem = 1;
	s->stopped = 1;
	return 0;
}

/* Lines, cost; keeps r as the best when it is better.  Returns 1 then. */
static int offer(pl_solve *s, pl_roster *r)
{
	double t0 = wfm_pl_elapsed(&s->k);

	if (wfm_pl_fill_flow(&s->c, r, s->flow) || wfm_pl_lines_from_flow(&s->c, r, s->flow))
		return nomem(s);
	if (wfm_pl_evaluate(&s->c, r) == HUGE_VAL)
		return nomem(s);
	t0 = wfm_pl_elapsed(&s->k) - t0;
	if (t0 > s->offer_max)
		s->offer_max = t0;
	if (s->have_best && r->cost >= s->best->cost - 1e-9)
		return 0;
	wfm_pl_roster_copy(&s->c, s->best, r);
	s->have_best = 1;
	s->supplied = 0;
	return 1;
}

/* The cost at which the gap target is met. */
static double target_of(const pl_solve *s)
{
	if (s->bound <= 0)
		return 1e-9;
	return s->bound / (1 - s->o.gap) - 1e-9;
}

/* Progress from inside the search: the cost it reports is exact, but the
 * roster stays in the search until it returns. */
static void search_better(void *ctx, double cost)
{
	pl_solve *s = ctx;
	double keep = s->best->cost;

	if (cost >= keep)
		return;
	s->best->cost = cost;
	report(s, 0);
	s->best->cost = keep;
}

static void improve(pl_solve *s, double until)
{
	const char *was = s->phase;
	pl_hook hook = {search_better, NULL};

	if (!s->have_best)
		return;
	hook.ctx = s;
	s->phase = "search";
	wfm_pl_roster_copy(&s->c, s->work, s->best);
	if (wfm_pl_improve(&s->c, s->work, s->flow, &s->k, until, target_of(s), &hook, &s->seed) == 0)
		offer(s, s->work);
	else
		nomem(s);
	s->phase = was;
}

static void callback(glp_tree *T, void *info)
{
	pl_solve *s = info;
	glp_prob *P = glp_ios_get_prob(T);
	int reason = glp_ios_reason(T), p, j;

	if (reason == GLP_IBINGO) {
		/* GLPK found a better solution of the model: read it back as a
		 * roster and polish it briefly */
		for (j = 1; j <= s->c.ncols; j++)
			s->x[j] = glp_mip_col_val(P, j);
		if (wfm_pl_roster_from_lp(&s->c, s->x, s->work, &s->seed) == 0 && offer(s, s->work)) {
			double rest = s->k.limit - wfm_pl_elapsed(&s->k);

			improve(s, wfm_pl_elapsed(&s->k) + (rest > 10 ? 2 : rest / 5));
		}
	}
	if (reason == GLP_IHEUR && s->have_best && !s->supplied) {
		if (wfm_pl_roster_to_x(&s->c, s->best, s->x) == 0)
			glp_ios_heur_sol(T, s->x);
		s->supplied = 1;
	}
	p = glp_ios_best_node(T);
	if (p) {
		double b = glp_ios_node_bound(T, p);

		if (b > s->bound)
			s->bound = b;
	}
	report(s, 0);
	if (s->stopped || wfm_pl_should_stop(&s->k) ||
	    (s->have_best && gap_of(s->best->cost, s->bound) <= s->o.gap))
		glp_ios_terminate(T);
}

static void lp_tick(void *ctx)
{
	report(ctx, 0);
}

/* The root relaxation by the interior-point method (several times faster
 * than GLPK's simplex on this model), in a child process so that the time
 * limit and stop requests hold (plan_lpchild.c); given up at `until`.  Its
 * value, less a relative 1e-7 for the solver's tolerance, is the first
 * bound, its solution is left in s->x.  Returns WFM_OK with s->ipt set when
 * the LP was solved, WFM_OK with s->ipt clear when it was cut short or
 * failed (the caller falls back to the Lagrangian bound), WFM_EDATA when
 * the rules leave no plan. */
static int solve_lp(pl_solve *s, double until, wfm_err *e)
{
	pl_lp_job job;
	int r;

	memset(&job, 0, sizeof job);
	job.until = until;
	job.x = s->x;
	job.dual = s->dual;
	job.tick = lp_tick;
	job.ctx = s;
	s->phase = "lp";
	report(s, 1);
	r = wfm_pl_lp_fork(s->c.P, &s->k, &job);
	if (r == PL_LP_INFEASIBLE && !s->have_best)
		return wfm_pl_diagnose_lp(&s->c, e);
	/* with a roster in hand the rules are satisfiable: an "infeasible" LP
	 * is the interior point's numerical trouble, and the bound falls back */
	if (r != PL_LP_OK)
		return WFM_OK;
	s->bound = job.obj - 1e-7 * (job.obj > 0 ? job.obj : -job.obj) - 1e-9;
	s->ipt = 1;
	return WFM_OK;
}

/* A simplex basis for branch-and-cut (which needs one): primal simplex
 * with the LP presolver.  Returns 0 when an optimal basis is there. */
static int simplex_basis(pl_solve *s)
{
	glp_smcp sp;
	double left = s->k.limit - wfm_pl_elapsed(&s->k);

	if (left < 0.05)
		return -1;
	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	sp.meth = GLP_PRIMAL;
	sp.presolve = GLP_ON;
	sp.tm_lim = (int)(1000 * left);
	if (glp_simplex(s->c.P, &sp) != 0 || glp_get_status(s->c.P) != GLP_OPT)
		return -1;
	return 0;
}

static void branch_and_cut(pl_solve *s)
{
	glp_iocp ip;
	double left = s->k.limit - wfm_pl_elapsed(&s->k);
	int r;

	if (left < 0.1 || s->stopped || simplex_basis(s))
		return;
	/* the simplex may have taken the rest of the time (a loaded machine,
	 * a short limit): GLPK rejects a negative tm_lim as an error */
	left = s->k.limit - wfm_pl_elapsed(&s->k);
	if (left < 0.05)
		return;
	glp_init_iocp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	ip.presolve = GLP_OFF;
	ip.cb_func = callback;
	ip.cb_info = s;
	ip.tm_lim = (int)(1000 * 0.6 * left) + 1;
	ip.mip_gap = s->o.gap;
	ip.br_tech = GLP_BR_PCH;
	ip.bt_tech = GLP_BT_BLB;
	s->phase = "branch-and-cut";
	report(s, 1);
	r = glp_intopt(s->c.P, &ip);
	if (r == 0 && glp_mip_status(s->c.P) == GLP_OPT) {
		double v = glp_mip_obj_val(s->c.P);

		s->finished = 1;
		if (v > s->bound)
			s->bound = v;
	}
}

/* Seconds GLPK's interior point is expected to take on the model.  The
 * time depends on the fill of its Cholesky factor more than on the size;
 * measured on this kind of machine: 5.8 s at 86,000 non-zeros, 20.6 s and
 * 50.7 s at 115,000 and 121,000, 217 s at 199,000.  6 s times the fifth
 * power of the size ratio covers all but the worst of these.  The LP runs
 * in a child that is killed at its deadline, so a wrong guess costs time,
 * never the time limit. */
static double lp_seconds(const pl_solve *s)
{
	return 6.0 * pow(glp_get_num_nz(s->c.P) / 87000.0, 5.0);
}

/* A better Lagrangian bound, as the ascent finds it: reported at once. */
static void lagr_better(void *ctx, double lb)
{
	pl_solve *s = ctx;

	/* every term of the cost is >= 0: a bound of 0 or less is none */
	if (lb > s->bound && lb > 0) {
		s->bound = lb;
		report(s, 0);
	}
}

/* The Lagrangian bound (plan_lagr.c) for a slice of the time, with prices
 * from the LP's duals when the LP was solved, else from the best roster;
 * it stops early once the gap target is met. */
static void lagrange_bound(pl_solve *s, double slice)
{
	size_t cells = (size_t)s->c.D * (size_t)s->c.T * (size_t)s->c.L, i;
	double lb, *pi = NULL;
	pl_hook hook = {lagr_better, NULL};

	if (s->ipt && (pi = malloc((cells + 1) * sizeof *pi)) != NULL)
		for (i = 0; i < cells; i++)
			pi[i] = s->c.row_cover[i] ? s->dual[s->c.row_cover[i]] : 0;
	hook.ctx = s;
	s->phase = "bound";
	report(s, 1);
	lb = wfm_pl_lagrange(&s->c, s->best, s->best->cost, s->best->cost * (1 - s->o.gap), &s->k,
			 wfm_pl_elapsed(&s->k) + slice, pi, &hook);
	free(pi);
	/* every term of the cost is >= 0: a bound of 0 or less is none */
	if (lb > s->bound && lb > 0)
		s->bound = lb;
}

static int run(pl_solve *s, const wfm_plan_input *in, wfm_plan_result **out, wfm_err *e)
{
	int r, tries;
	double left;

	if ((r = wfm_pl_prepare(&s->c, in, e)) != 0 || (r = wfm_pl_diagnose(&s->c, e)) != 0)
		return r;
	s->best = wfm_pl_roster_new(&s->c);
	s->work = wfm_pl_roster_new(&s->c);
	s->flow = wfm_pl_flow_new(&s->c);
	if (!s->best || !s->work || !s->flow)
		return wfm_err_nomem(e);
	/* 0. the service objective's decisions, whatever the clock says: the
	 * first roster, the training slots, the leave (plan_decide.c) */
	if (s->c.svc_mode) {
		s->phase = "decide";
		report(s, 1);
		r = wfm_pl_decide(&s->c, s->work, s->flow, &s->k, &s->seed);
		if (r == -1)
			return wfm_err_nomem(e);
		if (r == -2)
			return wfm_err_set(e, WFM_EDATA, "no plan found: the heuristics could not "
					   "staff the trainings within the rules");
		offer(s, s->work);
	}
	if ((r = wfm_pl_build_model(&s->c, e)) != 0)
		return r;
	s->x = malloc(((size_t)s->c.ncols + 1) * sizeof *s->x);
	s->dual = malloc(((size_t)glp_get_num_rows(s->c.P) + 1) * sizeof *s->dual);
	if (!s->x || !s->dual)
		return wfm_err_nomem(e);
	/* 1. a plan from nothing, polished briefly, so that there always is one */
	if (!s->c.svc_mode) {
		s->phase = "construct";
		r = wfm_pl_construct(&s->c, s->work, s->flow, &s->k, &s->seed);
		/* the trainings may fail in one order of the agents and not another */
		for (tries = 1; r == -2 && tries < 50 && !wfm_pl_should_stop(&s->k); tries++)
			r = wfm_pl_construct(&s->c, s->work, s->flow, &s->k, &s->seed);
		if (r == -1)
			return wfm_err_nomem(e);
		if (r == 0)
			offer(s, s->work);
	}
	/* a bound at once: the Lagrangian from the prices the first roster
	 * implies, for a second at most, so that a stop from then on ends
	 * with a bound.  One evaluation takes a fraction of a second, but
	 * under a shortage its value is often below 0, no bound, and the
	 * first steps raise it: the sample week -5.4 at the start, 29 after
	 * 50 steps (1 s of CPU) */
	left = s->k.limit - wfm_pl_elapsed(&s->k);
	if (s->have_best)
		lagrange_bound(s, left * 0.02 < 1 ? left * 0.02 : 1);
	report(s, 1);
	left = s->k.limit - wfm_pl_elapsed(&s->k);
	if (s->have_best && lp_seconds(s) > 0.05 * left)
		improve(s, wfm_pl_elapsed(&s->k) + (left * 0.1 < 5 ? left * 0.1 : 5));
	/* 2. the bound: the LP relaxation when it is expected to end in the
	 * time (in a child process, killed at its deadline); the Lagrangian
	 * bound when the LP did not run or end, or after it when the gap is
	 * still open (not on small models: branch-and-cut does better there):
	 * whole weeks per agent can lift it above the LP (on a 125-agent week
	 * from 243.2 to 245.1-245.8) */
	left = s->k.limit - wfm_pl_elapsed(&s->k);
	if (!wfm_pl_should_stop(&s->k) && lp_seconds(s) < 0.4 * left &&
	    !(s->have_best && gap_of(s->best->cost, s->bound) <= s->o.gap)) {
		if ((r = solve_lp(s, wfm_pl_elapsed(&s->k) + 0.7 * left, e)) != 0)
			return r;
		report(s, 1);
	}
	left = s->k.limit - wfm_pl_elapsed(&s->k);
	if (s->ipt) {
		s->phase = "heuristic";
		if (wfm_pl_roster_from_lp(&s->c, s->x, s->work, &s->seed) == 0 && offer(s, s->work) &&
		    !s->c.exact)
			improve(s, wfm_pl_elapsed(&s->k) + (left * 0.2 < 2 ? left * 0.2 : 2));
		left = s->k.limit - wfm_pl_elapsed(&s->k);
		if (s->have_best && !s->c.exact && gap_of(s->best->cost, s->bound) > s->o.gap &&
		    !wfm_pl_should_stop(&s->k))
			lagrange_bound(s, left * 0.3 < 10 ? left * 0.3 : 10);
	} else if (s->have_best && gap_of(s->best->cost, s->bound) > s->o.gap &&
		   !wfm_pl_should_stop(&s->k)) {
		/* up to 0.7 of the time left: the ascent stops itself when the
		 * bound stalls (plan_lagr.c); not when the first second's bound
		 * and the polished roster meet the gap already (it would climb
		 * from the new roster's prices to no better bound) */
		lagrange_bound(s, 0.7 * left);
	}
	if (s->nomem)
		return wfm_err_nomem(e);
	if (!s->have_best && wfm_pl_should_stop(&s->k))
		return wfm_err_set(e, WFM_ETIMEOUT, "no plan found in %.1f s: the %s came first; "
				   "allow more time (--time-limit)", wfm_pl_elapsed(&s->k),
				   s->k.stop && *s->k.stop ? "stop request" : "time limit");
	if (!s->have_best)
		return wfm_err_set(e, WFM_EDATA, "no plan found: the heuristics could not staff "
				   "the trainings within the rules");
	report(s, 1);
	/* 3. on a small model (exact break counts), GLPK's branch-and-cut from
	 * the LP, fed the best roster; it can prove the optimum */
	if (s->ipt && s->c.exact && gap_of(s->best->cost, s->bound) > s->o.gap &&
	    !wfm_pl_should_stop(&s->k))
		branch_and_cut(s);
	/* 4. search to the end, less the time its last roster takes to read
	 * back (a third of a second at 1,500 agents): the solve ends on time */
	if (gap_of(s->best->cost, s->bound) > s->o.gap && !wfm_pl_should_stop(&s->k))
		improve(s, s->k.limit - 1.5 * s->offer_max);
	if (s->nomem)
		return wfm_err_nomem(e);
	s->phase = "done";
	report(s, 1);
	/* every term of the cost is >= 0: 0 bounds when nothing better does */
	return wfm_pl_make_result(&s->c, s->best, s->bound > 0 ? s->bound : 0,
				  wfm_pl_elapsed(&s->k), out, e);
}

int wfm_plan_solve(const wfm_plan_input *in, const wfm_plan_options *opt,
		   wfm_plan_result **out, wfm_err *e)
{
	pl_solve *s = calloc(1, sizeof *s);
	int r;

	*out = NULL;
	if (!s)
		return wfm_err_nomem(e);
	if (opt)
		s->o = *opt;
	else
		wfm_plan_options_default(&s->o);
	clock_gettime(CLOCK_MONOTONIC, &s->k.t0);
	s->k.limit = s->o.time_limit > 0 ? s->o.time_limit : 1e9;
	s->k.stop = s->o.stop;
	s->k.flag = &s->stopped;
	s->seed = s->o.seed ? s->o.seed : 1;
	s->bound = -HUGE_VAL;
	s->phase = "prepare";
	glp_term_out(GLP_OFF);
	glp_term_hook(swallow, NULL);
	if (setjmp(s->jb) == 0) {
		glp_error_hook(glpk_failed, s);
		r = run(s, in, out, e);
		glp_error_hook(NULL, NULL);
	} else {
		/* GLPK hit an internal error: its memory is gone with its problem */
		glp_error_hook(NULL, NULL);
		glp_free_env();
		glp_term_out(GLP_OFF);
		s->c.P = NULL;
		r = wfm_err_set(e, WFM_EINTERNAL, "glpk failed inside the solver");
	}
	glp_term_hook(NULL, NULL);
	if (r == WFM_OK && *out) {
		if (s->stopped || (s->o.stop && *s->o.stop))
			(*out)->status = gap_of((*out)->objective, (*out)->bound) <= s->o.gap ?
				WFM_PLAN_OPTIMAL : WFM_PLAN_STOPPED;
		else
			(*out)->status = gap_of((*out)->objective, (*out)->bound) <= s->o.gap ?
				WFM_PLAN_OPTIMAL : WFM_PLAN_TIME_LIMIT;
	}
	wfm_pl_roster_free(s->best);
	wfm_pl_roster_free(s->work);
	wfm_pl_flow_free(s->flow);
	free(s->x);
	free(s->dual);
	wfm_pl_release(&s->c);
	free(s);
	return r;
}

int wfm_plan_write_lp(const wfm_plan_input *in, const char *path, wfm_err *e)
{
	pl_ctx c;
	int r;

	glp_term_out(GLP_OFF);
	if ((r = wfm_pl_prepare(&c, in, e)) != 0 || (r = wfm_pl_diagnose(&c, e)) != 0 ||
	    (r = wfm_pl_build_model(&c, e)) != 0) {
		wfm_pl_release(&c);
		return r;
	}
	if (glp_write_lp(c.P, NULL, path) != 0)
		r = wfm_err_set(e, WFM_EIO, "cannot write the model to '%s'", path);
	wfm_pl_release(&c);
	return r;
}
