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

/*
 * The request handlers (dispatch.h's DAX_REQUESTS): arguments as the spec parsed
 * them; a device request's are R D [VALUE [VALUE]].
 */
static void do_createRegion(union arg *args)
{
	bool dynamic = strcmp(args[0].s, "dynamic") == 0;
	bool whole = strcmp(args[4].s, "empty") != 0;

	answer_created(dax_region_create(&bus, dynamic, args[1].u, args[2].u, args[3].u, whole));
}

static void do_destroyRegion(union arg *args)
{
	struct dax_region *dax_region = live_region(args[0].l);

	if (!dax_region) {
		answer_err(-ENXIO);
		return;
	}
	dax_region_destroy(dax_region);
	answer_ok();
}

static void do_addExtent(union arg *args)
{
	struct dax_region *dax_region = live_region(args[0].l);

	answer_created(dax_region ? dax_extent_add(dax_region, args[1].u, args[2].u, args[3].s) :
		       -ENXIO);
}

static void do_removeExtent(union arg *args)
{
	struct dax_region *dax_region = live_region(args[0].l);
	long e = args[1].l;

	if (dax_region && e >= 0 && e <= 0x7fffffff)
		answer_rc(dax_extent_remove(dax_region, (int)e));
	else
		answer_rc(-ENXIO);
}

static void do_createDevice(union arg *args)
{
	struct dax_region *dax_region = live_region(args[0].l);

	answer_created(dax_region ? devm_create_dev_dax(dax_region, args[1].u) : -ENXIO);
}

static void do_failAllocation(union arg *args)
{
	answer_rc(fail_allocation(args[0].s, args[1].l));
}

/* Device R D of a device request, or NULL after answering ENXIO. */
static struct dev_dax *device_of(union arg *args)
{
	struct dev_dax *dev_dax = live_device(args[0].l, args[1].l);

	if (!dev_dax)
		answer_err(-ENXIO);
	return dev_dax;
}

static void do_deleteDevice(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_delete(dev_dax));
}

static void do_bind(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_bind(dev_dax));
}

static void do_unbind(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_unbind(dev_dax));
}

static void do_resize(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_resize(dev_dax, args[2].u));
}

static void do_setAlign(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_align_store(dev_dax, args[2].u));
}

static void do_mapping(union arg *args)
{
	struct dev_dax *dev_dax = device_of(args);

	if (dev_dax)
		answer_rc(dev_dax_mapping_store(dev_dax, args[2].u, args[3].u));
}

static const struct request_op dax_ops[] = {
	DAX_REQUESTS(REQUEST_OP)
};

/**
 * dax_request - run one DAX-suite request
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a DAX-suite request (nothing answered).
 */
bool dax_request(int argc, char **argv)
{
	return request_dispatch(dax_ops, sizeof(dax_ops) / sizeof(dax_ops[0]), argc, argv);
}

static void observe_extent(int id, const struct dax_extent_log *log)
{
	const struct dax_extent *extent = log->extent;

	snap_extent(&(struct snap_extent) {
		.id = id,
		.start = log->start,
		.end = log->end,
		.label = log->label,
		.visible = extent && extent->visible,
		.refs = extent ? kref_read(&extent->kref) : 0,
		.released = !extent,
	});
}

static void observe_device(const struct dev_dax *dev_dax)
{
	bool first = true;
	int i;

	snap_device_begin(&(struct snap_device) {
		.id = dev_dax->id,
		.name = dev_dax->name,
		.align = dev_dax->align,
		.bound = dev_dax->bound,
		.size = dev_dax_size(dev_dax),
	});
	for (i = 0; i < dev_dax->nr_range; i++) {
		const struct dev_dax_range *r = &dev_dax->ranges[i];

		snap_range(&first, r->range.start, r->range.end, r->pgoff,
			   r->extent ? r->extent->id : -1);
	}
	snap_device_end();
}

static void observe_region(struct dax_region *dax_region)
{
	bool first = true;
	int i;

	snap_region_begin(&(struct snap_region) {
		.id = dax_region->id,
		.dynamic = dax_region->dynamic,
		.destroyed = dax_region->destroyed,
		.start = dax_region->res.start,
		.size = resource_size(&dax_region->res),
		.align = dax_region->align,
		.avail = dax_region_avail_size(dax_region),
	});
	snap_resource(&dax_region->res, dax_region->res.name, NULL);
	snap_region_extents();
	out_char('[');
	for (i = 0; i < dax_region->nr_extents; i++) {
		snap_next(&first);
		observe_extent(i, &dax_region->extents[i]);
	}
	out_char(']');
	snap_region_devices();
	first = true;
	for (i = 0; i < dax_region->nr_devs; i++) {
		if (!dax_region->devs[i])
			continue;
		snap_next(&first);
		observe_device(dax_region->devs[i]);
	}
	snap_region_end(dax_region->bad_releases);
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
	bool first = true;
	int i;

	snap_begin("regions");
	for (i = 0; i < bus.nr_regions; i++) {
		snap_next(&first);
		observe_region(bus.regions[i]);
	}
	snap_end();
}
