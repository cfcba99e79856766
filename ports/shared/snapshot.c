// SPDX-License-Identifier: MIT
/*
 * snapshot.c - the canonical snapshot text of both ports (snapshot.h): compact
 * JSON, each record's keys in the schema's order, u64 values as "0x..."
 * strings (PROTOCOL.md "The snapshot").
 */
#include <linux/ioport.h>
#include "driver.h"

/**
 * snap_begin - start the answer "snap {"@key":["
 * @key: the top-level list: roots or regions
 */
void snap_begin(const char *key)
{
	out_str("snap {\"");
	out_str(key);
	out_str("\":[");
}

/**
 * snap_end - end the answer started by snap_begin()
 */
void snap_end(void)
{
	out_str("]}\n");
}

/**
 * snap_next - the separator before a list's next item
 * @first: true before the first item; false after this call
 */
void snap_next(bool *first)
{
	if (!*first)
		out_char(',');
	*first = false;
}

void snap_resource(const struct resource *res, const char *name,
		   long (*id_of)(const struct resource *res))
{
	const struct resource *child;

	if (id_of) {
		out_str("{\"id\":");
		out_long(id_of(res));
		out_str(",\"start\":");
	} else {
		out_str("{\"start\":");
	}
	out_json_u64(res->start);
	out_str(",\"end\":");
	out_json_u64(res->end);
	out_str(",\"name\":");
	out_json_string(name);
	out_str(",\"busy\":");
	out_json_bool(res->flags & IORESOURCE_BUSY);
	out_str(",\"children\":[");
	for (child = res->child; child; child = child->sibling) {
		snap_resource(child, child->name, id_of);
		if (child->sibling)
			out_char(',');
	}
	out_str("]}");
}

/**
 * snap_extent - one extent record
 * @e: the extent
 */
void snap_extent(const struct snap_extent *e)
{
	out_str("{\"id\":");
	out_long(e->id);
	out_str(",\"start\":");
	out_json_u64(e->start);
	out_str(",\"end\":");
	out_json_u64(e->end);
	out_str(",\"label\":");
	out_json_string(e->label);
	out_str(",\"visible\":");
	out_json_bool(e->visible);
	out_str(",\"refs\":");
	out_long(e->refs);
	out_str(",\"released\":");
	out_json_bool(e->released);
	out_char('}');
}

/**
 * snap_device_begin - a device record up to its list of ranges
 * @d: the device
 */
void snap_device_begin(const struct snap_device *d)
{
	out_str("{\"id\":");
	out_long(d->id);
	out_str(",\"name\":");
	out_json_string(d->name);
	out_str(",\"align\":");
	out_json_u64(d->align);
	out_str(",\"bound\":");
	out_json_bool(d->bound);
	out_str(",\"sizeBytes\":");
	out_json_u64(d->size);
	out_str(",\"ranges\":[");
}

/**
 * snap_range - one range record of a device
 * @first: true before the device's first range (snap_next())
 * @start: first byte
 * @end: last byte
 * @pgoff: its page offset in the device
 * @extent: the id of the extent it lies in, or -1 (null)
 */
void snap_range(bool *first, u64 start, u64 end, u64 pgoff, long extent)
{
	snap_next(first);
	out_str("{\"start\":");
	out_json_u64(start);
	out_str(",\"end\":");
	out_json_u64(end);
	out_str(",\"pgoff\":");
	out_json_u64(pgoff);
	out_str(",\"extent\":");
	if (extent >= 0)
		out_long(extent);
	else
		out_str("null");
	out_char('}');
}

/**
 * snap_device_end - end a device record
 */
void snap_device_end(void)
{
	out_str("]}");
}

/**
 * snap_region_begin - a region record up to its resource tree
 * @r: the region
 */
void snap_region_begin(const struct snap_region *r)
{
	out_str("{\"id\":");
	out_long(r->id);
	out_str(r->dynamic ? ",\"kind\":\"dynamic\"" : ",\"kind\":\"contiguous\"");
	out_str(",\"destroyed\":");
	out_json_bool(r->destroyed);
	out_str(",\"start\":");
	out_json_u64(r->start);
	out_str(",\"sizeBytes\":");
	out_json_u64(r->size);
	out_str(",\"align\":");
	out_json_u64(r->align);
	out_str(",\"availBytes\":");
	out_json_u64(r->avail);
	out_str(",\"resource\":");
}

/**
 * snap_region_extents - the key of a region's extent list, after its tree
 */
void snap_region_extents(void)
{
	out_str(",\"extents\":");
}

/**
 * snap_region_devices - the key of a region's device list, after its extents
 */
void snap_region_devices(void)
{
	out_str(",\"devices\":[");
}

/**
 * snap_region_end - end a region record
 * @bad_releases: releases of a resource it did not hold
 */
void snap_region_end(long bad_releases)
{
	out_str("],\"badReleases\":");
	out_long(bad_releases);
	out_char('}');
}
