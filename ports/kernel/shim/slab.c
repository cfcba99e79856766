// SPDX-License-Identifier: MIT
/*
 * slab.c - kmalloc and friends over malloc for the kernel harness, with
 * "fail the nth allocation" injection, optionally restricted to one caller.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/slab.h>

unsigned long kmalloc_count, kfree_count;
void (*kfree_observer)(const void *p);

static long fail_nth;
static char fail_caller[64];

/**
 * slab_fail_nth - make the @nth allocation from now fail, once
 * @nth: 1 for the next one
 *
 * Return: 0, or -EINVAL for @nth < 1.
 */
int slab_fail_nth(long nth)
{
	return slab_fail_nth_in("", nth);
}

/**
 * slab_fail_nth_in - make the @nth allocation from now by @caller fail, once
 * @caller: the allocating function's name ("" for any)
 * @nth: 1 for the next one
 *
 * Return: 0, or -EINVAL for @nth < 1 or a name too long.
 */
int slab_fail_nth_in(const char *caller, long nth)
{
	if (nth < 1 || strlen(caller) >= sizeof(fail_caller))
		return -EINVAL;
	strcpy(fail_caller, caller);
	fail_nth = nth;
	return 0;
}

/**
 * slab_fail_reset - disarm the failure injection
 */
void slab_fail_reset(void)
{
	fail_nth = 0;
	fail_caller[0] = '\0';
}

static bool should_fail(const char *caller)
{
	if (!fail_nth || (fail_caller[0] && strcmp(caller, fail_caller)))
		return false;
	if (--fail_nth)
		return false;
	fail_caller[0] = '\0';
	return true;
}

/**
 * __kmalloc - kmalloc()/kzalloc() of @caller
 * @size: bytes
 * @gfp: allocation flags (only __GFP_ZERO matters)
 * @zero: zero the memory
 * @caller: the calling function, for failure injection
 *
 * Return: the memory, or NULL.
 */
void *__kmalloc(size_t size, gfp_t gfp, bool zero, const char *caller)
{
	if (should_fail(caller))
		return NULL;
	kmalloc_count++;
	if (zero || (gfp & __GFP_ZERO))
		return calloc(1, size ? size : 1);
	return malloc(size ? size : 1);
}

/**
 * __krealloc - krealloc() of @caller
 * @p: the old memory, or NULL
 * @size: bytes
 * @gfp: allocation flags
 * @caller: the calling function, for failure injection
 *
 * Return: the memory (@p is then gone), or NULL (@p unchanged).
 */
void *__krealloc(const void *p, size_t size, gfp_t gfp, const char *caller)
{
	(void)gfp;
	if (should_fail(caller))
		return NULL;
	kmalloc_count++;
	return realloc((void *)p, size ? size : 1);
}

/**
 * kfree - free memory from this allocator; counted, shown to kfree_observer
 * @p: the memory, or NULL
 */
void kfree(const void *p)
{
	if (!p)
		return;
	kfree_count++;
	if (kfree_observer)
		kfree_observer(p);
	free((void *)p);
}

/**
 * __kstrdup - kstrdup() of @caller
 * @s: the string
 * @gfp: allocation flags
 * @caller: the calling function, for failure injection
 *
 * Return: the copy, or NULL.
 */
char *__kstrdup(const char *s, gfp_t gfp, const char *caller)
{
	size_t len = strlen(s) + 1;
	char *p = __kmalloc(len, gfp, false, caller);

	if (p)
		memcpy(p, s, len);
	return p;
}
