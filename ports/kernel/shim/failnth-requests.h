/* SPDX-License-Identifier: MIT */
/*
 * failnth-requests.h - fail-nth in the kernel harness (failnth-requests.c): what
 * the slab shim asks for every allocation.
 */
#ifndef DAXCHECK_FAILNTH_REQUESTS_H
#define DAXCHECK_FAILNTH_REQUESTS_H

#include <linux/types.h>

bool failnth_should_fail(const char *caller, const char *what);
void failnth_site_of(const char **func, const char **object);
void failnth_object(const char *what, char *out, size_t cap);

/* ledger.c: where the live allocations were made (slab.c tells it). */
void ledger_add(const void *p, const char *caller, const char *what);
void ledger_del(const void *p);

#endif /* DAXCHECK_FAILNTH_REQUESTS_H */
