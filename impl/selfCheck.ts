/**
 * The implementation's own invariants, beyond what a snapshot shows (sut/interface.ts
 * selfCheck): every child index against the kernel's sibling list (treap order, heap
 * order, up links, per-child gaps, the max-gap augmentation, childBytes, the first gap),
 * and every DAX cache against recomputation (available size, the extent index's
 * contributions and search keys, device sizes, pgoffs, the align histogram, krefs), and
 * the id allocator: its free heap in heap order, and free and used ids partitioning
 * 0 .. next − 1 exactly.
 * A corrupt index is reported at the step that corrupted it, not when a first-fit
 * decision finally goes wrong. Each violation is one line.
 */
import { KiB, MiB } from '../sut/u64.ts';
import { firstGap, type Gap } from './childIndex.ts';
import { devDaxValidateAlign, type DevDax } from './daxDevice.ts';
import { daxRegionAvailSize, type DaxRegion } from './daxRegion.ts';
import { firstExtentWithSpace } from './extent.ts';
import { resourceSize, type Resource } from './resource.ts';

const U32 = 1n << 32n;

const sameGap = (a: Gap | null, b: Gap | null) => a === b || (a !== null && b !== null && a.start === b.start && a.len === b.len && a.after === b.after);

/** State of one pass over a child index: the sibling expected next in order, bytes seen, the first gap seen. */
interface Walk {
  p: Resource;
  expect: Resource | null;
  bytes: bigint;
  gap: Gap | null;
  bad: string[];
}

const where = (n: Resource) => `[${n.start}, ${n.end}]`;

/** Checks one child n (visited in order) against the sibling list and its parent. */
function visitChild(w: Walk, n: Resource): void {
  const { p, bad } = w;
  if (n !== w.expect) bad.push(`${p.name}: child index order differs from the sibling list at ${where(n)}`);
  w.expect = n.sibling;
  const next = n.sibling;
  if (n.parent !== p) bad.push(`${p.name}: child ${where(n)} names another parent`);
  const gap = next ? next.start - n.end - 1n : p.end - n.end;
  if (n.gap !== gap) bad.push(`${p.name}: gap after ${where(n)} cached ${n.gap}, is ${gap}`);
  if (next && n.end >= next.start) bad.push(`${p.name}: children ${where(n)} and ${where(next)} not sorted and disjoint`);
  if (n.start < p.start || n.end > p.end) bad.push(`${p.name}: child ${where(n)} outside it`);
  if (w.gap === null && gap > 0n) w.gap = { start: n.end + 1n, len: gap, after: n };
  w.bytes += n.end - n.start + 1n;
}

/** Walks the treap below n in order (one pass, no allocation); returns its largest gap. */
function walkTreap(w: Walk, n: Resource | null, up: Resource | null): bigint {
  if (n === null) return 0n;
  if (n.tu !== up) w.bad.push(`${w.p.name}: child ${where(n)} has a wrong up link`);
  if (up !== null && up.prio < n.prio) w.bad.push(`${w.p.name}: heap order of priorities broken at ${where(n)}`);
  const l = walkTreap(w, n.tl, n);
  visitChild(w, n);
  const r = walkTreap(w, n.tr, n);
  let m = n.gap;
  if (l > m) m = l;
  if (r > m) m = r;
  if (n.maxGap !== m) w.bad.push(`${w.p.name}: maxGap of ${where(n)} is ${n.maxGap}, its subtree's largest gap is ${m}`);
  return m;
}

/** Violations of p's child index against its sibling list (one pass), appended to bad; returns bad. */
export function checkChildIndex(p: Resource, bad: string[] = []): string[] {
  const w: Walk = { p, expect: p.child, bytes: 0n, gap: null, bad };
  walkTreap(w, p.kids, null);
  if (w.expect !== null) bad.push(`${p.name}: the child index misses ${where(w.expect)} of the sibling list`);
  if (p.childBytes !== w.bytes) bad.push(`${p.name}: childBytes cached ${p.childBytes}, is ${w.bytes}`);
  const head = p.child;
  const linear = head === null ? { start: p.start, len: resourceSize(p), after: null } : head.start > p.start ? { start: p.start, len: head.start - p.start, after: null } : w.gap;
  let indexed: Gap | null;
  try {
    indexed = firstGap(p);
  } catch (e) {
    bad.push(`${p.name}: the first-gap search of the index fails (${e instanceof Error ? e.message : String(e)})`);
    return bad;
  }
  if (!sameGap(indexed, linear)) bad.push(`${p.name}: first gap from the index differs from the sibling list's`);
  return bad;
}

/** Violations of the child index of res and of every resource below it. */
export function checkSubtree(res: Resource, bad: string[] = []): string[] {
  checkChildIndex(res, bad);
  for (let c = res.child; c !== null; c = c.sibling) checkSubtree(c, bad);
  return bad;
}

/** The aligns whose validation the histogram answers (4 KiB validates as 2 MiB; a region may have a 4 MiB align). */
const CHECKED_ALIGNS = [2n * MiB, 4n * MiB, 1n << 30n];

/** Violations of a device's cached size, pgoffs, range resources and align histogram; adds its extent references to refs. */
function checkDevice(dev: DevDax, refs: Map<number, number>, bad: string[]): void {
  let size = 0n;
  const fits = CHECKED_ALIGNS.map(() => true);
  for (const r of dev.ranges) {
    if (r.pgoff !== size / (4n * KiB)) bad.push(`${dev.name}: pgoff of [${r.start}, ${r.end}] is ${r.pgoff}, should be ${size / (4n * KiB)}`);
    if (r.res.start !== r.start || r.res.end !== r.end || r.res.parent !== r.parent) bad.push(`${dev.name}: range [${r.start}, ${r.end}] and its resource differ`);
    const len = r.end - r.start + 1n;
    size += len;
    CHECKED_ALIGNS.forEach((a, i) => (fits[i] &&= len % a === 0n));
    if (r.extent) refs.set(r.extent.id, (refs.get(r.extent.id) ?? 0) + 1);
  }
  if (dev.size !== size) bad.push(`${dev.name}: size cached ${dev.size}, is ${size}`);
  CHECKED_ALIGNS.forEach((a, i) => {
    if (devDaxValidateAlign(dev, a) !== fits[i]) bad.push(`${dev.name}: align histogram wrong for ${a}`);
  });
}

/**
 * Violations of a region's id allocator: every heap entry no larger than its children
 * (the order alloc relies on to hand out the lowest id), every free id below next and
 * free once, and the free ids and the devices' ids together exactly 0 .. next − 1.
 */
export function checkIda(region: DaxRegion, bad: string[] = []): string[] {
  const { next, free } = region.ida.state();
  const where = `region${region.id}: ida`;
  for (let i = 1; i < free.length; i++) {
    const up = (i - 1) >> 1;
    if (free[up]! > free[i]!) bad.push(`${where}: heap order broken, free id ${free[i]} at ${i} below ${free[up]} at ${up}`);
  }
  const seen = new Set<number>();
  for (const id of free) {
    if (!Number.isInteger(id) || id < 0 || id >= next) bad.push(`${where}: free id ${id} outside 0..${next - 1}`);
    if (seen.has(id)) bad.push(`${where}: id ${id} free twice`);
    if (region.devices.has(id)) bad.push(`${where}: id ${id} free but dax${region.id}.${id} has it`);
    seen.add(id);
  }
  for (const id of region.devices.keys()) if (id >= next) bad.push(`${where}: dax${region.id}.${id} has an id it never handed out (next ${next})`);
  if (seen.size + region.devices.size !== next) bad.push(`${where}: ${seen.size} free and ${region.devices.size} used ids, but ${next} handed out`);
  return bad;
}

/** Violations of one region's caches; `s2` says whether fault S2 (free space read through an int) is on. */
export function checkRegionCaches(region: DaxRegion, s2: boolean, bad: string[] = []): string[] {
  checkChildIndex(region.res, bad);
  checkIda(region, bad);
  const refs = new Map<number, number>();
  for (const dev of region.devices.values()) checkDevice(dev, refs, bad);
  // childBytes is checked against the children by checkChildIndex, so free space reads it.
  let avail = region.kind === 'contiguous' ? resourceSize(region.res) - region.res.childBytes : 0n;
  let first = -1;
  for (const e of region.extents) {
    if (!e.released) checkChildIndex(e.res, bad);
    const contribution = e.visible ? resourceSize(e.res) - e.res.childBytes : 0n;
    avail += contribution;
    const key = s2 && contribution % U32 === 0n ? 0n : contribution;
    if (region.extentIndex.availOf(e.id) !== contribution) bad.push(`region${region.id}: extent ${e.id}'s contribution cached ${region.extentIndex.availOf(e.id)}, is ${contribution}`);
    if (region.extentIndex.keyOf(e.id) !== key) bad.push(`region${region.id}: extent ${e.id}'s search key cached ${region.extentIndex.keyOf(e.id)}, is ${key}`);
    if (first < 0 && key > 0n) first = e.id;
    const want = (e.visible ? 1 : 0) + (refs.get(e.id) ?? 0);
    if (e.kref.refcount !== want) bad.push(`region${region.id}: extent ${e.id}'s kref is ${e.kref.refcount}, its users ${want}`);
    if (e.released !== (e.kref.refcount === 0) || (e.res.parent === region.res) === e.released) bad.push(`region${region.id}: extent ${e.id} released (${e.released}) disagrees with its kref or its place in the tree`);
  }
  if ((firstExtentWithSpace(region)?.id ?? -1) !== first) bad.push(`region${region.id}: first extent with space from the index is not extent ${first}`);
  if (!region.destroyed && daxRegionAvailSize(region) !== avail) bad.push(`region${region.id}: available size cached ${daxRegionAvailSize(region)}, is ${avail}`);
  return bad;
}
