// SPDX-License-Identifier: MIT
/*
 * resource.c - the resource tree (docs/SPECIFICATION.md section 1), written for daxcheck in the
 * manner of kernel/resource.c: every resource has a parent, its first child and its
 * next sibling; siblings are sorted by start and pairwise disjoint. It includes
 * only the kernel's header names, so the kernel harness (ports/kernel/) builds
 * it against its shims exactly as it builds the kernel's own file.
 */
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/printk.h>
#include <linux/slab.h>

static struct resource *alloc_resource(gfp_t flags)
{
	return kzalloc(sizeof(struct resource), flags);
}

static void free_resource(struct resource *res)
{
	kfree(res);
}

/*
 * Insert @new under @root, before the first child that starts after @new ends.
 * Return: NULL on success, else the conflict: @root when @new is empty or not
 * inside it, otherwise the lowest child overlapping @new.
 */
static struct resource *__request_resource(struct resource *root, struct resource *new)
{
	resource_size_t start = new->start;
	resource_size_t end = new->end;
	struct resource *tmp, **p;

	if (end < start)
		return root;
	if (start < root->start)
		return root;
	if (end > root->end)
		return root;
	p = &root->child;
	for (;;) {
		tmp = *p;
		if (!tmp || tmp->start > end) {
			new->sibling = tmp;
			*p = new;
			new->parent = root;
			return NULL;
		}
		p = &tmp->sibling;
		if (tmp->end < start)
			continue;
		return tmp;
	}
}

/* Unlink @old (with its subtree) from its parent's child list. */
static int __release_resource(struct resource *old)
{
	struct resource *tmp, **p;

	p = &old->parent->child;
	for (;;) {
		tmp = *p;
		if (!tmp)
			break;
		if (tmp == old) {
			*p = tmp->sibling;
			old->parent = NULL;
			return 0;
		}
		p = &tmp->sibling;
	}
	return -EINVAL;
}

/**
 * request_resource_conflict - request and reserve an I/O or memory resource
 * @root: root resource descriptor
 * @new: resource descriptor desired by caller
 *
 * Purely geometric: the busy flag plays no part.
 *
 * Return: NULL for success, the conflicting resource otherwise (@root itself when
 * @new is empty or does not fit inside it).
 */
struct resource *request_resource_conflict(struct resource *root, struct resource *new)
{
	return __request_resource(root, new);
}

/**
 * request_resource - request and reserve an I/O or memory resource
 * @root: root resource descriptor
 * @new: resource descriptor desired by caller
 *
 * Return: 0 for success, -EBUSY on a conflict.
 */
int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}

/**
 * release_resource - release a previously reserved resource
 * @old: resource pointer
 *
 * Unlinks @old with its whole subtree; the memory stays the caller's.
 *
 * Return: 0, or -EINVAL when @old is not linked.
 */
int release_resource(struct resource *old)
{
	if (!old->parent)
		return -EINVAL;
	return __release_resource(old);
}

/**
 * adjust_resource - modify a resource's start and size
 * @res: resource to modify
 * @start: new start value
 * @size: new size
 *
 * The new range [@start, @start + @size - 1] must stay inside the parent, end before
 * the next sibling, start after the previous one, and contain every child of @res.
 * The sibling order never changes. Like the kernel, it does not check the range
 * itself: callers pass no empty or wrapping size.
 *
 * Return: 0 on success, -EBUSY if it can't fit.
 */
int adjust_resource(struct resource *res, resource_size_t start, resource_size_t size)
{
	struct resource *tmp, *parent = res->parent;
	resource_size_t end = start + size - 1;

	if (!parent)
		goto skip;
	if (start < parent->start || end > parent->end)
		return -EBUSY;
	if (res->sibling && res->sibling->start <= end)
		return -EBUSY;
	tmp = parent->child;
	if (tmp != res) {
		while (tmp->sibling != res)
			tmp = tmp->sibling;
		if (start <= tmp->end)
			return -EBUSY;
	}
skip:
	for (tmp = res->child; tmp; tmp = tmp->sibling)
		if (tmp->start < start || tmp->end > end)
			return -EBUSY;
	res->start = start;
	res->end = end;
	return 0;
}

/**
 * __request_region - create a new busy resource region
 * @parent: parent resource descriptor
 * @start: resource start address
 * @n: resource region size (end = @start + @n - 1, wrapping as u64)
 * @name: reserving caller's ID string (not copied)
 * @flags: IO resource flags
 *
 * Descends into a non-busy conflict other than the current parent and retries there.
 *
 * Return: the new resource, or NULL when the conflict is busy or the parent itself
 * (or the allocation fails).
 */
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	struct resource *res = alloc_resource(GFP_KERNEL);

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	res->flags = (parent->flags & IORESOURCE_MEM) | IORESOURCE_BUSY | (unsigned int)flags;
	for (;;) {
		struct resource *conflict = __request_resource(parent, res);

		if (!conflict)
			return res;
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY)) {
			parent = conflict;
			continue;
		}
		free_resource(res);
		return NULL;
	}
}

/**
 * __release_region - release a previously reserved resource region
 * @parent: parent resource descriptor
 * @start: resource start address
 * @n: resource region size
 *
 * Finds the first child containing [@start, @start + @n - 1], descending through
 * non-busy ones; a busy one is unlinked and freed if it is exactly that range (its
 * own children are not re-parented). Otherwise warns and changes nothing.
 */
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct resource **p = &parent->child;
	resource_size_t end = start + n - 1;

	for (;;) {
		struct resource *res = *p;

		if (!res)
			break;
		if (res->start <= start && res->end >= end) {
			if (!(res->flags & IORESOURCE_BUSY)) {
				p = &res->child;
				continue;
			}
			if (res->start != start || res->end != end)
				break;
			*p = res->sibling;
			res->parent = NULL;
			free_resource(res);
			return;
		}
		p = &res->sibling;
	}
	pr_warn("Trying to free nonexistent resource <%016llx-%016llx>\n",
		(unsigned long long)start, (unsigned long long)end);
}
