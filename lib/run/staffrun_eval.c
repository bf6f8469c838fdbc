/* staffrun_eval.c - evaluating a given staffing; see wfm_sr_evaluate in
 * staffrun.h.
 *
 * A staffing without a channel column (wfm-plan's coverage: agents per
 * interval and line) on a line with both phone and chat in the forecast
 * splits each interval's agents between the two as the plan's service
 * curve does (planrun_service.c), with the same functions
 * (wfm_sr_curve_make, wfm_sr_next_agent): from none on either, each next
 * agent goes to the channel where it saves most lost contacts (not answered live, or
 * not within the threshold when the channel's model has no abandonment and
 * its target is the service level; the lower convex envelope of each
 * channel's curve, plus [plan] depth_weight x contacts x the depth below
 * the target squared), ties to the phone; past both curves' ends (less
 * than 1e-7 of the contacts lost) the rest to the phone.  Its whole-day
 * rows (wfm-plan's e-mail and callback hours) go to the line's deferred
 * series, the callbacks the evaluated phone makes included, in proportion
 * to the hours each releases that day (add_whole). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "staffrun_impl.h"
#include "common/grow.h"
#include "common/value.h"
#include "io/csv.h"

enum { C_DATE, C_TIME, C_CHANNEL, C_LINE, C_PLANNED, C_AGENTS, NCOLS };

static const char *const al_date[] = {"period", "datum", "dag", "day", NULL};
static const char *const al_time[] = {"tijd", "uur", "interval", "tijdvak", "start", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_planned[] = {"gepland", NULL};
static const char *const al_agents[] = {"medewerkers", "voorlichters", NULL};

static const wfm_csv_col columns[NCOLS] = {
	{"date", al_date, 1},       {"time", al_time, 0},     {"channel", al_channel, 0},
	{"line", al_line, 1},       {"planned", al_planned, 0}, {"agents", al_agents, 0},
};

typedef struct entry {
	int32_t series;
	int32_t chat;   /* no channel column, a line with phone and chat: the chat
	                   series (series is the phone's), split by split_mixed; else -1 */
	wfm_date date;
	int16_t time;
	long src_line;
	double value; /* agents (live), agent-hours (deferred) */
} entry;

struct reader {
	wfm_sr *r;
	wfm_csv *csv;
	int idx[NCOLS], val;
	int channel;  /* for rows without a channel, or -1 */
	char head[NCOLS][64];
	wfm_numfmt nf;
	entry *ent;
	size_t n, cap;
	struct whole {
		wfm_date date;
		char line[WFM_SR_LINE_MAX + 1];
		double hours;
		long src_line;
	} *whole;       /* whole-day rows without a channel (add_whole) */
	size_t nwhole, wcap;
};

static const char *cell(const struct reader *rd, int c)
{
	return rd->idx[c] < 0 ? "" : wfm_csv_field(rd->csv, (size_t)rd->idx[c]);
}

static int cell_error(const struct reader *rd, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(rd->csv, e, rd->head[c], reason, cell(rd, c));
}

/* The series a row counts for, or -1 (with *rc set on an error). */
/* The value cell as hours (or agents of one interval): a number in
 * [0, 1000000]; WFM_EDATA naming the cell otherwise. */
static int hours_cell(const struct reader *rd, double *v, wfm_err *e)
{
	const char *why = wfm_parse_number(cell(rd, rd->val), rd->nf, v);

	if (why)
		return cell_error(rd, e, rd->val, why);
	if (*v < 0)
		return cell_error(rd, e, rd->val, "negative");
	if (*v > 1e6)
		return cell_error(rd, e, rd->val, "more than 1000000");
	return WFM_OK;
}

/* The series of a line's agents given without a channel: its phone, or
 * its chat when it has no phone (-1: neither); *chat the chat series when
 * the line has both live (split_mixed splits the agents), else -1. */
static int32_t line_series(wfm_sr *r, const char *line, int32_t *chat, wfm_err *e)
{
	sr_series *ph = wfm_sr_series_get(r, WFM_CH_PHONE, line, 0, e);
	sr_series *ch = wfm_sr_series_get(r, WFM_CH_CHAT, line, 0, e);

	*chat = -1;
	if (ph && ch && ph->live && ch->live)
		*chat = (int32_t)(ch - r->ser);
	return ph ? (int32_t)(ph - r->ser) : ch ? (int32_t)(ch - r->ser) : -1;
}

static int32_t row_series(struct reader *rd, const char *line, int32_t *chat, int *rc,
			  wfm_err *e)
{
	wfm_sr *r = rd->r;
	sr_series *ph;
	int channel;

	*rc = WFM_OK;
	*chat = -1;
	if (rd->idx[C_CHANNEL] >= 0) {
		if ((channel = wfm_channel_parse(cell(rd, C_CHANNEL))) < 0) {
			*rc = cell_error(rd, e, C_CHANNEL, "unknown channel (phone, email, chat, "
					 "social, callback)");
			return -1;
		}
		ph = wfm_sr_series_get(r, channel, line, 0, e);
		if (!ph && channel == WFM_CH_CALLBACK &&
		    wfm_sr_series_get(r, WFM_CH_PHONE, line, 0, e)) {
			/* the callbacks of the phone line: not in the forecast yet */
			if (!(ph = wfm_sr_series_get(r, channel, line, 1, e)) ||
			    (*rc = wfm_sr_deferred_setup(r, e))) {
				*rc = *rc ? *rc : e->code;
				return -1;
			}
			return (int32_t)(r->nser - 1);
		}
		return ph ? (int32_t)(ph - r->ser) : -1;
	}
	if (rd->channel >= 0) {
		ph = wfm_sr_series_get(r, rd->channel, line, 0, e);
		return ph ? (int32_t)(ph - r->ser) : -1;
	}
	return line_series(r, line, chat, e);
}

static int add_entry(struct reader *rd, wfm_err *e)
{
	wfm_sr *r = rd->r;
	char line[WFM_SR_LINE_MAX + 1];
	const char *why;
	entry en;
	int rc, start, end;

	memset(&en, 0, sizeof en);
	if ((why = wfm_parse_date(cell(rd, C_DATE), &en.date)))
		return cell_error(rd, e, C_DATE, why);
	if (en.date < r->s->from || en.date > r->s->to)
		return WFM_OK; /* outside the days asked for */
	en.time = -1;
	if (!wfm_blank(cell(rd, C_TIME))) {
		if ((why = wfm_parse_interval(cell(rd, C_TIME), &start, &end)))
			return cell_error(rd, e, C_TIME, why);
		en.time = (int16_t)start;
	}
	if (wfm_blank(cell(rd, C_LINE)))
		return cell_error(rd, e, C_LINE, "empty");
	wfm_trim_copy(cell(rd, C_LINE), line, sizeof line); /* cut when too long */
	en.series = row_series(rd, line, &en.chat, &rc, e);
	if (rc)
		return rc;
	if (en.time < 0 && rd->idx[C_CHANNEL] < 0 && rd->channel < 0) {
		/* a whole-day row without a channel: the line's deferred work,
		 * given out once the callbacks are known (add_whole) */
		if (en.date < r->first || en.date > r->last) {
			r->sum.unmatched++;
			return WFM_OK;
		}
		if ((rc = hours_cell(rd, &en.value, e)))
			return rc;
		for (size_t i = 0; i < rd->nwhole; i++)
			if (rd->whole[i].date == en.date && strcmp(rd->whole[i].line, line) == 0)
				return wfm_err_set(e, WFM_EDATA, "%s:%ld: line %s: whole-day row "
						   "given twice (also %ld)", wfm_csv_name(rd->csv),
						   wfm_csv_line(rd->csv), line, rd->whole[i].src_line);
		if (wfm_grow((void **)&rd->whole, &rd->wcap, rd->nwhole + 1, sizeof *rd->whole))
			return wfm_err_nomem(e);
		rd->whole[rd->nwhole].date = en.date;
		rd->whole[rd->nwhole].hours = en.value;
		rd->whole[rd->nwhole].src_line = wfm_csv_line(rd->csv);
		memcpy(rd->whole[rd->nwhole].line, line, sizeof line);
		rd->nwhole++;
		return WFM_OK;
	}
	if (en.series < 0 || en.date < r->first || en.date > r->last) {
		r->sum.unmatched++;
		return WFM_OK;
	}
	if (r->ser[en.series].live) {
		if (en.time < 0)
			return cell_error(rd, e, C_TIME, "empty: a live channel needs one row per "
					  "interval");
		if ((why = wfm_parse_count(cell(rd, rd->val), rd->nf, &en.value)))
			return cell_error(rd, e, rd->val, why);
		if (en.value > 1e6)
			return cell_error(rd, e, rd->val, "more than 1000000 agents");
	} else {
		if ((rc = hours_cell(rd, &en.value, e)))
			return rc;
		if (en.time >= 0) /* agents in one interval */
			en.value *= wfm_sr_interval_s(r) / 3600.0;
	}
	en.src_line = wfm_csv_line(rd->csv);
	if (wfm_grow((void **)&rd->ent, &rd->cap, rd->n + 1, sizeof *rd->ent))
		return wfm_err_nomem(e);
	rd->ent[rd->n++] = en;
	return WFM_OK;
}

static int read_staffing(struct reader *rd, const char *path, wfm_err *e)
{
	int rc;

	if (!(rd->csv = wfm_csv_open(path, NULL, e)))
		return e->code ? e->code : WFM_ENOINPUT;
	if ((rc = wfm_csv_read_header(rd->csv, columns, NCOLS, rd->idx, rd->head[0],
				      sizeof rd->head[0], e)))
		return rc;
	if (rd->idx[C_PLANNED] < 0 && rd->idx[C_AGENTS] < 0)
		return wfm_err_set(e, WFM_EDATA, "%s:%ld: missing column 'planned' or 'agents'",
				   wfm_csv_name(rd->csv), wfm_csv_line(rd->csv));
	rd->val = rd->idx[C_PLANNED] >= 0 ? C_PLANNED : C_AGENTS;
	rd->nf = wfm_csv_numfmt(rd->csv);
	while ((rc = wfm_csv_next(rd->csv, e)) > 0)
		if (!wfm_csv_blank_record(rd->csv) && (rc = add_entry(rd, e)))
			return rc;
	return rc < 0 ? e->code : WFM_OK;
}

/* The row of series `series` at (date, time), or NULL. */
static sr_row *find_row(const wfm_sr *r, int32_t series, wfm_date date, int time)
{
	for (size_t i = 0; i < r->nrow; i++)
		if (r->row[i].series == series && r->row[i].date == date && r->row[i].time == time)
			return &r->row[i];
	return NULL;
}

/* The curve of `row` as the plan's service curve counts it, at least
 * n_min + 1 points (wfm_sr_curve_make). */
static int row_curve(const wfm_sr *r, const sr_row *row, long n_min, wfm_sr_curve *c,
		     wfm_err *e)
{
	wfm_model m;
	wfm_target tg;

	wfm_sr_row_model(r, row, &m, &tg);
	return wfm_sr_curve_make(c, &m, &tg, row->volume, row->aht, wfm_sr_interval_s(r), n_min,
				 r->s->depth_weight, e);
}

/* Splits each entry of a line with phone and chat (en->chat >= 0) into a
 * phone and a chat entry (see the top of this file). */
static int split_mixed(struct reader *rd, wfm_err *e)
{
	wfm_sr *r = rd->r;
	size_t n0 = rd->n;

	for (size_t i = 0; i < n0; i++) {
		entry *en = &rd->ent[i];
		sr_row *ph, *ch;
		wfm_sr_curve cv[2];
		long N, at[2] = {0, 0}, k;
		int rc;

		if (en->chat < 0)
			continue;
		ph = find_row(r, en->series, en->date, en->time);
		ch = find_row(r, en->chat, en->date, en->time);
		if (!ph || !ch) {
			/* one channel open at that time: all its agents */
			if (ch)
				en->series = en->chat;
			en->chat = -1;
			continue;
		}
		N = (long)en->value;
		memset(cv, 0, sizeof cv);
		if ((rc = row_curve(r, ph, N, &cv[0], e)) || (rc = row_curve(r, ch, N, &cv[1], e))) {
			wfm_sr_curve_release(&cv[0]);
			wfm_sr_curve_release(&cv[1]);
			return rc;
		}
		for (k = 0; k < N; k++) {
			int to = wfm_sr_next_agent(cv, 2, at);

			at[to < 0 ? 0 : to]++; /* past both curves' ends: the phone */
		}
		wfm_sr_curve_release(&cv[0]);
		wfm_sr_curve_release(&cv[1]);
		if (wfm_grow((void **)&rd->ent, &rd->cap, rd->n + 1, sizeof *rd->ent))
			return wfm_err_nomem(e);
		en = &rd->ent[i];
		en->value = (double)at[0];
		rd->ent[rd->n] = *en;
		rd->ent[rd->n].series = en->chat;
		rd->ent[rd->n].value = (double)at[1];
		rd->ent[rd->n].chat = -1;
		rd->n++;
		en->chat = -1;
	}
	return WFM_OK;
}

/* Gives the hours of each whole-day row without a channel to the deferred
 * series of its line (the callbacks made by the evaluated phone rows
 * included, so after wfm_sr_add_callbacks) in proportion to the hours each
 * releases that day, all to the first when none does; a row whose line has
 * no deferred work, or whose date is no working day, matches nothing. */
static int add_whole(struct reader *rd, wfm_err *e)
{
	wfm_sr *r = rd->r;

	(void)e;
	for (size_t i = 0; i < rd->nwhole; i++) {
		const struct whole *w = &rd->whole[i];
		size_t d = (size_t)(w->date - r->first), k, wd, first = r->nser;
		double sum = 0;

		wd = (size_t)r->wk_ge[d];
		if (wd >= r->nwday || r->wday[wd] != w->date) {
			r->sum.unmatched++;
			continue;
		}
		for (k = 0; k < r->nser; k++)
			if (!r->ser[k].live && r->ser[k].jwork && r->ser[k].cap &&
			    strcmp(r->ser[k].line, w->line) == 0) {
				sum += r->ser[k].jwork[d];
				if (first == r->nser)
					first = k;
			}
		if (first == r->nser) {
			r->sum.unmatched++;
			continue;
		}
		if (!(sum > 0)) {
			r->ser[first].cap[wd] += w->hours;
			continue;
		}
		for (k = 0; k < r->nser; k++)
			if (!r->ser[k].live && r->ser[k].jwork && r->ser[k].cap &&
			    strcmp(r->ser[k].line, w->line) == 0)
				r->ser[k].cap[wd] += w->hours * r->ser[k].jwork[d] / sum;
	}
	return WFM_OK;
}

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

/* Gives every live row its agents and every deferred series its capacity.
 * `name` names the staffing in messages (NULL: a list, entries numbered
 * from 1 in src_line). */
static int apply(struct reader *rd, const char *name, wfm_err *e)
{
	wfm_sr *r = rd->r;
	size_t j = 0;

	qsort(rd->ent, rd->n, sizeof *rd->ent, entry_cmp);
	for (size_t i = 1; i < rd->n; i++) {
		const entry *p = &rd->ent[i - 1], *q = &rd->ent[i];

		if (p->series == q->series && p->date == q->date && p->time == q->time)
			return wfm_err_set(e, name ? WFM_EDATA : WFM_EUSAGE, "%s%s%ld: %s %s: given "
					   "twice (also %s %ld)", name ? name : "staffing entry",
					   name ? ":" : " ", q->src_line,
					   wfm_channel_name(r->ser[q->series].channel),
					   r->ser[q->series].line, name ? "on line" : "entry",
					   p->src_line);
	}
	for (size_t i = 0; i < r->nrow; i++) {
		sr_row *row = &r->row[i];

		if (!r->ser[row->series].live)
			continue;
		while (j < rd->n && entry_cmp(&rd->ent[j], &(entry){row->series, -1, row->date,
				row->time, -1, 0}) < 0) {
			r->sum.unmatched += r->ser[rd->ent[j].series].live;
			j++;
		}
		if (j < rd->n && rd->ent[j].series == row->series && rd->ent[j].date == row->date &&
		    rd->ent[j].time == row->time) {
			row->agents = (long)rd->ent[j++].value;
		} else {
			row->agents = 0;
			r->sum.no_staffing++;
		}
	}
	for (; j < rd->n; j++)
		r->sum.unmatched += r->ser[rd->ent[j].series].live;
	for (size_t i = 0; i < rd->n; i++) {
		const entry *en = &rd->ent[i];
		sr_series *ser = &r->ser[en->series];
		size_t k;

		if (ser->live)
			continue;
		k = (size_t)r->wk_ge[en->date - r->first];
		if (k < r->nwday && r->wday[k] == en->date)
			ser->cap[k] += en->value;
		else
			r->sum.unmatched++; /* not a working day */
	}
	return WFM_OK;
}

int wfm_sr_evaluate(wfm_sr *r, const char *path, int channel, wfm_err *e)
{
	struct reader rd;
	int rc;

	if (r->step)
		return wfm_err_set(e, WFM_EUSAGE, "the run was already computed");
	memset(&rd, 0, sizeof rd);
	rd.r = r;
	rd.channel = channel;
	r->sum.unmatched = r->sum.no_staffing = 0;
	rc = read_staffing(&rd, path, e);
	if (rc == WFM_OK)
		rc = split_mixed(&rd, e);
	if (rc == WFM_OK)
		rc = apply(&rd, wfm_csv_name(rd.csv), e);
	for (size_t i = 0; rc == WFM_OK && i < r->nrow; i++)
		if (r->ser[r->row[i].series].live)
			rc = wfm_sr_row_eval(r, &r->row[i], e);
	if (rc == WFM_OK && rd.nwhole && (rc = wfm_sr_add_callbacks(r, e)) == WFM_OK)
		rc = add_whole(&rd, e);
	wfm_csv_free(rd.csv);
	free(rd.ent);
	free(rd.whole);
	if (rc)
		return rc;
	r->step = 2;
	return wfm_sr_finish(r, 0, e);
}

int wfm_sr_evaluate_agents(wfm_sr *r, const wfm_sr_staff *st, size_t n, wfm_err *e)
{
	struct reader rd;
	int rc = WFM_OK;

	if (r->step)
		return wfm_err_set(e, WFM_EUSAGE, "the run was already computed");
	memset(&rd, 0, sizeof rd);
	rd.r = r;
	r->sum.unmatched = r->sum.no_staffing = 0;
	if (n && !(rd.ent = malloc(n * sizeof *rd.ent)))
		return wfm_err_nomem(e);
	rd.cap = n;
	for (size_t i = 0; i < n; i++) {
		int32_t k, chat = -1;

		if (st[i].agents < 0 || st[i].time < 0) {
			rc = wfm_err_set(e, WFM_EUSAGE, "staffing entry %zu: negative agents or no "
					 "time", i + 1);
			break;
		}
		if (st[i].channel < 0) {
			k = line_series(r, st[i].line, &chat, e);
		} else {
			const sr_series *ser = wfm_sr_series_get(r, st[i].channel, st[i].line, 0, e);

			k = ser ? (int32_t)(ser - r->ser) : -1;
		}
		if (k < 0 || !r->ser[k].live || st[i].date < r->first || st[i].date > r->last ||
		    st[i].date < r->s->from || st[i].date > r->s->to) {
			r->sum.unmatched++;
			continue;
		}
		rd.ent[rd.n++] = (entry){k, chat, st[i].date, (int16_t)st[i].time, (long)i + 1,
					 (double)st[i].agents};
	}
	if (rc == WFM_OK)
		rc = split_mixed(&rd, e);
	if (rc == WFM_OK)
		rc = apply(&rd, NULL, e);
	for (size_t i = 0; rc == WFM_OK && i < r->nrow; i++)
		if (r->ser[r->row[i].series].live)
			rc = wfm_sr_row_eval(r, &r->row[i], e);
	free(rd.ent);
	if (rc)
		return rc;
	r->step = 2;
	return wfm_sr_finish(r, 0, e);
}
