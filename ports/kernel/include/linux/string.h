/* SPDX-License-Identifier: MIT */
/* string.h - daxcheck's shim for <linux/string.h>: the C library's. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <string.h>
#include <linux/slab.h>
#include <linux/errno.h>

/*
 * strscpy(dst, src[, size]): copy with truncation, always terminated; size
 * defaults to sizeof(dst) (v6.8+). Return: the length copied, or -E2BIG
 * when src did not fit (dst then holds its first size - 1 bytes).
 */
static inline ssize_t sized_strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (size == 0)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return (ssize_t)len;
}
#define __strscpy_size(_, size, ...)	size
#define strscpy(dst, src, ...) \
	sized_strscpy(dst, src, __strscpy_size(_, ##__VA_ARGS__, sizeof(dst)))

#define kmemdup(p, size, gfp)	({ void *__d = kmalloc(size, gfp); if (__d) memcpy(__d, p, size); __d; })

static inline bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}

#endif /* _LINUX_STRING_H */
