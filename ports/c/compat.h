/* SPDX-License-Identifier: MIT */
/*
 * compat.h - the few kernel facilities the resource tree and the DAX code use,
 * for a user-space build: errno values, kref, the shared shims (ports/shared:
 * the slab allocator with fail-nth, the ida, printk) and allocation-failure
 * injection at daxcheck's named points.
 */
#ifndef DAXCHECK_COMPAT_H
#define DAXCHECK_COMPAT_H

#include <errno.h>
#include <stdio.h>
#include <linux/types.h>
#include <linux/slab.h>
#include <linux/idr.h>
#include <linux/printk.h>

#define U64_MAX		UINT64_MAX
#define SZ_4K		0x1000ULL
#define SZ_2M		0x200000ULL
#define SZ_1G		0x40000000ULL
#define PAGE_SHIFT	12
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)
#define is_power_of_2(n)	((n) != 0 && (((n) & ((n) - 1)) == 0))
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b)	((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define unlikely(x)		__builtin_expect(!!(x), 0)

/*
 * printk, the slab allocator and the ida are the shared shims (ports/shared):
 * the driver reads what the code said as a test reads dmesg.
 */
#define WARN_ONCE(cond, ...) \
	({ bool __c = !!(cond); if (__c) pr_warn(__VA_ARGS__); __c; })

/*
 * What this build offers its client (PROTOCOL.md "Handshake"): the allocation
 * ledger answers a dropped instance's leak ("leaks"), and fail-nth within a
 * request ("failnth": failNth, allocations).
 */
#define DAXCHECK_LEDGER 1
#define DAXCHECK_FAILNTH 1

/*
 * Failure injection at daxcheck's named allocation points (docs/SPECIFICATION.md section 8), in the
 * manner of the kernel's fault-injection framework: an armed point fails its nth
 * allocation from now, once; an allocation it does not fail is made, and counted
 * by fail-nth, at the caller's site.
 */
enum alloc_point {
	ALLOC_RESOURCE,
	ALLOC_RANGES,
	ALLOC_MAPPING,
	ALLOC_EXTENT_DEVICE,
	NR_ALLOC_POINTS,
};
int alloc_point_arm(enum alloc_point point, long nth);
bool should_fail_alloc(enum alloc_point point);
void alloc_points_reset(void);
#define kzalloc_at(pt, size, gfp)	(should_fail_alloc(pt) ? NULL : kzalloc(size, gfp))
#define krealloc_at(pt, p, size, gfp)	(should_fail_alloc(pt) ? NULL : krealloc(p, size, gfp))

/* kref: a reference count whose last put calls release. */
struct kref {
	int refcount;
};

/**
 * kref_init - initialise a reference count to 1
 * @kref: the count
 */
static inline void kref_init(struct kref *kref)
{
	kref->refcount = 1;
}

/**
 * kref_get - take one more reference
 * @kref: the count
 */
static inline void kref_get(struct kref *kref)
{
	kref->refcount++;
}

/**
 * kref_read - the current count
 * @kref: the count
 */
static inline int kref_read(const struct kref *kref)
{
	return kref->refcount;
}

/**
 * kref_put - drop a reference; the last one calls @release
 * @kref: the count
 * @release: called with @kref when the count reaches 0
 *
 * Return: 1 if @release was called, else 0.
 */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (--kref->refcount == 0) {
		release(kref);
		return 1;
	}
	return 0;
}

#endif /* DAXCHECK_COMPAT_H */
