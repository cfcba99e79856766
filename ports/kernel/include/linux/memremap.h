/* SPDX-License-Identifier: MIT */
/* memremap.h - daxcheck's shim for <linux/memremap.h>: the pagemap bus.c copies. */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <linux/range.h>
#include <linux/pfn.h>
#include <linux/pgtable.h>
#include <linux/memory_hotplug.h>

/* One memory subsection: 2 MiB on x86-64 (SUBSECTION_SHIFT 21). */
#define SUBSECTION_SIZE	(1UL << 21)

struct dev_pagemap {
	int nr_range;
	struct range range;
};

/*
 * memremap_compat_align - the smallest alignment a device-dax range may have:
 * mm/memremap.c's generic version (every architecture but powerpc) answers
 * one subsection, 2 MiB. (bus.c's alloc_is_aligned() takes max(align, this):
 * the effective alignment of docs/SPECIFICATION.md §3.1.)
 */
static inline unsigned long memremap_compat_align(void)
{
	return SUBSECTION_SIZE;
}

#endif /* _LINUX_MEMREMAP_H */
