/* err.h - the error value every library function reports through.
 *
 * The library never prints and never exits.  A function that can fail takes a
 * `wfm_err *` as its last argument and, on failure, fills it with a status code
 * (one of the exit codes of DESIGN.md) and a one-line message in lower case,
 * without the program name and without a trailing newline, for example
 *   "exports/mei.csv:14: column 'date': bad date '30/02/2024'".
 * The program prints "wfm-TOOL: " followed by the message and exits with the
 * code.  Passing NULL for the error pointer is allowed everywhere: the status
 * is still returned, the message is dropped.
 */
#ifndef WFM_ERR_H
#define WFM_ERR_H

#include <stddef.h>

enum wfm_status {
	WFM_OK = 0,
	WFM_EUSAGE = 64,    /* bad command line */
	WFM_EDATA = 65,     /* bad input data */
	WFM_ENOINPUT = 66,  /* input file missing or unreadable */
	WFM_EINTERNAL = 70, /* a bug or out of memory */
	WFM_ECANTCREAT = 73,/* cannot create an output file */
	WFM_EIO = 74,       /* read or write error */
	WFM_ETIMEOUT = 75   /* solver time limit without a usable result */
};

#define WFM_ERR_MSG_MAX 1024

typedef struct wfm_err {
	int code;                  /* WFM_OK when no error was recorded */
	char msg[WFM_ERR_MSG_MAX]; /* the message; "" when code is WFM_OK */
} wfm_err;

/* Records an error: sets e->code to `code` and formats the message as the
 * printf family does, truncated to fit.  Returns `code`, so a caller can write
 * `return wfm_err_set(e, WFM_EDATA, "...")`.  `e` may be NULL. */
int wfm_err_set(wfm_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Puts `prefix` (formatted like printf) in front of an error already
 * recorded, e.g. the file name.  Does nothing when `e` is NULL. */
void wfm_err_prefix(wfm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Resets `e` to "no error".  `e` may be NULL. */
void wfm_err_clear(wfm_err *e);

/* strerror(errnum) with a lower-case first letter (unless the word is an
 * acronym), copied into buf (size n), for messages.  Returns buf. */
const char *wfm_errno_text(int errnum, char *buf, size_t n);

/* Records "out of memory" (WFM_EINTERNAL) and returns WFM_EINTERNAL. */
int wfm_err_nomem(wfm_err *e);

#endif
