/* SPDX-License-Identifier: MIT */
/*
 * attr.h - the kernel harness's sysfs file access (driver-dax.c): a request
 * that is a file write or read in the kernel calls the attribute's own store
 * or show, found by name. Shared by the DAX drivers (driver-dax.c,
 * driver-v10*.c).
 */
#ifndef DAXCHECK_ATTR_H
#define DAXCHECK_ATTR_H

#include <linux/device.h>

int attr_store(struct device *dev, const char *name, const char *text);
void attr_show(struct device *dev, const char *name, char *buf);

#endif /* DAXCHECK_ATTR_H */
