/* SPDX-License-Identifier: MIT */
/*
 * compiler.h - daxcheck's shim for <linux/compiler.h> and the attribute
 * macros of <linux/compiler_types.h>: sparse annotations vanish, section
 * attributes vanish, barriers are compiler barriers (one thread).
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __init
#define __initdata
#define __exit
#define __iomem
#define __user
#define __rcu
#define __force
#define __must_check		__attribute__((__warn_unused_result__))
#undef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __weak			__attribute__((__weak__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cold
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __free(f)		__attribute__((__cleanup__(__free_##f)))
#define noinline		__attribute__((__noinline__))
#define fallthrough		__attribute__((__fallthrough__))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define barrier()		__asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile typeof(x) *)&(x) = (val))
#define smp_load_acquire(p)	READ_ONCE(*(p))
#define smp_store_release(p, v)	WRITE_ONCE(*(p), (v))
#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)
#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))
/*
 * IS_ENABLED(CONFIG_X): 1 when the build defines CONFIG_X as 1, else 0 (the
 * kernel's kconfig.h idiom: a defined option pastes into a placeholder that
 * shifts a 1 into the second argument). Every CONFIG_* is unset unless a
 * build passes it: the DAX build passes the x86-64 huge page options.
 */
#define __ARG_PLACEHOLDER_1	0,
#define __take_second_arg(__ignored, val, ...)	val
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define ___is_defined(val)	____is_defined(__ARG_PLACEHOLDER_##val)
#define __is_defined(x)		___is_defined(x)
#define IS_ENABLED(option)	__is_defined(option)

#endif /* _LINUX_COMPILER_H */
