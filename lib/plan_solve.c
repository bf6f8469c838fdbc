/* plan_solve.c - the solve strategy.
 *
 *  1. Prepare the instance and rule out input no plan can satisfy, naming
 *     the agent, day and rule (plan_explain.c).
 *  2. Build the MIP and solve its LP relaxation with the dual simplex: its
 *     value is the first proven bound.
 *  3. Round the LP optimum into an individual roster that keeps every hard
 *     rule (plan_round.c) and improve it by local search (plan_search.c).
 *  4. If the gap is still above the target, run GLPK's branch-and-cut from
 *     the LP basis (presolver off), handing it the best roster through
 *     glp_ios_heur_sol; every better integer solution GLPK finds is read
 *     back, improved and handed back.  The callback reports progress,
 *     tightens the bound and stops on the caller's request or the gap.
 *  5. Read the best roster back into a result.
 * The reported objective is always the exact cost of the returned roster,
 * the bound always the model's (a relaxation of every roster's cost).
 */
#include "plan_impl.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"

typedef struct pl_solve {
	pl_ctx c;
	wfm_plan_options o;
	pl_clock k;
	pl_roster *best, *work;
	pl_flow *flow;
	double *x;
	double bound;
	int have_best;
	int supplied;
	int stopped;
	int finished;   /* branch-and-cut explored the whole tree */
	int ipt;        /* the root was solved by the interior-point method */
	double last_report;
	const char *phase;
	unsigned seed;
	jmp_buf jb;
} pl_solve;

double pl_elapsed(const pl_clock *k)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - k->t0.tv_sec) + (now.tv_nsec - k->t0.tv_nsec) * 1e-9;
}

int pl_should_stop(const pl_clock *k)
{
	return (k->stop && *k->stop) || (k->flag && *k->flag) || pl_elapsed(k) >= k->limit;
}

static double gap_of(double obj, double bound)
{
	if (obj <= 1e-9)
		return 0;
	return obj - bound > 0 ? (obj - bound) / obj : 0;
}

static void report(pl_solve *s, int force)
{
	wfm_plan_progress p;
	double now = pl_elapsed(&s->k);

	if (!s->o.progress || (!force && now - s->last_report < 0.5))
		return;
	s->last_report = now;
	p.seconds = now;
	p.objective = s->have_best ? s->best->cost : -1;
	p.bound = s->bound > -HUGE_VAL ? s->bound : -1;
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

/* Lines, cost; keeps r as the best when it is better.  Returns 1 then. */
static int offer(pl_solve *s, pl_roster *r)
{
	if (pl_fill_flow(&s->c, r, s->flow) || pl_lines_from_flow(&s->c, r, s->flow))
		return 0;
	pl_evaluate(&s->c, r);
	if (s->have_best && r->cost >= s->best->cost - 1e-9)
		return 0;
	pl_roster_copy(&s->c, s->best, r);
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
	pl_roster_copy(&s->c, s->work, s->best);
	if (pl_improve(&s->c, s->work, s->flow, &s->k, until, target_of(s), &hook, &s->seed) == 0)
		offer(s, s->work);
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
		if (pl_roster_from_lp(&s->c, s->x, s->work, &s->seed) == 0 && offer(s, s->work)) {
			double rest = s->k.limit - pl_elapsed(&s->k);

			improve(s, pl_elapsed(&s->k) + (rest > 10 ? 2 : rest / 5));
		}
	}
	if (reason == GLP_IHEUR && s->have_best && !s->supplied) {
		if (pl_roster_to_x(&s->c, s->best, s->x) == 0)
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
	if (s->stopped || pl_should_stop(&s->k) ||
	    (s->have_best && gap_of(s->best->cost, s->bound) <= s->o.gap))
		glp_ios_terminate(T);
}

/* The root relaxation by the interior-point method (several times faster
 * than GLPK's simplex on this model); its value, less a relative 1e-7 for
 * the solver's tolerance, is the first bound. */
static int solve_lp(pl_solve *s, wfm_err *e)
{
	glp_iptcp ip;
	int r, st;

	glp_init_iptcp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	s->phase = "lp";
	report(s, 1);
	r = glp_interior(s->c.P, &ip);
	st = glp_ipt_status(s->c.P);
	if (r == GLP_ENOFEAS || st == GLP_NOFEAS || st == GLP_INFEAS)
		return pl_diagnose_lp(&s->c, e);
	if (r != 0 || st != GLP_OPT)
		return wfm_err_set(e, WFM_EINTERNAL, "glpk interior point failed (code %d, status %d)",
				   r, st);
	s->bound = glp_ipt_obj_val(s->c.P);
	s->bound -= 1e-7 * (s->bound > 0 ? s->bound : -s->bound) + 1e-9;
	s->ipt = 1;
	return WFM_OK;
}

/* A simplex basis for branch-and-cut (which needs one): primal simplex
 * with the LP presolver.  Returns 0 when an optimal basis is there. */
static int simplex_basis(pl_solve *s)
{
	glp_smcp sp;
	double left = s->k.limit - pl_elapsed(&s->k);

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
	double left = s->k.limit - pl_elapsed(&s->k);
	int r;

	if (left < 0.1 || s->stopped || simplex_basis(s))
		return;
	left = s->k.limit - pl_elapsed(&s->k);
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
 * power of the size ratio covers all but the worst of these.  The interior
 * point cannot be interrupted, so it runs only when the estimate is well
 * within the time left. */
static double lp_seconds(const pl_solve *s)
{
	return 6.0 * pow(glp_get_num_nz(s->c.P) / 87000.0, 5.0);
}

/* The Lagrangian bound when the LP does not fit: prices start from the best
 * roster and follow the subgradient for a slice of the time. */
static void lagrange_bound(pl_solve *s, double slice)
{
	double lb;

	s->phase = "bound";
	report(s, 1);
	lb = pl_lagrange(&s->c, s->best, s->best->cost, &s->k, pl_elapsed(&s->k) + slice, NULL);
	if (lb > s->bound)
		s->bound = lb;
}

static int run(pl_solve *s, const wfm_plan_input *in, wfm_plan_result **out, wfm_err *e)
{
	int r, j;
	double left;

	if ((r = pl_prepare(&s->c, in, e)) != 0 || (r = pl_diagnose(&s->c, e)) != 0)
		return r;
	if ((r = pl_build_model(&s->c, e)) != 0)
		return r;
	s->best = pl_roster_new(&s->c);
	s->work = pl_roster_new(&s->c);
	s->flow = pl_flow_new(&s->c);
	s->x = malloc(((size_t)s->c.ncols + 1) * sizeof *s->x);
	if (!s->best || !s->work || !s->flow || !s->x)
		return wfm_err_nomem(e);
	/* 1. a plan from nothing, polished briefly, so that there always is one */
	s->phase = "construct";
	r = pl_construct(&s->c, s->work, s->flow, &s->k, &s->seed);
	if (r == -1)
		return wfm_err_nomem(e);
	if (r == 0)
		offer(s, s->work);
	report(s, 1);
	left = s->k.limit - pl_elapsed(&s->k);
	if (s->have_best && lp_seconds(s) > 0.05 * left)
		improve(s, pl_elapsed(&s->k) + (left * 0.1 < 5 ? left * 0.1 : 5));
	/* 2. the bound: the LP relaxation when it fits in the time, else the
	 * Lagrangian bound */
	left = s->k.limit - pl_elapsed(&s->k);
	if (!pl_should_stop(&s->k) && lp_seconds(s) < 0.4 * left) {
		if ((r = solve_lp(s, e)) != 0)
			return r;
		report(s, 1);
		s->phase = "heuristic";
		for (j = 1; j <= s->c.ncols; j++)
			s->x[j] = glp_ipt_col_prim(s->c.P, j);
		if (pl_roster_from_lp(&s->c, s->x, s->work, &s->seed) == 0 && offer(s, s->work) &&
		    !s->c.exact) {
			left = s->k.limit - pl_elapsed(&s->k);
			improve(s, pl_elapsed(&s->k) + (left * 0.2 < 2 ? left * 0.2 : 2));
		}
	} else if (s->have_best && !pl_should_stop(&s->k)) {
		lagrange_bound(s, 0.15 * left);
	}
	if (!s->have_best)
		return wfm_err_set(e, WFM_EDATA, "the trainings could not be staffed");
	report(s, 1);
	/* 3. on a small model (exact break counts), GLPK's branch-and-cut from
	 * the LP, fed the best roster; it can prove the optimum */
	if (s->ipt && s->c.exact && gap_of(s->best->cost, s->bound) > s->o.gap &&
	    !pl_should_stop(&s->k))
		branch_and_cut(s);
	/* 4. search to the end */
	if (gap_of(s->best->cost, s->bound) > s->o.gap && !pl_should_stop(&s->k))
		improve(s, s->k.limit);
	s->phase = "done";
	report(s, 1);
	return pl_make_result(&s->c, s->best, s->bound, pl_elapsed(&s->k), out, e);
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
			(*out)->status = (*out)->gap <= s->o.gap ? WFM_PLAN_OPTIMAL : WFM_PLAN_STOPPED;
		else
			(*out)->status = (*out)->gap <= s->o.gap ? WFM_PLAN_OPTIMAL
								 : WFM_PLAN_TIME_LIMIT;
	}
	pl_roster_free(s->best);
	pl_roster_free(s->work);
	pl_flow_free(s->flow);
	free(s->x);
	pl_release(&s->c);
	free(s);
	return r;
}

static int copy_file(const char *from, FILE *to)
{
	FILE *f = fopen(from, "rb");
	char buf[65536];
	size_t n;
	int bad = 0;

	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			bad = 1;
	if (ferror(f))
		bad = 1;
	fclose(f);
	return bad ? -1 : 0;
}

int wfm_plan_write_lp(const wfm_plan_input *in, const char *path, wfm_err *e)
{
	pl_ctx c;
	const char *tmpdir = getenv("TMPDIR");
	char tmp[4096];
	wfm_out *o;
	int r, fd;

	glp_term_out(GLP_OFF);
	if ((r = pl_prepare(&c, in, e)) != 0 || (r = pl_diagnose(&c, e)) != 0 ||
	    (r = pl_build_model(&c, e)) != 0) {
		pl_release(&c);
		return r;
	}
	snprintf(tmp, sizeof tmp, "%s/wfm-plan-lp-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemp(tmp);
	if (fd < 0) {
		pl_release(&c);
		return wfm_err_set(e, WFM_ECANTCREAT, "cannot create a temporary file in '%s'",
				   tmpdir && *tmpdir ? tmpdir : "/tmp");
	}
	close(fd);
	if (glp_write_lp(c.P, NULL, tmp) != 0) {
		unlink(tmp);
		pl_release(&c);
		return wfm_err_set(e, WFM_EIO, "cannot write the model to '%s'", tmp);
	}
	pl_release(&c);
	o = wfm_out_open(path, e);
	if (!o) {
		unlink(tmp);
		return e ? e->code : WFM_ECANTCREAT;
	}
	if (copy_file(tmp, wfm_out_file(o))) {
		unlink(tmp);
		wfm_out_abort(o);
		return wfm_err_set(e, WFM_EIO, "%s: cannot write the model",
				   path && strcmp(path, "-") ? path : "standard output");
	}
	unlink(tmp);
	return wfm_out_commit(o, e);
}
