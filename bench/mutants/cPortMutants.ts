/**
 * Realistic defects of the C port (ports/c), each an exact edit of its sources (one or
 * more): built in a temporary copy (cPortBuild.ts) and hunted through the process
 * protocol as `daxcheck hunt --sut-exec` would (huntOne.ts --port). The two the issue
 * plants (a leak on delete, a label kept as a pointer into the request buffer) are here
 * too, and the tests build them the same way.
 */

/** One edit of a file the C port builds, relative to ports/ (`c/bus.c`, `shared/driver-tree.c`): `find` occurs exactly once and becomes `replace`. */
export interface CEdit {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

/** A defect of the C port: a name (prefixed `c-`), the slip in one line, and its edits. */
export interface CPortMutant {
  readonly name: string;
  readonly summary: string;
  readonly edits: readonly CEdit[];
}

export const C_PORT_MUTANTS: readonly CPortMutant[] = [
  {
    name: 'c-leak-on-delete',
    summary: 'dev_dax_free() forgets to kfree() the device itself: every deleted device leaks',
    edits: [{ file: 'c/bus.c', find: '\n\tkfree(dev_dax->ranges);\n\tkfree(dev_dax);\n}', replace: '\n\tkfree(dev_dax->ranges);\n}' }],
  },
  {
    name: 'c-label-request-buffer',
    summary: 'an extent keeps its label as a pointer into the request buffer instead of its copy',
    edits: [
      { file: 'c/extent.c', find: '\tlog->label = tag;\n', replace: '\tlog->label = (char *)label;\n\tkfree(tag);\n' },
      { file: 'c/bus.c', find: '\t\tkfree(dax_region->extents[i].label);\n', replace: '' },
    ],
  },
  {
    name: 'c-conflict-touching',
    summary: '__request_resource() lets a new resource start on the last byte of a sibling (< for <=)',
    edits: [{ file: 'c/resource.c', find: '\t\tif (tmp->end < start)\n\t\t\tcontinue;', replace: '\t\tif (tmp->end <= start)\n\t\t\tcontinue;' }],
  },
  {
    name: 'c-adjust-sibling-off-by-one',
    summary: 'adjust_resource() lets a resource grow onto the first byte of its next sibling',
    edits: [{ file: 'c/resource.c', find: 'res->sibling->start <= end', replace: 'res->sibling->start < end' }],
  },
  {
    name: 'c-adjust-children-end',
    summary: 'adjust_resource() checks only that the children start inside the new range',
    edits: [{ file: 'c/resource.c', find: 'if (tmp->start < start || tmp->end > end)', replace: 'if (tmp->start < start)' }],
  },
  {
    name: 'c-remove-extent-no-put',
    summary: 'removing an extent hides it but never drops its own reference (missed kref put)',
    edits: [{ file: 'c/extent.c', find: '\textent->visible = false;\n\tdax_extent_put(extent);\n', replace: '\textent->visible = false;\n' }],
  },
  {
    name: 'c-trim-no-put',
    summary: 'trimming a device range on a dynamic region keeps the extent reference (missed kref put)',
    edits: [{ file: 'c/bus.c', find: '\tdev_dax->nr_range--;\n\tif (extent)\n\t\tdax_extent_put(extent);\n', replace: '\tdev_dax->nr_range--;\n\t(void)extent;\n' }],
  },
  {
    name: 'c-delete-errno',
    summary: 'deleting device 0, a bound or a sized device answers -EINVAL instead of -EBUSY',
    edits: [{ file: 'c/bus.c', find: 'dev_dax_size(dev_dax))\n\t\treturn -EBUSY;', replace: 'dev_dax_size(dev_dax))\n\t\treturn -EINVAL;' }],
  },
  {
    name: 'c-unbind-errno',
    summary: 'unbinding an unbound device answers -EBUSY instead of -ENXIO',
    edits: [{ file: 'c/bus.c', find: 'if (!dev_dax->bound)\n\t\treturn -ENXIO;', replace: 'if (!dev_dax->bound)\n\t\treturn -EBUSY;' }],
  },
  {
    name: 'c-ida-no-free',
    summary: 'a deleted device\'s id is never given back to the ida (missing ida_free)',
    edits: [{ file: 'c/bus.c', find: '\tida_free(&dax_region->ida, dev_dax->id);\n#endif', replace: '#endif' }],
  },
  {
    name: 'c-grow-exact-fit',
    summary: 'resize refuses to grow by exactly the available size (>= for >): -ENOSPC',
    edits: [{ file: 'c/bus.c', find: 'size - cur > dax_region_avail_size(dev_dax->region)', replace: 'size - cur >= dax_region_avail_size(dev_dax->region)' }],
  },
  {
    name: 'c-shrink-len-u32',
    summary: 'dev_dax_shrink() holds a range\'s length in a u32: ranges of 4 GiB and more shrink wrongly',
    edits: [{ file: 'c/bus.c', find: '\t\tu64 len = range_len(r->range.start, r->range.end);', replace: '\t\tu32 len = range_len(r->range.start, r->range.end);' }],
  },
  {
    name: 'c-pgoff-u32-pages',
    summary: 'a range\'s pgoff (a page count) is truncated to 32 bits: wrong past 2^32 pages (16 TiB)',
    edits: [{ file: 'c/bus.c', find: 'pgoff = PHYS_PFN(dev_dax_size(dev_dax));', replace: 'pgoff = (u32)PHYS_PFN(dev_dax_size(dev_dax));' }],
  },
  {
    name: 'c-conflict-name-leak',
    summary: 'request_resource\'s conflict path frees the resource but not its name: a leak per conflict',
    edits: [{ file: 'shared/driver-tree.c', find: '\tif (conflict) {\n\t\tkfree(res);\n\t\tkfree(name);\n', replace: '\tif (conflict) {\n\t\tkfree(res);\n' }],
  },
];

/** The C-port mutants a quick run (the test of the script) hunts: caught in the first runs (a leak on a refused request). */
export const QUICK_C_MUTANTS = ['c-conflict-name-leak'] as const;
