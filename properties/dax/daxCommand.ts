/**
 * DAX-suite commands as plain values: what generators produce, what shrinks/ files hold.
 * Objects are named by index into the model's current lists (resolved at run time, see
 * daxRefs.ts); -1 names a missing object. Positions and sizes that depend on the state
 * are anchored (e.g. "size + avail + delta") so that random sequences hit the boundaries
 * that matter whatever came before. Each command and its call are defined with their
 * operation in ops/.
 */
import type { AddExtentCall, AddExtentCmd } from './ops/addExtent.ts';
import type { BindCall, BindCmd } from './ops/bind.ts';
import type { CreateDeviceCall, CreateDeviceCmd } from './ops/createDevice.ts';
import type { CreateRegionCall, CreateRegionCmd } from './ops/createRegion.ts';
import type { DeleteDeviceCall, DeleteDeviceCmd } from './ops/deleteDevice.ts';
import type { DestroyRegionCall, DestroyRegionCmd } from './ops/destroyRegion.ts';
import type { FailAllocationCall, FailAllocationCmd } from './ops/failAllocation.ts';
import type { FailNthCall, FailNthCmd } from './ops/failNth.ts';
import type { MappingCall, MappingCmd } from './ops/mapping.ts';
import type { RemoveExtentCall, RemoveExtentCmd } from './ops/removeExtent.ts';
import type { ResizeCall, ResizeCmd } from './ops/resize.ts';
import type { SetAlignCall, SetAlignCmd } from './ops/setAlign.ts';
import type { UnbindCall, UnbindCmd } from './ops/unbind.ts';

export type DaxCommand =
  | CreateRegionCmd | DestroyRegionCmd | AddExtentCmd | RemoveExtentCmd | CreateDeviceCmd | DeleteDeviceCmd
  | BindCmd | UnbindCmd | ResizeCmd | MappingCmd | SetAlignCmd | FailAllocationCmd | FailNthCmd;

/** A command resolved against the model's state: concrete ids and addresses, the exact arguments passed to both systems. */
export type DaxCall =
  | CreateRegionCall | DestroyRegionCall | AddExtentCall | RemoveExtentCall | CreateDeviceCall | DeleteDeviceCall
  | BindCall | UnbindCall | ResizeCall | MappingCall | SetAlignCall | FailAllocationCall | FailNthCall;

export type DaxOp = DaxCommand['op'];
