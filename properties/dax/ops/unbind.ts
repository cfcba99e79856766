/** unbind: detaches the driver. */
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { bigRef, deviceCommand, resolveDevice } from '../daxRefs.ts';

export type UnbindCmd = { op: 'unbind'; region: number; device: number };
export type UnbindCall = UnbindCmd;

export const unbind: Operation<UnbindCmd, UnbindCall, DaxSut, DaxSnapshot> = {
  op: 'unbind',
  method: 'unbind',
  weight: 3,
  arbitrary: deviceCommand('unbind'),
  scale: { weight: 1, arbitrary: deviceCommand('unbind', bigRef) },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, () => ({})),
};
