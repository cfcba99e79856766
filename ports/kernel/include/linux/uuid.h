/* SPDX-License-Identifier: MIT */
/*
 * uuid.h - daxcheck's shim for <linux/uuid.h>: the 16-byte uuid_t, the null
 * UUID and the helpers the DCD v10 series' bus.c and cxl.c use.
 * uuid_parse() checks what lib/uuid.c's does: the first 36 characters are
 * 8-4-4-4-12 hex digits and dashes (what follows is not looked at);
 * anything else is -EINVAL.
 */
#ifndef _LINUX_UUID_H
#define _LINUX_UUID_H

#include <string.h>
#include <linux/types.h>
#include <linux/errno.h>

#define UUID_SIZE	16
#define UUID_STRING_LEN	36

typedef struct {
	u8 b[UUID_SIZE];
} uuid_t;

extern const uuid_t uuid_null;

static inline bool uuid_equal(const uuid_t *u1, const uuid_t *u2)
{
	return memcmp(u1, u2, sizeof(uuid_t)) == 0;
}

static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}

static inline bool uuid_is_null(const uuid_t *uuid)
{
	return uuid_equal(uuid, &uuid_null);
}

int uuid_parse(const char *uuid, uuid_t *u);

#endif /* _LINUX_UUID_H */
