// SPDX-License-Identifier: MIT
/*
 * printk.c - captured printk, WARN and BUG for the kernel harness. The last
 * message is kept for the driver to read (as a test reads dmesg), each is
 * shown to an optional observer, every message is counted by level, and
 * DAXCHECK_VERBOSE shows them on stderr.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>

unsigned long printk_count;
unsigned long printk_level_count[8];
unsigned long warn_count;
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
	if (getenv("DAXCHECK_VERBOSE"))
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

/**
 * __warn_printk - a WARN fired: count it and print its message and place
 * @file: source file of the WARN
 * @line: its line
 * @fmt: the WARN's message
 */
void __warn_printk(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_count++;
	printk(KERN_WARNING "WARNING: %s at %s:%d\n", msg, file, line);
}

/**
 * __noreturn_bug - a BUG fired: say where on stderr and abort
 * @file: source file of the BUG
 * @line: its line
 */
void __noreturn_bug(const char *file, int line)
{
	fprintf(stderr, "kernel BUG at %s:%d!\n", file, line);
	abort();
}

/**
 * dump_stack - the kernel prints a backtrace; here a marker line is enough
 */
void dump_stack(void)
{
	printk(KERN_DEFAULT "dump_stack()\n");
}
