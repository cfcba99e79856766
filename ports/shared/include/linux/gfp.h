/* SPDX-License-Identifier: MIT */
/* gfp.h - daxcheck's shim for <linux/gfp.h>: the flags, which change nothing here. */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define GFP_NOWAIT	0x4u
#define __GFP_ZERO	0x100u

#endif /* _LINUX_GFP_H */
