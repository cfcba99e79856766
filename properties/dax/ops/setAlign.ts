/** setAlign: dev/align, with the allowed values and one that is not. */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import { GiB, KiB, MiB } from '../../../sut/u64.ts';
import { one, type Operation } from '../../operation.ts';
import { bigRef, ref, regionRef, resolveDevice } from '../daxRefs.ts';

export type SetAlignCmd = { op: 'setAlign'; region: number; device: number; align: bigint };
export type SetAlignCall = SetAlignCmd;

export const setAlign: Operation<SetAlignCmd, SetAlignCall, DaxSut, DaxSnapshot> = {
  op: 'setAlign',
  method: 'setAlign',
  weight: 3,
  arbitrary: fc.record({ op: fc.constant('setAlign' as const), region: regionRef, device: ref, align: one(4n * KiB, 2n * MiB, GiB, 8n * KiB) }),
  scale: { weight: 1, arbitrary: fc.record({ op: fc.constant('setAlign' as const), region: regionRef, device: bigRef, align: one(4n * KiB, 2n * MiB, GiB) }) },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, () => ({ align: cmd.align })),
};
