/* reportrun.c - the report run: its tables, notes and history; the backlog
 * file.  The sections are in reportrun_acc.c, reportrun_ev.c,
 * reportrun_service.c, reportrun_plan.c and reportrun_cap.c. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "reportrun_impl.h"
#include "common/grow.h"

wfm_rr *wfm_rr_new(const wfm_config *cfg, const wfm_calendar *cal, const wfm_rr_opts *o,
		   wfm_err *e)
{
	wfm_rr *r = calloc(1, sizeof *r);

	if (!r) {
		wfm_err_nomem(e);
		return NULL;
	}
	r->cfg = cfg;
	r->cal = cal;
	r->o = *o;
	return r;
}

void wfm_rr_free(wfm_rr *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nt; i++)
		wfm_table_free(r->t[i]);
	for (size_t i = 0; i < r->nnote; i++)
		free(r->note[i].text);
	free(r->t);
	free(r->note);
	free(r->end);
	wfm_hist_free(r->hist);
	free(r->hist_path);
	free(r);
}

size_t wfm_rr_ntables(const wfm_rr *r)
{
	return r->nt;
}

wfm_table *const *wfm_rr_tables(const wfm_rr *r)
{
	return r->t;
}

wfm_table *wfm_rr_find(const wfm_rr *r, const char *name)
{
	const char *local = wfm_rr_t(r, name); /* the Dutch name of an English one */

	for (size_t i = 0; i < r->nt; i++)
		if (strcmp(r->t[i]->name, name) == 0 || strcmp(r->t[i]->name, local) == 0)
			return r->t[i];
	return NULL;
}

wfm_tfmt wfm_rr_format(const wfm_rr *r)
{
	wfm_tfmt f = {r->o.lang == WFM_RR_NL, r->o.lang == WFM_RR_NL ? ',' : '.', 0};

	/* midnight after the last day reported, in seconds since the epoch */
	if (r->last_day > 0)
		f.created = (time_t)(r->last_day + 1) * 86400;
	return f;
}

void wfm_rr_saw_day(wfm_rr *r, wfm_date d)
{
	if (d > r->last_day)
		r->last_day = d;
}

wfm_table *wfm_rr_add_table(wfm_rr *r, const char *name, const char *title,
			    const rr_col *cols, size_t n, wfm_err *e)
{
	wfm_table *t = wfm_table_new(wfm_rr_t(r, name), title, e);

	for (size_t i = 0; t && i < n; i++) {
		if (wfm_table_add_col(t, wfm_rr_t(r, cols[i].key), cols[i].type, cols[i].decimals,
				      e) != WFM_OK) {
			wfm_table_free(t);
			return NULL;
		}
	}
	if (t && wfm_grow((void **)&r->t, &r->capt, r->nt + 1, sizeof *r->t)) {
		wfm_table_free(t);
		wfm_err_nomem(e);
		return NULL;
	}
	if (t)
		r->t[r->nt++] = t;
	return t;
}

int wfm_rr_row(wfm_table *t, wfm_err *e)
{
	return wfm_table_add_row(t, e);
}

void wfm_rr_num(wfm_table *t, size_t col, double v)
{
	wfm_table_set(t, t->nrow - 1, col, v);
}

int wfm_rr_text(wfm_table *t, size_t col, const char *s, wfm_err *e)
{
	return wfm_table_set_text(t, t->nrow - 1, col, s, e);
}

int wfm_rr_notef(wfm_rr *r, int warning, wfm_err *e, const char *fmt, ...)
{
	char buf[1024], *s;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	n = strlen(buf) + 1;
	if (wfm_grow((void **)&r->note, &r->capnote, r->nnote + 1, sizeof *r->note) ||
	    !(s = malloc(n)))
		return wfm_err_nomem(e);
	memcpy(s, buf, n);
	r->note[r->nnote++] = (rr_note){s, warning};
	return WFM_OK;
}

size_t wfm_rr_nnotes(const wfm_rr *r)
{
	return r->nnote;
}

const char *wfm_rr_note(const wfm_rr *r, size_t i, int *warning)
{
	if (i >= r->nnote)
		return "";
	if (warning)
		*warning = r->note[i].warning;
	return r->note[i].text;
}

char *wfm_rr_cat(char *buf, size_t n, ...)
{
	va_list ap;
	const char *s;
	size_t o = 0;

	va_start(ap, n);
	while ((s = va_arg(ap, const char *)) != NULL) {
		size_t len = strlen(s);

		if (o + len >= n)
			len = n - 1 - o;
		memcpy(buf + o, s, len);
		o += len;
	}
	va_end(ap);
	buf[o] = '\0';
	return buf;
}

int wfm_rr_load_history(wfm_rr *r, const char *path, wfm_err *e)
{
	wfm_read_opts ro;
	wfm_hist *h;
	int rc;

	if (r->hist && strcmp(r->hist_path, path) == 0)
		return WFM_OK;
	memset(&ro, 0, sizeof ro);
	ro.interval = r->cfg->interval;
	if (!(h = wfm_hist_new(e)))
		return e->code;
	if ((rc = wfm_hist_read(h, path, 0, &ro, NULL, e)) != WFM_OK) {
		wfm_hist_free(h);
		return rc;
	}
	wfm_hist_sort(h);
	free(r->hist_path);
	if (!(r->hist_path = malloc(strlen(path) + 1))) {
		wfm_hist_free(h);
		return wfm_err_nomem(e);
	}
	memcpy(r->hist_path, path, strlen(path) + 1);
	wfm_hist_free(r->hist);
	r->hist = h;
	return WFM_OK;
}

int wfm_rr_write_backlog(const wfm_rr *r, FILE *f, wfm_err *e)
{
	static const char *const head[] = {"date", "channel", "line", "open", NULL};
	wfm_csvw w;

	if (!r->have_end)
		return wfm_err_set(e, WFM_EUSAGE, "no service section: no backlog to write");
	wfm_csvw_init(&w, f, 0);
	wfm_csvw_header(&w, head);
	for (size_t i = 0; i < r->nend; i++) {
		wfm_csvw_date(&w, r->end_date);
		wfm_csvw_str(&w, wfm_channel_name(r->end[i].channel));
		wfm_csvw_str(&w, r->end[i].line);
		wfm_csvw_num(&w, r->end[i].open, 2);
		wfm_csvw_end(&w);
	}
	if (wfm_csvw_error(&w))
		return wfm_err_set(e, WFM_EIO, "write error");
	return WFM_OK;
}
