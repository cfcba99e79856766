/* SPDX-License-Identifier: MIT */
/*
 * compat.h - the kernel harness's stand-in for ports/c/compat.h, copied beside
 * the C port's protocol driver (driver.c, driver-tree.c) when they are built
 * against a kernel tree: the kernel facilities come from the shims, and the
 * driver's few extras are declared here.
 */
#ifndef DAXCHECK_COMPAT_H
#define DAXCHECK_COMPAT_H

#include <errno.h>
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/slab.h>

extern bool compat_verbose;

/*
 * The allocation ledger (kmem_live, shim/slab.c: PROTOCOL.md "Leaks") and
 * fail-nth (shim/failnth-requests.c: the failNth and allocations requests), as
 * the C port has them: the driver announces `leaks` and `failnth`.
 */
#define DAXCHECK_LEDGER 1
#define DAXCHECK_FAILNTH 1
int failnth_arm(long n);
void failnth_begin(void);
void failnth_end(void);
void failnth_answer(char *buf, size_t cap);
bool failnth_failed(void);
/* A leak's text names the sites of what was left (shim/ledger.c). */
const char *ledger_take_where(void);
#define LEDGER_WHERE()	ledger_take_where()

#endif /* DAXCHECK_COMPAT_H */
