// SPDX-License-Identifier: MIT
/*
 * The word of a tag group's extents in the DCD suite's requests (PROTOCOL.md,
 * "The v11/v10 profile"): OFFSET:LEN[,OFFSET:LEN...], each 0x + hex, or ~ for
 * none. Read the same way by the C port and the kernel harness.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"

/**
 * parse_extent_list - read a tag group's extents
 * @op: the request, for the error
 * @text: the word
 * @off: @max offsets
 * @len: @max lengths
 * @max: how many extents the caller can take
 * @n: the number read
 *
 * Return: true, or false after answering "error" (a malformed word, or more
 * than @max extents).
 */
bool parse_extent_list(const char *op, const char *text, u64 *off, u64 *len,
		       int max, int *n)
{
	const char *s = text;
	char *end;

	*n = 0;
	if (strcmp(s, "~") == 0)	/* no extent (PROTOCOL.md: the empty list) */
		return true;
	for (; *n < max; (*n)++) {
		if (strncmp(s, "0x", 2) || !isxdigit((unsigned char)s[2]))
			break;
		off[*n] = strtoull(s, &end, 16);
		if (*end != ':' || strncmp(end + 1, "0x", 2) || !isxdigit((unsigned char)end[3]))
			break;
		len[*n] = strtoull(end + 1, &end, 16);
		if (*end == '\0') {
			(*n)++;
			return true;
		}
		if (*end != ',')
			break;
		s = end + 1;
	}
	answer_error("%s: expected OFFSET:LEN[,OFFSET:LEN...] (at most %d) or ~, got '%.60s'",
		     op, max, text);
	return false;
}
