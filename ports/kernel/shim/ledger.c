// SPDX-License-Identifier: MIT
/*
 * ledger.c - where the kernel harness's live allocations were made, so that a
 * leak (PROTOCOL.md "Leaks": the allocation ledger, kmem_live in slab.c) names
 * its site: "__devm_create_dev_dax:dev_set_name" (fail-nth's names,
 * ports/shared/failnth.c), or the shim or driver function that allocated. Every
 * k*alloc'ed pointer is kept in an open-addressing table until kfree.
 *
 * A leak the ledger reported (a dropped instance's leftovers) stays reachable
 * from here for the rest of the process, so that LeakSanitizer's check at exit
 * reports only what the ledger could not see: a leak already reported for the
 * run that made it is not reported again at the exit of a later run (which the
 * client would take for that run's leak, and then give every run a process of
 * its own).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>

struct entry {
	const void *p;		/* NULL: empty; TOMBSTONE: deleted */
	const char *func;	/* the site: func:object */
	const char *object;
};

#define TOMBSTONE	((const void *)1)

static struct entry *table;
static size_t cap, used;	/* used: live and deleted slots */

static size_t slot_of(const void *p)
{
	uintptr_t h = (uintptr_t)p;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 7) & (cap - 1);
}

static void put(const void *p, const char *func, const char *object)
{
	size_t i = slot_of(p);

	while (table[i].p && table[i].p != TOMBSTONE)
		i = (i + 1) & (cap - 1);
	if (!table[i].p)
		used++;
	table[i] = (struct entry) { p, func, object };
}

static void grow(void)
{
	struct entry *old = table;
	size_t i, old_cap = cap;

	cap = cap ? 2 * cap : 1024;
	table = calloc(cap, sizeof(*table));
	if (!table)
		abort();
	used = 0;
	for (i = 0; i < old_cap; i++)
		if (old[i].p && old[i].p != TOMBSTONE)
			put(old[i].p, old[i].func, old[i].object);
	free(old);
}

/**
 * ledger_add - @p was allocated by @caller (slab.c)
 * @p: the memory
 * @caller: the allocating function
 * @what: its size or pointer expression in a kernel file, else NULL
 */
void ledger_add(const void *p, const char *caller, const char *what)
{
	const char *func = caller, *object = what ? what : "";

	failnth_site_of(&func, &object);
	if (2 * (used + 1) > cap)
		grow();
	put(p, func, object);
}

/**
 * ledger_del - @p is freed (kfree, or moved by krealloc)
 * @p: the memory
 */
void ledger_del(const void *p)
{
	size_t i;

	if (!cap)
		return;
	for (i = slot_of(p); table[i].p; i = (i + 1) & (cap - 1)) {
		if (table[i].p == p) {
			table[i].p = TOMBSTONE;
			return;
		}
	}
}

/* the allocations reported as leaked: kept reachable (see the comment at the top) */
static const void **reported;
static size_t nr_reported, reported_cap;

static void keep_reported(const void *p)
{
	if (nr_reported == reported_cap) {
		reported_cap = reported_cap ? 2 * reported_cap : 64;
		reported = realloc(reported, reported_cap * sizeof(*reported));
		if (!reported)
			abort();
	}
	reported[nr_reported++] = p;
}

/**
 * ledger_take_where - the sites of the allocations still live, for a leak's
 * text (ports/c/driver.c LEDGER_WHERE): ": SITE, SITE..." (at most four), ""
 * when none; then forgets them all, as the driver's kmem_live starts again
 * (kept reachable: a leak is reported once)
 *
 * Return: a static buffer.
 */
const char *ledger_take_where(void)
{
	static char buf[320];
	size_t i, len = 0;
	int shown = 0;

	buf[0] = '\0';
	for (i = 0; i < cap; i++) {
		if (!table[i].p || table[i].p == TOMBSTONE)
			continue;
		keep_reported(table[i].p);
		if (shown == 4 || len >= sizeof(buf))
			continue;
		char object[64] = "";

		if (table[i].object[0])
			failnth_object(table[i].object, object, sizeof(object));
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%.40s%s%.40s",
					shown ? ", " : ": ", table[i].func,
					object[0] ? ":" : "", object);
		shown++;
	}
	if (cap)
		memset(table, 0, cap * sizeof(*table));
	used = 0;
	return buf;
}
