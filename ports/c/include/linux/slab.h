/* SPDX-License-Identifier: MIT */
/*
 * slab.h - the C port's <linux/slab.h>: compat.h has it. resource.c includes the
 * kernel's header names, so that it also builds against the kernel harness's
 * shims as if it were kernel/resource.c (ports/kernel/).
 */
#include "../../compat.h"
