/* SPDX-License-Identifier: MIT */
/*
 * slab.h - daxcheck's shim for <linux/slab.h>: the slab allocator over malloc,
 * with failure injection. Every allocation is counted and tagged with the
 * function that asked for it, so a harness can fail "the nth allocation from
 * now" anywhere, or only in one function (e.g. alloc_dev_dax_range's krealloc).
 * kfree() counts what it frees and shows it to an optional observer first.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

void *__kmalloc(size_t size, gfp_t gfp, bool zero, const char *caller);
void *__krealloc(const void *p, size_t size, gfp_t gfp, const char *caller);
void kfree(const void *p);

/* __free(kfree) (compiler.h): the variable's pointer is freed when its scope ends. */
static inline void __free_kfree(void *p)
{
	kfree(*(void **)p);
}
char *__kstrdup(const char *s, gfp_t gfp, const char *caller);

#define kmalloc(size, gfp)	__kmalloc(size, gfp, false, __func__)
#define kzalloc(size, gfp)	__kmalloc(size, gfp, true, __func__)
#define kcalloc(n, size, gfp)	__kmalloc((n) * (size), gfp, true, __func__)
#define kmalloc_array(n, size, gfp)	__kmalloc((n) * (size), gfp, false, __func__)
#define krealloc(p, size, gfp)	__krealloc(p, size, gfp, __func__)
#define kstrdup(s, gfp)		__kstrdup(s, gfp, __func__)
#define kvzalloc(size, gfp)	kzalloc(size, gfp)
#define kvcalloc(n, size, gfp)	kcalloc(n, size, gfp)
#define kvmalloc(size, gfp)	kmalloc(size, gfp)
#define kvrealloc(p, size, gfp)	krealloc(p, size, gfp)
#define kvfree(p)		kfree(p)

/*
 * The typed allocators (v7.0+): kzalloc_obj(VAR_OR_TYPE[, gfp]) allocates one
 * object of that type, *_objs(VAR_OR_TYPE, n[, gfp]) an array of n; gfp
 * defaults to GFP_KERNEL. The caller's name still tags the allocation.
 */
#define __kobj_gfp(_, gfp, ...)	gfp
#define kmalloc_obj(P, ...) \
	((typeof(P) *)kmalloc(sizeof(P), __kobj_gfp(_, ##__VA_ARGS__, GFP_KERNEL)))
#define kzalloc_obj(P, ...) \
	((typeof(P) *)kzalloc(sizeof(P), __kobj_gfp(_, ##__VA_ARGS__, GFP_KERNEL)))
#define kmalloc_objs(P, n, ...) \
	((typeof(P) *)kmalloc_array(n, sizeof(P), __kobj_gfp(_, ##__VA_ARGS__, GFP_KERNEL)))
#define kzalloc_objs(P, n, ...) \
	((typeof(P) *)kcalloc(n, sizeof(P), __kobj_gfp(_, ##__VA_ARGS__, GFP_KERNEL)))
#define kvmalloc_objs(P, n, ...)	kmalloc_objs(P, n, ##__VA_ARGS__)
#define kvzalloc_objs(P, n, ...)	kzalloc_objs(P, n, ##__VA_ARGS__)
#define kvzalloc_obj(P, ...)		kzalloc_obj(P, ##__VA_ARGS__)

/* Failure injection: the @nth allocation from now (1 = the next) fails, once. */
int slab_fail_nth(long nth);
/* The same, counting only allocations made by function @caller. */
int slab_fail_nth_in(const char *caller, long nth);
int slab_fail_nth_then(const char *trigger, long nth, const char *victim);
void slab_fail_reset(void);

extern unsigned long kmalloc_count, kfree_count;
extern void (*kfree_observer)(const void *p);

#endif /* _LINUX_SLAB_H */
