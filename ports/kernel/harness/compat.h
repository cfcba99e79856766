/* SPDX-License-Identifier: MIT */
/*
 * compat.h - the kernel harness's stand-in for ports/c/compat.h, which the
 * shared protocol driver (ports/shared: driver.c, driver-tree.c) includes when
 * it is built against a kernel tree: the kernel facilities come from the shims.
 */
#ifndef DAXCHECK_COMPAT_H
#define DAXCHECK_COMPAT_H

#include <errno.h>
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/slab.h>

/*
 * The allocation ledger (kmem_live, ports/shared/slab.c: PROTOCOL.md "Leaks") and
 * fail-nth (ports/shared/failnth.c: the failNth and allocations requests), as the
 * C port has them: the driver announces `leaks` and `failnth`. A leak's text
 * names the sites of what was left (shim/ledger.c).
 */
#define DAXCHECK_LEDGER 1
#define DAXCHECK_FAILNTH 1
const char *ledger_take_where(void);
#define LEDGER_WHERE()	ledger_take_where()
void ledger_reported(void);
#define LEDGER_REPORTED()	ledger_reported()

#endif /* DAXCHECK_COMPAT_H */
