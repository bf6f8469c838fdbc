#include "history_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "common/sortctx.h"

wfm_hist *wfm_hist_new(wfm_err *e)
{
	wfm_hist *h = calloc(1, sizeof *h);

	if (!h)
		wfm_err_nomem(e);
	return h;
}

void wfm_hist_free(wfm_hist *h)
{
	int i;

	if (!h)
		return;
	for (i = 0; i < h->nlines; i++)
		free(h->lines[i]);
	free(h->lines);
	free(h->rows);
	free(h);
}

size_t wfm_hist_count(const wfm_hist *h)
{
	return h->n;
}

const wfm_hrow *wfm_hist_rows(const wfm_hist *h)
{
	return h->rows;
}

const char *wfm_hist_line(const wfm_hist *h, int line)
{
	return line >= 0 && line < h->nlines ? h->lines[line] : "";
}

int wfm_hist_nlines(const wfm_hist *h)
{
	return h->nlines;
}

int wfm_hist_line_find(const wfm_hist *h, const char *code)
{
	int i;

	for (i = 0; i < h->nlines; i++)
		if (strcmp(h->lines[i], code) == 0)
			return i;
	return -1;
}

int wfm_hist_intern(wfm_hist *h, const char *code)
{
	char *copy;

	if (h->last_line >= 0 && h->last_line < h->nlines &&
	    strcmp(h->lines[h->last_line], code) == 0)
		return h->last_line;
	h->last_line = wfm_hist_line_find(h, code);
	if (h->last_line >= 0)
		return h->last_line;
	if (wfm_grow((void **)&h->lines, &h->caplines, (size_t)h->nlines + 1, sizeof *h->lines))
		return -1;
	copy = strdup(code);
	if (!copy)
		return -1;
	h->lines[h->nlines] = copy;
	h->last_line = h->nlines;
	return h->nlines++;
}

int wfm_hist_push(wfm_hist *h, const wfm_hrow *r, wfm_err *e)
{
	if (wfm_grow((void **)&h->rows, &h->cap, h->n + 1, sizeof *h->rows))
		return wfm_err_nomem(e);
	h->rows[h->n++] = *r;
	return WFM_OK;
}

int wfm_hist_append(wfm_hist *to, wfm_hist *from, wfm_err *e)
{
	int *map = NULL;
	size_t i;
	int l;

	if (from->nlines) {
		map = malloc((size_t)from->nlines * sizeof *map);
		if (!map)
			return wfm_err_nomem(e);
	}
	for (l = 0; l < from->nlines; l++) {
		map[l] = wfm_hist_intern(to, from->lines[l]);
		if (map[l] < 0) {
			free(map);
			return wfm_err_nomem(e);
		}
	}
	if (to->n + from->n > to->cap) {
		size_t cap = to->n + from->n;
		wfm_hrow *p = realloc(to->rows, cap * sizeof *p);

		if (!p) {
			free(map);
			return wfm_err_nomem(e);
		}
		to->rows = p;
		to->cap = cap;
	}
	for (i = 0; i < from->n; i++) {
		wfm_hrow r = from->rows[i];

		r.line = map[r.line];
		to->rows[to->n++] = r;
	}
	from->n = 0;
	free(map);
	return WFM_OK;
}

struct sort_ctx {
	const wfm_hist *h;
	int by_series;
	const int *rank; /* rank of each line code in byte order */
};

static int cmp_line_index(const void *pa, const void *pb, const void *ctx)
{
	const wfm_hist *h = ctx;

	return strcmp(h->lines[*(const int *)pa], h->lines[*(const int *)pb]);
}

/* rank[l] = position of line code l in byte order; NULL when out of memory. */
int *wfm_hist_line_ranks(const wfm_hist *h)
{
	int *idx = malloc(((size_t)h->nlines + 1) * sizeof *idx);
	int *rank = malloc(((size_t)h->nlines + 1) * sizeof *rank);
	int l;

	if (!idx || !rank)
		goto fail;
	for (l = 0; l < h->nlines; l++)
		idx[l] = l;
	if (wfm_sort(idx, (size_t)h->nlines, sizeof *idx, cmp_line_index, h) < 0)
		goto fail;
	for (l = 0; l < h->nlines; l++)
		rank[idx[l]] = l;
	free(idx);
	return rank;
fail:
	free(idx);
	free(rank);
	return NULL;
}

static int cmp_int(long a, long b)
{
	return (a > b) - (a < b);
}

static int cmp_rows(const void *pa, const void *pb, const void *pctx)
{
	const wfm_hrow *a = pa, *b = pb;
	const struct sort_ctx *ctx = pctx;
	int c = cmp_int(a->date, b->date);

	if (c)
		return c;
	if (!ctx->by_series && (c = cmp_int(a->time, b->time)) != 0)
		return c;
	if ((c = cmp_int(a->channel, b->channel)) != 0)
		return c;
	if (a->line != b->line && (c = cmp_int(ctx->rank[a->line], ctx->rank[b->line])) != 0)
		return c;
	return cmp_int(a->time, b->time);
}

int wfm_hist_sort_rows(wfm_hist *h, int by_series)
{
	int *rank = wfm_hist_line_ranks(h);
	struct sort_ctx ctx = {h, by_series, rank};
	int rc;

	if (!rank)
		return -1;
	rc = wfm_sort(h->rows, h->n, sizeof *h->rows, cmp_rows, &ctx);
	free(rank);
	return rc;
}

void wfm_hist_sort(wfm_hist *h)
{
	/* Out of memory leaves the order as it was; writers then still write
	 * every row.  Callers that must be sure sort via wfm_hist_merge. */
	(void)wfm_hist_sort_rows(h, 0);
}

int wfm_hist_same_key(const wfm_hrow *a, const wfm_hrow *b)
{
	return a->date == b->date && a->time == b->time && a->channel == b->channel &&
	       a->line == b->line;
}

static int same_series(const wfm_hrow *a, const wfm_hrow *b)
{
	return a->date == b->date && a->channel == b->channel && a->line == b->line;
}

static int same_opt(double a, double b, double scale)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return llround(a * scale) == llround(b * scale);
}

static int same_values(const wfm_hrow *a, const wfm_hrow *b)
{
	return same_opt(a->offered, b->offered, 1) && same_opt(a->handled, b->handled, 1) &&
	       same_opt(a->aht, b->aht, 100);
}

static int add_conflict(wfm_merge_result *res, size_t *cap, const wfm_hrow *o,
			const wfm_hrow *n)
{
	if (wfm_grow((void **)&res->conflicts, cap, res->nconflicts + 1, sizeof *res->conflicts))
		return -1;
	res->conflicts[res->nconflicts].old_row = *o;
	res->conflicts[res->nconflicts].new_row = *n;
	res->nconflicts++;
	return 0;
}

/* Series-ordered walk over base (a) and in (b); writes the merged rows to
 * `out` (room for na + nb).  Returns the number written, or -1 on memory. */
static long merge_walk(const wfm_hist *base, const wfm_hist *in, int replace, const int *rank,
		       wfm_hrow *out, wfm_merge_result *res, size_t *cap)
{
	struct sort_ctx ctx = {base, 1, rank};
	size_t i = 0, j = 0;
	long k = 0;

	while (i < base->n || j < in->n) {
		const wfm_hrow *a = i < base->n ? &base->rows[i] : NULL;
		const wfm_hrow *b = j < in->n ? &in->rows[j] : NULL;
		int c = !a ? 1 : !b ? -1 : 0;

		if (a && b) {
			wfm_hrow bb = *b;

			c = same_series(a, b) ? 0 : cmp_rows(a, &bb, &ctx);
		}
		if (c < 0) {
			out[k++] = base->rows[i++];
		} else if (c > 0) {
			out[k++] = in->rows[j++];
			res->added++;
		} else {
			/* One series on one date in both: compare its rows. */
			size_t i2 = i, j2 = j;
			int a_day = 0, b_day = 0;

			while (i2 < base->n && same_series(&base->rows[i2], a))
				a_day |= base->rows[i2++].time < 0 ? 1 : 2;
			while (j2 < in->n && same_series(&in->rows[j2], a))
				b_day |= in->rows[j2++].time < 0 ? 1 : 2;
			if ((a_day | b_day) == 3) {
				/* whole-day rows against interval rows */
				if (replace) {
					res->replaced += (long)(i2 - i);
					while (j < j2)
						out[k++] = in->rows[j++];
				} else {
					if (add_conflict(res, cap, a, b) < 0)
						return -1;
					while (i < i2)
						out[k++] = base->rows[i++];
				}
				i = i2;
				j = j2;
				continue;
			}
			while (i < i2 || j < j2) {
				const wfm_hrow *x = i < i2 ? &base->rows[i] : NULL;
				const wfm_hrow *y = j < j2 ? &in->rows[j] : NULL;

				if (x && (!y || x->time < y->time)) {
					out[k++] = *x;
					i++;
				} else if (y && (!x || y->time < x->time)) {
					out[k++] = *y;
					res->added++;
					j++;
				} else {
					if (same_values(x, y)) {
						res->same++;
						out[k++] = *x;
					} else if (replace) {
						res->replaced++;
						out[k++] = *y;
					} else {
						if (add_conflict(res, cap, x, y) < 0)
							return -1;
						out[k++] = *x;
					}
					i++;
					j++;
				}
			}
		}
	}
	return k;
}

int wfm_hist_merge(wfm_hist *base, wfm_hist *in, int replace, wfm_merge_result *res,
		   wfm_err *e)
{
	struct sort_ctx ctx = {base, 1, NULL};
	int *map = NULL, *rank;
	wfm_hrow *out;
	size_t cap = 0, i;
	long k;
	int l;

	memset(res, 0, sizeof *res);
	if (in->nlines) {
		map = malloc((size_t)in->nlines * sizeof *map);
		if (!map)
			return wfm_err_nomem(e);
	}
	for (l = 0; l < in->nlines; l++) {
		map[l] = wfm_hist_intern(base, in->lines[l]);
		if (map[l] < 0) {
			free(map);
			return wfm_err_nomem(e);
		}
	}
	for (i = 0; i < in->n; i++)
		in->rows[i].line = map[in->rows[i].line];
	free(map);
	for (l = 0; l < in->nlines; l++)
		free(in->lines[l]);
	in->nlines = 0;
	in->last_line = -1;
	/* in's rows now use base's line numbering: sort both by series. */
	rank = wfm_hist_line_ranks(base);
	ctx.rank = rank;
	out = malloc((base->n + in->n + 1) * sizeof *out);
	if (!rank || !out ||
	    wfm_sort(in->rows, in->n, sizeof *in->rows, cmp_rows, &ctx) < 0 ||
	    wfm_hist_sort_rows(base, 1) < 0) {
		free(rank);
		free(out);
		in->n = 0;
		return wfm_err_nomem(e);
	}
	k = merge_walk(base, in, replace, rank, out, res, &cap);
	free(rank);
	in->n = 0;
	if (k < 0) {
		free(out);
		wfm_merge_result_release(res);
		wfm_hist_sort_rows(base, 0);
		return wfm_err_nomem(e);
	}
	if (res->nconflicts && !replace) {
		free(out);
		wfm_hist_sort_rows(base, 0);
		return wfm_err_set(e, WFM_EDATA, "%zu conflicting row%s", res->nconflicts,
				   res->nconflicts == 1 ? "" : "s");
	}
	free(base->rows);
	base->rows = out;
	base->n = (size_t)k;
	base->cap = base->n + 1;
	if (wfm_hist_sort_rows(base, 0) < 0)
		return wfm_err_nomem(e);
	return WFM_OK;
}

void wfm_merge_result_release(wfm_merge_result *res)
{
	free(res->conflicts);
	res->conflicts = NULL;
	res->nconflicts = 0;
}

int wfm_hist_write(const wfm_hist *h, FILE *f, int excel, wfm_err *e)
{
	static const char *const head[] = {"date", "time", "channel", "line", "offered",
					   "handled", "aht_s", NULL};
	wfm_csvw w;
	size_t i;

	wfm_csvw_init(&w, f, excel);
	wfm_csvw_header(&w, head);
	for (i = 0; i < h->n; i++) {
		const wfm_hrow *r = &h->rows[i];

		wfm_csvw_date(&w, r->date);
		if (r->time < 0)
			wfm_csvw_empty(&w);
		else
			wfm_csvw_time(&w, r->time);
		wfm_csvw_str(&w, wfm_channel_name(r->channel));
		wfm_csvw_str(&w, h->lines[r->line]);
		wfm_csvw_num(&w, r->offered, 0);
		wfm_csvw_num(&w, r->handled, 0);
		wfm_csvw_num(&w, r->aht, 2);
		wfm_csvw_end(&w);
	}
	if (wfm_csvw_error(&w))
		return wfm_err_set(e, WFM_EIO, "write error");
	return WFM_OK;
}
