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

void request_watch(int argc, char **argv);

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
		kfree(regions[i]);
	}
	kfree(regions);
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

static int device_op(struct harness_region *hr, const char *op, long d, u64 a, u64 b)
{
	struct dev_dax *dev_dax;
	char text[40];
	int rc;

	if (strcmp(op, "deleteDevice") == 0) {
		snprintf(text, sizeof(text), "dax%d.%ld", hr->id, d);
		return attr_store(&hr->dev, "delete", text);
	}
	dev_dax = find_dev_dax(hr, d);
	if (!dev_dax)
		return -ENXIO;
	if (strcmp(op, "bind") == 0) {
		rc = device_driver_attach(&device_dax_driver.drv, &dev_dax->dev);
	} else if (strcmp(op, "unbind") == 0) {
		/* daxcheck rule: unbinding an unbound device is ENXIO (sysfs: ENODEV) */
		rc = dev_dax->dev.driver ? 0 : -ENXIO;
		if (!rc)
			device_release_driver(&dev_dax->dev);
	} else if (strcmp(op, "resize") == 0) {
		snprintf(text, sizeof(text), "%#llx", a);
		rc = attr_store(&dev_dax->dev, "size", text);
	} else if (strcmp(op, "setAlign") == 0) {
		snprintf(text, sizeof(text), "%#llx", a);
		rc = attr_store(&dev_dax->dev, "align", text);
	} else {
		rc = mapping(hr, dev_dax, a, b);
	}
	put_device(&dev_dax->dev);
	return rc;
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

static void answer_rc(int rc)
{
	if (rc < 0)
		answer_err(rc);
	else
		answer_ok();
}

static void answer_created(int rc)
{
	if (rc < 0)
		answer_err(rc);
	else
		answer_id(rc);
}

/* The device requests: R D [VALUE [VALUE]]. */
static bool device_request(int argc, char **argv)
{
	const char *op = argv[0];
	struct harness_region *hr;
	u64 a = 0, b = 0;
	long r, d;
	int nargs;

	if (strcmp(op, "deleteDevice") == 0 || strcmp(op, "bind") == 0 || strcmp(op, "unbind") == 0)
		nargs = 0;
	else if (strcmp(op, "resize") == 0 || strcmp(op, "setAlign") == 0)
		nargs = 1;
	else if (strcmp(op, "mapping") == 0)
		nargs = 2;
	else
		return false;
	if (argc != 3 + nargs)
		return false;
	if (!arg_long(argv, 1, &r) || !arg_long(argv, 2, &d) ||
	    (nargs > 0 && !arg_u64(argv, 3, &a)) || (nargs > 1 && !arg_u64(argv, 4, &b)))
		return true;
	hr = region_of(r);
	if (!hr) {
		answer_err(-ENXIO);
		return true;
	}
	acting = hr;
	answer_rc(device_op(hr, op, d, a, b));
	acting = NULL;
	return true;
}

/**
 * dax_request - run one DAX-suite request against bus.c
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a DAX-suite request (nothing answered).
 */
bool dax_request(int argc, char **argv)
{
	const char *op = argv[0];
	struct harness_region *hr;
	u64 a, b, c;
	long r, e;
	char *label;

	request_watch(argc, argv);	/* harness.c: an endless loop in bus.c aborts, naming this */
	if (strcmp(op, "createRegion") == 0 && argc == 6) {
#ifndef DAX_DCD
		if (strcmp(argv[1], "dynamic") == 0) {
			answer_error("createRegion dynamic: upstream drivers/dax/bus.c has no dynamic regions (this port has the dax-contiguous suite)");
			return true;
		}
#endif
		if (strcmp(argv[1], "contiguous") && strcmp(argv[1], "dynamic")) {
			answer_error("createRegion: KIND must be contiguous or dynamic");
			return true;
		}
		if (strcmp(argv[5], "whole") && strcmp(argv[5], "empty") &&
		    strcmp(argv[5], "default")) {
			answer_error("createRegion: SEED must be whole, empty or default");
			return true;
		}
		if (arg_u64(argv, 2, &a) && arg_u64(argv, 3, &b) && arg_u64(argv, 4, &c)) {
			if (c > UINT_MAX)	/* alloc_dax_region() takes an unsigned int */
				answer_error("createRegion: align %#llx does not fit bus.c's unsigned int", c);
			else
				answer_created(create_region(a, b, c, strcmp(argv[5], "empty") != 0,
							     strcmp(argv[1], "dynamic") == 0));
		}
	} else if (strcmp(op, "destroyRegion") == 0 && argc == 2) {
		if (!arg_long(argv, 1, &r))
			return true;
		hr = region_of(r);
		if (hr)
			destroy_region(hr);
		answer_rc(hr ? 0 : -ENXIO);
	} else if (strcmp(op, "addExtent") == 0 && argc == 5) {
		if (!arg_long(argv, 1, &r) || !arg_u64(argv, 2, &a) || !arg_u64(argv, 3, &b) ||
		    !arg_string(argv, 4, &label))
			return true;
		hr = region_of(r);
		acting = hr;
#ifdef DAX_DCD
		if (hr && is_dynamic_region(hr))
			answer_created(dcd_add_extent(&hr->cxlr_dax, &hr->dcd, a, b, label));
		else
#endif
			/* docs/SPECIFICATION.md §4.2: a contiguous region takes no extent */
			answer_rc(hr ? -EINVAL : -ENXIO);
		acting = NULL;
	} else if (strcmp(op, "removeExtent") == 0 && argc == 3) {
		if (!arg_long(argv, 1, &r) || !arg_long(argv, 2, &e))
			return true;
		hr = region_of(r);
		acting = hr;
#ifdef DAX_DCD
		if (hr && is_dynamic_region(hr))
			answer_rc(dcd_remove_extent(&hr->cxlr_dax, &hr->dcd, e));
		else
#endif
			answer_rc(-ENXIO);	/* no extent on a contiguous region */
		acting = NULL;
	} else if (strcmp(op, "createDevice") == 0 && argc == 3) {
		if (!arg_long(argv, 1, &r) || !arg_u64(argv, 2, &a))
			return true;
		hr = region_of(r);
		acting = hr;
		answer_created(hr ? create_device(hr, a) : -ENXIO);
		acting = NULL;
	} else if (strcmp(op, "failAllocation") == 0 && argc == 3) {
		if (arg_long(argv, 2, &e))
			answer_rc(fail_allocation(argv[1], e));
	} else {
		return device_request(argc, argv);
	}
	return true;
}

/* --- the snapshot --- */

static void observe_res(const struct resource *res, const char *name)
{
	const struct resource *child;

	out_str("{\"start\":");
	out_json_u64(res->start);
	out_str(",\"end\":");
	out_json_u64(res->end);
	out_str(",\"name\":");
	out_json_string(name);
	out_str(",\"busy\":");
	out_json_bool(res->flags & IORESOURCE_BUSY);
	out_str(",\"children\":[");
	for (child = res->child; child; child = child->sibling) {
		observe_res(child, child->name);
		if (child->sibling)
			out_char(',');
	}
	out_str("]}");
}

static void observe_device(const struct harness_region *hr, const struct dev_dax *dev_dax)
{
	u64 size = 0;
	int i;

	(void)hr;	/* without DCD, no range lies in an extent */
	for (i = 0; i < dev_dax->nr_range; i++)
		size += range_len(&dev_dax->ranges[i].range);
	out_str("{\"id\":");
	out_long(dev_dax->id);
	out_str(",\"name\":");
	out_json_string(dev_name(&dev_dax->dev));
	out_str(",\"align\":");
	out_json_u64(dev_dax->align);
	out_str(",\"bound\":");
	out_json_bool(dev_dax->dev.driver);
	out_str(",\"sizeBytes\":");
	out_json_u64(size);
	out_str(",\"ranges\":[");
	for (i = 0; i < dev_dax->nr_range; i++) {
		const struct dev_dax_range *r = &dev_dax->ranges[i];

		if (i)
			out_char(',');
		out_str("{\"start\":");
		out_json_u64(r->range.start);
		out_str(",\"end\":");
		out_json_u64(r->range.end);
		out_str(",\"pgoff\":");
		out_json_u64(r->pgoff);
		out_str(",\"extent\":");
#ifdef DAX_DCD
		if (dcd_range_extent(&hr->dcd, r) >= 0)
			out_long(dcd_range_extent(&hr->dcd, r));
		else
#endif
			out_str("null");
		out_char('}');
	}
	out_str("]}");
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
	struct resource gone = { .start = hr->start, .end = hr->start + hr->size - 1 };
	struct dax_region *dax_region = hr->dax_region;
	struct children *c;
	char name[32], buf[4096];
	int i;

	snprintf(name, sizeof(name), "region%d", hr->id);
	out_str("{\"id\":");
	out_long(hr->id);
	out_str(is_dynamic_region(hr) ? ",\"kind\":\"dynamic\",\"destroyed\":" :
		",\"kind\":\"contiguous\",\"destroyed\":");
	out_json_bool(!dax_region);
	out_str(",\"start\":");
	out_json_u64(hr->start);
	out_str(",\"sizeBytes\":");
	out_json_u64(hr->size);
	out_str(",\"align\":");
	out_json_u64(dax_region ? dax_region->align : hr->align);	/* bus.c's, while it lives */
	out_str(",\"availBytes\":");
	if (dax_region) {
		/* the region's available_size file: dax_region_avail_size() */
		attr_show(&hr->dev, "available_size", buf);
		out_json_u64(strtoull(buf, NULL, 10));
	} else {
		out_json_u64(0);
	}
	out_str(",\"resource\":");
	/* the region's resource has no name in bus.c: the snapshot calls it region{R} */
	observe_res(dax_region ? &dax_region->res : &gone, name);
	out_str(",\"extents\":");
#ifdef DAX_DCD
	if (is_dynamic_region(hr))
		dcd_observe_extents(&hr->cxlr_dax, &hr->dcd);
	else
#endif
		out_str("[]");
	out_str(",\"devices\":[");
	if (dax_region) {
		c = calloc(1, sizeof(*c));
		if (!c)
			abort();
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
		free(c);
	}
	out_str("],\"badReleases\":");
	out_long(hr->bad_releases);
	out_char('}');
}

/**
 * dax_observe - answer "snap" with the canonical snapshot of every region
 */
void dax_observe(void)
{
	int i;

	out_str("snap {\"regions\":[");
	for (i = 0; i < nr_regions; i++) {
		if (i)
			out_char(',');
		observe_region(regions[i]);
	}
	out_str("]}\n");
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
