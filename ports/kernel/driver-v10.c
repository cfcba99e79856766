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
static bool arg_tag(char **argv, int i, uuid_t *tag)
{
	if (strcmp(argv[i], "0") == 0) {
		uuid_copy(tag, &uuid_null);
		return true;
	}
	if (strlen(argv[i]) == UUID_STRING_LEN && uuid_parse(argv[i], tag) == 0 &&
	    !uuid_is_null(tag))
		return true;
	answer_error("%s: argument %d: expected 0 or a UUID, got '%.40s'", argv[0], i, argv[i]);
	return false;
}

/* OFFSET:LEN[,OFFSET:LEN...], each 0x + hex, or ~ (none); false after answering "error". */
static bool arg_extents(char **argv, int i, u64 *off, u64 *len, int *n)
{
	char *s = argv[i], *end;

	if (strcmp(s, "~") == 0) {	/* no extent (PROTOCOL.md: the empty list) */
		*n = 0;
		return true;
	}
	for (*n = 0; *n < V10_MAX_EXTENTS + 1; (*n)++) {
		if (strncmp(s, "0x", 2))
			break;
		off[*n] = strtoull(s, &end, 16);
		if (*end != ':' || strncmp(end + 1, "0x", 2))
			break;
		len[*n] = strtoull(end + 1, &end, 16);
		if (*end == '\0') {
			(*n)++;
			return true;
		}
		if (*end != ',')
			break;
		s = end + 1;
	}
	answer_error("%s: argument %d: expected OFFSET:LEN[,OFFSET:LEN...] (at most %d), got '%.60s'",
		     argv[0], i, V10_MAX_EXTENTS + 1, argv[i]);
	return false;
}

static bool add_request(struct v10_region *vr, char **argv, int i, int *rc)
{
	u64 off[V10_MAX_EXTENTS + 1], len[V10_MAX_EXTENTS + 1];
	uuid_t tag;
	long base;
	int n;

	if (!arg_tag(argv, i, &tag) || !arg_extents(argv, i + 1, off, len, &n) ||
	    !arg_long(argv, i + 2, &base))
		return false;
	*rc = vr ? v10_group_add(vr, &tag, n, off, len, base) : -ENXIO;
	return true;
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
	return -EINVAL;
}

static void answer_rc(int rc, bool id)
{
	if (rc < 0)
		answer_err(rc);
	else if (id)
		answer_id(rc);
	else
		answer_ok();
}

/* The requests naming a region: R first. */
static bool region_request(int argc, char **argv, const char *op)
{
	struct v10_region *vr;
	u64 a, b, c;
	uuid_t tag;
	long r, d;
	int rc, ignored;

	if (strcmp(op, "createRegion") == 0 && argc == 4) {
		if (arg_u64(argv, 1, &a) && arg_u64(argv, 2, &b) && arg_u64(argv, 3, &c))
			answer_rc(c > UINT_MAX ? -EINVAL : create_region(a, b, c), true);
		return true;
	}
	if (argc < 2 || !arg_long(argv, 1, &r))
		return argc >= 2;
	vr = region_of(r);
	if (strcmp(op, "createDevice") == 0 && argc == 2) {
		answer_rc(vr ? create_device(vr) : -ENXIO, true);
	} else if ((strcmp(op, "deleteDevice") == 0 && argc == 3) ||
		   (strcmp(op, "resize") == 0 && argc == 4)) {
		if (arg_long(argv, 2, &d) && (argc == 3 || arg_u64(argv, 3, &a)))
			answer_rc(vr ? device_op(vr, op, d, argv[argc - 1]) : -ENXIO, false);
	} else if ((strcmp(op, "claim") == 0 && argc == 4) ||
		   (strcmp(op, "claimRacing") == 0 && argc == 7)) {
		if (!arg_long(argv, 2, &d) || !arg_tag(argv, 3, &tag))
			return true;
		rc = vr ? device_op(vr, "claim", d, argv[3]) : -ENXIO;
		if (argc == 7 && !add_request(vr, argv, 4, &ignored))
			return true;
		answer_rc(rc, false);
	} else if (strcmp(op, "addTagGroup") == 0 && argc == 5) {
		if (add_request(vr, argv, 2, &rc))
			answer_rc(rc, false);
	} else if (strcmp(op, "releaseTagGroup") == 0 && argc == 5) {
		if (arg_tag(argv, 2, &tag) && arg_long(argv, 3, &d) && arg_u64(argv, 4, &a))
			answer_rc(vr ? v10_group_release(vr, &tag, a, d != 0) : -ENXIO, false);
	} else {
		return false;
	}
	return true;
}

/**
 * dcd_request - run one request of the DCD suite against bus.c and cxl.c
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the operation
 *
 * Return: false if this is not a request of the suite (nothing answered).
 */
bool dcd_request(int argc, char **argv)
{
	unsigned long warned = warn_count;
	long nth;
	bool known;
	int i;

	if (strcmp(argv[0], "failAllocation") == 0 && argc == 3) {
		if (arg_long(argv, 2, &nth))
			answer_rc(fail_allocation(argv[1], nth), false);
		return true;
	}
	known = region_request(argc, argv, argv[0]);
	/* a WARN counts against the region the request named (§12.1) */
	if (warn_count != warned && argc >= 2)
		for (i = 0; i < v10_nr_regions; i++)
			if (strcmp(argv[0], "createRegion") && atol(argv[1]) == v10_regions[i]->id)
				v10_regions[i]->warnings += warn_count - warned;
	return known;
}
