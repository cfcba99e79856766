/* SPDX-License-Identifier: MIT */
/*
 * minmax.h - daxcheck's shim for <linux/minmax.h>: min/max evaluate each
 * argument once; no compile-time type checks (gcc's own warnings remain).
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#define min(a, b)	({ typeof(a) __a = (a); typeof(b) __b = (b); __a < __b ? __a : __b; })
#define max(a, b)	({ typeof(a) __a = (a); typeof(b) __b = (b); __a > __b ? __a : __b; })
#define min_t(type, a, b)	({ type __a = (a); type __b = (b); __a < __b ? __a : __b; })
#define max_t(type, a, b)	({ type __a = (a); type __b = (b); __a > __b ? __a : __b; })
#define clamp(v, lo, hi)	min(max(v, lo), hi)
/* in_range(val, start, len): start <= val < start + len, without overflow (v6.6+). */
#define in_range(val, start, len)	((u64)(val) - (u64)(start) < (u64)(len))

#endif /* _LINUX_MINMAX_H */
