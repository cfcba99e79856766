/* SPDX-License-Identifier: MIT */
/*
 * types.h - daxcheck's user-space shim for <linux/types.h>: the kernel's
 * fixed-width types on an LP64 machine (u64 is unsigned long long, as in the
 * kernel, so that "%llx" fits it), and the list and atomic types.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef u64 resource_size_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;
typedef unsigned long pgoff_t;
typedef unsigned short umode_t;

struct list_head {
	struct list_head *next, *prev;
};

typedef struct {
	int counter;
} atomic_t;

#endif /* _LINUX_TYPES_H */
