/* SPDX-License-Identifier: MIT */
/*
 * bug.h - daxcheck's shim for <linux/bug.h>: a WARN is printed through
 * printk and counted in warn_count (the run goes on, as in the kernel); a
 * BUG aborts the process, which daxcheck reports as a crash.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern unsigned long warn_count;
void __warn_printk(const char *file, int line, const char *fmt, ...);
void __noreturn_bug(const char *file, int line) __attribute__((__noreturn__));

#define WARN(cond, fmt...)						\
	({								\
		int __ret_warn_on = !!(cond);				\
		if (unlikely(__ret_warn_on))				\
			__warn_printk(__FILE__, __LINE__, fmt);		\
		unlikely(__ret_warn_on);				\
	})
#define WARN_ON(cond)		WARN(cond, "%s", "WARN_ON(" #cond ")")
#define WARN_ONCE(cond, fmt...)	WARN(cond, fmt)
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
#define BUG()			__noreturn_bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)

#endif /* _LINUX_BUG_H */
