/** mapping: dev/mapping of a range at the region's first gap, after or over the device's last range, or absolute. */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut, RegionSnap } from '../../../sut/interface.ts';
import { add64, GiB, KiB, MiB, sub64, U64_MAX } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';
import { bigRef, firstGap, ref, regionRef, resolveDevice } from '../daxRefs.ts';

/** Where a mapping starts: abs = region start + delta; firstGap = the region's first free byte; afterLast / overLast = the device's last range end + 1 / start. */
export type MapAnchor = 'abs' | 'firstGap' | 'afterLast' | 'overLast';

export type MappingCmd = { op: 'mapping'; region: number; device: number; at: MapAnchor; deltaBytes: bigint; lengthBytes: bigint };
export type MappingCall = { op: 'mapping'; region: number; device: number; start: bigint; end: bigint };

function mappingStart(region: RegionSnap, device: number, cmd: MappingCmd): bigint {
  const ranges = region.devices.find((d) => d.id === device)?.ranges ?? [];
  const last = ranges[ranges.length - 1];
  const delta = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'abs': return add64(region.start, delta);
    case 'firstGap': return add64(firstGap(region), delta);
    case 'afterLast': return add64(last ? add64(last.end, 1n) : region.start, delta);
    case 'overLast': return add64(last ? last.start : region.start, delta);
  }
}

export const mapping: Operation<MappingCmd, MappingCall, DaxSut, DaxSnapshot> = {
  op: 'mapping',
  method: 'mapping',
  weight: 5,
  arbitrary: fc.record({
    op: fc.constant('mapping' as const),
    region: regionRef,
    device: ref,
    at: one('abs' as const, 'firstGap' as const, 'afterLast' as const, 'overLast' as const),
    deltaBytes: fc.oneof(w(6, fc.constant(0n)), w(4, one(2n * MiB, 4n * MiB, GiB, -2n * MiB)), w(1, fc.constant(4n * KiB)), w(1, powerOfTwo(21, 63))),
    lengthBytes: fc.oneof(w(6, one(2n * MiB, 4n * MiB, GiB)), w(2, one(MiB, 0n)), w(1, powerOfTwo(21, 63))),
  }),
  scale: {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('mapping' as const), region: regionRef, device: bigRef, at: one('firstGap' as const, 'afterLast' as const),
      deltaBytes: fc.constant(0n), lengthBytes: one(2n * MiB, 4n * MiB),
    }),
  },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, (r, d) => {
    const start = r === null ? 0n : mappingStart(r, d, cmd);
    return { start, end: sub64(add64(start, cmd.lengthBytes), 1n) };
  }, 'contiguous'),
  simplest: { at: ['abs', 'firstGap', 'afterLast', 'overLast'] },
};
