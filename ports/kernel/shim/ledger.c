// SPDX-License-Identifier: MIT
/*
 * ledger.c - where the kernel harness's live allocations were made, so that a
 * leak (PROTOCOL.md "Leaks": the allocation ledger, kmem_live in slab.c) names
 * its site: "__devm_create_dev_dax:dev_set_name" (fail-nth's names,
 * ports/shared/failnth.c), or the shim or driver function that allocated. Every
 * k*alloc'ed pointer is kept in an open-addressing table until kfree.
 *
 * A leak the driver reported (a dropped instance's leftovers, answered to the
 * "check" after "new": ledger_reported) stays reachable from here for the rest
 * of the process, so that LeakSanitizer's check at exit reports only what was
 * not reported: a leak already reported for the run that made it is not
 * reported again at the exit of a later run (which the client would take for
 * that run's leak, and then give every run a process of its own). Leftovers no
 * "check" asked for (the last instance of a session) are held masked, out of
 * LeakSanitizer's sight, so that its check at exit still reports them.
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

/* a pointer as LeakSanitizer does not recognise it (see the comment at the top) */
#define LEDGER_MASK ((uintptr_t)0xa5a5a5a5a5a5a5a5ull)

struct ptr_list {
	uintptr_t *v;
	size_t nr, cap;
};

/* the last dropped instance's leftovers (masked), and those the driver reported (kept reachable) */
static struct ptr_list pending, reported;

static void ptr_list_add(struct ptr_list *l, uintptr_t p)
{
	if (l->nr == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
		if (!l->v)
			abort();
	}
	l->v[l->nr++] = p;
}

/**
 * ledger_reported - the driver answered the last dropped instance's leak to a
 * "check": its leftovers stay reachable, so LeakSanitizer does not report them
 * again at exit
 */
void ledger_reported(void)
{
	size_t i;

	for (i = 0; i < pending.nr; i++)
		ptr_list_add(&reported, pending.v[i] ^ LEDGER_MASK);
	pending.nr = 0;
}

/**
 * ledger_take_where - the sites of the allocations still live, for a leak's
 * text (ports/c/driver.c LEDGER_WHERE): ": SITE, SITE..." (at most four), ""
 * when none; then forgets them all, as the driver's kmem_live starts again
 * (held masked until ledger_reported: a leak is reported once)
 *
 * Return: a static buffer.
 */
const char *ledger_take_where(void)
{
	static char buf[320];
	size_t i, len = 0;
	int shown = 0;

	buf[0] = '\0';
	pending.nr = 0; /* an earlier instance's leftovers no check asked for: LeakSanitizer's at exit */
	for (i = 0; i < cap; i++) {
		if (!table[i].p || table[i].p == TOMBSTONE)
			continue;
		ptr_list_add(&pending, (uintptr_t)table[i].p ^ LEDGER_MASK);
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
