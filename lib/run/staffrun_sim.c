/* staffrun_sim.c - simulating the days of a staffing run; see
 * wfm_sr_simulate in staffrun.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"

static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The generator seed of one run of one series-day. */
static unsigned long day_seed(unsigned long seed, int run, wfm_date date, const sr_series *s)
{
	uint64_t h = mix((uint64_t)seed);

	h = mix(h ^ (uint64_t)(unsigned)run);
	h = mix(h ^ (uint64_t)(uint32_t)date);
	h = mix(h ^ (uint64_t)(unsigned)s->channel);
	for (const char *p = s->line; *p; p++)
		h = mix(h ^ (unsigned char)*p);
	return (unsigned long)(h & 0xffffffffu);
}

/* The (x, y) pairs of the figures of one interval, or of a day's sums. */
static void add_figures(wfm_sim_ratio *st, const wfm_sim_counts *c)
{
	wfm_sim_ratio_add(&st[0], c->within, c->arrivals);
	wfm_sim_ratio_add(&st[1], c->answered, c->arrivals);
	wfm_sim_ratio_add(&st[2], c->wait_s, c->answered);
	wfm_sim_ratio_add(&st[3], c->busy_s, c->capacity_s);
	wfm_sim_ratio_add(&st[4], c->abandoned, 1);
	wfm_sim_ratio_add(&st[5], c->callbacks, 1);
	wfm_sim_ratio_add(&st[6], c->backlog, 1);
}

/* One series-day as a run of intervals from its first row to its last,
 * intervals without a row having no contacts and no agents. */
struct day {
	size_t n;
	double *volume, *aht;
	long *agents;
	size_t *at;            /* interval of each row */
	wfm_sim_counts *counts;
};

static int day_alloc(struct day *d, size_t n, size_t rows)
{
	d->volume = calloc(n, sizeof *d->volume);
	d->aht = calloc(n, sizeof *d->aht);
	d->agents = calloc(n, sizeof *d->agents);
	d->counts = calloc(n, sizeof *d->counts);
	d->at = calloc(rows, sizeof *d->at);
	return d->volume && d->aht && d->agents && d->counts && d->at ? 0 : -1;
}

static void day_release(struct day *d)
{
	free(d->volume);
	free(d->aht);
	free(d->agents);
	free(d->counts);
	free(d->at);
}

static int sim_sday(wfm_sr *r, size_t k, const wfm_sr_sim_opts *o, wfm_err *e)
{
	const sr_sday *sd = &r->sday[k];
	const sr_row *row = &r->row[sd->first];
	const sr_series *ser = &r->ser[sd->series];
	int step = r->s->interval;
	struct day d;
	wfm_sim_day sim;
	wfm_target tg;
	int rc = WFM_OK;

	memset(&d, 0, sizeof d);
	d.n = (size_t)((row[sd->n - 1].time - row[0].time) / step) + 1;
	if (day_alloc(&d, d.n, sd->n)) {
		day_release(&d);
		return wfm_err_nomem(e);
	}
	for (size_t i = 0; i < d.n; i++)
		d.aht[i] = row[0].aht;
	for (size_t i = 0; i < sd->n; i++) {
		size_t at = (size_t)((row[i].time - row[0].time) / step);

		d.at[i] = at;
		d.volume[at] = row[i].volume;
		d.aht[at] = row[i].aht;
		d.agents[at] = row[i].agents;
	}
	memset(&sim, 0, sizeof sim);
	wfm_sr_row_model(r, &row[0], &sim.model, &tg);
	sim.dist = o->dist;
	sim.cv = o->cv;
	sim.interval_s = wfm_sr_interval_s(r);
	sim.t_s = r->s->sl_time;
	sim.n = d.n;
	sim.volume = d.volume;
	sim.aht_s = d.aht;
	sim.agents = d.agents;
	for (int run = 0; run < o->runs && rc == WFM_OK; run++) {
		wfm_sim_counts sum;

		rc = wfm_sim_day_run(&sim, day_seed(o->seed, run, sd->date, ser), d.counts, e);
		if (rc)
			break;
		memset(&sum, 0, sizeof sum);
		for (size_t i = 0; i < d.n; i++) {
			const wfm_sim_counts *c = &d.counts[i];

			sum.arrivals += c->arrivals;
			sum.answered += c->answered;
			sum.within += c->within;
			sum.abandoned += c->abandoned;
			sum.callbacks += c->callbacks;
			sum.wait_s += c->wait_s;
			sum.busy_s += c->busy_s;
			sum.capacity_s += c->capacity_s;
			sum.backlog = fmax(sum.backlog, c->backlog);
		}
		for (size_t i = 0; i < sd->n; i++)
			add_figures(&r->sim_row[(sd->first + i) * SR_NFIG], &d.counts[d.at[i]]);
		add_figures(&r->sim_day[k * SR_NFIG], &sum);
	}
	day_release(&d);
	return rc;
}

int wfm_sr_simulate(wfm_sr *r, const wfm_sr_sim_opts *o, wfm_err *e)
{
	int rc;

	if (!r->step)
		return wfm_err_set(e, WFM_EUSAGE, "nothing to simulate yet: compute the "
				   "requirements or evaluate a staffing first");
	if (o->runs < 2)
		return wfm_err_set(e, WFM_EUSAGE, "--runs: at least 2 runs are needed for a "
				   "confidence interval: '%d'", o->runs);
	if (!(o->level > 0 && o->level < 1))
		return wfm_err_set(e, WFM_EUSAGE, "confidence level out of range: %g", o->level);
	free(r->sim_row);
	free(r->sim_day);
	r->sim_row = calloc(r->nrow * SR_NFIG, sizeof *r->sim_row);
	r->sim_day = calloc((r->nsday ? r->nsday : 1) * SR_NFIG, sizeof *r->sim_day);
	if (!r->sim_row || !r->sim_day)
		return wfm_err_nomem(e);
	for (size_t k = 0; k < r->nsday; k++) {
		if (!r->ser[r->sday[k].series].live)
			continue;
		if ((rc = sim_sday(r, k, o, e)))
			return rc;
	}
	r->sim_level = o->level;
	r->simulated = 1;
	return WFM_OK;
}
