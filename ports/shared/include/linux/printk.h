/* SPDX-License-Identifier: MIT */
/*
 * printk.h - daxcheck's shim for <linux/printk.h> (ports/c and ports/kernel;
 * printk.c). Every message is captured (the last one is kept, each level
 * counted) and shown on stderr only when compat_verbose is set (the driver
 * sets it from DAXCHECK_VERBOSE): a harness reads what the kernel said, as dmesg.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdbool.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/*
 * printk() takes the kernel's %p extensions (%pR, %pa, ...), which the C
 * library prints as a pointer and a letter: no format checking here.
 */
int printk(const char *fmt, ...);

/* What was printed: the number of messages so far and the last one (no level prefix). */
extern unsigned long printk_count;
extern unsigned long printk_level_count[8];
const char *printk_last(void);
/* Show every message on stderr (DAXCHECK_VERBOSE). */
extern bool compat_verbose;
/* If set, sees every message (without its level prefix) as it is printed. */
extern void (*printk_observer)(int level, const char *msg);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_warn_once		pr_warn
#define pr_info_once		pr_info

#endif /* _LINUX_PRINTK_H */
