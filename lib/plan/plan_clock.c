/* plan_clock.c - the solver's clock: time since the start and whether to stop. */
#include "plan_impl.h"

double wfm_pl_elapsed(const pl_clock *k)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - k->t0.tv_sec) + (now.tv_nsec - k->t0.tv_nsec) * 1e-9;
}

int wfm_pl_should_stop(const pl_clock *k)
{
	return (k->stop && *k->stop) || (k->flag && *k->flag) || wfm_pl_elapsed(k) >= k->limit;
}
