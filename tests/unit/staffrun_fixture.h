/* staffrun_fixture.h - helpers shared by test_staffrun.c,
 * test_staffrun_backlog.c and test_staffrun_shrinkage.c: the settings and
 * calendar fixture `struct fx`, temporary files, a whole run from the
 * forecast text to the CSV in f->out, and the fields of that output.
 * Static inline, so that a test file that does not use one of them
 * compiles without warnings.  Only tests/unit/test_staffrun*.c include it. */
#ifndef WFM_TEST_STAFFRUN_FIXTURE_H
#define WFM_TEST_STAFFRUN_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tmpfile_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/staffrun.h"
#include "setup/calendar.h"
#include "setup/config.h"

#define D(y, m, d) wfm_date_from_ymd(y, m, d)

struct fx {
	wfm_config cfg;
	wfm_sr_settings s;
	wfm_calendar *cal;
	wfm_err e;
	char *out;          /* the last output */
	size_t outlen;
	wfm_sr_summary sum; /* the summary of the last run that wrote */
};

/* The defaults (no holidays) with the [staff] keys of `kv` ("key=value",
 * NULL-terminated) applied as flags, a calendar open Monday to Friday from
 * `opens` to `closes` minutes.  Returns the status of wfm_sr_settings_init
 * (its message in f->e). */
static inline int fx_setup(struct fx *f, const char *const *kv, int opens, int closes)
{
	memset(f, 0, sizeof *f);
	wfm_config_defaults(&f->cfg);
	for (; kv && *kv; kv++) {
		char key[64];
		const char *eq = strchr(*kv, '=');

		assert_non_null(eq);
		snprintf(key, sizeof key, "%.*s", (int)(eq - *kv), *kv);
		if (wfm_config_set(&f->cfg, "staff", key, eq + 1, &f->e) != WFM_OK)
			fail_msg("%s", f->e.msg);
	}
	f->cal = wfm_calendar_new(WFM_HOLIDAYS_NONE, NULL);
	assert_non_null(f->cal);
	for (int wd = WFM_MON; wd <= WFM_FRI; wd++)
		assert_int_equal(wfm_calendar_set_hours(f->cal, wd, opens, closes, NULL), WFM_OK);
	return wfm_sr_settings_init(&f->s, &f->cfg, &f->e);
}

static inline void fx_free(struct fx *f)
{
	wfm_sr_settings_release(&f->s);
	wfm_config_release(&f->cfg);
	wfm_calendar_free(f->cal);
	free(f->out);
	f->out = NULL;
}

/* Reads `forecast`, the backlog `backlog` (none when NULL), computes the
 * requirement or evaluates `staffing` (when not NULL), simulates when `sim`
 * is given, and writes at `grain` into f->out (the summary into f->sum).
 * Returns the status of the first step that failed. */
static inline int fx_run(struct fx *f, const char *forecast, const char *backlog,
			 const char *staffing, const wfm_sr_sim_opts *sim, int grain)
{
	char *fp = tmp_file(forecast), *bp = backlog ? tmp_file(backlog) : NULL;
	char *sp = staffing ? tmp_file(staffing) : NULL;
	wfm_sr *r = wfm_sr_read(fp, &f->s, f->cal, &f->e);
	int rc = r ? WFM_OK : f->e.code;
	FILE *mem;

	if (rc == WFM_OK && bp)
		rc = wfm_sr_backlog(r, bp, &f->e);
	if (rc == WFM_OK)
		rc = sp ? wfm_sr_evaluate(r, sp, -1, &f->e) : wfm_sr_require(r, &f->e);
	if (rc == WFM_OK && sim)
		rc = wfm_sr_simulate(r, sim, &f->e);
	if (rc == WFM_OK) {
		free(f->out);
		f->out = NULL;
		mem = open_memstream(&f->out, &f->outlen);
		assert_non_null(mem);
		rc = wfm_sr_write(r, mem, 0, grain, &f->e);
		fclose(mem);
		f->sum = *wfm_sr_get_summary(r);
	}
	wfm_sr_free(r);
	for (char **p = (char *[]){fp, bp, sp}, **end = p + 3; p < end; p++) {
		if (*p)
			unlink(*p);
		free(*p);
	}
	return rc;
}

/* Field `col` (0-based) of the output line that starts with `prefix`. */
static inline const char *field_of(const struct fx *f, const char *prefix, int col)
{
	static char buf[128];
	const char *p = f->out;
	size_t n = strlen(prefix);

	while (p && strncmp(p, prefix, n) != 0) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	if (!p)
		fail_msg("no line '%s' in:\n%s", prefix, f->out);
	for (int c = 0; c < col; c++) {
		p = strpbrk(p, ",\n");
		assert_true(p && *p == ',');
		p++;
	}
	n = strcspn(p, ",\n");
	snprintf(buf, sizeof buf, "%.*s", (int)n, p);
	return buf;
}

static inline double num_of(const struct fx *f, const char *prefix, int col)
{
	const char *s = field_of(f, prefix, col);
	char *end;
	double x = strtod(s, &end);

	if (end == s || *end)
		fail_msg("not a number in column %d of '%s': '%s'", col, prefix, s);
	return x;
}

#endif
