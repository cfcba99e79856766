/**
 * I4 reference counts of extents, "released exactly once", the state of a destroyed
 * region, and the extent resources' place and names in the region's tree.
 */
import type { ExtentSnap, ResNode } from '../../sut/interface.ts';
import { sizeText } from '../../sut/u64.ts';
import { span, SpanIndex } from './text.ts';
import type { RegionView } from './view.ts';

/** Names an extent in messages: "region0 extent 1 [0x400000-0x7fffff]". */
export function extentLabel(v: RegionView, e: ExtentSnap, id: number): string {
  return `${v.where} extent ${id} ${span(e.start, e.end)}`;
}

/**
 * Finds each extent's resource among the region resource's children (extents that
 * should hold references claim first, so a re-added extent at a released one's place
 * gets the resource), fills v.extentNodes, and reports children that are no extent.
 */
function matchExtentResources(v: RegionView, expected: number[], out: string[]): void {
  const r = v.region;
  const byKey = new SpanIndex<ResNode>(r.resource.children);
  const claimed = new Set<ResNode>();
  for (const live of [true, false]) {
    r.extents.forEach((e, i) => {
      if ((expected[i] ?? 0) > 0 !== live) return;
      const node = byKey.first(e);
      if (node && !claimed.has(node)) {
        claimed.add(node);
        v.extentNodes[i] = node;
      }
    });
  }
  for (const c of r.resource.children) {
    if (!claimed.has(c)) out.push(`I2 in-tree: ${v.where} has resource "${c.name}" ${span(c.start, c.end)} that is no extent of it`);
  }
}

/** Compares an extent's refs, released flag and tree presence with (visible ? 1 : 0) + its ranges. */
function checkRefs(v: RegionView, e: ExtentSnap, i: number, expected: number, out: string[]): void {
  const node = v.extentNodes[i];
  if (e.refs !== expected || e.released !== (expected === 0) || !node !== (expected === 0)) {
    const problems: string[] = [];
    if (e.refs !== expected) problems.push(`refs ${e.refs} (expected ${expected})`);
    if (e.released !== (expected === 0)) problems.push(`released ${e.released} (expected ${expected === 0})`);
    if (node && expected === 0) problems.push('its resource is still in the tree (expected released)');
    if (!node && expected > 0) problems.push('its resource is not in the tree (expected present)');
    const state = `${e.visible ? 'visible' : 'invisible'}, ${v.rangeCount[i]} ranges`;
    out.push(`I4 refs: ${extentLabel(v, e, i)} (${state}): ${problems.join('; ')}`);
  }
  if (node && node.name !== 'extent') out.push(`I7 names: ${extentLabel(v, e, i)} resource is named "${node.name}" (expected "extent")`);
  if (node && !node.busy) out.push(`I7 names: ${extentLabel(v, e, i)} resource is not busy`);
}

/** A destroyed region has no devices, no resources below it, availBytes 0 and only released extents. */
function checkDestroyed(v: RegionView, out: string[]): void {
  const r = v.region;
  if (r.devices.length > 0) destroyedBut(v, out, `still has devices ${r.devices.map((d) => d.name).join(', ')}`);
  const kids = r.resource.children;
  if (kids.length > 0) {
    const first = kids.slice(0, 3).map((c) => `"${c.name}" ${span(c.start, c.end)}`).join(', ');
    destroyedBut(v, out, `its resource still has ${kids.length} children: ${first}${kids.length > 3 ? ', …' : ''}`);
  }
  if (r.availBytes !== 0n) destroyedBut(v, out, `availBytes is ${sizeText(r.availBytes)}`);
  r.extents.forEach((e, i) => {
    if (e.visible || !e.released) destroyedBut(v, out, `extent ${i} ${span(e.start, e.end)} is ${e.visible ? 'visible' : 'not released'}`);
  });
}

function destroyedBut(v: RegionView, out: string[], text: string): void {
  out.push(`I4 destroyed: ${v.where} is destroyed but ${text}`);
}

/**
 * Checks I4 on one region: per extent, refs = (visible ? 1 : 0) + ranges naming it,
 * released ⇔ refs = 0 ⇔ its resource is absent; badReleases = 0; a destroyed region's
 * final state; extent resources named "extent" and busy (I7); no other resource
 * directly under a dynamic region (I2). Fills v.extentNodes for the later checks.
 */
export function checkExtents(v: RegionView, out: string[]): void {
  const r = v.region;
  if (!v.dynamic && r.extents.length > 0) {
    out.push(`I4 refs: contiguous ${v.where} has ${r.extents.length} extents (only dynamic regions have extents)`);
  }
  if (r.badReleases !== 0) {
    out.push(`I4 release-once: ${v.where} has badReleases ${r.badReleases} (a release found no resource in the tree)`);
  }
  if (r.destroyed) checkDestroyed(v, out);
  if (!v.dynamic) return;
  const expected = r.extents.map((e, i) => (e.visible ? 1 : 0) + (v.rangeCount[i] ?? 0));
  matchExtentResources(v, expected, out);
  r.extents.forEach((e, i) => checkRefs(v, e, i, expected[i] ?? 0, out));
}
