#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int wfm_err_set(wfm_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void wfm_err_prefix(wfm_err *e, const char *fmt, ...)
{
	char old[WFM_ERR_MSG_MAX];
	size_t n, m;
	va_list ap;

	if (!e)
		return;
	memcpy(old, e->msg, sizeof old);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	n = strlen(e->msg);
	m = strnlen(old, sizeof old - 1);
	if (m > sizeof e->msg - 1 - n)
		m = sizeof e->msg - 1 - n;
	memcpy(e->msg + n, old, m);
	e->msg[n + m] = '\0';
}

void wfm_err_clear(wfm_err *e)
{
	if (!e)
		return;
	e->code = WFM_OK;
	e->msg[0] = '\0';
}

int wfm_err_nomem(wfm_err *e)
{
	return wfm_err_set(e, WFM_EINTERNAL, "out of memory");
}

const char *wfm_errno_text(int errnum, char *buf, size_t n)
{
	snprintf(buf, n, "%s", strerror(errnum));
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}
