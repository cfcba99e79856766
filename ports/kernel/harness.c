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

static char watched[96];

static void watchdog_fired(int sig)
{
	(void)sig;
#if defined(__SANITIZE_ADDRESS__)
	__sanitizer_print_stack_trace();
#endif
	fprintf(stderr, "SUMMARY: daxcheck kernel harness: '%s' still running after %d ms of CPU time (an endless loop in kernel code)\n",
		watched, WATCHDOG_CPU_MS);
	out_flush();	/* the answers before this request, so that the client blames it */
	abort();
}

/**
 * request_watch - start the watchdog for a request about to run
 * @argc: number of tokens
 * @argv: the request's tokens
 *
 * CPU time (ITIMER_VIRTUAL), not wall time: a loaded machine never fires it.
 */
void request_watch(int argc, char **argv)
{
	struct itimerval limit = {
		.it_value = { .tv_usec = WATCHDOG_CPU_MS * 1000 },
	};
	size_t len = 0;
	int i;

	watched[0] = '\0';
	for (i = 0; i < argc && len + 1 < sizeof(watched); i++)
		len += (size_t)snprintf(watched + len, sizeof(watched) - len, "%s%s", i ? " " : "", argv[i]);
	signal(SIGVTALRM, watchdog_fired);
	setitimer(ITIMER_VIRTUAL, &limit, NULL);
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
	static const struct itimerval off;

	setitimer(ITIMER_VIRTUAL, &off, NULL);
	warn_check();
	if (lock_depth == 0)
		return;
	fprintf(stderr, "daxcheck lock check: %s returned with %ld lock(s) held\n",
		op, lock_depth);
	abort();
}
