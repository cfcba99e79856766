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

#endif /* DAXCHECK_COMPAT_H */
