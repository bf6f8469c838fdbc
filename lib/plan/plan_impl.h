/* plan_impl.h - what the plan*.c files share; not a public header.
 *
 * The solve works on a prepared instance (pl_ctx): the interval grid, shift
 * templates per day, agents grouped into classes of interchangeable agents
 * (same skills, contract, windows, days and trainings; anyone with requested
 * leave or with a binding rest rule is a class of one), classes grouped by
 * skill set, and each class's feasible weekly patterns (which shift type on
 * which day, which of its leave requests granted).
 *
 * The MIP (plan_model.c) counts, per class, agents per pattern and per
 * template; breaks are counted per skill group, template and offset (implicit
 * break placement); the floor of each skill group is spread over its lines
 * by continuous flows; per interval and line the cost is the convex
 * piecewise-linear interpolation of the under/over cost at whole agents.
 * A roster (pl_roster) is the individual answer: a template, break offsets,
 * training sessions and a line per interval for every agent and day.
 */
#ifndef WFM_PLAN_IMPL_H
#define WFM_PLAN_IMPL_H

#include <glpk.h>
#include <time.h>

#include "plan.h"

#define PL_MAXD WFM_PLAN_MAX_DAYS
#define PL_MAXB WFM_PLAN_MAX_BREAKS

typedef struct pl_tmpl {
	int type;
	int s, e;       /* grid intervals [s, e) */
} pl_tmpl;

typedef struct pl_pat {
	signed char type[PL_MAXD]; /* shift type per day, -1 off */
	unsigned char grant;       /* bit i: the class agent's request i granted */
	int paid;                  /* paid minutes */
} pl_pat;

typedef struct pl_class {
	int n;          /* members */
	int *member;    /* agent indices, ascending */
	int group;      /* skill group */
	int tg;         /* template group */
	int rest;       /* rest between days may bind (then n == 1) */
	int n_pat;
	pl_pat *pat;
	unsigned char *ok[PL_MAXD]; /* [template of the day]: allowed (window, day) */
	int n_req;      /* requested leave of the (single) member */
	int req[WFM_PLAN_MAX_REQUESTS]; /* leave indices */
	int col_p;      /* first pattern column */
} pl_class;

/* Agents with the same skills, start/end window and preferred starts (and,
 * when the rest rule may bind, one agent): they share template counts. */
typedef struct pl_tgroup {
	int group;
	int rep;        /* an agent of the group */
	int rest;
	int n_cls;
	int *cls;
	unsigned char *ok[PL_MAXD]; /* [template]: inside the window, day open */
	int *col_n[PL_MAXD];        /* [template]: column or 0 */
} pl_tgroup;

typedef struct pl_group {
	int n_lines;
	int *lines;
	int n_cls;
	int *cls;
	int n_tg;
	int *tgs;
} pl_group;

/* A possible start of a training session. */
typedef struct pl_slot {
	int d, t;       /* day, start interval */
} pl_slot;

typedef struct pl_train {
	int len;        /* intervals */
	int n_sess;
	int need;       /* attendees in all */
	int n_slot;
	pl_slot *slot;  /* the slots the solve may use (the chosen ones once
	                   wfm_pl_choose_slots fixed them) */
	int n_all;
	pl_slot *all;   /* every slot of the training's window */
	unsigned char *elig; /* [agent] may attend */
	int *col_z;     /* [session * n_slot + slot] */
	int *col_w;     /* [(unit * n_sess + session) * n_slot + slot] or 0; the
	                   unit is the class (a list) or template group (a count) */
} pl_train;

/* A leave request decided by the service objective's rule (plan_leave.c):
 * the fields of wfm_plan_decision. */
typedef struct pl_leave_dec {
	int granted;
	char *reason;    /* owned; NULL when not decided by the rule */
	int day, worst_t, worst_line;
	double rate_with, rate_without, worst_with, worst_without;
} pl_leave_dec;

typedef struct pl_ctx {
	const wfm_plan_input *in;
	const wfm_plan_rules *ru;
	int D, T, L, A, NT;   /* days, intervals a day, lines, agents, trainings */
	int iv;               /* interval minutes */
	double h;             /* interval hours */
	int open_t[PL_MAXD], close_t[PL_MAXD]; /* open intervals [open, close) */
	int next_ok[PL_MAXD]; /* day d+1 is the next calendar date */
	int n_tmpl[PL_MAXD];
	pl_tmpl *tmpl[PL_MAXD];
	/* shift types in intervals */
	int tlen[WFM_PLAN_MAX_TYPES], tpaid[WFM_PLAN_MAX_TYPES], nb[WFM_PLAN_MAX_TYPES];
	int blen[WFM_PLAN_MAX_TYPES][PL_MAXB];
	int bmin[WFM_PLAN_MAX_TYPES][PL_MAXB]; /* earliest offset */
	int bmax[WFM_PLAN_MAX_TYPES][PL_MAXB]; /* latest offset */
	/* agents */
	unsigned char (*approved)[PL_MAXD]; /* [agent][day] on approved leave */
	unsigned char *req_days;            /* [leave][day] requested, open day */
	int *cls_of, *grp_of, *tg_of;       /* [agent] */
	int n_cls, n_grp, n_tg;
	pl_class *cls;
	pl_group *grp;
	pl_tgroup *tgr;
	pl_train *tr;                        /* [training] */
	double *req_cost;                    /* [leave] cost of refusing */
	unsigned char *deferred_line;        /* [line] has deferred work */
	double *rel, *due;                   /* [line * PL_MAXD + day] released / due hours */
	double obj_const;
	/* the service objective */
	int svc_mode;         /* rules.objective == WFM_PLAN_SERVICE */
	int *svc_of;          /* [(d * T + t) * L + l]: index into in->service, or -1 */
	int *sd_first, *sd_n; /* [cell] of a line with deferred work: the flow's
	                         stand-in cost for 0 .. n-1 agents in sd_pool */
	double *sd_pool;
	/* model */
	glp_prob *P;
	int *col_g;      /* [leave] grant column or 0 */
	int maxtm;
	int *col_y;      /* [(group * PL_MAXD + d) * T + t]: first flow column or 0 */
	int *col_P;      /* [(group * PL_MAXD + d) * T + t]: agents present, or 0 */
	int *col_beta;   /* [(group * PL_MAXD + d) * T + t]: agents on a break, or 0 */
	int exact;       /* exact break counts (small models), see plan_model.c */
	int *col_xq;     /* exact: [(group * PL_MAXD + d) * maxtm + template]: first break
	                    column (breaks in order, offsets from the earliest) */
	int *col_cell;   /* [(d * T + t) * L + l]: first of the cell's columns or 0
	                    (service objective: o, m, u of a line with deferred work) */
	int *col_seg, *col_nseg; /* [cell] service objective: first segment column, count */
	int *col_nlo, *seg_ref;  /* [cell] of them below the reference cover seg_ref */
	int slots_fixed; /* the service objective's slots are chosen (plan_decide.c) */
	pl_leave_dec *ldec; /* [leave] the service objective's decisions, or NULL */
	double svc_tol;  /* how far the segments may stay below the service cost */
	int *col_short;  /* [line * PL_MAXD + d] or 0 */
	int *row_cover;  /* [(d * T + t) * L + l] or 0 */
	int ncols;
} pl_ctx;

/* An individual plan. */
typedef struct pl_roster {
	int *tm;              /* [a * D + d] template, -1 off */
	signed char *bo;      /* [(a * D + d) * PL_MAXB + b] break offset */
	unsigned char *grant; /* [leave] requested leave granted */
	int *sd, *st;         /* [training * maxs + session] day, start interval */
	int maxs;
	int *att;             /* [a * NT + k] session attended or -1 */
	signed char *ln;      /* [(a * D + d) * T + t] line, -1 not on a line */
	double cost;
	double under_h, over_h, late_h;
} pl_roster;

/* plan_prep.c */
/* Prepares c from `in`, which must outlive c (c points into it and its
 * rules): the interval grid, the templates of each day, the classes, skill
 * groups and template groups, the weekly patterns, the leave requests
 * (their days and refusal costs), the training slots, the deferred work
 * and, with the service objective, the cells' service curves.  Zeroes c
 * first; the model (c->P and the col_* and row_* arrays) is left to
 * wfm_pl_build_model, and the checks that some plan exists to
 * wfm_pl_diagnose.  Returns WFM_OK, or with e set WFM_EDATA (no lines, no
 * agents, an agent none of whose skills is a line, an agent with more than
 * 20,000 possible weeks) or WFM_EINTERNAL (out of memory).  Whatever it
 * returns, c holds what was built and is freed by wfm_pl_release. */
int wfm_pl_prepare(pl_ctx *c, const wfm_plan_input *in, wfm_err *e);
/* Frees everything c owns (the GLPK problem, the templates, classes,
 * groups, trainings, the service objective's decisions and reasons, the
 * model's index arrays) and zeroes c; neither c itself nor the input it was
 * prepared from.  Safe after a failed wfm_pl_prepare and on a zeroed c. */
void wfm_pl_release(pl_ctx *c);
/* Paid minutes of shift type `type` (its length less its unpaid breaks). */
int wfm_pl_paid_of(const pl_ctx *c, int type);
/* The open plan days agent a is off on leave: approved leave, and the days
 * of the requests set in grant_mask (bit i: request i of a's class, leave
 * index c->cls[c->cls_of[a]].req[i]); at most the agent's limit of working
 * days (days_per_week, 7 when 0, and never above rules.max_days). */
int wfm_pl_leave_days(const pl_ctx *c, int a, unsigned grant_mask);
/* The paid minutes agent a owes the week when the requests in grant_mask
 * (as for wfm_pl_leave_days) are granted: wfm_plan_target_minutes of its
 * leave days. */
int wfm_pl_target(const pl_ctx *c, int a, unsigned grant_mask);
/* 1 when template j of day d spans the intervals [t0, t0 + len) and each of
 * its breaks has an offset in its window clear of them (a session there
 * fits, the breaks moved aside), else 0.  Each break is tried on its own:
 * break windows do not overlap (plan.h). */
int wfm_pl_tmpl_covers(const pl_ctx *c, int d, int j, int t0, int len);

/* plan_model.c */
/* Builds the MIP described at the top of plan_model.c into a new GLPK
 * problem c->P (minimise; the constant term, also in c->obj_const, as the
 * objective coefficient of column 0) and fills the model's indices in c:
 * the col_* and row_cover arrays, seg_ref, c->tgr[].col_n, c->tr[].col_z
 * and col_w, c->exact, c->svc_tol and c->ncols.  Call once, after
 * wfm_pl_prepare: a c->P already there is not deleted.  Returns WFM_OK,
 * or WFM_EINTERNAL with e set when out of memory (c->P then holds part of
 * the model, which wfm_pl_release frees). */
int wfm_pl_build_model(pl_ctx *c, wfm_err *e);

/* plan_cost.c */
/* Cells: d a plan day, t an interval of the grid, l a line; a cell's index
 * is (d * T + t) * L + l.  Costs are in objective units (weighted
 * agent-hours, plan.h); agent counts are whole agents >= 0. */

/* The exact cost of `cover` agents on line l in interval t of day d for a
 * line without deferred work: wfm_pl_live_cost plus h * w_over per agent
 * above the requirement.  A line with deferred work has no exact cost per
 * cell (wfm_pl_deferred_cost is its cost for the week). */
double wfm_pl_cell_cost(const pl_ctx *c, int d, int t, int l, int cover);
/* The live part of a cell's cost with n agents, with no w_over term: for
 * the linear objective h * w_under * the line's weight per agent below the
 * requirement (0 at or above it); for the service objective
 * wfm_pl_svc_cost of the cell. */
double wfm_pl_live_cost(const pl_ctx *c, int d, int t, int l, int n);
/* The service cost of cell `cell` (its index) with n agents: point n of
 * the cell's service curve, its last point for n beyond the curve; 0 when
 * the cell has no curve or the objective is linear (c->svc_of NULL). */
double wfm_pl_svc_cost(const pl_ctx *c, size_t cell, int n);
/* As wfm_pl_svc_cost, the contacts expected to be answered live with n
 * agents; *volume (not NULL) receives the contacts offered in the cell.
 * Both are 0 when the cell has no service curve. */
double wfm_pl_svc_answered(const pl_ctx *c, size_t cell, int n, double *volume);

/* plan_flow.c: per-interval line assignment state */
typedef struct pl_flow {
	int G, L;
	int *fl;             /* [(d * T + t) * G + g] agents of group g on the floor */
	int *x;              /* [((d * T + t) * G + g) * L + l] of them on line l */
	int *cnt;            /* [(d * T + t) * L + l] agents on line l */
	unsigned char *has;  /* [g * L + l] group g holds line l */
	int *lg_n, *lg;      /* groups holding line l: lg[l * G + i], i < lg_n[l] */
	unsigned *vis_g, *vis_l, stamp;
	int *par_g, *par_l, *queue;
	double cost;         /* sum of wfm_pl_flow_cost over all cells */
	double cost_nd;      /* exact cost of the cells of lines without deferred work */
	unsigned char *dirty;/* [line]: a line with deferred work whose cover changed */
} pl_flow;
/* The cost of n agents on line l in interval t of day d as the flows and
 * the search price it, convex in n: for a line without deferred work
 * wfm_pl_cell_cost; for a line with deferred work a stand-in (its exact
 * cost, wfm_pl_deferred_cost, is not per cell).  Linear objective, with r
 * the requirement and q the day's released work spread evenly over its
 * open intervals (in agents): below r the live cost plus h * w_deferred *
 * q; from r to r + q, h * w_deferred per agent short of r + q; beyond,
 * h * w_over per agent above r + q.  Service objective: the convex stand-in
 * prepared in c->sd_pool, then h * w_over per agent beyond its end. */
double wfm_pl_flow_cost(const pl_ctx *c, int d, int t, int l, int n);
/* A new flow state for c, sized by its skill groups and lines, the tables
 * of which group holds which line filled and every count 0.  Its costs are
 * not set: wfm_pl_flow_clear or wfm_pl_fill_flow before use.  The caller
 * frees it with wfm_pl_flow_free; NULL when out of memory. */
pl_flow *wfm_pl_flow_new(const pl_ctx *c);
/* Frees f and its arrays; NULL is a no-op. */
void wfm_pl_flow_free(pl_flow *f);
/* Empties f: nobody on the floor in any interval; f->cost becomes
 * wfm_pl_flow_empty_cost(c), f->cost_nd the exact cost of the lines
 * without deferred work at cover 0, and every line is marked dirty. */
void wfm_pl_flow_clear(const pl_ctx *c, pl_flow *f);
/* wfm_pl_flow_cost at 0 agents summed over every day, interval and line:
 * the cost of an empty floor as the flows see it. */
double wfm_pl_flow_empty_cost(const pl_ctx *c);
/* One more agent of skill group g on the floor in interval t of day d: it
 * reaches a line along the cheapest alternating path (agents of other
 * groups may move between the lines they hold), so the assignment stays
 * optimal.  Updates f->fl, f->x, f->cnt and f->cost, and f->cost_nd when
 * the line that gains an agent has no deferred work, else marks it dirty.
 * Returns the change of f->cost (wfm_pl_flow_cost terms). */
double wfm_pl_flow_add(const pl_ctx *c, pl_flow *f, int d, int t, int g);
/* One agent of group g fewer on the floor in interval t of day d, along
 * the path of largest saving; updates f as wfm_pl_flow_add does.  f must
 * have an agent of g on the floor there (f->fl > 0); else the behaviour is
 * undefined.  Returns the change of f->cost. */
double wfm_pl_flow_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g);
/* What wfm_pl_flow_add with the same arguments would change f->cost by;
 * f's counts and costs stay as they are (only its search work space is
 * written, hence f not const). */
double wfm_pl_flow_probe_add(const pl_ctx *c, pl_flow *f, int d, int t, int g);
/* What wfm_pl_flow_remove with the same arguments would change f->cost by,
 * f's counts and costs unchanged; 0 when g has nobody on the floor there. */
double wfm_pl_flow_probe_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g);
/* The exact cost of line l, a line with deferred work, over the week
 * under the cover cnt (agents per cell, as wfm_pl_cover_counts gives): the
 * live cost of every cell of the line, w_over per spare agent-hour the
 * work leaves unused and w_deferred per hour late at the end of each day
 * (wfm_pl_deferred_line). */
double wfm_pl_deferred_cost(const pl_ctx *c, const int *cnt, int l);

/* plan_roster.c */
/* A new roster sized for c (agents, days, intervals, leave, trainings;
 * r->maxs the most sessions of a training, at least 1), cleared as by
 * wfm_pl_roster_clear.  The caller frees it with wfm_pl_roster_free; NULL
 * when out of memory. */
pl_roster *wfm_pl_roster_new(const pl_ctx *c);
/* Clears r: every agent off every day (tm -1), break offsets 0, no request
 * granted, sessions unplaced (sd, st -1), nobody attending (att -1), no
 * lines (ln -1), cost and hours 0. */
void wfm_pl_roster_clear(const pl_ctx *c, pl_roster *r);
/* Frees r and its arrays; NULL is a no-op. */
void wfm_pl_roster_free(pl_roster *r);
/* Copies src into dst, both rosters of c (wfm_pl_roster_new of the same
 * c): templates, offsets, grants, sessions, attendance, lines, cost and
 * hours. */
void wfm_pl_roster_copy(const pl_ctx *c, pl_roster *dst, const pl_roster *src);
/* Sets mask[t] (c->T entries) to 1 for each interval t of day d that agent
 * a spends on the floor in r: inside its shift, not on a break, not in a
 * training session it attends; 0 elsewhere (all 0 on a day off). */
void wfm_pl_floor_mask(const pl_ctx *c, const pl_roster *r, int a, int d, unsigned char *mask);
/* The requests of agent a that r grants, as a mask: bit i for request i of
 * a's class (leave index c->cls[c->cls_of[a]].req[i]). */
unsigned wfm_pl_grant_mask(const pl_ctx *c, const pl_roster *r, int a);
/* The index into the pattern list of a's class (c->cls[c->cls_of[a]].pat)
 * of the week a works in r: the same shift type or day off on every day
 * and the same grant mask; -1 when no pattern of the class is that week. */
int wfm_pl_pattern_of(const pl_ctx *c, const pl_roster *r, int a);
/* Clears f and adds, interval by interval, every agent r has on the floor
 * (wfm_pl_floor_mask), so that f holds the optimal line assignment of r's
 * floor and its costs.  r->ln is neither read nor written.  Returns 0, -1
 * when out of memory (f then unchanged). */
int wfm_pl_fill_flow(const pl_ctx *c, const pl_roster *r, pl_flow *f);
/* Sets r->ln from f, which must hold r's floor (wfm_pl_fill_flow): every
 * agent on the floor gets a line of its group so that each group's agents
 * per line and interval match f->x, keeping the line of the interval
 * before where the counts allow; every other entry becomes -1.  Returns 0,
 * -1 when out of memory (r then unchanged). */
int wfm_pl_lines_from_flow(const pl_ctx *c, pl_roster *r, const pl_flow *f);
/* The agents r has on each line, per cell index, counted from r->ln (its
 * lines must be set), in a new array of D * T * L the caller frees; NULL
 * when out of memory. */
int *wfm_pl_cover_counts(const pl_ctx *c, const pl_roster *r);
/* The deferred work of line l under the cover cnt (agents per cell), done
 * as early as the agents above the live requirement in the open intervals
 * allow: done[d] receives the agent-hours done on day d, late[d] the hours
 * past their deadline still undone at the end of day d (both c->D
 * entries).  Returns the spare agent-hours the work leaves unused. */
double wfm_pl_deferred_line(const pl_ctx *c, const int *cnt, int l, double *done, double *late);
/* 1 when template j of day d starts inside agent a's preferred start
 * window (both ends included) or a has none; 0 when it costs w_pref. */
int wfm_pl_pref_ok(const pl_ctx *c, int a, int d, int j);
/* The exact objective of r (plan.h) from its lines r->ln, templates and
 * grants, stored in r->cost with r->under_h (agent-hours below the
 * requirement, every line), r->over_h (agent-hours above it on lines
 * without deferred work, plus the spare agent-hours deferred work leaves
 * unused) and r->late_h (hours late, summed over the days).  Returns the
 * cost, or HUGE_VAL when out of memory (r then unchanged). */
double wfm_pl_evaluate(const pl_ctx *c, pl_roster *r);
/* r as model values, x[0 .. c->ncols] (x[0] = 0) for the model of
 * wfm_pl_build_model: patterns, templates, presence, breaks, flows,
 * sessions, attendance, grants, the cover columns of each cell and the
 * hours late; the start solution handed to branch-and-cut.  r's lines must
 * be set.  Returns 0, -1 when out of memory, -2 when r has no image in the
 * model (a week outside its class's patterns, a template without a
 * column, a session at a slot not in the training's list); x is then
 * partly written. */
int wfm_pl_roster_to_x(const pl_ctx *c, const pl_roster *r, double *x);

/* plan_round.c */
/* A roster read back from model values x[1 .. c->ncols] (an LP optimum or a
 * MIP solution; see plan_round.c): clears r, rounds the pattern counts per
 * class and the template counts per template group, day and type (largest
 * remainder, ties by *seed, which advances; by a Viterbi pass over the
 * days for an agent whose rest may bind), then places the trainings
 * (wfm_pl_place_trainings with x) and the breaks (wfm_pl_place_breaks).
 * r->ln stays -1 and the cost 0: the caller runs wfm_pl_fill_flow,
 * wfm_pl_lines_from_flow and wfm_pl_evaluate.  Returns 0, -1 when out of
 * memory, -2 when the rounded week of a rest-bound agent has no templates
 * that keep the rest, the trainings cannot be staffed or their sessions
 * leave a break no room; r is then partly filled. */
int wfm_pl_roster_from_lp(const pl_ctx *c, const double *x, pl_roster *r, unsigned *seed);
/* Sets the break offsets (r->bo) of every agent working each day of r: in
 * turn, the offset with most of the agent's skill group on a break by the
 * model values x (columns b, or the exact model's break counts), less the
 * agents placed already; without x (NULL) only the agents placed count,
 * ties to the middle of the window.  Agents in a session that day choose
 * first; an offset inside one of the agent's sessions is never taken.
 * Needs the model (reads c->col_beta even without x); seed is unused.
 * Returns 0, -1 when out of memory (r then unchanged), -2 when the
 * sessions an agent attends leave some break no offset (r then breaks the
 * rules and must not be used; the attendance wfm_pl_place_trainings gives
 * never does). */
int wfm_pl_place_breaks(const pl_ctx *c, pl_roster *r, const double *x, unsigned *seed);
/* Places the sessions and attendees of every training in r.  Each session
 * at a slot of the training's list (c->tr[k].slot) not taken by the
 * training's earlier sessions: the one the model values x weight most, or,
 * x NULL, the one with the most spare agents over the session (cover minus
 * requirement summed over the lines, the cover cnt per cell index, taken
 * as 0 when cnt is NULL); a training's sessions in time order in r->sd and
 * r->st.  Then r->att: the listed agents, or `count` of the eligible ones,
 * an agent attending a session only when each break of its shift keeps an
 * offset clear of all its sessions that day; an attendee whose shift does
 * not cover its session gets a covering template of the same type or the
 * nearest week of its class with the same grants (r->tm changes, break
 * offsets not).  Returns 1 when every training has its attendees within
 * the group sizes, else 0 (r then partly placed), also when a training
 * has fewer slots than sessions. */
int wfm_pl_place_trainings(const pl_ctx *c, pl_roster *r, const double *x, const int *cnt);

typedef struct pl_jentry {
	int a, d, j;            /* d < 0: a grant, j its old value, a the leave */
	signed char bo[PL_MAXB];
} pl_jentry;

typedef struct pl_ls {
	pl_ctx *c;
	pl_roster *r;
	pl_flow *f;
	unsigned *seed;
	unsigned char *m0, *m1;
	double *defcost;  /* [line] exact cost of a line with deferred work */
	double extra;     /* preference and refused-leave costs */
	double cur;       /* the exact cost of the state */
	/* best response work space */
	double *v;        /* [d * T + t] value of being on the floor */
	double *pre;      /* [d * (T + 1) + t] prefix sums of v */
	double *val;      /* [d * maxtm + j] cost change of template j (best breaks) */
	signed char *vbo; /* [(d * maxtm + j) * PL_MAXB + b] its break offsets */
	double *dbest;    /* [d * (types + 1) + k] best per type, k = types: off */
	int *djbest;      /* its template */
	double *cbest;    /* [d * maxtm + j] rest chains: cheapest chain ending there */
	int *cfrom;       /* [d * maxtm + j] its template the day before */
	/* journal */
	pl_jentry *jr;
	int jn, jcap, jon, jfail;
} pl_ls;

/* plan_ls.c: the search state (see there) */
/* Starts a search state s on roster r and flow f (borrowed, like c and
 * seed, not owned): zeroes s, fills f from r (wfm_pl_fill_flow), counts
 * the preference and refused-leave costs and sets s->cur to the exact
 * cost.  The journal is off (s->jon 0).  Returns 0, -1 when out of memory;
 * call wfm_pl_ls_release in both cases. */
int wfm_pl_ls_init(pl_ls *s, pl_ctx *c, pl_roster *r, pl_flow *f, unsigned *seed);
/* Frees the work space and journal of s; not c, r, f or seed. */
void wfm_pl_ls_release(pl_ls *s);
/* The exact cost of the state: what wfm_pl_evaluate gives for s->r with
 * its lines following s->f (f->cost_nd, the preference and refused-leave
 * costs, and wfm_pl_deferred_cost of each line with deferred work,
 * recomputed only for lines f marks dirty, which it then clears).  Does not
 * set s->cur. */
double wfm_pl_ls_total(pl_ls *s);
/* Puts agent a on template j of day d (j < 0: off; bo, its break offsets,
 * may then be NULL) and updates s->f and the preference cost; journaled
 * when s->jon.  Does not check the rules (the caller does), update s->cur
 * or touch r->ln. */
void wfm_pl_ls_set_day(pl_ls *s, int a, int d, int j, const signed char *bo);
/* Grants (on 1) or refuses (on 0) request lv in s->r and updates the
 * refused-leave cost; journaled when s->jon; a no-op when already so.  The
 * agent's week is not changed (the caller keeps it a pattern's). */
void wfm_pl_ls_set_grant(pl_ls *s, int lv, int on);
/* Undoes the journal back to entry `mark` (s->jn before the changes),
 * newest first, without journaling the undo, and sets s->cur. */
void wfm_pl_ls_undo(pl_ls *s, int mark);
/* Agent a's best week with everybody else fixed, over the patterns of its
 * class, templates and break offsets priced by flow probes (see
 * plan_ls.c); sessions stay covered and the rest rule kept.  force 0:
 * applied only when the exact cost s->cur drops, else undone; 1: the
 * cheapest by price always applied; 2: the cheapest of another pattern
 * than a's current one always applied.  Returns 1 when applied (s->cur
 * set), 0 when nothing changed.  Its journal entries are kept only when
 * the caller journals (s->jon). */
int wfm_pl_ls_best(pl_ls *s, int a, int force);
/* Agent a's training sessions on day d in r: their start intervals in
 * t0[] and lengths in intervals in len[] (room for 2 each).  Returns how
 * many (0 .. 2; a third session that day is left out). */
int wfm_pl_sessions_of(const pl_ctx *c, const pl_roster *r, int a, int d, int *t0, int *len);
/* 1 when template j of day d and template jj of day d + 1 leave at least
 * rules.min_rest_min minutes between the end of the one and the start of
 * the other, else 0.  Needs d + 1 < c->D; assumes day d + 1 is the next
 * calendar date (the caller checks c->next_ok[d]). */
int wfm_pl_rest_ok(const pl_ctx *c, int d, int j, int jj);

/* plan_solve.c, plan_search.c */
typedef struct pl_clock {
	struct timespec t0;
	double limit;
	const volatile sig_atomic_t *stop;
	const int *flag;
} pl_clock;
/* Seconds since k->t0 on CLOCK_MONOTONIC. */
double wfm_pl_elapsed(const pl_clock *k);
/* 1 when *k->stop (the signal flag) or *k->flag is set (either pointer
 * may be NULL) or wfm_pl_elapsed(k) has reached k->limit, else 0. */
int wfm_pl_should_stop(const pl_clock *k);
/* A roster from nothing into r (see plan_search.c): cleared, every agent
 * in an order drawn from *seed takes its best week against those placed
 * before (wfm_pl_ls_best, forced); with the service objective and slots
 * not yet fixed, wfm_pl_choose_slots (which changes c's slot lists); then,
 * when there are trainings, the sessions by spare agents
 * (wfm_pl_place_trainings without x, the attendees' shifts changed to cover
 * them) and break offsets moved out of the sessions.  k is unused.  r->ln
 * and the cost are not set, and f, the work flow, no longer follows r once
 * trainings are placed.  Returns 0, -1 when out of memory, -2 when the
 * trainings could not be staffed (another order may succeed). */
int wfm_pl_construct(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, unsigned *seed);
typedef struct pl_hook {
	void (*better)(void *ctx, double cost); /* a better roster was found */
	void *ctx;
} pl_hook;
/* Local search from r (see plan_search.c): descent by best responses and
 * swaps, then an iterated local search with annealing, until
 * wfm_pl_elapsed(k) reaches `until`, k asks to stop or the best cost is at
 * most `target`.  r ends as the best roster found (never worse than it
 * came), its lines (r->ln) and cost not updated; f is the work flow and
 * need not follow r on return.  hook (or NULL) hears the exact cost of each
 * better roster.  *seed advances.  Returns 0, -1 when out of memory. */
int wfm_pl_improve(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, double until,
	       double target, const pl_hook *hook, unsigned *seed);

/* plan_lpchild.c: the LP relaxation in a child process (see there) */
enum {
	PL_LP_OK = 0,     /* optimal: obj is the LP value, x its solution */
	PL_LP_INFEASIBLE, /* the LP has no solution */
	PL_LP_FAILED,     /* GLPK or the child failed; nothing known */
	PL_LP_CUT         /* the deadline or a stop request: child killed */
};
typedef struct pl_lp_job {
	double until;    /* give up at this wfm_pl_elapsed() */
	double *x;       /* [1..ncols] out: primal column values */
	double *dual;    /* [1..nrows] out: row duals, or NULL */
	void (*tick)(void *ctx); /* called every ~25 ms while waiting, or NULL */
	void *ctx;
	double obj;      /* out: the LP's value when PL_LP_OK */
} pl_lp_job;
/* Solves the LP relaxation of P by GLPK's interior-point method in a child
 * process, P left unchanged in the caller; waits without computing until
 * the answer, job->until or a stop request of k, whichever comes first, and
 * always reaps the child and closes its pipe before it returns.  Returns a
 * PL_LP_* code; x and dual hold the answer only with PL_LP_OK. */
int wfm_pl_lp_fork(glp_prob *P, const pl_clock *k, pl_lp_job *job);

/* plan_lagr.c: a Lagrangian lower bound on the cost of every roster, by
 * subgradient ascent until wfm_pl_elapsed(k) reaches `until`, k asks to stop or
 * the bound reaches `enough`; the first prices are evaluated in any case
 * (`until` in the past: one evaluation, the bound of those prices).  ub is
 * the best known roster's cost (the target of the steps).  The prices,
 * [(d * T + t) * L + l], start from pi_out when it is not NULL (the LP's
 * duals of the cover rows), which then receives the best prices, else from
 * the cover of roster `start`.  hook (or NULL) hears each better bound as
 * the ascent finds it.  Returns the bound, or -1e300 when there is none (out
 * of memory). */
double wfm_pl_lagrange(const pl_ctx *c, const pl_roster *start, double ub, double enough,
		   const pl_clock *k, double until, double *pi_out, const pl_hook *hook);

/* plan_decide.c, plan_leave.c: the service objective's fixed decisions */

/* Chooses the slot of every session of every training by what taking its
 * attendees off the floor costs on the roster whose floor f holds (see
 * plan_decide.c), and fixes them: each training's slot list becomes its
 * chosen slots in time order, c->slots_fixed is set.  A training no slot
 * suits keeps all its slots.  f is as it was on return.  Returns 0, -1 when
 * out of memory. */
int wfm_pl_choose_slots(pl_ctx *c, pl_flow *f);

/* Why session s of training k sits where roster r has it: what taking its
 * attendees off the floor costs there and at every other slot of the
 * training's window (expected contacts not answered with the service
 * objective, the plan's cost otherwise), as a sentence the caller frees.
 * NULL when the session is at no slot of the window, or when out of memory:
 * then *nomem is set to 1. */
char *wfm_pl_session_reason(const pl_ctx *c, const pl_roster *r, int k, int s, int *nomem);

/* The service objective's decisions before the search (plan_decide.c): the
 * constructive roster with every request refused, its training slots
 * chosen and fixed, then the requests decided in the order received; into
 * r (a roster of c; f is the work flow) and c->ldec, each class's weeks
 * cut down to those that keep the decisions, refused leave costing nothing
 * (c->req_cost).  Never looks at the clock k's limit or stop (only the
 * constructive plan receives k).  Returns 0, -1 when out of memory, -2 when
 * the trainings could not be staffed within the rules. */
int wfm_pl_decide(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, unsigned *seed);

/* plan_explain.c */
/* Checks, before any solving, that the input leaves some plan: every class
 * has a week, every training can be held (a slot exists, the skill is a
 * line, its participants can form the groups, each listed participant can
 * attend some session, one group's participants share a slot, a count
 * training has enough agents who can attend).  Returns WFM_OK, or WFM_EDATA
 * with e naming the first cause found. */
int wfm_pl_diagnose(pl_ctx *c, wfm_err *e);
/* For a model whose LP relaxation is infeasible: finds the cause by
 * switching the trainings off and on in c->P and a dual simplex each time
 * (the rules without trainings; then a deletion filter over the trainings
 * involved), and always returns WFM_EDATA with e naming it (the agents'
 * rules together, a training, a pair of trainings, or the rules in
 * general; also with more than 64 trainings).  c->P is left changed (name
 * index, row bounds, basis): not to be solved for a bound afterwards. */
int wfm_pl_diagnose_lp(pl_ctx *c, wfm_err *e);
/* Why request `leave` (an index into the input's leave) is refused in r,
 * as a sentence the caller frees: the agent attends a training on a
 * requested day, or the interval and line the agent's absence would leave
 * shortest, or why no interval would; r's lines must be set.  NULL when
 * out of memory. */
char *wfm_pl_refusal_reason(const pl_ctx *c, const pl_roster *r, int leave);

/* plan_result.c */
/* The public result of roster r (its lines set): evaluates r
 * (wfm_pl_evaluate, so r's cost and hours are updated), then the
 * objective, bound (at most the objective), gap, `seconds`, hours, the
 * cover per cell, the deferred work done and late ([d * L + l]), shifts,
 * blocks, sessions with their reasons (NULL when out of memory) and every
 * request's decision: granted too when it covers no open day, a refused
 * one with its reason, the service objective's figures and reason from
 * c->ldec.  On WFM_OK *out receives the
 * result, which the caller frees with wfm_plan_result_free; when out of
 * memory WFM_EINTERNAL with e set and *out untouched. */
int wfm_pl_make_result(const pl_ctx *c, pl_roster *r, double bound, double seconds,
		   wfm_plan_result **out, wfm_err *e);

#endif
