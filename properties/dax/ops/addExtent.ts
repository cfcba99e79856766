/** addExtent: capacity for a dynamic region, adjacent to, over, or past the last extent, or at the region's top. */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut, RegionSnap } from '../../../sut/interface.ts';
import { add64, GiB, KiB, MiB, sub64, U64_MAX } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';
import { DAX_LABELS } from '../daxLabels.ts';
import { inRegion, regionRef } from '../daxRefs.ts';

/** Where a new extent goes: abs = offset delta; afterLast = just after the last extent; overLast = at the last extent's offset; top = ending at the region end. */
export type ExtentAnchor = 'abs' | 'afterLast' | 'overLast' | 'top';

export type AddExtentCmd = { op: 'addExtent'; region: number; at: ExtentAnchor; deltaBytes: bigint; lengthBytes: bigint; label: string };
export type AddExtentCall = { op: 'addExtent'; region: number; offset: bigint; length: bigint; label: string };

const extentLength = fc.oneof(
  w(6, one(2n * MiB, 4n * MiB, GiB, 2n * GiB)),
  w(6, one(4n * GiB, 4n * GiB + 2n * MiB, 6n * GiB, 8n * GiB)),
  w(1, one(0n, 4n * KiB)),
  w(1, powerOfTwo(21, 63)),
);

/** Offsets relative to an anchor: mostly 0, sometimes an alignment or 4 GiB either way, rarely unaligned. */
export const anchorDelta = fc.oneof(w(12, fc.constant(0n)), w(3, one(2n * MiB, -2n * MiB, GiB, 4n * GiB, -4n * GiB)), w(1, one(4n * KiB, -4n * KiB)), w(1, powerOfTwo(21, 63)));

function extentOffset(region: RegionSnap, cmd: AddExtentCmd): bigint {
  const last = region.extents[region.extents.length - 1];
  const delta = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'abs': return delta;
    case 'afterLast': return last ? add64(sub64(add64(last.end, 1n), region.start), delta) : delta;
    case 'overLast': return last ? add64(sub64(last.start, region.start), delta) : delta;
    case 'top': return add64(sub64(region.sizeBytes, cmd.lengthBytes), delta);
  }
}

export const addExtent: Operation<AddExtentCmd, AddExtentCall, DaxSut, DaxSnapshot> = {
  op: 'addExtent',
  method: 'addExtent',
  dynamicOnly: true,
  weight: 12,
  arbitrary: fc.record({
    op: fc.constant('addExtent' as const),
    region: regionRef,
    at: fc.oneof(w(6, fc.constant('afterLast' as const)), w(2, one('abs' as const, 'overLast' as const)), w(1, fc.constant('top' as const))),
    deltaBytes: anchorDelta,
    lengthBytes: extentLength,
    label: one('a', 'b', 'c'),
  }),
  scale: {
    weight: 20,
    arbitrary: fc.record({
      op: fc.constant('addExtent' as const),
      region: regionRef,
      at: fc.oneof(w(8, fc.constant('afterLast' as const)), w(1, one('abs' as const, 'overLast' as const))),
      deltaBytes: fc.oneof(w(4, fc.constant(0n)), w(1, fc.constant(2n * MiB))),
      lengthBytes: one(2n * MiB, 4n * MiB, 6n * MiB),
      label: one('a', 'b', 'c'),
    }),
  },
  resolve: (cmd, snap) => inRegion(snap, cmd.region, 'dynamic',
    (r) => ({ op: cmd.op, region: r.id, offset: extentOffset(r, cmd), length: cmd.lengthBytes, label: cmd.label }),
    (region) => ({ op: cmd.op, region, offset: cmd.deltaBytes & U64_MAX, length: cmd.lengthBytes, label: cmd.label })),
  labels: (_before, c, result, after) => (result.ok && (after.regions[c.region]?.extents.length ?? 0) >= 32 ? [DAX_LABELS.manyExtents] : []),
  simplest: { at: ['abs', 'afterLast', 'overLast', 'top'], label: ['a', 'b', 'c'] },
};
