/* SPDX-License-Identifier: MIT */
/*
 * dax.h - daxcheck's shim for <linux/dax.h>: the dax core (drivers/dax/super.c)
 * as bus.c calls it. A dax_device is a small object with an inode; nothing
 * maps memory.
 */
#ifndef _LINUX_DAX_H
#define _LINUX_DAX_H

#include <linux/fs.h>

struct dax_device;
struct dax_operations;

struct dax_device *alloc_dax(void *private, const struct dax_operations *ops);
void put_dax(struct dax_device *dax_dev);
void kill_dax(struct dax_device *dax_dev);
void run_dax(struct dax_device *dax_dev);
void set_dax_synchronous(struct dax_device *dax_dev);
void set_dax_nocache(struct dax_device *dax_dev);
void set_dax_nomc(struct dax_device *dax_dev);
struct inode *dax_inode(struct dax_device *dax_dev);

#ifdef DAXCHECK_KERNEL_FILE	/* fail-nth: named after the kernel caller */
#include <linux/daxcheck-failnth.h>
#define alloc_dax(...)	FAILNTH_VIA("alloc_dax", alloc_dax(__VA_ARGS__))
#endif

#endif /* _LINUX_DAX_H */
