// SPDX-License-Identifier: MIT
/*
 * driver-v10-observe.c - the DCD suite's snapshot (docs/SPECIFICATION.md
 * §12.10), read back from the kernel's own objects: resources are the
 * dax_resources of the extent devices under the region device, in
 * registration (arrival) order; devices are the dev_dax children by id, with
 * their ranges and the mapping devices registered under them; `pending` is
 * empty, for the series keeps no record of a refused release (T1). Also the
 * self-check.
 */
#include <stdlib.h>
#include <string.h>
#include "driver-v10.h"
#include "bus.h"
#include "driver.h"

static void out_tag(const uuid_t *tag)
{
	char text[UUID_STRING_LEN + 1];
	int i, n = 0;

	if (uuid_is_null(tag)) {
		out_json_string("0");
		return;
	}
	for (i = 0; i < UUID_SIZE; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			text[n++] = '-';
		n += snprintf(text + n, sizeof(text) - n, "%02x", tag->b[i]);
	}
	out_json_string(text);
}

struct walk {
	bool first;
	struct dev_dax *devs[256];
	int nr;
	long count;
};

static int out_resource(struct device *dev, void *data)
{
	struct walk *w = data;
	struct dax_resource *r;

	if (!is_dc_extent(dev) || !(r = dev_get_drvdata(dev)) || !r->res)
		return 0;
	if (!w->first)
		out_char(',');
	w->first = false;
	out_str("{\"start\":");
	out_json_u64(r->res->start);
	out_str(",\"size\":");
	out_json_u64(resource_size(r->res));
	out_str(",\"tag\":");
	out_tag(&r->uuid);
	out_str(",\"seq\":");
	out_long(r->seq_num);
	out_str(",\"useCount\":");
	out_long(r->use_cnt);
	out_char('}');
	return 0;
}

static int collect_device(struct device *dev, void *data)
{
	struct walk *w = data;

	if (is_dc_extent(dev))
		return 0;
	if (w->nr == (int)ARRAY_SIZE(w->devs)) {
		fprintf(stderr, "daxcheck kernel harness: more than %zu devices\n",
			ARRAY_SIZE(w->devs));
		abort();
	}
	w->devs[w->nr++] = to_dev_dax(dev);
	return 0;
}

static int count_child(struct device *dev, void *data)
{
	(void)dev;
	((struct walk *)data)->count++;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	const struct dev_dax *x = *(struct dev_dax *const *)a, *y = *(struct dev_dax *const *)b;

	return (x->id > y->id) - (x->id < y->id);
}

static void out_device(struct dev_dax *dev_dax)
{
	struct walk mappings = { .count = 0 };
	u64 size = 0;
	int i;

	for (i = 0; i < dev_dax->nr_range; i++)
		size += range_len(&dev_dax->ranges[i].range);
	device_for_each_child(&dev_dax->dev, &mappings, count_child);
	out_str("{\"id\":");
	out_long(dev_dax->id);
	out_str(",\"name\":");
	out_json_string(dev_name(&dev_dax->dev));
	out_str(",\"sizeBytes\":");
	out_json_u64(size);
	out_str(",\"mappings\":");
	out_long(mappings.count);
	out_str(",\"ranges\":[");
	for (i = 0; i < dev_dax->nr_range; i++) {
		if (i)
			out_char(',');
		out_str("{\"start\":");
		out_json_u64(dev_dax->ranges[i].range.start);
		out_str(",\"end\":");
		out_json_u64(dev_dax->ranges[i].range.end);
		out_str(",\"pgoff\":");
		out_json_u64(dev_dax->ranges[i].pgoff);
		out_char('}');
	}
	out_str("]}");
}

/**
 * v10_observe_region - one region of the snapshot
 * @vr: the region (live)
 */
void v10_observe_region(struct v10_region *vr)
{
	struct walk *w = calloc(1, sizeof(*w));
	int i;

	if (!w)
		abort();
	w->first = true;
	out_str("{\"id\":");
	out_long(vr->id);
	out_str(",\"start\":");
	out_json_u64(vr->start);
	out_str(",\"sizeBytes\":");
	out_json_u64(vr->size);
	out_str(",\"align\":");
	out_json_u64(vr->dax_region->align);
	out_str(",\"resources\":[");
	device_for_each_child(&vr->cxlr_dax.dev, w, out_resource);
	out_str("],\"devices\":[");
	device_for_each_child(&vr->cxlr_dax.dev, w, collect_device);
	qsort(w->devs, w->nr, sizeof(w->devs[0]), by_id);
	for (i = 0; i < w->nr; i++) {
		if (i)
			out_char(',');
		out_device(w->devs[i]);
	}
	out_str("],\"pending\":[],\"warnings\":");
	out_long((long)vr->warnings);
	out_char('}');
	free(w);
}

/**
 * dcd_observe - answer "snap" with the DCD snapshot of every region
 */
void dcd_observe(void)
{
	int i, n = 0;

	out_str("snap {\"regions\":[");
	for (i = 0; i < v10_nr_regions; i++) {
		if (!v10_regions[i]->dax_region)
			continue;
		if (n++)
			out_char(',');
		v10_observe_region(v10_regions[i]);
	}
	out_str("]}\n");
}

/**
 * dcd_check - the self-check: every live region's resource tree (bus.c's)
 * is sorted, disjoint, inside its parent and linked back to it
 *
 * Return: true when it holds, false after check_bad() said what does not.
 */
bool dcd_check(void)
{
	long count = 0;
	int i;

	for (i = 0; i < v10_nr_regions; i++)
		if (v10_regions[i]->dax_region &&
		    !check_resource_tree(&v10_regions[i]->dax_region->res, &count))
			return false;
	return true;
}
