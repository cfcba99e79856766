// SPDX-License-Identifier: MIT
/*
 * dax-core.c - the dax core (drivers/dax/super.c) as bus.c calls it:
 * a dax_device is an inode and an alive flag; nothing maps memory.
 */
#include <linux/dax.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

struct dax_device {
	struct inode inode;
	void *private;
	bool alive;
};

/**
 * alloc_dax - a new dax_device
 * @private: its owner
 * @ops: its operations (unused)
 *
 * Return: the device, or ERR_PTR(-ENOMEM).
 */
struct dax_device *alloc_dax(void *private, const struct dax_operations *ops)
{
	struct dax_device *dax_dev = kzalloc(sizeof(*dax_dev), GFP_KERNEL);

	(void)ops;
	if (!dax_dev)
		return ERR_PTR(-ENOMEM);
	dax_dev->private = private;
	dax_dev->alive = true;
	return dax_dev;
}

/**
 * put_dax - free a dax_device
 * @dax_dev: the device, or NULL
 */
void put_dax(struct dax_device *dax_dev)
{
	kfree(dax_dev);
}

/**
 * kill_dax - mark a dax_device dead
 * @dax_dev: the device, or NULL
 */
void kill_dax(struct dax_device *dax_dev)
{
	if (dax_dev)
		dax_dev->alive = false;
}

/**
 * run_dax - mark a dax_device alive
 * @dax_dev: the device
 */
void run_dax(struct dax_device *dax_dev)
{
	dax_dev->alive = true;
}

/**
 * set_dax_synchronous - a flag of no consequence here
 * @dax_dev: the device
 */
void set_dax_synchronous(struct dax_device *dax_dev)
{
	(void)dax_dev;
}

/**
 * set_dax_nocache - a flag of no consequence here
 * @dax_dev: the device
 */
void set_dax_nocache(struct dax_device *dax_dev)
{
	(void)dax_dev;
}

/**
 * set_dax_nomc - a flag of no consequence here
 * @dax_dev: the device
 */
void set_dax_nomc(struct dax_device *dax_dev)
{
	(void)dax_dev;
}

/**
 * dax_inode - the inode of a dax_device
 * @dax_dev: the device
 *
 * Return: its inode.
 */
struct inode *dax_inode(struct dax_device *dax_dev)
{
	return &dax_dev->inode;
}
