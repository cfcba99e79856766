/* SPDX-License-Identifier: MIT */
/*
 * dax-private.h - DAX regions, devices and CXL Dynamic Capacity extents, in the
 * manner of drivers/dax/dax-private.h (docs/SPECIFICATION.md sections 2-4).
 */
#ifndef DAXCHECK_DAX_PRIVATE_H
#define DAXCHECK_DAX_PRIVATE_H

#include "compat.h"
#include "ioport.h"

/* The seed patch's and upstream's known defects (docs/SPECIFICATION.md section 6), off by default. */
enum dax_fault {
	DAX_FAULT_S1_SHRINK_ADJUSTS_EXTENT = 1 << 0,
	DAX_FAULT_S2_FREE_SPACE_INT = 1 << 1,
	DAX_FAULT_S3_DOUBLE_RELEASE = 1 << 2,
	DAX_FAULT_S4_SIZED_CREATE_DYNAMIC = 1 << 3,
	DAX_FAULT_S5_NO_GAP_SUCCESS = 1 << 4,
	DAX_FAULT_K1_WHOLE_SPACE_MAPPING = 1 << 5,
};

/* Everything the DAX code of one instance shares: the faults that are on. */
struct dax_bus {
	unsigned int faults;
	struct dax_region **regions;
	int nr_regions;
};

/**
 * struct dax_mapping - the registered mapping object of one device range
 * @range_id: index of its range in the device's array
 */
struct dax_mapping {
	int range_id;
};

/**
 * struct dax_extent - a CXL Dynamic Capacity extent of a dynamic region
 * @region: the region it belongs to
 * @id: its index in the region's extent order, -1 until it is added
 * @res: its busy resource, a child of the region's resource
 * @visible: counted in the available size and chosen for allocations
 * @kref: 1 for its own device while visible, plus 1 per device range inside it
 * @dev: its registered device
 */
/**
 * struct dax_extent_dev - an extent's registered device
 * @name: its name (the kernel's struct device holds more)
 */
struct dax_extent_dev {
	char name[64];
};

struct dax_extent {
	struct dax_region *region;
	int id;
	struct resource *res;
	bool visible;
	struct kref kref;
	struct dax_extent_dev *dev;
};

/**
 * struct dax_extent_log - what the region keeps of every extent ever added
 * @start: first byte
 * @end: last byte
 * @label: the label given when it was added
 * @extent: the live extent, or NULL once its last reference was dropped
 */
struct dax_extent_log {
	u64 start;
	u64 end;
	char *label;
	struct dax_extent *extent;
};

/**
 * struct dax_region - a DAX region
 * @bus: the instance it belongs to
 * @id: region{id}
 * @name: "region{id}"
 * @res: its resource, a non-busy root
 * @align: its alignment (a power of two, at least 2 MiB)
 * @dynamic: only extents are capacity
 * @destroyed: it was destroyed (kept for the snapshot)
 * @ida: device ids
 * @devs: devices by id (NULL where there is none)
 * @nr_devs: size of @devs
 * @extents: every extent ever added, by id
 * @nr_extents: number of entries in @extents
 * @bad_releases: releases by DAX code that found nothing to release
 */
struct dax_region {
	struct dax_bus *bus;
	int id;
	char name[24];
	struct resource res;
	u64 align;
	bool dynamic;
	bool destroyed;
	struct ida ida;
	struct dev_dax **devs;
	int nr_devs;
	struct dax_extent_log *extents;
	int nr_extents;
	int bad_releases;
};

/**
 * struct dev_dax_range - one range of a device
 * @pgoff: page offset of the range in the device: the sizes of the ranges before it
 * @range: [start, end], inclusive
 * @mapping: its registered mapping object
 * @extent: the extent it lies in (dynamic regions), else NULL
 */
struct dev_dax_range {
	unsigned long pgoff;
	struct {
		u64 start;
		u64 end;
	} range;
	struct dax_mapping *mapping;
	struct dax_extent *extent;
};

/**
 * struct dev_dax - a DAX device dax{region}.{id}
 * @region: its region
 * @id: its id in the region
 * @name: "dax{region}.{id}", the name of its ranges' resources
 * @align: the alignment written to dev/align (inherited from the region at creation)
 * @bound: a driver is attached
 * @nr_range: number of ranges
 * @ranges: the ranges, in the order they were allocated
 */
struct dev_dax {
	struct dax_region *region;
	int id;
	char name[32];
	u64 align;
	bool bound;
	int nr_range;
	struct dev_dax_range *ranges;
};

static inline bool dax_fault(const struct dax_region *dax_region, enum dax_fault fault)
{
	return dax_region->bus->faults & fault;
}

static inline u64 range_len(u64 start, u64 end)
{
	return end - start + 1;
}

/* bus.c */
int dax_region_create(struct dax_bus *bus, bool dynamic, u64 start, u64 size, u64 align,
		      bool seed_whole);
void dax_region_destroy(struct dax_region *dax_region);
void dax_region_free(struct dax_region *dax_region);
u64 dax_region_avail_size(struct dax_region *dax_region);
void dax_release_region(struct dax_region *dax_region, struct resource *parent,
			u64 start, u64 n);
u64 resource_free_space(const struct resource *res);
int devm_create_dev_dax(struct dax_region *dax_region, u64 size);
int dev_dax_delete(struct dev_dax *dev_dax);
u64 dev_dax_size(const struct dev_dax *dev_dax);
int dev_dax_resize(struct dev_dax *dev_dax, u64 size);
int dev_dax_mapping_store(struct dev_dax *dev_dax, u64 start, u64 end);
int dev_dax_align_store(struct dev_dax *dev_dax, u64 align);
int dev_dax_bind(struct dev_dax *dev_dax);
int dev_dax_unbind(struct dev_dax *dev_dax);

/* dax-check.c */
bool dax_bus_check(const struct dax_bus *dax_bus);

/* extent.c */
int dax_extent_add(struct dax_region *dax_region, u64 offset, u64 length, const char *label);
int dax_extent_remove(struct dax_region *dax_region, int id);
void dax_extent_get(struct dax_extent *extent);
void dax_extent_put(struct dax_extent *extent);
u64 dax_extent_alloc_space(struct dax_extent *extent);

#endif /* DAXCHECK_DAX_PRIVATE_H */
