/* tool.h - what every wfm program shares: its name, messages, exit codes.
 * Only programs use this; the library never prints. */
#ifndef WFM_TOOL_H
#define WFM_TOOL_H

#include <signal.h>
#include <stdio.h>

#include "common/err.h"

/* Remembers the program name for messages and switches off GSL's abort
 * handler and GLPK's terminal output. */
void tool_init(const char *name);

/* The program name ("wfm-ingest"). */
const char *tool_name(void);

/* Prints "NAME: message" for a recorded error and returns its code; for a
 * usage error (WFM_EUSAGE) also the hint to run --help, as tool_usage. */
int tool_fail(const wfm_err *e);

/* Prints "NAME: message" (printf-style) and returns `code`. */
int tool_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "NAME: warning: message". */
void tool_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A usage error: prints the message and a hint to run --help, returns 64. */
int tool_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Flushes and checks standard output; on failure prints a message and
 * returns 74, else returns `code` unchanged.  Call on the way out of main. */
int tool_finish(int code);

/* The way out of main after the run: for a failed run (rc > 0) whose error
 * `e` has a message (a caller that printed its own clears it), prints it
 * as tool_fail does (a usage error, rc WFM_EUSAGE, with the hint to run
 * --help); then returns tool_finish(rc), 0 for a negative rc (--help,
 * --version). */
int tool_end(int rc, const wfm_err *e);

/* wfm_out_open / _commit / _abort (outfile.h) that also remove the
 * temporary file when the program is stopped by SIGINT, SIGTERM or SIGHUP
 * (handlers installed by tool_init), so an interrupted run leaves the target
 * as it was and nothing behind.  Up to 4 outputs open at once. */
#include "io/outfile.h"
wfm_out *tool_out_open(const char *path, wfm_err *e);
int tool_out_commit(wfm_out *o, wfm_err *e);
void tool_out_abort(wfm_out *o);

/* Ends output `o` that tool_out_open(path) gave, written with result `rc`:
 * commits it when rc is WFM_OK, else removes it and, for an I/O error
 * (WFM_EIO), puts the output's name before the message ("out.csv: write
 * error"; NULL or "-": "standard output").  Returns rc, or the commit's
 * result.  A NULL `o` only returns rc. */
int tool_out_end(wfm_out *o, int rc, const char *path, wfm_err *e);

/* From now on the first SIGINT (Ctrl-C) only sets *flag and says on
 * standard error that the program is finishing with what it has; a second
 * one ends the program as before (removing the temporary files). */
void tool_soft_interrupt(volatile sig_atomic_t *flag);

/* Prints "NAME VERSION" and returns 0. */
int tool_version(void);

#endif
