#include "tool.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "wfm.h"

static const char *progname = "wfm";

void tool_init(const char *name)
{
	progname = name;
	wfm_init();
}

const char *tool_name(void)
{
	return progname;
}

int tool_fail(const wfm_err *e)
{
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
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error on standard output: %s\n", progname,
			strerror(errno ? errno : EIO));
		return code ? code : 74;
	}
	return code;
}

int tool_version(void)
{
	printf("%s %s\n", progname, WFM_VERSION);
	return 0;
}
