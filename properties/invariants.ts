/**
 * The invariants of docs/SPECIFICATION.md §5, checked on snapshots. Each check returns the
 * list of violations (empty = all hold), one readable sentence each, starting with
 * the invariant's tag (I1 … I7, or "ids").
 */
export { checkTreeInvariants } from './invariants/tree.ts';
export { checkDaxInvariants, checkRegionInvariants } from './invariants/dax.ts';
export { checkDeviceAlignment } from './invariants/devices.ts';
