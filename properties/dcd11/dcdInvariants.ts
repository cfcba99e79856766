/**
 * The invariants of the v11/v10 profile (docs/SPECIFICATION.md §12.9), D1–D6, on one
 * snapshot; each violation's message starts with its tag.
 */
import type { DcdRegionSnap, DcdResourceSnap, DcdSnapshot } from '../../sut/dcdInterface.ts';
import { groupName } from '../../sut/dcdInterface.ts';

const hex = (v: bigint) => `0x${v.toString(16)}`;
const endOf = (x: DcdResourceSnap) => x.start + x.size - 1n;

/** Every violation of D1–D6 and of the ids rule in snap. */
export function checkDcdInvariants(snap: DcdSnapshot): string[] {
  const out: string[] = [];
  snap.regions.forEach((r, i) => {
    if (r.id !== i) out.push(`ids: region at index ${i} has id ${r.id}`);
    out.push(...regionViolations(r));
  });
  return out;
}

function regionViolations(r: DcdRegionSnap): string[] {
  const out: string[] = [];
  const where = `region${r.id}`;
  // D3 layout
  r.resources.forEach((x, i) => {
    if (x.size <= 0n || x.size % (2n << 20n) !== 0n) out.push(`D3 layout: ${where} resource ${hex(x.start)} has size ${hex(x.size)}`);
    if (x.start < r.start || endOf(x) > r.start + r.sizeBytes - 1n) out.push(`D3 layout: ${where} resource ${hex(x.start)} lies outside the region`);
    for (const y of r.resources.slice(i + 1)) if (x.start <= endOf(y) && y.start <= endOf(x)) out.push(`D3 layout: ${where} resources ${hex(x.start)} and ${hex(y.start)} overlap`);
  });
  const users = new Map<DcdResourceSnap, Set<number>>();
  const onIt = new Map<DcdResourceSnap, number>();
  for (const d of r.devices) {
    let sum = 0n;
    d.ranges.forEach((g, k) => {
      if (g.pgoff !== sum / 4096n) out.push(`D3 layout: ${d.name} range ${k} pgoff ${hex(g.pgoff)}, expected ${hex(sum / 4096n)}`);
      sum += g.end - g.start + 1n;
      const home = r.resources.filter((x) => g.start >= x.start && g.end <= endOf(x));
      if (home.length !== 1 || home[0]!.start !== g.start || endOf(home[0]!) !== g.end) {
        out.push(`D1 one user: ${d.name} range ${hex(g.start)}-${hex(g.end)} is not a whole resource of ${where}`);
        return;
      }
      users.set(home[0]!, (users.get(home[0]!) ?? new Set()).add(d.id));
      onIt.set(home[0]!, (onIt.get(home[0]!) ?? 0) + 1);
    });
    if (sum !== d.sizeBytes) out.push(`D3 layout: ${d.name} size ${hex(d.sizeBytes)}, its ranges sum to ${hex(sum)}`);
    if (d.mappings !== d.ranges.length) out.push(`D5 mappings: ${d.name} has ${d.mappings} mapping(s) for ${d.ranges.length} range(s)`);
  }
  for (const x of r.resources) {
    const n = onIt.get(x) ?? 0;
    if (x.useCount !== n) out.push(`D2 use count: ${where} resource ${hex(x.start)} has useCount ${x.useCount}, ${n} range(s) on it`);
    if ((users.get(x)?.size ?? 0) > 1) out.push(`D1 one user: ${where} resource ${hex(x.start)} is used by ${users.get(x)!.size} devices`);
  }
  for (const name of r.pending) {
    const members = r.resources.filter((x) => groupName(x.tag, x.start - r.start) === name);
    if (!members.some((x) => x.useCount > 0)) out.push(`D4 releases: ${where} release of ${name} is pending but none of its resources is in use: it should have been done`);
  }
  if (r.warnings !== 0) out.push(`D6 no warning: ${where} fired ${r.warnings} warning(s) (dev_WARN from device data)`);
  return out;
}
