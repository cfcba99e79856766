// SPDX-License-Identifier: MIT
/*
 * failnth.c - fail-nth allocation-failure injection (docs/fail-nth.md), in the manner
 * of the kernel's /proc/self/task/<tid>/fail-nth: within one request, the armed nth
 * allocation fails. Every allocation of the slab shim (slab.c) is counted at its call
 * site, named "function:object" (e.g. "alloc_dev_dax_range:ranges"), so that a
 * request's allocations, and the one that failed, can be answered ("allocations").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/slab.h>

#define MAX_SITES	64
#define SITE_LEN	96

static long failnth_pending;	/* armed for the next request; 0: none */
static long failnth_n;		/* armed for the current request; 0: off */
static bool counting;		/* inside a request */
static long nr_allocs;
static char sites[MAX_SITES][SITE_LEN];
static int nr_sites;
static char failed_site[SITE_LEN];

/* The shims kernel code is inside (failnth_via_enter), innermost last: the kernel harness. */
#define MAX_VIA		16
static struct {
	const char *func;
	const char *shim;
} via[MAX_VIA];
static int via_depth;

/**
 * failnth_via_enter - kernel function @func calls shim @shim, whose allocations
 * are then counted as "func:shim" (linux/daxcheck-failnth.h in the kernel harness)
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
 * failnth_site_of - the site of an allocation whose expression is not counted
 * (*@object empty) made inside a shim that kernel code called: that kernel
 * function and shim; else unchanged
 * @func: the allocating function; replaced by the kernel function
 * @object: "" or the allocation's expression; replaced by the shim's name
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
 * "dax_region->extents" -> "extents", "label" -> "label"
 * @what: the expression
 * @out: the name
 * @cap: @out's size
 */
void failnth_object(const char *what, char *out, size_t cap)
{
	const char *s = what, *p;
	size_t n = 0;

	if (strncmp(s, "sizeof(", 7) == 0)
		s += 7;
	while (*s == '*' || *s == ' ' || *s == '(')
		s++;
	if (strncmp(s, "struct ", 7) == 0)
		s += 7;
	/* the last member named before the expression ends or an operator starts */
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
 * failnth_arm - fail the @n-th allocation of the next request
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
 * failnth_begin - a request starts: it takes the armed n; the last request's
 * allocations are forgotten
 */
void failnth_begin(void)
{
	failnth_n = failnth_pending;
	failnth_pending = 0;
	nr_allocs = 0;
	nr_sites = 0;
	failed_site[0] = '\0';
	via_depth = 0;
	counting = true;
}

/**
 * failnth_end - the request is answered: later allocations (observe, check) are
 * not counted
 */
void failnth_end(void)
{
	counting = false;
	failnth_n = 0;
}

/**
 * failnth_should_fail - count one allocation at a call site
 * @func: the calling function
 * @what: the allocation's size or pointer expression, as written; NULL for an
 *	allocation the build does not count unless kernel code called the shim
 *	that makes it (failnth_via_enter)
 *
 * Return: true when this is the armed nth allocation of the request.
 */
bool failnth_should_fail(const char *func, const char *what)
{
	char object[SITE_LEN];
	const char *shim = "";

	if (!counting)
		return false;
	if (!what) {
		failnth_site_of(&func, &shim);	/* inside a shim kernel code called? */
		if (!shim[0])
			return false;
		snprintf(object, sizeof(object), "%s", shim);
	} else {
		failnth_object(what, object, sizeof(object));
	}
	nr_allocs++;
	if (nr_sites < MAX_SITES)
		snprintf(sites[nr_sites++], SITE_LEN, "%.40s:%.40s", func, object);
	if (nr_allocs != failnth_n)
		return false;
	snprintf(failed_site, SITE_LEN, "%.40s:%.40s", func, object);
	failnth_n = 0;
	/* the client names the failed site when a sanitizer report follows */
	fprintf(stderr, "daxcheck fail-nth: allocation %ld of this request fails at %s\n",
			nr_allocs, failed_site);
	return true;
}

/**
 * failnth_failed - whether the current (or last) request's armed allocation failed
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
