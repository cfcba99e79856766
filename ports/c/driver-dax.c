// SPDX-License-Identifier: MIT
/*
 * driver-dax.c - the DAX suite: each request becomes the sysfs write or bus call a
 * real caller makes (region/create, dev/size, ...), checked in docs/SPECIFICATION.md order.
 */
#include <string.h>
#include "driver.h"
#include "dax-private.h"

static struct dax_bus bus;

static const struct {
	const char *name;
	unsigned int faults;	/* the fault and those it implies */
} fault_names[] = {
	{ "s1-shrink-adjusts-extent", DAX_FAULT_S1_SHRINK_ADJUSTS_EXTENT },
	{ "s2-free-space-int", DAX_FAULT_S2_FREE_SPACE_INT },
	{ "s3-double-release", DAX_FAULT_S3_DOUBLE_RELEASE },
	{ "s4-sized-create-dynamic", DAX_FAULT_S4_SIZED_CREATE_DYNAMIC },
	{ "s5-no-gap-success", DAX_FAULT_S5_NO_GAP_SUCCESS | DAX_FAULT_S2_FREE_SPACE_INT },
	{ "k1-whole-space-mapping", DAX_FAULT_K1_WHOLE_SPACE_MAPPING },
};

/**
 * dax_set_fault - switch a named fault (and what it implies) on
 * @name: the fault's name
 *
 * Return: 0, or -EINVAL for an unknown name.
 */
int dax_set_fault(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fault_names) / sizeof(fault_names[0]); i++) {
		if (strcmp(name, fault_names[i].name) == 0) {
			bus.faults |= fault_names[i].faults;
			return 0;
		}
	}
	return -EINVAL;
}

/**
 * dax_new - start an instance with no region, no fault and no armed failure
 *
 * Return: true (this port has the DAX suite).
 */
bool dax_new(void)
{
	memset(&bus, 0, sizeof(bus));
	alloc_points_reset();
	return true;
}

/**
 * dax_free - free every region of the instance
 */
void dax_free(void)
{
	int i;

	for (i = 0; i < bus.nr_regions; i++)
		dax_region_free(bus.regions[i]);
	kfree(bus.regions);
	memset(&bus, 0, sizeof(bus));
}

static struct dax_region *live_region(long r)
{
	if (r < 0 || r >= bus.nr_regions || bus.regions[r]->destroyed)
		return NULL;
	return bus.regions[r];
}

static struct dev_dax *live_device(long r, long d)
{
	struct dax_region *dax_region = live_region(r);

	if (!dax_region || d < 0 || d >= dax_region->nr_devs)
		return NULL;
	return dax_region->devs[d];
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

static const char *const alloc_point_names[NR_ALLOC_POINTS] = {
	[ALLOC_RESOURCE] = "resource",
	[ALLOC_RANGES] = "ranges",
	[ALLOC_MAPPING] = "mapping",
	[ALLOC_EXTENT_DEVICE] = "extentDevice",
};

static int fail_allocation(const char *point, long nth)
{
	int i;

	for (i = 0; i < NR_ALLOC_POINTS; i++)
		if (strcmp(point, alloc_point_names[i]) == 0)
			return alloc_point_arm(i, nth);
	return -EINVAL;
}

/* The device requests: R D [VALUE [VALUE]]. */
static bool device_request(int argc, char **argv)
{
	const char *op = argv[0];
	struct dev_dax *dev_dax;
	long r, d;
	u64 a = 0, b = 0;
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
	dev_dax = live_device(r, d);
	if (!dev_dax)
		answer_err(-ENXIO);
	else if (strcmp(op, "deleteDevice") == 0)
		answer_rc(dev_dax_delete(dev_dax));
	else if (strcmp(op, "bind") == 0)
		answer_rc(dev_dax_bind(dev_dax));
	else if (strcmp(op, "unbind") == 0)
		answer_rc(dev_dax_unbind(dev_dax));
	else if (strcmp(op, "resize") == 0)
		answer_rc(dev_dax_resize(dev_dax, a));
	else if (strcmp(op, "setAlign") == 0)
		answer_rc(dev_dax_align_store(dev_dax, a));
	else
		answer_rc(dev_dax_mapping_store(dev_dax, a, b));
	return true;
}

/**
 * dax_request - run one DAX-suite request
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a DAX-suite request (nothing answered).
 */
bool dax_request(int argc, char **argv)
{
	const char *op = argv[0];
	struct dax_region *dax_region;
	u64 a, b, c;
	long r, e;
	char *label;

	if (strcmp(op, "createRegion") == 0 && argc == 6) {
		bool dynamic = strcmp(argv[1], "dynamic") == 0;
		bool whole = strcmp(argv[5], "empty") != 0;

		if (!dynamic && strcmp(argv[1], "contiguous") != 0) {
			answer_error("createRegion: KIND must be contiguous or dynamic");
			return true;
		}
		if (strcmp(argv[5], "whole") && strcmp(argv[5], "empty") &&
		    strcmp(argv[5], "default")) {
			answer_error("createRegion: SEED must be whole, empty or default");
			return true;
		}
		if (arg_u64(argv, 2, &a) && arg_u64(argv, 3, &b) && arg_u64(argv, 4, &c))
			answer_created(dax_region_create(&bus, dynamic, a, b, c, whole));
	} else if (strcmp(op, "destroyRegion") == 0 && argc == 2) {
		if (!arg_long(argv, 1, &r))
			return true;
		dax_region = live_region(r);
		if (dax_region)
			dax_region_destroy(dax_region);
		answer_rc(dax_region ? 0 : -ENXIO);
	} else if (strcmp(op, "addExtent") == 0 && argc == 5) {
		if (!arg_long(argv, 1, &r) || !arg_u64(argv, 2, &a) || !arg_u64(argv, 3, &b) ||
		    !arg_string(argv, 4, &label))
			return true;
		dax_region = live_region(r);
		answer_created(dax_region ? dax_extent_add(dax_region, a, b, label) : -ENXIO);
	} else if (strcmp(op, "removeExtent") == 0 && argc == 3) {
		if (!arg_long(argv, 1, &r) || !arg_long(argv, 2, &e))
			return true;
		dax_region = live_region(r);
		if (dax_region && e >= 0 && e <= 0x7fffffff)
			answer_rc(dax_extent_remove(dax_region, (int)e));
		else
			answer_rc(-ENXIO);
	} else if (strcmp(op, "createDevice") == 0 && argc == 3) {
		if (!arg_long(argv, 1, &r) || !arg_u64(argv, 2, &a))
			return true;
		dax_region = live_region(r);
		answer_created(dax_region ? devm_create_dev_dax(dax_region, a) : -ENXIO);
	} else if (strcmp(op, "failAllocation") == 0 && argc == 3) {
		if (arg_long(argv, 2, &e))
			answer_rc(fail_allocation(argv[1], e));
	} else {
		return device_request(argc, argv);
	}
	return true;
}

static void observe_res(const struct resource *res)
{
	const struct resource *child;

	out_str("{\"start\":");
	out_json_u64(res->start);
	out_str(",\"end\":");
	out_json_u64(res->end);
	out_str(",\"name\":");
	out_json_string(res->name);
	out_str(",\"busy\":");
	out_json_bool(res->flags & IORESOURCE_BUSY);
	out_str(",\"children\":[");
	for (child = res->child; child; child = child->sibling) {
		observe_res(child);
		if (child->sibling)
			out_char(',');
	}
	out_str("]}");
}

static void observe_extent(int id, const struct dax_extent_log *log)
{
	const struct dax_extent *extent = log->extent;

	out_str("{\"id\":");
	out_long(id);
	out_str(",\"start\":");
	out_json_u64(log->start);
	out_str(",\"end\":");
	out_json_u64(log->end);
	out_str(",\"label\":");
	out_json_string(log->label);
	out_str(",\"visible\":");
	out_json_bool(extent && extent->visible);
	out_str(",\"refs\":");
	out_long(extent ? kref_read(&extent->kref) : 0);
	out_str(",\"released\":");
	out_json_bool(!extent);
	out_char('}');
}

static void observe_device(const struct dev_dax *dev_dax)
{
	int i;

	out_str("{\"id\":");
	out_long(dev_dax->id);
	out_str(",\"name\":");
	out_json_string(dev_dax->name);
	out_str(",\"align\":");
	out_json_u64(dev_dax->align);
	out_str(",\"bound\":");
	out_json_bool(dev_dax->bound);
	out_str(",\"sizeBytes\":");
	out_json_u64(dev_dax_size(dev_dax));
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
		if (r->extent)
			out_long(r->extent->id);
		else
			out_str("null");
		out_char('}');
	}
	out_str("]}");
}

static void observe_region(struct dax_region *dax_region)
{
	bool first = true;
	int i;

	out_str("{\"id\":");
	out_long(dax_region->id);
	out_str(dax_region->dynamic ? ",\"kind\":\"dynamic\"" : ",\"kind\":\"contiguous\"");
	out_str(",\"destroyed\":");
	out_json_bool(dax_region->destroyed);
	out_str(",\"start\":");
	out_json_u64(dax_region->res.start);
	out_str(",\"sizeBytes\":");
	out_json_u64(resource_size(&dax_region->res));
	out_str(",\"align\":");
	out_json_u64(dax_region->align);
	out_str(",\"availBytes\":");
	out_json_u64(dax_region_avail_size(dax_region));
	out_str(",\"resource\":");
	observe_res(&dax_region->res);
	out_str(",\"extents\":[");
	for (i = 0; i < dax_region->nr_extents; i++) {
		if (i)
			out_char(',');
		observe_extent(i, &dax_region->extents[i]);
	}
	out_str("],\"devices\":[");
	for (i = 0; i < dax_region->nr_devs; i++) {
		if (!dax_region->devs[i])
			continue;
		if (!first)
			out_char(',');
		first = false;
		observe_device(dax_region->devs[i]);
	}
	out_str("],\"badReleases\":");
	out_long(dax_region->bad_releases);
	out_char('}');
}

/**
 * dax_check - the self-check of the instance (dax-check.c)
 *
 * Return: true, or false after check_bad().
 */
bool dax_check(void)
{
	return dax_bus_check(&bus);
}

/**
 * dax_observe - answer "snap" with the canonical snapshot of every region
 */
void dax_observe(void)
{
	int i;

	out_str("snap {\"regions\":[");
	for (i = 0; i < bus.nr_regions; i++) {
		if (i)
			out_char(',');
		observe_region(bus.regions[i]);
	}
	out_str("]}\n");
}
