/* SPDX-License-Identifier: MIT */
/*
 * cxl.h - daxcheck's shim for drivers/cxl/cxl.h as the DCD v10 series'
 * drivers/dax/cxl.c sees it (v10 07/31, 21/31, 22/31): a CXL DAX region
 * device (struct cxl_dax_region) of a region in mode
 * CXL_PARTMODE_DYNAMIC_RAM_A, its tag groups (struct cxl_dc_tag_group: a
 * tag and its extents, in an xarray in the order they arrived) and their
 * extents (struct dc_extent: a device under the region device, its
 * region-relative HPA range and its seq_num), the notify data handed to the
 * region driver's .notify (struct cxl_notify_data) and the driver
 * registration cxl.c's module init queues. The CXL core side is
 * cxl/v10/core.c. The harness build copies this file to drivers/cxl/cxl.h
 * beside a copy of the tree's drivers/dax/cxl.c, so that cxl.c's
 * #include "../cxl/cxl.h" finds it and nothing of the tree's CXL core.
 */
#ifndef __DAXCHECK_CXL_V10_H__
#define __DAXCHECK_CXL_V10_H__

#include <linux/device.h>
#include <linux/range.h>
#include <linux/uuid.h>
#include <linux/xarray.h>
#include <linux/pgtable.h>
#include <linux/workqueue.h>

enum cxl_partition_mode {
	CXL_PARTMODE_RAM,
	CXL_PARTMODE_PMEM,
	CXL_PARTMODE_DYNAMIC_RAM_A,
};

enum dc_event {
	DCD_ADD_CAPACITY,
	DCD_RELEASE_CAPACITY,
	DCD_FORCED_CAPACITY_RELEASE,
};

#define CXL_DEVICE_DAX_REGION	8

struct cxl_region_params {
	int interleave_ways;
};

struct cxl_region {
	struct device dev;
	int id;
	enum cxl_partition_mode mode;
	struct cxl_region_params params;
};

/* The device is first: a harness may lay it over another device (a union). */
struct cxl_dax_region {
	struct device dev;
	struct cxl_region *cxlr;
	struct range hpa_range;
	struct xarray extents;		/* the harness's: its live tag groups, by id */
};

/**
 * struct cxl_dc_tag_group - extents the device added under one tag, as one
 * @uuid: the tag (null: one untagged extent)
 * @dc_extents: the extents, by arrival index
 * @nr_extents: how many
 * @cxlr_dax: the region device
 */
struct cxl_dc_tag_group {
	uuid_t uuid;
	struct xarray dc_extents;
	unsigned int nr_extents;
	struct cxl_dax_region *cxlr_dax;
};

/**
 * struct dc_extent - one accepted extent, a device under the region device
 * @dev: the device (extentR.N)
 * @hpa_range: its range, relative to the region's start
 * @group: its tag group
 * @seq_num: its sequence number in the group
 */
struct dc_extent {
	struct device dev;
	struct range hpa_range;
	struct cxl_dc_tag_group *group;
	u16 seq_num;
};

bool is_dc_extent(struct device *dev);
struct dc_extent *to_dc_extent(struct device *dev);

struct cxl_notify_data {
	enum dc_event event;
	struct cxl_dc_tag_group *group;
};

struct cxl_driver {
	const char *name;
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	int (*notify)(struct device *dev, struct cxl_notify_data *notify_data);
	struct device_driver drv;
	int id;
};

#define to_cxl_drv(__drv)	container_of(__drv, struct cxl_driver, drv)

static inline struct cxl_dax_region *to_cxl_dax_region(struct device *dev)
{
	return container_of(dev, struct cxl_dax_region, dev);
}

/* cxl.c's module init queues its registration; the harness runs the init once. */
int cxl_driver_register(struct cxl_driver *cxl_drv);
void cxl_driver_unregister(struct cxl_driver *cxl_drv);
extern int (*cxl_module_init)(void);
#define module_init(fn)		int (*cxl_module_init)(void) = fn
#define module_exit(fn)		void (*cxl_module_exit)(void) = fn
#define MODULE_ALIAS_CXL(type)
#define MODULE_DESCRIPTION(s)
#define MODULE_LICENSE(s)
#define MODULE_AUTHOR(s)
#define MODULE_IMPORT_NS(ns)
#define PROBE_PREFER_ASYNCHRONOUS	1


/* memory_hotplug / numa: no target node on the harness */
static inline int phys_to_target_node(u64 start)
{
	(void)start;
	return NUMA_NO_NODE;
}

static inline int memory_add_physaddr_to_nid(u64 start)
{
	(void)start;
	return 0;
}

/* cxl.c passes PMD_SIZE as the region's align: the harness's (see cxl/cxl.h). */
extern unsigned long cxl_region_align;
#undef PMD_SIZE
#define PMD_SIZE	cxl_region_align

/* The harness's side of the CXL core (cxl/v10/core.c); not in the kernel's cxl.h. */
extern struct bus_type cxl_bus_type;
extern struct cxl_driver *cxl_v10_driver;
int cxl_v10_add_group(struct cxl_dax_region *cxlr_dax, const uuid_t *tag, int n,
		      const u64 *offset, const u64 *length, const u16 *seq,
		      struct cxl_dc_tag_group **out);
int cxl_v10_release_group(struct cxl_dc_tag_group *group, bool forced, int *notify_rc);
void cxl_v10_rm_group(struct cxl_dc_tag_group *group);

#endif /* __DAXCHECK_CXL_V10_H__ */
