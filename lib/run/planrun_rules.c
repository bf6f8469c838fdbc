/* planrun_rules.c - the shift rules of the [plan] settings; see wfm_pr_rules
 * in planrun.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planrun_impl.h"
#include "common/value.h"

int wfm_pr_setting_error(const wfm_config *cfg, const char *key, const char *why,
		     const char *value, wfm_err *e)
{
	int line = wfm_config_origin(cfg, "plan", key);
	char flag[64];
	size_t i;

	if (line > 0 && cfg->file)
		return wfm_err_set(e, WFM_EDATA, "%s:%d: [plan] %s: %s: '%s'", cfg->file, line, key,
				   why, value);
	if (line == 0 && cfg->file)
		/* a default that does not fit what the file sets */
		return wfm_err_set(e, WFM_EDATA, "%s: [plan] %s (default): %s: '%s'", cfg->file,
				   key, why, value);
	snprintf(flag, sizeof flag, "%s", key);
	for (i = 0; flag[i]; i++)
		if (flag[i] == '_')
			flag[i] = '-';
	return wfm_err_set(e, WFM_EUSAGE, "--%s: %s: '%s'", flag, why, value);
}

/* "H:MM" or plain minutes, the text [s, s + n), into *min. */
static int hm_of(const char *s, size_t n, int *min)
{
	static const wfm_numfmt point = {'.', 0};
	char buf[32];
	double x;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (strchr(buf, ':') != strrchr(buf, ':') || wfm_parse_duration(buf, point, &x) ||
	    x != (double)(int)x || x > 24 * 60)
		return -1;
	*min = (int)x;
	return 0;
}

/* A comma-separated list of H:MM (ranges "A-B" when `ranges`), at most
 * `max` items, into lo[] (and hi[]).  Returns the count or -1. */
static int hm_list(const char *s, int ranges, int *lo, int *hi, int max)
{
	int n = 0;

	for (;;) {
		size_t len = strcspn(s, ",");
		const char *dash = ranges ? memchr(s, '-', len) : NULL;

		if (n == max)
			return -1;
		if (ranges) {
			if (!dash || hm_of(s, (size_t)(dash - s), &lo[n]) ||
			    hm_of(dash + 1, len - (size_t)(dash - s) - 1, &hi[n]) || hi[n] < lo[n])
				return -1;
		} else if (hm_of(s, len, &lo[n])) {
			return -1;
		}
		n++;
		if (s[len] == '\0')
			return n;
		s += len + 1;
	}
}

int wfm_pr_rules(const wfm_config *cfg, wfm_plan_rules *r, wfm_err *e)
{
	int len[WFM_PLAN_MAX_TYPES], blo[WFM_PLAN_MAX_BREAKS], bhi[WFM_PLAN_MAX_BREAKS];
	int nlen, nbrk = 0, i, j, iv = cfg->interval;
	const char *shifts = cfg->shifts ? cfg->shifts : "8:30, 6:30, 4:00";
	const char *windows = cfg->break_windows ? cfg->break_windows : "1:00-2:30, 5:30-7:15";
	char why[160], val[32];

	wfm_plan_rules_default(r);
	r->interval_min = iv;
	r->start_step_min = cfg->start_step;
	r->training_step_min = cfg->training_step;
	r->min_rest_min = cfg->min_rest;
	r->max_days = cfg->max_days;
	r->hours_tol_min = cfg->hours_tolerance;
	r->w_under = cfg->under_weight;
	r->w_over = cfg->over_weight;
	r->w_pref = cfg->preference_weight;
	r->w_deferred = cfg->late_weight;
	r->w_leave = cfg->leave_weight;
	r->leave_target = cfg->target_answer_rate;
	/* unset: service (planrun.c falls back to linear, with a warning, when
	 * the requirements carry no volumes) */
	if (!cfg->objective || !*cfg->objective || strcmp(cfg->objective, "service") == 0)
		r->objective = WFM_PLAN_SERVICE;
	else if (strcmp(cfg->objective, "linear") == 0)
		r->objective = WFM_PLAN_LINEAR;
	else
		return wfm_pr_setting_error(cfg, "objective", "must be service or linear",
					    cfg->objective, e);
	nlen = hm_list(shifts, 0, len, NULL, WFM_PLAN_MAX_TYPES);
	if (nlen < 0)
		return wfm_pr_setting_error(cfg, "shifts", "expected up to 12 lengths H:MM, ...",
					    shifts, e);
	for (i = 0; i < nlen; i++)
		if (len[i] < 60 || len[i] > 16 * 60 || len[i] % iv) {
			snprintf(why, sizeof why, "length %d:%02d is not a multiple of the %d-minute "
				 "interval between 1:00 and 16:00", len[i] / 60, len[i] % 60, iv);
			return wfm_pr_setting_error(cfg, "shifts", why, shifts, e);
		}
	if (strcmp(windows, "none") != 0) {
		nbrk = hm_list(windows, 1, blo, bhi, WFM_PLAN_MAX_BREAKS - 1);
		if (nbrk < 0)
			return wfm_pr_setting_error(cfg, "break_windows", "expected up to 3 windows "
					   "H:MM-H:MM, ...", windows, e);
	}
	if (cfg->break_len == 0)
		nbrk = 0;
	if (cfg->break_len % iv || cfg->lunch % iv) {
		snprintf(why, sizeof why, "not a multiple of the %d-minute interval", iv);
		snprintf(val, sizeof val, "%d", cfg->lunch % iv ? cfg->lunch : cfg->break_len);
		return wfm_pr_setting_error(cfg, cfg->lunch % iv ? "lunch" : "break", why, val, e);
	}
	r->n_types = nlen;
	for (i = 0; i < nlen; i++) {
		wfm_plan_shift_type *t = &r->type[i];
		int lunch_done = !(cfg->lunch > 0 && len[i] > cfg->lunch_after);
		int llo = cfg->lunch_window.opens, lhi = cfg->lunch_window.closes;

		if (lhi > len[i] - cfg->lunch - 90)
			lhi = len[i] - cfg->lunch - 90;
		if (!lunch_done && lhi < llo) {
			snprintf(why, sizeof why, "the lunch does not fit in a %d:%02d shift",
				 len[i] / 60, len[i] % 60);
			snprintf(val, sizeof val, "%d:%02d-%d:%02d", llo / 60, llo % 60,
				 cfg->lunch_window.closes / 60, cfg->lunch_window.closes % 60);
			return wfm_pr_setting_error(cfg, "lunch_window", why, val, e);
		}
		memset(t, 0, sizeof *t);
		t->minutes = len[i];
		for (j = 0; j <= nbrk; j++) {
			wfm_plan_break *b;

			/* the lunch goes before the first break window that starts
			 * after it */
			if (!lunch_done && (j == nbrk || blo[j] >= llo)) {
				b = &t->brk[t->n_breaks++];
				b->minutes = cfg->lunch;
				b->earliest = llo;
				b->latest = lhi;
				b->lunch = 1;
				lunch_done = 1;
			}
			if (j == nbrk || bhi[j] + cfg->break_len > len[i])
				continue;
			b = &t->brk[t->n_breaks++];
			b->minutes = cfg->break_len;
			b->earliest = blo[j];
			b->latest = bhi[j];
			b->paid = 1;
		}
		for (j = 1; j < t->n_breaks; j++)
			if (t->brk[j].earliest < t->brk[j - 1].latest + t->brk[j - 1].minutes) {
				snprintf(why, sizeof why, "the breaks of a %d:%02d shift overlap "
					 "(windows must follow each other and the lunch)",
					 len[i] / 60, len[i] % 60);
				return wfm_pr_setting_error(cfg, "break_windows", why, windows, e);
			}
	}
	return WFM_OK;
}
