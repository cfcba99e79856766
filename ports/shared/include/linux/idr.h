/* SPDX-License-Identifier: MIT */
/* idr.h - daxcheck's shim for the ida of <linux/idr.h>: the lowest free id. */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/types.h>

struct ida {
	unsigned char *used;
	unsigned int size;
};

#define DEFINE_IDA(name)	struct ida name = { 0 }

static inline void ida_init(struct ida *ida)
{
	ida->used = NULL;
	ida->size = 0;
}

int ida_alloc(struct ida *ida, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

#ifdef DAXCHECK_KERNEL_FILE	/* fail-nth: named after the kernel caller */
#include <linux/daxcheck-failnth.h>
#define ida_alloc(...)	FAILNTH_VIA("ida_alloc", ida_alloc(__VA_ARGS__))
#endif

#endif /* _LINUX_IDR_H */
