/* fcrun_events.c - the planner's events: reading the file, marking the days
 * of the series, and the notes that say what they did (see fcrun.h). */
#include "fcrun_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/grow.h"
#include "common/value.h"

enum { C_FROM, C_TO, C_LINE, C_CHANNEL, C_KIND, C_NAME, NCOLS };

static const char *const al_from[] = {"van", "vanaf", "begin", "start", NULL};
static const char *const al_to[] = {"tot", "totenmet", "tem", "einde", "end", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_kind[] = {"soort", "type", NULL};
static const char *const al_name[] = {"naam", "event", "gebeurtenis", "omschrijving", NULL};

static const wfm_csv_col columns[NCOLS] = {
	{"from", al_from, 1},  {"to", al_to, 1},     {"line", al_line, 1},
	{"channel", al_channel, 1}, {"kind", al_kind, 1}, {"name", al_name, 1},
};

struct reader {
	wfm_csv *csv;
	int idx[NCOLS];
	char head[NCOLS][64];
};

static const char *cell(const struct reader *rd, int c)
{
	return rd->idx[c] < 0 ? "" : wfm_csv_field(rd->csv, (size_t)rd->idx[c]);
}

static int bad(const struct reader *rd, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(rd->csv, e, rd->head[c], reason, cell(rd, c));
}

static int parse_row(const struct reader *rd, wfm_event *x, wfm_err *e)
{
	const char *why, *s;
	size_t len, i;

	memset(x, 0, sizeof *x);
	x->src_line = wfm_csv_line(rd->csv);
	if ((why = wfm_parse_date(cell(rd, C_FROM), &x->from)))
		return bad(rd, e, C_FROM, why);
	if ((why = wfm_parse_date(cell(rd, C_TO), &x->to)))
		return bad(rd, e, C_TO, why);
	if (x->to < x->from)
		return bad(rd, e, C_TO, "before the start of the period");
	x->channel = -1;
	if (!wfm_blank(cell(rd, C_CHANNEL)) &&
	    (x->channel = wfm_channel_parse(cell(rd, C_CHANNEL))) < 0)
		return bad(rd, e, C_CHANNEL, "unknown channel (phone, email, chat, social, "
			   "callback, or empty for all)");
	s = cell(rd, C_LINE);
	len = strlen(s);
	for (i = 0; i < len && (unsigned char)s[i] >= 0x20 && s[i] != 0x7f; i++)
		;
	if (len > 40 || i < len)
		return bad(rd, e, C_LINE, "not a line code (1-40 printable characters, or empty "
			   "for all)");
	if (!wfm_blank(s))
		memcpy(x->line, s, len + 1);
	s = cell(rd, C_KIND);
	if (strcasecmp(s, "exclude") == 0)
		x->kind = WFM_EVENT_EXCLUDE;
	else if (strcasecmp(s, "effect") == 0)
		x->kind = WFM_EVENT_EFFECT;
	else
		return bad(rd, e, C_KIND, wfm_blank(s) ? "empty (exclude or effect)" :
			   "unknown kind (exclude or effect)");
	s = cell(rd, C_NAME);
	if (wfm_blank(s))
		return bad(rd, e, C_NAME, "empty: every event needs a name");
	if (strlen(s) > 200)
		return bad(rd, e, C_NAME, "longer than 200 bytes");
	if (!(x->name = strdup(s)))
		return wfm_err_nomem(e);
	return WFM_OK;
}

void wfm_event_list_release(wfm_event_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->row[i].name);
	free(l->row);
	free(l->name);
	memset(l, 0, sizeof *l);
}

/* The effect id of row k: 1 + the index of its name among the distinct
 * names of effect rows, in order of first appearance; 0 for exclude rows. */
static int effect_id(const wfm_event_list *l, size_t k)
{
	size_t i, j;
	int id = 0;

	if (l->row[k].kind != WFM_EVENT_EFFECT)
		return 0;
	for (i = 0; i <= k; i++) {
		if (l->row[i].kind != WFM_EVENT_EFFECT)
			continue;
		for (j = 0; j < i; j++)
			if (l->row[j].kind == WFM_EVENT_EFFECT &&
			    strcmp(l->row[j].name, l->row[i].name) == 0)
				break;
		if (j == i)
			id++;
		if (strcmp(l->row[i].name, l->row[k].name) == 0)
			return id;
	}
	return id;
}

int wfm_events_read(const char *path, wfm_event_list *out, wfm_err *err)
{
	wfm_err local, *e = err ? err : &local;
	struct reader rd;
	wfm_event x;
	size_t cap = 0, k;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&rd, 0, sizeof rd);
	wfm_err_clear(e);
	if (!(rd.csv = wfm_csv_open(path, NULL, e)))
		return e->code;
	if (!(out->name = strdup(wfm_csv_name(rd.csv)))) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	if ((rc = wfm_csv_read_header(rd.csv, columns, NCOLS, rd.idx, rd.head[0],
				      sizeof rd.head[0], e)))
		goto done;
	while ((rc = wfm_csv_next(rd.csv, e)) > 0) {
		if (wfm_csv_blank_record(rd.csv))
			continue;
		if ((rc = parse_row(&rd, &x, e)))
			break;
		if (wfm_grow((void **)&out->row, &cap, out->n + 1, sizeof *out->row)) {
			free(x.name);
			rc = wfm_err_nomem(e);
			break;
		}
		out->row[out->n++] = x;
	}
	for (k = 0; rc == WFM_OK && k < out->n; k++)
		if (effect_id(out, k) >= WFM_FC_MAX_EFFECTS)
			rc = wfm_err_set(e, WFM_EDATA, "%s:%ld: column 'name': more than %d "
					 "different effects: '%s'", out->name, out->row[k].src_line,
					 WFM_FC_MAX_EFFECTS - 1, out->row[k].name);
done:
	if (rc < 0)
		rc = e->code ? e->code : WFM_EDATA;
	wfm_csv_free(rd.csv);
	if (rc != WFM_OK)
		wfm_event_list_release(out);
	return rc;
}

static int applies(const wfm_event *x, const wfm_fcrun_series *s)
{
	return (!x->line[0] || strcmp(x->line, s->line) == 0) &&
	       (x->channel < 0 || x->channel == s->channel);
}

int wfm_fcrun_events(wfm_fcrun *r, const wfm_event_list *ev, wfm_err *e)
{
	size_t k;
	int i, rc = WFM_OK;

	if (!r || !ev)
		return wfm_err_set(e, WFM_EUSAGE, "forecast run: no run or events");
	r->events = ev;
	for (k = 0; k < ev->n; k++) {
		const wfm_event *x = &ev->row[k];
		int id = effect_id(ev, k), hit = 0;

		for (i = 0; i < r->ns; i++) {
			wfm_fcrun_series *s = &r->s[i];
			wfm_date d, a = x->from > s->first ? x->from : s->first;
			wfm_date b = x->to < s->first + s->n - 1 ? x->to : s->first + s->n - 1;

			if (!applies(x, s))
				continue;
			hit = 1;
			if (!s->flags && !(s->flags = calloc((size_t)s->n + 1, 1)))
				return wfm_err_nomem(e);
			if (id && !s->effect && !(s->effect = calloc((size_t)s->n + 1, 1)))
				return wfm_err_nomem(e);
			for (d = a; d <= b; d++) {
				int t = d - s->first, md = d - s->mx.first;

				if (!id) {
					s->flags[t] |= WFM_FC_EXCLUDE;
					/* nor does the day shape the intraday profile */
					if (s->mx.days && md >= 0 && md < s->mx.days &&
					    s->mx_state[md] == WFM_FC_OPEN)
						s->mx_state[md] = WFM_FC_MISSING;
				} else {
					s->effect[t] = (unsigned char)id;
				}
			}
		}
		if (!hit && (x->line[0] || x->channel >= 0))
			rc = wfm_fcr_note(r, e, 1, "%s:%ld: event '%s' names no series of the "
					  "history (line %s, channel %s): ignored", ev->name,
					  x->src_line, x->name, x->line[0] ? x->line : "any",
					  x->channel >= 0 ? wfm_channel_name(x->channel) : "any");
		if (rc)
			return rc;
	}
	return WFM_OK;
}

/* Days of series s in [a, b] (clipped to its days) that are history with
 * data; *ahead gets the open days forecast. */
static int days_in(const wfm_fcrun_series *s, wfm_date a, wfm_date b, int *ahead)
{
	int t, n = 0;

	*ahead = 0;
	for (t = a - s->first; t <= b - s->first; t++) {
		if (t < 0 || t >= s->n)
			continue;
		if (t < s->n_hist)
			n += s->state[t] == WFM_FC_OPEN;
		else
			*ahead += s->state[t] == WFM_FC_OPEN;
	}
	return n;
}

int wfm_fcr_event_notes(wfm_fcrun *r, int i, wfm_err *e)
{
	const wfm_event_list *ev = r->events;
	const wfm_fcrun_series *s = &r->s[i];
	char name[128], b1[16], b2[16];
	size_t k, j;
	int rc;

	if (!ev || !s->fc)
		return WFM_OK;
	wfm_fcr_name(r, i, name, sizeof name);
	for (k = 0; k < ev->n; k++) {
		const wfm_event *x = &ev->row[k];
		int hist = 0, ahead = 0, a, id = effect_id(ev, k);

		if (!applies(x, s))
			continue;
		/* one note per effect name: its first row sums them all */
		for (j = 0; id && j < k; j++)
			if (ev->row[j].kind == WFM_EVENT_EFFECT && applies(&ev->row[j], s) &&
			    strcmp(ev->row[j].name, x->name) == 0)
				break;
		if (id && j < k)
			continue;
		for (j = k; j < ev->n; j++)
			if (j == k || (id && ev->row[j].kind == WFM_EVENT_EFFECT &&
				       applies(&ev->row[j], s) &&
				       strcmp(ev->row[j].name, x->name) == 0)) {
				hist += days_in(s, ev->row[j].from, ev->row[j].to, &a);
				ahead += a;
			}
		if (!id)
			rc = wfm_fcr_note(r, e, 0, "%s: event '%s' (exclude, %s..%s): %d day%s with "
					  "data left out of the fit%s", name, x->name,
					  wfm_date_iso(x->from, b1), wfm_date_iso(x->to, b2), hist,
					  hist == 1 ? "" : "s", ahead ? ", forecast as ordinary days" :
					  "");
		else if (s->fc->effect_days[id])
			rc = wfm_fcr_note(r, e, 0, "%s: event '%s' (effect): x%.2f, learnt from %d "
					  "day%s of the history; %d day%s forecast with it", name,
					  x->name, s->fc->effect[id], s->fc->effect_days[id],
					  s->fc->effect_days[id] == 1 ? "" : "s", ahead,
					  ahead == 1 ? "" : "s");
		else if (ahead)
			rc = wfm_fcr_note(r, e, 1, "%s: event '%s' (effect): no day of the history "
					  "to learn it from, so its %d day%s forecast as ordinary; "
					  "give its volume with --expected", name, x->name, ahead,
					  ahead == 1 ? " is" : "s are");
		else
			rc = wfm_fcr_note(r, e, 0, "%s: event '%s' (effect): no day of the history "
					  "to learn it from, and none ahead", name, x->name);
		if (rc)
			return rc;
	}
	return WFM_OK;
}
