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

#endif /* DAXCHECK_COMPAT_H */
