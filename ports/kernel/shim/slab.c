// SPDX-License-Identifier: MIT
/*
 * slab.c - kmalloc and friends over malloc for the kernel harness, with
 * "fail the nth allocation" injection, optionally restricted to one caller
 * (several callers may be armed at once).
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/slab.h>

unsigned long kmalloc_count, kfree_count;
void (*kfree_observer)(const void *p);

/*
 * Armed failures: each counts down the allocations of its caller ("" for any);
 * the allocation that brings a count to 0 fails, and that entry is disarmed.
 * Several callers may be armed at once (the DAX harness arms one per failure
 * point); arming a caller again replaces its count.
 */
#define NR_FAIL_ARMS	8
static struct {
	long nth;
	char caller[64];
} fail_arms[NR_FAIL_ARMS];

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
 * Arming a caller that is armed already replaces its count; other callers
 * stay armed.
 *
 * Return: 0, or -EINVAL for @nth < 1, a name too long, or no free entry.
 */
int slab_fail_nth_in(const char *caller, long nth)
{
	int i, free_slot = -1;

	if (nth < 1 || strlen(caller) >= sizeof(fail_arms[0].caller))
		return -EINVAL;
	for (i = 0; i < NR_FAIL_ARMS; i++) {
		if (fail_arms[i].nth && !strcmp(fail_arms[i].caller, caller))
			break;
		if (!fail_arms[i].nth && free_slot < 0)
			free_slot = i;
	}
	if (i == NR_FAIL_ARMS) {
		if (free_slot < 0)
			return -EINVAL;
		i = free_slot;
	}
	strcpy(fail_arms[i].caller, caller);
	fail_arms[i].nth = nth;
	return 0;
}

/**
 * slab_fail_reset - disarm every failure injection
 */
void slab_fail_reset(void)
{
	memset(fail_arms, 0, sizeof(fail_arms));
}

static bool should_fail(const char *caller)
{
	bool fail = false;
	int i;

	for (i = 0; i < NR_FAIL_ARMS; i++) {
		if (!fail_arms[i].nth ||
		    (fail_arms[i].caller[0] && strcmp(caller, fail_arms[i].caller)))
			continue;
		if (--fail_arms[i].nth == 0) {
			fail_arms[i].caller[0] = '\0';
			fail = true;
		}
	}
	return fail;
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
