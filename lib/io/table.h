/* table.h - a report table in memory, and its writers: CSV (canonical or
 * nl-BE), an .xlsx workbook with native charts, and an .svg of the charts.
 *
 * A table has a short name (a file or sheet name: "accuracy-day"), a title
 * (one sentence for people), typed columns, rows of cells and charts that
 * draw some of its columns over a range of its rows.  The sections of a
 * report build tables and never care which format they end in; the writers
 * never care what the figures mean.
 *
 * Column types and how each writer shows a cell (an empty cell, NAN or a
 * NULL text, is an empty field, an empty cell, a gap in a chart):
 *   TEXT  text.  Written as text everywhere; in CSV a text that begins with
 *         '=', '+', '-', '@', tab or CR gets a leading apostrophe, so that a
 *         spreadsheet shows it and never runs it as a formula (in a
 *         workbook every text is a string cell and never a formula).
 *   NUM   a number shown with `decimals` places (CSV: at most that many,
 *         trailing zeros dropped, as wfm_csvw_num; workbook: the format
 *         "#,##0.00" and the like).
 *   PCT   a share as a fraction (0.95): CSV writes the fraction with
 *         `decimals` places; a workbook stores the fraction and shows it as
 *         a percentage with decimals - 2 places ("0.0%" for 3).
 *   DATE  days since 1970-01-01: an ISO or dd/mm/yyyy field, a real date cell.
 *   TIME  minutes since midnight: "HH:MM", a real time cell ("hh:mm").
 *
 * Ownership: a table owns copies of every string given to it.  Nothing here
 * prints.  Functions that can fail return WFM_OK or an error code with `e`
 * set (out of memory is WFM_EINTERNAL); on failure the table is unchanged.
 */
#ifndef WFM_TABLE_H
#define WFM_TABLE_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "common/date.h"
#include "common/err.h"

enum wfm_tcol_type { WFM_TC_TEXT, WFM_TC_NUM, WFM_TC_PCT, WFM_TC_DATE, WFM_TC_TIME };

typedef struct wfm_tcol {
	char *name;    /* the header */
	int type;      /* enum wfm_tcol_type */
	int decimals;  /* NUM and PCT: places, 0..9 */
} wfm_tcol;

/* One cell: `v` for every type but TEXT (NAN: empty), `s` for TEXT (NULL:
 * empty). */
typedef struct wfm_tcell {
	double v;
	char *s;
} wfm_tcell;

enum wfm_chart_kind { WFM_CHART_LINE, WFM_CHART_COLUMN };

#define WFM_CHART_MAXY 4

/* A chart of some columns of a table over rows first .. last - 1: one
 * category per row (column `x`), one series per column of `y` named by its
 * header. */
typedef struct wfm_tchart {
	const char *title;
	int kind;                  /* enum wfm_chart_kind */
	size_t x;                  /* the categories' column */
	size_t y[WFM_CHART_MAXY];  /* the series' columns (NUM or PCT) */
	int ny;                    /* 1..WFM_CHART_MAXY */
	size_t first, last;        /* rows, first < last <= nrow */
	const char *y_title;       /* the value axis' title, or NULL */
} wfm_tchart;

typedef struct wfm_table {
	char *name;        /* file and sheet name: 1-31 characters of [a-z0-9-] */
	char *title;       /* one sentence, or NULL */
	wfm_tcol *col;
	size_t ncol, capcol;
	wfm_tcell *cell;   /* row-major, nrow x ncol */
	size_t nrow, caprow;
	wfm_tchart *chart;
	size_t nchart, capchart;
} wfm_table;

/* A new empty table.  `name` must be 1-31 characters of lower-case ASCII
 * letters, digits and '-' (else WFM_EUSAGE); `title` may be NULL.  NULL on
 * failure. */
wfm_table *wfm_table_new(const char *name, const char *title, wfm_err *e);

/* Frees a table; NULL is a no-op. */
void wfm_table_free(wfm_table *t);

/* Adds a column (before the first row only, else WFM_EUSAGE; a bad type or
 * decimals outside 0..9 are WFM_EUSAGE too). */
int wfm_table_add_col(wfm_table *t, const char *name, int type, int decimals, wfm_err *e);

/* Appends a row of empty cells. */
int wfm_table_add_row(wfm_table *t, wfm_err *e);

/* Sets cell (row, col) of a non-TEXT column to `v` (NAN: empty).  Out of
 * range or a TEXT column: nothing happens. */
void wfm_table_set(wfm_table *t, size_t row, size_t col, double v);

/* Sets cell (row, col) of a TEXT column to a copy of `s` (NULL or "":
 * empty).  WFM_EUSAGE out of range or for another type. */
int wfm_table_set_text(wfm_table *t, size_t row, size_t col, const char *s, wfm_err *e);

/* The cell at (row, col); NULL out of range. */
const wfm_tcell *wfm_table_cell(const wfm_table *t, size_t row, size_t col);

/* Adds a chart (the table keeps copies of its strings).  WFM_EUSAGE when a column or the
 * row range does not fit the table, or a series column is no NUM or PCT. */
int wfm_table_add_chart(wfm_table *t, const wfm_tchart *c, wfm_err *e);

/* Writes the header and the rows as CSV (see the top; `excel` selects the
 * nl-BE profile of csv.h).  WFM_OK or WFM_EIO ("write error"). */
int wfm_table_write_csv(const wfm_table *t, FILE *f, int excel, wfm_err *e);

/* How a workbook or an SVG shows dates and numbers. */
typedef struct wfm_tfmt {
	int day_first;    /* 1: dates dd/mm/yyyy (nl-BE); 0: yyyy-mm-dd */
	char decimal;     /* SVG labels: '.' or ',' */
	time_t created;   /* workbook: the creation time stored in its
			     properties (a fixed time keeps reruns identical);
			     0: now */
} wfm_tfmt;

/* Writes tables t[0..n-1] as an .xlsx workbook to `f` through
 * libxlsxwriter (which writes a temporary file in $TMPDIR, else /tmp, that
 * is copied to `f` and removed): one sheet per table named by t[i]->name,
 * its title in row 1, the header in row 2 (bold, with an autofilter), the
 * rows below; the title and header frozen; numbers, shares, dates and
 * times as native cells with their formats; each chart as a native Excel
 * chart to the right of the table.  n >= 1; names must differ.  WFM_OK;
 * WFM_ECANTCREAT when no temporary file can be made; WFM_EIO when writing
 * failed; WFM_EUSAGE for no table or a name given twice. */
int wfm_tables_write_xlsx(wfm_table *const *t, size_t n, FILE *f, const wfm_tfmt *fmt,
			  wfm_err *e);

/* Writes the charts of tables t[0..n-1] as one SVG document to `f`, one
 * picture below the other (title, value axis from 0 with gridlines, the
 * categories below, a legend), and a line of text when no table has a
 * chart.  WFM_OK or WFM_EIO. */
int wfm_tables_write_svg(wfm_table *const *t, size_t n, FILE *f, const wfm_tfmt *fmt,
			 wfm_err *e);

#endif
