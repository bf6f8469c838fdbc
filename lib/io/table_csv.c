/* table_csv.c - a report table as CSV; see wfm_table_write_csv in table.h. */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

/* A text a spreadsheet could take for a formula: = + - @ (and tab or CR,
 * which some of them strip before looking). */
static int formula_like(const char *s)
{
	return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
		     *s == '\r');
}

static void put_text(wfm_csvw *w, const char *s)
{
	char small[256], *big = NULL, *p = small;
	size_t n;

	if (!formula_like(s)) {
		wfm_csvw_str(w, s);
		return;
	}
	n = strlen(s) + 2;
	if (n > sizeof small && !(p = big = malloc(n))) {
		wfm_csvw_str(w, "'"); /* out of memory: at least never a formula */
		return;
	}
	p[0] = '\'';
	memcpy(p + 1, s, n - 1);
	wfm_csvw_str(w, p);
	free(big);
}

int wfm_table_write_csv(const wfm_table *t, FILE *f, int excel, wfm_err *e)
{
	wfm_csvw w;

	wfm_csvw_init(&w, f, excel);
	for (size_t c = 0; c < t->ncol; c++)
		put_text(&w, t->col[c].name);
	wfm_csvw_end(&w);
	for (size_t r = 0; r < t->nrow && !wfm_csvw_error(&w); r++) {
		for (size_t c = 0; c < t->ncol; c++) {
			const wfm_tcell *x = &t->cell[r * t->ncol + c];

			if (t->col[c].type == WFM_TC_TEXT)
				put_text(&w, x->s);
			else if (!isfinite(x->v))
				wfm_csvw_empty(&w);
			else if (t->col[c].type == WFM_TC_DATE)
				wfm_csvw_date(&w, (wfm_date)lround(x->v));
			else if (t->col[c].type == WFM_TC_TIME)
				wfm_csvw_time(&w, (int)lround(x->v));
			else
				wfm_csvw_num(&w, x->v, t->col[c].decimals);
		}
		wfm_csvw_end(&w);
	}
	if (wfm_csvw_error(&w))
		return wfm_err_set(e, WFM_EIO, "write error");
	return WFM_OK;
}
