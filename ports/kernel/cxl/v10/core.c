// SPDX-License-Identifier: MIT
/*
 * core.c - the CXL core side of the DCD v10 series that drivers/dax/cxl.c
 * calls or is called by (drivers/cxl/core/extent.c and mbox.c, v10 13/31 to
 * 22/31), as the harness stands in for it:
 *
 *   - the extents of a tag group are dc_extent devices under the CXL DAX
 *     region device, registered in arrival order, then the region driver is
 *     notified (cxlr_notify_extent(): .notify under the device lock, 0 when
 *     no driver with .notify is bound); a refused add takes the group down
 *     again (cxl_add_pending() of 21/31: rm_tag_group());
 *   - a release is DCD_RELEASE_CAPACITY (or DCD_FORCED_CAPACITY_RELEASE)
 *     through .notify; when the driver refuses it, cxl_rm_extent() of 22/31
 *     returns 0 and keeps the group ("the device will retry"): that return
 *     is what the harness answers (T1, docs/kernel-v10.md);
 *   - rm_tag_group() unregisters every extent device of the group; the
 *     devres of an unbound device runs at device_del(), as the driver core's
 *     does, so bus.c's dax_release_resource() runs there.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include "cxl.h"

struct cxl_driver *cxl_v10_driver;
static int extent_ids;

static void dc_extent_release(struct device *dev)
{
	kfree(container_of(dev, struct dc_extent, dev));
}

static const struct device_type dc_extent_type = {
	.name = "dc_extent",
	.release = dc_extent_release,
};

/**
 * is_dc_extent - whether @dev is an extent device (cxl.c's dax_dc_ops.is_extent)
 * @dev: a child of the region device
 *
 * Return: true for a dc_extent.
 */
bool is_dc_extent(struct device *dev)
{
	return dev->type == &dc_extent_type;
}

/**
 * to_dc_extent - the dc_extent a device is
 * @dev: a child of the region device
 *
 * Return: the extent, or NULL when @dev is not one.
 */
struct dc_extent *to_dc_extent(struct device *dev)
{
	return is_dc_extent(dev) ? container_of(dev, struct dc_extent, dev) : NULL;
}

/**
 * cxl_driver_register - what cxl.c's module init queues: the driver joins
 * the CXL bus (the harness binds it to the region devices it makes)
 * @cxl_drv: cxl.c's driver
 *
 * Return: 0.
 */
int cxl_driver_register(struct cxl_driver *cxl_drv)
{
	cxl_drv->drv.name = cxl_drv->name;
	cxl_drv->drv.bus = &cxl_bus_type;
	cxl_v10_driver = cxl_drv;
	return 0;
}

/**
 * cxl_driver_unregister - the driver leaves the CXL bus
 * @cxl_drv: cxl.c's driver
 */
void cxl_driver_unregister(struct cxl_driver *cxl_drv)
{
	if (cxl_v10_driver == cxl_drv)
		cxl_v10_driver = NULL;
}

static int cxlr_notify(struct cxl_dc_tag_group *group, enum dc_event event)
{
	struct cxl_notify_data data = { .event = event, .group = group };
	struct device *dev = &group->cxlr_dax->dev;
	struct cxl_driver *driver;

	guard(device)(dev);
	if (!dev->driver)
		return 0;
	driver = to_cxl_drv(dev->driver);
	if (!driver->notify)
		return 0;
	return driver->notify(dev, &data);
}

/**
 * cxl_v10_rm_group - rm_tag_group(): every extent device of the group is
 * unregistered, then the group is freed
 * @group: the group
 */
void cxl_v10_rm_group(struct cxl_dc_tag_group *group)
{
	struct dc_extent *dc_extent;
	unsigned long index;

	xa_for_each(&group->dc_extents, index, dc_extent) {
		xa_erase(&group->dc_extents, index);
		device_unregister(&dc_extent->dev);
	}
	xa_destroy(&group->dc_extents);
	kfree(group);
}

static int add_extent(struct cxl_dc_tag_group *group, unsigned int i, u64 offset, u64 length,
		      u16 seq)
{
	struct cxl_dax_region *cxlr_dax = group->cxlr_dax;
	struct dc_extent *dc_extent = kzalloc(sizeof(*dc_extent), GFP_KERNEL);
	int rc;

	if (!dc_extent)
		return -ENOMEM;
	device_initialize(&dc_extent->dev);
	dc_extent->dev.parent = &cxlr_dax->dev;
	dc_extent->dev.type = &dc_extent_type;
	dc_extent->hpa_range = (struct range) { .start = offset, .end = offset + length - 1 };
	dc_extent->group = group;
	dc_extent->seq_num = seq;
	dev_set_name(&dc_extent->dev, "extent%d.%d", cxlr_dax->cxlr->id, extent_ids++);
	rc = device_add(&dc_extent->dev);
	if (rc) {
		put_device(&dc_extent->dev);
		return rc;
	}
	rc = xa_insert(&group->dc_extents, i, dc_extent, GFP_KERNEL);
	if (rc) {
		device_unregister(&dc_extent->dev);
		return rc;
	}
	group->nr_extents++;
	return 0;
}

/**
 * cxl_v10_add_group - a tag group the device added, once its More chain
 * closed (cxl_add_pending()): its extent devices, then DCD_ADD_CAPACITY
 * @cxlr_dax: the region device
 * @tag: the group's tag (uuid_null: one untagged extent)
 * @n: number of extents
 * @offset: their offsets in the region
 * @length: their lengths
 * @seq: their sequence numbers
 * @out: the group, when accepted
 *
 * Return: 0, -ENOMEM, or the region driver's error (the group is gone again).
 */
int cxl_v10_add_group(struct cxl_dax_region *cxlr_dax, const uuid_t *tag, int n,
		      const u64 *offset, const u64 *length, const u16 *seq,
		      struct cxl_dc_tag_group **out)
{
	struct cxl_dc_tag_group *group = kzalloc(sizeof(*group), GFP_KERNEL);
	int i, rc = 0;

	*out = NULL;
	if (!group)
		return -ENOMEM;
	uuid_copy(&group->uuid, tag);
	xa_init(&group->dc_extents);
	group->cxlr_dax = cxlr_dax;
	for (i = 0; i < n && !rc; i++)
		rc = add_extent(group, i, offset[i], length[i], seq[i]);
	if (!rc)
		rc = cxlr_notify(group, DCD_ADD_CAPACITY);
	if (rc) {
		cxl_v10_rm_group(group);
		return rc;
	}
	*out = group;
	return 0;
}

/**
 * cxl_v10_release_group - cxl_rm_extent() of 22/31 for a group the device
 * asks back: .notify, then rm_tag_group() unless the driver refused
 * @group: the group; freed when released
 * @forced: the device's forced-removal flag
 * @notify_rc: the driver's answer (-EBUSY when a member is in use)
 *
 * Return: 0, as cxl_rm_extent() returns whether or not the release was done.
 */
int cxl_v10_release_group(struct cxl_dc_tag_group *group, bool forced, int *notify_rc)
{
	*notify_rc = cxlr_notify(group, forced ? DCD_FORCED_CAPACITY_RELEASE :
				 DCD_RELEASE_CAPACITY);
	if (*notify_rc)
		return 0;
	cxl_v10_rm_group(group);
	return 0;
}
