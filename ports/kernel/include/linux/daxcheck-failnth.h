/* SPDX-License-Identifier: MIT */
/*
 * daxcheck-failnth.h - not a kernel header: how the kernel harness names an
 * allocation that a shim makes on behalf of kernel code (docs/fail-nth.md).
 * In a kernel file (built with -DDAXCHECK_KERNEL_FILE), a call of a shim that
 * allocates (dev_set_name, devres_alloc, ida_alloc, xa_insert, ...) is wrapped in
 * FAILNTH_VIA, so that the shim's allocations are counted, and can be failed, as
 * "the kernel function:the shim" (devm_create_dev_dax:dev_set_name). The harness's
 * own driver calls the shims unwrapped: its allocations are neither counted nor
 * failed.
 */
#ifndef _DAXCHECK_FAILNTH_H
#define _DAXCHECK_FAILNTH_H

void failnth_via_enter(const char *func, const char *shim);
void failnth_via_leave(void);

#define FAILNTH_VIA(shim, call) ({					\
	failnth_via_enter(__func__, shim);				\
	__auto_type __failnth_ret = (call);				\
	failnth_via_leave();						\
	__failnth_ret;							\
})

#endif /* _DAXCHECK_FAILNTH_H */
