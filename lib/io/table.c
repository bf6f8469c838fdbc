/* table.c - the in-memory report table; see table.h.  The writers are in
 * table_csv.c, table_xlsx.c and table_svg.c. */
#include "table.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"

static char *dup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if ((p = malloc(n)))
		memcpy(p, s, n);
	return p;
}

/* Frees a string the table copied but keeps behind a const pointer. */
static void unconst_free(const char *s)
{
	free((void *)(uintptr_t)s);
}

static int good_name(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 31)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

wfm_table *wfm_table_new(const char *name, const char *title, wfm_err *e)
{
	wfm_table *t;

	if (!good_name(name)) {
		wfm_err_set(e, WFM_EUSAGE, "table: bad name '%s'", name ? name : "");
		return NULL;
	}
	if (!(t = calloc(1, sizeof *t)) || !(t->name = dup(name)) ||
	    (title && !(t->title = dup(title)))) {
		wfm_table_free(t);
		wfm_err_nomem(e);
		return NULL;
	}
	return t;
}

void wfm_table_free(wfm_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncol; i++)
		free(t->col[i].name);
	for (size_t i = 0; i < t->nrow * t->ncol; i++)
		free(t->cell[i].s);
	for (size_t i = 0; i < t->nchart; i++) {
		unconst_free(t->chart[i].title);
		unconst_free(t->chart[i].y_title);
	}
	free(t->col);
	free(t->cell);
	free(t->chart);
	free(t->name);
	free(t->title);
	free(t);
}

int wfm_table_add_col(wfm_table *t, const char *name, int type, int decimals, wfm_err *e)
{
	char *s;

	if (t->nrow > 0)
		return wfm_err_set(e, WFM_EUSAGE, "table %s: column '%s' added after the rows",
				   t->name, name ? name : "");
	if (type < WFM_TC_TEXT || type > WFM_TC_TIME || decimals < 0 || decimals > 9)
		return wfm_err_set(e, WFM_EUSAGE, "table %s: column '%s': bad type or decimals",
				   t->name, name ? name : "");
	if (wfm_grow((void **)&t->col, &t->capcol, t->ncol + 1, sizeof *t->col) ||
	    !(s = dup(name ? name : "")))
		return wfm_err_nomem(e);
	t->col[t->ncol++] = (wfm_tcol){s, type, decimals};
	return WFM_OK;
}

int wfm_table_add_row(wfm_table *t, wfm_err *e)
{
	size_t need = (t->nrow + 1) * t->ncol, cap = t->caprow * t->ncol;

	if (t->ncol == 0)
		return wfm_err_set(e, WFM_EUSAGE, "table %s: a row before any column", t->name);
	if (need > cap) {
		if (wfm_grow((void **)&t->cell, &cap, need, sizeof *t->cell))
			return wfm_err_nomem(e);
		t->caprow = cap / t->ncol;
	}
	for (size_t c = 0; c < t->ncol; c++)
		t->cell[t->nrow * t->ncol + c] = (wfm_tcell){NAN, NULL};
	t->nrow++;
	return WFM_OK;
}

void wfm_table_set(wfm_table *t, size_t row, size_t col, double v)
{
	if (row < t->nrow && col < t->ncol && t->col[col].type != WFM_TC_TEXT)
		t->cell[row * t->ncol + col].v = v;
}

int wfm_table_set_text(wfm_table *t, size_t row, size_t col, const char *s, wfm_err *e)
{
	wfm_tcell *c;
	char *p = NULL;

	if (row >= t->nrow || col >= t->ncol || t->col[col].type != WFM_TC_TEXT)
		return wfm_err_set(e, WFM_EUSAGE, "table %s: no text cell (%zu, %zu)", t->name,
				   row, col);
	if (s && *s && !(p = dup(s)))
		return wfm_err_nomem(e);
	c = &t->cell[row * t->ncol + col];
	free(c->s);
	c->s = p;
	return WFM_OK;
}

const wfm_tcell *wfm_table_cell(const wfm_table *t, size_t row, size_t col)
{
	return row < t->nrow && col < t->ncol ? &t->cell[row * t->ncol + col] : NULL;
}

int wfm_table_add_chart(wfm_table *t, const wfm_tchart *c, wfm_err *e)
{
	wfm_tchart k;
	char *title, *y_title = NULL;

	if (c->ny < 1 || c->ny > WFM_CHART_MAXY || c->x >= t->ncol || c->first >= c->last ||
	    c->last > t->nrow || (c->kind != WFM_CHART_LINE && c->kind != WFM_CHART_COLUMN))
		return wfm_err_set(e, WFM_EUSAGE, "table %s: chart does not fit the table",
				   t->name);
	for (int i = 0; i < c->ny; i++)
		if (c->y[i] >= t->ncol || (t->col[c->y[i]].type != WFM_TC_NUM &&
					   t->col[c->y[i]].type != WFM_TC_PCT))
			return wfm_err_set(e, WFM_EUSAGE, "table %s: chart series %d is no "
					   "number column", t->name, i);
	title = dup(c->title ? c->title : "");
	if (c->y_title)
		y_title = dup(c->y_title);
	if (!title || (c->y_title && !y_title) ||
	    wfm_grow((void **)&t->chart, &t->capchart, t->nchart + 1, sizeof *t->chart)) {
		free(title);
		free(y_title);
		return wfm_err_nomem(e);
	}
	k = *c;
	k.title = title;
	k.y_title = y_title;
	t->chart[t->nchart++] = k;
	return WFM_OK;
}
