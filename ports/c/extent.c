// SPDX-License-Identifier: MIT
/*
 * extent.c - CXL Dynamic Capacity extents of dynamic DAX regions (docs/SPECIFICATION.md
 * section 4). An extent holds a busy resource in its region and a kref: one
 * reference for its own device while it is visible, one per device range inside
 * it. The last put releases the resource and frees the extent.
 */
#include <string.h>
#include "dax-private.h"

/* The kref release callback: give the capacity back to the region, once. */
static void dax_extent_release(struct kref *kref)
{
	struct dax_extent *extent = container_of(kref, struct dax_extent, kref);
	struct dax_region *dax_region = extent->region;

	dax_release_region(dax_region, &dax_region->res, extent->res->start,
			   resource_size(extent->res));
	if (extent->id >= 0)
		dax_region->extents[extent->id].extent = NULL;
	kfree(extent->dev);
	kfree(extent);
}

/**
 * dax_extent_get - take a reference for a device range
 * @extent: the extent
 */
void dax_extent_get(struct dax_extent *extent)
{
	kref_get(&extent->kref);
}

/**
 * dax_extent_put - drop a reference; the last one releases the extent
 * @extent: the extent (freed when this was the last reference)
 */
void dax_extent_put(struct dax_extent *extent)
{
	kref_put(&extent->kref, dax_extent_release);
}

/**
 * dax_extent_alloc_space - the free space the allocator sees in an extent
 * @extent: a live extent
 *
 * The seed patch (fault S2) reads the 64-bit free size through a 32-bit int, so that a
 * multiple of 4 GiB reads as 0.
 *
 * Return: free bytes, 0 when the extent is not visible.
 */
u64 dax_extent_alloc_space(struct dax_extent *extent)
{
	u64 free;

	if (!extent->visible)
		return 0;
	free = resource_free_space(extent->res);
	if (dax_fault(extent->region, DAX_FAULT_S2_FREE_SPACE_INT))
		return (u32)free;
	return free;
}

/* Register the extent's device: the allocation at the extentDevice point. */
static int dax_extent_register_dev(struct dax_extent *extent)
{
	extent->dev = kzalloc_at(ALLOC_EXTENT_DEVICE, sizeof(*extent->dev), GFP_KERNEL);
	return extent->dev ? 0 : -ENOMEM;
}

/**
 * dax_extent_add - add a visible extent at region start + @offset
 * @dax_region: a live region
 * @offset: offset in the region, a multiple of its align
 * @length: length, a non-zero multiple of its align
 * @label: the extent's tag (copied)
 *
 * Return: the new extent's id (its index in the region's extent order), -EINVAL
 * (contiguous region, bad offset or length), -ENOSPC (conflict or outside the
 * region), -ENOMEM (an allocation failed; nothing stays).
 */
int dax_extent_add(struct dax_region *dax_region, u64 offset, u64 length, const char *label)
{
	struct dax_extent_log *log;
	struct dax_extent *extent;
	struct resource *res;
	u64 start;
	char *tag;

	if (!dax_region->dynamic)
		return -EINVAL;
	if (!length || !IS_ALIGNED(offset, dax_region->align) ||
	    !IS_ALIGNED(length, dax_region->align))
		return -EINVAL;
	/*
	 * The extent's resource is allocated before its conflict check, so that a failed
	 * allocation (ENOMEM) is told apart from a conflict (ENOSPC): __request_region
	 * returns NULL for both.
	 */
	if (should_fail_alloc(ALLOC_RESOURCE))
		return -ENOMEM;
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		return -ENOMEM;
	start = dax_region->res.start + offset;
	res->name = "extent";
	res->start = start;
	res->end = start + length - 1;
	res->flags = IORESOURCE_MEM | IORESOURCE_BUSY;
	if (request_resource(&dax_region->res, res)) {
		kfree(res);
		return -ENOSPC;
	}

	extent = kzalloc(sizeof(*extent), GFP_KERNEL);
	tag = kstrdup(label, GFP_KERNEL);
	log = krealloc(dax_region->extents,
		       sizeof(*log) * (dax_region->nr_extents + 1), GFP_KERNEL);
	if (log)
		dax_region->extents = log;
	if (!extent || !tag || !log) {
		kfree(extent);
		kfree(tag);
		dax_release_region(dax_region, &dax_region->res, start, length);
		return -ENOMEM;
	}
	extent->region = dax_region;
	extent->id = -1;
	extent->res = res;
	extent->visible = true;
	kref_init(&extent->kref);

	if (dax_extent_register_dev(extent)) {
		kfree(tag);
		/* dropping the only reference releases the resource and frees the extent */
		dax_extent_put(extent);
		/* the seed patch then releases the resource a second time, through the extent */
		if (dax_fault(dax_region, DAX_FAULT_S3_DOUBLE_RELEASE))
			dax_release_region(dax_region, &dax_region->res, extent->res->start,
					   resource_size(extent->res));
		return -ENOMEM;
	}

	extent->id = dax_region->nr_extents++;
	log = &dax_region->extents[extent->id];
	log->start = res->start;
	log->end = res->end;
	log->label = tag;
	log->extent = extent;
	return extent->id;
}

/**
 * dax_extent_remove - the device gave the extent's capacity back
 * @dax_region: a live region
 * @id: the extent's id
 *
 * The extent becomes invisible at once and drops its own reference: its resource is
 * released now if no device range uses it, else when the last such range is trimmed.
 *
 * Return: 0, or -ENXIO (no such extent, or already removed).
 */
int dax_extent_remove(struct dax_region *dax_region, int id)
{
	struct dax_extent *extent;

	if (id < 0 || id >= dax_region->nr_extents)
		return -ENXIO;
	extent = dax_region->extents[id].extent;
	if (!extent || !extent->visible)
		return -ENXIO;
	extent->visible = false;
	dax_extent_put(extent);
	return 0;
}
