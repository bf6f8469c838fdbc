/* failalloc.c - see failalloc.h. */
#include "failalloc.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static long armed, count;
static int fired;

void failalloc_arm(long n)
{
	armed = n;
	count = 0;
	fired = 0;
}

long failalloc_count(void)
{
	return count;
}

int failalloc_fired(void)
{
	return fired;
}

/* 1 when this allocation is the one to fail. */
static int fail_now(void)
{
	if (++count != armed || armed == 0)
		return 0;
	fired = 1;
	errno = ENOMEM;
	return 1;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
	return fail_now() ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}
