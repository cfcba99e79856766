/** destroyRegion: tears a region down (every device shrunk to 0, every extent removed). */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { inRegion, regionRef } from '../daxRefs.ts';

export type DestroyRegionCmd = { op: 'destroyRegion'; region: number };
export type DestroyRegionCall = DestroyRegionCmd;

export const destroyRegion: Operation<DestroyRegionCmd, DestroyRegionCall, DaxSut, DaxSnapshot> = {
  op: 'destroyRegion',
  method: 'destroyRegion',
  weight: 1,
  arbitrary: fc.record({ op: fc.constant('destroyRegion' as const), region: regionRef }),
  resolve: (cmd, snap) => inRegion(snap, cmd.region, undefined, (r) => ({ op: cmd.op, region: r.id }), (region) => ({ op: cmd.op, region })),
};
