#include "tool.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "run/wfm.h"

static const char *progname = "wfm";

/* Temporary files to remove on a fatal signal: fixed slots, written before
 * the handler can see them, read only by the handler. */
#define NGUARD 4
static char guarded[NGUARD][4096];
static volatile sig_atomic_t guarded_on[NGUARD];

static void on_fatal_signal(int sig)
{
	int i;

	for (i = 0; i < NGUARD; i++)
		if (guarded_on[i])
			unlink(guarded[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static volatile sig_atomic_t *soft_flag;

static void on_soft_interrupt(int sig)
{
	static const char msg[] = ": stopping, writing the best plan so far "
				  "(Ctrl-C again to abort)\n";
	struct sigaction sa;

	if (write(2, "\n", 1) < 0 || write(2, progname, strlen(progname)) < 0 ||
	    write(2, msg, sizeof msg - 1) < 0) {
		/* nothing to do about it in a signal handler */
	}
	*soft_flag = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void tool_soft_interrupt(volatile sig_atomic_t *flag)
{
	struct sigaction sa;

	soft_flag = flag;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_soft_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

static void guard_tmp(const char *tmp)
{
	int i;

	if (!tmp)
		return;
	for (i = 0; i < NGUARD; i++) {
		if (!guarded_on[i]) {
			snprintf(guarded[i], sizeof guarded[i], "%s", tmp);
			guarded_on[i] = 1;
			return;
		}
	}
}

static void unguard_tmp(const char *tmp)
{
	int i;

	for (i = 0; tmp && i < NGUARD; i++)
		if (guarded_on[i] && strcmp(guarded[i], tmp) == 0)
			guarded_on[i] = 0;
}

wfm_out *tool_out_open(const char *path, wfm_err *e)
{
	sigset_t block, old;
	wfm_out *o;

	/* a stop between making the temporary file and guarding it would
	 * leave the file behind: the signals wait until it is guarded */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	o = wfm_out_open(path, e);
	if (o)
		guard_tmp(wfm_out_tmp_path(o));
	sigprocmask(SIG_SETMASK, &old, NULL);
	return o;
}

int tool_out_commit(wfm_out *o, wfm_err *e)
{
	char tmp[4096] = "";
	int rc;

	if (wfm_out_tmp_path(o))
		snprintf(tmp, sizeof tmp, "%s", wfm_out_tmp_path(o));
	rc = wfm_out_commit(o, e);
	unguard_tmp(tmp);
	return rc;
}

void tool_out_abort(wfm_out *o)
{
	char tmp[4096] = "";

	if (!o)
		return;
	if (wfm_out_tmp_path(o))
		snprintf(tmp, sizeof tmp, "%s", wfm_out_tmp_path(o));
	wfm_out_abort(o);
	unguard_tmp(tmp);
}

int tool_out_end(wfm_out *o, int rc, const char *path, wfm_err *e)
{
	if (!o)
		return rc;
	if (rc == WFM_OK)
		return tool_out_commit(o, e);
	tool_out_abort(o);
	if (rc == WFM_EIO)
		wfm_err_prefix(e, "%s: ", path && strcmp(path, "-") ? path : "standard output");
	return rc;
}

void tool_init(const char *name)
{
	struct sigaction sa;

	progname = name;
	wfm_init();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

const char *tool_name(void)
{
	return progname;
}

int tool_fail(const wfm_err *e)
{
	if (e->code == WFM_EUSAGE && e->msg[0])
		return tool_usage("%s", e->msg);
	fprintf(stderr, "%s: %s\n", progname, e->msg[0] ? e->msg : "unknown error");
	return e->code ? e->code : 70;
}

int tool_error(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

void tool_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int tool_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s: try '%s --help'\n", progname, progname);
	return 64;
}

int tool_finish(int code)
{
	char why[128];

	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* a run that failed has said why already (often this very error:
		 * its output went to standard output) */
		if (code)
			return code;
		fprintf(stderr, "%s: write error on standard output: %s\n", progname,
			wfm_errno_text(errno ? errno : EIO, why, sizeof why));
		return 74;
	}
	return code;
}

int tool_end(int rc, const wfm_err *e)
{
	if (rc > 0 && e->msg[0]) {
		if (rc == WFM_EUSAGE)
			tool_usage("%s", e->msg);
		else
			tool_fail(e);
	}
	return tool_finish(rc < 0 ? 0 : rc);
}

int tool_version(void)
{
	printf("%s %s\n", progname, WFM_VERSION);
	return 0;
}
