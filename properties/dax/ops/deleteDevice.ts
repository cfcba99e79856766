/** deleteDevice: region/delete of a device (refused for id 0, bound or sized ones). */
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { bigRef, devName, deviceCommand, resolveDevice } from '../daxRefs.ts';

export type DeleteDeviceCmd = { op: 'deleteDevice'; region: number; device: number };
export type DeleteDeviceCall = DeleteDeviceCmd;

export const deleteDevice: Operation<DeleteDeviceCmd, DeleteDeviceCall, DaxSut, DaxSnapshot> = {
  op: 'deleteDevice',
  method: 'deleteDevice',
  weight: 3,
  arbitrary: deviceCommand('deleteDevice'),
  scale: { weight: 12, arbitrary: deviceCommand('deleteDevice', bigRef) },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, () => ({})),
  call: (sut, c) => sut.deleteDevice(c.region, c.device),
  show: (c) => `deleteDevice(${devName(c.region, c.device)})`,
};
