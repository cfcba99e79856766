/* SPDX-License-Identifier: MIT */
/*
 * driver-dcd.h - the dynamic-capacity half of the kernel harness's DAX
 * driver (driver-dcd.c), for a tree whose drivers/dax has the RFC v2 DCD
 * series' extents (extent.c and cxl.c). driver-dax.c calls it for what
 * dynamic regions and extents add; built only with DCD=1.
 */
#ifndef DRIVER_DCD_H
#define DRIVER_DCD_H

#include <linux/device.h>
#include "cxl/cxl.h"
#include "dax-private.h"

/**
 * struct dcd_extent_rec - an extent the harness added, by its id
 * @ext: the CXL core's extent; NULL once its last reference is gone
 * @start: first byte (region start + offset)
 * @end: last byte
 * @label: the label it was added with (as the CXL core keeps it)
 */
struct dcd_extent_rec {
	struct cxl_dr_extent *ext;
	u64 start;
	u64 end;
	char label[CXL_EXTENT_LABEL_LEN];
};

/**
 * struct dcd_region - what a dynamic region adds to the harness's region
 * @dynamic: a CXL DC region (probed by cxl.c), not a contiguous one
 * @cxlr: the CXL region behind the region device
 * @recs: the extents added, by id
 * @nr: number of @recs
 * @cap: room in @recs
 */
struct dcd_region {
	bool dynamic;
	struct cxl_region cxlr;
	struct dcd_extent_rec *recs;
	int nr, cap;
};

void dcd_start(void);
void dcd_init_region(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd, int id,
		     u64 start, u64 size);
int dcd_probe_region(struct cxl_dax_region *cxlr_dax, u64 align);
void dcd_unbound(struct cxl_dax_region *cxlr_dax);
void dcd_forget(struct dcd_region *dcd);
int dcd_add_extent(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd,
		   u64 offset, u64 length, const char *label);
int dcd_remove_extent(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd, long e);
int dcd_fail_extent_device(long nth);
bool dcd_is_extent_device(struct device *dev);
long dcd_range_extent(const struct dcd_region *dcd, const struct dev_dax_range *r);
void dcd_observe_extents(struct cxl_dax_region *cxlr_dax, const struct dcd_region *dcd);

#endif /* DRIVER_DCD_H */
