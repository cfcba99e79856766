/* SPDX-License-Identifier: MIT */
/* kref.h - daxcheck's shim for <linux/kref.h>: a count whose last put calls release. */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

#include <linux/bug.h>

struct kref {
	int refcount;
};

static inline void kref_init(struct kref *kref)
{
	kref->refcount = 1;
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return kref->refcount;
}

static inline void kref_get(struct kref *kref)
{
	WARN_ON(kref->refcount <= 0);
	kref->refcount++;
}

static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	WARN_ON(kref->refcount <= 0);
	if (--kref->refcount == 0) {
		release(kref);
		return 1;
	}
	return 0;
}

static inline int kref_get_unless_zero(struct kref *kref)
{
	if (kref->refcount <= 0)
		return 0;
	kref->refcount++;
	return 1;
}

#endif /* _LINUX_KREF_H */
