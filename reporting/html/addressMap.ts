/** The address map of a snapshot of either suite (DAX regions or a resource forest). */
import type { SuiteName } from '../../properties/suiteSpec.ts';
import type { DaxSnapshot, TreeSnapshot } from '../../sut/interface.ts';
import type { DcdSnapshot } from '../../sut/dcdInterface.ts';
import { daxAddressMap } from './daxMap.ts';
import { dcdAddressMap } from './dcdMap.ts';
import { MAP_WIDTH, type MapSide } from './svgShell.ts';
import { treeAddressMap } from './treeMap.ts';

/**
 * One <svg class="address-map" data-side=side> of snap, a snapshot of suite's systems (both
 * DAX suites, dax and dax-contiguous, have DAX snapshots); width: of its address axis.
 */
export function addressMap(suite: SuiteName, snap: unknown, side: MapSide, title: string, width = MAP_WIDTH): string {
  if (suite === 'dcd-v11' || suite === 'dcd-v10') return dcdAddressMap(snap as DcdSnapshot, side, title, width);
  return suite !== 'tree' ? daxAddressMap(snap as DaxSnapshot, side, title, width) : treeAddressMap(snap as TreeSnapshot, side, title, width);
}
