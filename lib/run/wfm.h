/* wfm.h - library-wide start-up. */
#ifndef WFM_H
#define WFM_H

/* Makes the third-party libraries quiet and non-fatal: switches off GSL's
 * abort-on-error handler (errors are then returned as codes) and GLPK's
 * terminal output.  Call once at program start, before any other wfm call.
 * Idempotent. */
void wfm_init(void);

#endif
