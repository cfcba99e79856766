/* SPDX-License-Identifier: MIT */
/* io.h - daxcheck's shim for <asm/io.h>: x86's port space limit. */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#define IO_SPACE_LIMIT	0xffff

#endif /* _ASM_IO_H */
