// SPDX-License-Identifier: MIT
/*
 * uuid.c - lib/uuid.c's uuid_null and uuid_parse() for the kernel harness.
 */
#include <ctype.h>
#include <linux/uuid.h>

const uuid_t uuid_null;

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return tolower((unsigned char)c) - 'a' + 10;
}

/**
 * uuid_parse - the 16 bytes of a UUID string, in the order written
 * @uuid: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (hex digits, either case)
 * @u: where the bytes go
 *
 * Return: 0, or -EINVAL when the first 36 characters are not of that form.
 */
int uuid_parse(const char *uuid, uuid_t *u)
{
	int i, b = 0;

	for (i = 0; i < UUID_STRING_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (uuid[i] != '-')
				return -EINVAL;
		} else if (!isxdigit((unsigned char)uuid[i])) {
			return -EINVAL;
		}
	}
	for (i = 0; i < UUID_STRING_LEN; i += 2) {
		if (uuid[i] == '-')
			i++;
		u->b[b++] = (u8)(hex_value(uuid[i]) << 4 | hex_value(uuid[i + 1]));
	}
	return 0;
}
