/* simulate.c - the discrete-event simulation of one day; see simulate.h.
 *
 * The next event is the earliest of: the next arrival, the next interval
 * boundary and the top of a binary heap of completions (phone: one entry
 * per contact in service; chat: one per agent, invalidated by a version
 * number when the agent's chats change).  Waiting contacts sit in a FIFO
 * array; one that has left (its patience or the cut-off ran out) stays
 * there until it reaches the front, and is counted then.
 */
#include "simulate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "common/grow.h"

typedef struct event {
	double t;
	int agent;        /* chat: the agent; phone: -1 */
	unsigned version; /* chat: the agent's version when scheduled */
} event;

typedef struct waiter {
	double arrived, leaves; /* leaves: arrival + min(patience, cut-off), or INFINITY */
	double work;            /* handle time (chat: work) drawn at arrival */
	int ivl;                /* interval of arrival */
	int callback;           /* 1 when the cut-off comes before the patience */
} waiter;

typedef struct chat_agent {
	int held;
	double rem[WFM_CHAT_KMAX]; /* remaining work of each chat held */
	double since;              /* when rem was last brought up to date */
	unsigned version;
} chat_agent;

typedef struct sim {
	const wfm_sim_day *d;
	gsl_rng *rng;
	wfm_sim_counts *out;
	double now;
	size_t cur;            /* current interval; d->n after the last */
	long staff;            /* agents now */
	long busy;             /* phone: contacts in service; chat: chats held */
	event *heap;
	size_t nheap, capheap;
	waiter *q;
	size_t qhead, qtail, qcap;
	chat_agent *ag;        /* chat only, max agents of the day */
	long nag;
	double speed[WFM_CHAT_KMAX + 1]; /* chat: progress per second at i chats */
	double lognorm_sigma;
	int chat;
} sim;

/* ---- the heap ---- */

static int heap_push(sim *s, event ev)
{
	size_t i;

	if (wfm_grow((void **)&s->heap, &s->capheap, s->nheap + 1, sizeof *s->heap))
		return -1;
	i = s->nheap++;
	while (i > 0 && s->heap[(i - 1) / 2].t > ev.t) {
		s->heap[i] = s->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	s->heap[i] = ev;
	return 0;
}

static event heap_pop(sim *s)
{
	event top = s->heap[0], last = s->heap[--s->nheap];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && s->heap[c + 1].t < s->heap[c].t)
			c++;
		if (!(s->heap[c].t < last.t))
			break;
		s->heap[i] = s->heap[c];
		i = c;
	}
	if (s->nheap > 0)
		s->heap[i] = last;
	return top;
}

/* ---- draws ---- */

static double draw_work(sim *s, double mean)
{
	double sg = s->lognorm_sigma;

	if (s->d->dist == WFM_SIM_LOGNORMAL)
		return gsl_ran_lognormal(s->rng, log(mean) - 0.5 * sg * sg, sg);
	return gsl_ran_exponential(s->rng, mean);
}

/* The next arrival after `t` (the process restarts at each boundary, which
 * is exact for a Poisson process); INFINITY after the last interval. */
static double next_arrival(sim *s, double t)
{
	const wfm_sim_day *d = s->d;
	size_t i = (size_t)floor(t / d->interval_s);

	for (; i < d->n; i++) {
		double end = (double)(i + 1) * d->interval_s, rate = d->volume[i] / d->interval_s;

		if (t < (double)i * d->interval_s)
			t = (double)i * d->interval_s;
		if (rate > 0) {
			double x = t + gsl_ran_exponential(s->rng, 1.0 / rate);

			if (x < end)
				return x;
		}
		t = end;
	}
	return INFINITY;
}

/* ---- the queue ---- */

static int q_push(sim *s, waiter w)
{
	if (s->qtail == s->qcap) {
		if (s->qhead > 0) {
			memmove(s->q, s->q + s->qhead, (s->qtail - s->qhead) * sizeof *s->q);
			s->qtail -= s->qhead;
			s->qhead = 0;
		}
		if (wfm_grow((void **)&s->q, &s->qcap, s->qtail + 1, sizeof *s->q))
			return -1;
	}
	s->q[s->qtail++] = w;
	return 0;
}

static void count_left(sim *s, const waiter *w)
{
	if (w->callback)
		s->out[w->ivl].callbacks += 1;
	else
		s->out[w->ivl].abandoned += 1;
}

/* Drops from the front the contacts that have left by now. */
static void q_purge(sim *s)
{
	while (s->qhead < s->qtail && s->q[s->qhead].leaves < s->now)
		count_left(s, &s->q[s->qhead++]);
}

static void count_answer(sim *s, const waiter *w)
{
	double wait = s->now - w->arrived;
	wfm_sim_counts *c = &s->out[w->ivl];

	c->answered += 1;
	c->wait_s += wait;
	if (wait <= s->d->t_s)
		c->within += 1;
}

/* ---- chat agents ---- */

/* Brings agent a's chats up to now. */
static void chat_advance(sim *s, chat_agent *a)
{
	double done = s->speed[a->held] * (s->now - a->since);

	for (int i = 0; i < a->held; i++)
		a->rem[i] -= done;
	a->since = s->now;
}

static int chat_schedule(sim *s, long id)
{
	chat_agent *a = &s->ag[id];
	double least = INFINITY;

	a->version++;
	if (a->held == 0)
		return 0;
	for (int i = 0; i < a->held; i++)
		least = fmin(least, a->rem[i]);
	least = fmax(least, 0);
	return heap_push(s, (event){s->now + least / s->speed[a->held], (int)id, a->version});
}

/* The active agent with the fewest chats, below k; -1 when none. */
static long chat_free_agent(const sim *s)
{
	long best = -1;

	for (long i = 0; i < s->staff && i < s->nag; i++)
		if (s->ag[i].held < s->d->model.chat.k &&
		    (best < 0 || s->ag[i].held < s->ag[best].held))
			best = i;
	return best;
}

/* ---- starting service ---- */

/* Starts w now on a free agent (one is known to exist). */
static int start(sim *s, const waiter *w)
{
	count_answer(s, w);
	s->busy++;
	if (!s->chat)
		return heap_push(s, (event){s->now + w->work, -1, 0});
	{
		long id = chat_free_agent(s);
		chat_agent *a = &s->ag[id];

		chat_advance(s, a);
		a->rem[a->held++] = w->work;
		return chat_schedule(s, id);
	}
}

static int can_start(const sim *s)
{
	if (!s->chat)
		return s->busy < s->staff;
	return chat_free_agent(s) >= 0;
}

/* Serves waiting contacts while an agent is free. */
static int serve_queue(sim *s)
{
	while (s->qhead < s->qtail && can_start(s)) {
		waiter w = s->q[s->qhead++];

		if (w.leaves < s->now) {
			count_left(s, &w);
			continue;
		}
		if (start(s, &w))
			return -1;
	}
	return 0;
}

/* ---- events ---- */

static int on_arrival(sim *s)
{
	const wfm_sim_day *d = s->d;
	const wfm_model *m = &d->model;
	size_t i = s->cur < d->n ? s->cur : d->n - 1;
	waiter w = {.arrived = s->now, .leaves = INFINITY, .ivl = (int)i};
	double patience = INFINITY, cutoff = INFINITY;

	w.work = draw_work(s, d->aht_s[i]);
	if (m->kind == WFM_MODEL_ERLANG_A || m->kind == WFM_MODEL_CALLBACK)
		patience = isinf(m->patience_s) ? INFINITY
						: gsl_ran_exponential(s->rng, m->patience_s);
	else if (m->kind == WFM_MODEL_CHAT && !isinf(m->chat.patience_s))
		patience = gsl_ran_exponential(s->rng, m->chat.patience_s);
	if (m->kind == WFM_MODEL_CALLBACK)
		cutoff = m->cutoff_s;
	w.callback = cutoff <= patience;
	w.leaves = s->now + fmin(patience, cutoff);
	s->out[i].arrivals += 1;
	q_purge(s);
	if (s->qhead == s->qtail && can_start(s))
		return start(s, &w);
	return q_push(s, w);
}

static int on_completion(sim *s, event ev)
{
	if (!s->chat) {
		s->busy--;
		return serve_queue(s);
	}
	{
		chat_agent *a = &s->ag[ev.agent];
		int k = 0;

		if (ev.version != a->version)
			return 0; /* superseded */
		chat_advance(s, a);
		for (int i = 1; i < a->held; i++)
			if (a->rem[i] < a->rem[k])
				k = i;
		a->rem[k] = a->rem[--a->held];
		s->busy--;
		if (chat_schedule(s, ev.agent))
			return -1;
		return serve_queue(s);
	}
}

static void on_boundary(sim *s)
{
	const wfm_sim_day *d = s->d;
	double left = 0;

	q_purge(s);
	for (size_t j = s->qhead; j < s->qtail; j++)
		if (!(s->q[j].leaves < s->now))
			left += 1;
	s->out[s->cur].backlog = left;
	s->cur++;
	if (s->cur < d->n)
		s->staff = d->agents[s->cur];
}

/* ---- the day ---- */

static int check_day(const wfm_sim_day *d, wfm_err *e)
{
	int rc = wfm_staff_check(&d->model, NULL, e);

	if (rc)
		return rc;
	if (!(d->interval_s > 0) || !isfinite(d->interval_s))
		return wfm_err_set(e, WFM_EUSAGE, "interval length out of range: %g",
				   d->interval_s);
	if (!(d->t_s >= 0))
		return wfm_err_set(e, WFM_EUSAGE, "service-level threshold out of range: %g",
				   d->t_s);
	if (d->n < 1)
		return wfm_err_set(e, WFM_EUSAGE, "no intervals to simulate");
	if (d->dist == WFM_SIM_LOGNORMAL && !(d->cv > 0 && isfinite(d->cv)))
		return wfm_err_set(e, WFM_EUSAGE, "handle-time variation out of range: %g", d->cv);
	for (size_t i = 0; i < d->n; i++) {
		if (!(d->volume[i] >= 0) || !isfinite(d->volume[i]))
			return wfm_err_set(e, WFM_EUSAGE, "volume out of range: %g", d->volume[i]);
		if (!(d->aht_s[i] > 0) || !isfinite(d->aht_s[i]))
			return wfm_err_set(e, WFM_EUSAGE, "average handle time out of range: %g",
					   d->aht_s[i]);
		if (d->agents[i] < 0)
			return wfm_err_set(e, WFM_EUSAGE, "number of agents out of range: %ld",
					   d->agents[i]);
	}
	return WFM_OK;
}

static int setup(sim *s, const wfm_sim_day *d, unsigned long seed, wfm_sim_counts *out)
{
	const wfm_chat *c = &d->model.chat;

	memset(out, 0, d->n * sizeof *out);
	s->d = d;
	s->out = out;
	s->chat = d->model.kind == WFM_MODEL_CHAT;
	s->staff = d->agents[0];
	if (d->dist == WFM_SIM_LOGNORMAL)
		s->lognorm_sigma = sqrt(log1p(d->cv * d->cv));
	for (size_t i = 0; i < d->n; i++)
		out[i].capacity_s = (double)d->agents[i] * d->interval_s * (s->chat ? c->k : 1);
	if (s->chat) {
		for (size_t i = 0; i < d->n; i++)
			s->nag = d->agents[i] > s->nag ? d->agents[i] : s->nag;
		for (int i = 1; i <= c->k; i++)
			s->speed[i] = c->aht_s[0] / c->aht_s[i - 1];
		if (s->nag > 0 && !(s->ag = calloc((size_t)s->nag, sizeof *s->ag)))
			return -1;
	}
	s->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!s->rng)
		return -1;
	gsl_rng_set(s->rng, seed);
	return 0;
}

static int run(sim *s)
{
	const wfm_sim_day *d = s->d;
	double arrival = next_arrival(s, 0), boundary = d->interval_s;

	for (;;) {
		double top = s->nheap ? s->heap[0].t : INFINITY;
		double t = fmin(top, fmin(arrival, boundary));
		int rc = 0;

		if (isinf(t))
			break;
		if (s->cur < d->n)
			s->out[s->cur].busy_s += (double)s->busy * (t - s->now);
		s->now = t;
		if (top <= t) {
			rc = on_completion(s, heap_pop(s));
		} else if (boundary <= t) {
			on_boundary(s);
			boundary = s->cur < d->n ? (double)(s->cur + 1) * d->interval_s : INFINITY;
			rc = serve_queue(s);
		} else {
			rc = on_arrival(s);
			arrival = next_arrival(s, s->now);
		}
		if (rc)
			return -1;
	}
	/* the queue never emptied: no agents were left at the end */
	for (size_t j = s->qhead; j < s->qtail; j++)
		if (isfinite(s->q[j].leaves))
			count_left(s, &s->q[j]);
	return 0;
}

int wfm_sim_day_run(const wfm_sim_day *d, unsigned long seed, wfm_sim_counts *out,
		    wfm_err *e)
{
	sim s;
	int rc;

	if ((rc = check_day(d, e)))
		return rc;
	memset(&s, 0, sizeof s);
	rc = setup(&s, d, seed, out) || run(&s) ? wfm_err_nomem(e) : WFM_OK;
	gsl_rng_free(s.rng);
	free(s.heap);
	free(s.q);
	free(s.ag);
	return rc;
}

void wfm_sim_ratio_add(wfm_sim_ratio *s, double x, double y)
{
	s->n += 1;
	s->sx += x;
	s->sy += y;
	s->sxx += x * x;
	s->syy += y * y;
	s->sxy += x * y;
}

int wfm_sim_ratio_ci(const wfm_sim_ratio *s, double level, double *est, double *lo,
		     double *hi)
{
	double r, ss, half;

	if (!(s->sy != 0))
		return 0;
	r = s->sx / s->sy;
	*est = r;
	if (s->n < 2)
		return 1;
	ss = fmax(0, s->sxx - 2 * r * s->sxy + r * r * s->syy);
	half = gsl_cdf_tdist_Pinv(0.5 + 0.5 * level, s->n - 1) * sqrt(ss / (s->n - 1) / s->n) /
	       (s->sy / s->n);
	*lo = r - half;
	*hi = r + half;
	return 2;
}
