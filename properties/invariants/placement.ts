/**
 * I2 placement of device ranges: no two overlap; each lies inside its region
 * (contiguous) or inside the extent it names (dynamic); each is a busy resource with
 * exactly its bounds at the right place in the region's tree, named after its device
 * (I7); and the tree holds no range resource that belongs to no device.
 */
import type { RangeSnap, ResNode } from '../../sut/interface.ts';
import { deviceName, span, SpanIndex } from './text.ts';
import { extentLabel } from './extents.ts';
import { isExtentId, type RegionView } from './view.ts';

interface Placed {
  range: RangeSnap;
  owner: string;
}

/** Names a placed range in messages: "dax0.1 range [0x200000-0x3fffff]". */
function textOf(p: Placed): string {
  return `${p.owner} range ${span(p.range.start, p.range.end)}`;
}

/** Every device range of the region with its owner's name, in device and array order. */
function rangesOf(v: RegionView): Placed[] {
  const all: Placed[] = [];
  for (const d of v.region.devices) {
    const owner = deviceName(v.region.id, d.id);
    for (const range of d.ranges) all.push({ range, owner });
  }
  return all;
}

/** Sorts by start and sweeps, comparing each range with the furthest-reaching one before it. */
function checkOverlap(all: Placed[], out: string[]): void {
  if (all.length < 2) return;
  const sorted = [...all].sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0));
  let reach: Placed | null = null;
  for (const p of sorted) {
    if (reach && p.range.start <= reach.range.end) out.push(`I2 no-overlap: ${textOf(reach)} overlaps ${textOf(p)}`);
    if (!reach || p.range.end > reach.range.end) reach = p;
  }
}

/** The resource a range's own resource must be a child of, or undefined after reporting why there is none. */
function parentOf(v: RegionView, p: Placed, out: string[]): ResNode | undefined {
  const r = v.region;
  const { range } = p;
  if (!v.dynamic) {
    if (range.extent !== null) out.push(`I2 inside: ${textOf(p)} on contiguous ${v.where} names extent ${range.extent}`);
    const end = r.start + r.sizeBytes - 1n;
    if (range.start < r.start || range.end > end) out.push(`I2 inside: ${textOf(p)} is not inside ${v.where} ${span(r.start, end)}`);
    return r.resource;
  }
  const e = isExtentId(r, range.extent) ? r.extents[range.extent] : undefined;
  if (e === undefined || range.extent === null) {
    out.push(`I2 inside: ${textOf(p)} on dynamic ${v.where} names ${range.extent === null ? 'no extent' : `extent ${range.extent}, which ${v.where} does not have`}`);
    return undefined;
  }
  if (range.start < e.start || range.end > e.end) out.push(`I2 inside: ${textOf(p)} is not inside its ${extentLabel(v, e, range.extent)}`);
  const node = v.extentNodes[range.extent];
  if (!node) out.push(`I2 in-tree: ${textOf(p)} has no parent in the tree: its ${extentLabel(v, e, range.extent)} has no resource`);
  return node;
}

/** Names the parent resource of ranges in messages. */
function parentText(v: RegionView, node: ResNode): string {
  return node === v.region.resource ? v.where : `${v.where} extent resource ${span(node.start, node.end)}`;
}

/**
 * Checks I2 (and the range resources' names, I7) on one region. Needs v.extentNodes
 * (checkExtents runs first). Linear apart from one sort of the ranges.
 */
export function checkPlacement(v: RegionView, out: string[]): void {
  const all = rangesOf(v);
  checkOverlap(all, out);
  const childMaps = new Map<ResNode, SpanIndex<ResNode>>();
  const claimed = new Set<ResNode>();
  for (const p of all) {
    const parent = parentOf(v, p, out);
    if (!parent) continue;
    let kids = childMaps.get(parent);
    if (!kids) childMaps.set(parent, (kids = new SpanIndex<ResNode>(parent.children)));
    const node = kids.last(p.range);
    if (!node) {
      out.push(`I2 in-tree: ${textOf(p)} has no resource with exactly its bounds under ${parentText(v, parent)}`);
      continue;
    }
    claimed.add(node);
    if (!node.busy) out.push(`I2 in-tree: ${textOf(p)} resource is not busy`);
    if (node.children.length > 0) out.push(`I2 in-tree: ${textOf(p)} resource has ${node.children.length} children`);
    if (node.name !== p.owner) out.push(`I7 names: ${textOf(p)} resource is named "${node.name}" (expected "${p.owner}")`);
  }
  const parents = v.dynamic ? v.extentNodes : [v.region.resource];
  for (const parent of parents) {
    for (const c of parent?.children ?? []) {
      if (!claimed.has(c)) out.push(`I2 in-tree: ${parentText(v, parent!)} has resource "${c.name}" ${span(c.start, c.end)} that is no device's range`);
    }
  }
}
