/* SPDX-License-Identifier: MIT */
/* string.h - daxcheck's shim for <linux/string.h>: the C library's. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <string.h>
#include <linux/slab.h>

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
