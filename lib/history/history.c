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
	if (h->nlines >= WFM_HIST_MAX_LINES)
		return -2;
	if (wfm_grow((void **)&h->lines, &h->caplines, (size_t)h->nlines + 1, sizeof *h->lines))
		return -1;
	copy = strdup(code);
	if (!copy)
		return -1;
	h->lines[h->nlines] = copy;
	h->last_line = h->nlines;
	return h->nlines++;
}

int wfm_hist_intern_error(int rc, wfm_err *e)
{
	if (rc == -2)
		return wfm_err_set(e, WFM_EDATA, "more than %d line codes", WFM_HIST_MAX_LINES);
	return wfm_err_nomem(e);
}

int wfm_hist_push(wfm_hist *h, const wfm_hrow *r, wfm_err *e)
{
	if (wfm_grow((void **)&h->rows, &h->cap, h->n + 1, sizeof *h->rows))
		return wfm_err_nomem(e);
	h->rows[h->n++] = *r;
	return WFM_OK;
}

/* Maps the line codes of `from` to indexes of `to` (interning them):
 * *map gets a malloc'd table (NULL when from has none). */
static int map_lines(wfm_hist *to, const wfm_hist *from, int **map, wfm_err *e)
{
	int l, k;

	*map = NULL;
	if (!from->nlines)
		return WFM_OK;
	if (!(*map = malloc((size_t)from->nlines * sizeof **map)))
		return wfm_err_nomem(e);
	for (l = 0; l < from->nlines; l++) {
		if ((k = wfm_hist_intern(to, from->lines[l])) < 0) {
			free(*map);
			*map = NULL;
			return wfm_hist_intern_error(k, e);
		}
		(*map)[l] = k;
	}
	return WFM_OK;
}

int wfm_hist_append(wfm_hist *to, wfm_hist *from, wfm_err *e)
{
	int *map;
	size_t i;
	int rc;

	if ((rc = map_lines(to, from, &map, e)) != WFM_OK)
		return rc;
	if (to->n == 0 && from->n) {
		/* take the rows over rather than copy them: no second copy of a
		 * large history in memory */
		wfm_hrow *rows = to->rows;
		size_t cap = to->cap;

		to->rows = from->rows;
		to->cap = from->cap;
		from->rows = rows;
		from->cap = cap;
		to->n = from->n;
		for (i = 0; i < to->n; i++)
			to->rows[i].line = (int16_t)map[to->rows[i].line];
		from->n = 0;
		free(map);
		return WFM_OK;
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

		r.line = (int16_t)map[r.line];
		to->rows[to->n++] = r;
	}
	from->n = 0;
	free(map);
	return WFM_OK;
}

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

/* Canonical order: date, time (whole day first), channel, line code. */
static int cmp_canon(const wfm_hrow *a, const wfm_hrow *b, const int *rank)
{
	int c = cmp_int(a->date, b->date);

	if (c)
		return c;
	if ((c = cmp_int(a->time, b->time)) != 0)
		return c;
	if ((c = cmp_int(a->channel, b->channel)) != 0)
		return c;
	return a->line == b->line ? 0 : cmp_int(rank[a->line], rank[b->line]);
}

static int cmp_rows(const void *pa, const void *pb, const void *pctx)
{
	return cmp_canon(pa, pb, pctx);
}

struct index_ctx {
	const wfm_hrow *rows;
	int (*cmp)(const void *, const void *, const void *);
	const void *ctx;
};

static int cmp_index(const void *pa, const void *pb, const void *pctx)
{
	const struct index_ctx *c = pctx;

	return c->cmp(&c->rows[*(const uint32_t *)pa], &c->rows[*(const uint32_t *)pb], c->ctx);
}

int wfm_hist_sort_by(wfm_hist *h, int (*cmp)(const void *, const void *, const void *),
		     const void *ctx)
{
	struct index_ctx ic = {h->rows, cmp, ctx};
	wfm_hrow *rows = h->rows, tmp;
	uint32_t *idx, p, q, src;
	size_t i, n = h->n;

	for (i = 1; i < n && cmp(&rows[i - 1], &rows[i], ctx) <= 0; i++)
		;
	if (i >= n)
		return 0; /* in order already (a history read back, say) */
	if (n > UINT32_MAX || !(idx = malloc(n * sizeof *idx)))
		return -1;
	for (i = 0; i < n; i++)
		idx[i] = (uint32_t)i;
	if (wfm_sort(idx, n, sizeof *idx, cmp_index, &ic) < 0) {
		free(idx);
		return -1;
	}
	/* position q takes row idx[q]: follow each cycle of the permutation
	 * once, marking a position done by idx[q] = q */
	for (p = 0; p < n; p++) {
		if (idx[p] == p)
			continue;
		tmp = rows[p];
		q = p;
		for (;;) {
			src = idx[q];
			idx[q] = q;
			if (src == p) {
				rows[q] = tmp;
				break;
			}
			rows[q] = rows[src];
			q = src;
		}
	}
	free(idx);
	return 0;
}

int wfm_hist_sort_rows(wfm_hist *h)
{
	int *rank = wfm_hist_line_ranks(h);
	int rc;

	if (!rank)
		return -1;
	rc = wfm_hist_sort_by(h, cmp_rows, rank);
	free(rank);
	return rc;
}

void wfm_hist_sort(wfm_hist *h)
{
	/* Out of memory leaves the order as it was; writers then still write
	 * every row.  Callers that must be sure sort via wfm_hist_merge. */
	(void)wfm_hist_sort_rows(h);
}

int wfm_hist_same_key(const wfm_hrow *a, const wfm_hrow *b)
{
	return a->date == b->date && a->time == b->time && a->channel == b->channel &&
	       a->line == b->line;
}

static int same_aht(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return llround(a * 100) == llround(b * 100);
}

static int same_values(const wfm_hrow *a, const wfm_hrow *b)
{
	return a->offered == b->offered && a->handled == b->handled && same_aht(a->aht, b->aht);
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

/* The merge.  Both histories are in canonical order, so the rows of one date
 * are together in each.  A date at a time, slot (channel, line) tells for
 * each series of the date which kinds of rows each side has: a series with a
 * whole-day row on one side and interval rows on the other conflicts as a
 * whole.  Pass 1 only reads and counts; pass 2 (no conflicts, or replace)
 * works in place: replaced rows are overwritten, series replaced whole are
 * dropped from base, and the rows of `in` left are inserted from the back
 * into base, grown once to its final size. */
enum { B_DAY = 1, B_INT = 2, N_DAY = 4, N_INT = 8, SERIES_NOTED = 16 };
enum { MARK_GONE = 1 };

struct walk {
	wfm_hist *base, *in;
	int *rank;
	int replace, pass;
	unsigned char *slot;  /* per channel x line: kinds of rows on each side */
	size_t *touched, ntouched;
	wfm_merge_result *res;
	size_t cap, out_n;
};

static size_t slot_of(const struct walk *w, const wfm_hrow *r)
{
	return (size_t)r->channel * (size_t)w->base->nlines + (size_t)r->line;
}

static int whole_conflict(unsigned char k)
{
	return (k & (B_DAY | B_INT)) && (k & (N_DAY | N_INT)) &&
	       ((k & B_DAY) ? (k & N_INT) : (k & N_DAY));
}

/* One date: base rows [i0, i1), in rows [j0, j1).  Returns 0 or -1 (memory). */
static int walk_date(struct walk *w, size_t i0, size_t i1, size_t j0, size_t j1)
{
	wfm_hrow *b = w->base->rows, *n = w->in->rows;
	size_t i, j, s;

	for (i = i0; i < i1; i++) {
		s = slot_of(w, &b[i]);
		if (!w->slot[s])
			w->touched[w->ntouched++] = s;
		w->slot[s] |= b[i].time < 0 ? B_DAY : B_INT;
	}
	for (j = j0; j < j1; j++) {
		s = slot_of(w, &n[j]);
		if (!w->slot[s])
			w->touched[w->ntouched++] = s;
		w->slot[s] |= n[j].time < 0 ? N_DAY : N_INT;
	}
	i = i0;
	j = j0;
	while (i < i1 || j < j1) {
		int c = i == i1 ? 1 : j == j1 ? -1 : cmp_canon(&b[i], &n[j], w->rank);
		const wfm_hrow *x = c <= 0 ? &b[i] : &n[j];
		unsigned char *k = &w->slot[slot_of(w, x)];

		if (whole_conflict(*k)) {
			/* the series as a whole: one conflict, or replaced */
			if (w->replace) {
				if (c <= 0) {
					w->res->replaced++;
					b[i].mark_ = MARK_GONE;
				} else {
					w->out_n++;
				}
			} else {
				if (w->pass == 1 && !(*k & SERIES_NOTED)) {
					const wfm_hrow *bx = NULL, *nx = NULL;
					size_t t;

					for (t = i0; t < i1 && !bx; t++)
						if (slot_of(w, &b[t]) == slot_of(w, x))
							bx = &b[t];
					for (t = j0; t < j1 && !nx; t++)
						if (slot_of(w, &n[t]) == slot_of(w, x))
							nx = &n[t];
					if (add_conflict(w->res, &w->cap, bx, nx) < 0)
						return -1;
					*k |= SERIES_NOTED;
				}
				if (c <= 0)
					w->out_n++;
			}
			c <= 0 ? i++ : j++;
			continue;
		}
		if (c < 0) {
			w->out_n++;
			i++;
		} else if (c > 0) {
			w->res->added++;
			w->out_n++;
			j++;
		} else {
			if (same_values(&b[i], &n[j])) {
				w->res->same++;
				n[j].mark_ = MARK_GONE;
			} else if (w->replace) {
				w->res->replaced++;
				n[j].mark_ = MARK_GONE;
				if (w->pass == 2) {
					b[i] = n[j];
					b[i].mark_ = 0;
				}
			} else if (w->pass == 1 && add_conflict(w->res, &w->cap, &b[i], &n[j]) < 0) {
				return -1;
			}
			w->out_n++;
			i++;
			j++;
		}
	}
	while (w->ntouched)
		w->slot[w->touched[--w->ntouched]] = 0;
	return 0;
}

/* Walks both histories date by date (pass 1 or 2). */
static int walk(struct walk *w)
{
	const wfm_hrow *b = w->base->rows, *n = w->in->rows;
	size_t i = 0, j = 0, nb = w->base->n, nn = w->in->n;

	w->out_n = 0;
	while (i < nb || j < nn) {
		wfm_date d = i == nb ? n[j].date : j == nn ? b[i].date :
			     b[i].date < n[j].date ? b[i].date : n[j].date;
		size_t i1 = i, j1 = j;

		while (i1 < nb && b[i1].date == d)
			i1++;
		while (j1 < nn && n[j1].date == d)
			j1++;
		if (walk_date(w, i, i1, j, j1) < 0)
			return -1;
		i = i1;
		j = j1;
	}
	return 0;
}

/* Pass 2's moves: drops the base rows marked gone, then inserts the rows of
 * `in` not marked gone, from the back (base has room for out_n rows). */
static void splice(struct walk *w)
{
	wfm_hrow *b = w->base->rows, *n = w->in->rows;
	size_t i, k = 0, nb, j, out;

	for (i = 0; i < w->base->n; i++)
		if (b[i].mark_ != MARK_GONE)
			b[k++] = b[i];
	nb = k;
	out = w->out_n;
	i = nb;
	j = w->in->n;
	while (j > 0) {
		if (n[j - 1].mark_ == MARK_GONE) {
			j--;
			continue;
		}
		if (i > 0 && cmp_canon(&b[i - 1], &n[j - 1], w->rank) > 0)
			b[--out] = b[--i];
		else
			b[--out] = n[--j];
	}
	/* rows b[0..i) are where they belong: out == i here */
	w->base->n = w->out_n;
}

int wfm_hist_merge(wfm_hist *base, wfm_hist *in, int replace, wfm_merge_result *res,
		   wfm_err *e)
{
	struct walk w;
	int *map = NULL, rc = WFM_OK;
	size_t i;

	memset(res, 0, sizeof *res);
	memset(&w, 0, sizeof w);
	if (base->n == 0) {
		/* everything is new: take the rows over, no copy */
		res->added = (long)in->n;
		if ((rc = wfm_hist_append(base, in, e)) == WFM_OK && wfm_hist_sort_rows(base) < 0)
			rc = wfm_err_nomem(e);
		if (rc != WFM_OK)
			res->added = 0;
		in->n = 0;
		return rc;
	}
	if ((rc = map_lines(base, in, &map, e)) != WFM_OK) {
		in->n = 0;
		return rc;
	}
	for (i = 0; i < in->n; i++) {
		in->rows[i].line = (int16_t)map[in->rows[i].line];
		in->rows[i].mark_ = 0;
	}
	for (i = 0; i < base->n; i++)
		base->rows[i].mark_ = 0;
	free(map);
	for (i = 0; i < (size_t)in->nlines; i++)
		free(in->lines[i]);
	in->nlines = 0;
	in->last_line = -1;
	/* in's rows now use base's line numbering */
	w.base = base;
	w.in = in;
	w.replace = replace;
	w.res = res;
	w.rank = wfm_hist_line_ranks(base);
	w.slot = calloc((size_t)WFM_NCHANNELS * ((size_t)base->nlines + 1), 1);
	w.touched = malloc((size_t)WFM_NCHANNELS * ((size_t)base->nlines + 1) * sizeof *w.touched);
	if (!w.rank || !w.slot || !w.touched || wfm_hist_sort_by(in, cmp_rows, w.rank) < 0 ||
	    wfm_hist_sort_by(base, cmp_rows, w.rank) < 0) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	w.pass = 1;
	if (walk(&w) < 0) {
		rc = wfm_err_nomem(e);
		goto done;
	}
	if (res->nconflicts && !replace) {
		rc = wfm_err_set(e, WFM_EDATA, "%zu conflicting row%s", res->nconflicts,
				 res->nconflicts == 1 ? "" : "s");
		goto done;
	}
	if (w.out_n > base->cap) {
		wfm_hrow *p = realloc(base->rows, w.out_n * sizeof *p);

		if (!p) {
			rc = wfm_err_nomem(e);
			goto done;
		}
		base->rows = p;
		base->cap = w.out_n;
	}
	/* pass 2 counts again: start from zero */
	res->added = res->same = res->replaced = 0;
	w.pass = 2;
	(void)walk(&w); /* allocates nothing in pass 2 */
	splice(&w);
done:
	if (rc != WFM_OK && rc != WFM_EDATA)
		wfm_merge_result_release(res);
	free(w.rank);
	free(w.slot);
	free(w.touched);
	in->n = 0;
	return rc;
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
		wfm_csvw_long(&w, r->offered);
		if (r->handled < 0)
			wfm_csvw_empty(&w);
		else
			wfm_csvw_long(&w, r->handled);
		wfm_csvw_num(&w, r->aht, 2);
		wfm_csvw_end(&w);
	}
	if (wfm_csvw_error(&w))
		return wfm_err_set(e, WFM_EIO, "write error");
	return WFM_OK;
}
