/* bench_erlang.c - speed of the staffing maths (issue #4); run by
 * scripts/bench-erlang.
 *
 * A year of 15-minute intervals (250 working days x 40 intervals, 09:00-
 * 19:00) for 12 lines x 3 channels: about 360,000 minimal-agent searches with
 * Erlang C, at loads shaped like the 1700 (one large line, eleven small
 * ones; intraday double hump, Monday peak, seasons, noise).  The same
 * intervals are solved in the same run by a straightforward textbook
 * implementation (sum of A^k/k! with pow() and factorials, recomputed for
 * every n), wherever it still gives an answer (it overflows past 170
 * agents), and the two results are compared; the same for a large agency
 * (loads x 12, 25 days).  Then one interval at 10,000 erlangs, and the
 * other models (Erlang A, callback, chat) on 20 days of the year.
 *
 *   bench_erlang [days]     (default 250)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "queue/staffing.h"

enum { LINES = 12, CHANNELS = 3, SLOTS = 40 };

static const double pi = 3.14159265358979323846;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ---- the textbook version ---- */

static double factorial(int n)
{
	double f = 1;

	for (int i = 2; i <= n; i++)
		f *= i;
	return f;
}

static double textbook_erlang_c(double a, int n)
{
	double sum = 0, top;

	for (int k = 0; k < n; k++)
		sum += pow(a, k) / factorial(k);
	top = pow(a, n) / factorial(n) * n / (n - a);
	return top / (sum + top);
}

/* Least n with SL >= target and a/n <= occ; -1 when the formula breaks
 * down (NaN or infinity from the overflowing terms). */
static int textbook_agents(double a, double aht, double t, double sl, double occ)
{
	for (int n = (int)floor(a) + 1; n < 100000; n++) {
		double c = textbook_erlang_c(a, n), got = 1 - c * exp(-(n - a) * t / aht);

		if (!isfinite(c) || isnan(got))
			return -1;
		if (got >= sl && (occ <= 0 || a / n <= occ))
			return n;
	}
	return -1;
}

/* ---- the year ---- */

typedef struct interval {
	double volume, aht, interval_s;
	wfm_target tg;
} interval;

static unsigned long long rng_state = 0x1700beefULL;

static double uniform(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(rng_state >> 11) * (1.0 / 9007199254740992.0);
}

/* Volume around `mean` with Poisson-like noise (normal approximation). */
static double noisy(double mean)
{
	double u1 = uniform() + 1e-12, u2 = uniform();
	double z = sqrt(-2 * log(u1)) * cos(2 * pi * u2);
	double v = floor(mean + sqrt(mean) * z + 0.5);

	return v < 0 ? 0 : v;
}

static void fill_day(interval *iv, int d, double scale, const double *profile)
{
	/* calls per working day per line: the 1700 and eleven sector lines */
	static const double per_day[LINES] = {2600, 420, 310, 260, 180, 150,
					      120, 90, 70, 50, 35, 20};
	static const double share[CHANNELS] = {1.0, 0.22, 0.06}; /* phone, chat, callback */
	static const double aht[CHANNELS] = {300, 350, 240};    /* chat: 600 s / 1.7 */
	static const double weekday[5] = {1.3, 1.1, 1.0, 0.95, 0.85};
	double day = scale * weekday[d % 5] * (1 + 0.25 * sin(2 * pi * d / 250.0));

	for (int l = 0; l < LINES; l++)
		for (int c = 0; c < CHANNELS; c++)
			for (int s = 0; s < SLOTS; s++, iv++) {
				iv->volume = noisy(day * per_day[l] * share[c] * profile[s]);
				iv->aht = aht[c] * (0.9 + 0.2 * uniform());
				iv->interval_s = 900;
				iv->tg = (wfm_target){.sl = c == 0 ? 0.8 : 0.9,
						      .sl_t_s = c == 0 ? 20 : c == 1 ? 60 : 30,
						      .max_occ = l % 3 == 0 ? 0.85 : 0};
			}
}

static interval *make_year(int days, double scale, size_t *count)
{
	size_t per = (size_t)SLOTS * LINES * CHANNELS;
	interval *iv = malloc((size_t)days * per * sizeof *iv);
	double profile[SLOTS], total = 0;

	if (!iv)
		return NULL;
	for (int s = 0; s < SLOTS; s++) {
		double h = 9 + s / 4.0;

		profile[s] = 0.3 + exp(-pow((h - 10.5) / 1.2, 2)) +
			     0.8 * exp(-pow((h - 14.5) / 1.5, 2));
		total += profile[s];
	}
	for (int s = 0; s < SLOTS; s++)
		profile[s] /= total;
	for (int d = 0; d < days; d++)
		fill_day(iv + (size_t)d * per, d, scale, profile);
	*count = (size_t)days * per;
	return iv;
}

static void bench_year(const char *title, const interval *iv, size_t count)
{
	wfm_model m = {.kind = WFM_MODEL_ERLANG_C};
	long *ours = malloc(count * sizeof *ours);
	int *theirs = malloc(count * sizeof *theirs);
	double t0, t_ours, t_text, t_ours_sub = 0, sum_a = 0, max_a = 0;
	size_t answered = 0, differ = 0, nonzero = 0;

	if (!ours || !theirs) {
		fprintf(stderr, "bench_erlang: out of memory\n");
		exit(70);
	}
	t0 = now();
	for (size_t i = 0; i < count; i++)
		if (wfm_staff_agents(&m, iv[i].volume, iv[i].aht, iv[i].interval_s, &iv[i].tg,
				     &ours[i], NULL, NULL)) {
			fprintf(stderr, "bench_erlang: interval %zu failed\n", i);
			exit(70);
		}
	t_ours = now() - t0;
	t0 = now();
	for (size_t i = 0; i < count; i++) {
		double a = iv[i].volume * iv[i].aht / iv[i].interval_s;

		theirs[i] = a > 0 ? textbook_agents(a, iv[i].aht, iv[i].tg.sl_t_s, iv[i].tg.sl,
						    iv[i].tg.max_occ) : 0;
	}
	t_text = now() - t0;
	for (size_t i = 0; i < count; i++) {
		double a = iv[i].volume * iv[i].aht / iv[i].interval_s;

		sum_a += a;
		max_a = fmax(max_a, a);
		nonzero += a > 0;
		if (theirs[i] >= 0) {
			answered++;
			differ += theirs[i] != ours[i];
		}
	}
	/* ours again on exactly the subset the textbook answered */
	t0 = now();
	for (size_t i = 0; i < count; i++)
		if (theirs[i] >= 0) {
			long n;

			wfm_staff_agents(&m, iv[i].volume, iv[i].aht, iv[i].interval_s, &iv[i].tg,
					 &n, NULL, NULL);
		}
	t_ours_sub = now() - t0;
	printf("%s: %zu intervals (%d lines x %d channels), load mean %.2f max %.1f erlangs, "
	       "%zu with load\n", title, count, LINES, CHANNELS, sum_a / (double)count, max_a,
	       nonzero);
	printf("  wfm (Erlang C, O(1) step)  %8.3f s  %7.0f ns per interval\n", t_ours,
	       1e9 * t_ours / (double)count);
	printf("  textbook (A^k/k! sums)     %8.3f s  %7.0f ns per interval, answered %zu of %zu\n",
	       t_text, 1e9 * t_text / (double)count, answered, count);
	printf("  ratio textbook / wfm on the %zu it answered: %.1f x\n", answered,
	       t_text / t_ours_sub);
	printf("  answers that differ: %zu\n",
	       differ);
	free(ours);
	free(theirs);
}

static void bench_big(void)
{
	wfm_model c = {.kind = WFM_MODEL_ERLANG_C};
	wfm_model a = {.kind = WFM_MODEL_ERLANG_A, .patience_s = 150};
	wfm_model cb = {.kind = WFM_MODEL_CALLBACK, .patience_s = 150, .cutoff_s = 150};
	wfm_target tg = {.sl = 0.8, .sl_t_s = 20}, ans = {.answered = 0.95, .sl_t_s = 20};
	const wfm_model *models[3] = {&c, &a, &cb};
	const wfm_target *tgs[3] = {&tg, &ans, &ans};
	const char *names[3] = {"Erlang C, SL 80/20", "Erlang A, 95 % answered",
				"callback, 95 % answered"};
	/* 30,000 calls of 300 s in 15 min: 10,000 erlangs */
	double volume = 30000;

	printf("one interval at 10,000 erlangs (target < 1 ms):\n");
	for (int k = 0; k < 3; k++) {
		int reps = k == 0 ? 200 : 20;
		double t0 = now(), dt;
		long n = 0;

		for (int r = 0; r < reps; r++)
			wfm_staff_agents(models[k], volume, 300, 900, tgs[k], &n, NULL, NULL);
		dt = (now() - t0) / reps;
		printf("  %-26s %6ld agents  %8.3f ms\n", names[k], n, 1e3 * dt);
	}
	printf("  textbook at 10,000 erlangs: %s\n",
	       textbook_agents(10000, 300, 20, 0.8, 0) < 0 ? "no answer (overflow)" : "answered");
}

/* The other models on the first `days` days of the phone and chat series. */
static void bench_models(const interval *iv, size_t count)
{
	wfm_model a = {.kind = WFM_MODEL_ERLANG_A, .patience_s = 150};
	wfm_model cb = {.kind = WFM_MODEL_CALLBACK, .patience_s = 150, .cutoff_s = 150};
	wfm_model ch = {.kind = WFM_MODEL_CHAT,
			.chat = {.k = 3, .aht_s = {480, 600, 780}, .patience_s = 180}};
	const wfm_model *models[3] = {&a, &cb, &ch};
	const char *names[3] = {"Erlang A (phone)", "callback at 150 s (phone)", "chat, 3 at once"};
	wfm_target ans = {.answered = 0.95, .sl_t_s = 20};

	printf("other models, 95 %% answered, on %zu intervals each:\n", count / CHANNELS);
	for (int k = 0; k < 3; k++) {
		int channel = k == 2 ? 1 : 0;
		size_t done = 0;
		double t0 = now(), dt;

		for (size_t i = 0; i < count; i++) {
			long n;

			if ((i / SLOTS) % CHANNELS != (size_t)channel)
				continue;
			if (wfm_staff_agents(models[k], iv[i].volume, iv[i].aht, iv[i].interval_s,
					     &ans, &n, NULL, NULL)) {
				fprintf(stderr, "bench_erlang: interval %zu failed\n", i);
				exit(70);
			}
			done++;
		}
		dt = now() - t0;
		printf("  %-26s %8.3f s  %7.0f ns per interval\n", names[k], dt,
		       1e9 * dt / (double)done);
	}
}

int main(int argc, char **argv)
{
	int days = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 250;
	size_t count;
	interval *iv;

	if (days < 1 || days > 10000) {
		fprintf(stderr, "usage: bench_erlang [days]\n");
		return 64;
	}
	/* a large agency (1,500 agents): loads x 12 over 25 days, as the
	 * textbook's cost grows with the cube of the agents */
	iv = make_year(days < 25 ? days : 25, 12, &count);
	if (!iv) {
		fprintf(stderr, "bench_erlang: out of memory\n");
		return 70;
	}
	bench_year("large agency, 25 days", iv, count);
	free(iv);
	iv = make_year(days, 1, &count);
	if (!iv) {
		fprintf(stderr, "bench_erlang: out of memory\n");
		return 70;
	}
	bench_year("the 1700, a year", iv, count);
	bench_big();
	bench_models(iv, count < 20 * SLOTS * LINES * CHANNELS ? count
							       : 20 * SLOTS * LINES * CHANNELS);
	free(iv);
	return 0;
}
