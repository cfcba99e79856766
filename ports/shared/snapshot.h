/* SPDX-License-Identifier: MIT */
/*
 * snapshot.h - the snapshot writers both ports use (PROTOCOL.md "The snapshot"):
 * every record's keys are written here, in the canonical order of the schema
 * (sut/snapshotSchema.ts), so that ports/c and ports/kernel cannot differ in
 * it. A driver reads its own structures into these records; the writers
 * append to the answer buffer (driver.h).
 */
#ifndef DAXCHECK_SNAPSHOT_H
#define DAXCHECK_SNAPSHOT_H

#include <linux/types.h>

struct resource;

/* The answer's frame: "snap {"KEY":[" ... "]}\n", with @key roots or regions. */
void snap_begin(const char *key);
void snap_end(void);
/* Before every item of a list but the first: a comma. */
void snap_next(bool *first);

/**
 * snap_resource - a resource and its subtree: {id?, start, end, name, busy, children}
 * @res: the resource
 * @name: the name written for @res itself (its children's own names are written)
 * @id_of: with the tree suite, each node's id (written first); NULL for a region's tree
 */
void snap_resource(const struct resource *res, const char *name,
		   long (*id_of)(const struct resource *res));

/**
 * struct snap_extent - an extent as the snapshot shows it
 * @id: its id in the region
 * @start: first byte
 * @end: last byte
 * @label: its tag
 * @visible: its extent device is registered
 * @refs: its reference count (0 once released)
 * @released: its last reference is gone
 */
struct snap_extent {
	long id;
	u64 start, end;
	const char *label;
	bool visible;
	long refs;
	bool released;
};
void snap_extent(const struct snap_extent *e);

/**
 * struct snap_device - a device as the snapshot shows it (its ranges follow)
 * @id: its id in the region
 * @name: daxR.D
 * @align: its align
 * @bound: bound to its driver
 * @size: the sum of its ranges' sizes
 */
struct snap_device {
	long id;
	const char *name;
	u64 align;
	bool bound;
	u64 size;
};
void snap_device_begin(const struct snap_device *d);
/* One of the device's ranges; @extent < 0 writes null. */
void snap_range(bool *first, u64 start, u64 end, u64 pgoff, long extent);
void snap_device_end(void);

/**
 * struct snap_region - a region's own fields, before its resource tree
 * @id: the region id
 * @dynamic: a dynamic (DC) region, else contiguous
 * @destroyed: destroyed (nothing below it lives)
 * @start: first byte
 * @size: bytes
 * @align: its align
 * @avail: bytes no device holds
 */
struct snap_region {
	long id;
	bool dynamic;
	bool destroyed;
	u64 start, size, align, avail;
};
/* The region's fields up to "resource": the driver writes its tree (snap_resource) next. */
void snap_region_begin(const struct snap_region *r);
/* After the tree: the key of the extent list, which the driver writes as "[...]". */
void snap_region_extents(void);
/* After the extents: the key of the device list, then the devices (snap_device_*). */
void snap_region_devices(void);
void snap_region_end(long bad_releases);

#endif /* DAXCHECK_SNAPSHOT_H */
