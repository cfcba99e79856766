// SPDX-License-Identifier: MIT
/*
 * cxl-core.c - the CXL core side of the RFC v2 DCD series that
 * drivers/dax/cxl.c calls or is called by (drivers/cxl/core/region.c):
 * cxl_dr_extent reference counting, to_cxl_dax_region, the CXL bus that
 * probes a region device with its cxl_driver, and the DC event notification
 * a region receives when its device adds or releases capacity
 * (cxl_region_notify_extent: the driver's .notify under the device lock).
 */
#include <linux/device.h>
#include <linux/slab.h>
#include "../cxl/cxl.h"

unsigned long cxl_region_align = 1UL << PMD_SHIFT;
void (*cxl_dr_extent_release_observer)(struct cxl_dr_extent *cxl_dr_ext);

/**
 * to_cxl_dax_region - the CXL DAX region a device is
 * @dev: the region device
 *
 * Return: its cxl_dax_region.
 */
struct cxl_dax_region *to_cxl_dax_region(struct device *dev)
{
	return container_of(dev, struct cxl_dax_region, dev);
}

/**
 * cxl_dr_extent_get_not_zero - take a reference unless the last one is gone
 * @cxl_dr_ext: the extent
 *
 * Return: 1 when a reference was taken, 0 otherwise.
 */
int cxl_dr_extent_get_not_zero(struct cxl_dr_extent *cxl_dr_ext)
{
	return kref_get_unless_zero(&cxl_dr_ext->region_ref);
}

/**
 * cxl_dr_extent_get - take a reference
 * @cxl_dr_ext: the extent
 */
void cxl_dr_extent_get(struct cxl_dr_extent *cxl_dr_ext)
{
	kref_get(&cxl_dr_ext->region_ref);
}

static void cxl_dr_release(struct kref *kref)
{
	struct cxl_dr_extent *cxl_dr_ext = container_of(kref, struct cxl_dr_extent, region_ref);

	if (cxl_dr_extent_release_observer)
		cxl_dr_extent_release_observer(cxl_dr_ext);
	kfree(cxl_dr_ext);
}

/**
 * cxl_dr_extent_put - drop a reference; the last one frees the extent
 * @cxl_dr_ext: the extent
 */
void cxl_dr_extent_put(struct cxl_dr_extent *cxl_dr_ext)
{
	kref_put(&cxl_dr_ext->region_ref, cxl_dr_release);
}

static int cxl_bus_probe(struct device *dev)
{
	return to_cxl_drv(dev->driver)->probe(dev);
}

static void cxl_bus_remove(struct device *dev)
{
	struct cxl_driver *cxl_drv = to_cxl_drv(dev->driver);

	if (cxl_drv->remove)
		cxl_drv->remove(dev);
}

struct bus_type cxl_bus_type = {
	.name = "cxl",
	.probe = cxl_bus_probe,
	.remove = cxl_bus_remove,
};

/**
 * cxl_region_notify - region.c's cxl_region_notify_extent(): tell the region
 * device's driver of a DC event, under the device lock
 * @cxlr_dax: the region device
 * @event: DCD_ADD_CAPACITY or DCD_RELEASE_CAPACITY
 * @cxl_dr_ext: the extent
 *
 * Return: the driver's answer, or 0 when no driver with .notify is bound.
 */
int cxl_region_notify(struct cxl_dax_region *cxlr_dax, enum dc_event event,
		      struct cxl_dr_extent *cxl_dr_ext)
{
	struct cxl_drv_nd nd = { .event = event, .cxl_dr_ext = cxl_dr_ext };
	struct device *dev = &cxlr_dax->dev;
	int rc = 0;

	device_lock(dev);
	if (dev->driver && to_cxl_drv(dev->driver)->notify)
		rc = to_cxl_drv(dev->driver)->notify(dev, &nd);
	device_unlock(dev);
	return rc;
}

/**
 * cxl_region_add_extent - a DC extent accepted by the device, as
 * cxl_ed_add_one_extent() makes it: a cxl_dr_extent held by the region's
 * xarray (one reference), then DCD_ADD_CAPACITY to the region driver
 * @cxlr_dax: the region device
 * @offset: the extent's offset in the region
 * @length: its length
 * @label: its tag
 * @out: the new extent (NULL on failure)
 *
 * Unlike region.c, which ignores the driver's answer, a failed notify takes
 * the extent back out again (the harness reports the driver's error).
 *
 * An extent at an offset the xarray already holds (one still visible, whose
 * resource is in the region) is one xa_insert() refuses: region.c would drop
 * it before DAX sees it. The harness hands it to the driver all the same,
 * as overlapping capacity, so that cxl.c's own conflict check answers (and
 * counts its resource allocation, as the specification's addExtent does); it can
 * only fail there.
 *
 * Return: 0, -ENOMEM, or the driver's error.
 */
int cxl_region_add_extent(struct cxl_dax_region *cxlr_dax, u64 offset, u64 length,
			  const char *label, struct cxl_dr_extent **out)
{
	struct cxl_dr_extent *cxl_dr_ext = kzalloc(sizeof(*cxl_dr_ext), GFP_KERNEL);
	bool held;
	int rc;

	*out = NULL;
	if (!cxl_dr_ext)
		return -ENOMEM;
	kref_init(&cxl_dr_ext->region_ref);
	cxl_dr_ext->hpa_offset = offset;
	cxl_dr_ext->hpa_length = length;
	snprintf(cxl_dr_ext->label, CXL_EXTENT_LABEL_LEN, "%s", label);
	rc = xa_insert(&cxlr_dax->extents, offset, cxl_dr_ext, GFP_KERNEL);
	if (rc && rc != -EBUSY) {
		kfree(cxl_dr_ext);
		return rc;
	}
	held = !rc;
	rc = cxl_region_notify(cxlr_dax, DCD_ADD_CAPACITY, cxl_dr_ext);
	if (WARN(!rc && !held, "an extent at offset %#llx taken twice\n", offset))
		rc = -EBUSY;
	if (rc) {
		if (held)
			xa_erase(&cxlr_dax->extents, offset);
		cxl_dr_extent_put(cxl_dr_ext);
		return rc;
	}
	*out = cxl_dr_ext;
	return 0;
}

/**
 * cxl_region_release_extent - the device releases an extent, as
 * cxl_ed_rm_dc_extent() does: out of the xarray, DCD_RELEASE_CAPACITY to the
 * region driver, then the xarray's reference dropped
 * @cxlr_dax: the region device
 * @cxl_dr_ext: the extent (in the xarray)
 *
 * Return: the driver's answer.
 */
int cxl_region_release_extent(struct cxl_dax_region *cxlr_dax, struct cxl_dr_extent *cxl_dr_ext)
{
	int rc;

	xa_erase(&cxlr_dax->extents, cxl_dr_ext->hpa_offset);
	rc = cxl_region_notify(cxlr_dax, DCD_RELEASE_CAPACITY, cxl_dr_ext);
	cxl_dr_extent_put(cxl_dr_ext);
	return rc;
}

/**
 * cxl_region_drop_extents - cxl_dax_region_release(): the xarray's
 * reference on every extent it still holds is dropped
 * @cxlr_dax: the region device, its driver unbound
 */
void cxl_region_drop_extents(struct cxl_dax_region *cxlr_dax)
{
	struct cxl_dr_extent *cxl_dr_ext;
	unsigned long index;

	xa_for_each(&cxlr_dax->extents, index, cxl_dr_ext) {
		xa_erase(&cxlr_dax->extents, index);
		cxl_dr_extent_put(cxl_dr_ext);
	}
	xa_destroy(&cxlr_dax->extents);
}
