/* SPDX-License-Identifier: MIT */
/*
 * driver-v10.h - the kernel harness's driver of the DCD suite (profile v10,
 * docs/SPECIFICATION.md §12) over a tree with the DCD v10 series' drivers/dax
 * (bus.c and cxl.c, built unmodified; the CXL core is cxl/v10/core.c). Built
 * with V10=1 (ports/kernel/Makefile); see docs/kernel-v10.md.
 */
#ifndef DRIVER_V10_H
#define DRIVER_V10_H

#include <linux/device.h>
#include "cxl/v10/cxl.h"
#include "dax-private.h"

#define V10_MAX_EXTENTS	8	/* §12.5: a group has at most 8 extents */

/**
 * struct v10_group - a tag group the CXL core holds, as the harness names it
 * @group: the CXL core's group (freed when released)
 * @tag: its tag (uuid_null: untagged)
 * @offset: its first extent's offset in the region (names an untagged group)
 */
struct v10_group {
	struct cxl_dc_tag_group *group;
	uuid_t tag;
	u64 offset;
};

/**
 * struct v10_region - a DC region as the harness keeps it
 * @cxlr_dax: the CXL DAX region device (first: the region device)
 * @cxlr: its CXL region (mode CXL_PARTMODE_DYNAMIC_RAM_A, one way)
 * @id: the region id
 * @start: first byte
 * @size: bytes
 * @align: the align asked for
 * @dax_region: bus.c's region; NULL once destroyed
 * @groups: the live groups, in arrival order
 * @nr_groups: number of @groups
 * @cap_groups: room in @groups
 * @warnings: WARNs fired while a request acted on this region
 */
struct v10_region {
	struct cxl_dax_region cxlr_dax;
	struct cxl_region cxlr;
	int id;
	u64 start, size, align;
	struct dax_region *dax_region;
	struct v10_group *groups;
	int nr_groups, cap_groups;
	unsigned long warnings;
};

extern struct v10_region **v10_regions;
extern int v10_nr_regions, v10_cap_regions;

void v10_observe_region(struct v10_region *vr);

#endif /* DRIVER_V10_H */
