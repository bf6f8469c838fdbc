/* plancheck.h - an independent check of a plan result.
 *
 * Reads only the public structs of plan.h: the input and the result's roster
 * blocks.  It rebuilds each agent's day interval by interval from the blocks,
 * checks every hard rule (opening hours, shift types and start step, break
 * windows, earliest start and latest end, unavailable days, approved and
 * granted leave, contract hours within the tolerance, maximum working days
 * and days per week, rest between consecutive dates, skills of every work
 * block, training sessions: window, step, group sizes, attendees, blocks),
 * recomputes the coverage from the work blocks and the objective from the
 * coverage (under the service objective, each cell's service curve at its
 * cover in place of the hours short), leave decisions and preferences, and
 * compares them with what the result reports.  Shared by the unit tests and the benchmark.
 */
#ifndef PLANCHECK_H
#define PLANCHECK_H

#include "plan/plan.h"

typedef struct plancheck {
	int violations;      /* broken rules and mismatches found */
	char first[2048];    /* the first few, one per line */
	double objective;    /* recomputed */
	double under_hours, over_hours;
} plancheck;

/* Checks `res` against `in`; fills `pc`.  Returns pc->violations. */
int plancheck_run(const wfm_plan_input *in, const wfm_plan_result *res, plancheck *pc);

#endif
