/* SPDX-License-Identifier: MIT */
/*
 * cdev.h - daxcheck's shim: nothing of it is needed beyond what device.h has,
 * and what the kernel's cdev.h brings in with it that dax-private.h names
 * (struct inode, struct range) when a file includes it without bus.c's
 * headers before it (drivers/dax/extent.c).
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/range.h>
