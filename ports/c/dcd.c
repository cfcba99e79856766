// SPDX-License-Identifier: MIT
/*
 * dcd.c - the C port's DCD suite (PROTOCOL.md "The v11/v10 profile"), after
 * impl/dcd/dcdSut.ts and the v11 series' bus.c: addTagGroup accepts or refuses
 * a group as a whole, the uuid claim (tagged: count, collect, sort by seq,
 * allocate, roll back by trimming; untagged: the first unused resource), and
 * the release of a whole group, refused with EBUSY while a member is in use
 * and then owed (pending) until a resize to 0 lets it be done.
 */
#include <stdlib.h>
#include <string.h>
#include "dcd.h"
#include "driver.h"

struct dcd_state dcd;

struct dcd_region *dcd_region_of(long r)
{
	return r >= 0 && r < dcd.nr_regions ? dcd.regions[r] : NULL;
}

struct dcd_dev *dcd_dev_of(struct dcd_region *rg, long d)
{
	int i;

	for (i = 0; rg && i < rg->nr_devs; i++)
		if (rg->devs[i].id == d)
			return &rg->devs[i];
	return NULL;
}

bool dcd_is_untagged(const char *tag)
{
	return strcmp(tag, "0") == 0;
}

/* alloc_dev_dax_range for a whole resource: a range, a use, a mapping. */
void dcd_alloc_range(struct dcd_dev *dev, struct dcd_resource *res)
{
	dev->ranges = dcd_grow(dev->ranges, dev->nr_ranges, sizeof(*dev->ranges));
	dev->ranges[dev->nr_ranges++] = (struct dcd_range) {
		.start = res->start, .end = res->end, .pgoff = dev->size >> 12, .res = res,
	};
	dev->size += dcd_res_size(res);
	res->use_cnt++;
	dev->mappings++;
}

/* trim_dev_dax_range: the last range goes; @keep_mapping is T3. */
void dcd_trim_range(struct dcd_dev *dev, bool keep_mapping)
{
	struct dcd_range *range;

	if (!dev->nr_ranges)
		return;
	range = &dev->ranges[--dev->nr_ranges];
	dev->size -= range->end - range->start + 1;
	range->res->use_cnt--;
	if (!keep_mapping)
		dev->mappings--;
}

/* Whether @res is a member of the group @tag (untagged: the one at @offset). */
static bool in_group(struct dcd_region *rg, struct dcd_resource *res, const char *tag, u64 offset)
{
	return strcmp(res->tag, tag) == 0 && (!dcd_is_untagged(tag) || res->start == rg->start + offset);
}

/* Members of the group: 0 none, 1 all unused, 2 one in use. */
static int group_state(struct dcd_region *rg, const char *tag, u64 offset)
{
	int i, state = 0;

	for (i = 0; i < rg->nr_res; i++)
		if (in_group(rg, rg->res[i], tag, offset))
			state = rg->res[i]->use_cnt ? 2 : (state ? state : 1);
	return state;
}

static void remove_group(struct dcd_region *rg, const char *tag, u64 offset)
{
	int i, n = 0;

	for (i = 0; i < rg->nr_res; i++) {
		if (in_group(rg, rg->res[i], tag, offset))
			free(rg->res[i]);
		else
			rg->res[n++] = rg->res[i];
	}
	rg->nr_res = n;
}

static void pending_delete(struct dcd_region *rg, const char *name)
{
	int i;

	for (i = 0; i < rg->nr_pending; i++) {
		if (strcmp(rg->pending[i], name) == 0) {
			free(rg->pending[i]);
			rg->pending[i] = rg->pending[--rg->nr_pending];
			return;
		}
	}
}

static void pending_add(struct dcd_region *rg, const char *name)
{
	int i;

	for (i = 0; i < rg->nr_pending; i++)
		if (strcmp(rg->pending[i], name) == 0)
			return;
	rg->pending = dcd_grow(rg->pending, rg->nr_pending, sizeof(*rg->pending));
	rg->pending[rg->nr_pending] = strdup(name);
	if (!rg->pending[rg->nr_pending++])
		abort();
}

/* The host owes every pending release: done once no member is in use. */
static void retry_pending(struct dcd_region *rg)
{
	char tag[DCD_TAG_LEN + 1], *name;
	u64 offset;
	int i;

	for (i = 0; i < rg->nr_pending; i++) {
		name = rg->pending[i];
		offset = 0;
		if (strncmp(name, "0@", 2) == 0) {
			strcpy(tag, "0");
			offset = strtoull(name + 2, NULL, 16);
		} else {
			snprintf(tag, sizeof(tag), "%s", name);
		}
		if (group_state(rg, tag, offset) == 2)
			continue;
		remove_group(rg, tag, offset);
		pending_delete(rg, name);
		i--;
	}
}

static int by_offset(const void *a, const void *b)
{
	const u64 *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* The errno refusing the group (§12.5), or 0; T5 skips the tag's seq check. */
static int group_refusal(struct dcd_region *rg, const char *tag, int n, const u64 *off,
			 const u64 *len, long seq_base)
{
	u64 sorted[DCD_MAX_GROUP + 1][2];
	int i, j, members = 0;

	if (n == 0 || n > DCD_MAX_GROUP)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!len[i] || !IS_ALIGNED(off[i], SZ_2M) || !IS_ALIGNED(len[i], SZ_2M) ||
		    len[i] > rg->size || off[i] > rg->size - len[i])
			return -EINVAL;
		sorted[i][0] = off[i];
		sorted[i][1] = len[i];
	}
	qsort(sorted, n, sizeof(sorted[0]), by_offset);
	for (i = 1; i < n; i++)
		if (sorted[i][0] < sorted[i - 1][0] + sorted[i - 1][1])
			return -EINVAL;
	if (!dcd_is_untagged(tag)) {
		for (i = 0; i < rg->nr_res; i++) {
			if (strcmp(rg->res[i]->tag, tag))
				continue;
			if (rg->res[i]->use_cnt)
				return -EBUSY;
			members++;
		}
		if (!(dcd.faults & DCD_FAULT_T5) && seq_base != dcd.seq_base + members)
			return -EINVAL;
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < rg->nr_res; j++)
			if (rg->start + off[i] <= rg->res[j]->end &&
			    rg->res[j]->start <= rg->start + off[i] + len[i] - 1)
				return -ENOSPC;
	return 0;
}

int dcd_add_group(long r, const char *tag, int n, const u64 *off, const u64 *len, long seq_base)
{
	struct dcd_region *rg = dcd_region_of(r);
	struct dcd_resource *res;
	int i, rc;

	if (!rg)
		return -ENXIO;
	rc = group_refusal(rg, tag, n, off, len, seq_base);
	for (i = 0; !rc && i < n; i++) {
		res = calloc(1, sizeof(*res));
		if (!res)
			abort();
		res->start = rg->start + off[i];
		res->end = res->start + len[i] - 1;
		strcpy(res->tag, tag);
		res->seq = seq_base + i;
		rg->res = dcd_grow(rg->res, rg->nr_res, sizeof(*rg->res));
		rg->res[rg->nr_res++] = res;
	}
	return rc;
}

/**
 * dcd_release_group - the device asks to release the group @tag (untagged: the
 * resource at @offset), as dax_region_rm_resources: refused while a member is
 * in use, and then owed
 * @r: region id
 * @tag: "0" or a UUID
 * @offset: region-relative offset naming an untagged group
 *
 * Return: 0; -ENXIO no region; -ENOENT no such group; -EBUSY a member is in
 * use (the release is pending; T1: 0 and forgotten).
 */
int dcd_release_group(long r, const char *tag, u64 offset)
{
	struct dcd_region *rg = dcd_region_of(r);
	char name[DCD_TAG_LEN + 24];

	if (!rg)
		return -ENXIO;
	dcd_group_name(tag, offset, name, sizeof(name));
	switch (group_state(rg, tag, offset)) {
	case 0:
		return -ENOENT;
	case 2:
		if (dcd.faults & DCD_FAULT_T1)
			return 0;
		pending_add(rg, name);
		return -EBUSY;
	default:
		remove_group(rg, tag, offset);
		pending_delete(rg, name);
		return 0;
	}
}

/**
 * dcd_resize - the size write of a DC device: only 0 (or its size) is taken;
 * 0 trims every range, and then the owed releases that can be are done
 * @r: region id
 * @d: device id
 * @size: bytes
 *
 * Return: 0; -ENXIO no such device; -EINVAL unaligned; -EOPNOTSUPP non-zero.
 */
int dcd_resize(long r, long d, u64 size)
{
	struct dcd_region *rg = dcd_region_of(r);
	struct dcd_dev *dev = dcd_dev_of(rg, d);

	if (!dev)
		return -ENXIO;
	if (!IS_ALIGNED(size, max_t(u64, rg->align, SZ_2M)))
		return -EINVAL;
	if (size == dev->size)
		return 0;
	if (size)
		return -EOPNOTSUPP;
	while (dev->nr_ranges)
		dcd_trim_range(dev, false);
	retry_pending(rg);
	return 0;
}
