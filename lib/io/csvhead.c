/* csvhead.c - header mapping and name folding for the CSV reader (see csv.h).
 *
 * Uses only the reader's public functions.
 */
#include "csv.h"

#include "common/fold.h"

#include <stdio.h>
#include <string.h>

/* 1 when the folded header cell `cell` names column c. */
static int col_matches(const wfm_csv_col *c, const char *cell)
{
	char f[256];
	size_t i;

	wfm_fold(c->name, f, sizeof f);
	if (strcmp(f, cell) == 0)
		return 1;
	for (i = 0; c->aliases && c->aliases[i]; i++) {
		wfm_fold(c->aliases[i], f, sizeof f);
		if (strcmp(f, cell) == 0)
			return 1;
	}
	return 0;
}

int wfm_csv_map(wfm_csv *r, const wfm_csv_col *cols, size_t ncols,
		int *idx, wfm_err *e)
{
	char cell[256], a[200], b[200], list[WFM_ERR_MSG_MAX];
	size_t i, j, len = 0, missing = 0;

	for (i = 0; i < ncols; i++)
		idx[i] = -1;
	if (wfm_csv_keep_header(r, e) != WFM_OK)
		return WFM_EINTERNAL;
	for (j = 0; j < wfm_csv_nfields(r); j++) {
		wfm_fold(wfm_csv_field(r, j), cell, sizeof cell);
		if (!cell[0])
			continue;
		for (i = 0; i < ncols && !col_matches(&cols[i], cell); i++)
			;
		if (i == ncols)
			continue;
		if (idx[i] >= 0)
			return wfm_err_set(e, WFM_EDATA,
					   "%s:%ld: column '%s' given twice: '%s' and '%s'",
					   wfm_csv_name(r), wfm_csv_line(r), cols[i].name,
					   wfm_csv_show(wfm_csv_field(r, (size_t)idx[i]), a,
							sizeof a),
					   wfm_csv_show(wfm_csv_field(r, j), b, sizeof b));
		idx[i] = (int)j;
	}
	list[0] = '\0';
	for (i = 0; i < ncols; i++) {
		if (!cols[i].required || idx[i] >= 0)
			continue;
		len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'",
					missing ? ", " : "", cols[i].name);
		if (len >= sizeof list)
			len = sizeof list - 1;
		missing++;
	}
	if (missing)
		return wfm_err_set(e, WFM_EDATA, "%s:%ld: missing column%s %s", wfm_csv_name(r),
				   wfm_csv_line(r), missing > 1 ? "s" : "", list);
	return WFM_OK;
}

int wfm_csv_read_header(wfm_csv *r, const wfm_csv_col *cols, size_t n, int *idx, char *head,
			size_t size, wfm_err *e)
{
	int rc = wfm_csv_next(r, e);

	if (rc == 0)
		return wfm_err_set(e, WFM_EDATA, "%s: empty file, expected a header line",
				   wfm_csv_name(r));
	if (rc < 0)
		return e->code ? e->code : WFM_EDATA;
	if ((rc = wfm_csv_map(r, cols, n, idx, e)))
		return rc;
	for (size_t k = 0; head && k < n; k++)
		snprintf(head + k * size, size, "%s",
			 idx[k] >= 0 ? wfm_csv_field(r, (size_t)idx[k]) : cols[k].name);
	return WFM_OK;
}
