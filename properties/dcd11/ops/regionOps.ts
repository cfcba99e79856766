/** createRegion, createDevice, deleteDevice and resize of the v11/v10 profile (docs/SPECIFICATION.md §12.2–§12.4). */
import fc from 'fast-check';
import type { DcdSnapshot, DcdSut } from '../../../sut/dcdInterface.ts';
import { GiB, MiB } from '../../../sut/u64.ts';
import { one, w, type Operation } from '../../operation.ts';
import { DCD_LABELS } from '../dcdLabels.ts';
import { deviceOf, MISSING_ID, ref, regionOf } from '../dcdRefs.ts';

export type DcdCreateRegionCmd = { op: 'createRegion'; start: bigint; sizeBytes: bigint; align: bigint };
export type DcdCreateDeviceCmd = { op: 'createDevice'; region: number };
export type DcdDeleteDeviceCmd = { op: 'deleteDevice'; region: number; device: number };
export type DcdResizeCmd = { op: 'resize'; region: number; device: number; sizeBytes: bigint; same?: boolean };

/** A region of 16 to 64 MiB from 1 GiB (after the last region: see resolve), align 2 MiB mostly, 4 MiB (unaligned 2 MiB members) or an invalid 1 MiB. */
export const createRegionCmd: fc.Arbitrary<DcdCreateRegionCmd> = fc.record({
  op: fc.constant('createRegion' as const),
  start: fc.constant(GiB),
  sizeBytes: one(16n * MiB, 32n * MiB, 64n * MiB),
  align: fc.oneof(w(6, fc.constant(2n * MiB)), w(3, fc.constant(4n * MiB)), w(1, fc.constant(MiB))),
});

export const createRegion: Operation<DcdCreateRegionCmd, DcdCreateRegionCmd, DcdSut, DcdSnapshot> = {
  op: 'createRegion',
  method: 'createRegion',
  weight: 1,
  arbitrary: createRegionCmd,
  // Regions lie side by side from 1 GiB: a host's DC regions never overlap (a kernel with the
  // dax_regions root refuses an overlap, G3), so every run can go past its second region.
  resolve: (cmd, snap) => ({ ...cmd, start: snap.regions.reduce((end, r) => (r.start + r.sizeBytes > end ? r.start + r.sizeBytes : end), cmd.start) }),
};

export const createDevice: Operation<DcdCreateDeviceCmd, DcdCreateDeviceCmd, DcdSut, DcdSnapshot> = {
  op: 'createDevice',
  method: 'createDevice',
  weight: 3,
  arbitrary: fc.record({ op: fc.constant('createDevice' as const), region: ref }),
  resolve: (cmd, snap) => {
    const r = regionOf(snap, cmd.region);
    return r === null ? null : { ...cmd, region: r === MISSING_ID ? MISSING_ID : r.id };
  },
};

/** Resolves a command naming a device of a region; null when no region exists. */
function onDevice<C extends { region: number; device: number }>(cmd: C, snap: DcdSnapshot): C | null {
  const r = regionOf(snap, cmd.region);
  if (r === null) return null;
  return r === MISSING_ID ? { ...cmd, region: MISSING_ID, device: 0 } : { ...cmd, region: r.id, device: deviceOf(r, cmd.device) };
}

export const deleteDevice: Operation<DcdDeleteDeviceCmd, DcdDeleteDeviceCmd, DcdSut, DcdSnapshot> = {
  op: 'deleteDevice',
  method: 'deleteDevice',
  weight: 2,
  arbitrary: fc.record({ op: fc.constant('deleteDevice' as const), region: ref, device: ref }),
  resolve: onDevice,
};

export const resize: Operation<DcdResizeCmd, DcdResizeCmd, DcdSut, DcdSnapshot> = {
  op: 'resize',
  method: 'resize',
  weight: 4,
  arbitrary: fc.record({ op: fc.constant('resize' as const), region: ref, device: ref, sizeBytes: fc.oneof(w(8, fc.constant(0n)), w(1, fc.constant(2n * MiB)), w(1, fc.constant(MiB))), same: fc.oneof(w(6, fc.constant(false)), w(1, fc.constant(true))) }),
  resolve: (cmd, snap) => {
    // same: the device's own size (a write with nothing to do)
    const c = onDevice(cmd, snap);
    if (c === null) return null;
    const size = snap.regions[c.region]?.devices.find((d) => d.id === c.device)?.sizeBytes;
    return { op: c.op, region: c.region, device: c.device, sizeBytes: cmd.same === true && size !== undefined ? size : cmd.sizeBytes };
  },
  labels: (before, c, result, after) => {
    const b = before.regions[c.region];
    const a = after.regions[c.region];
    return result.ok && b !== undefined && a !== undefined && a.pending.length < b.pending.length ? [DCD_LABELS.pendingDone] : [];
  },
};
