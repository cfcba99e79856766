/* SPDX-License-Identifier: MIT */
/*
 * platform_device.h - daxcheck's shim for <linux/platform_device.h>: the
 * structure a tree's drivers/dax/bus.h embeds (v7.x's hmem_platform_device).
 * The harness registers no platform device: its region devices are plain
 * devices (driver-dax.c).
 */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
};

#endif /* _LINUX_PLATFORM_DEVICE_H */
