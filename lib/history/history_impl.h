/* history_impl.h - internals shared by history.c and history_read.c.
 * Not a public header: only lib/history*.c include it. */
#ifndef WFM_HISTORY_IMPL_H
#define WFM_HISTORY_IMPL_H

#include "history.h"

struct wfm_hist {
	wfm_hrow *rows;
	size_t n, cap;
	char **lines;
	int nlines;
	size_t caplines;
	int last_line; /* cache for interning */
};

/* Appends a row (copied).  Returns WFM_OK or WFM_EINTERNAL. */
int wfm_hist_push(wfm_hist *h, const wfm_hrow *r, wfm_err *e);

/* Index of line `code` in h, added when new.  -1 on out of memory, -2 when h
 * holds WFM_HIST_MAX_LINES codes already. */
int wfm_hist_intern(wfm_hist *h, const char *code);

/* The error for a failed wfm_hist_intern (its return value `rc`). */
int wfm_hist_intern_error(int rc, wfm_err *e);

/* Sorts rows in the canonical order (date, time, channel, line code).
 * Returns 0, or -1 when out of memory (rows unchanged). */
int wfm_hist_sort_rows(wfm_hist *h);

/* Sorts rows by `cmp` (stable), through an index of 8 bytes a row rather than
 * a second copy of the rows; nothing is allocated when they are in order.
 * Returns 0, or -1 when out of memory (rows unchanged). */
int wfm_hist_sort_by(wfm_hist *h, int (*cmp)(const void *, const void *, const void *),
		     const void *ctx);

/* rank[l] = position of line code l in byte order (malloc'd, the caller
 * frees it); NULL when out of memory. */
int *wfm_hist_line_ranks(const wfm_hist *h);

/* Same (date, channel, line) series and same time. */
int wfm_hist_same_key(const wfm_hrow *a, const wfm_hrow *b);

/* Moves all rows and lines of `from` to the end of `to` (remapping line
 * indexes); `from` is emptied.  Returns WFM_OK or WFM_EINTERNAL with `to`
 * unchanged. */
int wfm_hist_append(wfm_hist *to, wfm_hist *from, wfm_err *e);

#endif
