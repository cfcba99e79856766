// SPDX-License-Identifier: MIT
/*
 * dax-core.c - the dax core (drivers/dax/super.c) as bus.c calls it, and the
 * ida: a dax_device is an inode and an alive flag; nothing maps memory.
 */
#include <linux/dax.h>
#include <linux/kernel.h>
#include <linux/idr.h>
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

/**
 * ida_alloc - the lowest unused id
 * @ida: the allocator
 * @gfp: allocation flags
 *
 * Return: the id, or -ENOMEM.
 */
int ida_alloc(struct ida *ida, gfp_t gfp)
{
	unsigned int id;

	for (id = 0; id < ida->size; id++)
		if (!ida->used[id])
			break;
	if (id == ida->size) {
		unsigned int size = ida->size ? 2 * ida->size : 16;
		unsigned char *used = krealloc(ida->used, size, gfp);

		if (!used)
			return -ENOMEM;
		memset(used + ida->size, 0, size - ida->size);
		ida->used = used;
		ida->size = size;
	}
	ida->used[id] = 1;
	return (int)id;
}

/**
 * ida_free - give an id back; the last one frees the memory
 * @ida: the allocator
 * @id: an id from ida_alloc()
 */
void ida_free(struct ida *ida, unsigned int id)
{
	unsigned int i;

	if (WARN_ON(id >= ida->size || !ida->used[id]))
		return;
	ida->used[id] = 0;
	for (i = 0; i < ida->size; i++)
		if (ida->used[i])
			return;
	ida_destroy(ida);	/* an empty ida holds no memory, as the kernel's */
}

/**
 * ida_destroy - free the allocator's memory
 * @ida: the allocator
 */
void ida_destroy(struct ida *ida)
{
	kfree(ida->used);
	ida->used = NULL;
	ida->size = 0;
}
