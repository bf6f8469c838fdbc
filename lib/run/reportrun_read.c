/* reportrun_read.c - the small strict CSV readers of the report run; see
 * reportrun_impl.h. */
#include <string.h>

#include "reportrun_impl.h"
#include "common/channel.h"
#include "common/value.h"

int wfm_rr_csv_open(rr_csv *c, const char *path, const wfm_csv_col *cols, size_t n,
		    wfm_err *e)
{
	int rc;

	memset(c, 0, sizeof *c);
	c->cols = cols;
	c->ncols = n;
	if (n > 16)
		return wfm_err_set(e, WFM_EINTERNAL, "too many columns");
	if (!(c->csv = wfm_csv_open(path, NULL, e)))
		return e->code ? e->code : WFM_ENOINPUT;
	if ((rc = wfm_csv_read_header(c->csv, cols, n, c->idx, c->head[0], sizeof c->head[0],
				      e)))
		return rc;
	c->nf = wfm_csv_numfmt(c->csv);
	return WFM_OK;
}

void wfm_rr_csv_close(rr_csv *c)
{
	wfm_csv_free(c->csv);
	c->csv = NULL;
}

int wfm_rr_csv_next(rr_csv *c, wfm_err *e)
{
	int rc;

	while ((rc = wfm_csv_next(c->csv, e)) > 0)
		if (!wfm_csv_blank_record(c->csv))
			return 1;
	return rc;
}

const char *wfm_rr_cell(const rr_csv *c, size_t k)
{
	return k < c->ncols && c->idx[k] >= 0 ? wfm_csv_field(c->csv, (size_t)c->idx[k]) : "";
}

int wfm_rr_bad(const rr_csv *c, size_t k, const char *reason, wfm_err *e)
{
	return wfm_csv_cell_error(c->csv, e, c->head[k], reason, wfm_rr_cell(c, k));
}

int wfm_rr_date(const rr_csv *c, size_t k, wfm_date *out, wfm_err *e)
{
	const char *why = wfm_parse_date(wfm_rr_cell(c, k), out);

	return why ? wfm_rr_bad(c, k, why, e) : WFM_OK;
}

int wfm_rr_time(const rr_csv *c, size_t k, int optional, int *out, wfm_err *e)
{
	const char *why;
	int end;

	if (optional && wfm_blank(wfm_rr_cell(c, k))) {
		*out = -1;
		return WFM_OK;
	}
	why = wfm_parse_interval(wfm_rr_cell(c, k), out, &end);
	return why ? wfm_rr_bad(c, k, why, e) : WFM_OK;
}

int wfm_rr_amount(const rr_csv *c, size_t k, int optional, double *out, wfm_err *e)
{
	const char *why;

	if (optional && wfm_blank(wfm_rr_cell(c, k))) {
		*out = -1;
		return WFM_OK;
	}
	if ((why = wfm_parse_number(wfm_rr_cell(c, k), c->nf, out)))
		return wfm_rr_bad(c, k, why, e);
	return *out < 0 ? wfm_rr_bad(c, k, "negative", e) : WFM_OK;
}

int wfm_rr_channel_cell(const rr_csv *c, size_t k, int *out, wfm_err *e)
{
	if ((*out = wfm_channel_parse(wfm_rr_cell(c, k))) < 0)
		return wfm_rr_bad(c, k, "unknown channel (phone, email, chat, social, callback)",
				  e);
	return WFM_OK;
}

int wfm_rr_line(const rr_csv *c, size_t k, char *out, size_t n, wfm_err *e)
{
	const char *s = wfm_rr_cell(c, k);

	if (wfm_blank(s))
		return wfm_rr_bad(c, k, "empty", e);
	if (wfm_trim_copy(s, out, n) < 0)
		return wfm_rr_bad(c, k, "line code too long", e);
	return WFM_OK;
}
