/* staffing.c - minimal-agent searches and shrinkage; see staffing.h. */
#include "staffing.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>

static int bad(wfm_err *e, const char *what, double v)
{
	return wfm_err_set(e, WFM_EUSAGE, "%s out of range: %g", what, v);
}

static int fraction_ok(double f)
{
	return f >= 0 && f <= 1;
}

int wfm_staff_check(const wfm_model *m, const wfm_target *tg, wfm_err *e)
{
	if (m) {
		switch (m->kind) {
		case WFM_MODEL_ERLANG_C:
			break;
		case WFM_MODEL_CALLBACK:
			if (!(m->cutoff_s >= 0))
				return bad(e, "callback cut-off", m->cutoff_s);
			/* fall through */
		case WFM_MODEL_ERLANG_A:
			if (!(m->patience_s > 0))
				return bad(e, "mean patience", m->patience_s);
			break;
		case WFM_MODEL_CHAT:
			return wfm_chat_check(&m->chat, e);
		default:
			return wfm_err_set(e, WFM_EUSAGE, "unknown queue model %d", (int)m->kind);
		}
	}
	if (tg) {
		if (!fraction_ok(tg->sl))
			return bad(e, "service-level target", tg->sl);
		if (!(tg->sl_t_s >= 0))
			return bad(e, "service-level threshold", tg->sl_t_s);
		if (!fraction_ok(tg->answered))
			return bad(e, "answer-rate target", tg->answered);
		if (!fraction_ok(tg->max_occ))
			return bad(e, "occupancy cap", tg->max_occ);
	}
	return WFM_OK;
}

int wfm_staff_meets(const wfm_queue_perf *p, const wfm_target *tg)
{
	if (!p->stable)
		return 0;
	if (tg->sl > 0 && p->sl < tg->sl * (1.0 - WFM_TOL))
		return 0;
	if (tg->answered > 0 && p->answered < tg->answered * (1.0 - WFM_TOL))
		return 0;
	if (tg->max_occ > 0 && p->occupancy > tg->max_occ * (1.0 + WFM_TOL))
		return 0;
	return 1;
}

/* Load in erlangs (or chat arrivals per second) of one interval. */
static int interval_load(const wfm_model *m, double volume, double aht_s, double interval_s,
			 double *load, wfm_err *e)
{
	if (!(volume >= 0) || !isfinite(volume))
		return bad(e, "volume", volume);
	if (!(interval_s > 0) || !isfinite(interval_s))
		return bad(e, "interval length", interval_s);
	if (m->kind == WFM_MODEL_CHAT) {
		*load = volume / interval_s;
		return WFM_OK;
	}
	if (!(aht_s > 0) || !isfinite(aht_s))
		return bad(e, "average handle time", aht_s);
	*load = volume * aht_s / interval_s;
	return WFM_OK;
}

/* Performance with n agents; inv_prev = 1/B(n-1, a) for the phone models. */
static int eval_inv(const wfm_model *m, double load, double aht_s, long n, double t_s,
		    double inv_prev, wfm_queue_perf *out, wfm_err *e)
{
	switch (m->kind) {
	case WFM_MODEL_ERLANG_C:
		if (load > 0 && (double)n > load) {
			wfm_erlang_c_perf_inv(load, n, aht_s, t_s, inv_prev, out);
			return WFM_OK;
		}
		return wfm_erlang_c_perf(load, n, aht_s, t_s, out, e);
	case WFM_MODEL_ERLANG_A:
		return wfm_erlang_a_perf_inv(load, n, aht_s, m->patience_s, t_s, inv_prev, out, e);
	case WFM_MODEL_CALLBACK:
		return wfm_callback_perf_inv(load, n, aht_s, m->patience_s, m->cutoff_s, t_s,
					     inv_prev, out, e);
	case WFM_MODEL_CHAT:
		return wfm_chat_perf(&m->chat, load, n, t_s, out, e);
	}
	return wfm_err_set(e, WFM_EUSAGE, "unknown queue model %d", (int)m->kind);
}

int wfm_staff_eval(const wfm_model *m, double volume, double aht_s, double interval_s,
		   long agents, double sl_t_s, wfm_queue_perf *out, wfm_err *e)
{
	double load, inv_prev = 1;
	int rc;

	if ((rc = wfm_staff_check(m, NULL, e)) ||
	    (rc = interval_load(m, volume, aht_s, interval_s, &load, e)))
		return rc;
	if (agents < 0)
		return bad(e, "number of agents", (double)agents);
	if (!(sl_t_s >= 0))
		return bad(e, "service-level threshold", sl_t_s);
	if (m->kind != WFM_MODEL_CHAT && load > 0 && agents >= 1)
		inv_prev = wfm_erlang_b_inv(load, agents - 1);
	return eval_inv(m, load, aht_s, agents, sl_t_s, inv_prev, out, e);
}

static int too_many(wfm_err *e)
{
	return wfm_err_set(e, WFM_EUSAGE, "target cannot be met with %ld agents or fewer",
			   WFM_STAFF_MAX_AGENTS);
}

/* Erlang C: n from floor(a) + 1 up, 1/B carried in O(1) per step. */
static int search_erlang_c(double a, double aht_s, const wfm_target *tg, long *agents,
			   wfm_queue_perf *perf)
{
	long n = (long)floor(a) + 1;
	double inv = wfm_erlang_b_inv(a, n - 1);

	for (; n <= WFM_STAFF_MAX_AGENTS; n++) {
		wfm_erlang_c_perf_inv(a, n, aht_s, tg->sl_t_s, inv, perf);
		if (wfm_staff_meets(perf, tg)) {
			*agents = n;
			return WFM_OK;
		}
		inv = wfm_erlang_b_inv_next(a, n, inv);
	}
	return too_many(NULL);
}

/* A point of the search: n agents and 1/B(n-1, a) (phone models only). */
typedef struct probe {
	long n;
	double inv_prev;
} probe;

static probe probe_advance(const wfm_model *m, double load, probe p, long n)
{
	if (m->kind == WFM_MODEL_CHAT)
		return (probe){n, 1};
	for (; p.n < n; p.n++)
		p.inv_prev = wfm_erlang_b_inv_next(load, p.n, p.inv_prev);
	return p;
}

/* Models with abandonment: every n below the throughput bound fails; gallop
 * from there, then bisect between the last failure and the first success. */
static int search_gallop(const wfm_model *m, double load, double aht_s, const wfm_target *tg,
			 long *agents, wfm_queue_perf *perf, wfm_err *e)
{
	double need = fmax(tg->sl, tg->answered), cap, bound;
	probe lo, hi, mid;
	long step = 1;
	wfm_queue_perf p;
	int rc;

	cap = m->kind == WFM_MODEL_CHAT ? wfm_chat_capacity(&m->chat) : 1.0 / aht_s;
	bound = need * (load / (m->kind == WFM_MODEL_CHAT ? 1.0 : aht_s)) / cap;
	bound = floor(bound * (1.0 - 1e-6));
	lo.n = bound >= 1 ? (long)fmin(bound, (double)WFM_STAFF_MAX_AGENTS) : 1;
	lo.inv_prev = m->kind == WFM_MODEL_CHAT ? 1 : wfm_erlang_b_inv(load, lo.n - 1);
	/* lo.n itself is untested: make it the first probe */
	hi = lo;
	for (;;) {
		if ((rc = eval_inv(m, load, aht_s, hi.n, tg->sl_t_s, hi.inv_prev, &p, e)))
			return rc;
		if (wfm_staff_meets(&p, tg))
			break;
		lo = hi;
		if (hi.n >= WFM_STAFF_MAX_AGENTS)
			return too_many(e);
		hi = probe_advance(m, load, hi, hi.n + step < WFM_STAFF_MAX_AGENTS ?
						    hi.n + step : WFM_STAFF_MAX_AGENTS);
		step *= 2;
	}
	*perf = p;
	if (lo.n == hi.n) { /* the first probe met the target */
		*agents = hi.n;
		return WFM_OK;
	}
	while (hi.n - lo.n > 1) {
		mid = probe_advance(m, load, lo, lo.n + (hi.n - lo.n) / 2);
		if ((rc = eval_inv(m, load, aht_s, mid.n, tg->sl_t_s, mid.inv_prev, &p, e)))
			return rc;
		if (wfm_staff_meets(&p, tg)) {
			hi = mid;
			*perf = p;
		} else {
			lo = mid;
		}
	}
	*agents = hi.n;
	return WFM_OK;
}

int wfm_staff_agents(const wfm_model *m, double volume, double aht_s, double interval_s,
		     const wfm_target *tg, long *agents, wfm_queue_perf *perf, wfm_err *e)
{
	wfm_queue_perf scratch;
	double load;
	int rc;

	if (!perf)
		perf = &scratch;
	if ((rc = wfm_staff_check(m, tg, e)) ||
	    (rc = interval_load(m, volume, aht_s, interval_s, &load, e)))
		return rc;
	if (!(tg->sl_t_s >= 0))
		return bad(e, "service-level threshold", tg->sl_t_s);
	if (load == 0) {
		*agents = 0;
		return eval_inv(m, 0, m->kind == WFM_MODEL_CHAT ? 1 : aht_s, 0, tg->sl_t_s, 1,
				perf, e);
	}
	if (m->kind == WFM_MODEL_ERLANG_C ||
	    (m->kind == WFM_MODEL_ERLANG_A && isinf(m->patience_s)) ||
	    (m->kind == WFM_MODEL_CALLBACK && isinf(m->patience_s) && isinf(m->cutoff_s))) {
		if (load >= (double)WFM_STAFF_MAX_AGENTS ||
		    search_erlang_c(load, aht_s, tg, agents, perf))
			return too_many(e);
		return WFM_OK;
	}
	return search_gallop(m, load, aht_s, tg, agents, perf, e);
}

long wfm_ceil_tol(double x)
{
	double r;

	if (!(x >= 0) || !(x <= (double)(LONG_MAX / 2)))
		return -1;
	r = round(x);
	if (fabs(x - r) <= WFM_TOL * fmax(1.0, x))
		return (long)r;
	return (long)ceil(x);
}

int wfm_shrinkage_apply(double required, double shrinkage, long *scheduled, wfm_err *e)
{
	long n;

	if (!(required >= 0) || !isfinite(required))
		return bad(e, "required agents", required);
	if (!(shrinkage >= 0 && shrinkage < 1))
		return bad(e, "shrinkage", shrinkage);
	n = wfm_ceil_tol(required / (1.0 - shrinkage));
	if (n < 0)
		return bad(e, "scheduled agents", required / (1.0 - shrinkage));
	*scheduled = n;
	return WFM_OK;
}

double wfm_shrinkage_combine(double absence, double off)
{
	if (!(absence >= 0 && absence < 1) || !(off >= 0 && off < 1))
		return NAN;
	return absence + off * (1.0 - absence); /* exactly `off` when absence is 0 */
}
