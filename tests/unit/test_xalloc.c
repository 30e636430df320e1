/* Unit tests for the allocation helpers' size arithmetic: sums, products and growth at the SIZE_MAX boundary, and the abort with a message when a size does not fit. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* 2^(half the bits of size_t): its square is one past SIZE_MAX. */
#define HALF_BITS ((size_t)1 << (sizeof(size_t) * 4))

static void test_add_at_the_boundary(void **state)
{
	(void)state;
	size_t sum = 7;
	assert_true(size_add_fits(0, 0, &sum));
	assert_int_equal(sum, 0);
	assert_true(size_add_fits(SIZE_MAX, 0, &sum));
	assert_true(sum == SIZE_MAX);
	assert_true(size_add_fits(0, SIZE_MAX, &sum));
	assert_true(sum == SIZE_MAX);
	assert_true(size_add_fits(SIZE_MAX - 1, 1, &sum));
	assert_true(sum == SIZE_MAX);
	assert_true(size_add_fits(SIZE_MAX / 2 + 1, SIZE_MAX / 2, &sum));
	assert_true(sum == SIZE_MAX);

	sum = 7;
	assert_false(size_add_fits(SIZE_MAX, 1, &sum));
	assert_false(size_add_fits(1, SIZE_MAX, &sum));
	assert_false(size_add_fits(SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 1, &sum));
	assert_false(size_add_fits(SIZE_MAX, SIZE_MAX, &sum));
	assert_int_equal(sum, 7); /* an overflow stores nothing */

	assert_true(xsize_add(SIZE_MAX - 5, 5) == SIZE_MAX);
	assert_int_equal(xsize_add(2, 3), 5);
}

static void test_multiply_at_the_boundary(void **state)
{
	(void)state;
	size_t product = 7;
	assert_true(size_mul_fits(0, SIZE_MAX, &product));
	assert_int_equal(product, 0);
	assert_true(size_mul_fits(SIZE_MAX, 0, &product));
	assert_int_equal(product, 0);
	assert_true(size_mul_fits(SIZE_MAX, 1, &product));
	assert_true(product == SIZE_MAX);
	assert_true(size_mul_fits(SIZE_MAX / 2, 2, &product));
	assert_true(product == SIZE_MAX - 1);
	assert_true(size_mul_fits(HALF_BITS - 1, HALF_BITS + 1, &product)); /* 2^n - 1 */
	assert_true(product == SIZE_MAX);
	assert_true(size_mul_fits(SIZE_MAX / 3, 3, &product));
	assert_true(product == SIZE_MAX);

	product = 7;
	assert_false(size_mul_fits(SIZE_MAX / 2 + 1, 2, &product));
	assert_false(size_mul_fits(2, SIZE_MAX / 2 + 1, &product));
	assert_false(size_mul_fits(HALF_BITS, HALF_BITS, &product));
	assert_false(size_mul_fits(SIZE_MAX / 3 + 1, 3, &product));
	assert_false(size_mul_fits(SIZE_MAX, SIZE_MAX, &product));
	assert_int_equal(product, 7);
}

/* grow_capacity_fits (CAP, NEED, SIZE) gives WANT. */
static void expect_capacity(size_t cap, size_t need, size_t size, size_t want)
{
	size_t got = 0;
	assert_true(grow_capacity_fits(cap, need, size, &got));
	assert_true(got == want);
	size_t bytes;
	assert_true(got >= need);
	assert_true(size_mul_fits(got, size, &bytes));
}

static void test_growth_doubles(void **state)
{
	(void)state;
	expect_capacity(0, 1, 8, 4);
	expect_capacity(0, 4, 8, 4);
	expect_capacity(0, 5, 8, 8);
	expect_capacity(4, 5, 8, 8);
	expect_capacity(4, 100, 8, 128);
	expect_capacity(8, 8, 8, 8);    /* room already */
	expect_capacity(100, 3, 8, 100);
	expect_capacity(3, 4, 1, 6);
}

static void test_growth_at_the_boundary(void **state)
{
	(void)state;
	/* bytes: doubling up to the largest count that fits, then exactly what is needed */
	expect_capacity(SIZE_MAX / 4, SIZE_MAX / 4 + 1, 1, SIZE_MAX / 4 * 2);
	expect_capacity(SIZE_MAX / 2, SIZE_MAX / 2 + 1, 1, SIZE_MAX / 2 * 2);
	expect_capacity(SIZE_MAX / 2 + 1, SIZE_MAX / 2 + 2, 1, SIZE_MAX / 2 + 2);
	expect_capacity(SIZE_MAX - 1, SIZE_MAX, 1, SIZE_MAX);
	expect_capacity(4, SIZE_MAX, 1, SIZE_MAX);

	/* items of 16 bytes: at most SIZE_MAX / 16 of them */
	const size_t most = SIZE_MAX / 16;
	expect_capacity(most / 2, most / 2 + 1, 16, most / 2 * 2);
	expect_capacity(most / 2 + 1, most / 2 + 2, 16, most / 2 + 2);
	expect_capacity(4, most, 16, most);
	expect_capacity(most - 1, most, 16, most);

	/* items so big that not even the first 4 fit */
	expect_capacity(0, 1, SIZE_MAX / 2 + 1, 1);
	expect_capacity(0, 3, SIZE_MAX / 3, 3);

	size_t got = 7;
	assert_false(grow_capacity_fits(0, most + 1, 16, &got));
	assert_false(grow_capacity_fits(most, most + 1, 16, &got));
	assert_false(grow_capacity_fits(4, SIZE_MAX, 2, &got));
	assert_false(grow_capacity_fits(0, 2, SIZE_MAX / 2 + 1, &got));
	assert_false(grow_capacity_fits(0, HALF_BITS, HALF_BITS, &got));
	assert_int_equal(got, 7);
}

static void test_xgrow_keeps_the_items(void **state)
{
	(void)state;
	int *items = NULL;
	size_t cap = 0;
	for (int i = 0; i < 1000; i++) {
		xgrow((void **)&items, &cap, (size_t)i + 1, sizeof *items);
		assert_true(cap >= (size_t)i + 1);
		items[i] = i * 3;
	}
	assert_int_equal(cap, 1024);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(items[i], i * 3);
	free(items);
}

/* What an allocation that must abort is given. */
struct too_big {
	size_t count;
	size_t size;
};

/* Runs ACTION(ARG) in a child process: NULL when it aborts with the
 * out-of-memory message holding WANT on stderr, else what it did instead
 * (in PROBLEM, of SIZE bytes). */
static const char *abort_problem(void (*action)(const struct too_big *), const struct too_big *arg, const char *want,
				 char *problem, size_t size)
{
	int pipe_fds[2];
	if (pipe(pipe_fds) != 0)
		return "pipe failed";
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };
		(void)setrlimit(RLIMIT_CORE, &no_core);
		close(pipe_fds[0]);
		dup2(pipe_fds[1], STDERR_FILENO);
		action(arg);
		_exit(0); /* it returned: the parent sees exit 0, not an abort */
	}
	close(pipe_fds[1]);
	char message[512];
	size_t len = 0;
	ssize_t n;
	while (len < sizeof message - 1 && (n = read(pipe_fds[0], message + len, sizeof message - 1 - len)) > 0)
		len += (size_t)n;
	message[len] = '\0';
	close(pipe_fds[0]);
	int status = 0;
	if (waitpid(pid, &status, 0) != pid)
		return "waitpid failed";
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
		snprintf(problem, size, "expected an abort, got status %d; stderr: %s", status, message);
	else if (!strstr(message, "cjm: out of memory (") || !strstr(message, want))
		snprintf(problem, size, "expected the out-of-memory message with \"%s\", got: %s", want, message);
	else
		return NULL;
	return problem;
}

/* ACTION(ARG) aborts with the out-of-memory message holding WANT. */
static void expect_abort(void (*action)(const struct too_big *), const struct too_big *arg, const char *want)
{
	char problem[1024];
	const char *got = abort_problem(action, arg, want, problem, sizeof problem);
	if (got)
		fail_msg("%s", got);
}

static void grow_too_big(const struct too_big *arg)
{
	char *items = NULL;
	size_t cap = 0;
	xgrow((void **)&items, &cap, arg->count, arg->size);
	free(items);
}

static void calloc_too_big(const struct too_big *arg)
{
	free(xcalloc(arg->count, arg->size));
}

static void strbuf_add_too_long(const struct too_big *arg)
{
	strbuf buf = { 0 };
	strbuf_puts(&buf, "abc");
	strbuf_add(&buf, "x", arg->count); /* aborts before reading past "x" */
	strbuf_release(&buf);
}

static void strbuf_reserve_too_much(const struct too_big *arg)
{
	strbuf buf = { 0 };
	strbuf_puts(&buf, "abc");
	strbuf_reserve(&buf, arg->count);
	strbuf_release(&buf);
}

static void strndup_too_long(const struct too_big *arg)
{
	free(xstrndup("x", arg->count));
}

static void test_overflow_aborts_with_a_message(void **state)
{
	(void)state;
	char want[128];
	struct too_big arg = { SIZE_MAX / 8 + 1, 8 };
	snprintf(want, sizeof want, "(%zu items of 8 bytes overflow size_t)", arg.count);
	expect_abort(grow_too_big, &arg, want);

	arg = (struct too_big){ HALF_BITS, HALF_BITS };
	snprintf(want, sizeof want, "(%zu items of %zu bytes overflow size_t)", arg.count, arg.size);
	expect_abort(calloc_too_big, &arg, want);

	arg = (struct too_big){ SIZE_MAX, 1 };
	snprintf(want, sizeof want, "(%zu + 1 bytes overflow size_t)", arg.count);
	expect_abort(strbuf_add_too_long, &arg, want);
	expect_abort(strbuf_reserve_too_much, &arg, want);
	expect_abort(strndup_too_long, &arg, want);

	arg = (struct too_big){ SIZE_MAX - 3, 1 }; /* len 3 + (SIZE_MAX - 3 + 1) */
	snprintf(want, sizeof want, "(3 + %zu bytes overflow size_t)", SIZE_MAX - 2);
	expect_abort(strbuf_add_too_long, &arg, want);
}

/* The abort check itself: a helper that returns, or aborts with another
 * message, is caught. */
static void returns_normally(const struct too_big *arg)
{
	(void)arg;
}

static void aborts_quietly(const struct too_big *arg)
{
	(void)arg;
	abort();
}

static void test_abort_check_can_fail(void **state)
{
	(void)state;
	char problem[1024];
	const struct too_big arg = { 1, 1 };
	assert_non_null(abort_problem(returns_normally, &arg, "overflow", problem, sizeof problem));
	assert_non_null(strstr(problem, "expected an abort, got status 0"));
	assert_non_null(abort_problem(aborts_quietly, &arg, "overflow", problem, sizeof problem));
	assert_non_null(strstr(problem, "expected the out-of-memory message"));
	const struct too_big huge = { SIZE_MAX, 1 };
	assert_non_null(abort_problem(strndup_too_long, &huge, "not what it says", problem, sizeof problem));
	assert_null(abort_problem(strndup_too_long, &huge, "overflow size_t", problem, sizeof problem));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_at_the_boundary),
		cmocka_unit_test(test_multiply_at_the_boundary),
		cmocka_unit_test(test_growth_doubles),
		cmocka_unit_test(test_growth_at_the_boundary),
		cmocka_unit_test(test_xgrow_keeps_the_items),
		cmocka_unit_test(test_overflow_aborts_with_a_message),
		cmocka_unit_test(test_abort_check_can_fail),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
