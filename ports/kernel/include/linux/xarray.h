/* SPDX-License-Identifier: MIT */
/*
 * xarray.h - daxcheck's shim for <linux/xarray.h>: the few calls the CXL
 * region code makes on a region's extents (xa_init, xa_insert, xa_erase,
 * xa_for_each), over a small array kept sorted by index.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>
#include <linux/gfp.h>

struct xa_slot {
	unsigned long index;
	void *entry;
};

struct xarray {
	struct xa_slot *slots;
	int nr, cap;
};

void xa_init(struct xarray *xa);
void xa_destroy(struct xarray *xa);
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_find(struct xarray *xa, unsigned long *index, bool after);

#ifdef DAXCHECK_KERNEL_FILE	/* fail-nth: named after the kernel caller */
#include <linux/daxcheck-failnth.h>
#define xa_insert(...)	FAILNTH_VIA("xa_insert", xa_insert(__VA_ARGS__))
#endif

/* Every entry in index order; entries may be erased during the walk. */
#define xa_for_each(xa, index, entry)					\
	for (index = 0, entry = xa_find(xa, &(index), false); entry;	\
	     entry = xa_find(xa, &(index), true))

#endif /* _LINUX_XARRAY_H */
