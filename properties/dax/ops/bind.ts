/** bind: attaches a driver (needs a sized, unbound device). */
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { bigRef, deviceCommand, resolveDevice } from '../daxRefs.ts';

export type BindCmd = { op: 'bind'; region: number; device: number };
export type BindCall = BindCmd;

export const bind: Operation<BindCmd, BindCall, DaxSut, DaxSnapshot> = {
  op: 'bind',
  method: 'bind',
  weight: 3,
  arbitrary: deviceCommand('bind'),
  scale: { weight: 1, arbitrary: deviceCommand('bind', bigRef) },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, () => ({})),
};
