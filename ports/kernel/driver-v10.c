// SPDX-License-Identifier: MIT
/*
 * driver-v10.c - the DCD suite (`new dcd v10`, PROTOCOL.md "The v11/v10
 * profile") driven into a tree's DCD v10 drivers/dax, built unmodified: every
 * request as the series' own callers make it.
 *
 *   createRegion     a CXL DAX region device of a region in mode
 *                    CXL_PARTMODE_DYNAMIC_RAM_A bound to cxl.c's driver:
 *                    cxl_dax_region_probe() makes the DC dax region and its
 *                    size-0 seed device
 *   createDevice     the region's "create" file; deleteDevice its "delete"
 *   resize           the device's "size" file
 *   addTagGroup      the CXL core accepts the group (cxl/v10/core.c): its
 *                    extent devices, then DCD_ADD_CAPACITY through cxl.c's
 *                    .notify (dax_region_add_resource() per extent); an
 *                    untagged list is one group per extent
 *   claim            the device's "uuid" file (uuid_claim_tagged/_untagged)
 *   claimRacing      the claim, then the group: both take dax_region_rwsem
 *                    for write, so the group cannot arrive between the
 *                    claim's two passes (T4: docs/kernel-v10.md)
 *   releaseTagGroup  cxl_rm_extent() for every group the request names:
 *                    DCD_(FORCED_)RELEASE_CAPACITY through .notify, then
 *                    rm_tag_group() unless refused; the answer is
 *                    cxl_rm_extent()'s return
 *   failAllocation   (harness only) the shims' nth allocation by a function
 *                    fails: resource, ranges, mapping as in driver-dax.c
 *
 * Each place the CXL layer (not built here) decides before DAX sees a
 * request is marked "daxcheck rule" and listed in docs/kernel-v10.md.
 */
#include <stdlib.h>
#include <string.h>
#include "driver-v10.h"
#include "bus.h"
#include "driver.h"
#include "attr.h"

#define SZ_2M_ULL	(2ULL << 20)

struct v10_region **v10_regions;
int v10_nr_regions;
int v10_cap_regions;

int v10_group_add(struct v10_region *vr, const uuid_t *tag, int n, const u64 *off,
		  const u64 *len, long seq_base);
int v10_group_release(struct v10_region *vr, const uuid_t *tag, u64 offset, bool forced);
void v10_region_teardown(struct v10_region *vr);

static void region_dev_release(struct device *dev)
{
	(void)dev;	/* the harness owns the memory */
}

/* daxcheck rule (docs/SPECIFICATION.md §2.2 checks 1–4), as driver-dax.c's create_region */
static int create_region(u64 start, u64 size, u64 align)
{
	struct v10_region *vr, **grown;
	int rc;

	if (!align || (align & (align - 1)) || align < SZ_2M_ULL || size == 0 ||
	    start % align || size % align || start + size - 1 < start)
		return -EINVAL;
	if (v10_nr_regions == v10_cap_regions) {
		v10_cap_regions = v10_cap_regions ? 2 * v10_cap_regions : 8;
		grown = realloc(v10_regions, sizeof(*grown) * v10_cap_regions);
		if (!grown)
			abort();
		v10_regions = grown;
	}
	vr = calloc(1, sizeof(*vr));
	if (!vr)
		abort();
	vr->id = v10_nr_regions;
	vr->start = start;
	vr->size = size;
	vr->align = align;
	vr->cxlr = (struct cxl_region) {
		.id = vr->id,
		.mode = CXL_PARTMODE_DYNAMIC_RAM_A,
		.params = { .interleave_ways = 1 },
	};
	vr->cxlr_dax.cxlr = &vr->cxlr;
	vr->cxlr_dax.hpa_range = (struct range) { .start = start, .end = start + size - 1 };
	xa_init(&vr->cxlr_dax.extents);
	device_initialize(&vr->cxlr_dax.dev);
	vr->cxlr_dax.dev.release = region_dev_release;
	dev_set_name(&vr->cxlr_dax.dev, "dax_region%d", vr->id);
	rc = device_add(&vr->cxlr_dax.dev);
	if (!rc) {
		cxl_region_align = align;
		rc = device_driver_attach(&cxl_v10_driver->drv, &vr->cxlr_dax.dev);
		cxl_region_align = SZ_2M_ULL;
	}
	if (rc) {
		device_del(&vr->cxlr_dax.dev);
		put_device(&vr->cxlr_dax.dev);
		free(vr);
		return rc;
	}
	vr->dax_region = dev_get_drvdata(&vr->cxlr_dax.dev);
	v10_regions[v10_nr_regions++] = vr;
	return vr->id;
}

static struct v10_region *region_of(long r)
{
	if (r < 0 || r >= v10_nr_regions || !v10_regions[r]->dax_region)
		return NULL;
	return v10_regions[r];
}

/* Device @d of region @vr with a reference taken, or NULL. */
static struct device *find_device(struct v10_region *vr, long d)
{
	char name[64];

	snprintf(name, sizeof(name), "dax%d.%ld", vr->id, d);
	return device_find_child_by_name(&vr->cxlr_dax.dev, name);
}

static int create_device(struct v10_region *vr)
{
	char buf[4096];
	int rc, r, d;

	rc = attr_store(&vr->cxlr_dax.dev, "create", "1");
	if (rc)
		return rc;
	attr_show(&vr->cxlr_dax.dev, "create", buf);
	if (sscanf(buf, "dax%d.%d", &r, &d) != 2 || r != vr->id) {
		fprintf(stderr, "daxcheck kernel harness: region%d/create reads '%s'\n", vr->id, buf);
		abort();
	}
	return d;
}

/* A device file write: deleteDevice, resize, claim. */
static int device_op(struct v10_region *vr, const char *op, long d, const char *text)
{
	struct device *dev;
	char name[64];
	int rc;

	if (strcmp(op, "deleteDevice") == 0) {
		snprintf(name, sizeof(name), "dax%d.%ld", vr->id, d);
		return attr_store(&vr->cxlr_dax.dev, "delete", name);
	}
	dev = find_device(vr, d);
	if (!dev)
		return -ENXIO;
	rc = attr_store(dev, strcmp(op, "resize") == 0 ? "size" : "uuid", text);
	put_device(dev);
	return rc;
}

/* TAG: "0" or a UUID in lowercase text; false after answering "error". */
static bool parse_tag(const char *op, const char *text, uuid_t *tag)
{
	if (strcmp(text, "0") == 0) {
		uuid_copy(tag, &uuid_null);
		return true;
	}
	if (strlen(text) == UUID_STRING_LEN && uuid_parse(text, tag) == 0 && !uuid_is_null(tag))
		return true;
	answer_error("%s: TAG: expected 0 or a UUID, got '%.40s'", op, text);
	return false;
}

/* A group TAG EXTENTS SEQBASE added to region @r (ENXIO when none); false after answering "error". */
static bool add_group(const char *op, long r, const char *tag_text, const char *extents,
		      long seq_base, int *rc)
{
	u64 off[V10_MAX_EXTENTS + 1], len[V10_MAX_EXTENTS + 1];
	struct v10_region *vr = region_of(r);
	uuid_t tag;
	int n;

	if (!parse_tag(op, tag_text, &tag) || !parse_extent_list(op, extents, off, len, V10_MAX_EXTENTS + 1, &n))
		return false;
	*rc = vr ? v10_group_add(vr, &tag, n, off, len, seq_base) : -ENXIO;
	return true;
}

/* The suite's requests (PROTOCOL.md "The v11/v10 profile"), as the table parses them. */
static void do_createRegion(union arg *a)
{
	answer_created(a[2].u > UINT_MAX ? -EINVAL : create_region(a[0].u, a[1].u, a[2].u));
}

static void do_createDevice(union arg *a)
{
	struct v10_region *vr = region_of(a[0].l);

	answer_created(vr ? create_device(vr) : -ENXIO);
}

static void do_deleteDevice(union arg *a)
{
	struct v10_region *vr = region_of(a[0].l);

	answer_rc(vr ? device_op(vr, "deleteDevice", a[1].l, NULL) : -ENXIO);
}

static void do_resize(union arg *a)
{
	struct v10_region *vr = region_of(a[0].l);
	char text[24];

	snprintf(text, sizeof(text), "%#llx", a[2].u);
	answer_rc(vr ? device_op(vr, "resize", a[1].l, text) : -ENXIO);
}

static void do_addTagGroup(union arg *a)
{
	int rc;

	if (add_group("addTagGroup", a[0].l, a[1].s, a[2].s, a[3].l, &rc))
		answer_rc(rc);
}

/* The claim: the device's uuid file; ENXIO for a region or device that is not there. */
static bool claim(const char *op, union arg *a, int *rc)
{
	struct v10_region *vr = region_of(a[0].l);
	uuid_t tag;

	if (!parse_tag(op, a[2].s, &tag))
		return false;
	*rc = vr ? device_op(vr, "claim", a[1].l, a[2].s) : -ENXIO;
	return true;
}

static void do_claim(union arg *a)
{
	int rc;

	if (claim("claim", a, &rc))
		answer_rc(rc);
}

static void do_claimRacing(union arg *a)
{
	u64 off[V10_MAX_EXTENTS + 1], len[V10_MAX_EXTENTS + 1];
	int rc, added, n;
	uuid_t tag;

	/* the group's words are checked before the claim runs: a malformed request changes nothing */
	if (!parse_tag("claimRacing", a[3].s, &tag) ||
	    !parse_extent_list("claimRacing", a[4].s, off, len, V10_MAX_EXTENTS + 1, &n))
		return;
	if (claim("claimRacing", a, &rc) &&
	    add_group("claimRacing", a[0].l, a[3].s, a[4].s, a[5].l, &added))
		answer_rc(rc);
}

static void do_releaseTagGroup(union arg *a)
{
	struct v10_region *vr = region_of(a[0].l);
	uuid_t tag;

	if (parse_tag("releaseTagGroup", a[1].s, &tag))
		answer_rc(vr ? v10_group_release(vr, &tag, a[3].u, a[2].l != 0) : -ENXIO);
}

static void do_failAllocation(union arg *a)
{
	const char *point = a[0].s;
	long nth = a[1].l;

	if (nth < 1)
		answer_rc(-EINVAL);
	else if (strcmp(point, "resource") == 0)
		answer_rc(slab_fail_nth_in("alloc_resource", nth));
	else if (strcmp(point, "ranges") == 0)
		answer_rc(slab_fail_nth_in("alloc_dev_dax_range", nth));
	else if (strcmp(point, "mapping") == 0)
		answer_rc(slab_fail_nth_in("devm_register_dax_mapping", nth));
	else
		answer_rc(-EINVAL);
}

/* failAllocation is the harness's own (C-level tests), not a request of the profile. */
static const struct request_op v10_ops[] = {
	DCD_REQUESTS(REQUEST_OP)
	REQUEST_OP(failAllocation, "wi")
};

/**
 * dcd_request - run one request of the DCD suite against bus.c and cxl.c
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * A WARN the kernel fires counts against the region the request named (§12.1).
 *
 * Return: false if this is not a request of the suite (nothing answered).
 */
bool dcd_request(int argc, char **argv)
{
	unsigned long warned = warn_count;
	bool known;
	long r;
	char *end;

	known = request_dispatch(v10_ops, ARRAY_SIZE(v10_ops), argc, argv);
	if (warn_count == warned || argc < 2 || strcmp(argv[0], "createRegion") == 0)
		return known;
	r = strtol(argv[1], &end, 10);
	if (*end == '\0' && r >= 0 && r < v10_nr_regions)
		v10_regions[r]->warnings += warn_count - warned;
	return known;
}
