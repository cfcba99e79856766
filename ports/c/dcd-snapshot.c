// SPDX-License-Identifier: MIT
/*
 * dcd-snapshot.c - the C port's DCD snapshot (docs/SPECIFICATION.md §12.10;
 * keys in sut/snapshotSchema.ts's order for dcdSnapshot, dcdRegion,
 * dcdResource, dcdDevice, dcdRange), its self-check, the words of its
 * requests (tags and extent lists) and its named faults.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "dcd.h"
#include "driver.h"

static const struct {
	const char *name;
	unsigned int fault;
} dcd_fault_names[] = {
	{ "t1-refused-release-forgotten", DCD_FAULT_T1 },
	{ "t3-rollback-keeps-mapping", DCD_FAULT_T3 },
	{ "t4-claim-two-pass", DCD_FAULT_T4 },
	{ "t5-seq-gap-warn", DCD_FAULT_T5 },
};

/**
 * dcd_set_fault - switch a named fault of the profile on (impl/dcd/dcdFaults.ts)
 * @name: the fault's name
 *
 * Return: 0, or -EINVAL for an unknown name.
 */
int dcd_set_fault(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dcd_fault_names) / sizeof(dcd_fault_names[0]); i++) {
		if (strcmp(name, dcd_fault_names[i].name) == 0) {
			dcd.faults |= dcd_fault_names[i].fault;
			return 0;
		}
	}
	return -EINVAL;
}

/**
 * dcd_grow - room for one more element at the end of an array
 * @array: the array (NULL when empty)
 * @nr: its elements
 * @each: the size of one
 *
 * Return: the array, moved if need be (aborts when memory runs out).
 */
void *dcd_grow(void *array, int nr, size_t each)
{
	void *grown = realloc(array, (nr + 1) * each);

	if (!grown)
		abort();
	return grown;
}

/**
 * dcd_res_size - bytes of a resource
 * @res: the resource
 *
 * Return: its size.
 */
u64 dcd_res_size(const struct dcd_resource *res)
{
	return res->end - res->start + 1;
}

/**
 * dcd_group_name - a group's name in `pending`: its tag, or 0@OFFSET (u64 hex)
 * @tag: "0" or a UUID
 * @offset: region-relative offset of an untagged resource
 * @name: where to write it
 * @size: room in @name
 */
void dcd_group_name(const char *tag, u64 offset, char *name, size_t size)
{
	if (dcd_is_untagged(tag))
		snprintf(name, size, "0@0x%llx", (unsigned long long)offset);
	else
		snprintf(name, size, "%s", tag);
}

/**
 * dcd_parse_tag - TAG: "0" or a non-null UUID (8-4-4-4-12 hex digits)
 * @op: the request, for the error
 * @text: the word
 * @tag: DCD_TAG_LEN + 1 bytes: the tag in lowercase
 *
 * Return: true, or false after answering "error".
 */
bool dcd_parse_tag(const char *op, const char *text, char *tag)
{
	bool null = true;
	int i;

	if (strcmp(text, "0") == 0) {
		strcpy(tag, "0");
		return true;
	}
	for (i = 0; strlen(text) == DCD_TAG_LEN && i < DCD_TAG_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (text[i] != '-')
				break;
			tag[i] = '-';
			continue;
		}
		if (!isxdigit((unsigned char)text[i]))
			break;
		tag[i] = tolower((unsigned char)text[i]);
		null &= tag[i] == '0';
	}
	tag[i] = '\0';
	if (i == DCD_TAG_LEN && !null)
		return true;
	answer_error("%s: TAG: expected 0 or a UUID, got '%.40s'", op, text);
	return false;
}

static void out_dev(const struct dcd_region *rg, const struct dcd_dev *dev)
{
	char name[48];
	int i;

	snprintf(name, sizeof(name), "dax%d.%d", rg->id, dev->id);
	out_str("{\"id\":");
	out_long(dev->id);
	out_str(",\"name\":");
	out_json_string(name);
	out_str(",\"sizeBytes\":");
	out_json_u64(dev->size);
	out_str(",\"mappings\":");
	out_long(dev->mappings);
	out_str(",\"ranges\":[");
	for (i = 0; i < dev->nr_ranges; i++) {
		out_str(i ? ",{\"start\":" : "{\"start\":");
		out_json_u64(dev->ranges[i].start);
		out_str(",\"end\":");
		out_json_u64(dev->ranges[i].end);
		out_str(",\"pgoff\":");
		out_json_u64(dev->ranges[i].pgoff);
		out_char('}');
	}
	out_str("]}");
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void out_region(struct dcd_region *rg)
{
	int i;

	out_str("{\"id\":");
	out_long(rg->id);
	out_str(",\"start\":");
	out_json_u64(rg->start);
	out_str(",\"sizeBytes\":");
	out_json_u64(rg->size);
	out_str(",\"align\":");
	out_json_u64(rg->align);
	out_str(",\"resources\":[");
	for (i = 0; i < rg->nr_res; i++) {
		out_str(i ? ",{\"start\":" : "{\"start\":");
		out_json_u64(rg->res[i]->start);
		out_str(",\"size\":");
		out_json_u64(dcd_res_size(rg->res[i]));
		out_str(",\"tag\":");
		out_json_string(rg->res[i]->tag);
		out_str(",\"seq\":");
		out_long(rg->res[i]->seq);
		out_str(",\"useCount\":");
		out_long(rg->res[i]->use_cnt);
		out_char('}');
	}
	out_str("],\"devices\":[");
	for (i = 0; i < rg->nr_devs; i++) {
		if (i)
			out_char(',');
		out_dev(rg, &rg->devs[i]);
	}
	out_str("],\"pending\":[");
	if (rg->nr_pending)
		qsort(rg->pending, rg->nr_pending, sizeof(*rg->pending), by_name);
	for (i = 0; i < rg->nr_pending; i++) {
		if (i)
			out_char(',');
		out_json_string(rg->pending[i]);
	}
	out_str("],\"warnings\":");
	out_long(rg->warnings);
	out_char('}');
}

/**
 * dcd_observe - answer "snap" with the DCD snapshot of every region
 */
void dcd_observe(void)
{
	int i;

	out_str("snap {\"regions\":[");
	for (i = 0; i < dcd.nr_regions; i++) {
		if (i)
			out_char(',');
		out_region(dcd.regions[i]);
	}
	out_str("]}\n");
}

static bool check_region(const struct dcd_region *rg)
{
	const struct dcd_dev *dev;
	int i, j, k, n;
	u64 sum;

	for (i = 0; i < rg->nr_res; i++) {
		for (n = 0, j = 0; j < rg->nr_devs; j++)
			for (k = 0; k < rg->devs[j].nr_ranges; k++)
				n += rg->devs[j].ranges[k].res == rg->res[i];
		if (n != rg->res[i]->use_cnt)
			return check_bad("region%d: resource %#llx use_cnt %d, %d ranges point at it",
					 rg->id, (unsigned long long)rg->res[i]->start,
					 rg->res[i]->use_cnt, n);
	}
	for (j = 0; j < rg->nr_devs; j++) {
		dev = &rg->devs[j];
		for (sum = 0, k = 0; k < dev->nr_ranges; k++)
			sum += dev->ranges[k].end - dev->ranges[k].start + 1;
		if (sum != dev->size)
			return check_bad("dax%d.%d: cached size %#llx, ranges sum %#llx", rg->id,
					 dev->id, (unsigned long long)dev->size,
					 (unsigned long long)sum);
	}
	return true;
}

/**
 * dcd_check - the self-check: every use count equals the ranges on its
 * resource, every cached device size the sum of its ranges
 *
 * Return: true when it holds, false after check_bad() said what does not.
 */
bool dcd_check(void)
{
	int i;

	for (i = 0; i < dcd.nr_regions; i++)
		if (!check_region(dcd.regions[i]))
			return false;
	return true;
}
