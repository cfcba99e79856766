// SPDX-License-Identifier: MIT
/*
 * bus.c - DAX regions and devices (docs/SPECIFICATION.md sections 2-3), written
 * for daxcheck in the manner of drivers/dax/bus.c: region/create, region/delete, the
 * dev/size, dev/mapping and dev/align writes, and the range allocator behind them.
 */
#include <stdio.h>
#include <string.h>
#include "dax-private.h"

/**
 * resource_free_space - the bytes of @res not covered by its direct children
 * @res: a resource
 *
 * Return: resource_size(@res) minus the sizes of its children.
 */
u64 resource_free_space(const struct resource *res)
{
	u64 free = resource_size(res);
	const struct resource *child;

	for (child = res->child; child; child = child->sibling)
		free -= resource_size(child);
	return free;
}

/**
 * dax_release_region - __release_region() on behalf of DAX code
 * @dax_region: the region, whose bad_releases counts a release that found nothing
 * @parent: where the resource was requested
 * @start: its start
 * @n: its size
 *
 * __release_region() returns nothing; a release that freed nothing is the kernel's
 * "Trying to free nonexistent resource".
 */
void dax_release_region(struct dax_region *dax_region, struct resource *parent,
			u64 start, u64 n)
{
	unsigned long freed = kfree_count;

	__release_region(parent, start, n);
	if (kfree_count == freed)
		dax_region->bad_releases++;
}

/**
 * dax_region_avail_size - the capacity not yet given to a device
 * @dax_region: the region
 *
 * Return: contiguous, the region's free space; dynamic, the free space of its
 * visible extents; 0 once destroyed.
 */
u64 dax_region_avail_size(struct dax_region *dax_region)
{
	u64 avail = 0;
	int i;

	if (dax_region->destroyed)
		return 0;
	if (!dax_region->dynamic)
		return resource_free_space(&dax_region->res);
	for (i = 0; i < dax_region->nr_extents; i++) {
		struct dax_extent *extent = dax_region->extents[i].extent;

		if (extent && extent->visible)
			avail += resource_free_space(extent->res);
	}
	return avail;
}

/**
 * dev_dax_size - the sum of the device's range lengths
 * @dev_dax: the device
 *
 * Return: its size in bytes.
 */
u64 dev_dax_size(const struct dev_dax *dev_dax)
{
	u64 size = 0;
	int i;

	for (i = 0; i < dev_dax->nr_range; i++)
		size += range_len(dev_dax->ranges[i].range.start, dev_dax->ranges[i].range.end);
	return size;
}

/* The effective alignment: max(align, 2 MiB). */
static u64 dev_dax_align(const struct dev_dax *dev_dax)
{
	return max_t(u64, dev_dax->align, SZ_2M);
}

/* The resource the range's resource was requested under. */
static struct resource *dev_dax_range_parent(struct dev_dax *dev_dax, struct dev_dax_range *r)
{
	return r->extent ? r->extent->res : &dev_dax->region->res;
}

/* The device's own resource for range @r, found by name and start as the kernel does. */
static struct resource *dev_dax_range_res(struct dev_dax *dev_dax, struct dev_dax_range *r)
{
	struct resource *res;

	for (res = dev_dax_range_parent(dev_dax, r)->child; res; res = res->sibling)
		if (res->start == r->range.start && strcmp(res->name, dev_dax->name) == 0)
			return res;
	return NULL;
}

/*
 * trim_dev_dax_range - remove the device's last range: release its resource and,
 * on a dynamic region, drop its extent reference.
 */
static void trim_dev_dax_range(struct dev_dax *dev_dax)
{
	struct dev_dax_range *r = &dev_dax->ranges[dev_dax->nr_range - 1];
	struct dax_extent *extent = r->extent;

	dax_release_region(dev_dax->region, dev_dax_range_parent(dev_dax, r), r->range.start,
			   range_len(r->range.start, r->range.end));
	kfree(r->mapping);
	dev_dax->nr_range--;
	if (extent)
		dax_extent_put(extent);
}

/*
 * alloc_dev_dax_range - request [@start, @start + @size - 1] under @parent, named after
 * the device, and append it as the device's last range (in @extent, which gains a
 * reference, on a dynamic region). After a failure nothing of the new range remains.
 * Return: 0, -ENOMEM, or -EBUSY (fault K1's size-0 path).
 */
static int alloc_dev_dax_range(struct dev_dax *dev_dax, struct resource *parent, u64 start,
			       u64 size, struct dax_extent *extent)
{
	struct dax_region *dax_region = dev_dax->region;
	struct dev_dax_range *ranges;
	struct dax_mapping *mapping;
	struct resource *alloc;
	unsigned long pgoff;

	/* upstream's seed-alloc special case, reached by a whole-space mapping write */
	if (!size && dax_fault(dax_region, DAX_FAULT_K1_WHOLE_SPACE_MAPPING)) {
		if (WARN_ONCE(dev_dax->nr_range, "0-size allocation must be first\n"))
			return -EBUSY;
		return 0;
	}
	if (should_fail_alloc(ALLOC_RESOURCE))
		return -ENOMEM;
	alloc = __request_region(parent, start, size, dev_dax->name, 0);
	if (!alloc)
		return -ENOMEM;

	ranges = krealloc_at(ALLOC_RANGES, dev_dax->ranges,
			     sizeof(*ranges) * (dev_dax->nr_range + 1), GFP_KERNEL);
	if (!ranges) {
		dax_release_region(dax_region, parent, start, size);
		return -ENOMEM;
	}
	dev_dax->ranges = ranges;
	pgoff = PHYS_PFN(dev_dax_size(dev_dax));
	ranges[dev_dax->nr_range++] = (struct dev_dax_range) {
		.pgoff = pgoff,
		.range = { .start = alloc->start, .end = alloc->end },
		.extent = extent,
	};
	if (extent)
		dax_extent_get(extent);

	mapping = kzalloc_at(ALLOC_MAPPING, sizeof(*mapping), GFP_KERNEL);
	if (!mapping) {
		trim_dev_dax_range(dev_dax);
		return -ENOMEM;
	}
	mapping->range_id = dev_dax->nr_range - 1;
	ranges[dev_dax->nr_range - 1].mapping = mapping;
	return 0;
}

/*
 * adjust_dev_dax_range - give the last range the length @size (start kept) by
 * adjusting @res (the range's own resource; fault S1 passes its extent's).
 */
static int adjust_dev_dax_range(struct dev_dax *dev_dax, struct resource *res, u64 size)
{
	struct dev_dax_range *r = &dev_dax->ranges[dev_dax->nr_range - 1];
	int rc;

	if (!res)
		return -ENXIO;
	rc = adjust_resource(res, r->range.start, size);
	if (rc)
		return rc;
	r->range.end = r->range.start + size - 1;
	return 0;
}

/* dev_dax_alloc - a new device of size 0 with the lowest unused id; NULL on failure. */
static struct dev_dax *dev_dax_alloc(struct dax_region *dax_region)
{
	struct dev_dax *dev_dax;
	int id = ida_alloc(&dax_region->ida, GFP_KERNEL);

	if (id < 0)
		return NULL;
	if (id >= dax_region->nr_devs) {
		int nr = max_t(int, 2 * dax_region->nr_devs, id + 1);
		struct dev_dax **devs = krealloc(dax_region->devs, sizeof(*devs) * nr, GFP_KERNEL);

		if (!devs) {
			ida_free(&dax_region->ida, id);
			return NULL;
		}
		memset(devs + dax_region->nr_devs, 0, sizeof(*devs) * (nr - dax_region->nr_devs));
		dax_region->devs = devs;
		dax_region->nr_devs = nr;
	}
	dev_dax = kzalloc(sizeof(*dev_dax), GFP_KERNEL);
	if (!dev_dax) {
		ida_free(&dax_region->ida, id);
		return NULL;
	}
	dev_dax->region = dax_region;
	dev_dax->id = id;
	dev_dax->align = dax_region->align;
	snprintf(dev_dax->name, sizeof(dev_dax->name), "dax%d.%d", dax_region->id, id);
	dax_region->devs[id] = dev_dax;
	return dev_dax;
}

/* dev_dax_free - unregister a device that has no ranges left. */
static void dev_dax_free(struct dev_dax *dev_dax)
{
	struct dax_region *dax_region = dev_dax->region;

	dax_region->devs[dev_dax->id] = NULL;
#ifndef DAXCHECK_PLANT_IDA_LEAK	/* a test build's planted defect (Makefile) */
	ida_free(&dax_region->ida, dev_dax->id);
#endif
	kfree(dev_dax->ranges);
	kfree(dev_dax);
}

/**
 * devm_create_dev_dax - the region/create write
 * @dax_region: a live region
 * @size: 0, or the size of a first range at the region's start
 *
 * Return: the new device's id; -EINVAL (sized on a dynamic region unless fault S4, or
 * not a multiple of the new device's effective alignment, max(region align, 2 MiB)),
 * -ENOSPC (no available size), -ENOMEM (the sized range
 * failed; the device is removed again).
 */
int devm_create_dev_dax(struct dax_region *dax_region, u64 size)
{
	struct dev_dax *dev_dax;

	if (size && dax_region->dynamic &&
	    !dax_fault(dax_region, DAX_FAULT_S4_SIZED_CREATE_DYNAMIC))
		return -EINVAL;
	if (!IS_ALIGNED(size, max_t(u64, dax_region->align, SZ_2M)))
		return -EINVAL;
	if (!dax_region_avail_size(dax_region))
		return -ENOSPC;
	dev_dax = dev_dax_alloc(dax_region);
	if (!dev_dax)
		return -ENOMEM;
	if (size && alloc_dev_dax_range(dev_dax, &dax_region->res, dax_region->res.start,
					size, NULL)) {
		dev_dax_free(dev_dax);
		return -ENOMEM;
	}
	return dev_dax->id;
}

/**
 * dev_dax_delete - the region/delete write
 * @dev_dax: the device
 *
 * Return: 0, or -EBUSY (device 0, bound, or size not 0).
 */
int dev_dax_delete(struct dev_dax *dev_dax)
{
	if (dev_dax->id == 0 || dev_dax->bound || dev_dax_size(dev_dax))
		return -EBUSY;
	dev_dax_free(dev_dax);
	return 0;
}

/**
 * dev_dax_bind - attach a driver
 * @dev_dax: the device
 *
 * Return: 0, -EBUSY (already bound), -ENXIO (size 0).
 */
int dev_dax_bind(struct dev_dax *dev_dax)
{
	if (dev_dax->bound)
		return -EBUSY;
	if (!dev_dax_size(dev_dax))
		return -ENXIO;
	dev_dax->bound = true;
	return 0;
}

/**
 * dev_dax_unbind - detach the driver
 * @dev_dax: the device
 *
 * Return: 0, or -ENXIO (not bound).
 */
int dev_dax_unbind(struct dev_dax *dev_dax)
{
	if (!dev_dax->bound)
		return -ENXIO;
	dev_dax->bound = false;
	return 0;
}

/*
 * dev_dax_shrink - from the last range back, trim whole ranges; shorten the first one
 * only partly removed in place and stop. Fault S1 adjusts the extent's resource instead.
 */
static int dev_dax_shrink(struct dev_dax *dev_dax, u64 size)
{
	u64 to_shrink = dev_dax_size(dev_dax) - size;

	while (to_shrink && dev_dax->nr_range) {
		struct dev_dax_range *r = &dev_dax->ranges[dev_dax->nr_range - 1];
		u64 len = range_len(r->range.start, r->range.end);
		struct resource *res;

		if (len <= to_shrink) {
			trim_dev_dax_range(dev_dax);
			to_shrink -= len;
			continue;
		}
		if (r->extent && dax_fault(dev_dax->region, DAX_FAULT_S1_SHRINK_ADJUSTS_EXTENT))
			res = r->extent->res;
		else
			res = dev_dax_range_res(dev_dax, r);
		return adjust_dev_dax_range(dev_dax, res, len - to_shrink);
	}
	return 0;
}

/* The first free gap of @parent in address order and the child before it (or NULL). */
static bool first_gap(struct resource *parent, u64 *start, u64 *end, struct resource **after)
{
	struct resource *prev = NULL, *child;
	u64 cursor = parent->start;

	for (child = parent->child; child; prev = child, child = child->sibling) {
		if (child->start > cursor) {
			*start = cursor;
			*end = child->start - 1;
			*after = prev;
			return true;
		}
		if (child->end == parent->end)
			return false;
		cursor = child->end + 1;
	}
	*start = cursor;
	*end = parent->end;
	*after = prev;
	return true;
}

/* What the grow loop returns when it finds no room: -ENOSPC (fault S5: success). */
static int dev_dax_no_room(struct dev_dax *dev_dax)
{
	return dax_fault(dev_dax->region, DAX_FAULT_S5_NO_GAP_SUCCESS) ? 0 : -ENOSPC;
}

/* The first visible extent, in extent order, with free space (as the allocator reads it). */
static struct dax_extent *dax_region_first_extent(struct dax_region *dax_region)
{
	int i;

	for (i = 0; i < dax_region->nr_extents; i++) {
		struct dax_extent *extent = dax_region->extents[i].extent;

		if (extent && dax_extent_alloc_space(extent))
			return extent;
	}
	return NULL;
}

/* One chunk of growth: first fit in the region (contiguous) or the first extent with space. */
static int dev_dax_grow_step(struct dev_dax *dev_dax, u64 *to_alloc)
{
	struct dax_region *dax_region = dev_dax->region;
	struct dax_extent *extent = NULL;
	struct resource *parent = &dax_region->res, *after;
	u64 start, end, chunk;

	if (dax_region->dynamic) {
		extent = dax_region_first_extent(dax_region);
		if (!extent)
			return 1;
		parent = extent->res;
	}
	if (!first_gap(parent, &start, &end, &after))
		return 1;
	chunk = min_t(u64, range_len(start, end), *to_alloc);
	*to_alloc -= chunk;
	if (!extent && after && dev_dax->nr_range) {
		struct dev_dax_range *last = &dev_dax->ranges[dev_dax->nr_range - 1];

		u64 len = range_len(last->range.start, last->range.end);

		if (after->start == last->range.start && after->end == last->range.end &&
		    strcmp(after->name, dev_dax->name) == 0)
			return adjust_dev_dax_range(dev_dax, after, len + chunk);
	}
	return alloc_dev_dax_range(dev_dax, parent, start, chunk, extent);
}

/**
 * dev_dax_resize - the dev/size write
 * @dev_dax: the device
 * @size: the new size
 *
 * Not transactional: chunks added or ranges trimmed before a failure stay.
 *
 * Return: 0; -EINVAL (not a multiple of the effective alignment), -EBUSY (bound, or
 * fault S1's shrink), -ENOSPC (more than the available size, or no gap left),
 * -ENOMEM (an allocation failed).
 */
int dev_dax_resize(struct dev_dax *dev_dax, u64 size)
{
	u64 cur, to_alloc;

	if (!IS_ALIGNED(size, dev_dax_align(dev_dax)))
		return -EINVAL;
	if (dev_dax->bound)
		return -EBUSY;
	cur = dev_dax_size(dev_dax);
	if (size == cur)
		return 0;
	if (size > cur && size - cur > dax_region_avail_size(dev_dax->region))
		return -ENOSPC;
	if (size < cur)
		return dev_dax_shrink(dev_dax, size);
	to_alloc = size - cur;
	while (to_alloc) {
		int rc = dev_dax_grow_step(dev_dax, &to_alloc);

		if (rc > 0)
			return dev_dax_no_room(dev_dax);
		if (rc)
			return rc;
	}
	return 0;
}

/**
 * dev_dax_mapping_store - the dev/mapping write "start-end"
 * @dev_dax: the device
 * @start: first byte
 * @end: last byte (inclusive)
 *
 * Return: 0; -EINVAL (dynamic region, @end < @start), -ENXIO (length or start
 * relative to the region not a multiple of the effective alignment), -ENOMEM
 * (conflict or allocation failure), -EBUSY (fault K1 on a device with ranges).
 */
int dev_dax_mapping_store(struct dev_dax *dev_dax, u64 start, u64 end)
{
	struct dax_region *dax_region = dev_dax->region;
	u64 align = dev_dax_align(dev_dax);
	u64 len;

	if (dax_region->dynamic)
		return -EINVAL;
	if (end < start)
		return -EINVAL;
	len = end - start + 1;	/* [0, U64_MAX] wraps to 0 */
	if (!IS_ALIGNED(len, align))
		return -ENXIO;
	if (!IS_ALIGNED(start - dax_region->res.start, align))
		return -ENXIO;
	return alloc_dev_dax_range(dev_dax, &dax_region->res, start, len, NULL);
}

/**
 * dev_dax_align_store - the dev/align write
 * @dev_dax: the device
 * @align: 4 KiB, 2 MiB or 1 GiB
 *
 * Return: 0; -EINVAL (another value, or a range not a multiple of max(@align, 2 MiB);
 * align unchanged), -EBUSY (bound).
 */
int dev_dax_align_store(struct dev_dax *dev_dax, u64 align)
{
	u64 eff = max_t(u64, align, SZ_2M);
	int i;

	if (align != SZ_4K && align != SZ_2M && align != SZ_1G)
		return -EINVAL;
	if (dev_dax->bound)
		return -EBUSY;
	for (i = 0; i < dev_dax->nr_range; i++)
		if (!IS_ALIGNED(range_len(dev_dax->ranges[i].range.start,
					  dev_dax->ranges[i].range.end), eff))
			return -EINVAL;
	dev_dax->align = align;
	return 0;
}

/* Free what is left of a region: devices, extents, resources. */
static void dax_region_free_res(struct resource *res)
{
	while (res->child) {
		struct resource *child = res->child;

		res->child = child->sibling;
		dax_region_free_res(child);
		kfree(child);
	}
}

/**
 * dax_region_free - free a region and everything it still holds
 * @dax_region: the region (created, destroyed or never added)
 */
void dax_region_free(struct dax_region *dax_region)
{
	int i;

	for (i = 0; i < dax_region->nr_devs; i++) {
		struct dev_dax *dev_dax = dax_region->devs[i];
		int r;

		if (!dev_dax)
			continue;
		for (r = 0; r < dev_dax->nr_range; r++)
			kfree(dev_dax->ranges[r].mapping);
		kfree(dev_dax->ranges);
		kfree(dev_dax);
	}
	for (i = 0; i < dax_region->nr_extents; i++) {
		struct dax_extent *extent = dax_region->extents[i].extent;

		if (extent) {
			kfree(extent->dev);
			kfree(extent);
		}
		kfree(dax_region->extents[i].label);
	}
	dax_region_free_res(&dax_region->res);
	kfree(dax_region->extents);
	kfree(dax_region->devs);
	ida_destroy(&dax_region->ida);
	kfree(dax_region);
}

/**
 * dax_region_create - create region{id} and its device dax{id}.0
 * @bus: the instance; the region takes id bus->nr_regions
 * @dynamic: a dynamic (extent-backed) region
 * @start: first byte
 * @size: bytes
 * @align: a power of two, at least 2 MiB; devices inherit it
 * @seed_whole: contiguous only: dax{id}.0 gets the whole region (else size 0)
 *
 * Return: the region's id; -EINVAL (bad arguments), -ENOMEM (the seed range failed:
 * no region).
 */
int dax_region_create(struct dax_bus *bus, bool dynamic, u64 start, u64 size, u64 align,
		      bool seed_whole)
{
	struct dax_region *dax_region, **regions;
	struct dev_dax *dev_dax;

	if (!is_power_of_2(align) || align < SZ_2M)
		return -EINVAL;
	if (!size)
		return -EINVAL;
	if (!IS_ALIGNED(start, align) || !IS_ALIGNED(size, align))
		return -EINVAL;
	if (size - 1 > U64_MAX - start)
		return -EINVAL;
	regions = krealloc(bus->regions, sizeof(*regions) * (bus->nr_regions + 1), GFP_KERNEL);
	if (!regions)
		return -ENOMEM;
	bus->regions = regions;
	dax_region = kzalloc(sizeof(*dax_region), GFP_KERNEL);
	if (!dax_region)
		return -ENOMEM;
	dax_region->bus = bus;
	dax_region->id = bus->nr_regions;
	snprintf(dax_region->name, sizeof(dax_region->name), "region%d", dax_region->id);
	dax_region->res.start = start;
	dax_region->res.end = start + size - 1;
	dax_region->res.name = dax_region->name;
	dax_region->res.flags = IORESOURCE_MEM;
	dax_region->align = align;
	dax_region->dynamic = dynamic;

	dev_dax = dev_dax_alloc(dax_region);
	if (!dev_dax || (!dynamic && seed_whole &&
			 alloc_dev_dax_range(dev_dax, &dax_region->res, start, size, NULL))) {
		dax_region_free(dax_region);
		return -ENOMEM;
	}
	bus->regions[bus->nr_regions++] = dax_region;
	return dax_region->id;
}

/**
 * dax_region_destroy - tear a live region down
 * @dax_region: the region
 *
 * Every device, in id order, is shrunk to 0 and removed; then every extent still
 * visible is removed, in extent order. The region stays, marked destroyed.
 */
void dax_region_destroy(struct dax_region *dax_region)
{
	int i;

	for (i = 0; i < dax_region->nr_devs; i++) {
		struct dev_dax *dev_dax = dax_region->devs[i];

		if (!dev_dax)
			continue;
		dev_dax_shrink(dev_dax, 0);
		dev_dax_free(dev_dax);
	}
	for (i = 0; i < dax_region->nr_extents; i++)
		dax_extent_remove(dax_region, i);
	dax_region->destroyed = true;
}
