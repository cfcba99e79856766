// SPDX-License-Identifier: MIT
/*
 * harness.c - what the kernel harness checks around each protocol request:
 * every lock the kernel code took is released again, and no request runs
 * for ever. A lock still held means the call returned without unlocking,
 * which the next call would deadlock on; a request still running after
 * WATCHDOG_CPU_MS of CPU time is an endless loop in kernel code (a request
 * takes microseconds: a quarter second is thousands of times that, and a
 * shrink try that loops costs no more than it must). Either
 * way the process aborts with a line naming the request (a crash
 * counterexample at the request that did it), the loop with its stack.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include "driver.h"
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#define WATCHDOG_CPU_MS		250
/* the watchdog's period: a request is stopped after 250 to 300 ms of CPU time */
#define WATCHDOG_TICK_MS	50

/* the request running (its tokens live in the input buffer until it is answered) */
static int watched_argc;
static char **watched_argv;
static volatile sig_atomic_t watching;
static volatile sig_atomic_t ticks;

static void watchdog_tick(int sig)
{
	char text[96];
	size_t len = 0;
	int i;

	(void)sig;
	if (!watching || ++ticks * WATCHDOG_TICK_MS <= WATCHDOG_CPU_MS)
		return;
	text[0] = '\0';
	for (i = 0; i < watched_argc && len + 1 < sizeof(text); i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s", i ? " " : "", watched_argv[i]);
#if defined(__SANITIZE_ADDRESS__)
	__sanitizer_print_stack_trace();
#endif
	fprintf(stderr, "SUMMARY: daxcheck kernel harness: '%s' still running after %d ms of CPU time (an endless loop in kernel code)\n",
		text, WATCHDOG_CPU_MS);
	out_flush();	/* the answers before this request, so that the client blames it */
	abort();
}

/*
 * One periodic CPU-time timer for the whole process, started with the first
 * request: a request costs no system call (a timer armed and disarmed per
 * request was two setitimer and one sigaction calls, most of the harness's
 * system time).
 */
static void watchdog_start(void)
{
	static const struct itimerval period = {
		.it_interval = { .tv_usec = WATCHDOG_TICK_MS * 1000 },
		.it_value = { .tv_usec = WATCHDOG_TICK_MS * 1000 },
	};
	struct sigaction sa = { .sa_handler = watchdog_tick, .sa_flags = SA_RESTART };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGVTALRM, &sa, NULL);
	setitimer(ITIMER_VIRTUAL, &period, NULL);
}

/**
 * request_watch - start watching a request about to run
 * @argc: number of tokens
 * @argv: the request's tokens (valid until request_done)
 *
 * CPU time (ITIMER_VIRTUAL), not wall time: a loaded machine never fires it.
 * The request is stopped once WATCHDOG_CPU_MS of CPU time passed in it (the
 * ticks counted while it runs, the first one possibly early: 250 to 300 ms).
 */
void request_watch(int argc, char **argv)
{
	static bool started;

	if (!started) {
		watchdog_start();
		started = true;
	}
	watched_argc = argc;
	watched_argv = argv;
	ticks = 0;
	watching = 1;
}

/*
 * fail-nth's WARN oracle (docs/fail-nth.md): a WARN during a request whose armed
 * allocation failed aborts, naming the site: any user can make an allocation fail.
 */
static void warn_check(void)
{
	static unsigned long warns_seen;
	char text[128];

	if (!failnth_failed() || warn_count == warns_seen) {
		warns_seen = warn_count;
		return;
	}
	failnth_answer(text, sizeof(text));	/* "allocs SITE ...": the failed site first */
	fprintf(stderr, "SUMMARY: daxcheck kernel harness: WARN after the injected allocation failure at %.*s: %s",
		(int)strcspn(text + 7, " "), text + 7, printk_last());
	out_flush();	/* the answers before, so that the client blames this request */
	abort();
}

/**
 * request_done - check that no lock is held after a request, and no WARN came
 * after an injected allocation failure; stop its watchdog
 * @op: the request just answered (its first token)
 */
void request_done(const char *op)
{
	watching = 0;
	warn_check();
	if (lock_depth == 0)
		return;
	fprintf(stderr, "daxcheck lock check: %s returned with %ld lock(s) held\n",
		op, lock_depth);
	abort();
}
