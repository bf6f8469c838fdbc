/* tol.h - the one numeric tolerance of the suite. */
#ifndef WFM_TOL_H
#define WFM_TOL_H

/* Relative tolerance of every "meets the target" comparison in wfm: a value
 * within WFM_TOL (relative) of a boundary counts as meeting it, so that a
 * ratio that is exactly 0.8 in decimal but 0.8000000000000002 in binary
 * still meets a cap of 0.8. */
#define WFM_TOL 1e-9

#endif
