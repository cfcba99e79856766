/** deleteDevice: region/delete of a device (refused for id 0, bound or sized ones). */
import type { DaxSnapshot, DaxSut, RegionSnap, Result } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { DAX_LABELS } from '../daxLabels.ts';
import { bigRef, deviceCommand, inRegion, resolveDevice } from '../daxRefs.ts';

/** deletable: the ref picks among the devices a delete would free (id ≠ 0, unbound, size 0): big runs' bursts free ids in random order. */
export type DeleteDeviceCmd = { op: 'deleteDevice'; region: number; device: number; deletable?: boolean };
export type DeleteDeviceCall = { op: 'deleteDevice'; region: number; device: number };

/** Ids below the highest live one that no device has: ids the ida holds free (those above the top it may hold too). */
function freeIds(r: RegionSnap | undefined): number[] {
  if (r === undefined) return [];
  const live = new Set(r.devices.map((d) => d.id));
  const out: number[] = [];
  for (let id = 0; id < (r.devices.at(-1)?.id ?? 0); id++) if (!live.has(id)) out.push(id);
  return out;
}

/** A delete that gave an id back below one already free, with 5 or more ids free: the id allocator's free list out of order. */
function deleteLabels(before: DaxSnapshot, c: DeleteDeviceCall, result: Result, after: DaxSnapshot): string[] {
  if (!result.ok) return [];
  const was = freeIds(before.regions[c.region]);
  const now = freeIds(after.regions[c.region]);
  return now.length >= 5 && was.some((id) => id > c.device) ? [DAX_LABELS.idsFreedOutOfOrder] : [];
}

export const deleteDevice: Operation<DeleteDeviceCmd, DeleteDeviceCall, DaxSut, DaxSnapshot> = {
  op: 'deleteDevice',
  method: 'deleteDevice',
  weight: 3,
  arbitrary: deviceCommand('deleteDevice'),
  scale: { weight: 12, arbitrary: deviceCommand('deleteDevice', bigRef) },
  extraFields: { deletable: 'boolean' },
  resolve: (cmd, snap) => {
    if (cmd.deletable !== true || cmd.device < 0) return resolveDevice(snap, { op: cmd.op, region: cmd.region, device: cmd.device }, () => ({}));
    return inRegion(snap, cmd.region, undefined, (r) => {
      const free = r.devices.filter((d) => d.id !== 0 && !d.bound && d.sizeBytes === 0n);
      return free.length === 0 ? null : { op: cmd.op, region: r.id, device: free[cmd.device % free.length]!.id };
    }, (region) => ({ op: cmd.op, region, device: 0 }));
  },
  labels: deleteLabels,
};
