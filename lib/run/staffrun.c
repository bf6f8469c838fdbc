/* staffrun.c - requirements and deferred work of a staffing run; see
 * staffrun.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"

/* ---- live rows ---- */

void wfm_sr_row_model(const wfm_sr *r, const sr_row *row, wfm_model *m, wfm_target *tg)
{
	wfm_sr_live_model(r->s, r->ser[row->series].channel, row->aht, m, tg);
}

void wfm_sr_live_model(const wfm_sr_settings *s, int channel, double aht_s, wfm_model *m,
		       wfm_target *tg)
{
	int abandon;

	memset(m, 0, sizeof *m);
	if (channel == WFM_CH_CHAT) {
		double p = s->chat_patience > 0 ? s->chat_patience : s->patience;

		m->kind = WFM_MODEL_CHAT;
		m->chat.k = s->concurrency;
		for (int i = 0; i < s->concurrency; i++)
			m->chat.aht_s[i] = aht_s * s->chat_shape[i];
		m->chat.patience_s = p > 0 ? p : INFINITY;
		abandon = p > 0;
	} else {
		m->kind = s->phone_model >= 0 ? (wfm_model_kind)s->phone_model :
			  s->callback_after > 0 ? WFM_MODEL_CALLBACK :
			  s->patience > 0 ? WFM_MODEL_ERLANG_A : WFM_MODEL_ERLANG_C;
		m->patience_s = s->patience > 0 ? s->patience : INFINITY;
		m->cutoff_s = s->callback_after > 0 ? s->callback_after : INFINITY;
		abandon = m->kind != WFM_MODEL_ERLANG_C;
	}
	memset(tg, 0, sizeof *tg);
	tg->sl_t_s = s->sl_time;
	tg->max_occ = s->max_occ;
	if (abandon)
		tg->answered = s->answer_rate;
	else
		tg->sl = s->sl;
}

/* The most contacts per second n agents can finish. */
static double throughput(const wfm_model *m, double aht, long n)
{
	return (double)n * (m->kind == WFM_MODEL_CHAT ? wfm_chat_capacity(&m->chat) : 1.0 / aht);
}

static void fill_perf(const wfm_sr *r, sr_row *row, const wfm_model *m, const wfm_target *tg,
		      const wfm_queue_perf *p)
{
	double ivl = wfm_sr_interval_s(r), cap = throughput(m, row->aht, row->agents) * ivl;

	row->perf = (sr_perf){.sl = p->sl, .answered = p->answered, .asa = p->asa,
			      .occupancy = row->agents > 0 ? p->occupancy : 0,
			      .abandoned = row->volume * p->abandoned,
			      .callback = row->volume * p->callback};
	row->perf.backlog = isfinite(p->queue) ? p->queue : fmax(0, row->volume - cap);
	row->loaded = row->volume > 0 && row->volume >= cap * (1 - WFM_TOL);
	if (row->volume == 0 || wfm_staff_meets(p, tg))
		row->status = SR_OK; /* also when loaded: abandons and callbacks make room */
	else if (row->agents == 0)
		row->status = SR_UNSTAFFED;
	else if (row->loaded)
		row->status = SR_OVERLOADED;
	else
		row->status = SR_BELOW;
}

int wfm_sr_row_eval(const wfm_sr *r, sr_row *row, wfm_err *e)
{
	wfm_model m;
	wfm_target tg;
	wfm_queue_perf p;
	int rc;

	wfm_sr_row_model(r, row, &m, &tg);
	rc = wfm_staff_eval(&m, row->volume, row->aht, wfm_sr_interval_s(r), row->agents, tg.sl_t_s,
			    &p, e);
	if (rc) {
		char where[256];

		wfm_err_prefix(e, "%s: ", wfm_sr_row_where(r, row, where, sizeof where));
		return rc;
	}
	fill_perf(r, row, &m, &tg, &p);
	return WFM_OK;
}

static const char *target_text(const wfm_target *tg, char *buf, size_t n)
{
	int k = 0;

	buf[0] = '\0';
	if (tg->sl > 0)
		k += snprintf(buf + k, n - (size_t)k, "a service level of %g within %g s", tg->sl,
			      tg->sl_t_s);
	if (tg->answered > 0)
		k += snprintf(buf + k, n - (size_t)k, "an answer rate of %g", tg->answered);
	if (tg->max_occ > 0 && (size_t)k < n)
		snprintf(buf + k, n - (size_t)k, " with occupancy at most %g", tg->max_occ);
	return buf;
}

/* The target of `row` needs `need` agents, more than max_agents, or (need
 * < 0) wfm_staff_agents failed with the message in `e`: its search limit,
 * or an interval too large for the exact models. */
static int unreachable(const wfm_sr *r, sr_row *row, const wfm_model *m, const wfm_target *tg,
		       long need, wfm_err *e)
{
	long most = r->s->max_agents;
	char where[256], what[160], needs[64];
	wfm_queue_perf p;

	wfm_sr_row_where(r, row, where, sizeof where);
	target_text(tg, what, sizeof what);
	if (need < 0 && (most <= 0 || most >= WFM_STAFF_MAX_AGENTS)) {
		wfm_err_prefix(e, "%s: %s: ", where, what);
		e->code = WFM_EDATA;
		return WFM_EDATA;
	}
	if (need < 0)
		snprintf(needs, sizeof needs, "more than %ld", WFM_STAFF_MAX_AGENTS);
	else
		snprintf(needs, sizeof needs, "%ld", need);
	if (wfm_staff_eval(m, row->volume, row->aht, wfm_sr_interval_s(r), most, tg->sl_t_s, &p, e))
		return wfm_err_set(e, WFM_EINTERNAL, "%s: %s", where, e->msg);
	return wfm_err_set(e, WFM_EDATA, "%s: %s needs %s agents, more than max_agents %ld; "
			   "the best with %ld: answer rate %.4f, service level %.4f, occupancy "
			   "%.4f", where, what, needs, most, most, p.answered, p.sl, p.occupancy);
}

/* The least agents from a guess, one agent at a time: the answer of the
 * previous interval of the series, moved by the change in load, is most
 * often right or one off, so this takes about two evaluations where the
 * search of wfm_staff_agents takes four to eight (the callback model costs
 * about 2 microseconds per evaluation).  Like that search it takes meeting
 * the target to be monotone in the number of agents, so it finds the same
 * answer.  Returns 0 when found, 1 to leave it to wfm_staff_agents (no
 * answer within a few steps), -1 on an error. */
static int search_near(const wfm_sr *r, const sr_row *row, const wfm_model *m,
		       const wfm_target *tg, long guess, long *n, wfm_queue_perf *p, wfm_err *e)
{
	double ivl = wfm_sr_interval_s(r);
	wfm_queue_perf q;
	long k = guess;
	int meets;

	if (wfm_staff_eval(m, row->volume, row->aht, ivl, k, tg->sl_t_s, &q, e))
		return -1;
	meets = wfm_staff_meets(&q, tg);
	if (meets) {
		*p = q;
		for (; k > 0; k--) {
			if (wfm_staff_eval(m, row->volume, row->aht, ivl, k - 1, tg->sl_t_s, &q, e))
				return -1;
			if (!wfm_staff_meets(&q, tg))
				break;
			*p = q;
			if (guess - k > 8)
				return 1;
		}
		*n = k;
		return 0;
	}
	for (k = guess + 1; k <= guess + 8; k++) {
		if (wfm_staff_eval(m, row->volume, row->aht, ivl, k, tg->sl_t_s, &q, e))
			return -1;
		if (wfm_staff_meets(&q, tg)) {
			*p = q;
			*n = k;
			return 0;
		}
	}
	return 1;
}

/* The load of a row in erlangs (phone) or its chats per second. */
static double row_load(const wfm_sr *r, const sr_row *row)
{
	return row->volume * row->aht / wfm_sr_interval_s(r);
}

static int require_row(wfm_sr *r, sr_row *row, const sr_row *prev, wfm_err *e)
{
	wfm_model m;
	wfm_target tg;
	wfm_queue_perf p;
	long n = 0;
	int near = 1;

	wfm_sr_row_model(r, row, &m, &tg);
	if (m.kind != WFM_MODEL_ERLANG_C && row->volume > 0 && prev && prev->agents > 0 &&
	    prev->series == row->series && prev->volume > 0) {
		long guess = lround((double)prev->agents + (row_load(r, row) - row_load(r, prev)) /
				    (m.kind == WFM_MODEL_CHAT ? m.chat.k : 1));

		near = search_near(r, row, &m, &tg, guess > 1 ? guess : 1, &n, &p, e);
		if (near < 0)
			return e->code;
	}
	if (near && wfm_staff_agents(&m, row->volume, row->aht, wfm_sr_interval_s(r), &tg, &n, &p, e))
		return unreachable(r, row, &m, &tg, -1, e);
	if (r->s->max_agents > 0 && n > r->s->max_agents)
		return unreachable(r, row, &m, &tg, n, e);
	row->agents = n;
	fill_perf(r, row, &m, &tg, &p);
	return WFM_OK;
}

/* ---- deferred work ---- */

int wfm_sr_taut(const double *due, const double *avail, size_t days, double *cap, wfm_err *e)
{
	double total = days ? due[days] : 0, tol = 1e-9 * fmax(1.0, fabs(total));
	size_t k0 = 0;
	double p0 = 0;

	for (size_t k = 0; k <= days; k++)
		if (!(due[k] <= avail[k] + tol) || !isfinite(avail[k]) ||
		    (k > 0 && (due[k] < due[k - 1] - tol || avail[k] < avail[k - 1] - tol)))
			return wfm_err_set(e, WFM_EUSAGE, "inconsistent work bounds at day %zu", k);
	if (fabs(due[0]) > tol || fabs(avail[0]) > tol || fabs(avail[days] - total) > tol)
		return wfm_err_set(e, WFM_EUSAGE, "work bounds do not start at 0 or end together");
	while (k0 < days) {
		double lo = -INFINITY, hi = INFINITY, p1;
		size_t klo = k0, khi = k0, end;
		int bent = 0; /* 1: at the upper bound (khi), 2: at the lower (klo) */

		for (size_t k = k0 + 1; k <= days && !bent; k++) {
			double len = (double)(k - k0);
			double sl = ((k == days ? total : due[k]) - p0) / len;
			double su = ((k == days ? total : avail[k]) - p0) / len;

			if (sl > hi) {
				bent = 1;
			} else if (su < lo) {
				bent = 2;
			} else {
				if (sl >= lo) {
					lo = sl;
					klo = k;
				}
				if (su <= hi) {
					hi = su;
					khi = k;
				}
			}
		}
		end = bent == 1 ? khi : bent == 2 ? klo : days;
		p1 = bent == 1 ? avail[khi] : bent == 2 ? due[klo] : total;
		for (size_t j = k0; j < end; j++)
			cap[j] = fmax(0, (p1 - p0) / (double)(end - k0));
		p0 = p1;
		k0 = end;
	}
	return WFM_OK;
}

/* The jobs of a deferred series: job 0 is the opening backlog, released on
 * the first working day and due on working day r->bdue; job d + 1 the
 * arrivals of calendar day d. */
static size_t job_rel(const wfm_sr *r, size_t j)
{
	return j ? (size_t)r->wk_ge[j - 1] : 0;
}

static size_t job_due(const wfm_sr *r, size_t j)
{
	return j ? (size_t)r->dl_idx[j - 1] : r->bdue;
}

static double job_vol(const sr_series *ser, size_t j)
{
	return j ? ser->jvol[j - 1] : ser->bvol;
}

static double job_work(const sr_series *ser, size_t j)
{
	return j ? ser->jwork[j - 1] : ser->bwork;
}

int wfm_sr_deferred_run(wfm_sr *r, sr_series *ser, wfm_err *e)
{
	size_t nj = r->ndays + 1, nw = r->nwday, head = 0, due = 0;
	double *rem = malloc(nj * sizeof *rem), *intime = calloc(nw, sizeof *intime);
	double scale = 0, eps;

	if (!rem || !intime) {
		free(rem);
		free(intime);
		return wfm_err_nomem(e);
	}
	for (size_t k = 0; k < nw; k++)
		ser->rvol[k] = ser->rwork[k] = 0;
	for (size_t j = 0; j < nj; j++) {
		rem[j] = job_work(ser, j);
		scale = fmax(scale, rem[j]);
		ser->rvol[job_rel(r, j)] += job_vol(ser, j);
		ser->rwork[job_rel(r, j)] += job_work(ser, j);
	}
	for (size_t k = 0; k < nw; k++)
		scale = fmax(scale, ser->cap[k]);
	eps = WFM_TOL * scale;
	for (size_t k = 0; k < nw; k++) {
		double c = ser->cap[k], done = 0, backlog = 0, late = 0;
		size_t j;

		for (j = head; j < nj && job_rel(r, j) <= k && c > 0; j++) {
			double take = fmin(c, rem[j]);

			rem[j] -= take;
			c -= take;
			done += take;
		}
		while (head < nj && job_rel(r, head) <= k && rem[head] <= eps)
			rem[head++] = 0;
		for (; due < nj && job_due(r, due) <= k; due++)
			if (job_work(ser, due) > 0)
				intime[job_rel(r, due)] += job_vol(ser, due) *
					(1 - fmax(0, rem[due]) / job_work(ser, due));
		for (j = head; j < nj && job_rel(r, j) <= k; j++) {
			double left = rem[j] > eps ? job_vol(ser, j) * rem[j] / job_work(ser, j) : 0;

			backlog += left;
			if (job_due(r, j) <= k)
				late += left;
		}
		ser->done[k] = done;
		ser->backlog[k] = backlog;
		ser->late[k] = late;
	}
	for (size_t k = 0; k < nw; k++)
		ser->ontime[k] = ser->rvol[k] > 0 ? fmin(1, intime[k] / ser->rvol[k]) : 1;
	free(rem);
	free(intime);
	return WFM_OK;
}

/* The requirement of a deferred series: the taut string. */
static int require_deferred(wfm_sr *r, sr_series *ser, wfm_err *e)
{
	size_t nw = r->nwday;
	double *due = calloc(nw + 1, sizeof *due), *avail = calloc(nw + 1, sizeof *avail);
	int rc;

	if (!due || !avail) {
		free(due);
		free(avail);
		return wfm_err_nomem(e);
	}
	for (size_t j = 0; j <= r->ndays; j++) {
		avail[job_rel(r, j) + 1] += job_work(ser, j);
		due[job_due(r, j) + 1] += job_work(ser, j);
	}
	for (size_t k = 1; k <= nw; k++) {
		avail[k] += avail[k - 1];
		due[k] += due[k - 1];
	}
	due[nw] = avail[nw]; /* the same sum, added in another order */
	rc = wfm_sr_taut(due, avail, nw, ser->cap, e);
	free(due);
	free(avail);
	/* written with 2 decimals: round up, so that the written capacities
	 * meet every deadline too */
	for (size_t k = 0; rc == WFM_OK && k < nw; k++)
		ser->cap[k] = ceil(ser->cap[k] * 100 - 1e-6) / 100;
	return rc ? rc : wfm_sr_deferred_run(r, ser, e);
}

/* ---- callbacks ---- */

int wfm_sr_add_callbacks(wfm_sr *r, wfm_err *e)
{
	char line[WFM_SR_LINE_MAX + 1];
	int rc;

	if (r->callbacks_added)
		return WFM_OK;
	r->callbacks_added = 1;
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];
		sr_series *cb;
		double aht;

		if (r->ser[row->series].channel != WFM_CH_PHONE || !(row->perf.callback > 0))
			continue;
		memcpy(line, r->ser[row->series].line, sizeof line);
		if (!(cb = wfm_sr_series_get(r, WFM_CH_CALLBACK, line, 1, e)))
			return e->code;
		if (!cb->jvol) {
			size_t at = (size_t)(cb - r->ser);

			if ((rc = wfm_sr_deferred_setup(r, e)))
				return rc;
			cb = &r->ser[at];
		}
		aht = r->s->aht > 0 ? r->s->aht : wfm_sr_config_aht(r, WFM_CH_CALLBACK, line);
		if (aht == 0)
			aht = row->aht;
		cb->jvol[row->date - r->first] += row->perf.callback;
		cb->jwork[row->date - r->first] += row->perf.callback * aht / 3600.0;
		r->sum.callbacks += row->perf.callback;
	}
	return WFM_OK;
}

/* ---- the steps ---- */

static void count(wfm_sr *r)
{
	wfm_sr_summary *s = &r->sum;
	double h = wfm_sr_interval_s(r) / 3600.0;

	s->series = (long)r->nser;
	s->intervals = s->days = s->below = s->overloaded = s->unstaffed = s->late_days = 0;
	s->loaded_ok = 0;
	s->agent_hours = 0;
	for (size_t i = 0; i < r->nrow; i++) {
		const sr_row *row = &r->row[i];

		if (!r->ser[row->series].live)
			continue;
		s->intervals++;
		s->agent_hours += (double)row->agents * h;
		s->below += row->status == SR_BELOW;
		s->overloaded += row->status == SR_OVERLOADED;
		s->unstaffed += row->status == SR_UNSTAFFED;
		s->loaded_ok += row->loaded && row->status == SR_OK;
	}
	for (size_t i = 0; i < r->nser; i++) {
		const sr_series *ser = &r->ser[i];

		if (ser->live)
			continue;
		for (size_t k = 0; k < r->nwday; k++) {
			s->days++;
			s->agent_hours += ser->cap[k];
			s->late_days += ser->late[k] > 0;
		}
	}
}

int wfm_sr_finish(wfm_sr *r, int require, wfm_err *e)
{
	int rc;

	if ((rc = wfm_sr_add_callbacks(r, e)) || (rc = wfm_sr_backlog_work(r, e)))
		return rc;
	for (size_t i = 0; i < r->nser; i++) {
		sr_series *ser = &r->ser[i];

		if (ser->live)
			continue;
		rc = require ? require_deferred(r, ser, e) : wfm_sr_deferred_run(r, ser, e);
		if (rc)
			return rc;
	}
	count(r);
	return WFM_OK;
}

int wfm_sr_require(wfm_sr *r, wfm_err *e)
{
	int rc;

	if (r->step)
		return wfm_err_set(e, WFM_EUSAGE, "the run was already computed");
	for (size_t i = 0; i < r->nrow; i++) {
		sr_row *row = &r->row[i];

		if (r->ser[row->series].live && (rc = require_row(r, row, i ? row - 1 : NULL, e)))
			return rc;
	}
	r->step = 1;
	return wfm_sr_finish(r, 1, e);
}
