/* table_xlsx.c - report tables as an .xlsx workbook through libxlsxwriter;
 * see wfm_tables_write_xlsx in table.h.
 *
 * libxlsxwriter writes to a file name, so the workbook goes to a temporary
 * file that is then copied to the caller's stream (which outfile.h makes
 * atomic).  Every text goes through worksheet_write_string: a string cell,
 * never a formula, whatever it begins with. */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* Rows of the sheet: the title, the header, then the data. */
enum { TITLE_ROW = 0, HEAD_ROW = 1, DATA_ROW = 2 };

/* Excel's serial day of 1970-01-01 (day 0 is 1899-12-30). */
#define EXCEL_EPOCH 25569.0

typedef struct formats {
	lxw_format *title, *head, *date, *time, *text;
	lxw_format *num[10], *pct[10];
} formats;

static void make_formats(lxw_workbook *wb, formats *f, const wfm_tfmt *fmt)
{
	static const char *const pct[] = {"0%", "0%", "0%", "0.0%", "0.00%", "0.000%",
					  "0.0000%", "0.00000%", "0.000000%", "0.0000000%"};
	char code[32];

	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 13);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	f->date = workbook_add_format(wb);
	format_set_num_format(f->date, fmt && fmt->day_first ? "dd/mm/yyyy" : "yyyy-mm-dd");
	format_set_align(f->date, LXW_ALIGN_LEFT);
	f->time = workbook_add_format(wb);
	format_set_num_format(f->time, "hh:mm");
	format_set_align(f->time, LXW_ALIGN_LEFT);
	f->text = NULL;
	for (int d = 0; d < 10; d++) {
		snprintf(code, sizeof code, d ? "#,##0.%.*s" : "#,##0", d, "000000000");
		f->num[d] = workbook_add_format(wb);
		format_set_num_format(f->num[d], code);
		f->pct[d] = workbook_add_format(wb);
		format_set_num_format(f->pct[d], pct[d]);
	}
}

/* Characters of a UTF-8 text (continuation bytes not counted). */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A column wide enough for its header and its cells, within 6..50
 * characters. */
static double col_width(const wfm_table *t, size_t c)
{
	const wfm_tcol *col = &t->col[c];
	double w = (double)chars(col->name) + 1;

	for (size_t r = 0; r < t->nrow; r++) {
		const wfm_tcell *x = &t->cell[r * t->ncol + c];
		double n = 0;

		if (col->type == WFM_TC_TEXT)
			n = (double)chars(x->s);
		else if (col->type == WFM_TC_DATE)
			n = 10;
		else if (col->type == WFM_TC_TIME)
			n = 5;
		else if (isfinite(x->v))
			n = floor(log10(fmax(fabs(x->v) * (col->type == WFM_TC_PCT ? 100 : 1), 1))) +
			    1.4 + (x->v < 0) + col->decimals + (col->type == WFM_TC_PCT);
		if (n > w)
			w = n;
	}
	w += 2;
	return w < 6 ? 6 : w > 50 ? 50 : w;
}

static void write_cell(lxw_worksheet *ws, const formats *f, const wfm_tcol *col,
		       const wfm_tcell *x, lxw_row_t row, lxw_col_t c)
{
	if (col->type == WFM_TC_TEXT) {
		if (x->s)
			worksheet_write_string(ws, row, c, x->s, f->text);
		return;
	}
	if (!isfinite(x->v))
		return;
	switch (col->type) {
	case WFM_TC_DATE:
		worksheet_write_number(ws, row, c, x->v + EXCEL_EPOCH, f->date);
		break;
	case WFM_TC_TIME:
		worksheet_write_number(ws, row, c, x->v / 1440.0, f->time);
		break;
	case WFM_TC_PCT:
		worksheet_write_number(ws, row, c, x->v, f->pct[col->decimals]);
		break;
	default:
		worksheet_write_number(ws, row, c, x->v, f->num[col->decimals]);
	}
}

static void add_chart(lxw_workbook *wb, lxw_worksheet *ws, const wfm_table *t,
		      const wfm_tchart *ch, int k)
{
	lxw_chart *chart = workbook_add_chart(wb, ch->kind == WFM_CHART_COLUMN ? LXW_CHART_COLUMN
									: LXW_CHART_LINE);
	lxw_chart_options opt = {0};
	lxw_row_t r0 = (lxw_row_t)(DATA_ROW + ch->first), r1 = (lxw_row_t)(DATA_ROW + ch->last - 1);

	if (!chart)
		return;
	/* dates as categories: the labels of the hidden column after the table,
	 * so that the axis has one place per row (a date axis would leave gaps
	 * at weekends and closed days) */
	lxw_col_t x = t->col[ch->x].type == WFM_TC_DATE ? (lxw_col_t)t->ncol : (lxw_col_t)ch->x;

	for (int i = 0; i < ch->ny; i++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);

		if (!s)
			return;
		chart_series_set_categories(s, t->name, r0, x, r1, x);
		chart_series_set_values(s, t->name, r0, (lxw_col_t)ch->y[i], r1,
					(lxw_col_t)ch->y[i]);
		chart_series_set_name_range(s, t->name, HEAD_ROW, (lxw_col_t)ch->y[i]);
	}
	chart_title_set_name(chart, ch->title);
	if (ch->y_title)
		chart_axis_set_name(chart->y_axis, ch->y_title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	if (t->col[ch->x].type == WFM_TC_TIME)
		chart_axis_set_num_format(chart->x_axis, "hh:mm");
	opt.x_scale = 1.6;
	opt.y_scale = 1.15;
	opt.x_offset = 10;
	worksheet_insert_chart_opt(ws, (lxw_row_t)(HEAD_ROW + 18 * k), (lxw_col_t)(t->ncol + 1),
				   chart, &opt);
}

/* The labels of the date categories of the charts ("23/11" or "23 Nov"),
 * in a hidden column after the table. */
static void date_labels(lxw_worksheet *ws, const wfm_table *t, const wfm_tfmt *fmt)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
					  "Sep", "Oct", "Nov", "Dec"};
	lxw_row_col_options hide = {1, 0, 0};
	int used = 0;

	for (size_t k = 0; k < t->nchart; k++) {
		const wfm_tchart *ch = &t->chart[k];

		if (t->col[ch->x].type != WFM_TC_DATE)
			continue;
		used = 1;
		for (size_t r = ch->first; r < ch->last; r++) {
			double v = t->cell[r * t->ncol + ch->x].v;
			char buf[16];
			int y, m, d;

			if (!isfinite(v))
				continue;
			wfm_date_to_ymd((wfm_date)lround(v), &y, &m, &d);
			if (fmt && fmt->day_first)
				snprintf(buf, sizeof buf, "%02d/%02d", d, m);
			else
				snprintf(buf, sizeof buf, "%d %s", d, mon[m - 1]);
			worksheet_write_string(ws, (lxw_row_t)(DATA_ROW + r), (lxw_col_t)t->ncol, buf,
					       NULL);
		}
	}
	if (used)
		worksheet_set_column_opt(ws, (lxw_col_t)t->ncol, (lxw_col_t)t->ncol, 8, NULL, &hide);
}

static void add_sheet(lxw_workbook *wb, const formats *f, const wfm_table *t,
		      const wfm_tfmt *fmt)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);

	if (!ws)
		return;
	if (t->title)
		worksheet_write_string(ws, TITLE_ROW, 0, t->title, f->title);
	for (size_t c = 0; c < t->ncol; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, col_width(t, c), NULL);
		worksheet_write_string(ws, HEAD_ROW, (lxw_col_t)c, t->col[c].name, f->head);
	}
	for (size_t r = 0; r < t->nrow; r++)
		for (size_t c = 0; c < t->ncol; c++)
			write_cell(ws, f, &t->col[c], &t->cell[r * t->ncol + c],
				   (lxw_row_t)(DATA_ROW + r), (lxw_col_t)c);
	worksheet_freeze_panes(ws, DATA_ROW, 0);
	/* printed: landscape, as wide as the page, title and header on every page */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, TITLE_ROW, HEAD_ROW);
	if (t->ncol > 0)
		worksheet_autofilter(ws, HEAD_ROW, 0, (lxw_row_t)(HEAD_ROW + t->nrow),
				     (lxw_col_t)(t->ncol - 1));
	date_labels(ws, t, fmt);
	for (size_t k = 0; k < t->nchart; k++)
		add_chart(wb, ws, t, &t->chart[k], (int)k);
}

static int copy_file(const char *path, FILE *out, wfm_err *e)
{
	char buf[65536];
	FILE *in = fopen(path, "rb");
	size_t n;
	int bad;

	if (!in)
		return wfm_err_set(e, WFM_EIO, "cannot read back the workbook '%s'", path);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	bad = ferror(in) || ferror(out);
	fclose(in);
	return bad ? wfm_err_set(e, WFM_EIO, "write error") : WFM_OK;
}

int wfm_tables_write_xlsx(wfm_table *const *t, size_t n, FILE *f, const wfm_tfmt *fmt,
			  wfm_err *e)
{
	const char *env = getenv("TMPDIR");
	char tmp[4096], dir[4000];
	lxw_workbook_options wo = {0};
	lxw_doc_properties props = {0};
	lxw_workbook *wb;
	lxw_error err;
	formats fm;
	int fd, rc;

	if (n == 0)
		return wfm_err_set(e, WFM_EUSAGE, "no table to write");
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(t[i]->name, t[j]->name) == 0)
				return wfm_err_set(e, WFM_EUSAGE, "two tables named '%s'",
						   t[i]->name);
	if ((size_t)snprintf(dir, sizeof dir, "%s", env && *env ? env : "/tmp") >= sizeof dir)
		return wfm_err_set(e, WFM_ECANTCREAT, "TMPDIR is too long");
	if ((size_t)snprintf(tmp, sizeof tmp, "%s/wfm-xlsx-XXXXXX", dir) >= sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0)
		return wfm_err_set(e, WFM_ECANTCREAT, "cannot create a temporary file in '%s'",
				   dir);
	close(fd);
	wo.tmpdir = dir;
	if (!(wb = workbook_new_opt(tmp, &wo))) {
		unlink(tmp);
		return wfm_err_set(e, WFM_EINTERNAL, "cannot start the workbook");
	}
	props.created = fmt && fmt->created ? fmt->created : time(NULL);
	workbook_set_properties(wb, &props);
	make_formats(wb, &fm, fmt);
	for (size_t i = 0; i < n; i++)
		add_sheet(wb, &fm, t[i], fmt);
	err = workbook_close(wb);
	if (err != LXW_NO_ERROR)
		rc = wfm_err_set(e, WFM_EIO, "cannot write the workbook: %s", lxw_strerror(err));
	else
		rc = copy_file(tmp, f, e);
	unlink(tmp);
	return rc;
}
