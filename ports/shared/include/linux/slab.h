/* SPDX-License-Identifier: MIT */
/*
 * slab.h - daxcheck's one shim for <linux/slab.h>, linked by the C port
 * (ports/c) and the kernel harness (ports/kernel): the slab allocator over
 * malloc, with failure injection (slab.c, failnth.c). Every allocation is
 * made at a call site named after the calling function and the object its
 * size or pointer expression names ("alloc_dev_dax_range:ranges"), so that a
 * build can fail the nth allocation of a request (fail-nth), or the nth from
 * now by one function. kfree() counts what it frees, keeps the allocation
 * ledger and shows the memory to an optional observer first.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

void *__kmalloc(size_t size, gfp_t gfp, bool zero, const char *caller, const char *what);
void *__krealloc(const void *p, size_t size, gfp_t gfp, const char *caller, const char *what);
void kfree(const void *p);

/* __free(kfree) (compiler.h): the variable's pointer is freed when its scope ends. */
static inline void __free_kfree(void *p)
{
	kfree(*(void **)p);
}
char *__kstrdup(const char *s, gfp_t gfp, const char *caller, const char *what);

/*
 * In the kernel harness (-DDAXCHECK_KERNEL_HARNESS) only a kernel file
 * (-DDAXCHECK_KERNEL_FILE) passes its expression: the harness's own code and the
 * shims pass NULL, and fail-nth counts their allocations only when kernel code
 * called the shim (failnth_via_enter, linux/daxcheck-failnth.h).
 */
#if defined(DAXCHECK_KERNEL_HARNESS) && !defined(DAXCHECK_KERNEL_FILE)
#define __kwhat(text)		NULL
#else
#define __kwhat(text)		text
#endif
#define kmalloc(size, gfp)	__kmalloc(size, gfp, false, __func__, __kwhat(#size))
#define kzalloc(size, gfp)	__kmalloc(size, gfp, true, __func__, __kwhat(#size))
#define kcalloc(n, size, gfp)	__kmalloc((n) * (size), gfp, true, __func__, __kwhat(#size))
#define kmalloc_array(n, size, gfp)	__kmalloc((n) * (size), gfp, false, __func__, __kwhat(#size))
#define krealloc(p, size, gfp)	__krealloc(p, size, gfp, __func__, __kwhat(#p))
#define kstrdup(s, gfp)		__kstrdup(s, gfp, __func__, __kwhat(#s))
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

/* Failure injection by function: the @nth allocation from now (1 = the next) fails, once. */
int slab_fail_nth(long nth);
/* The same, counting only allocations made by function @caller. */
int slab_fail_nth_in(const char *caller, long nth);
int slab_fail_nth_then(const char *trigger, long nth, const char *victim);
void slab_fail_reset(void);

/*
 * fail-nth (failnth.c, docs/fail-nth.md): within one request, the armed nth
 * allocation fails. A build that offers it to its client (the protocol's
 * failNth and allocations) defines DAXCHECK_FAILNTH in its compat.h.
 */
int failnth_arm(long n);
void failnth_begin(void);
void failnth_end(void);
bool failnth_should_fail(const char *func, const char *what);
void failnth_answer(char *buf, size_t cap);
bool failnth_failed(void);
void failnth_via_enter(const char *func, const char *shim);
void failnth_via_leave(void);
void failnth_site_of(const char **func, const char **object);
void failnth_object(const char *what, char *out, size_t cap);

extern unsigned long kmalloc_count, kfree_count;
/*
 * The allocation ledger: memory from kmalloc()/krealloc(NULL, ...) not yet
 * given to kfree(). A build whose instance owns everything it allocates (the
 * C port) answers a leak from it (PROTOCOL.md "Leaks"; DAXCHECK_LEDGER).
 */
extern long kmem_live;
extern void (*kfree_observer)(const void *p);

#endif /* _LINUX_SLAB_H */
