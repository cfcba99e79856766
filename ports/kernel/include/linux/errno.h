/* SPDX-License-Identifier: MIT */
/*
 * errno.h - daxcheck's shim for <linux/errno.h>: the C library's values. The C
 * library's own <errno.h> includes <linux/errno.h> too, and finds this file:
 * so it must define the values itself, from the system's <asm/errno.h>.
 */
#ifndef _DAXCHECK_LINUX_ERRNO_H
#define _DAXCHECK_LINUX_ERRNO_H

#include <asm/errno.h>

#define ENOTSUPP	524

#endif /* _DAXCHECK_LINUX_ERRNO_H */
