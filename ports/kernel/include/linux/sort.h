/* SPDX-License-Identifier: MIT */
/*
 * sort.h - daxcheck's shim for <linux/sort.h>: sort() with the kernel's
 * arguments (a swap function the harness never needs: NULL), over libc's
 * qsort(). The kernel's is a heapsort and not stable either; callers that
 * need an order tell equal elements apart themselves.
 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <stdlib.h>
#include <linux/types.h>

static inline void sort(void *base, size_t num, size_t size,
			int (*cmp)(const void *, const void *),
			void (*swap)(void *, void *, int))
{
	(void)swap;
	qsort(base, num, size, cmp);
}

#endif /* _LINUX_SORT_H */
