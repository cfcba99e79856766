/**
 * The DAX snapshot's parts (properties/changedPart.ts): its regions. Every operation
 * names one region (createRegion the next id) and changes nothing in another; a
 * failure injection changes no region (it arms a count the next operation consumes).
 */
import type { DaxSnapshot, DaxSut, RegionSnap } from '../../sut/interface.ts';
import type { SnapshotParts } from '../changedPart.ts';
import { checkRegionInvariants } from '../invariants.ts';
import { sameRecord } from '../sameRecord.ts';
import type { DaxCall } from './daxCommand.ts';

/** The region a call names (createRegion: the next id), or null for none. */
function touchedRegion(c: DaxCall, before: DaxSnapshot): number | null {
  switch (c.op) {
    case 'createRegion': return before.regions.length;
    case 'failAllocation':
    case 'failNth': return null;
    default: return c.region;
  }
}

export const daxParts: SnapshotParts<DaxCall, DaxSut, DaxSnapshot> = {
  supports: (sut) => typeof sut.observeRegion === 'function',
  touched: touchedRegion,
  // docs/SPECIFICATION.md §0.4: a refused operation changes nothing, except that a resize
  // keeps the work done before its failure (§3.6). Work comes only after the available-size
  // check, and a grow that passed it finds its gaps (§3.7 takes any free space): a resize
  // refused after work answers ENOMEM (an injected allocation failure, §8).
  refusalKeeps: (c, result) => c.op !== 'resize' || (!result.ok && result.errno !== 'ENOMEM'),
  observe: (sut, i) => sut.observeRegion!(i),
  part: (snap, i) => snap.regions[i] ?? null,
  same: (a, b) => sameRecord('region', a, b),
  sameSnapshot: (a, b) => sameRecord('daxSnapshot', a, b),
  withPart: (before, i, part) => {
    if (part === null || i > before.regions.length) return before;
    const regions = before.regions.slice();
    regions[i] = part as RegionSnap;
    return { regions };
  },
  invariants: checkRegionInvariants,
  selfCheck: (sut, i) => sut.selfCheckRegion?.(i),
};
