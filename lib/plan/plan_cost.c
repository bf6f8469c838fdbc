/* plan_cost.c - what a cell, a line's deferred work and a shift start cost:
 * the prices the model, the flows and the rosters all use (see plan_impl.h). */
#include "plan_impl.h"

double wfm_pl_cell_cost(const pl_ctx *c, int d, int t, int l, int cover)
{
	double r = c->in->req[((size_t)d * (size_t)c->T + (size_t)t) * (size_t)c->L + (size_t)l];
	double wu = c->ru->w_under * c->in->line[l].weight;

	if (cover < r)
		return c->h * wu * (r - cover);
	return c->h * c->ru->w_over * (cover - r);
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
