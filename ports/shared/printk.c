// SPDX-License-Identifier: MIT
/*
 * printk.c - captured printk for the C port and the kernel harness
 * (include/linux/printk.h). The last message is kept for the driver to read
 * (as a test reads dmesg), each is shown to an optional observer, every
 * message is counted by level, and compat_verbose (DAXCHECK_VERBOSE, set by
 * the driver) shows them on stderr.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <linux/printk.h>

bool compat_verbose;
unsigned long printk_count;
unsigned long printk_level_count[8];
void (*printk_observer)(int level, const char *msg);
static char last[512];

/**
 * printk - format a kernel message and capture it
 * @fmt: format, optionally starting with a KERN_<LEVEL> prefix
 *
 * Return: the length of the message.
 */
int printk(const char *fmt, ...)
{
	int level = 4;		/* the default loglevel, as the kernel's */
	va_list ap;
	int n;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	va_start(ap, fmt);
	n = vsnprintf(last, sizeof(last), fmt, ap);
	va_end(ap);
	printk_count++;
	printk_level_count[level]++;
	if (printk_observer)
		printk_observer(level, last);
	if (compat_verbose)
		fprintf(stderr, "<%d>%s", level, last);
	return n;
}

/**
 * printk_last - the last message printk() captured
 *
 * Return: the message without its level prefix ("" before the first).
 */
const char *printk_last(void)
{
	return last;
}
