/* SPDX-License-Identifier: MIT */
/* sysfs.h - daxcheck's shim for <linux/sysfs.h>: sysfs_emit (v5.10+) into a show buffer. */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/compiler.h>

int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);

#endif /* _LINUX_SYSFS_H */
