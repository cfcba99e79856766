// SPDX-License-Identifier: MIT
/*
 * driver-dcd.c - the dynamic-capacity half of the kernel harness: daxcheck's
 * dynamic regions and extents driven into a tree's RFC v2 DCD drivers/dax
 * (bus.c, extent.c and cxl.c, built unmodified) the way the CXL core drives
 * them (shim/cxl-core.c stands for drivers/cxl/core):
 *
 *   createRegion dynamic  a CXL DAX region device of a DC region (mode
 *                         CXL_REGION_DC, one interleave way) bound to cxl.c's
 *                         own driver: cxl_dax_region_probe() runs
 *   addExtent             the device accepts an extent: a cxl_dr_extent in
 *                         the region's xarray, then DCD_ADD_CAPACITY through
 *                         cxl.c's .notify (cxl_dax_region_add_extent)
 *   removeExtent          the device releases it: DCD_RELEASE_CAPACITY
 *                         through .notify (cxl_dax_region_rm_extent)
 *   destroyRegion         the region driver unbinds; then the CXL region
 *                         drops the extents its xarray holds
 *   failAllocation extentDevice
 *                         the nth extent device's registration fails at its
 *                         devres allocation (devm_add_action_or_reset() in
 *                         dax_region_ext_create_dev()), counted at the
 *                         device's own allocation, so only adds that reach
 *                         the device count
 *
 * The snapshot's extents are read back from the kernel's objects: an extent
 * is visible while its extent device is registered, its refs are its
 * dax_region_extent's kref (found through the extent device or a device
 * range), and it is released once that object is gone.
 */
#include <stdlib.h>
#include <string.h>
#include "driver-dcd.h"
#include "bus.h"
#include "driver.h"

#define SZ_2M_UL	(2UL << 20)

/* Every dynamic region's records, for the CXL core's release observer. */
static struct dcd_region **dcd_regions;
static int nr_dcd_regions, cap_dcd_regions;

/* The CXL core freed an extent: the records naming it forget the pointer. */
static void extent_freed(struct cxl_dr_extent *ext)
{
	int i, j;

	for (i = 0; i < nr_dcd_regions; i++)
		for (j = 0; j < dcd_regions[i]->nr; j++)
			if (dcd_regions[i]->recs[j].ext == ext)
				dcd_regions[i]->recs[j].ext = NULL;
}

/**
 * dcd_start - register cxl.c's driver with the CXL bus (once per process)
 * and watch the CXL core free extents
 */
void dcd_start(void)
{
	cxl_module_driver->drv.name = cxl_module_driver->name;
	cxl_module_driver->drv.bus = &cxl_bus_type;
	cxl_dr_extent_release_observer = extent_freed;
}

/**
 * dcd_init_region - make a CXL DAX region device of a DC region (not added)
 * @cxlr_dax: the region device, initialized by the caller
 * @dcd: the harness's part of the region
 * @id: the region id (the CXL region's id, which cxl.c gives the DAX region)
 * @start: first byte
 * @size: bytes
 */
void dcd_init_region(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd, int id,
		     u64 start, u64 size)
{
	struct dcd_region **grown;

	dcd->dynamic = true;
	dcd->cxlr = (struct cxl_region) {
		.id = id,
		.mode = CXL_REGION_DC,
		.params = { .interleave_ways = 1 },
	};
	cxlr_dax->cxlr = &dcd->cxlr;
	cxlr_dax->hpa_range = (struct range) { .start = start, .end = start + size - 1 };
	xa_init(&cxlr_dax->extents);
	dev_set_name(&cxlr_dax->dev, "dax_region%d", id);
	if (nr_dcd_regions == cap_dcd_regions) {
		cap_dcd_regions = cap_dcd_regions ? 2 * cap_dcd_regions : 8;
		grown = realloc(dcd_regions, sizeof(*grown) * cap_dcd_regions);
		if (!grown)
			abort();
		dcd_regions = grown;
	}
	dcd_regions[nr_dcd_regions++] = dcd;
}

/**
 * dcd_probe_region - bind cxl.c's driver to a region device: its probe
 * allocates the DAX region (dynamic capacity) and the empty seed device
 * @cxlr_dax: the region device, added
 * @align: the region's align: cxl.c asks for PMD_SIZE, which the harness's
 *	cxl.h makes this value while the probe runs (2 MiB unless asked)
 *
 * Return: 0 or the probe's error.
 */
int dcd_probe_region(struct cxl_dax_region *cxlr_dax, u64 align)
{
	int rc;

	cxl_region_align = align;
	rc = device_driver_attach(&cxl_module_driver->drv, &cxlr_dax->dev);
	cxl_region_align = SZ_2M_UL;
	return rc;
}

/**
 * dcd_unbound - the region's driver is gone: the CXL region drops the
 * references its xarray holds (cxl_dax_region_release())
 * @cxlr_dax: the region device
 */
void dcd_unbound(struct cxl_dax_region *cxlr_dax)
{
	cxl_region_drop_extents(cxlr_dax);
}

/**
 * dcd_forget - free the records of a region about to be freed
 * @dcd: the region's part
 */
void dcd_forget(struct dcd_region *dcd)
{
	int i;

	for (i = 0; i < nr_dcd_regions; i++)
		if (dcd_regions[i] == dcd)
			dcd_regions[i] = dcd_regions[--nr_dcd_regions];
	free(dcd->recs);
	dcd->recs = NULL;
	dcd->nr = dcd->cap = 0;
}

/**
 * dcd_add_extent - the device accepts an extent at @offset of the region
 * @cxlr_dax: the region device
 * @dcd: the harness's part of the region
 * @offset: bytes from the region's start
 * @length: bytes
 * @label: the extent's tag
 *
 * The CXL layer hands DAX only extents that are whole multiples of the
 * region's align (daxcheck rule, docs/SPECIFICATION.md §4.2: EINVAL). A second
 * extent at an offset the region holds reaches cxl.c as overlapping capacity
 * (shim/cxl-core.c), whose conflict check answers ENOSPC.
 *
 * Return: the new extent's id, or a negative errno: cxl.c's (-ENOSPC when
 * its resource cannot be requested, -ENOMEM when the extent device cannot
 * be made).
 */
int dcd_add_extent(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd,
		   u64 offset, u64 length, const char *label)
{
	struct dax_region *dax_region = dev_get_drvdata(&cxlr_dax->dev);
	struct cxl_dr_extent *ext;
	struct dcd_extent_rec *grown;
	int rc;

	if (length == 0 || offset % dax_region->align || length % dax_region->align)
		return -EINVAL;
	rc = cxl_region_add_extent(cxlr_dax, offset, length, label, &ext);
	if (rc)
		return rc;
	if (dcd->nr == dcd->cap) {
		dcd->cap = dcd->cap ? 2 * dcd->cap : 8;
		grown = realloc(dcd->recs, sizeof(*grown) * dcd->cap);
		if (!grown)
			abort();
		dcd->recs = grown;
	}
	dcd->recs[dcd->nr] = (struct dcd_extent_rec) {
		.ext = ext,
		.start = cxlr_dax->hpa_range.start + offset,
		.end = cxlr_dax->hpa_range.start + offset + length - 1,
	};
	snprintf(dcd->recs[dcd->nr].label, CXL_EXTENT_LABEL_LEN, "%s", label);
	return dcd->nr++;
}

/* The extent device of @ext among the region's children, or NULL. */
struct match_ext {
	struct cxl_dr_extent *ext;
	struct dax_region_extent *dr_extent;
};

static int match_extent_device(struct device *dev, void *data)
{
	struct match_ext *m = data;
	struct dax_reg_ext_dev *dr_reg_ext_dev;

	if (!is_dr_ext_dev(dev))
		return 0;
	dr_reg_ext_dev = to_dr_ext_dev(dev);
	if (dr_reg_ext_dev->dr_extent->private_data != m->ext)
		return 0;
	m->dr_extent = dr_reg_ext_dev->dr_extent;
	return 1;
}

static int match_range_extent(struct device *dev, void *data)
{
	struct match_ext *m = data;
	struct dev_dax *dev_dax;
	int i;

	if (is_dr_ext_dev(dev))
		return 0;
	dev_dax = to_dev_dax(dev);
	for (i = 0; i < dev_dax->nr_range; i++) {
		struct dax_region_extent *dr_extent = dev_dax->ranges[i].dr_extent;

		if (dr_extent && dr_extent->private_data == m->ext) {
			m->dr_extent = dr_extent;
			return 1;
		}
	}
	return 0;
}

/*
 * The DAX extent of @ext: through its extent device (*@visible) or a device
 * range in it; NULL once it is released.
 */
static struct dax_region_extent *find_dr_extent(struct cxl_dax_region *cxlr_dax,
						struct cxl_dr_extent *ext, bool *visible)
{
	struct match_ext m = { .ext = ext };

	*visible = false;
	if (!ext)
		return NULL;
	if (device_for_each_child(&cxlr_dax->dev, &m, match_extent_device)) {
		*visible = true;
		return m.dr_extent;
	}
	device_for_each_child(&cxlr_dax->dev, &m, match_range_extent);
	return m.dr_extent;
}

/**
 * dcd_remove_extent - the device releases extent @e
 * @cxlr_dax: the region device
 * @dcd: the harness's part of the region
 * @e: the extent id
 *
 * Return: 0, -ENXIO (no such extent, or not visible), or cxl.c's answer.
 */
int dcd_remove_extent(struct cxl_dax_region *cxlr_dax, struct dcd_region *dcd, long e)
{
	bool visible;

	if (e < 0 || e >= dcd->nr)
		return -ENXIO;
	find_dr_extent(cxlr_dax, dcd->recs[e].ext, &visible);
	if (!visible)
		return -ENXIO;
	return cxl_region_release_extent(cxlr_dax, dcd->recs[e].ext);
}

/**
 * dcd_fail_extent_device - arm the @nth extent device registration to fail
 * @nth: 1 for the next one
 *
 * Counted at the extent device's allocation in dax_region_ext_create_dev();
 * the allocation that then fails is the devres entry of its
 * devm_add_action_or_reset(), the next devres allocation on that path.
 *
 * Return: 0, or -EINVAL for @nth < 1.
 */
int dcd_fail_extent_device(long nth)
{
	return slab_fail_nth_then("dax_region_ext_create_dev", nth, "devres_alloc");
}

/**
 * dcd_is_extent_device - is @dev a region's extent device (not a dev_dax)?
 * @dev: a child of a region device
 *
 * Return: true for an extent device.
 */
bool dcd_is_extent_device(struct device *dev)
{
	return is_dr_ext_dev(dev);
}

/**
 * dcd_range_extent - the id of the extent a device range lies in
 * @dcd: the harness's part of the region
 * @r: the range
 *
 * Return: the id, or -1 (no extent, or one the harness did not add).
 */
long dcd_range_extent(const struct dcd_region *dcd, const struct dev_dax_range *r)
{
	int i;

	if (!r->dr_extent)
		return -1;
	for (i = 0; i < dcd->nr; i++)
		if (dcd->recs[i].ext && dcd->recs[i].ext == r->dr_extent->private_data)
			return i;
	return -1;
}

/**
 * dcd_observe_extents - the snapshot's extent list of a region, "[...]"
 * @cxlr_dax: the region device
 * @dcd: the harness's part of the region
 */
void dcd_observe_extents(struct cxl_dax_region *cxlr_dax, const struct dcd_region *dcd)
{
	struct dax_region_extent *dr_extent;
	bool visible;
	int i;

	out_char('[');
	for (i = 0; i < dcd->nr; i++) {
		const struct dcd_extent_rec *rec = &dcd->recs[i];

		dr_extent = find_dr_extent(cxlr_dax, rec->ext, &visible);
		if (i)
			out_char(',');
		snap_extent(&(struct snap_extent) {
			.id = i,
			.start = rec->start,
			.end = rec->end,
			.label = rec->label,
			.visible = visible,
			.refs = dr_extent ? (long)kref_read(&dr_extent->ref) : 0,
			.released = !dr_extent,
		});
	}
	out_char(']');
}
