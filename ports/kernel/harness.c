// SPDX-License-Identifier: MIT
/*
 * harness.c - what the kernel harness checks between two protocol requests:
 * every lock the kernel code took is released again. A lock still held means
 * the call returned without unlocking, which the next call would deadlock
 * on: the process aborts with a line naming the request (a crash
 * counterexample).
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/spinlock.h>
#include "driver.h"

bool compat_verbose;

/**
 * request_done - check that no lock is held after a request
 * @op: the request just answered (its first token)
 */
void request_done(const char *op)
{
	if (lock_depth == 0)
		return;
	fprintf(stderr, "daxcheck lock check: %s returned with %ld lock(s) held\n",
		op, lock_depth);
	abort();
}
