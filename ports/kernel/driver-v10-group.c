// SPDX-License-Identifier: MIT
/*
 * driver-v10-group.c - tag groups in the kernel harness's DCD suite: what
 * the CXL layer checks before DAX sees a group (daxcheck rules, the CXL
 * core's per-group checks of v10 13/31 to 17/31, which are not built here),
 * the groups' records, and the instance (new, free, teardown).
 */
#include <stdlib.h>
#include <string.h>
#include "driver-v10.h"
#include "bus.h"
#include "driver.h"
#include "attr.h"

#define SZ_2M_ULL	(2ULL << 20)

struct in_use {
	const uuid_t *tag;
	bool found;
};

static int tag_in_use(struct device *dev, void *data)
{
	struct in_use *u = data;
	struct dax_resource *r;

	if (!is_dc_extent(dev))
		return 0;
	r = dev_get_drvdata(dev);
	if (r && r->use_cnt && uuid_equal(&r->uuid, u->tag))
		u->found = true;
	return 0;
}

/*
 * daxcheck rules (§12.5 checks 2–4): the CXL core drops a group with no
 * extent, more than it takes, an empty, misaligned or out-of-region extent,
 * or overlapping members; a group does not grow a tag that is claimed.
 * Check 5 (the seq base) is not applied: the device's seq numbers reach DAX
 * as the device sent them (T5, docs/kernel-v10.md).
 */
static int cxl_checks(struct v10_region *vr, const uuid_t *tag, int n, const u64 *off,
		      const u64 *len)
{
	struct in_use u = { .tag = tag };
	int i, j;

	if (n < 1 || n > V10_MAX_EXTENTS)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (!len[i] || off[i] % SZ_2M_ULL || len[i] % SZ_2M_ULL ||
		    off[i] + len[i] < off[i] || off[i] + len[i] > vr->size)
			return -EINVAL;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (off[i] < off[j] + len[j] && off[j] < off[i] + len[i])
				return -EINVAL;
	if (uuid_is_null(tag))
		return 0;
	device_for_each_child(&vr->cxlr_dax.dev, &u, tag_in_use);
	return u.found ? -EBUSY : 0;
}

static void record(struct v10_region *vr, struct cxl_dc_tag_group *group, const uuid_t *tag,
		   u64 offset)
{
	struct v10_group *grown;

	if (vr->nr_groups == vr->cap_groups) {
		vr->cap_groups = vr->cap_groups ? 2 * vr->cap_groups : 8;
		grown = realloc(vr->groups, sizeof(*grown) * vr->cap_groups);
		if (!grown)
			abort();
		vr->groups = grown;
	}
	vr->groups[vr->nr_groups].group = group;
	uuid_copy(&vr->groups[vr->nr_groups].tag, tag);
	vr->groups[vr->nr_groups++].offset = offset;
}

static void forget(struct v10_region *vr, int i)
{
	memmove(&vr->groups[i], &vr->groups[i + 1], sizeof(*vr->groups) * (vr->nr_groups - i - 1));
	vr->nr_groups--;
}

/**
 * v10_group_add - addTagGroup: the group through the CXL core to cxl.c
 * @vr: the region
 * @tag: the tag (uuid_null: each extent is a group of its own)
 * @n: number of extents
 * @off: their offsets in the region
 * @len: their lengths
 * @seq_base: the first extent's seq number; the others follow
 *
 * An untagged list is accepted or refused as a whole too: when one of its
 * groups is refused, those added before it are taken down again (daxcheck
 * rule, §12.5).
 *
 * Return: 0, -EINVAL, -EBUSY (the CXL layer's, above), or the kernel's:
 * -ENOSPC (an extent overlaps a resource), -ENOMEM.
 */
int v10_group_add(struct v10_region *vr, const uuid_t *tag, int n, const u64 *off,
		  const u64 *len, long seq_base)
{
	struct cxl_dc_tag_group *group;
	u16 seq[V10_MAX_EXTENTS];
	int i, rc, first = vr->nr_groups;

	rc = cxl_checks(vr, tag, n, off, len);
	if (rc)
		return rc;
	for (i = 0; i < n; i++)
		seq[i] = (u16)(seq_base + i);
	if (!uuid_is_null(tag)) {
		rc = cxl_v10_add_group(&vr->cxlr_dax, tag, n, off, len, seq, &group);
		if (!rc)
			record(vr, group, tag, off[0]);
		return rc;
	}
	for (i = 0; i < n && !rc; i++) {
		rc = cxl_v10_add_group(&vr->cxlr_dax, tag, 1, &off[i], &len[i], &seq[i], &group);
		if (!rc)
			record(vr, group, tag, off[i]);
	}
	while (rc && vr->nr_groups > first) {
		cxl_v10_rm_group(vr->groups[vr->nr_groups - 1].group);
		forget(vr, vr->nr_groups - 1);
	}
	return rc;
}

/**
 * v10_group_release - releaseTagGroup: cxl_rm_extent() for each group the
 * device names (a tag: every group with it; 0: the untagged group at @offset)
 * @vr: the region
 * @tag: the tag
 * @offset: the untagged group's offset in the region
 * @forced: the device's forced-removal flag (released as any other, below)
 *
 * Return: -ENOENT when nothing has that name (daxcheck rule: the CXL core
 * finds no group), else cxl_rm_extent()'s return: 0, done or refused.
 */
int v10_group_release(struct v10_region *vr, const uuid_t *tag, u64 offset, bool forced)
{
	(void)forced;
	int i, notify_rc, rc = -ENOENT;

	for (i = 0; i < vr->nr_groups; i++) {
		struct v10_group *g = &vr->groups[i];

		if (!uuid_equal(&g->tag, tag) || (uuid_is_null(tag) && g->offset != offset))
			continue;
		/*
		 * daxcheck rule (§12.6): a forced release is checked and answered as
		 * any other; v10's cxl_dax_region_notify() has no case for
		 * DCD_FORCED_CAPACITY_RELEASE (-ENXIO, "Unknown DC event")
		 */
		rc = cxl_v10_release_group(g->group, false, &notify_rc);
		if (!notify_rc)
			forget(vr, i--);
	}
	return rc;
}

struct devices {
	struct device *devs[256];
	int nr;
};

static int collect_device(struct device *dev, void *data)
{
	struct devices *d = data;

	if (!is_dc_extent(dev) && d->nr < (int)ARRAY_SIZE(d->devs))
		d->devs[d->nr++] = get_device(dev);
	return 0;
}

/* Every device's size to 0: collected first (a trim unregisters mapping devices). */
static void trim_devices(struct v10_region *vr)
{
	struct devices *d = calloc(1, sizeof(*d));
	int i;

	if (!d)
		abort();
	device_for_each_child(&vr->cxlr_dax.dev, d, collect_device);
	for (i = 0; i < d->nr; i++) {
		attr_store(d->devs[i], "size", "0");
		put_device(d->devs[i]);
	}
	free(d);
}

/**
 * v10_region_teardown - take a region down as userspace and the device do:
 * every device's size to 0 (daxctl destroy-device), every group released,
 * then the region driver unbinds (devres: devices, mappings, the region);
 * a group still held then is taken down by the CXL core
 * @vr: the region
 */
void v10_region_teardown(struct v10_region *vr)
{
	int notify_rc;

	trim_devices(vr);
	while (vr->nr_groups) {
		cxl_v10_release_group(vr->groups[0].group, false, &notify_rc);
		if (notify_rc)
			break;
		forget(vr, 0);
	}
	device_release_driver(&vr->cxlr_dax.dev);
	while (vr->nr_groups) {
		cxl_v10_rm_group(vr->groups[0].group);
		forget(vr, 0);
	}
	vr->dax_region = NULL;
}

/**
 * dcd_free - tear every region down and forget them all
 */
void dcd_free(void)
{
	int i;

	for (i = 0; i < v10_nr_regions; i++) {
		if (v10_regions[i]->dax_region)
			v10_region_teardown(v10_regions[i]);
		device_del(&v10_regions[i]->cxlr_dax.dev);
		put_device(&v10_regions[i]->cxlr_dax.dev);
		free(v10_regions[i]->groups);
		free(v10_regions[i]);
	}
	free(v10_regions);
	v10_regions = NULL;
	v10_nr_regions = v10_cap_regions = 0;
	slab_fail_reset();
}

/**
 * dcd_new - start an instance of the DCD suite with no region
 * @profile: "v10" (this tree's); any other profile is not this tree's
 *
 * cxl.c's module init runs once per process: it queues its driver's
 * registration, which the harness's workqueue runs at once.
 *
 * Return: false for a profile other than v10.
 */
bool dcd_new(const char *profile)
{
	static bool started;

	if (strcmp(profile, "v10") != 0)
		return false;
	dcd_free();
	if (!started) {
		if (cxl_module_init() || !cxl_v10_driver)
			return false;
		started = true;
	}
	return true;
}
