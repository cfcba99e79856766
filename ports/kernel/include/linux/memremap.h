/* SPDX-License-Identifier: MIT */
/* memremap.h - daxcheck's shim for <linux/memremap.h>: the pagemap bus.c copies. */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <linux/range.h>
#include <linux/pfn.h>

struct dev_pagemap {
	int nr_range;
	struct range range;
};

static inline unsigned long memremap_compat_align(void)
{
	return PAGE_SIZE;
}

#endif /* _LINUX_MEMREMAP_H */
