/** createDevice: region/create, mostly of size 0, sometimes sized (an error on a dynamic region). */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import { GiB, KiB, MiB } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';
import { DAX_LABELS } from '../daxLabels.ts';
import { inRegion, regionRef } from '../daxRefs.ts';

export type CreateDeviceCmd = { op: 'createDevice'; region: number; sizeBytes: bigint };
export type CreateDeviceCall = CreateDeviceCmd;

export const createDevice: Operation<CreateDeviceCmd, CreateDeviceCall, DaxSut, DaxSnapshot> = {
  op: 'createDevice',
  method: 'createDevice',
  weight: 6,
  arbitrary: fc.record({ op: fc.constant('createDevice' as const), region: regionRef, sizeBytes: fc.oneof(w(8, fc.constant(0n)), w(2, one(2n * MiB, 4n * MiB, GiB)), w(1, fc.constant(4n * KiB)), w(1, powerOfTwo(21, 63))) }),
  scale: { weight: 8, arbitrary: fc.record({ op: fc.constant('createDevice' as const), region: regionRef, sizeBytes: fc.constant(0n) }) },
  resolve: (cmd, snap) => inRegion(snap, cmd.region, undefined, (r) => ({ ...cmd, region: r.id }), (region) => ({ ...cmd, region })),
  labels: (_before, c, result, after) => {
    if (!result.ok || result.id === undefined) return [];
    const devices = after.regions[c.region]?.devices ?? [];
    const labels: string[] = devices.length >= 8 ? [DAX_LABELS.manyDevices] : [];
    if (devices.some((d) => d.id > result.id!)) labels.push(DAX_LABELS.idReused);
    return labels;
  },
};
