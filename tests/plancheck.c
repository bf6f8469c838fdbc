/* plancheck.c - see plancheck.h.  Written from the rules stated in plan.h,
 * without the library's internals: a second reading of the same contract. */
#include "plancheck.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FREE = -1 };

static void bad(plancheck *pc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bad(plancheck *pc, const char *fmt, ...)
{
	size_t n = strlen(pc->first);
	va_list ap;

	pc->violations++;
	if (pc->violations > 8 || n + 2 >= sizeof pc->first)
		return;
	va_start(ap, fmt);
	vsnprintf(pc->first + n, sizeof pc->first - n - 1, fmt, ap);
	va_end(ap);
	n = strlen(pc->first);
	if (n + 1 < sizeof pc->first) {
		pc->first[n] = '\n';
		pc->first[n + 1] = '\0';
	}
}

static int in_range(wfm_date d, wfm_date from, wfm_date to)
{
	return d >= from && d <= to;
}

/* Per agent and day: what each minute-interval holds.  act = -1 free. */
typedef struct slot {
	int act, line, training;
} slot;

static int has_skill(const wfm_plan_agent *ag, int line)
{
	int i;

	for (i = 0; i < ag->n_skills; i++)
		if (ag->skills[i] == line)
			return 1;
	return 0;
}

int plancheck_run(const wfm_plan_input *in, const wfm_plan_result *res, plancheck *pc)
{
	const wfm_plan_rules *ru = &in->rules;
	int D = in->n_days, T = in->n_intervals, L = in->n_lines, A = in->n_agents;
	int iv = ru->interval_min, g0 = in->grid_start;
	slot *day = malloc((size_t)T * sizeof *day);
	int *cover = calloc((size_t)D * (size_t)T * (size_t)L + 1, sizeof *cover);
	int *shift_start = malloc((size_t)A * (size_t)D * sizeof *shift_start + 1);
	int *shift_end = malloc((size_t)A * (size_t)D * sizeof *shift_end + 1);
	unsigned char *granted = calloc((size_t)in->n_leave + 1, 1);
	int a, d, t, l, i, k, b, R = 0, closed = 0;
	double obj = 0, under = 0, over = 0;

	memset(pc, 0, sizeof *pc);
	if (!day || !cover || !shift_start || !shift_end || !granted) {
		bad(pc, "checker out of memory");
		goto out;
	}
	for (i = 0; i < in->n_leave; i++)
		R += in->leave[i].requested;
	for (d = 0; d < D; d++)
		if (in->day[d].opens < 0 && wfm_date_weekday(in->day[d].date) <= WFM_FRI)
			closed++;
	/* decisions */
	if (res->n_decisions != R)
		bad(pc, "%d leave decisions for %d requests", res->n_decisions, R);
	for (i = 0; i < res->n_decisions; i++) {
		const wfm_plan_decision *dc = &res->decision[i];

		if (dc->leave < 0 || dc->leave >= in->n_leave || !in->leave[dc->leave].requested) {
			bad(pc, "decision %d names no requested leave", i);
			continue;
		}
		granted[dc->leave] = (unsigned char)(dc->granted != 0);
		if (!dc->granted && (!dc->reason || !*dc->reason))
			bad(pc, "refused leave %d without a reason", dc->leave);
	}
	/* shifts as listed */
	for (i = 0; i < A * D; i++)
		shift_start[i] = shift_end[i] = -1;
	for (i = 0; i < res->n_shifts; i++) {
		const wfm_plan_shift *sh = &res->shift[i];

		if (sh->agent < 0 || sh->agent >= A || sh->day < 0 || sh->day >= D ||
		    sh->type < 0 || sh->type >= ru->n_types) {
			bad(pc, "shift %d out of range", i);
			continue;
		}
		if (shift_start[sh->agent * D + sh->day] >= 0)
			bad(pc, "agent %s has two shifts on day %d", in->agent[sh->agent].name, sh->day);
		shift_start[sh->agent * D + sh->day] = sh->start;
		shift_end[sh->agent * D + sh->day] = sh->end;
		if (sh->end - sh->start != ru->type[sh->type].minutes)
			bad(pc, "shift %d: length does not match type %d", i, sh->type);
	}
	for (a = 0; a < A; a++) {
		const wfm_plan_agent *ag = &in->agent[a];
		int paid = 0, worked = 0, leave_days = 0, basis, target, lim;
		int prev_end = -1;

		for (d = 0; d < D; d++) {
			const wfm_plan_day *dy = &in->day[d];
			int s0 = -1, s1 = -1, on_leave = 0, ty = -1, nb;

			for (t = 0; t < T; t++)
				day[t].act = FREE;
			for (i = 0; i < in->n_leave; i++) {
				const wfm_plan_leave *lv = &in->leave[i];

				if (lv->agent == a && in_range(dy->date, lv->from, lv->to) &&
				    (!lv->requested || granted[i]))
					on_leave = 1;
			}
			if (on_leave && dy->opens >= 0)
				leave_days++;
			for (i = 0; i < res->n_blocks; i++) {
				const wfm_plan_block *bl = &res->block[i];
				int x0, x1;

				if (bl->agent != a || bl->day != d)
					continue;
				if (bl->activity == WFM_ACT_LEAVE) {
					if (!on_leave)
						bad(pc, "%s: leave block on day %d without leave", ag->name, d);
					continue;
				}
				if (bl->start % iv || bl->end % iv || bl->end <= bl->start ||
				    bl->start < g0 || bl->end > g0 + T * iv) {
					bad(pc, "%s: block %d off the grid", ag->name, i);
					continue;
				}
				x0 = (bl->start - g0) / iv;
				x1 = (bl->end - g0) / iv;
				for (t = x0; t < x1; t++) {
					if (day[t].act != FREE)
						bad(pc, "%s: blocks overlap on day %d", ag->name, d);
					day[t].act = bl->activity;
					day[t].line = bl->line;
					day[t].training = bl->training;
				}
				if (s0 < 0 || x0 < s0)
					s0 = x0;
				if (x1 > s1)
					s1 = x1;
			}
			if (s0 < 0) {
				if (shift_start[a * D + d] >= 0)
					bad(pc, "%s: shift listed on day %d without blocks", ag->name, d);
				prev_end = -1;
				continue;
			}
			/* one contiguous shift of a known type */
			for (t = s0; t < s1; t++)
				if (day[t].act == FREE)
					bad(pc, "%s: gap inside the shift on day %d", ag->name, d);
			if (shift_start[a * D + d] != g0 + s0 * iv || shift_end[a * D + d] != g0 + s1 * iv)
				bad(pc, "%s: blocks and shift disagree on day %d", ag->name, d);
			for (k = 0; k < ru->n_types; k++)
				if (ru->type[k].minutes == (s1 - s0) * iv)
					ty = k;
			if (ty < 0) {
				bad(pc, "%s: shift of %d minutes on day %d", ag->name, (s1 - s0) * iv, d);
				continue;
			}
			if (dy->opens < 0 || g0 + s0 * iv < dy->opens || g0 + s1 * iv > dy->closes)
				bad(pc, "%s: shift outside opening hours on day %d", ag->name, d);
			if ((g0 + s0 * iv) % ru->start_step_min)
				bad(pc, "%s: start off the step on day %d", ag->name, d);
			if (ag->earliest_start >= 0 && g0 + s0 * iv < ag->earliest_start)
				bad(pc, "%s: starts before its earliest start on day %d", ag->name, d);
			if (ag->latest_end >= 0 && g0 + s1 * iv > ag->latest_end)
				bad(pc, "%s: ends after its latest end on day %d", ag->name, d);
			if (ag->unavailable[d])
				bad(pc, "%s: works on an unavailable day %d", ag->name, d);
			if (on_leave)
				bad(pc, "%s: works on a leave day %d", ag->name, d);
			if (ag->pref_from >= 0 &&
			    (g0 + s0 * iv < ag->pref_from || g0 + s0 * iv > ag->pref_to))
				obj += ru->w_pref;
			/* breaks in order, each in its window */
			{
				int from = s0, used = 0;

				for (b = 0; b < ru->type[ty].n_breaks; b++) {
					const wfm_plan_break *br = &ru->type[ty].brk[b];
					int want = br->lunch ? WFM_ACT_LUNCH : WFM_ACT_BREAK, x = -1, len;

					len = br->minutes / iv;
					for (t = from; t < s1 && x < 0; t++)
						if (day[t].act == want)
							x = t;
					if (x < 0 || x + len > s1) {
						bad(pc, "%s: break %d missing on day %d", ag->name, b, d);
						break;
					}
					for (t = x; t < x + len; t++)
						if (day[t].act != want)
							bad(pc, "%s: break %d too short on day %d", ag->name, b, d);
					if ((x - s0) * iv < br->earliest || (x - s0) * iv > br->latest)
						bad(pc, "%s: break %d outside its window on day %d", ag->name, b,
						    d);
					from = x + len;
					used += len;
					if (!br->paid)
						paid -= br->minutes;
				}
				for (nb = 0, t = s0; t < s1; t++)
					nb += day[t].act == WFM_ACT_BREAK || day[t].act == WFM_ACT_LUNCH;
				if (nb != used)
					bad(pc, "%s: extra break time on day %d", ag->name, d);
			}
			paid += (s1 - s0) * iv;
			worked++;
			if (prev_end >= 0 && d > 0 && in->day[d].date == in->day[d - 1].date + 1 &&
			    1440 + g0 + s0 * iv - prev_end < ru->min_rest_min)
				bad(pc, "%s: rest before day %d is %d minutes", ag->name, d,
				    1440 + g0 + s0 * iv - prev_end);
			prev_end = g0 + s1 * iv;
			for (t = s0; t < s1; t++) {
				if (day[t].act == WFM_ACT_WORK) {
					if (day[t].line < 0 || day[t].line >= L ||
					    !has_skill(ag, day[t].line))
						bad(pc, "%s: works a line it does not hold on day %d", ag->name,
						    d);
					else
						cover[((size_t)d * (size_t)T + (size_t)t) * (size_t)L +
						      (size_t)day[t].line]++;
				}
				if (day[t].act == WFM_ACT_TRAINING) {
					int ok = 0;

					for (i = 0; i < res->n_sessions; i++) {
						const wfm_plan_session *ss = &res->session[i];
						int j;

						if (ss->training != day[t].training || ss->day != d ||
						    g0 + t * iv < ss->start || g0 + t * iv >= ss->end)
							continue;
						for (j = 0; j < ss->n_agents; j++)
							ok |= ss->agents[j] == a;
					}
					if (!ok)
						bad(pc, "%s: training block outside its session on day %d",
						    ag->name, d);
				}
			}
		}
		basis = ag->days_per_week ? ag->days_per_week : ru->week_days;
		target = (int)floor(ag->minutes_per_week * (1.0 - (double)leave_days / basis -
							    (double)closed / ru->week_days) + 0.5);
		if (target < 0)
			target = 0;
		if (abs(paid - target) > ru->hours_tol_min)
			bad(pc, "%s: paid %d minutes, contract %d (+-%d)", ag->name, paid, target,
			    ru->hours_tol_min);
		lim = ru->max_days;
		if (ag->days_per_week && ag->days_per_week < lim)
			lim = ag->days_per_week;
		/* leave counts as working days up to the limit: an agent on
		 * leave all week works no day */
		if (worked + (leave_days < lim ? leave_days : lim) > lim)
			bad(pc, "%s: %d working and %d leave days, at most %d", ag->name, worked,
			    leave_days, lim);
	}
	/* trainings */
	for (k = 0; k < in->n_trainings; k++) {
		const wfm_plan_training *tt = &in->training[k];
		int need = tt->count ? tt->count : tt->n_listed, total = 0, j, x;
		unsigned char *seen = calloc((size_t)A + 1, 1);

		if (!seen) {
			bad(pc, "checker out of memory");
			continue;
		}
		for (i = 0; i < res->n_sessions; i++) {
			const wfm_plan_session *ss = &res->session[i];

			if (ss->training != k)
				continue;
			if (ss->day < 0 || ss->day >= D || !in_range(in->day[ss->day].date, tt->from, tt->to) ||
			    in->day[ss->day].opens < 0)
				bad(pc, "training %s: session on a day outside its window", tt->name);
			else if (ss->start < in->day[ss->day].opens || ss->end > in->day[ss->day].closes ||
				 ss->end - ss->start != tt->minutes || ss->start % ru->training_step_min)
				bad(pc, "training %s: session time %d-%d", tt->name, ss->start, ss->end);
			if (ss->n_agents < tt->group_min || ss->n_agents > tt->group_max)
				bad(pc, "training %s: group of %d", tt->name, ss->n_agents);
			for (j = 0; j < ss->n_agents; j++) {
				a = ss->agents[j];
				if (a < 0 || a >= A || seen[a]) {
					bad(pc, "training %s: attendee listed twice or unknown", tt->name);
					continue;
				}
				seen[a] = 1;
				total++;
				if (tt->count && !has_skill(&in->agent[a], tt->skill))
					bad(pc, "training %s: %s lacks the skill", tt->name,
					    in->agent[a].name);
				/* the attendee's blocks show the whole session */
				for (x = ss->start; x < ss->end; x += iv) {
					int hit = 0, q;

					for (q = 0; q < res->n_blocks && !hit; q++) {
						const wfm_plan_block *bl = &res->block[q];

						hit = bl->agent == a && bl->day == ss->day &&
						      bl->activity == WFM_ACT_TRAINING && bl->training == k &&
						      bl->start <= x && x < bl->end;
					}
					if (!hit) {
						bad(pc, "training %s: %s not in training at %d", tt->name,
						    in->agent[a].name, x);
						break;
					}
				}
			}
		}
		if (total != need)
			bad(pc, "training %s: %d attendees, want %d", tt->name, total, need);
		for (j = 0; !tt->count && j < tt->n_listed; j++)
			if (!seen[tt->listed[j]])
				bad(pc, "training %s: %s does not attend", tt->name,
				    in->agent[tt->listed[j]].name);
		free(seen);
	}
	/* coverage and cost */
	{
		size_t cells = (size_t)D * (size_t)T * (size_t)L, ci;
		unsigned char *def = calloc((size_t)L + 1, 1);

		for (i = 0; i < in->n_deferred; i++)
			if (in->deferred[i].hours > 0)
				def[in->deferred[i].line] = 1;
		for (ci = 0; ci < cells; ci++)
			if (fabs(res->planned[ci] - cover[ci]) > 1e-9) {
				bad(pc, "coverage of cell %zu: reported %g, blocks give %d", ci,
				    res->planned[ci], cover[ci]);
				break;
			}
		for (d = 0; d < D; d++)
			for (t = 0; t < T; t++)
				for (l = 0; l < L; l++) {
					size_t c = ((size_t)d * (size_t)T + (size_t)t) * (size_t)L + (size_t)l;
					double r = in->req[c], h = iv / 60.0;

					if (ru->objective == WFM_PLAN_SERVICE) {
						/* the cell's service curve at its cover (flat
						 * past its last point), none: 0 */
						for (i = 0; i < in->n_service; i++) {
							const wfm_plan_service *sv = &in->service[i];

							if (sv->day == d && sv->t == t && sv->line == l) {
								obj += in->svc[sv->first + (cover[c] < sv->n ?
									cover[c] : sv->n - 1)].cost;
								break;
							}
						}
						if (r > cover[c])
							under += (r - cover[c]) * h;
						else if (!def || !def[l]) {
							over += (cover[c] - r) * h;
							obj += h * ru->w_over * (cover[c] - r);
						}
					} else if (r > cover[c]) {
						under += (r - cover[c]) * h;
						obj += h * ru->w_under * in->line[l].weight * (r - cover[c]);
					} else if (!def || !def[l]) {
						over += (cover[c] - r) * h;
						obj += h * ru->w_over * (cover[c] - r);
					}
				}
		/* deferred work: done as soon as agents above the live requirement
		 * are free; hours past their deadline cost w_deferred per day */
		for (l = 0; def && l < L; l++) {
			double done = 0, released = 0, due = 0;

			if (!def[l])
				continue;
			for (d = 0; d < D; d++) {
				double spare = 0, use;

				for (t = 0; t < T; t++) {
					size_t c = ((size_t)d * (size_t)T + (size_t)t) * (size_t)L + (size_t)l;

					if (cover[c] > in->req[c])
						spare += (cover[c] - in->req[c]) * iv / 60.0;
				}
				for (i = 0; i < in->n_deferred; i++) {
					const wfm_plan_deferred *df = &in->deferred[i];

					if (df->line == l && df->day == d)
						released += df->hours;
					if (df->line == l && df->deadline == d)
						due += df->hours;
				}
				use = released - done < spare ? released - done : spare;
				if (use < 0)
					use = 0;
				done += use;
				over += spare - use;
				obj += ru->w_over * (spare - use);
				if (due - done > 1e-9)
					obj += ru->w_deferred * (due - done);
			}
		}
		free(def);
	}
	for (i = 0; i < in->n_leave; i++) {
		const wfm_plan_leave *lv = &in->leave[i];
		int days = 0;

		if (!lv->requested || granted[i])
			continue;
		for (d = 0; d < D; d++)
			days += in->day[d].opens >= 0 && in_range(in->day[d].date, lv->from, lv->to);
		obj += ru->w_leave * days * (1.0 + 0.01 * (double)(R - 1 - lv->rank) / (R ? R : 1));
	}
	pc->objective = obj;
	pc->under_hours = under;
	pc->over_hours = over;
	if (fabs(obj - res->objective) > 1e-6 * (1 + fabs(obj)))
		bad(pc, "objective: reported %.9g, recomputed %.9g", res->objective, obj);
	if (fabs(under - res->under_hours) > 1e-6 * (1 + under))
		bad(pc, "under-coverage: reported %.6g, recomputed %.6g", res->under_hours, under);
	if (res->bound > res->objective + 1e-6 * (1 + fabs(obj)))
		bad(pc, "bound %.9g above the objective %.9g", res->bound, res->objective);
out:
	free(day);
	free(cover);
	free(shift_start);
	free(shift_end);
	free(granted);
	return pc->violations;
}
