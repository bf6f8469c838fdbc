/* erlang.c - Erlang B/C, Erlang A and the callback model; see erlang.h.
 *
 * The models with abandonment share one shape: states in which an arrival
 * is served at once (fewer than n busy agents), whose probability relative
 * to the last of them is 1/B(n-1, a), and the waiting states, summarised by
 * a wfm_wait_part (wfm_wait_tail for exponential patience, wfm_wait_callback
 * for patience cut off at a fixed wait).  wfm_wait_combine joins the two in
 * log form, so neither part can overflow the other. */
#include "erlang.h"

#include <float.h>
#include <math.h>

/* ---- Erlang B and C ---- */

double wfm_erlang_b_inv(double a, long n)
{
	double inva, r = 1.0;

	if (!(a > 0) || !isfinite(a) || n < 0)
		return NAN;
	inva = 1.0 / a;
	for (long k = 1; k <= n; k++)
		r = 1.0 + r * ((double)k * inva);
	return r;
}

double wfm_erlang_b_inv_next(double a, long n, double inv_prev)
{
	return 1.0 + inv_prev * ((double)n * (1.0 / a));
}

double wfm_erlang_b(double a, long n)
{
	if (!(a >= 0) || !isfinite(a) || n < 0)
		return NAN;
	if (a == 0)
		return n == 0 ? 1.0 : 0.0;
	return 1.0 / wfm_erlang_b_inv(a, n);
}

static int bad_param(wfm_err *e, const char *what, double v)
{
	return wfm_err_set(e, WFM_EUSAGE, "%s out of range: %g", what, v);
}

/* Checks the parameters common to every model. */
static int check_common(double a, long n, double aht_s, double t_s, wfm_err *e)
{
	if (!(a >= 0) || !isfinite(a))
		return bad_param(e, "load in erlangs", a);
	if (n < 0)
		return bad_param(e, "number of agents", (double)n);
	if (!(aht_s > 0) || !isfinite(aht_s))
		return bad_param(e, "average handle time", aht_s);
	if (!(t_s >= 0))
		return bad_param(e, "service-level threshold", t_s);
	return WFM_OK;
}

static void perf_no_load(wfm_queue_perf *out)
{
	*out = (wfm_queue_perf){.stable = 1, .p_wait = 0, .sl = 1, .answered = 1};
}

/* Erlang C with n > a, inv_prev = 1/B(n-1, a): C = a / ((n-a)/B(n-1) + a). */
void wfm_erlang_c_perf_inv(double a, long n, double aht_s, double t_s, double inv_prev,
			   wfm_queue_perf *out)
{
	double gap = (double)n - a;
	double c = a / (gap * inv_prev + a);

	*out = (wfm_queue_perf){.stable = 1, .p_wait = c, .answered = 1};
	out->sl = 1.0 - c * exp(-gap * t_s / aht_s);
	out->asa = c * aht_s / gap;
	out->queue = c * a / gap;
	out->occupancy = a / (double)n;
}

int wfm_erlang_c_perf(double a, long n, double aht_s, double t_s, wfm_queue_perf *out,
		      wfm_err *e)
{
	int rc = check_common(a, n, aht_s, t_s, e);

	if (rc)
		return rc;
	if (a == 0) {
		perf_no_load(out);
		return WFM_OK;
	}
	if ((double)n <= a) {
		*out = (wfm_queue_perf){.stable = 0, .p_wait = 1, .sl = 0,
					.answered = (double)n / a, .asa = INFINITY,
					.queue = INFINITY, .occupancy = 1};
		return WFM_OK;
	}
	wfm_erlang_c_perf_inv(a, n, aht_s, t_s, wfm_erlang_b_inv(a, n - 1), out);
	return WFM_OK;
}

/* ---- combining the parts ---- */

void wfm_wait_combine(double log_below, double lambda, const wfm_wait_part *w,
		      wfm_queue_perf *out)
{
	double z = log(lambda) + w->log_mass - log_below;
	double pw = 1.0 / (1.0 + exp(-z)), p0 = 1.0 / (1.0 + exp(z));

	out->stable = 1;
	out->p_wait = pw;
	out->answered = p0 + pw * w->answered;
	out->sl = p0 + pw * w->sl;
	out->abandoned = pw * w->abandoned;
	out->callback = pw * w->callback;
	out->queue = pw * w->queue;
	if (out->answered > 0) {
		out->asa = pw * w->wait / out->answered;
	} else {
		out->asa = INFINITY;
		out->stable = 0;
	}
}

/* ---- exponential patience: the chain above the boundary ---- */

/* theta = 0: w_j = rho^j / rate, a geometric tail with Erlang stages. */
static void tail_no_abandon(double lambda, double rate, double t_s, wfm_wait_part *w)
{
	double gap = rate - lambda;

	w->log_mass = -log(gap);
	w->answered = 1;
	w->abandoned = 0;
	w->callback = 0;
	w->sl = -expm1(-gap * t_s);
	w->wait = 1.0 / gap;
	w->queue = lambda / gap;
}

/* The weights w_j = lambda^j / prod_{i=0..j} (rate + i theta) of the states
 * with j queued, each multiplied by what an arrival finding j ahead gets:
 * answered with probability rate / (rate + (j+1) theta); answered within t
 * with that times I_x(j+1, rate/theta + 1), x = 1 - e^{-theta t} (the
 * regularized incomplete beta: the stages are those of the (j+1)-th order
 * statistic), carried by I(j+2) = I(j+1) - T(j+1) with T the negative
 * binomial terms; mean wait of the answered: that probability times
 * sum_{i=0..j} 1 / (rate + (i+1) theta) (the derivative of the stages'
 * Laplace transform at theta).  Weights are rescaled by 2^-600 whenever
 * they pass 2^600. */
int wfm_wait_tail(double lambda, double rate, double theta, double t_s, wfm_wait_part *w,
		  wfm_err *e)
{
	const double big = 0x1p600, small = 0x1p-600;
	double wj = 1.0 / rate, s0 = 0, sans = 0, ssl = 0, sab = 0, swait = 0, sq = 0;
	double b, x, ix, tb, h = 0, logscale = 0;
	int te = 0;
	long j;

	if (!(lambda > 0) || !isfinite(lambda) || !(rate > 0) || !isfinite(rate))
		return bad_param(e, "arrival or service rate", lambda > 0 ? rate : lambda);
	if (!(theta >= 0) || !isfinite(theta))
		return bad_param(e, "abandonment rate", theta);
	if (!(t_s >= 0))
		return bad_param(e, "service-level threshold", t_s);
	if (theta == 0) {
		if (!(lambda < rate))
			return wfm_err_set(e, WFM_EUSAGE,
					   "no steady state without abandonment: arrival rate %g "
					   "is not below service rate %g", lambda, rate);
		tail_no_abandon(lambda, rate, t_s, w);
		return WFM_OK;
	}
	b = rate / theta + 1.0;
	x = -expm1(-theta * t_s);
	ix = -expm1(-(rate + theta) * t_s);
	/* the negative binomial terms: the first, b x e^{-(rate+theta) t}, can
	 * underflow while later ones matter (a long t on a long queue), so the
	 * term is kept as tb * 2^te until the exponent comes back to 0 */
	if (x == 0 || isinf(t_s)) {
		tb = 0;
	} else {
		double lt = log(b * x) - (rate + theta) * t_s;

		if (lt > -600) {
			tb = exp(lt);
		} else {
			te = (int)floor(lt / log(2.0));
			tb = exp(lt - (double)te * log(2.0));
		}
	}
	for (j = 0; j < WFM_TAIL_MAX_TERMS; j++) {
		double d = rate + (double)(j + 1) * theta, invd = 1.0 / d;
		double serve = rate * invd, ratio = lambda * invd, ws = wj * serve;

		h += invd;
		s0 += wj;
		sans += ws;
		ssl += ws * ix;
		sab += wj * ((double)(j + 1) * theta * invd);
		swait += ws * h;
		sq += (double)j * wj;
		ix -= te ? ldexp(tb, te) : tb;
		if (ix < 0)
			ix = 0;
		tb *= x * ((double)(j + 1) + b) / (double)(j + 2);
		if (te && tb > 0x1p500) {
			tb = ldexp(tb, -500);
			te += 500;
			if (te >= 0) {
				tb = ldexp(tb, te);
				te = 0;
			}
		}
		wj *= ratio;
		if (wj > big) {
			wj *= small, s0 *= small, sans *= small, ssl *= small;
			sab *= small, swait *= small, sq *= small;
			logscale += log(big);
		}
		/* ratios fall with j: once below 1 the rest is under a geometric
		 * series with this ratio */
		if (ratio < 1) {
			double q = 1.0 / (1.0 - ratio);
			double rest = wj * q, rest_j = wj * ((double)(j + 1) * q + q * q);

			if (rest <= 1e-17 * s0 && rest_j <= 1e-17 * (sq + s0))
				break;
		}
	}
	if (j >= WFM_TAIL_MAX_TERMS)
		return wfm_err_set(e, WFM_EUSAGE,
				   "queue too long to sum: patience %g s is too long for an "
				   "overloaded interval", 1.0 / theta);
	w->log_mass = log(s0) + logscale;
	w->answered = sans / s0;
	w->sl = ssl / s0;
	w->abandoned = sab / s0;
	w->callback = 0;
	w->wait = swait / s0;
	w->queue = sq / s0;
	return WFM_OK;
}

/* ---- patience cut off at a fixed wait: quadrature over the offered wait ---- */

/* The integrand is exp(f(x) - fmax) with f(x) = lambda H(x) - rate x,
 * H(x) = (1 - e^{-theta x}) / theta (x when theta = 0), concave, times
 * 1, e^{-theta x}, x e^{-theta x}, 1 - e^{-theta x}, H(x). */
enum { NC = 5 };

typedef struct cbq {
	double lambda, rate, theta, fmax;
} cbq;

static double cb_h(const cbq *q, double x)
{
	return q->theta > 0 ? -expm1(-q->theta * x) / q->theta : x;
}

static double cb_f(const cbq *q, double x)
{
	return q->lambda * cb_h(q, x) - q->rate * x;
}

static double cb_df(const cbq *q, double x)
{
	return q->lambda * exp(-q->theta * x) - q->rate;
}

static void cb_point(const cbq *q, double x, double v[NC])
{
	double ex = exp(cb_f(q, x) - q->fmax), em = expm1(-q->theta * x);

	v[0] = ex;
	v[1] = ex * (1.0 + em);
	v[2] = v[1] * x;
	v[3] = -ex * em;
	v[4] = ex * cb_h(q, x);
}

/* Gauss-Kronrod 7/15 nodes and weights (QUADPACK qk15). */
static const double xgk[8] = {
	0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
	0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
	0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
	0.207784955007898467600689403773245, 0.0};
static const double wgk[8] = {
	0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
	0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
	0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
	0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
static const double wg[4] = {
	0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
	0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

/* One panel: Kronrod sums in k[], |Kronrod - Gauss| in err[]. */
static void gk15(const cbq *q, double lo, double hi, double k[NC], double err[NC])
{
	double c = 0.5 * (lo + hi), hw = 0.5 * (hi - lo), g[NC], v[NC], u[NC];
	int i, m;

	cb_point(q, c, v);
	for (m = 0; m < NC; m++) {
		k[m] = wgk[7] * v[m];
		g[m] = wg[3] * v[m];
	}
	for (i = 0; i < 7; i++) {
		cb_point(q, c - hw * xgk[i], v);
		cb_point(q, c + hw * xgk[i], u);
		for (m = 0; m < NC; m++) {
			k[m] += wgk[i] * (v[m] + u[m]);
			if (i % 2 == 1)
				g[m] += wg[i / 2] * (v[m] + u[m]);
		}
	}
	for (m = 0; m < NC; m++) {
		k[m] *= hw;
		err[m] = fabs(k[m] - g[m] * hw);
	}
}

/* Adds the integrals over [lo, hi] to sum[], bisecting panels until each
 * component's error estimate is within tol[]. */
static void integrate(const cbq *q, double lo, double hi, const double tol[NC],
		      double sum[NC])
{
	double stack[2 * 64], k[NC], err[NC];
	int top = 0, m, ok;

	stack[top++] = lo;
	stack[top++] = hi;
	while (top > 0) {
		double b = stack[--top], a = stack[--top];

		gk15(q, a, b, k, err);
		ok = top >= 2 * 62 || b - a <= 1e-13 * (fabs(a) + fabs(b));
		for (m = 0; m < NC && !ok; m++)
			if (err[m] > tol[m])
				break;
		if (ok || m == NC) {
			for (m = 0; m < NC; m++)
				sum[m] += k[m];
			continue;
		}
		stack[top++] = 0.5 * (a + b);
		stack[top++] = b;
		stack[top++] = a;
		stack[top++] = 0.5 * (a + b);
	}
}

/* The point where f falls to `level` on the increasing (dir > 0, start left
 * of it) or decreasing (dir < 0, start right of it) side of the peak.
 * Newton's method on a concave function approaches the root monotonically
 * from the side it starts on, so the result is never inside the region
 * where f > level. */
static double cb_root(const cbq *q, double x, double level)
{
	for (int i = 0; i < 100; i++) {
		double g = cb_f(q, x) - level, d = cb_df(q, x), step;

		if (g >= 0 || d == 0)
			break;
		step = g / d;
		x -= step;
		if (fabs(step) <= 1e-9 * (1.0 + fabs(x)))
			break;
	}
	return x;
}

/* Orders up to 4 break points and drops duplicates; returns the count. */
static int sort_points(double *p, int n)
{
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && p[k - 1] > p[k]; k--) {
			double t = p[k];

			p[k] = p[k - 1];
			p[k - 1] = t;
		}
	int m = 0;

	for (int i = 0; i < n; i++)
		if (m == 0 || p[i] > p[m - 1])
			p[m++] = p[i];
	return m;
}

int wfm_wait_callback(double lambda, double rate, double theta, double cutoff_s, double t_s,
		      wfm_wait_part *w, wfm_err *e)
{
	const double span = 46.0; /* e^-46 = 1e-20: below that nothing counts */
	cbq q = {lambda, rate, theta, 0};
	double xm, xl = 0, xr, p[4], est[NC] = {0}, tol[NC], sum[NC] = {0};
	double sl_sum = 0, tail = 0, tl, j;
	int np, i, m;

	if (!(lambda > 0) || !isfinite(lambda) || !(rate > 0) || !isfinite(rate))
		return bad_param(e, "arrival or service rate", lambda > 0 ? rate : lambda);
	if (!(theta >= 0) || !isfinite(theta))
		return bad_param(e, "abandonment rate", theta);
	if (!(cutoff_s >= 0))
		return bad_param(e, "callback cut-off", cutoff_s);
	if (!(t_s >= 0))
		return bad_param(e, "service-level threshold", t_s);
	if (isinf(cutoff_s) && theta == 0)
		return wfm_wait_tail(lambda, rate, 0, t_s, w, e);
	if (lambda <= rate)
		xm = 0;
	else if (theta == 0)
		xm = cutoff_s;
	else
		xm = fmin(cutoff_s, log(lambda / rate) / theta);
	q.fmax = cb_f(&q, xm);
	if (xm > 0 && q.fmax - span > 0)
		xl = cb_root(&q, 0, q.fmax - span);
	xr = xm;
	if (xm < cutoff_s) {
		double hi = xm, step = span / rate;

		while (hi < cutoff_s && cb_f(&q, hi) >= q.fmax - span) {
			hi = fmin(cutoff_s, xm + step);
			step *= 2;
		}
		xr = cb_f(&q, hi) >= q.fmax - span ? hi : cb_root(&q, hi, q.fmax - span);
		xr = fmin(fmax(xr, xm), cutoff_s);
	}
	p[0] = xl, p[1] = xm, p[2] = xr, np = 3;
	tl = fmin(t_s, cutoff_s);
	if (tl > xl && tl < xr)
		p[np++] = tl;
	np = sort_points(p, np);
	for (i = 0; i + 1 < np; i++) {
		double k[NC], err[NC];

		gk15(&q, p[i], p[i + 1], k, err);
		for (m = 0; m < NC; m++)
			est[m] += k[m];
	}
	for (m = 0; m < NC; m++)
		tol[m] = 1e-10 * est[m] + DBL_MIN;
	for (i = 0; i + 1 < np; i++) {
		double before = sum[1];

		integrate(&q, p[i], p[i + 1], tol, sum);
		if (p[i + 1] <= tl)
			sl_sum += sum[1] - before;
	}
	if (tl >= xr)
		sl_sum = sum[1];
	if (isfinite(cutoff_s)) {
		double em = expm1(-theta * cutoff_s);

		tail = exp(cb_f(&q, cutoff_s) - q.fmax) / rate;
		sum[0] += tail;
		sum[3] += -em * tail;
		sum[4] += cb_h(&q, cutoff_s) * tail;
		w->callback = (1.0 + em) * tail;
	} else {
		w->callback = 0;
	}
	j = sum[0];
	w->log_mass = q.fmax + log(j);
	w->answered = sum[1] / j;
	w->sl = sl_sum / j;
	w->wait = sum[2] / j;
	w->abandoned = sum[3] / j;
	w->callback /= j;
	w->queue = lambda * sum[4] / j;
	return WFM_OK;
}

/* ---- the public models ---- */

static int check_patience(double patience_s, wfm_err *e)
{
	if (!(patience_s > 0))
		return bad_param(e, "mean patience", patience_s);
	return WFM_OK;
}

/* n = 0 agents and a > 0: everybody leaves when patience (or the cut-off)
 * runs out. */
static void perf_no_agents(double a, double aht_s, double theta, double cutoff_s,
			   wfm_queue_perf *out)
{
	double lambda = a / aht_s, stay = isinf(cutoff_s) ? 0 : exp(-theta * cutoff_s);
	double h = theta > 0 ? -expm1(-theta * cutoff_s) / theta : cutoff_s;

	*out = (wfm_queue_perf){.stable = 0, .p_wait = 1, .sl = 0, .answered = 0,
				.abandoned = 1.0 - stay, .callback = stay, .asa = INFINITY,
				.queue = lambda * h, .occupancy = 0};
}

int wfm_erlang_a_perf_inv(double a, long n, double aht_s, double patience_s, double t_s,
			  double inv_prev, wfm_queue_perf *out, wfm_err *e)
{
	return wfm_callback_perf_inv(a, n, aht_s, patience_s, INFINITY, t_s, inv_prev, out, e);
}

int wfm_callback_perf_inv(double a, long n, double aht_s, double patience_s, double cutoff_s,
			  double t_s, double inv_prev, wfm_queue_perf *out, wfm_err *e)
{
	double theta, lambda, rate;
	wfm_wait_part w;
	int rc;

	if ((rc = check_common(a, n, aht_s, t_s, e)) || (rc = check_patience(patience_s, e)))
		return rc;
	if (!(cutoff_s >= 0))
		return bad_param(e, "callback cut-off", cutoff_s);
	if (isinf(patience_s) && isinf(cutoff_s)) {
		if (a == 0 || (double)n <= a)
			return wfm_erlang_c_perf(a, n, aht_s, t_s, out, e);
		wfm_erlang_c_perf_inv(a, n, aht_s, t_s, inv_prev, out);
		return WFM_OK;
	}
	if (a == 0) {
		perf_no_load(out);
		return WFM_OK;
	}
	theta = isinf(patience_s) ? 0 : 1.0 / patience_s;
	if (n == 0) {
		perf_no_agents(a, aht_s, theta, cutoff_s, out);
		return WFM_OK;
	}
	lambda = a / aht_s;
	rate = (double)n / aht_s;
	rc = isinf(cutoff_s) ? wfm_wait_tail(lambda, rate, theta, t_s, &w, e)
			     : wfm_wait_callback(lambda, rate, theta, cutoff_s, t_s, &w, e);
	if (rc)
		return rc;
	wfm_wait_combine(log(inv_prev), lambda, &w, out);
	out->occupancy = a * out->answered / (double)n;
	return WFM_OK;
}

int wfm_erlang_a_perf(double a, long n, double aht_s, double patience_s, double t_s,
		      wfm_queue_perf *out, wfm_err *e)
{
	return wfm_callback_perf(a, n, aht_s, patience_s, INFINITY, t_s, out, e);
}

int wfm_callback_perf(double a, long n, double aht_s, double patience_s, double cutoff_s,
		      double t_s, wfm_queue_perf *out, wfm_err *e)
{
	double inv_prev = (a > 0 && isfinite(a) && n >= 1) ? wfm_erlang_b_inv(a, n - 1) : 1.0;

	return wfm_callback_perf_inv(a, n, aht_s, patience_s, cutoff_s, t_s, inv_prev, out, e);
}
