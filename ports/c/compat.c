// SPDX-License-Identifier: MIT
/*
 * compat.c - user-space slab allocator, failure injection and ida.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#define COMPAT_NO_SITES
#include "compat.h"

bool compat_verbose;
unsigned long kfree_count;
void (*kfree_observer)(const void *p);
long kmem_live;

static long alloc_armed[NR_ALLOC_POINTS];

/**
 * kzalloc - allocate zeroed memory
 * @size: bytes
 * @gfp: allocation flags (unused)
 *
 * Counts the allocation in kmem_live (the allocation ledger).
 *
 * Return: the memory, or NULL.
 */
void *kzalloc(size_t size, gfp_t gfp)
{
	void *p;

	(void)gfp;
	p = calloc(1, size ? size : 1);
	if (p)
		kmem_live++;
	return p;
}

/**
 * krealloc - resize an allocation
 * @p: the old memory, or NULL
 * @size: new size in bytes
 * @gfp: allocation flags (unused)
 *
 * Return: the memory (@p is then no longer valid), or NULL (@p is unchanged).
 */
void *krealloc(void *p, size_t size, gfp_t gfp)
{
	void *q;

	(void)gfp;
	q = realloc(p, size ? size : 1);
	if (q && !p)
		kmem_live++;
	return q;
}

/**
 * kfree - free memory from kzalloc() or krealloc()
 * @p: the memory, or NULL
 *
 * Counts the free in kfree_count (and takes it off kmem_live) and shows @p to
 * kfree_observer first.
 */
void kfree(const void *p)
{
	if (!p)
		return;
	kfree_count++;
	kmem_live--;
	if (kfree_observer)
		kfree_observer(p);
	free((void *)p);
}

/**
 * kstrdup - copy a string into new memory
 * @s: the string
 * @gfp: allocation flags
 *
 * Return: the copy, or NULL.
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len = strlen(s) + 1;
	char *p = kzalloc(len, gfp);

	if (p)
		memcpy(p, s, len);
	return p;
}

/**
 * alloc_point_arm - make the @nth allocation at @point from now fail
 * @point: the allocation point
 * @nth: 1 for the next allocation; re-arming replaces the count
 *
 * Return: 0, or -EINVAL for an unknown point or @nth < 1.
 */
int alloc_point_arm(enum alloc_point point, long nth)
{
	if ((unsigned int)point >= NR_ALLOC_POINTS || nth < 1)
		return -EINVAL;
	alloc_armed[point] = nth;
	return 0;
}

/**
 * should_fail_alloc - count one allocation at @point
 * @point: the allocation point
 *
 * Return: true when this allocation must fail (the point is then disarmed).
 */
bool should_fail_alloc(enum alloc_point point)
{
	if (!alloc_armed[point])
		return false;
	return --alloc_armed[point] == 0;
}

/**
 * alloc_points_reset - disarm every allocation point
 */
void alloc_points_reset(void)
{
	memset(alloc_armed, 0, sizeof(alloc_armed));
}

/**
 * kzalloc_at - kzalloc() counted at an allocation point
 * @point: the allocation point
 * @size: bytes
 * @gfp: allocation flags
 *
 * Return: the memory, or NULL when the allocation fails or an injected failure fires.
 */
void *kzalloc_at(enum alloc_point point, size_t size, gfp_t gfp)
{
	return should_fail_alloc(point) ? NULL : kzalloc(size, gfp);
}

/**
 * krealloc_at - krealloc() counted at an allocation point
 * @point: the allocation point
 * @p: the old memory, or NULL
 * @size: new size in bytes
 * @gfp: allocation flags
 *
 * Return: the memory, or NULL (@p unchanged) when it fails or an injected failure fires.
 */
void *krealloc_at(enum alloc_point point, void *p, size_t size, gfp_t gfp)
{
	return should_fail_alloc(point) ? NULL : krealloc(p, size, gfp);
}

/**
 * ida_alloc - the lowest unused id
 * @ida: the allocator
 * @gfp: allocation flags
 *
 * Return: the id, or -ENOMEM.
 */
int ida_alloc(struct ida *ida, gfp_t gfp)
{
	unsigned int id;

	for (id = 0; id < ida->size; id++)
		if (!ida->used[id])
			break;
	if (id == ida->size) {
		unsigned int size = ida->size ? 2 * ida->size : 16;
		unsigned char *used = krealloc_site(ida->used, size, gfp, __func__, "used");

		if (!used)
			return -ENOMEM;
		memset(used + ida->size, 0, size - ida->size);
		ida->used = used;
		ida->size = size;
	}
	ida->used[id] = 1;
	return (int)id;
}

/**
 * ida_free - give an id back
 * @ida: the allocator
 * @id: an id from ida_alloc()
 */
void ida_free(struct ida *ida, unsigned int id)
{
	if (id < ida->size)
		ida->used[id] = 0;
}

/**
 * ida_destroy - free the allocator's memory
 * @ida: the allocator
 */
void ida_destroy(struct ida *ida)
{
	kfree(ida->used);
	ida->used = NULL;
	ida->size = 0;
}

static char printk_buf[512];
unsigned long printk_count;

/**
 * printk - format a message, keep it as the last one and count it
 * @fmt: printf format
 *
 * Return: the message's length.
 */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(printk_buf, sizeof(printk_buf), fmt, ap);
	va_end(ap);
	printk_count++;
	if (compat_verbose)
		fputs(printk_buf, stderr);
	return n;
}

/**
 * printk_last - the last message printk() kept
 *
 * Return: the message ("" before the first).
 */
const char *printk_last(void)
{
	return printk_buf;
}

/**
 * request_done - the C port checks nothing between requests
 * @op: the request just answered
 */
void request_done(const char *op)
{
	(void)op;
}
