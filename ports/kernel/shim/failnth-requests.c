// SPDX-License-Identifier: MIT
/*
 * failnth-requests.c - fail-nth in the kernel harness (docs/fail-nth.md): the
 * `failNth N` and `allocations` requests (PROTOCOL.md), answered as the C port
 * answers them (ports/c/failnth.c). Within one operation, every allocation of
 * kernel code is counted at its site and the armed nth fails. A site is
 * "function:object":
 * - an allocation in a kernel file (kmalloc, kzalloc, kcalloc, krealloc,
 *   kstrdup): the kernel function and the object its size or pointer
 *   expression names (alloc_dev_dax_range:ranges, alloc_resource:resource);
 * - an allocation a shim makes for kernel code (dev_set_name, device_add,
 *   devres_alloc, devm_add_action, ida_alloc, xa_insert, alloc_dax): the kernel
 *   function that called the shim, and the shim (devm_create_dev_dax:ida_alloc).
 * The harness's own driver is not kernel code: its allocations are neither
 * counted nor failed.
 *
 * Beyond the harness's checks after every request (no lock held, ASan, UBSan),
 * a WARN during an operation whose allocation was failed aborts the process: a
 * user who can make an allocation fail (any user, under memory pressure) can
 * trigger it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/daxcheck-failnth.h>
#include "failnth-requests.h"

#define MAX_SITES	64
#define SITE_LEN	96
#define MAX_VIA		16

void out_flush(void);

static long failnth_pending;	/* armed for the next request; 0: none */
static long failnth_n;		/* armed for the current request; 0: off */
static bool counting;		/* inside an operation */
static long nr_allocs;
static char sites[MAX_SITES][SITE_LEN];
static int nr_sites;
static char failed_site[SITE_LEN];
static unsigned long warns_before;

/* The shims kernel code is inside (FAILNTH_VIA), innermost last. */
static struct {
	const char *func;
	const char *shim;
} via[MAX_VIA];
static int via_depth;

/**
 * failnth_via_enter - kernel function @func calls shim @shim (FAILNTH_VIA)
 * @func: the kernel function
 * @shim: the shim it calls
 */
void failnth_via_enter(const char *func, const char *shim)
{
	if (via_depth < MAX_VIA) {
		via[via_depth].func = func;
		via[via_depth].shim = shim;
	}
	via_depth++;
}

/**
 * failnth_via_leave - the shim entered last returned
 */
void failnth_via_leave(void)
{
	via_depth--;
}

/**
 * failnth_site_of - the site of an allocation outside a kernel file (*@object
 * empty) made inside a shim kernel code called: that kernel function and shim
 * @func: the allocating function; replaced by the kernel function
 * @object: "" or a kernel file's size expression; replaced by the shim's name
 */
void failnth_site_of(const char **func, const char **object)
{
	if ((*object)[0] || via_depth < 1 || via_depth > MAX_VIA)
		return;
	*func = via[via_depth - 1].func;
	*object = via[via_depth - 1].shim;
}

/**
 * failnth_object - the object an allocation's size or pointer expression names:
 * "sizeof(*dev_dax)" -> "dev_dax", "sizeof(struct resource)" -> "resource",
 * "dax_region->extents" -> "extents" (as ports/c/failnth.c names them)
 * @what: the expression
 * @out: the name
 * @cap: @out's size
 */
void failnth_object(const char *what, char *out, size_t cap)
{
	const char *s = what, *p;
	size_t n = 0;

	if (strncmp(s, "sizeof", 6) == 0)
		s += 6;
	while (*s == '*' || *s == ' ' || *s == '(')
		s++;
	if (strncmp(s, "struct ", 7) == 0)
		s += 7;
	for (p = s; *p && (isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '>' || *p == '.'); p++) {
		if (*p == '.' || (*p == '>' && p > s && p[-1] == '-'))
			s = p + 1;
	}
	while (n + 1 < cap && (isalnum((unsigned char)s[n]) || s[n] == '_'))
		n++;
	if (n == 0)
		snprintf(out, cap, "mem");
	else
		snprintf(out, cap, "%.*s", (int)n, s);
}

/**
 * failnth_arm - fail the @n-th kernel allocation of the next operation
 * @n: 1 for its first allocation
 *
 * Return: 0, or -EINVAL for @n < 1.
 */
int failnth_arm(long n)
{
	if (n < 1)
		return -EINVAL;
	failnth_pending = n;
	return 0;
}

/**
 * failnth_begin - an operation starts: it takes the armed n; the last
 * operation's allocations are forgotten
 */
void failnth_begin(void)
{
	failnth_n = failnth_pending;
	failnth_pending = 0;
	nr_allocs = 0;
	nr_sites = 0;
	failed_site[0] = '\0';
	via_depth = 0;
	warns_before = warn_count;
	counting = true;
}

/**
 * failnth_end - the operation is answered: later allocations (observe, check)
 * are not counted. A WARN after its injected failure aborts, naming the site.
 */
void failnth_end(void)
{
	counting = false;
	failnth_n = 0;
	if (!failed_site[0] || warn_count == warns_before)
		return;
	fprintf(stderr, "SUMMARY: daxcheck kernel harness: WARN after the injected allocation failure at %s: %s",
		failed_site, printk_last());
	out_flush();	/* the answers before, so that the client blames this operation */
	abort();
}

/**
 * failnth_should_fail - count one allocation (slab.c, for every allocation)
 * @caller: the function that called the allocator
 * @what: its size or pointer expression in a kernel file; NULL elsewhere
 *
 * Return: true when this is the armed nth allocation of kernel code in the
 * current operation.
 */
bool failnth_should_fail(const char *caller, const char *what)
{
	char site[SITE_LEN], object[SITE_LEN];

	if (!counting)
		return false;
	if (what) {
		failnth_object(what, object, sizeof(object));
		snprintf(site, sizeof(site), "%.40s:%.40s", caller, object);
	} else if (via_depth > 0 && via_depth <= MAX_VIA) {
		snprintf(site, sizeof(site), "%.40s:%.40s", via[via_depth - 1].func,
			 via[via_depth - 1].shim);
	} else {
		return false;	/* the harness's own driver, or shims it called */
	}
	nr_allocs++;
	if (nr_sites < MAX_SITES)
		snprintf(sites[nr_sites++], SITE_LEN, "%s", site);
	if (nr_allocs != failnth_n)
		return false;
	snprintf(failed_site, sizeof(failed_site), "%s", site);
	failnth_n = 0;
	/* the client names the failed site when a sanitizer report follows */
	fprintf(stderr, "daxcheck fail-nth: allocation %ld of this request fails at %s\n",
		nr_allocs, failed_site);
	return true;
}

/**
 * failnth_failed - whether the current (or last) operation's armed allocation failed
 *
 * Return: true once it has.
 */
bool failnth_failed(void)
{
	return failed_site[0] != '\0';
}

/**
 * failnth_answer - the text of the "allocations" answer: "allocs FAILED SITE..."
 * (FAILED is "-" when no allocation failed)
 * @buf: where to write
 * @cap: its size
 */
void failnth_answer(char *buf, size_t cap)
{
	size_t len;
	int i;

	len = (size_t)snprintf(buf, cap, "allocs %s", failed_site[0] ? failed_site : "-");
	for (i = 0; i < nr_sites && len + SITE_LEN + 2 < cap; i++)
		len += (size_t)snprintf(buf + len, cap - len, " %s", sites[i]);
}
