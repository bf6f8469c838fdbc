/* fcrun_ev.c - reading the entities' expected volumes (see fcrun.h). */
#include "fcrun_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/grow.h"
#include "common/value.h"

enum { C_FROM, C_TO, C_CHANNEL, C_LINE, C_MODE, C_VALUE, C_NOTE, NCOLS };

static const char *const al_from[] = {"van", "vanaf", "begin", "start", NULL};
static const char *const al_to[] = {"tot", "totenmet", "tem", "einde", "end", NULL};
static const char *const al_channel[] = {"kanaal", NULL};
static const char *const al_line[] = {"lijn", "lijncode", NULL};
static const char *const al_mode[] = {"modus", "wijze", NULL};
static const char *const al_value[] = {"waarde", "volume", "aantal", NULL};
static const char *const al_note[] = {"opmerking", "toelichting", "comment", NULL};

static const wfm_csv_col columns[NCOLS] = {
	{"from", al_from, 1},       {"to", al_to, 1},     {"channel", al_channel, 1},
	{"line", al_line, 1},       {"mode", al_mode, 1}, {"value", al_value, 1},
	{"note", al_note, 0},
};

struct ev_reader {
	wfm_csv *csv;
	int idx[NCOLS];
	char head[NCOLS][64]; /* the file's header cells, for messages */
	wfm_date first, last;
};

static const char *cell(const struct ev_reader *rd, int c)
{
	return rd->idx[c] < 0 ? "" : wfm_csv_field(rd->csv, (size_t)rd->idx[c]);
}

static int bad(const struct ev_reader *rd, wfm_err *e, int c, const char *reason)
{
	return wfm_csv_cell_error(rd->csv, e, rd->head[c], reason, cell(rd, c));
}

static int parse_date(const struct ev_reader *rd, int c, wfm_date *d, wfm_err *e)
{
	char why[96], b1[16];
	const char *r = wfm_parse_date(cell(rd, c), d);

	if (r)
		return bad(rd, e, c, r);
	if (*d < rd->first) {
		snprintf(why, sizeof why, "before the forecast starts (%s)",
			 wfm_date_iso(rd->first, b1));
		return bad(rd, e, c, why);
	}
	if (*d > rd->last) {
		snprintf(why, sizeof why, "more than %d days after the forecast starts",
			 (int)(rd->last - rd->first + 1));
		return bad(rd, e, c, why);
	}
	return WFM_OK;
}

/* A line code: 1-40 bytes, no control characters. */
static int parse_line(const struct ev_reader *rd, char *out, size_t n, wfm_err *e)
{
	const char *s = cell(rd, C_LINE);
	size_t i, len = strlen(s);

	if (wfm_blank(s))
		return bad(rd, e, C_LINE, "empty");
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			break;
	if (len > 40 || len >= n || i < len)
		return bad(rd, e, C_LINE, "not a line code (1-40 printable characters)");
	memcpy(out, s, len + 1);
	return WFM_OK;
}

static int parse_row(const struct ev_reader *rd, wfm_ev_row *x, wfm_err *e)
{
	static const char *const modes[] = {"add", "scale", "set"};
	const char *why, *m = cell(rd, C_MODE);
	int rc, k;

	memset(x, 0, sizeof *x);
	x->src_line = wfm_csv_line(rd->csv);
	if ((rc = parse_date(rd, C_FROM, &x->ev.from, e)) ||
	    (rc = parse_date(rd, C_TO, &x->ev.to, e)))
		return rc;
	if (x->ev.to < x->ev.from)
		return bad(rd, e, C_TO, "before the start of the period");
	if ((x->channel = wfm_channel_parse(cell(rd, C_CHANNEL))) < 0)
		return bad(rd, e, C_CHANNEL, wfm_blank(cell(rd, C_CHANNEL)) ? "empty" :
			   "unknown channel");
	if ((rc = parse_line(rd, x->line, sizeof x->line, e)))
		return rc;
	for (k = 0; k < 3 && strcasecmp(m, modes[k]) != 0; k++)
		;
	if (k == 3)
		return bad(rd, e, C_MODE, wfm_blank(m) ? "empty" :
			   "unknown mode (add, scale or set)");
	x->ev.mode = k == 0 ? WFM_FC_ADD : k == 1 ? WFM_FC_SCALE : WFM_FC_SET;
	if ((why = wfm_parse_number(cell(rd, C_VALUE), wfm_csv_numfmt(rd->csv), &x->ev.value)))
		return bad(rd, e, C_VALUE, why);
	if (x->ev.value < 0)
		return bad(rd, e, C_VALUE, "negative");
	return WFM_OK;
}

void wfm_ev_list_release(wfm_ev_list *l)
{
	if (!l)
		return;
	free(l->name);
	free(l->row);
	memset(l, 0, sizeof *l);
}

static int push(wfm_ev_list *l, size_t *cap, const wfm_ev_row *x, wfm_err *e)
{
	if (wfm_grow((void **)&l->row, cap, l->n + 1, sizeof *l->row))
		return wfm_err_nomem(e);
	l->row[l->n++] = *x;
	return WFM_OK;
}

int wfm_ev_read(const char *path, wfm_date first, wfm_date last, wfm_ev_list *out,
		wfm_err *err)
{
	wfm_err local, *e = err ? err : &local;
	struct ev_reader rd;
	wfm_ev_row x;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&rd, 0, sizeof rd);
	rd.first = first;
	rd.last = last;
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
		if ((rc = parse_row(&rd, &x, e)) || (rc = push(out, &cap, &x, e)))
			break;
	}
done:
	if (rc < 0)
		rc = e->code ? e->code : WFM_EDATA;
	wfm_csv_free(rd.csv);
	if (rc != WFM_OK) {
		free(out->row);
		free(out->name);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

int wfm_ev_check_horizon(const wfm_ev_list *l, wfm_date to, wfm_err *e)
{
	char d1[11], d2[11];
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->row[i].ev.from > to)
			return wfm_err_set(e, WFM_EDATA, "%s:%ld: column 'from': after the end of "
					   "the forecast (%s; forecast further with --to or "
					   "--days): '%s'", l->name, l->row[i].src_line,
					   wfm_date_iso(to, d1), wfm_date_iso(l->row[i].ev.from, d2));
	return WFM_OK;
}
