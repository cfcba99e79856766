/**
 * DAX-suite commands as plain values: what generators produce, what shrinks/ files hold.
 * Objects are named by index into the model's current lists (resolved at run time, see
 * resolveDax.ts); -1 names a missing object. Positions and sizes that depend on the
 * state are anchored (e.g. "size + avail + delta") so that random sequences hit the
 * boundaries that matter whatever came before.
 */
import type { FailPoint, RegionKind } from '../../sut/interface.ts';

/** Base of a resize target: abs = delta itself; size = current size; grow = size + avail; half = size / 2 rounded down to 2 MiB. */
export type SizeBase = 'abs' | 'size' | 'grow' | 'half';
/** Where a new extent goes: abs = offset delta; afterLast = just after the last extent; overLast = at the last extent's offset; top = ending at the region end. */
export type ExtentAnchor = 'abs' | 'afterLast' | 'overLast' | 'top';
/** Where a mapping starts: abs = region start + delta; firstGap = the region's first free byte; afterLast / overLast = the device's last range end + 1 / start. */
export type MapAnchor = 'abs' | 'firstGap' | 'afterLast' | 'overLast';
/** The seed device of a region: as given, or 'default' to leave the argument out (the interface's default is 'whole'). */
export type SeedChoice = 'whole' | 'empty' | 'default';

export type DaxCommand =
  | { op: 'createRegion'; kind: RegionKind; start: bigint; sizeBytes: bigint; align: bigint; seed: SeedChoice }
  | { op: 'destroyRegion'; region: number }
  | { op: 'addExtent'; region: number; at: ExtentAnchor; deltaBytes: bigint; lengthBytes: bigint; label: string }
  | { op: 'removeExtent'; region: number; extent: number }
  | { op: 'createDevice'; region: number; sizeBytes: bigint }
  | { op: 'deleteDevice' | 'bind' | 'unbind'; region: number; device: number }
  | { op: 'resize'; region: number; device: number; to: SizeBase; deltaBytes: bigint }
  | { op: 'mapping'; region: number; device: number; at: MapAnchor; deltaBytes: bigint; lengthBytes: bigint }
  | { op: 'setAlign'; region: number; device: number; align: bigint }
  | { op: 'failAllocation'; point: FailPoint; nth: number };

export type DaxOp = DaxCommand['op'];

export const DAX_OPS: readonly DaxOp[] = [
  'createRegion', 'destroyRegion', 'addExtent', 'removeExtent', 'createDevice', 'deleteDevice',
  'bind', 'unbind', 'resize', 'mapping', 'setAlign', 'failAllocation',
];

/**
 * A command resolved against the model's state: concrete ids and addresses, the exact
 * arguments passed to both systems.
 */
export type DaxCall =
  | { op: 'createRegion'; kind: RegionKind; start: bigint; sizeBytes: bigint; align: bigint; seed: SeedChoice }
  | { op: 'destroyRegion'; region: number }
  | { op: 'addExtent'; region: number; offset: bigint; length: bigint; label: string }
  | { op: 'removeExtent'; region: number; extent: number }
  | { op: 'createDevice'; region: number; sizeBytes: bigint }
  | { op: 'deleteDevice' | 'bind' | 'unbind'; region: number; device: number }
  | { op: 'resize'; region: number; device: number; sizeBytes: bigint }
  | { op: 'mapping'; region: number; device: number; start: bigint; end: bigint }
  | { op: 'setAlign'; region: number; device: number; align: bigint }
  | { op: 'failAllocation'; point: FailPoint; nth: number };
