/* planrun_impl.h - shared inside the planrun module (planrun*.c). */
#ifndef WFM_PLANRUN_IMPL_H
#define WFM_PLANRUN_IMPL_H

#include "planrun.h"
#include "io/csv.h"

#define PR_MAXCOLS 12

/* An input table: the reader, its columns' field indices (-1: absent) and
 * the header cells as written, for messages. */
typedef struct pr_table {
	wfm_csv *csv;
	int idx[PR_MAXCOLS];
	char head[PR_MAXCOLS][48];
	wfm_numfmt nf;
} pr_table;

/* Opens `path`, reads its header and maps it onto `cols` (n <= PR_MAXCOLS).
 * An empty file is an error ("FILE: empty file, expected a header").
 * Returns WFM_OK or the error; on failure nothing stays open. */
int wfm_pr_open(pr_table *t, const char *path, const wfm_csv_col *cols, int n, wfm_err *e);

/* The cell of column c of the current record ("" when the column is absent). */
const char *wfm_pr_cell(const pr_table *t, int c);

/* Records "FILE:LINE: column 'HEAD': WHY: 'VALUE'" and returns WFM_EDATA. */
int wfm_pr_cell_error(const pr_table *t, int c, const char *why, wfm_err *e);

/* Puts "FILE:LINE: " of the current record in front of the error in `e`
 * and returns its code. */
int wfm_pr_prefix(const pr_table *t, wfm_err *e);

/* An error about setting `key` of [plan] whose text is `value`: "FILE:LINE:
 * [plan] KEY: WHY: 'VALUE'" (WFM_EDATA) when it came from the configuration
 * file; "FILE: [plan] KEY (default): ..." (WFM_EDATA) when it is a default
 * and a configuration file was read; else "--KEY: WHY: 'VALUE'"
 * (WFM_EUSAGE: the flags given do not fit together). */
int wfm_pr_setting_error(const wfm_config *cfg, const char *key, const char *why,
		     const char *value, wfm_err *e);

/* A live requirement row (phone, chat), for the service curves: plan day,
 * interval of the grid, line index, channel, its agents, volume and handle
 * time, and its line in the requirements file. */
typedef struct pr_live {
	int day, t, line, channel;
	double agents, volume, aht;
	long src;
} pr_live;

/* Adds to `in` (objective WFM_PLAN_SERVICE) the service of every interval and
 * line with live rows of positive volume: the curves of planrun_service.c
 * from the staffing models of the [staff] settings of `cfg`, weighted by
 * cfg->service_weight and the line's weight.  Sorts `rows`.  Fails with the
 * error of the settings ([staff] keys), of a model ("FILE:LINE: ..." for a
 * row the models reject) or WFM_EINTERNAL when out of memory. */
int wfm_pr_add_service(wfm_plan_input *in, const wfm_config *cfg, pr_live *rows, size_t n,
		       const char *file, wfm_err *e);

/* A requirement row inside the plan, for the capacity figures: plan day
 * (the release day of deferred work), line index, channel, 1 for a live
 * row, its agents (agent-hours for deferred work) and its `scheduled` cell
 * (-1 when the file has none). */
typedef struct pr_need {
	int day, line, channel, live;
	double agents, sched;
} pr_need;

/* Fills the capacity figures and warnings of `info` (planrun.h) from the
 * rows `need` and the agents and approved leave of `in`, with the [staff]
 * shrinkage of `cfg` for rows without a `scheduled` cell (see
 * planrun_check.c).  Fails with the error of the [staff] settings or
 * WFM_EINTERNAL when out of memory. */
int wfm_pr_capacity(const wfm_plan_input *in, const wfm_config *cfg, const pr_need *need,
		    size_t n, wfm_pr_info *info, wfm_err *e);

#endif
