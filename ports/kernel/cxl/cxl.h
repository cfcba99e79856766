/* SPDX-License-Identifier: MIT */
/*
 * cxl.h - daxcheck's shim for drivers/cxl/cxl.h, as the RFC v2 DCD series'
 * drivers/dax/cxl.c sees it: a CXL DAX region device (struct cxl_dax_region)
 * with its region (mode, id, interleave ways) and its DC extents (struct
 * cxl_dr_extent, kept in an xarray by offset), the driver-notify data
 * (struct cxl_drv_nd, the .notify hook) and module_cxl_driver(). The CXL
 * core side (shim/cxl-core.c) is what drivers/cxl/core/region.c does for
 * these objects: it counts cxl_dr_extent references and notifies the region
 * driver of DC events. The harness build copies it to drivers/cxl/cxl.h
 * beside a copy of the tree's drivers/dax/cxl.c, so that cxl.c's
 * #include "../cxl/cxl.h" finds it and nothing of the tree's CXL core.
 */
#ifndef __DAXCHECK_CXL_H__
#define __DAXCHECK_CXL_H__

#include <linux/device.h>
#include <linux/kref.h>
#include <linux/range.h>
#include <linux/xarray.h>
#include <linux/pgtable.h>

enum cxl_decoder_mode {
	CXL_REGION_RAM,
	CXL_REGION_PMEM,
	CXL_REGION_DC,
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
	enum cxl_decoder_mode mode;
	struct cxl_region_params params;
};

/* The device is first: a harness may lay it over another device (a union). */
struct cxl_dax_region {
	struct device dev;
	struct cxl_region *cxlr;
	struct range hpa_range;
	struct xarray extents;
};

#define CXL_EXTENT_LABEL_LEN 64
struct cxl_dr_extent {
	struct kref region_ref;
	u64 hpa_offset;
	u64 hpa_length;
	char label[CXL_EXTENT_LABEL_LEN];
	struct cxl_dc_extent_data *extent;
};

int cxl_dr_extent_get_not_zero(struct cxl_dr_extent *cxl_dr_ext);
void cxl_dr_extent_get(struct cxl_dr_extent *cxl_dr_ext);
void cxl_dr_extent_put(struct cxl_dr_extent *cxl_dr_ext);

/* Driver Notifier Data */
struct cxl_drv_nd {
	enum dc_event event;
	struct cxl_dc_extent_data *extent;
	struct cxl_dr_extent *cxl_dr_ext;
};

struct cxl_driver {
	const char *name;
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	int (*notify)(struct device *dev, struct cxl_drv_nd *nd);
	struct device_driver drv;
	int id;
};

#define to_cxl_drv(__drv)	container_of(__drv, struct cxl_driver, drv)

struct cxl_dax_region *to_cxl_dax_region(struct device *dev);

/*
 * module_cxl_driver() registers the driver at module load in the kernel;
 * here it names the driver for the harness, which binds it to the region
 * devices it makes.
 */
extern struct cxl_driver *cxl_module_driver;
#define module_cxl_driver(__cxl_driver) \
	struct cxl_driver *cxl_module_driver = &(__cxl_driver)
#define MODULE_ALIAS_CXL(type)
#define MODULE_LICENSE(s)
#define MODULE_AUTHOR(s)
#define MODULE_IMPORT_NS(ns)

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

/*
 * A CXL region's DAX region is aligned to its decoder granularity; cxl.c
 * passes PMD_SIZE, its only use of it. For cxl.c (the only file including
 * this header) PMD_SIZE is the align the harness asked for when it probes a
 * region (2 MiB unless createRegion said otherwise): see driver-dcd.c.
 */
extern unsigned long cxl_region_align;
#undef PMD_SIZE
#define PMD_SIZE	cxl_region_align

/* The harness's side of the CXL core (shim/cxl-core.c); not in the kernel's cxl.h. */
extern struct bus_type cxl_bus_type;
extern void (*cxl_dr_extent_release_observer)(struct cxl_dr_extent *cxl_dr_ext);
int cxl_region_notify(struct cxl_dax_region *cxlr_dax, enum dc_event event,
		      struct cxl_dr_extent *cxl_dr_ext);
int cxl_region_add_extent(struct cxl_dax_region *cxlr_dax, u64 offset, u64 length,
			  const char *label, struct cxl_dr_extent **out);
int cxl_region_release_extent(struct cxl_dax_region *cxlr_dax, struct cxl_dr_extent *cxl_dr_ext);
void cxl_region_drop_extents(struct cxl_dax_region *cxlr_dax);

#endif /* __DAXCHECK_CXL_H__ */
