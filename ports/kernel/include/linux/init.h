/* SPDX-License-Identifier: MIT */
/*
 * init.h - daxcheck's shim for <linux/init.h>: initcalls and boot options are
 * kept as unused references (nothing boots; a harness calls what it needs).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __initcall(fn)	\
	static int (*__initcall_##fn)(void) __maybe_unused = fn
#define fs_initcall(fn)		__initcall(fn)
#define subsys_initcall(fn)	__initcall(fn)
#define module_init(fn)		__initcall(fn)
#define module_exit(fn)	\
	static void (*__exitcall_##fn)(void) __maybe_unused = fn
#define __setup(str, fn)	\
	static int (*__setup_##fn)(char *) __maybe_unused = fn

#endif /* _LINUX_INIT_H */
