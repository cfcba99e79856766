/* SPDX-License-Identifier: MIT */
/*
 * dcd.h - the C port's DCD suite (`new dcd v11|v10`, PROTOCOL.md "The v11/v10
 * profile", docs/SPECIFICATION.md §12), after impl/dcd: tag groups of
 * dax_resources with seq numbers, the uuid claim with its rollback, the whole
 * group release refused with EBUSY and remembered as pending until done.
 */
#ifndef DAXCHECK_DCD_H
#define DAXCHECK_DCD_H

#include "compat.h"

#define DCD_TAG_LEN	36	/* a UUID in text; "0" is untagged */
#define DCD_MAX_GROUP	8	/* §12.5: a group has at most 8 extents */

/* The series' defects (impl/dcd/dcdFaults.ts), switched by the "fault" request. */
#define DCD_FAULT_T1	(1u << 0)	/* a refused release answers 0 and is forgotten */
#define DCD_FAULT_T3	(1u << 1)	/* the claim's rollback keeps the mappings */
#define DCD_FAULT_T4	(1u << 2)	/* the tagged claim counts, then collects */
#define DCD_FAULT_T5	(1u << 3)	/* a seq gap is accepted (the claim WARNs) */

/**
 * struct dcd_resource - a dax_resource: one extent of a tag group
 * @start: first byte
 * @end: last byte
 * @tag: the group's tag, "0" when untagged
 * @seq: its seq_num
 * @use_cnt: ranges on it (alloc raises, trim lowers)
 */
struct dcd_resource {
	u64 start, end;
	char tag[DCD_TAG_LEN + 1];
	long seq;
	int use_cnt;
};

/**
 * struct dcd_range - a range of a device, on a whole resource
 * @start: first byte
 * @end: last byte
 * @pgoff: page offset in the device
 * @res: the resource it pins
 */
struct dcd_range {
	u64 start, end, pgoff;
	struct dcd_resource *res;
};

/**
 * struct dcd_dev - a DC device
 * @id: its id in the region
 * @ranges: its ranges, in claim order
 * @nr_ranges: number of @ranges
 * @size: cached sum of the range lengths
 * @mappings: registered mapping objects (one devm action each)
 */
struct dcd_dev {
	int id;
	struct dcd_range *ranges;
	int nr_ranges;
	u64 size;
	int mappings;
};

/**
 * struct dcd_region - a DC region
 * @id: region id
 * @start: first byte
 * @size: bytes
 * @align: its alignment
 * @res: resources, in arrival order
 * @nr_res: number of @res
 * @devs: devices, sorted by id
 * @nr_devs: number of @devs
 * @pending: names of the groups whose release was refused and is owed
 * @nr_pending: number of @pending
 * @warnings: dev_WARN_ONCEs fired on this region
 */
struct dcd_region {
	int id;
	u64 start, size, align;
	struct dcd_resource **res;
	int nr_res;
	struct dcd_dev *devs;
	int nr_devs;
	char **pending;
	int nr_pending;
	long warnings;
};

/**
 * struct dcd_state - the instance of the profile
 * @regions: every region, by id
 * @nr_regions: number of @regions
 * @seq_base: 0 (v11) or 1 (v10)
 * @faults: DCD_FAULT_* switched on
 */
struct dcd_state {
	struct dcd_region **regions;
	int nr_regions;
	long seq_base;
	unsigned int faults;
};

extern struct dcd_state dcd;

void *dcd_grow(void *array, int nr, size_t each);
u64 dcd_res_size(const struct dcd_resource *res);
bool dcd_parse_tag(const char *op, const char *text, char *tag);
void dcd_group_name(const char *tag, u64 offset, char *name, size_t size);
int dcd_set_fault(const char *name);
struct dcd_region *dcd_region_of(long r);
struct dcd_dev *dcd_dev_of(struct dcd_region *rg, long d);
bool dcd_is_untagged(const char *tag);
void dcd_alloc_range(struct dcd_dev *dev, struct dcd_resource *res);
void dcd_trim_range(struct dcd_dev *dev, bool keep_mapping);
int dcd_add_group(long r, const char *tag, int n, const u64 *off, const u64 *len, long seq_base);
int dcd_release_group(long r, const char *tag, u64 offset);
int dcd_resize(long r, long d, u64 size);

#endif /* DAXCHECK_DCD_H */
