// SPDX-License-Identifier: MIT
/*
 * dax-check.c - the DAX code's own invariants (PROTOCOL.md "The self-check"), the
 * ones observe cannot show: the links between regions, devices, ranges, mappings,
 * extents and their resources, the cached page offsets and reference counts, and the
 * device ids. Each check stops at the first violation (check_bad()).
 */
#include <string.h>
#include "driver.h"
#include "dax-private.h"

#define ULL(x)	((unsigned long long)(x))

/* The resource under @parent that is exactly [@start, @end] and named @name, or NULL. */
static const struct resource *child_exactly(const struct resource *parent, u64 start, u64 end,
					    const char *name)
{
	const struct resource *child;

	for (child = parent->child; child && child->start <= start; child = child->sibling)
		if (child->start == start && child->end == end && strcmp(child->name, name) == 0)
			return child;
	return NULL;
}

static long nr_children(const struct resource *parent)
{
	const struct resource *child;
	long n = 0;

	for (child = parent->child; child; child = child->sibling)
		n++;
	return n;
}

/*
 * One range of a device: its mapping names its index, its page offset is the sizes
 * before it, its extent (dynamic) is live in this region and contains it, and its own
 * busy resource is exactly the range, named after the device, under the extent or
 * the region.
 */
static bool check_range(const struct dev_dax *dev_dax, int i, u64 before)
{
	const struct dax_region *dax_region = dev_dax->region;
	const struct dev_dax_range *r = &dev_dax->ranges[i];
	const struct dax_extent *extent = r->extent;
	const struct resource *parent, *res;

	if (r->range.end < r->range.start)
		return check_bad("%s: range %d ends before it starts", dev_dax->name, i);
	if (r->pgoff != PHYS_PFN(before))
		return check_bad("%s: range %d [0x%llx-0x%llx] has pgoff 0x%lx, the ranges before it make 0x%lx",
				 dev_dax->name, i, ULL(r->range.start), ULL(r->range.end),
				 r->pgoff, PHYS_PFN(before));
	if (!r->mapping || r->mapping->range_id != i)
		return check_bad("%s: range %d's mapping names range %d", dev_dax->name, i,
				 r->mapping ? r->mapping->range_id : -1);
	if (extent) {
		if (!dax_region->dynamic || extent->region != dax_region || extent->id < 0 ||
		    extent->id >= dax_region->nr_extents ||
		    dax_region->extents[extent->id].extent != extent)
			return check_bad("%s: range %d names an extent that is not live in %s",
					 dev_dax->name, i, dax_region->name);
		if (r->range.start < extent->res->start || r->range.end > extent->res->end)
			return check_bad("%s: range %d [0x%llx-0x%llx] is outside its extent %d",
					 dev_dax->name, i, ULL(r->range.start),
					 ULL(r->range.end), extent->id);
	}
	parent = extent ? extent->res : &dax_region->res;
	res = child_exactly(parent, r->range.start, r->range.end, dev_dax->name);
	if (!res || !(res->flags & IORESOURCE_BUSY))
		return check_bad("%s: range %d [0x%llx-0x%llx] has no busy resource of its own under %s",
				 dev_dax->name, i, ULL(r->range.start), ULL(r->range.end),
				 parent->name);
	return true;
}

/* A device: its id, name and region; bound only with a size; then every range. */
static bool check_device(const struct dax_region *dax_region, int id)
{
	const struct dev_dax *dev_dax = dax_region->devs[id];
	char name[32];
	u64 size = 0;
	int i;

	snprintf(name, sizeof(name), "dax%d.%d", dax_region->id, id);
	if (dev_dax->id != id || dev_dax->region != dax_region || strcmp(dev_dax->name, name))
		return check_bad("%s: device slot %d holds %s", dax_region->name, id, dev_dax->name);
	if (id >= (int)dax_region->ida.size || !dax_region->ida.used[id])
		return check_bad("%s: id %d is free in the ida", dev_dax->name, id);
	for (i = 0; i < dev_dax->nr_range; i++) {
		if (!check_range(dev_dax, i, size))
			return false;
		size += range_len(dev_dax->ranges[i].range.start, dev_dax->ranges[i].range.end);
	}
	if (dev_dax->bound && !size)
		return check_bad("%s: bound with size 0", dev_dax->name);
	return true;
}

/* How many device ranges of the region lie in @extent (NULL: directly in the region). */
static long ranges_in(const struct dax_region *dax_region, const struct dax_extent *extent)
{
	long n = 0;
	int d, i;

	for (d = 0; d < dax_region->nr_devs; d++) {
		const struct dev_dax *dev_dax = dax_region->devs[d];

		if (!dev_dax)
			continue;
		for (i = 0; i < dev_dax->nr_range; i++)
			n += dev_dax->ranges[i].extent == extent;
	}
	return n;
}

/*
 * An extent still live: its log entry and id, its busy resource directly under the
 * region, its kref (its own device while visible, plus one per range in it), and no
 * resource under it but those ranges'.
 */
static bool check_extent(const struct dax_region *dax_region, int id)
{
	const struct dax_extent_log *log = &dax_region->extents[id];
	const struct dax_extent *extent = log->extent;
	long in = ranges_in(dax_region, extent);

	if (extent->id != id || extent->region != dax_region)
		return check_bad("%s: extent %d's log entry holds extent %d", dax_region->name, id,
				 extent->id);
	if (extent->res->parent != &dax_region->res || !(extent->res->flags & IORESOURCE_BUSY) ||
	    extent->res->start != log->start || extent->res->end != log->end)
		return check_bad("%s: extent %d [0x%llx-0x%llx] and its resource differ",
				 dax_region->name, id, ULL(log->start), ULL(log->end));
	if (kref_read(&extent->kref) != (extent->visible ? 1 : 0) + in)
		return check_bad("%s: extent %d's kref is %d, it has %d + %ld users",
				 dax_region->name, id, kref_read(&extent->kref),
				 extent->visible ? 1 : 0, in);
	if (nr_children(extent->res) != in)
		return check_bad("%s: extent %d holds %ld resources for %ld device ranges",
				 dax_region->name, id, nr_children(extent->res), in);
	if (dax_region->destroyed && extent->visible)
		return check_bad("%s: destroyed, but extent %d is visible", dax_region->name, id);
	return true;
}

/*
 * A region: its place on the bus and its resource tree's shape; device slots against
 * the ida; every device and live extent; and no resource directly under it but its
 * live extents' and the ranges placed there (nothing at all once destroyed).
 */
static bool check_region(const struct dax_bus *dax_bus, int r)
{
	const struct dax_region *dax_region = dax_bus->regions[r];
	long count = 0, extents = 0, direct;
	unsigned int id;
	int i;

	if (dax_region->id != r || dax_region->bus != dax_bus || dax_region->res.parent ||
	    dax_region->res.name != dax_region->name)
		return check_bad("region slot %d holds %s", r, dax_region->name);
	if (!check_resource_tree(&dax_region->res, &count))
		return false;
	/* The ida is a byte per id (ports/shared/ida.c): its whole state is these bytes, each 0 or 1. */
	if (dax_region->ida.size && (!dax_region->ida.used || dax_region->ida.size < 16 ||
				     (dax_region->ida.size & (dax_region->ida.size - 1))))
		return check_bad("%s: the ida's size %u is not 0 or a power of two from 16",
				 dax_region->name, dax_region->ida.size);
	for (id = 0; id < dax_region->ida.size; id++) {
		bool used = dax_region->ida.used[id];
		bool present = (int)id < dax_region->nr_devs && dax_region->devs[id];

		if (dax_region->ida.used[id] > 1)
			return check_bad("%s: the ida's byte for id %u is %u, not 0 or 1",
					 dax_region->name, id, dax_region->ida.used[id]);
		if (used != present)
			return check_bad("%s: the ida has id %u %s, but %s", dax_region->name, id,
					 used ? "in use" : "free",
					 present ? "a device has it" : "no device has it");
	}
	for (i = 0; i < dax_region->nr_devs; i++) {
		if (!dax_region->devs[i])
			continue;
		if (dax_region->destroyed)
			return check_bad("%s: destroyed, but dax%d.%d remains", dax_region->name,
					 dax_region->id, i);
		if (!check_device(dax_region, i))
			return false;
	}
	for (i = 0; i < dax_region->nr_extents; i++) {
		if (!dax_region->extents[i].label)
			return check_bad("%s: extent %d has no label", dax_region->name, i);
		if (!dax_region->extents[i].extent)
			continue;
		extents++;
		if (!check_extent(dax_region, i))
			return false;
	}
	direct = extents + ranges_in(dax_region, NULL);
	if (nr_children(&dax_region->res) != direct)
		return check_bad("%s: holds %ld resources for %ld extents and device ranges",
				 dax_region->name, nr_children(&dax_region->res), direct);
	return true;
}

/**
 * dax_bus_check - the DAX code's own invariants in every region of @dax_bus
 * @dax_bus: the instance
 *
 * Return: true, or false after check_bad() with the first violation.
 */
bool dax_bus_check(const struct dax_bus *dax_bus)
{
	int r;

	for (r = 0; r < dax_bus->nr_regions; r++)
		if (!check_region(dax_bus, r))
			return false;
	return true;
}
