// SPDX-License-Identifier: MIT
/*
 * check.c - the port's self-check (PROTOCOL.md "The self-check"): what the tree and
 * DAX checks share. A check walks the state without changing or allocating it and
 * stops at the first violation, whose text check_bad() keeps for the answer
 * "bad TEXT".
 */
#include <stdarg.h>
#include <stdio.h>
#include "driver.h"
#include <linux/ioport.h>

static char check_text[256];

/**
 * check_bad - record a violation of the port's own invariants
 * @fmt: printf format of the violation's text (one line)
 *
 * Return: false, so that a check can end with "return check_bad(...);".
 */
bool check_bad(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(check_text, sizeof(check_text), fmt, ap);
	va_end(ap);
	return false;
}

/**
 * check_answer - answer "check": "ok", or "bad TEXT" with the violation @ok_so_far
 * says was recorded
 * @ok_so_far: what the suite's check returned
 */
void check_answer(bool ok_so_far)
{
	char *p;

	if (ok_so_far) {
		answer_ok();
		return;
	}
	for (p = check_text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	out_str("bad ");
	out_str(check_text[0] ? check_text : "(no text)");
	out_char('\n');
	check_text[0] = '\0';
}

/**
 * check_resource_tree - the resource tree's shape below @parent
 * @parent: a resource reachable from a root
 * @count: incremented once per resource below @parent (not @parent itself)
 *
 * Every child names @parent as its parent, lies inside it and is not empty, and the
 * children are sorted by start and pairwise disjoint; the same for every child.
 *
 * Return: true, or false after check_bad().
 */
bool check_resource_tree(const struct resource *parent, long *count)
{
	const struct resource *child, *prev = NULL;

	for (child = parent->child; child; prev = child, child = child->sibling) {
		if (child->parent != parent)
			return check_bad("%s [0x%llx-0x%llx]: child %s [0x%llx-0x%llx] names another parent",
					 parent->name, (unsigned long long)parent->start,
					 (unsigned long long)parent->end, child->name,
					 (unsigned long long)child->start,
					 (unsigned long long)child->end);
		if (child->end < child->start || child->start < parent->start ||
		    child->end > parent->end)
			return check_bad("%s [0x%llx-0x%llx]: child %s [0x%llx-0x%llx] is not inside it",
					 parent->name, (unsigned long long)parent->start,
					 (unsigned long long)parent->end, child->name,
					 (unsigned long long)child->start,
					 (unsigned long long)child->end);
		if (prev && prev->end >= child->start)
			return check_bad("%s: children %s [0x%llx-0x%llx] and %s [0x%llx-0x%llx] are not sorted and disjoint",
					 parent->name, prev->name, (unsigned long long)prev->start,
					 (unsigned long long)prev->end, child->name,
					 (unsigned long long)child->start,
					 (unsigned long long)child->end);
		(*count)++;
		if (!check_resource_tree(child, count))
			return false;
	}
	return true;
}
