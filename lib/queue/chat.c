/* chat.c - the chat concurrency chain; see chat.h. */
#include "chat.h"

#include <math.h>

int wfm_chat_check(const wfm_chat *c, wfm_err *e)
{
	if (c->k < 1 || c->k > WFM_CHAT_KMAX)
		return wfm_err_set(e, WFM_EUSAGE, "chats per agent out of range: %d (1..%d)",
				   c->k, WFM_CHAT_KMAX);
	for (int i = 0; i < c->k; i++)
		if (!(c->aht_s[i] > 0) || !isfinite(c->aht_s[i]))
			return wfm_err_set(e, WFM_EUSAGE,
					   "chat handle time at %d chats out of range: %g", i + 1,
					   c->aht_s[i]);
	if (!(c->patience_s > 0))
		return wfm_err_set(e, WFM_EUSAGE, "mean patience out of range: %g",
				   c->patience_s);
	return WFM_OK;
}

double wfm_chat_capacity(const wfm_chat *c)
{
	double best = 0;

	for (int i = 1; i <= c->k; i++)
		best = fmax(best, (double)i / c->aht_s[i - 1]);
	return best;
}

/* Completion rate with N chats in service (0 < N <= n k). */
static double chat_rate(const wfm_chat *c, long n, long big_n)
{
	long q = big_n / n, r = big_n % n;
	double d = 0;

	if (r > 0)
		d += (double)r * (double)(q + 1) / c->aht_s[q];
	if (q > 0)
		d += (double)(n - r) * (double)q / c->aht_s[q - 1];
	return d;
}

/* The states 0 .. n k - 1 (no wait).  u_N = prod lambda / d(i) is kept as a
 * mantissa u and a binary exponent ue, so that a product that dips and
 * recovers loses nothing; the sums of u_N and N u_N are kept at exponent se.
 * Returns log(sum u_N / u_{nk-1}) and the mean N over these states. */
static double below_states(const wfm_chat *c, double lambda, long n, double *mean_n)
{
	long slots = n * c->k;
	double u = 1, sum = 1, sumn = 0;
	int ue = 0, se = 0, x;

	for (long big_n = 1; big_n < slots; big_n++) {
		double v;

		u *= lambda / chat_rate(c, n, big_n);
		if (u > 0x1p600 || (u < 0x1p-600 && u > 0)) {
			u = frexp(u, &x);
			ue += x;
		}
		if (ue - se > 600) {
			sum = ldexp(sum, se - ue);
			sumn = ldexp(sumn, se - ue);
			se = ue;
		}
		v = ldexp(u, ue - se);
		sum += v;
		sumn += (double)big_n * v;
	}
	*mean_n = sumn / sum;
	return log(sum) - log(u) + (double)(se - ue) * log(2.0);
}

int wfm_chat_perf(const wfm_chat *c, double lambda, long n, double t_s, wfm_queue_perf *out,
		  wfm_err *e)
{
	double theta, rate, log_below, mean_n, busy;
	long slots;
	wfm_wait_part w;
	int rc;

	if ((rc = wfm_chat_check(c, e)))
		return rc;
	if (!(lambda >= 0) || !isfinite(lambda))
		return wfm_err_set(e, WFM_EUSAGE, "chat arrival rate out of range: %g", lambda);
	if (n < 0)
		return wfm_err_set(e, WFM_EUSAGE, "number of agents out of range: %ld", n);
	if (!(t_s >= 0))
		return wfm_err_set(e, WFM_EUSAGE, "service-level threshold out of range: %g", t_s);
	if (lambda == 0) {
		*out = (wfm_queue_perf){.stable = 1, .sl = 1, .answered = 1};
		return WFM_OK;
	}
	theta = isinf(c->patience_s) ? 0 : 1.0 / c->patience_s;
	slots = n * c->k;
	rate = n > 0 ? (double)slots / c->aht_s[c->k - 1] : 0;
	if (theta == 0 && !(lambda < rate)) {
		*out = (wfm_queue_perf){.stable = 0, .p_wait = 1, .sl = 0,
					.answered = rate / lambda, .asa = INFINITY,
					.queue = INFINITY, .occupancy = 1};
		return WFM_OK;
	}
	if (n == 0) {
		*out = (wfm_queue_perf){.stable = 0, .p_wait = 1, .abandoned = 1,
					.asa = INFINITY, .queue = lambda / theta};
		return WFM_OK;
	}
	if ((rc = wfm_wait_tail(lambda, rate, theta, t_s, &w, e)))
		return rc;
	log_below = below_states(c, lambda, n, &mean_n);
	wfm_wait_combine(log_below, lambda, &w, out);
	busy = (1.0 - out->p_wait) * mean_n + out->p_wait * (double)slots;
	out->occupancy = busy / (double)slots;
	return WFM_OK;
}
