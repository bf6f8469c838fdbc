/* staffrun_core.c - the staffing run's core: its series table, accessors
 * every part of the run uses, and freeing it; see staffrun_impl.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"
#include "common/grow.h"

double wfm_sr_interval_s(const wfm_sr *r)
{
	return 60.0 * r->s->interval;
}

/* ---- series ---- */

static size_t series_hash(int channel, const char *line)
{
	size_t h = 2166136261u ^ (size_t)channel;

	for (; *line; line++)
		h = (h ^ (unsigned char)*line) * 16777619u;
	return h;
}

static int rehash(wfm_sr *r, size_t n)
{
	int32_t *h = malloc(n * sizeof *h);

	if (!h)
		return -1;
	for (size_t i = 0; i < n; i++)
		h[i] = -1;
	for (size_t i = 0; i < r->nser; i++) {
		size_t j = series_hash(r->ser[i].channel, r->ser[i].line) & (n - 1);

		while (h[j] >= 0)
			j = (j + 1) & (n - 1);
		h[j] = (int32_t)i;
	}
	free(r->hash);
	r->hash = h;
	r->nhash = n;
	return 0;
}

sr_series *wfm_sr_series_get(wfm_sr *r, int channel, const char *line, int create, wfm_err *e)
{
	size_t j;
	sr_series *s;

	if (r->nhash) {
		j = series_hash(channel, line) & (r->nhash - 1);
		for (; r->hash[j] >= 0; j = (j + 1) & (r->nhash - 1)) {
			s = &r->ser[r->hash[j]];
			if (s->channel == channel && strcmp(s->line, line) == 0)
				return s;
		}
	}
	if (!create)
		return NULL;
	if (wfm_grow((void **)&r->ser, &r->capser, r->nser + 1, sizeof *r->ser))
		return wfm_err_nomem(e), NULL;
	s = &r->ser[r->nser++];
	memset(s, 0, sizeof *s);
	s->channel = channel;
	snprintf(s->line, sizeof s->line, "%s", line);
	s->live = !wfm_channel_deferred(channel);
	if (2 * r->nser > r->nhash) { /* the new table holds the new series too */
		if (rehash(r, r->nhash ? 2 * r->nhash : 64)) {
			r->nser--;
			return wfm_err_nomem(e), NULL;
		}
		return s;
	}
	j = series_hash(channel, line) & (r->nhash - 1);
	while (r->hash[j] >= 0)
		j = (j + 1) & (r->nhash - 1);
	r->hash[j] = (int32_t)(r->nser - 1);
	return s;
}

const char *wfm_sr_row_where(const wfm_sr *r, const sr_row *row, char *buf, size_t n)
{
	char d[11], t[6];
	const sr_series *s = &r->ser[row->series];

	snprintf(buf, n, "%s:%ld: %s%s%s %s %s", r->name, row->src_line, wfm_date_iso(row->date, d),
		 row->time >= 0 ? " " : "", row->time >= 0 ? wfm_time_hhmm(row->time, t) : "",
		 wfm_channel_name(s->channel), s->line);
	return buf;
}

double wfm_sr_config_aht(const wfm_sr *r, int channel, const char *line)
{
	const wfm_sr_settings *s = r->s;

	for (size_t k = 0; k < s->n_aht_line; k++)
		if (s->aht_line[k].channel == channel && strcmp(s->aht_line[k].line, line) == 0)
			return s->aht_line[k].aht_s;
	return s->aht_channel[channel];
}

const wfm_sr_summary *wfm_sr_get_summary(const wfm_sr *r)
{
	return &r->sum;
}

void wfm_sr_free(wfm_sr *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nser; i++) {
		sr_series *s = &r->ser[i];

		free(s->jvol);
		free(s->jwork);
		free(s->cap);
		free(s->rvol);
		free(s->rwork);
		free(s->ontime);
		free(s->done);
		free(s->backlog);
		free(s->late);
	}
	free(r->ser);
	free(r->hash);
	free(r->row);
	free(r->sday);
	free(r->wday);
	free(r->wk_ge);
	free(r->dl_idx);
	free(r->sim_row);
	free(r->sim_day);
	free(r->name);
	free(r->bname);
	free(r);
}
