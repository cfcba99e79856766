// SPDX-License-Identifier: MIT
/*
 * dcd-request.c - the DCD suite's requests (PROTOCOL.md "The v11/v10
 * profile") in the C port: regions and devices, the uuid claim and the
 * request table; dcd_new() and dcd_free() (ports/shared/driver.h).
 */
#include <stdlib.h>
#include <string.h>
#include "dcd.h"
#include "driver.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* daxcheck rule (§2.2 checks 1–4): a region of a power-of-2 align >= 2M. */
static int create_region(u64 start, u64 size, u64 align)
{
	struct dcd_region *rg;

	if (align < SZ_2M || !is_power_of_2(align) || !size || !IS_ALIGNED(start, align) ||
	    !IS_ALIGNED(size, align) || start + size - 1 < start)
		return -EINVAL;
	rg = calloc(1, sizeof(*rg));
	if (!rg)
		abort();
	rg->id = dcd.nr_regions;
	rg->start = start;
	rg->size = size;
	rg->align = align;
	rg->devs = calloc(1, sizeof(*rg->devs));	/* the seed device dax R.0 */
	if (!rg->devs)
		abort();
	rg->nr_devs = 1;
	dcd.regions = dcd_grow(dcd.regions, dcd.nr_regions, sizeof(*dcd.regions));
	dcd.regions[dcd.nr_regions++] = rg;
	return rg->id;
}

/* create_store: the lowest free id, or ENOSPC when every resource is claimed. */
static int create_device(long r)
{
	struct dcd_region *rg = dcd_region_of(r);
	int i, at = 0;

	if (!rg)
		return -ENXIO;
	for (i = 0; i < rg->nr_res && rg->res[i]->use_cnt; i++)
		;
	if (i == rg->nr_res)
		return -ENOSPC;
	while (at < rg->nr_devs && rg->devs[at].id == at)
		at++;
	rg->devs = dcd_grow(rg->devs, rg->nr_devs, sizeof(*rg->devs));
	memmove(&rg->devs[at + 1], &rg->devs[at], (rg->nr_devs - at) * sizeof(*rg->devs));
	rg->devs[at] = (struct dcd_dev) { .id = at };
	rg->nr_devs++;
	return at;
}

static int delete_device(long r, long d)
{
	struct dcd_region *rg = dcd_region_of(r);
	struct dcd_dev *dev = dcd_dev_of(rg, d);

	if (!dev)
		return -ENXIO;
	if (d == 0 || dev->size)
		return -EBUSY;
	free(dev->ranges);
	memmove(dev, dev + 1, (rg->nr_devs - (dev - rg->devs) - 1) * sizeof(*dev));
	rg->nr_devs--;
	return 0;
}

static int by_seq(const void *a, const void *b)
{
	const struct dcd_resource *x = *(struct dcd_resource *const *)a;
	const struct dcd_resource *y = *(struct dcd_resource *const *)b;

	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The group a racing claim lets arrive, once. */
struct arrival {
	long r;
	const char *tag;
	int n;
	const u64 *off, *len;
	long seq_base;
	bool done;
};

static void arrive(struct arrival *a)
{
	if (a && !a->done) {
		a->done = true;
		dcd_add_group(a->r, a->tag, a->n, a->off, a->len, a->seq_base);
	}
}

/* uuid_claim_tagged: count, (T4: the group arrives), collect, sort, check, allocate or roll back. */
static int claim_tagged(struct dcd_region *rg, struct dcd_dev *dev, const char *tag,
			struct arrival *between)
{
	struct dcd_resource **arr;
	int i, cap = 0, n = 0, rc = 0;

	for (i = 0; i < rg->nr_res; i++)
		cap += !rg->res[i]->use_cnt && strcmp(rg->res[i]->tag, tag) == 0;
	if (dcd.faults & DCD_FAULT_T4)
		arrive(between);
	if (!cap)
		return -ENOENT;
	arr = calloc(cap, sizeof(*arr));
	if (!arr)
		abort();
	for (i = 0; i < rg->nr_res && !rc; i++) {
		if (rg->res[i]->use_cnt || strcmp(rg->res[i]->tag, tag))
			continue;
		if (n == cap)
			rc = -ENOSPC;
		else
			arr[n++] = rg->res[i];
	}
	if (!rc)
		qsort(arr, n, sizeof(*arr), by_seq);
	for (i = 0; !rc && i < n; i++) {
		if (arr[i]->seq != dcd.seq_base + i) {
			rg->warnings++;	/* dev_WARN_ONCE: only T5 lets a gap in */
			rc = -EINVAL;
		}
	}
	for (i = 0; !rc && i < n; i++) {
		if (!IS_ALIGNED(dcd_res_size(arr[i]), rg->align))
			break;
		dcd_alloc_range(dev, arr[i]);
	}
	if (!rc && i < n) {
		while (i-- > 0)
			dcd_trim_range(dev, dcd.faults & DCD_FAULT_T3);
		rc = -EINVAL;
	}
	free(arr);
	return rc;
}

/* uuid_store: a claim on a device of size 0; "0" takes the first unused untagged resource. */
static int uuid_store(long r, long d, const char *tag, struct arrival *between)
{
	struct dcd_region *rg = dcd_region_of(r);
	struct dcd_dev *dev = dcd_dev_of(rg, d);
	int i;

	if (!dev)
		return -ENXIO;
	if (dev->size)
		return -EBUSY;
	if (!dcd_is_untagged(tag))
		return claim_tagged(rg, dev, tag, between);
	for (i = 0; i < rg->nr_res; i++) {
		if (rg->res[i]->use_cnt || !dcd_is_untagged(rg->res[i]->tag))
			continue;
		if (!IS_ALIGNED(dcd_res_size(rg->res[i]), rg->align))
			return -EINVAL;
		dcd_alloc_range(dev, rg->res[i]);
		return 0;
	}
	return -ENOENT;
}

static void do_createRegion(union arg *a)
{
	answer_created(create_region(a[0].u, a[1].u, a[2].u));
}

static void do_createDevice(union arg *a)
{
	answer_created(create_device(a[0].l));
}

static void do_deleteDevice(union arg *a)
{
	answer_rc(delete_device(a[0].l, a[1].l));
}

static void do_resize(union arg *a)
{
	answer_rc(dcd_resize(a[0].l, a[1].l, a[2].u));
}

static void do_addTagGroup(union arg *a)
{
	u64 off[DCD_MAX_GROUP + 1], len[DCD_MAX_GROUP + 1];
	char tag[DCD_TAG_LEN + 1];
	int n;

	if (dcd_parse_tag("addTagGroup", a[1].s, tag) &&
	    parse_extent_list("addTagGroup", a[2].s, off, len, DCD_MAX_GROUP + 1, &n))
		answer_rc(dcd_add_group(a[0].l, tag, n, off, len, a[3].l));
}

static void do_claim(union arg *a)
{
	char tag[DCD_TAG_LEN + 1];

	if (dcd_parse_tag("claim", a[2].s, tag))
		answer_rc(uuid_store(a[0].l, a[1].l, tag, NULL));
}

static void do_claimRacing(union arg *a)
{
	u64 off[DCD_MAX_GROUP + 1], len[DCD_MAX_GROUP + 1];
	char tag[DCD_TAG_LEN + 1], gtag[DCD_TAG_LEN + 1];
	struct arrival group = { .r = a[0].l, .tag = gtag, .off = off, .len = len,
				 .seq_base = a[5].l };
	int rc;

	/* every word is checked before the claim runs: a malformed request changes nothing */
	if (!dcd_parse_tag("claimRacing", a[2].s, tag) ||
	    !dcd_parse_tag("claimRacing", a[3].s, gtag) ||
	    !parse_extent_list("claimRacing", a[4].s, off, len, DCD_MAX_GROUP + 1, &group.n))
		return;
	rc = uuid_store(a[0].l, a[1].l, tag, &group);
	arrive(&group);
	answer_rc(rc);
}

static void do_releaseTagGroup(union arg *a)
{
	char tag[DCD_TAG_LEN + 1];

	if (dcd_parse_tag("releaseTagGroup", a[1].s, tag))
		answer_rc(dcd_release_group(a[0].l, tag, a[3].u));
}

static const struct request_op dcd_ops[] = {
	DCD_REQUESTS(REQUEST_OP)
};

/**
 * dcd_request - run one request of the DCD suite
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a request of the suite (nothing answered).
 */
bool dcd_request(int argc, char **argv)
{
	return request_dispatch(dcd_ops, ARRAY_SIZE(dcd_ops), argc, argv);
}

/**
 * dcd_new - start an instance of the profile, with no region and no fault
 * @profile: "v11" (seq base 0) or "v10" (seq base 1)
 *
 * Return: false for any other profile (the driver answers err EINVAL).
 */
bool dcd_new(const char *profile)
{
	dcd_free();
	if (strcmp(profile, "v11") == 0)
		dcd.seq_base = 0;
	else if (strcmp(profile, "v10") == 0)
		dcd.seq_base = 1;
	else
		return false;
	return true;
}

/**
 * dcd_free - free every region of the instance and switch its faults off
 */
void dcd_free(void)
{
	struct dcd_region *rg;
	int i, j;

	for (i = 0; i < dcd.nr_regions; i++) {
		rg = dcd.regions[i];
		for (j = 0; j < rg->nr_res; j++)
			free(rg->res[j]);
		for (j = 0; j < rg->nr_devs; j++)
			free(rg->devs[j].ranges);
		for (j = 0; j < rg->nr_pending; j++)
			free(rg->pending[j]);
		free(rg->res);
		free(rg->devs);
		free(rg->pending);
		free(rg);
	}
	free(dcd.regions);
	memset(&dcd, 0, sizeof(dcd));
}
