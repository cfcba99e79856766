/**
 * A compact text form of a snapshot for failure messages and replay output: one line
 * per region, extent, device, range and resource, addresses in hex.
 */
import type { DcdRegionSnap, DcdSnapshot } from '../sut/dcdInterface.ts';
import type { DaxSnapshot, RegionSnap, ResNode, TreeNode, TreeSnapshot } from '../sut/interface.ts';
import { hex, sizeText } from '../sut/u64.ts';
import { span } from './invariants/text.ts';

/** Appends a resource and its subtree, one line each, indented by depth. */
function resourceLines(n: ResNode | TreeNode, depth: number, out: string[]): void {
  const id = 'id' in n ? `resource ${n.id} ` : '';
  out.push(`${'  '.repeat(depth)}${id}"${n.name}" ${span(n.start, n.end)}${n.busy ? ' busy' : ''}`);
  for (const c of n.children as (ResNode | TreeNode)[]) resourceLines(c, depth + 1, out);
}

/** Appends a region: its header, extents, devices with their ranges, and its resource tree. */
function regionLines(r: RegionSnap, out: string[]): void {
  const end = r.start + r.sizeBytes - 1n;
  const flags = `${r.destroyed ? ' destroyed' : ''}${r.badReleases ? ` badReleases ${r.badReleases}` : ''}`;
  out.push(`region${r.id} ${r.kind} ${span(r.start, end)} ${sizeText(r.sizeBytes)} align ${sizeText(r.align)} avail ${sizeText(r.availBytes)}${flags}`);
  for (const e of r.extents) {
    const state = `${e.visible ? 'visible' : 'invisible'} refs ${e.refs}${e.released ? ' released' : ''}`;
    out.push(`  extent ${e.id} ${span(e.start, e.end)} ${sizeText(e.end - e.start + 1n)} ${JSON.stringify(e.label)} ${state}`);
  }
  for (const d of r.devices) {
    out.push(`  ${d.name} size ${sizeText(d.sizeBytes)} align ${sizeText(d.align)}${d.bound ? ' bound' : ''}`);
    d.ranges.forEach((rg, i) => {
      out.push(`    range ${i} ${span(rg.start, rg.end)} pgoff ${hex(rg.pgoff)}${rg.extent === null ? '' : ` extent ${rg.extent}`}`);
    });
  }
  out.push('  tree:');
  resourceLines(r.resource, 2, out);
}

/** Appends a region of the v11/v10 profile: header, resources, devices with their ranges. */
function dcdRegionLines(r: DcdRegionSnap, out: string[]): void {
  out.push(`region${r.id} DC ${span(r.start, r.start + r.sizeBytes - 1n)} ${sizeText(r.sizeBytes)} align ${sizeText(r.align)}${r.pending.length > 0 ? ` pending ${r.pending.join(' ')}` : ''}${r.warnings > 0 ? ` warnings ${r.warnings}` : ''}`);
  for (const x of r.resources) out.push(`  resource ${span(x.start, x.start + x.size - 1n)} ${sizeText(x.size)} tag ${x.tag} seq ${x.seq} useCount ${x.useCount}`);
  for (const d of r.devices) {
    out.push(`  ${d.name} size ${sizeText(d.sizeBytes)} mappings ${d.mappings}`);
    d.ranges.forEach((rg, i) => out.push(`    range ${i} ${span(rg.start, rg.end)} pgoff ${hex(rg.pgoff)}`));
  }
}

/** The snapshot as lines of text (a tree snapshot: its resources; a DAX or DCD snapshot: its regions). */
export function formatSnapshot(s: DaxSnapshot | TreeSnapshot | DcdSnapshot): string {
  const out: string[] = [];
  if ('regions' in s && s.regions.some((r) => 'resources' in r)) {
    for (const r of (s as DcdSnapshot).regions) dcdRegionLines(r, out);
    return out.length > 0 ? out.join('\n') : '(no regions)';
  }
  if ('roots' in s) {
    for (const r of s.roots) resourceLines(r, 0, out);
    return out.length > 0 ? out.join('\n') : '(no resources)';
  }
  for (const r of (s as DaxSnapshot).regions) regionLines(r, out);
  return out.length > 0 ? out.join('\n') : '(no regions)';
}
