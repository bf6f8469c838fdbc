/* planrun_fixture.h - helpers shared by test_planrun_rules.c,
 * test_planrun_read.c and test_planrun_write.c: temporary files, expected
 * errors, the settings fixture `struct fx` and the comparison of shift
 * rules.  Static inline, so that a test file that does not use one of them
 * compiles without warnings.  Only tests/unit/test_planrun_*.c include it. */
#ifndef WFM_TEST_PLANRUN_FIXTURE_H
#define WFM_TEST_PLANRUN_FIXTURE_H

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

#include "setup/calendar.h"
#include "setup/config.h"
#include "plan/plan.h"
#include "run/planrun.h"

#define D(y, m, d) wfm_date_from_ymd(y, m, d)
#define MON D(2024, 3, 4)

static inline void rm_file(char **path)
{
	if (*path) {
		unlink(*path);
		free(*path);
		*path = NULL;
	}
}

/* Fails unless rc and e->code are `code` and the message is exactly `msg`. */
static inline void expect_err(int rc, const wfm_err *e, int code, const char *msg)
{
	if (rc != code || e->code != code || strcmp(e->msg, msg) != 0)
		fail_msg("expected %d '%s'\n     got %d/%d '%s'", code, msg, rc, e->code, e->msg);
}

/* Like expect_err with a printf-style expected message. */
static inline void expect_errf(int rc, const wfm_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static inline void expect_errf(int rc, const wfm_err *e, int code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	expect_err(rc, e, code, msg);
}

struct fx {
	wfm_config cfg;
	wfm_calendar *cal;
	wfm_err e;
	wfm_pr_info info;
	wfm_plan_input *in;
	char *req, *agents, *leave, *tr, *conf; /* temporary files */
};

static inline void fx_init(struct fx *f)
{
	memset(f, 0, sizeof *f);
	wfm_config_defaults(&f->cfg);
}

static inline void fx_clear(struct fx *f)
{
	wfm_plan_input_free(f->in);
	f->in = NULL;
	wfm_calendar_free(f->cal);
	f->cal = NULL;
	rm_file(&f->req);
	rm_file(&f->agents);
	rm_file(&f->leave);
	rm_file(&f->tr);
}

static inline void fx_free(struct fx *f)
{
	fx_clear(f);
	rm_file(&f->conf);
	wfm_config_release(&f->cfg);
}

/* Sets [section] key = value as a flag; must succeed. */
static inline void set(struct fx *f, const char *section, const char *key, const char *value)
{
	if (wfm_config_set(&f->cfg, section, key, value, &f->e) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

static inline void set_plan(struct fx *f, const char *key, const char *value)
{
	set(f, "plan", key, value);
}

/* Loads a configuration file with `text`; must succeed. */
static inline void load_conf(struct fx *f, const char *text)
{
	rm_file(&f->conf);
	f->conf = tmp_file(text);
	if (wfm_config_load(&f->cfg, f->conf, &f->e) != WFM_OK)
		fail_msg("%s", f->e.msg);
}

/* ---- shift rules --------------------------------------------------------- */

/* Fails unless break b has these fields. */
static inline void expect_break(const wfm_plan_break *b, int minutes, int earliest, int latest,
				int paid, int lunch)
{
	assert_int_equal(b->minutes, minutes);
	assert_int_equal(b->earliest, earliest);
	assert_int_equal(b->latest, latest);
	assert_int_equal(b->paid, paid);
	assert_int_equal(b->lunch, lunch);
}

/* Every field of a and b, the unused break slots too. */
static inline void expect_same_rules(const wfm_plan_rules *a, const wfm_plan_rules *b)
{
	assert_int_equal(a->interval_min, b->interval_min);
	assert_int_equal(a->start_step_min, b->start_step_min);
	assert_int_equal(a->training_step_min, b->training_step_min);
	assert_int_equal(a->n_types, b->n_types);
	for (int i = 0; i < WFM_PLAN_MAX_TYPES; i++) {
		assert_int_equal(a->type[i].minutes, b->type[i].minutes);
		assert_int_equal(a->type[i].n_breaks, b->type[i].n_breaks);
		for (int j = 0; j < WFM_PLAN_MAX_BREAKS; j++) {
			const wfm_plan_break *x = &a->type[i].brk[j];

			expect_break(&b->type[i].brk[j], x->minutes, x->earliest, x->latest,
				     x->paid, x->lunch);
		}
	}
	assert_int_equal(a->min_rest_min, b->min_rest_min);
	assert_int_equal(a->max_days, b->max_days);
	assert_int_equal(a->week_days, b->week_days);
	assert_int_equal(a->hours_tol_min, b->hours_tol_min);
	assert_true(a->w_under == b->w_under);
	assert_true(a->w_over == b->w_over);
	assert_true(a->w_pref == b->w_pref);
	assert_true(a->w_deferred == b->w_deferred);
	assert_true(a->w_leave == b->w_leave);
}

#endif
