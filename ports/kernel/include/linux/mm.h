/* SPDX-License-Identifier: MIT */
/*
 * mm.h - daxcheck's shim for <linux/mm.h>: every object is a slab object (so
 * free_resource() kfree()s it), and /dev/mem allows nothing.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/pfn.h>
#include <linux/slab.h>

struct page;

enum {
	REGION_INTERSECTS,
	REGION_DISJOINT,
	REGION_MIXED,
};

static inline struct page *virt_to_head_page(const void *x)
{
	return (struct page *)x;
}

static inline bool PageSlab(const struct page *page)
{
	(void)page;
	return true;
}

static inline int devmem_is_allowed(unsigned long pfn)
{
	(void)pfn;
	return 0;
}

#endif /* _LINUX_MM_H */
