/* SPDX-License-Identifier: MIT */
/*
 * compat.h - the few kernel facilities the resource tree and the DAX code use,
 * for a user-space build: fixed-width types, errno values, kref, an ida, the
 * slab allocator and allocation-failure injection at daxcheck's named points.
 */
#ifndef DAXCHECK_COMPAT_H
#define DAXCHECK_COMPAT_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;

#define GFP_KERNEL	0u
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
 * printk: the last message is kept and every one counted, so that the driver
 * reads what the code said as a test reads dmesg; shown on stderr only when
 * compat_verbose (DAXCHECK_VERBOSE) is set.
 */
extern bool compat_verbose;
extern unsigned long printk_count;
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *printk_last(void);
#define pr_warn(...)	printk(__VA_ARGS__)
#define WARN_ONCE(cond, ...) \
	({ bool __c = !!(cond); if (__c) pr_warn(__VA_ARGS__); __c; })

/* Slab allocator. kfree() counts what it frees and tells an optional observer. */
void *kzalloc(size_t size, gfp_t gfp);
void *krealloc(void *p, size_t size, gfp_t gfp);
void kfree(const void *p);
char *kstrdup(const char *s, gfp_t gfp);
extern unsigned long kfree_count;
/*
 * The allocation ledger: memory from kzalloc()/krealloc(NULL, ...) not yet given to
 * kfree(). An instance owns everything it allocates, so the ledger is 0 again once
 * it is dropped (driver.c, PROTOCOL.md "Leaks").
 */
extern long kmem_live;
#define DAXCHECK_LEDGER 1
extern void (*kfree_observer)(const void *p);

/*
 * Failure injection at daxcheck's named allocation points (docs/SPECIFICATION.md section 8), in the
 * manner of the kernel's fault-injection framework: an armed point fails its nth
 * allocation from now, once.
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
void *kzalloc_at(enum alloc_point point, size_t size, gfp_t gfp);
void *krealloc_at(enum alloc_point point, void *p, size_t size, gfp_t gfp);

/*
 * fail-nth (failnth.c, docs/fail-nth.md): within one request, the armed nth allocation
 * fails. Each allocation of the port's code is counted at its call site, named after
 * the calling function and the object its expression names.
 */
#define DAXCHECK_FAILNTH 1
int failnth_arm(long n);
void failnth_begin(void);
void failnth_end(void);
bool failnth_should_fail(const char *func, const char *what);
void failnth_answer(char *buf, size_t cap);
bool failnth_failed(void);
void *kzalloc_site(size_t size, gfp_t gfp, const char *func, const char *what);
void *krealloc_site(void *p, size_t size, gfp_t gfp, const char *func, const char *what);
char *kstrdup_site(const char *s, gfp_t gfp, const char *func, const char *what);
void *kzalloc_at_site(enum alloc_point point, size_t size, gfp_t gfp, const char *func,
		      const char *what);
void *krealloc_at_site(enum alloc_point point, void *p, size_t size, gfp_t gfp,
		       const char *func, const char *what);
#ifndef COMPAT_NO_SITES
#define kzalloc(size, gfp)		kzalloc_site(size, gfp, __func__, #size)
#define krealloc(p, size, gfp)		krealloc_site(p, size, gfp, __func__, #p)
#define kstrdup(s, gfp)			kstrdup_site(s, gfp, __func__, #s)
#define kzalloc_at(pt, size, gfp)	kzalloc_at_site(pt, size, gfp, __func__, #size)
#define krealloc_at(pt, p, size, gfp)	krealloc_at_site(pt, p, size, gfp, __func__, #p)
#endif

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

/* ida: the lowest free id. */
struct ida {
	unsigned char *used;
	unsigned int size;
};
int ida_alloc(struct ida *ida, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

#endif /* DAXCHECK_COMPAT_H */
