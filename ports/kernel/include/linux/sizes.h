/* SPDX-License-Identifier: MIT */
/* sizes.h - daxcheck's shim for <linux/sizes.h>. */
#ifndef _LINUX_SIZES_H
#define _LINUX_SIZES_H

#define SZ_4K		0x00001000
#define SZ_2M		0x00200000
#define SZ_1G		0x40000000
#define SZ_4G		0x100000000ULL

#endif /* _LINUX_SIZES_H */
