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
	double *rel, *due;                   /* [line * D + day] released / due hours */
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
	int *col_y;      /* [(group * D + d) * T + t]: first flow column or 0 */
	int *col_P;      /* [(group * D + d) * T + t]: agents present, or 0 */
	int *col_beta;   /* [(group * D + d) * T + t]: agents on a break, or 0 */
	int exact;       /* exact break counts (small models), see plan_model.c */
	int *col_xq;     /* exact: [(group * D + d) * maxtm + template]: first break
	                    column (breaks in order, offsets from the earliest) */
	int *col_cell;   /* [(d * T + t) * L + l]: first of the cell's columns or 0
	                    (service objective: o, m, u of a line with deferred work) */
	int *col_seg, *col_nseg; /* [cell] service objective: first segment column, count */
	int *col_nlo, *seg_ref;  /* [cell] of them below the reference cover seg_ref */
	int slots_fixed; /* the service objective's slots are chosen (plan_decide.c) */
	pl_leave_dec *ldec; /* [leave] the service objective's decisions, or NULL */
	double svc_tol;  /* how far the segments may stay below the service cost */
	int *col_short;  /* [line * D + d] or 0 */
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
int wfm_pl_prepare(pl_ctx *c, const wfm_plan_input *in, wfm_err *e);
void wfm_pl_release(pl_ctx *c);
int wfm_pl_paid_of(const pl_ctx *c, int type);
int wfm_pl_leave_days(const pl_ctx *c, int a, unsigned grant_mask);
int wfm_pl_target(const pl_ctx *c, int a, unsigned grant_mask);
int wfm_pl_tmpl_covers(const pl_ctx *c, int d, int j, int t0, int len);

/* plan_model.c */
int wfm_pl_build_model(pl_ctx *c, wfm_err *e);

/* plan_cost.c */
double wfm_pl_cell_cost(const pl_ctx *c, int d, int t, int l, int cover);
double wfm_pl_live_cost(const pl_ctx *c, int d, int t, int l, int n);
double wfm_pl_svc_cost(const pl_ctx *c, size_t cell, int n);
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
double wfm_pl_flow_cost(const pl_ctx *c, int d, int t, int l, int n);
pl_flow *wfm_pl_flow_new(const pl_ctx *c);
void wfm_pl_flow_free(pl_flow *f);
void wfm_pl_flow_clear(const pl_ctx *c, pl_flow *f);
double wfm_pl_flow_empty_cost(const pl_ctx *c);
double wfm_pl_flow_add(const pl_ctx *c, pl_flow *f, int d, int t, int g);
double wfm_pl_flow_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g);
double wfm_pl_flow_probe_add(const pl_ctx *c, pl_flow *f, int d, int t, int g);
double wfm_pl_flow_probe_remove(const pl_ctx *c, pl_flow *f, int d, int t, int g);
double wfm_pl_deferred_cost(const pl_ctx *c, const int *cnt, int l);

/* plan_roster.c */
pl_roster *wfm_pl_roster_new(const pl_ctx *c);
void wfm_pl_roster_clear(const pl_ctx *c, pl_roster *r);
void wfm_pl_roster_free(pl_roster *r);
void wfm_pl_roster_copy(const pl_ctx *c, pl_roster *dst, const pl_roster *src);
void wfm_pl_floor_mask(const pl_ctx *c, const pl_roster *r, int a, int d, unsigned char *mask);
unsigned wfm_pl_grant_mask(const pl_ctx *c, const pl_roster *r, int a);
int wfm_pl_pattern_of(const pl_ctx *c, const pl_roster *r, int a);
int wfm_pl_fill_flow(const pl_ctx *c, const pl_roster *r, pl_flow *f);
int wfm_pl_lines_from_flow(const pl_ctx *c, pl_roster *r, const pl_flow *f);
int *wfm_pl_cover_counts(const pl_ctx *c, const pl_roster *r);
double wfm_pl_deferred_line(const pl_ctx *c, const int *cnt, int l, double *done, double *late);
int wfm_pl_pref_ok(const pl_ctx *c, int a, int d, int j);
double wfm_pl_evaluate(const pl_ctx *c, pl_roster *r);
int wfm_pl_roster_to_x(const pl_ctx *c, const pl_roster *r, double *x);

/* plan_round.c */
int wfm_pl_roster_from_lp(const pl_ctx *c, const double *x, pl_roster *r, unsigned *seed);
int wfm_pl_place_breaks(const pl_ctx *c, pl_roster *r, const double *x, unsigned *seed);
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
	/* journal */
	pl_jentry *jr;
	int jn, jcap, jon, jfail;
} pl_ls;

/* plan_ls.c: the search state (see there) */
int wfm_pl_ls_init(pl_ls *s, pl_ctx *c, pl_roster *r, pl_flow *f, unsigned *seed);
void wfm_pl_ls_release(pl_ls *s);
double wfm_pl_ls_total(pl_ls *s);
void wfm_pl_ls_set_day(pl_ls *s, int a, int d, int j, const signed char *bo);
void wfm_pl_ls_set_grant(pl_ls *s, int lv, int on);
void wfm_pl_ls_undo(pl_ls *s, int mark);
int wfm_pl_ls_best(pl_ls *s, int a, int force);
int wfm_pl_sessions_of(const pl_ctx *c, const pl_roster *r, int a, int d, int *t0, int *len);
int wfm_pl_rest_ok(const pl_ctx *c, int d, int j, int jj);

/* plan_solve.c, plan_search.c */
typedef struct pl_clock {
	struct timespec t0;
	double limit;
	const volatile sig_atomic_t *stop;
	const int *flag;
} pl_clock;
double wfm_pl_elapsed(const pl_clock *k);
int wfm_pl_should_stop(const pl_clock *k);
int wfm_pl_construct(pl_ctx *c, pl_roster *r, pl_flow *f, const pl_clock *k, unsigned *seed);
typedef struct pl_hook {
	void (*better)(void *ctx, double cost); /* a better roster was found */
	void *ctx;
} pl_hook;
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
 * the bound reaches `enough`.  ub is the best known roster's cost (the
 * target of the steps).  The prices, [(d * T + t) * L + l], start from
 * pi_out when it is not NULL (the LP's duals of the cover rows), which then
 * receives the best prices, else from the cover of roster `start`.  Returns
 * the bound, or -1e300 when there is none (no time, out of memory). */
double wfm_pl_lagrange(const pl_ctx *c, const pl_roster *start, double ub, double enough,
		   const pl_clock *k, double until, double *pi_out);

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
 * NULL when out of memory or the session is at no slot of the window. */
char *wfm_pl_session_reason(const pl_ctx *c, const pl_roster *r, int k, int s);

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
int wfm_pl_diagnose(pl_ctx *c, wfm_err *e);
int wfm_pl_diagnose_lp(pl_ctx *c, wfm_err *e);
char *wfm_pl_refusal_reason(const pl_ctx *c, const pl_roster *r, int leave);

/* plan_result.c */
int wfm_pl_make_result(const pl_ctx *c, pl_roster *r, double bound, double seconds,
		   wfm_plan_result **out, wfm_err *e);

#endif
