/* SPDX-License-Identifier: MIT */
/* range.h - daxcheck's shim for <linux/range.h>. */
#ifndef _LINUX_RANGE_H
#define _LINUX_RANGE_H

#include <linux/types.h>

struct range {
	u64 start;
	u64 end;
};

static inline u64 range_len(const struct range *range)
{
	return range->end - range->start + 1;
}

#endif /* _LINUX_RANGE_H */
