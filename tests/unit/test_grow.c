/* test_grow.c - lib/grow.c: capacities, contents kept, overflow refused.
 * The expected capacities are the doubling series written out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "common/grow.h"

static void first_growth_is_16(void **state)
{
	int *a = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(wfm_grow((void **)&a, &cap, 1, sizeof *a), 0);
	assert_non_null(a);
	assert_int_equal(cap, 16);
	free(a);
}

static void enough_room_is_a_no_op(void **state)
{
	int *a = NULL, *before;
	size_t cap = 0;

	(void)state;
	assert_int_equal(wfm_grow((void **)&a, &cap, 10, sizeof *a), 0);
	before = a;
	assert_int_equal(wfm_grow((void **)&a, &cap, 16, sizeof *a), 0);
	assert_ptr_equal(a, before);
	assert_int_equal(cap, 16);
	assert_int_equal(wfm_grow((void **)&a, &cap, 0, sizeof *a), 0);
	assert_ptr_equal(a, before);
	assert_int_equal(cap, 16);
	free(a);
}

static void doubles_until_need_fits(void **state)
{
	static const struct {
		size_t cap, need, want;
	} cases[] = {
		{0, 17, 32}, {0, 1000, 1024}, {16, 17, 32}, {16, 33, 64}, {3, 4, 6},
		{3, 13, 24}, {1, 2, 2}, {100, 1000, 1600},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *a = cases[i].cap ? malloc(cases[i].cap) : NULL;
		size_t cap = cases[i].cap;

		assert_int_equal(wfm_grow((void **)&a, &cap, cases[i].need, 1), 0);
		assert_int_equal(cap, cases[i].want);
		a[cap - 1] = 'x'; /* the whole capacity is there (ASan checks) */
		free(a);
	}
}

static void contents_kept_capacity_at_least_need(void **state)
{
	long *a = NULL;
	size_t cap = 0, n, i;

	(void)state;
	for (n = 0; n < 5000; n++) {
		assert_int_equal(wfm_grow((void **)&a, &cap, n + 1, sizeof *a), 0);
		assert_true(cap >= n + 1);
		a[n] = (long)(n * 7 + 3);
	}
	for (i = 0; i < n; i++)
		assert_int_equal(a[i], (long)(i * 7 + 3));
	/* a jump well past the capacity keeps the contents too */
	assert_int_equal(wfm_grow((void **)&a, &cap, 100000, sizeof *a), 0);
	assert_true(cap >= 100000);
	for (i = 0; i < n; i++)
		assert_int_equal(a[i], (long)(i * 7 + 3));
	free(a);
}

static void overflow_refused_array_unchanged(void **state)
{
	int *a = NULL, *before;
	size_t cap = 0, i;

	(void)state;
	assert_int_equal(wfm_grow((void **)&a, &cap, 20, sizeof *a), 0);
	for (i = 0; i < 20; i++)
		a[i] = (int)i;
	before = a;
	/* more elements than PTRDIFF_MAX bytes hold: need * elem would wrap */
	assert_int_equal(wfm_grow((void **)&a, &cap, SIZE_MAX, sizeof *a), -1);
	assert_int_equal(wfm_grow((void **)&a, &cap, SIZE_MAX / sizeof *a + 1, sizeof *a), -1);
	assert_int_equal(wfm_grow((void **)&a, &cap, (size_t)PTRDIFF_MAX / sizeof *a + 1,
				  sizeof *a), -1);
	assert_ptr_equal(a, before);
	assert_int_equal(cap, 32);
	for (i = 0; i < 20; i++)
		assert_int_equal(a[i], (int)i);
	free(a);
}

static void overflow_refused_from_empty(void **state)
{
	char *a = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(wfm_grow((void **)&a, &cap, (size_t)PTRDIFF_MAX + 1, 1), -1);
	assert_null(a);
	assert_int_equal(cap, 0);
	assert_int_equal(wfm_grow((void **)&a, &cap, 2, (size_t)PTRDIFF_MAX), -1);
	assert_null(a);
	assert_int_equal(cap, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_growth_is_16),
		cmocka_unit_test(enough_room_is_a_no_op),
		cmocka_unit_test(doubles_until_need_fits),
		cmocka_unit_test(contents_kept_capacity_at_least_need),
		cmocka_unit_test(overflow_refused_array_unchanged),
		cmocka_unit_test(overflow_refused_from_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
