// SPDX-License-Identifier: MIT
/*
 * xarray.c - the xarray calls of include/linux/xarray.h: entries sorted by
 * index in a growing array. xa_insert refuses an index in use (-EBUSY), as
 * the kernel's does. The array is the slab's (krealloc: counted by the
 * ledger, failed by fail-nth) and, as the kernel's nodes, freed when empty.
 */
#include <string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/xarray.h>

/**
 * xa_init - an empty xarray
 * @xa: the xarray
 */
void xa_init(struct xarray *xa)
{
	xa->slots = NULL;
	xa->nr = xa->cap = 0;
}

/**
 * xa_destroy - forget every entry (the entries themselves are the caller's)
 * @xa: the xarray
 */
void xa_destroy(struct xarray *xa)
{
	kfree(xa->slots);
	xa_init(xa);
}

/* The position of the first slot whose index is >= @index. */
static int xa_pos(const struct xarray *xa, unsigned long index)
{
	int i = 0;

	while (i < xa->nr && xa->slots[i].index < index)
		i++;
	return i;
}

/**
 * xa_insert - store @entry at @index if that index is free
 * @xa: the xarray
 * @index: the index
 * @entry: a non-NULL entry
 * @gfp: allocation flags
 *
 * Return: 0, -EBUSY when @index holds an entry, -ENOMEM.
 */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_slot *grown;
	int i = xa_pos(xa, index);

	if (i < xa->nr && xa->slots[i].index == index)
		return -EBUSY;
	if (xa->nr == xa->cap) {
		grown = krealloc(xa->slots, sizeof(*grown) * (xa->cap ? 2 * xa->cap : 8), gfp);
		if (!grown)
			return -ENOMEM;
		xa->slots = grown;
		xa->cap = xa->cap ? 2 * xa->cap : 8;
	}
	memmove(&xa->slots[i + 1], &xa->slots[i], sizeof(*grown) * (xa->nr - i));
	xa->slots[i] = (struct xa_slot) { .index = index, .entry = entry };
	xa->nr++;
	return 0;
}

/**
 * xa_erase - remove the entry at @index
 * @xa: the xarray
 * @index: the index
 *
 * Return: the entry that was there, or NULL.
 */
void *xa_erase(struct xarray *xa, unsigned long index)
{
	int i = xa_pos(xa, index);
	void *entry;

	if (i == xa->nr || xa->slots[i].index != index)
		return NULL;
	entry = xa->slots[i].entry;
	memmove(&xa->slots[i], &xa->slots[i + 1], sizeof(xa->slots[0]) * (xa->nr - i - 1));
	if (--xa->nr == 0)
		xa_destroy(xa);	/* an empty xarray holds no memory, as the kernel's */
	return entry;
}

/**
 * xa_find - the first entry at or (with @after) after *@index
 * @xa: the xarray
 * @index: where to start; set to the entry's index
 * @after: skip *@index itself
 *
 * Return: the entry, or NULL when there is none.
 */
void *xa_find(struct xarray *xa, unsigned long *index, bool after)
{
	int i;

	if (after && *index == ~0UL)
		return NULL;
	i = xa_pos(xa, after ? *index + 1 : *index);
	if (i == xa->nr)
		return NULL;
	*index = xa->slots[i].index;
	return xa->slots[i].entry;
}
