// SPDX-License-Identifier: MIT
/*
 * slab.c - kmalloc and friends over malloc for the C port and the kernel
 * harness (include/linux/slab.h), with the allocation ledger and two kinds of
 * failure injection: "fail the nth allocation from now", optionally
 * restricted to one caller (several callers may be armed at once), and
 * fail-nth within a request (failnth.c).
 */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/slab.h>

#ifdef DAXCHECK_KERNEL_HARNESS
/* The kernel harness names a leak's sites (ports/kernel/shim/ledger.c). */
void ledger_add(const void *p, const char *caller, const char *what);
void ledger_del(const void *p);
#else
#define ledger_add(p, caller, what)	do { } while (0)
#define ledger_del(p)			do { } while (0)
#endif

unsigned long kmalloc_count, kfree_count;
long kmem_live;
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

/*
 * A chained failure: the nth allocation by one caller (the trigger) succeeds
 * and arms the next allocation by another (the victim) to fail.
 */
static struct {
	long nth;
	char trigger[64];
	char victim[64];
} fail_chain;

/**
 * slab_fail_nth_then - at the @nth allocation from now by @trigger, arm the
 * next allocation by @victim to fail, once
 * @trigger: the function whose allocations are counted
 * @nth: 1 for the next one
 * @victim: the function whose next allocation then fails
 *
 * One chain is armed at a time: arming again replaces it.
 *
 * Return: 0, or -EINVAL for @nth < 1 or a name too long.
 */
int slab_fail_nth_then(const char *trigger, long nth, const char *victim)
{
	if (nth < 1 || strlen(trigger) >= sizeof(fail_chain.trigger) ||
	    strlen(victim) >= sizeof(fail_chain.victim))
		return -EINVAL;
	strcpy(fail_chain.trigger, trigger);
	strcpy(fail_chain.victim, victim);
	fail_chain.nth = nth;
	return 0;
}

/**
 * slab_fail_reset - disarm every failure injection
 */
void slab_fail_reset(void)
{
	memset(fail_arms, 0, sizeof(fail_arms));
	memset(&fail_chain, 0, sizeof(fail_chain));
}

/* Is this allocation by @caller one that an arm fails? Counts it down for every arm that matches. */
static bool armed_fails(const char *caller)
{
	bool fail = false;
	int i;

	if (fail_chain.nth && !strcmp(caller, fail_chain.trigger) && --fail_chain.nth == 0)
		slab_fail_nth_in(fail_chain.victim, 1);

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

/* Does the allocation at this site fail? Every arm and fail-nth count it. */
static bool should_fail(const char *caller, const char *what)
{
	bool fail = armed_fails(caller);

	return failnth_should_fail(caller, what) || fail;
}

/**
 * __kmalloc - kmalloc()/kzalloc() of @caller
 * @size: bytes
 * @gfp: allocation flags (only __GFP_ZERO matters)
 * @zero: zero the memory
 * @caller: the calling function, for failure injection
 * @what: the size expression as written, naming the object for fail-nth
 *
 * Return: the memory (counted in the ledger), or NULL.
 */
void *__kmalloc(size_t size, gfp_t gfp, bool zero, const char *caller, const char *what)
{
	void *p;

	if (should_fail(caller, what))
		return NULL;
	if (zero || (gfp & __GFP_ZERO))
		p = calloc(1, size ? size : 1);
	else
		p = malloc(size ? size : 1);
	if (p) {
		kmalloc_count++;
		kmem_live++;
		ledger_add(p, caller, what);
	}
	return p;
}

/**
 * __krealloc - krealloc() of @caller
 * @p: the old memory, or NULL
 * @size: bytes
 * @gfp: allocation flags
 * @caller: the calling function, for failure injection
 * @what: the pointer expression as written, naming the object for fail-nth
 *
 * Return: the memory (@p is then gone), or NULL (@p unchanged).
 */
void *__krealloc(const void *p, size_t size, gfp_t gfp, const char *caller, const char *what)
{
	void *q;

	(void)gfp;
	if (should_fail(caller, what))
		return NULL;
	if (p)
		ledger_del(p);	/* before realloc: the ledger keeps pointer values only */
	q = realloc((void *)p, size ? size : 1);
	if (q) {
		kmalloc_count++;
		if (!p)
			kmem_live++;
		ledger_add(q, caller, what);
	} else if (p) {
		ledger_add(p, caller, what);
	}
	return q;
}

/**
 * kfree - free memory from this allocator; counted, taken off the ledger,
 * shown to kfree_observer first
 * @p: the memory, or NULL
 */
void kfree(const void *p)
{
	if (!p)
		return;
	kfree_count++;
	kmem_live--;
	ledger_del(p);
	if (kfree_observer)
		kfree_observer(p);
	free((void *)p);
}

/**
 * __kstrdup - kstrdup() of @caller
 * @s: the string
 * @gfp: allocation flags
 * @caller: the calling function, for failure injection
 * @what: the string expression as written, naming the object for fail-nth
 *
 * Return: the copy, or NULL.
 */
char *__kstrdup(const char *s, gfp_t gfp, const char *caller, const char *what)
{
	size_t len = strlen(s) + 1;
	char *p = __kmalloc(len, gfp, false, caller, what);

	if (p)
		memcpy(p, s, len);
	return p;
}
