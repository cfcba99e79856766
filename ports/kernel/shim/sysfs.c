// SPDX-License-Identifier: MIT
/*
 * sysfs.c - sysfs_emit (fs/sysfs/file.c) as the shims' show buffers need it:
 * a show buffer is one page, as sysfs hands it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <linux/sysfs.h>

#define SYSFS_PAGE	4096

/**
 * sysfs_emit - format into a sysfs show buffer (a page)
 * @buf: the buffer
 * @fmt: the format
 *
 * Weak: another shim file may define it too (the DCD shims do); either does
 * the same.
 *
 * Return: the number of bytes written, at most a page less its terminator.
 */
int __weak sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, SYSFS_PAGE, fmt, ap);
	va_end(ap);
	return len < SYSFS_PAGE ? len : SYSFS_PAGE - 1;
}
