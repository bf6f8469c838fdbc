/* wfm-calendar - list which days and hours the service is open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "opt.h"
#include "tool.h"
#include "common/value.h"
#include "io/csv.h"
#include "io/outfile.h"
#include "setup/calendar.h"
#include "setup/config.h"

/* The options, with their help; a flag that sets a wfm.conf key takes its
 * help from the key table of config.c. */
enum opt_id { O_FROM, O_TO, O_HOLIDAYS, O_CLOSED, O_OPEN_DAYS, O_OPEN_HOURS, O_CONFIG,
	      O_OUTPUT, O_EXCEL, O_HELP, O_VERSION, O_COUNT };

static const struct tool_opt opts[O_COUNT] = {
	[O_FROM] = {"from", 0, "DATE", NULL, NULL, "first day listed: YYYY-MM-DD or dd/mm/yyyy"},
	[O_TO] = {"to", 0, "DATE", NULL, NULL,
		  "last day listed (included); --from and --to go together"},
	[O_HOLIDAYS] = TOOL_OPT_HOLIDAYS,
	[O_CLOSED] = {"closed", 0, "FILE", "calendar", "closed", "closing days CSV with columns "
		      "date,reason (or datum,reden; any of , ; tab; ISO or dd/mm/yyyy dates)"},
	[O_OPEN_DAYS] = TOOL_OPT_OPEN_DAYS,
	[O_OPEN_HOURS] = TOOL_OPT_OPEN_HOURS,
	[O_CONFIG] = TOOL_OPT_CONFIG,
	[O_OUTPUT] = TOOL_OPT_OUTPUT,
	[O_EXCEL] = {"excel", 0, NULL, NULL, NULL,
		     "nl-BE spreadsheet CSV: ';', BOM, CRLF, dd/mm/yyyy"},
	TOOL_OPT_HELP_ROWS,
};

static const char usage_head[] =
"usage: wfm-calendar [options] [YEAR...]\n"
"       wfm-calendar [options] --from DATE --to DATE\n"
"\n"
"Lists every day of the YEARs (default: the current year), or from --from to\n"
"--to, as CSV with the columns date,weekday,open,opens,closes,reason: open is\n"
"1 or 0; opens and closes are the opening hours, empty on a closed day; reason\n"
"says why a day is closed (a holiday, a closing day's reason, \"weekend\") and\n"
"is empty on an open day.  This is the calendar every wfm tool works with:\n"
"settings come from wfm.conf ([calendar]) and the options below override them.\n"
"\n"
"Options:\n";

static const char usage_tail[] =
"\n"
"Example:\n"
"  wfm-calendar --closed sluitingsdagen.csv --excel -o kalender-2025.csv 2025\n"
"\n"
"Exit codes: 0 ok, 64 bad command line, 65 bad settings or closing-days file,\n"
"66 a file is missing, 73 cannot create the output, 74 write error.\n";

struct args {
	struct tool_cmdline c;  /* the options as given; the operands are YEARs */
};

/* Returns 0 to go on, -1 when done (--help, --version), else an exit code. */
static int parse_args(int argc, char **argv, struct args *a)
{
	return tool_parse(argc, argv, opts, O_COUNT, O_HELP, O_VERSION, usage_head, usage_tail,
			  &a->c);
}

/* A year written as 4 digits, WFM_YEAR_MIN..WFM_YEAR_MAX (1900..2199). */
static int parse_year(const char *s, int *year)
{
	int y = 0;
	size_t i, n = strlen(s);

	if (n == 0 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	*year = y;
	return y >= WFM_YEAR_MIN && y <= WFM_YEAR_MAX;
}

/* The days to list: one or more [first, last] spans. */
struct spans {
	wfm_date *first, *last;
	int n;
};

static int parse_date_opt(const char *name, const char *s, wfm_date *d)
{
	const char *why = wfm_parse_date(s, d);

	return why ? tool_usage("--%s: %s: '%s'", name, why, s) : 0;
}

static int choose_days(const struct args *a, struct spans *sp)
{
	int i, y, rc;

	if (a->c.noperands && (a->c.set[O_FROM] || a->c.set[O_TO]))
		return tool_usage("give YEARs or --from and --to, not both");
	if (a->c.set[O_FROM] != a->c.set[O_TO])
		return tool_usage("--from and --to go together");
	sp->first = calloc((size_t)a->c.noperands + 1, sizeof *sp->first);
	sp->last = calloc((size_t)a->c.noperands + 1, sizeof *sp->last);
	if (!sp->first || !sp->last)
		return tool_error(70, "out of memory");
	if (a->c.set[O_FROM]) {
		if ((rc = parse_date_opt("from", a->c.val[O_FROM], &sp->first[0])) ||
		    (rc = parse_date_opt("to", a->c.val[O_TO], &sp->last[0])))
			return rc;
		if (sp->last[0] < sp->first[0])
			return tool_usage("--to %s is before --from %s", a->c.val[O_TO],
					  a->c.val[O_FROM]);
		sp->n = 1;
		return 0;
	}
	for (i = 0; i < a->c.noperands; i++) {
		if (!parse_year(a->c.operands[i], &y))
			return tool_usage("not a year (1900 to 2199): '%s'", a->c.operands[i]);
		sp->first[i] = wfm_date_from_ymd(y, 1, 1);
		sp->last[i] = wfm_date_from_ymd(y, 12, 31);
	}
	sp->n = a->c.noperands;
	if (sp->n == 0) {
		time_t now = time(NULL);
		struct tm tm;

		if (!localtime_r(&now, &tm))
			return tool_error(70, "cannot read the clock");
		sp->first[0] = wfm_date_from_ymd(tm.tm_year + 1900, 1, 1);
		sp->last[0] = wfm_date_from_ymd(tm.tm_year + 1900, 12, 31);
		sp->n = 1;
	}
	return 0;
}

static void write_day(wfm_csvw *w, const wfm_calendar *cal, wfm_date d)
{
	int opens, closes, open = wfm_calendar_hours(cal, d, &opens, &closes);
	const char *why = wfm_calendar_reason(cal, d);

	wfm_csvw_date(w, d);
	wfm_csvw_str(w, wfm_weekday_name(wfm_date_weekday(d)));
	wfm_csvw_long(w, open);
	if (open) {
		wfm_csvw_time(w, opens);
		if (closes == 24 * 60)
			wfm_csvw_str(w, "24:00"); /* a time of day stops at 23:59 */
		else
			wfm_csvw_time(w, closes);
	} else {
		wfm_csvw_empty(w);
		wfm_csvw_empty(w);
	}
	wfm_csvw_str(w, why ? why : "");
	wfm_csvw_end(w);
}

static int write_calendar(const struct args *a, const wfm_calendar *cal,
			  const struct spans *sp, wfm_err *e)
{
	static const char *const head[] = {"date", "weekday", "open", "opens", "closes", "reason",
					   NULL};
	wfm_out *out = tool_out_open(a->c.val[O_OUTPUT], e);
	wfm_csvw w;
	wfm_date d;
	int i;

	if (!out)
		return e->code;
	wfm_csvw_init(&w, wfm_out_file(out), a->c.set[O_EXCEL]);
	wfm_csvw_header(&w, head);
	for (i = 0; i < sp->n && !wfm_csvw_error(&w); i++)
		for (d = sp->first[i]; d <= sp->last[i]; d++)
			write_day(&w, cal, d);
	return tool_out_end(out, wfm_csvw_error(&w) ? wfm_err_set(e, WFM_EIO, "write error")
						  : WFM_OK, a->c.val[O_OUTPUT], e);
}

int main(int argc, char **argv)
{
	struct args a = {0};
	struct spans sp = {0};
	wfm_config cfg;
	wfm_calendar *cal = NULL;
	wfm_err e = {0};
	int rc;

	tool_init("wfm-calendar");
	wfm_config_defaults(&cfg);
	rc = parse_args(argc, argv, &a);
	if (rc == 0)
		rc = choose_days(&a, &sp);
	if (rc == 0) {
		rc = tool_settings(opts, &a.c, O_CONFIG, &cfg, &cal, &e);
		if (rc == WFM_OK)
			rc = write_calendar(&a, cal, &sp, &e);
		if (rc != WFM_OK)
			tool_fail(&e);
	}
	wfm_calendar_free(cal);
	wfm_config_release(&cfg);
	tool_cmdline_release(&a.c);
	free(sp.first);
	free(sp.last);
	return tool_finish(rc < 0 ? 0 : rc);
}
