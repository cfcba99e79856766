/** removeExtent: the device gives capacity back; aimed at a visible extent, sometimes at one already removed. */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { DAX_LABELS } from '../daxLabels.ts';
import { bigRef, inRegion, ref, regionRef } from '../daxRefs.ts';

export type RemoveExtentCmd = { op: 'removeExtent'; region: number; extent: number };
export type RemoveExtentCall = RemoveExtentCmd;

export const removeExtent: Operation<RemoveExtentCmd, RemoveExtentCall, DaxSut, DaxSnapshot> = {
  op: 'removeExtent',
  method: 'removeExtent',
  dynamicOnly: true,
  weight: 5,
  arbitrary: fc.record({ op: fc.constant('removeExtent' as const), region: regionRef, extent: ref }),
  scale: { weight: 5, arbitrary: fc.record({ op: fc.constant('removeExtent' as const), region: regionRef, extent: bigRef }) },
  resolve: (cmd, snap) => inRegion(snap, cmd.region, 'dynamic', (r) => {
    // Aim at a visible extent; a negative ref (or none visible) at the (-1 - ref)-th removed one, else one that never was.
    const visible = r.extents.filter((e) => e.visible);
    const gone = r.extents.filter((e) => !e.visible);
    const k = cmd.extent < 0 ? -1 - cmd.extent : 0;
    const missing = gone.length > 0 ? gone[k % gone.length]!.id : r.extents.length;
    return { op: cmd.op, region: r.id, extent: cmd.extent < 0 || visible.length === 0 ? missing : visible[cmd.extent % visible.length]!.id };
  }, (region) => ({ op: cmd.op, region, extent: 0 })),
  labels: (before, c, result) => (result.ok && (before.regions[c.region]?.extents[c.extent]?.refs ?? 0) > 1 ? [DAX_LABELS.extentRemovedInUse] : []),
};
