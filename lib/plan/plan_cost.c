/* plan_cost.c - what a cell, a line's deferred work and a shift start cost:
 * the prices the model, the flows and the rosters all use (see plan_impl.h).
 *
 * A cell (day, interval, line) with n agents costs its live cost plus, on a
 * line without deferred work, w_over per agent-hour above the requirement r.
 * The live cost is, for the linear objective, w_under times the line's
 * weight per agent-hour below r; for the service objective, the cell's
 * service curve (wfm_plan_add_service) at n.  On a line with deferred work
 * the agents above r do that work (wfm_pl_deferred_line); those it leaves
 * idle cost w_over per hour, the work late w_deferred per hour and day. */
#include "plan_impl.h"

double wfm_pl_svc_cost(const pl_ctx *c, size_t cell, int n)
{
	const wfm_plan_service *sv;

	if (!c->svc_of || c->svc_of[cell] < 0)
		return 0;
	sv = &c->in->service[c->svc_of[cell]];
	return c->in->svc[sv->first + (n < sv->n ? n : sv->n - 1)].cost;
}

double wfm_pl_svc_answered(const pl_ctx *c, size_t cell, int n, double *volume)
{
	const wfm_plan_service *sv;

	if (!c->svc_of || c->svc_of[cell] < 0) {
		*volume = 0;
		return 0;
	}
	sv = &c->in->service[c->svc_of[cell]];
	*volume = sv->volume;
	return c->in->svc[sv->first + (n < sv->n ? n : sv->n - 1)].answered;
}

double wfm_pl_live_cost(const pl_ctx *c, int d, int t, int l, int n)
{
	size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
	double r = c->in->req[i];

	if (c->svc_mode)
		return wfm_pl_svc_cost(c, i, n);
	return n < r ? c->h * c->ru->w_under * c->in->line[l].weight * (r - n) : 0;
}

double wfm_pl_cell_cost(const pl_ctx *c, int d, int t, int l, int cover)
{
	double r = c->in->req[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l];

	return wfm_pl_live_cost(c, d, t, l, cover) +
	       (cover > r ? c->h * c->ru->w_over * (cover - r) : 0);
}

/* Deferred work of line l: done as early as the spare agents (those above
 * the live requirement) allow.  Fills done[d] (hours done on day d) and
 * late[d] (hours past their deadline at the end of day d) from the cover in
 * cnt[(d * T + t) * L + l]; returns the spare agent-hours left unused. */
double wfm_pl_deferred_line(const pl_ctx *c, const int *cnt, int l, double *done, double *late)
{
	double P = 0, A = 0, Du = 0, unused = 0;
	int d, t;

	for (d = 0; d < c->D; d++) {
		double cap = 0, use;

		for (t = c->open_t[d]; t < c->close_t[d]; t++) {
			size_t i = ((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l;
			double ex = cnt[i] - c->in->req[i];

			if (ex > 0)
				cap += ex * c->h;
		}
		A += c->rel[l * PL_MAXD + d];
		Du += c->due[l * PL_MAXD + d];
		use = A - P < cap ? A - P : cap;
		if (use < 0)
			use = 0;
		P += use;
		done[d] = use;
		late[d] = Du - P > 1e-9 ? Du - P : 0;
		unused += cap - use;
	}
	return unused;
}

int wfm_pl_pref_ok(const pl_ctx *c, int a, int d, int j)
{
	const wfm_plan_agent *ag = &c->in->agent[a];
	int sm = c->in->grid_start + c->tmpl[d][j].s * c->iv;

	return ag->pref_from < 0 || (sm >= ag->pref_from && sm <= ag->pref_to);
}
