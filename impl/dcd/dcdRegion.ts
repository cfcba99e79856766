/**
 * The profile's kernel-style state (drivers/dax/bus.c of the v11 series): a dax_resource
 * carries its use count, a range points at its dax_resource, a device caches its size
 * and counts its registered mappings. alloc and trim keep every count in step.
 */
import type { Tag } from '../../sut/dcdInterface.ts';

export interface DaxResource {
  start: bigint;
  /** Inclusive. */
  end: bigint;
  tag: Tag;
  seqNum: number;
  /** Ranges on it (alloc_dev_dax_range raises it, trim_dev_dax_range lowers it). */
  useCnt: number;
}

export interface DevDaxRange {
  start: bigint;
  end: bigint;
  pgoff: bigint;
  daxResource: DaxResource;
}

export interface DevDax {
  id: number;
  ranges: DevDaxRange[];
  /** Cached sum of the range lengths. */
  size: bigint;
  /** Registered mapping objects (one devm action each). */
  mappings: number;
}

export interface DaxRegion {
  id: number;
  start: bigint;
  size: bigint;
  align: bigint;
  /** In arrival order (the region device's children). */
  resources: DaxResource[];
  /** Sorted by id. */
  devs: DevDax[];
  /** Groups whose release was refused and is owed. */
  pending: Set<string>;
  warnings: number;
}

export const resourceSize = (r: DaxResource): bigint => r.end - r.start + 1n;

/** alloc_dev_dax_range for a whole dax_resource: appends a range, pins the resource, registers the mapping. */
export function allocDevDaxRange(dev: DevDax, res: DaxResource): void {
  dev.ranges.push({ start: res.start, end: res.end, pgoff: dev.size / 4096n, daxResource: res });
  dev.size += resourceSize(res);
  res.useCnt++;
  dev.mappings++;
}

/** trim_dev_dax_range: pops the last range and unpins its resource; keepMapping (T3) leaves its mapping registered. */
export function trimDevDaxRange(dev: DevDax, keepMapping: boolean): void {
  const range = dev.ranges.pop();
  if (range === undefined) return;
  dev.size -= range.end - range.start + 1n;
  range.daxResource.useCnt--;
  if (!keepMapping) dev.mappings--;
}

/** The internal counts checked against a recount: use counts and cached sizes, one line per violation. */
export function regionSelfCheck(r: DaxRegion): string[] {
  const out: string[] = [];
  for (const res of r.resources) {
    const n = r.devs.reduce((k, d) => k + d.ranges.filter((g) => g.daxResource === res).length, 0);
    if (n !== res.useCnt) out.push(`region${r.id}: resource 0x${res.start.toString(16)} use_cnt ${res.useCnt}, ${n} ranges point at it`);
  }
  for (const d of r.devs) {
    const sum = d.ranges.reduce((s, g) => s + g.end - g.start + 1n, 0n);
    if (sum !== d.size) out.push(`dax${r.id}.${d.id}: cached size 0x${d.size.toString(16)}, ranges sum 0x${sum.toString(16)}`);
    for (const g of d.ranges) if (!r.resources.includes(g.daxResource)) out.push(`dax${r.id}.${d.id}: a range points at a released dax_resource`);
  }
  return out;
}
