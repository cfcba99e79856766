// SPDX-License-Identifier: MIT
/*
 * ida.c - the ida of <linux/idr.h> for the C port and the kernel harness: the
 * lowest free id, a byte per id. Its bitmap is allocated through the slab
 * shim (the site "ida_alloc:used"), and an ida whose last id is freed holds
 * no memory, as the kernel's. Freeing an id that is not allocated warns, as
 * the kernel's ida_free() does.
 */
#include <string.h>
#include <linux/errno.h>
#include <linux/idr.h>
#include <linux/printk.h>
#include <linux/slab.h>

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
 * ida_free - give an id back; the last one frees the memory, as the kernel's
 * @ida: the allocator
 * @id: an id from ida_alloc()
 */
void ida_free(struct ida *ida, unsigned int id)
{
	unsigned int i;

	if (id >= ida->size || !ida->used[id]) {
		printk(KERN_WARNING "ida_free called for id=%u which is not allocated.\n", id);
		return;
	}
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
