// SPDX-License-Identifier: MIT
/*
 * bug.c - WARN and BUG for the kernel harness (include/linux/bug.h): a WARN
 * is counted and printed through the captured printk (ports/shared/printk.c),
 * a BUG aborts.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>

unsigned long warn_count;

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
