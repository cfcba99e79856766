/* SPDX-License-Identifier: MIT */
/*
 * types.h - the C port's <linux/types.h>: the fixed-width types its code and
 * the shared shims (ports/shared) use. resource.c includes the kernel's
 * header names, so that it also builds against the kernel harness's shims as
 * if it were kernel/resource.c (ports/kernel/).
 */
#ifndef DAXCHECK_C_TYPES_H
#define DAXCHECK_C_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;

#endif /* DAXCHECK_C_TYPES_H */
