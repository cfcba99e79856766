// SPDX-License-Identifier: MIT
/*
 * driver-dax.c - the DAX half of the kernel harness: daxcheck's DAX requests
 * (PROTOCOL.md) driven into a kernel tree's own drivers/dax/bus.c, built
 * unmodified beside this file, the way its real callers drive it:
 *
 *   createRegion   a region device probed by a stand-in for the hmem driver
 *                  (drivers/dax/hmem/hmem.c): alloc_dax_region(), then the
 *                  seed device devm_create_dev_dax(size = the region's size
 *                  for 'whole', 0 for 'empty'), then dax_region_put()
 *                  where the tree hands hmem a reference (probe.sh)
 *   destroyRegion  the region driver unbinds: the region device's managed
 *                  actions run newest first (devres unwind: mappings,
 *                  devices, the region)
 *   createDevice   the region's "create" file (size 0); a sized create is
 *                  devm_create_dev_dax(size), the call a region driver makes
 *                  for a sized device, after create's own avail check
 *   deleteDevice   the region's "delete" file
 *   resize         the device's "size" file (dev_dax_resize)
 *   mapping        the device's "mapping" file, "start-end" in hex
 *   setAlign       the device's "align" file
 *   bind, unbind   the driver core binds / unbinds a stand-in for the
 *                  device_dax driver (dax_bus_probe / dax_bus_remove run)
 *   failAllocation the shims' "fail the nth allocation by function F":
 *                  resource → alloc_resource (in __request_region),
 *                  ranges → alloc_dev_dax_range (its krealloc of ranges),
 *                  mapping → devm_register_dax_mapping (its kzalloc)
 *   observe        the canonical snapshot read from bus.c's structures
 *
 * Where daxcheck's interface says more than the kernel, the driver applies
 * daxcheck's rule itself before the kernel sees the request; each such place
 * is marked "daxcheck rule" below and listed in docs/kernel.md. What upstream
 * bus.c has no counterpart for: dynamic regions (createRegion dynamic
 * answers "error": this port has the dax-contiguous suite only), extents
 * (addExtent and removeExtent answer what docs/SPECIFICATION.md gives on a contiguous
 * region: EINVAL, ENXIO) and the extentDevice failure point (armed, never
 * reached, as on the model's contiguous regions).
 */
#include <stdlib.h>
#include <string.h>
#include <linux/memremap.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/dax.h>
#include "dax-private.h"
#include "bus.h"
#include "driver.h"
#include "attr.h"
#ifdef DAX_DCD
#include "driver-dcd.h"
#endif

#define SZ_2M_ULL	(2ULL << 20)

/**
 * struct harness_region - a region as the harness keeps it
 * @dev: the region device (hmem's platform device); parent of every dev_dax
 * @cxlr_dax: with DCD, a dynamic region's device is a CXL DAX region (@dev
 *	is its device): see driver-dcd.c
 * @id: the region id (daxcheck's, passed to alloc_dax_region)
 * @start: first byte
 * @size: bytes
 * @align: the region's align
 * @whole: the seed device takes the whole region (else it starts empty)
 * @dax_region: bus.c's region; NULL once destroyed (bus.c frees it)
 * @bad_releases: "Trying to free nonexistent resource" seen while acting on it
 * @dcd: with DCD, what a dynamic region adds (its CXL region, its extents)
 */
struct harness_region {
#ifdef DAX_DCD
	union {
		struct device dev;
		struct cxl_dax_region cxlr_dax;
	};
#else
	struct device dev;
#endif
	int id;
	u64 start;
	u64 size;
	unsigned int align;
	bool whole;
	struct dax_region *dax_region;
	long bad_releases;
#ifdef DAX_DCD
	struct dcd_region dcd;
#endif
};

#ifdef DAX_DCD
#define is_dynamic_region(hr)	((hr)->dcd.dynamic)
#else
#define is_dynamic_region(hr)	false
#endif

static struct harness_region **regions;
static int nr_regions, cap_regions;
/* the region a request acts on: badReleases are counted against it */
static struct harness_region *acting;

/* --- the stand-ins for the region driver (hmem) and the device driver (device_dax) --- */

static int hmem_probe(struct device *dev);

/* The region devices' bus: probe is hmem's. */
static struct bus_type region_bus = {
	.name = "platform",
	.probe = hmem_probe,
};

static struct device_driver hmem_driver = {
	.name = "hmem",
	.bus = &region_bus,
};

static void region_dev_release(struct device *dev)
{
	(void)dev;	/* the harness owns the memory */
}

/**
 * hmem_probe - what drivers/dax/hmem/hmem.c's dax_hmem_probe() does
 * @dev: the region device (locked by the driver core)
 *
 * Where the tree's alloc_dax_region() hands its caller a reference (its
 * bus.h declares dax_region_put(): probe.sh's DAXCHECK_REGION_PUT, before
 * v6.6), the stand-in puts it after devm_create_dev_dax() whatever that
 * returned. One difference: when devm_create_dev_dax() fails, 6.1's hmem
 * returns without dax_region_put() and the region leaks (fixed upstream
 * later); the stand-in puts it, so that a leak report is about bus.c. Later
 * trees keep the only reference in the region's managed action: the caller
 * has none to put.
 *
 * Return: 0 or a negative errno (the region is then not created).
 */
static int hmem_probe(struct device *dev)
{
	struct harness_region *hr = container_of(dev, struct harness_region, dev);
	struct range range = { .start = hr->start, .end = hr->start + hr->size - 1 };
	struct dax_region *dax_region;
	struct dev_dax_data data;
	struct dev_dax *dev_dax;

#ifdef DAXCHECK_DC_OPS
	dax_region = alloc_dax_region(dev, hr->id, &range, NUMA_NO_NODE, hr->align, 0, NULL);
#else
	dax_region = alloc_dax_region(dev, hr->id, &range, NUMA_NO_NODE, hr->align, 0);
#endif
	if (!dax_region)
		return -ENOMEM;
	data = (struct dev_dax_data) {
		.dax_region = dax_region,
		.id = -1,
		.size = hr->whole ? hr->size : 0,
	};
	dev_dax = devm_create_dev_dax(&data);
#ifdef DAXCHECK_REGION_PUT
	/* the tree's alloc_dax_region() handed hmem a reference: put it */
	dax_region_put(dax_region);
#endif
	if (IS_ERR(dev_dax))
		return PTR_ERR(dev_dax);
	hr->dax_region = dax_region;
	return 0;
}

/**
 * device_dax_probe - the device driver's probe: device_dax maps the memory
 * (request_mem_region, memremap_pages), which the harness has none of; it
 * only brings the dax_device to life, as device_dax does last
 * @dev_dax: the device
 *
 * Return: 0.
 */
static int device_dax_probe(struct dev_dax *dev_dax)
{
	run_dax(dev_dax->dax_dev);
	return 0;
}

static void device_dax_remove(struct dev_dax *dev_dax)
{
	kill_dev_dax(dev_dax);
}

static struct dax_device_driver device_dax_driver = {
	.probe = device_dax_probe,
	.remove = device_dax_remove,
#ifdef DAXCHECK_MATCH_ALWAYS
	.match_always = 1,
#endif
#ifdef DAXCHECK_DRIVER_TYPE
	.type = DAXDRV_DEVICE_TYPE,
#endif
};

/* --- observing what the kernel says --- */

static void observe_printk(int level, const char *msg)
{
	(void)level;
	if (acting && strstr(msg, "Trying to free nonexistent resource"))
		acting->bad_releases++;
}

/* --- the instance --- */

/**
 * dax_set_fault - the kernel is what it is: no fault can be switched on
 * @name: the fault's name
 *
 * Return: -EINVAL.
 */
int dax_set_fault(const char *name)
{
	(void)name;
	return -EINVAL;
}

static bool live(const struct harness_region *hr)
{
	return hr && hr->dax_region;
}

static void destroy_region(struct harness_region *hr)
{
	acting = hr;
	device_release_driver(&hr->dev);	/* devres unwind */
#ifdef DAX_DCD
	if (is_dynamic_region(hr))
		dcd_unbound(&hr->cxlr_dax);
#endif
	hr->dax_region = NULL;
	acting = NULL;
}

/**
 * dax_free - tear every live region down and forget them all
 */
void dax_free(void)
{
	int i;

	for (i = 0; i < nr_regions; i++) {
		if (live(regions[i]))
			destroy_region(regions[i]);
		device_del(&regions[i]->dev);
		put_device(&regions[i]->dev);
#ifdef DAX_DCD
		dcd_forget(&regions[i]->dcd);
#endif
		free(regions[i]);	/* calloc'ed: the harness's own, not the slab's */
	}
	free(regions);
	regions = NULL;
	nr_regions = cap_regions = 0;
	slab_fail_reset();
	printk_observer = NULL;
}

/**
 * dax_new - start an instance with no region and no armed failure
 *
 * The device_dax stand-in is registered with bus.c once per process (bus.c
 * allows one match_always driver).
 *
 * Return: true (this build has the DAX suite), false if bus.c refuses the
 * driver.
 */
bool dax_new(void)
{
	static bool registered;

	dax_free();
	if (!registered) {
		if (dax_driver_register(&device_dax_driver))
			return false;
#ifdef DAX_DCD
		dcd_start();
#endif
		registered = true;
	}
	printk_observer = observe_printk;
	return true;
}

static struct harness_region *region_of(long r)
{
	if (r < 0 || r >= nr_regions || !live(regions[r]))
		return NULL;
	return regions[r];
}

/* --- sysfs --- */

/* Writes @text to @dev's attribute file @name. Return: 0 or a negative errno. */
/**
 * attr_store - write @text to @dev's attribute file @name (sysfs: a store)
 * @dev: the device
 * @name: the file
 * @text: what is written
 *
 * Return: 0, or the store's negative errno. A file the device lacks aborts the harness.
 */
int attr_store(struct device *dev, const char *name, const char *text)
{
	struct device_attribute *attr = sysfs_find_dev_attr(dev, name);
	ssize_t rc;

	if (!attr || !attr->store) {
		fprintf(stderr, "daxcheck kernel harness: %s has no writable %s file\n",
			dev_name(dev), name);
		abort();
	}
	rc = attr->store(dev, attr, text, strlen(text));
	if (rc < 0)
		return (int)rc;
	if ((size_t)rc != strlen(text)) {
		fprintf(stderr, "daxcheck kernel harness: %s/%s: store of '%s' returned %zd\n",
			dev_name(dev), name, text, rc);
		abort();
	}
	return 0;
}

/**
 * attr_show - read @dev's attribute file @name into @buf (a page, as sysfs gives)
 * @dev: the device
 * @name: the file
 * @buf: 4096 bytes
 */
void attr_show(struct device *dev, const char *name, char *buf)
{
	struct device_attribute *attr = sysfs_find_dev_attr(dev, name);
	ssize_t rc;

	if (!attr || !attr->show) {
		fprintf(stderr, "daxcheck kernel harness: %s has no readable %s file\n",
			dev_name(dev), name);
		abort();
	}
	rc = attr->show(dev, attr, buf);
	if (rc < 0) {
		fprintf(stderr, "daxcheck kernel harness: %s/%s: show returned %zd\n",
			dev_name(dev), name, rc);
		abort();
	}
}

/* --- requests --- */

static bool is_power_of_2(u64 v)
{
	return v && !(v & (v - 1));
}

static int create_region(u64 start, u64 size, u64 align, bool whole, bool dynamic)
{
	struct harness_region *hr, **grown;
	int rc;

#ifndef DAX_DCD
	(void)dynamic;	/* without DCD, dax_request refuses dynamic regions */
#endif

	/*
	 * daxcheck rule (docs/SPECIFICATION.md §2.2): firmware hands hmem aligned,
	 * non-empty ranges inside u64; alloc_dax_region() checks only start and
	 * size against align (NULL, which hmem reports as ENOMEM).
	 */
	if (!is_power_of_2(align) || align < SZ_2M_ULL || size == 0 ||
	    start % align || size % align || start + size - 1 < start)
		return -EINVAL;
	if (nr_regions == cap_regions) {
		cap_regions = cap_regions ? 2 * cap_regions : 8;
		grown = realloc(regions, sizeof(*regions) * cap_regions);
		if (!grown)
			abort();
		regions = grown;
	}
	hr = calloc(1, sizeof(*hr));
	if (!hr)
		abort();
	hr->id = nr_regions;
	hr->start = start;
	hr->size = size;
	hr->align = (unsigned int)align;
	hr->whole = whole;
	device_initialize(&hr->dev);
	hr->dev.release = region_dev_release;
#ifdef DAX_DCD
	if (dynamic)
		dcd_init_region(&hr->cxlr_dax, &hr->dcd, hr->id, start, size);
	else
#endif
		dev_set_name(&hr->dev, "hmem.%d", hr->id);
	rc = device_add(&hr->dev);
	if (!rc) {
		acting = hr;
#ifdef DAX_DCD
		if (dynamic)
			rc = dcd_probe_region(&hr->cxlr_dax, align);
		else
#endif
			rc = device_driver_attach(&hmem_driver, &hr->dev);
		acting = NULL;
	}
#ifdef DAX_DCD
	if (!rc && dynamic)
		hr->dax_region = dev_get_drvdata(&hr->dev);
#endif
	if (rc) {
		device_del(&hr->dev);
		put_device(&hr->dev);
#ifdef DAX_DCD
		if (dynamic) {
			xa_destroy(&hr->cxlr_dax.extents);
			dcd_forget(&hr->dcd);
		}
#endif
		free(hr);
		return rc;
	}
	regions[nr_regions++] = hr;
	return hr->id;
}

/* The id of the region's youngest device, read back from its "create" file. */
static int youngest_id(struct harness_region *hr)
{
	char buf[4096];
	int r, d;

	attr_show(&hr->dev, "create", buf);
	if (sscanf(buf, "dax%d.%d", &r, &d) != 2 || r != hr->id) {
		fprintf(stderr, "daxcheck kernel harness: region%d/create reads '%s'\n", hr->id, buf);
		abort();
	}
	return d;
}

static int create_device(struct harness_region *hr, u64 size)
{
	struct dev_dax_data data = { .dax_region = hr->dax_region, .size = size, .id = -1 };
	struct dev_dax *dev_dax;
	char buf[4096];
	void *group;
	int rc;

	/*
	 * daxcheck rule: a size is a multiple of the new device's effective
	 * alignment, max(region align, 2 MiB) (the kernel's create takes none;
	 * a device of any other size could never grow: dev_dax_resize refuses
	 * the misaligned increment)
	 */
	if (size % (hr->align > SZ_2M_ULL ? hr->align : SZ_2M_ULL))
		return -EINVAL;
	if (size == 0) {
		rc = attr_store(&hr->dev, "create", "1");
		return rc ? rc : youngest_id(hr);
	}
	/*
	 * A sized device, as a region driver makes one: create's avail check,
	 * then devm_create_dev_dax(size). Its failure after device_add() leaves
	 * the device registered for the caller's devres unwind (in a probe, the
	 * probe's failure unwinds it). Outside a probe the caller must undo it
	 * itself: the call runs in a devres group released on failure. (Without
	 * the group, a failed sized create keeps its device and range: see the
	 * docs/kernel.md, "interface gap: sized create".)
	 */
	/*
	 * A dynamic region has no caller that passes a size (cxl.c's probe
	 * passes 0 and create takes none): the call goes straight to
	 * devm_create_dev_dax(), whose own check is what is tested (S4).
	 */
	if (!is_dynamic_region(hr)) {
		attr_show(&hr->dev, "available_size", buf);
		if (strtoull(buf, NULL, 10) == 0)
			return -ENOSPC;
	}
	device_lock(&hr->dev);
	group = devres_open_group(&hr->dev, NULL, GFP_KERNEL);
	if (!group) {
		device_unlock(&hr->dev);
		return -ENOMEM;
	}
	dev_dax = devm_create_dev_dax(&data);
	if (IS_ERR(dev_dax))
		devres_release_group(&hr->dev, group);
	else
		devres_remove_group(&hr->dev, group);
	device_unlock(&hr->dev);
	return IS_ERR(dev_dax) ? (int)PTR_ERR(dev_dax) : dev_dax->id;
}

/* Device @d of region @hr with a reference taken, or NULL. */
static struct dev_dax *find_dev_dax(struct harness_region *hr, long d)
{
	char name[64];
	struct device *dev;

	snprintf(name, sizeof(name), "dax%d.%ld", hr->id, d);
	dev = device_find_child_by_name(&hr->dev, name);
	return dev ? to_dev_dax(dev) : NULL;
}

static u64 effective_align(const struct dev_dax *dev_dax)
{
	return dev_dax->align > SZ_2M_ULL ? dev_dax->align : SZ_2M_ULL;
}

static int mapping(struct harness_region *hr, struct dev_dax *dev_dax, u64 start, u64 end)
{
	u64 eff = effective_align(dev_dax);
	char text[40];

	snprintf(text, sizeof(text), "%llx-%llx", start, end);
	/* bus.c refuses a mapping on a dynamic region before anything else */
	if (is_dynamic_region(hr))
		return attr_store(&dev_dax->dev, "mapping", text);
	/* daxcheck rule: end < start is EINVAL (bus.c's range_parse() does not check) */
	if (end < start)
		return -EINVAL;
	/*
	 * daxcheck rule (docs/SPECIFICATION.md §3.9): the start is aligned too. bus.c checks
	 * only the length; an unaligned start whose length passes is refused here.
	 */
	if ((end - start + 1) % eff == 0 && (start - hr->start) % eff)
		return -ENXIO;
	return attr_store(&dev_dax->dev, "mapping", text);
}

static int fail_allocation(const char *point, long nth)
{
	if (nth < 1)
		return -EINVAL;
	if (strcmp(point, "resource") == 0)
		return slab_fail_nth_in("alloc_resource", nth);
	if (strcmp(point, "ranges") == 0)
		return slab_fail_nth_in("alloc_dev_dax_range", nth);
	if (strcmp(point, "mapping") == 0)
		return slab_fail_nth_in("devm_register_dax_mapping", nth);
	if (strcmp(point, "extentDevice") == 0)
#ifdef DAX_DCD
		return dcd_fail_extent_device(nth);
#else
		return 0;	/* no counterpart: extents are never added here */
#endif
	return -EINVAL;
}

/*
 * The request handlers (dispatch.h's DAX_REQUESTS): arguments as the spec parsed
 * them; a device request's are R D [VALUE [VALUE]].
 */
static void do_createRegion(union arg *args)
{
	bool dynamic = strcmp(args[0].s, "dynamic") == 0;
	u64 align = args[3].u;

#ifndef DAX_DCD
	if (dynamic) {
		answer_error("createRegion dynamic: upstream drivers/dax/bus.c has no dynamic regions (this port has the dax-contiguous suite)");
		return;
	}
#endif
	if (align > UINT_MAX)	/* alloc_dax_region() takes an unsigned int */
		answer_error("createRegion: align %#llx does not fit bus.c's unsigned int", align);
	else
		answer_created(create_region(args[1].u, args[2].u, align,
					     strcmp(args[4].s, "empty") != 0, dynamic));
}

static void do_destroyRegion(union arg *args)
{
	struct harness_region *hr = region_of(args[0].l);

	if (hr)
		destroy_region(hr);
	answer_rc(hr ? 0 : -ENXIO);
}

static void do_addExtent(union arg *args)
{
	struct harness_region *hr = region_of(args[0].l);

	acting = hr;
#ifdef DAX_DCD
	if (hr && is_dynamic_region(hr))
		answer_created(dcd_add_extent(&hr->cxlr_dax, &hr->dcd, args[1].u, args[2].u,
					      args[3].s));
	else
#endif
		/* docs/SPECIFICATION.md §4.2: a contiguous region takes no extent */
		answer_rc(hr ? -EINVAL : -ENXIO);
	acting = NULL;
}

static void do_removeExtent(union arg *args)
{
	struct harness_region *hr = region_of(args[0].l);

	acting = hr;
#ifdef DAX_DCD
	if (hr && is_dynamic_region(hr))
		answer_rc(dcd_remove_extent(&hr->cxlr_dax, &hr->dcd, args[1].l));
	else
#endif
		answer_rc(-ENXIO);	/* no extent on a contiguous region */
	acting = NULL;
}

static void do_createDevice(union arg *args)
{
	struct harness_region *hr = region_of(args[0].l);

	acting = hr;
	answer_created(hr ? create_device(hr, args[1].u) : -ENXIO);
	acting = NULL;
}

static void do_failAllocation(union arg *args)
{
	answer_rc(fail_allocation(args[0].s, args[1].l));
}

static void do_deleteDevice(union arg *args)
{
	struct harness_region *hr = region_of(args[0].l);
	char text[40];

	if (!hr) {
		answer_err(-ENXIO);
		return;
	}
	acting = hr;
	snprintf(text, sizeof(text), "dax%d.%ld", hr->id, args[1].l);
	answer_rc(attr_store(&hr->dev, "delete", text));
	acting = NULL;
}

/* What a request does to device D of region R (a reference held). Return: 0 or a negative errno. */
typedef int (*device_fn)(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args);

/* Answers a device request R D ...: ENXIO for no such region or device, else @fn's answer. */
static void device_request(union arg *args, device_fn fn)
{
	struct harness_region *hr = region_of(args[0].l);
	struct dev_dax *dev_dax;
	int rc = -ENXIO;

	if (!hr) {
		answer_err(-ENXIO);
		return;
	}
	acting = hr;
	dev_dax = find_dev_dax(hr, args[1].l);
	if (dev_dax) {
		rc = fn(hr, dev_dax, args);
		put_device(&dev_dax->dev);
	}
	answer_rc(rc);
	acting = NULL;
}

static int bind_device(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args)
{
	(void)hr;
	(void)args;
	return device_driver_attach(&device_dax_driver.drv, &dev_dax->dev);
}

static int unbind_device(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args)
{
	(void)hr;
	(void)args;
	/* daxcheck rule: unbinding an unbound device is ENXIO (sysfs: ENODEV) */
	if (!dev_dax->dev.driver)
		return -ENXIO;
	device_release_driver(&dev_dax->dev);
	return 0;
}

/* Writes args[2] as "%#llx" to the device's attribute @name. */
static int store_u64(struct dev_dax *dev_dax, const char *name, union arg *args)
{
	char text[40];

	snprintf(text, sizeof(text), "%#llx", args[2].u);
	return attr_store(&dev_dax->dev, name, text);
}

static int resize_device(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args)
{
	(void)hr;
	return store_u64(dev_dax, "size", args);
}

static int align_device(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args)
{
	(void)hr;
	return store_u64(dev_dax, "align", args);
}

static int map_device(struct harness_region *hr, struct dev_dax *dev_dax, union arg *args)
{
	return mapping(hr, dev_dax, args[2].u, args[3].u);
}

static void do_bind(union arg *args)
{
	device_request(args, bind_device);
}

static void do_unbind(union arg *args)
{
	device_request(args, unbind_device);
}

static void do_resize(union arg *args)
{
	device_request(args, resize_device);
}

static void do_setAlign(union arg *args)
{
	device_request(args, align_device);
}

static void do_mapping(union arg *args)
{
	device_request(args, map_device);
}

static const struct request_op dax_ops[] = {
	DAX_REQUESTS(REQUEST_OP)
};

/**
 * dax_request - run one DAX-suite request against bus.c
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a DAX-suite request (nothing answered).
 */
bool dax_request(int argc, char **argv)
{
	return request_dispatch(dax_ops, ARRAY_SIZE(dax_ops), argc, argv);
}

/* --- the snapshot --- */

static void observe_device(const struct harness_region *hr, const struct dev_dax *dev_dax)
{
	bool first = true;
	u64 size = 0;
	int i;

	(void)hr;	/* without DCD, no range lies in an extent */
	for (i = 0; i < dev_dax->nr_range; i++)
		size += range_len(&dev_dax->ranges[i].range);
	snap_device_begin(&(struct snap_device) {
		.id = dev_dax->id,
		.name = dev_name(&dev_dax->dev),
		.align = dev_dax->align,
		.bound = dev_dax->dev.driver,
		.size = size,
	});
	for (i = 0; i < dev_dax->nr_range; i++) {
		const struct dev_dax_range *r = &dev_dax->ranges[i];
		long extent = -1;

#ifdef DAX_DCD
		extent = dcd_range_extent(&hr->dcd, r);
#endif
		snap_range(&first, r->range.start, r->range.end, r->pgoff, extent);
	}
	snap_device_end();
}

struct children {
	struct dev_dax *devs[256];
	int n;
	bool truncated;
};

static int collect_child(struct device *dev, void *data)
{
	struct children *c = data;

#ifdef DAX_DCD
	if (dcd_is_extent_device(dev))
		return 0;
#endif
	if (c->n == (int)ARRAY_SIZE(c->devs)) {
		c->truncated = true;
		return 1;
	}
	c->devs[c->n++] = to_dev_dax(dev);
	return 0;
}

static int by_id(const void *a, const void *b)
{
	const struct dev_dax *x = *(struct dev_dax *const *)a, *y = *(struct dev_dax *const *)b;

	return (x->id > y->id) - (x->id < y->id);
}

static void observe_region(struct harness_region *hr)
{
	static struct children children;	/* not on the heap: ASan's quarantine makes each allocation fresh pages */
	struct resource gone = { .start = hr->start, .end = hr->start + hr->size - 1 };
	struct dax_region *dax_region = hr->dax_region;
	struct children *c = &children;
	char name[32], buf[4096];
	u64 avail = 0;
	int i;

	if (dax_region) {
		/* the region's available_size file: dax_region_avail_size() */
		attr_show(&hr->dev, "available_size", buf);
		avail = strtoull(buf, NULL, 10);
	}
	snap_region_begin(&(struct snap_region) {
		.id = hr->id,
		.dynamic = is_dynamic_region(hr),
		.destroyed = !dax_region,
		.start = hr->start,
		.size = hr->size,
		.align = dax_region ? dax_region->align : hr->align,	/* bus.c's, while it lives */
		.avail = avail,
	});
	/* the region's resource has no name in bus.c: the snapshot calls it region{R} */
	snprintf(name, sizeof(name), "region%d", hr->id);
	snap_resource(dax_region ? &dax_region->res : &gone, name, NULL);
	snap_region_extents();
#ifdef DAX_DCD
	if (is_dynamic_region(hr))
		dcd_observe_extents(&hr->cxlr_dax, &hr->dcd);
	else
#endif
		out_str("[]");
	snap_region_devices();
	if (dax_region) {
		c->n = 0;
		c->truncated = false;
		device_for_each_child(&hr->dev, c, collect_child);
		if (c->truncated) {
			fprintf(stderr, "daxcheck kernel harness: more than %zu devices in region%d\n",
				ARRAY_SIZE(c->devs), hr->id);
			abort();
		}
		qsort(c->devs, c->n, sizeof(c->devs[0]), by_id);
		for (i = 0; i < c->n; i++) {
			if (i)
				out_char(',');
			observe_device(hr, c->devs[i]);
		}
	}
	snap_region_end(hr->bad_releases);
}

/**
 * dax_observe - answer "snap" with the canonical snapshot of every region
 */
void dax_observe(void)
{
	bool first = true;
	int i;

	snap_begin("regions");
	for (i = 0; i < nr_regions; i++) {
		snap_next(&first);
		observe_region(regions[i]);
	}
	snap_end();
}

/**
 * dax_check - the self-check of the DAX instance: bus.c's region resource trees
 *
 * Every live region's resource tree is sorted, disjoint, inside its parent and
 * linked back to it (check_resource_tree): what the kernel's own code keeps,
 * checked after every step.
 *
 * Return: true when it holds, false after check_bad() said what does not.
 */
bool dax_check(void)
{
	long count = 0;
	int i;

	for (i = 0; i < nr_regions; i++) {
		if (live(regions[i]) && !check_resource_tree(&regions[i]->dax_region->res, &count))
			return false;
	}
	return true;
}
