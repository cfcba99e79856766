/* SPDX-License-Identifier: MIT */
/*
 * pgtable.h - daxcheck's shim for the page-table sizes drivers/dax names
 * (dax_align_valid() in dax-private.h): x86-64's 2 MiB PMD and 1 GiB PUD,
 * and transparent huge pages available. They matter only where a build sets
 * CONFIG_TRANSPARENT_HUGEPAGE (the DAX build does, as x86-64 kernels do).
 */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/types.h>
#include <linux/pfn.h>	/* PAGE_SIZE, as the arch pgtable.h brings it */

#define PMD_SHIFT	21
#define PUD_SHIFT	30
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PUD_SIZE	(1UL << PUD_SHIFT)

static inline bool has_transparent_hugepage(void)
{
	return true;
}

#endif /* _LINUX_PGTABLE_H */
