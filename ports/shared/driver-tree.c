// SPDX-License-Identifier: MIT
/*
 * driver-tree.c - the resource tree suite (docs/SPECIFICATION.md sections 1.2-1.9) over
 * the kernel's public resource API only (ioport.h), so that it builds against a real
 * kernel/resource.c as well as ours.
 *
 * Ids: every resource created takes the next id. The driver knows which resources
 * __release_region() frees by watching kfree(): it marks the freed resource and the
 * subtree below it dead, and forgets its address (which malloc may hand out again).
 */
#include <string.h>
#include "driver.h"
#include <linux/ioport.h>

struct tree_node {
	struct resource *res;
	char *name;
	bool root;
	bool dead;
	bool freed;
};

static struct tree_node *nodes;
static long nr_nodes, cap_nodes;
static long *roots;
static long nr_roots;

/* Open-addressing map from a live resource's address to its id. */
#define SLOT_EMPTY	((struct resource *)0)
#define SLOT_GONE	((struct resource *)1)
static struct {
	struct resource *key;
	long id;
} *slots;
static unsigned long nr_slots, used_slots;

static unsigned long slot_hash(const void *p)
{
	unsigned long long x = (unsigned long long)(uintptr_t)p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (unsigned long)x & (nr_slots - 1);
}

static void map_put(struct resource *res, long id);

static void map_grow(void)
{
	unsigned long old = nr_slots, i;
	typeof(slots) old_slots = slots;

	nr_slots = old ? 2 * old : 1024;
	slots = kzalloc(sizeof(*slots) * nr_slots, GFP_KERNEL);
	used_slots = 0;
	for (i = 0; i < old; i++)
		if (old_slots[i].key != SLOT_EMPTY && old_slots[i].key != SLOT_GONE)
			map_put(old_slots[i].key, old_slots[i].id);
	kfree(old_slots);
}

static void map_put(struct resource *res, long id)
{
	unsigned long i;

	if (2 * (used_slots + 1) > nr_slots)
		map_grow();
	for (i = slot_hash(res); slots[i].key != SLOT_EMPTY; i = (i + 1) & (nr_slots - 1))
		;
	slots[i].key = res;
	slots[i].id = id;
	used_slots++;
}

static long map_find(const struct resource *res, bool remove)
{
	unsigned long i;

	if (!nr_slots)
		return -1;
	for (i = slot_hash(res); slots[i].key != SLOT_EMPTY; i = (i + 1) & (nr_slots - 1)) {
		if (slots[i].key == res) {
			long id = slots[i].id;

			if (remove)
				slots[i].key = SLOT_GONE;
			return id;
		}
	}
	return -1;
}

static long tree_add(struct resource *res, char *name, bool root)
{
	if (nr_nodes == cap_nodes) {
		cap_nodes = cap_nodes ? 2 * cap_nodes : 256;
		nodes = krealloc(nodes, sizeof(*nodes) * cap_nodes, GFP_KERNEL);
	}
	nodes[nr_nodes] = (struct tree_node) { .res = res, .name = name, .root = root };
	map_put(res, nr_nodes);
	return nr_nodes++;
}

/* Mark @res and everything below it dead (not reachable from a root any more). */
static void tree_mark_dead(struct resource *res)
{
	struct resource *child;
	long id = map_find(res, false);

	if (id >= 0)
		nodes[id].dead = true;
	for (child = res->child; child; child = child->sibling)
		tree_mark_dead(child);
}

/* kfree() observer: __release_region() freed a resource. */
static void tree_kfree_observer(const void *p)
{
	long id = map_find(p, false);

	if (id < 0)
		return;
	tree_mark_dead(nodes[id].res);
	map_find(p, true);
	nodes[id].freed = true;
}

static struct resource *tree_live(long id)
{
	if (id < 0 || id >= nr_nodes || nodes[id].dead)
		return NULL;
	return nodes[id].res;
}

/**
 * tree_new - start an empty forest
 *
 * Return: true (this port has the tree suite).
 */
bool tree_new(void)
{
	kfree_observer = tree_kfree_observer;
	return true;
}

/**
 * tree_free - free the forest
 */
void tree_free(void)
{
	long i;

	kfree_observer = NULL;
	for (i = 0; i < nr_nodes; i++) {
		if (!nodes[i].freed)
			kfree(nodes[i].res);
		kfree(nodes[i].name);
	}
	kfree(nodes);
	kfree(roots);
	kfree(slots);
	nodes = NULL;
	roots = NULL;
	slots = NULL;
	nr_nodes = cap_nodes = nr_roots = 0;
	nr_slots = used_slots = 0;
}

static struct resource *new_resource(u64 start, u64 end, char **name, const char *given)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);

	*name = kstrdup(given, GFP_KERNEL);
	res->start = start;
	res->end = end;
	res->name = *name;
	res->flags = IORESOURCE_MEM;
	return res;
}

static void add_root(u64 start, u64 end, const char *given)
{
	struct resource *res;
	char *name;
	long id;

	if (end < start) {
		answer_err(-EINVAL);
		return;
	}
	res = new_resource(start, end, &name, given);
	id = tree_add(res, name, true);
	roots = krealloc(roots, sizeof(*roots) * (nr_roots + 1), GFP_KERNEL);
	roots[nr_roots++] = id;
	answer_id(id);
}

static void do_request_resource(long parent, u64 start, u64 end, const char *given)
{
	struct resource *root = tree_live(parent), *res, *conflict;
	char *name;

	if (!root) {
		answer_err(-ENXIO);
		return;
	}
	res = new_resource(start, end, &name, given);
	conflict = request_resource_conflict(root, res);
	if (conflict) {
		kfree(res);
		kfree(name);
		out_str("err EBUSY ");
		out_long(map_find(conflict, false));
		out_char('\n');
		return;
	}
	answer_id(tree_add(res, name, false));
}

static void do_request_region(long parent, u64 start, u64 n, const char *given)
{
	struct resource *root = tree_live(parent), *res;
	char *name;

	if (!root) {
		answer_err(-ENXIO);
		return;
	}
	name = kstrdup(given, GFP_KERNEL);
	res = __request_region(root, start, n, name, 0);
	if (!res) {
		kfree(name);
#if DAXCHECK_FAILNTH
		/* NULL is a conflict or a failed allocation alike: fail-nth knows which */
		answer_err(failnth_failed() ? -ENOMEM : -EBUSY);
#else
		answer_err(-EBUSY);
#endif
		return;
	}
	answer_id(tree_add(res, name, false));
}

/*
 * __release_region() returns nothing: like a test reading dmesg, the driver
 * reads its "Trying to free nonexistent resource" warning as ENOENT.
 */
static void do_release_region(long parent, u64 start, u64 n)
{
	struct resource *root = tree_live(parent);
	unsigned long printed = printk_count;

	if (!root) {
		answer_err(-ENXIO);
		return;
	}
	__release_region(root, start, n);
	if (printk_count != printed &&
	    strstr(printk_last(), "Trying to free nonexistent resource"))
		answer_err(-ENOENT);
	else
		answer_ok();
}

static void do_adjust_resource(long id, u64 start, u64 size)
{
	struct resource *res = tree_live(id);
	int rc;

	if (!res) {
		answer_err(-ENXIO);
		return;
	}
	/*
	 * daxcheck's rule (docs/SPECIFICATION.md section 1.7), not the kernel's: adjust_resource()
	 * accepts size 0 or a wrapping end and leaves an inverted resource
	 * (size 0 at 0x1000 gives [0x1000, 0xfff]). The driver refuses them
	 * here, before the kernel sees them.
	 */
	if (!size || size - 1 > U64_MAX - start) {
		answer_err(-EINVAL);
		return;
	}
	rc = adjust_resource(res, start, size);
	if (rc)
		answer_err(rc);
	else
		answer_ok();
}

static void do_release_resource(long id)
{
	struct resource *res = tree_live(id);

	if (!res) {
		answer_err(-ENXIO);
		return;
	}
	if (nodes[id].root) {
		answer_err(-EINVAL);
		return;
	}
	release_resource(res);
	tree_mark_dead(res);
	answer_ok();
}

/* The request handlers (dispatch.h's TREE_REQUESTS): arguments as the spec parsed them. */
static void do_addRoot(union arg *args)
{
	add_root(args[0].u, args[1].u, args[2].s);
}

static void do_requestResource(union arg *args)
{
	do_request_resource(args[0].l, args[1].u, args[2].u, args[3].s);
}

static void do_requestRegion(union arg *args)
{
	do_request_region(args[0].l, args[1].u, args[2].u, args[3].s);
}

static void do_releaseRegion(union arg *args)
{
	do_release_region(args[0].l, args[1].u, args[2].u);
}

static void do_adjustResource(union arg *args)
{
	do_adjust_resource(args[0].l, args[1].u, args[2].u);
}

static void do_releaseResource(union arg *args)
{
	do_release_resource(args[0].l);
}

static const struct request_op tree_ops[] = {
	TREE_REQUESTS(REQUEST_OP)
};

/**
 * tree_request - run one tree-suite request
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a tree-suite request (nothing answered).
 */
bool tree_request(int argc, char **argv)
{
	return request_dispatch(tree_ops, sizeof(tree_ops) / sizeof(tree_ops[0]), argc, argv);
}

/* The id of a resource of the forest, for the snapshot. */
static long node_id(const struct resource *res)
{
	return map_find(res, false);
}

/**
 * tree_observe - answer "snap" with the forest's canonical snapshot
 */
void tree_observe(void)
{
	bool first = true;
	long i;

	snap_begin("roots");
	for (i = 0; i < nr_roots; i++) {
		snap_next(&first);
		snap_resource(nodes[roots[i]].res, nodes[roots[i]].res->name, node_id);
	}
	snap_end();
}

/* Every resource reachable from a root is a live node, known to the id map by its address. */
static bool check_reachable(const struct resource *res)
{
	const struct resource *child;
	long id = map_find(res, false);

	if (id < 0 || nodes[id].res != res)
		return check_bad("resource %s [0x%llx-0x%llx] in the tree has no id",
				 res->name, (unsigned long long)res->start,
				 (unsigned long long)res->end);
	if (nodes[id].dead)
		return check_bad("resource %ld is in the tree but marked dead", id);
	for (child = res->child; child; child = child->sibling)
		if (!check_reachable(child))
			return false;
	return true;
}

/**
 * tree_check - the forest's own invariants, beyond what observe shows
 *
 * Every root is a live root node without a parent; below each root the tree's shape
 * holds (check_resource_tree()); every resource in the forest is a live node that the
 * id map finds at its address, with the name the driver gave it; and every live node
 * is in the forest, under a root (so a resource the kernel code unlinked is marked dead).
 *
 * Return: true, or false after check_bad().
 */
bool tree_check(void)
{
	long i, reachable = 0, live = 0;

	for (i = 0; i < nr_roots; i++) {
		const struct tree_node *root = &nodes[roots[i]];

		if (!root->root || root->dead || root->res->parent)
			return check_bad("root %ld is not a live root without a parent", roots[i]);
		reachable++;
		if (!check_resource_tree(root->res, &reachable) || !check_reachable(root->res))
			return false;
	}
	for (i = 0; i < nr_nodes; i++) {
		const struct tree_node *node = &nodes[i];

		if (node->dead)
			continue;
		live++;
		if (node->freed || node->res->name != node->name)
			return check_bad("resource %ld: live but freed, or renamed", i);
	}
	/* every resource in the forest is live: equal counts leave no live one outside */
	if (live != reachable)
		return check_bad("%ld live resources but %ld in the forest: a live one was unlinked",
				 live, reachable);
	return true;
}
