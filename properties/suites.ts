/** The suites by name. */
import { daxContiguousSuite, daxSuite } from './dax/daxSuite.ts';
import { dcdV10Suite, dcdV11Suite } from './dcd11/dcdSuite.ts';
import type { AnySuite, SuiteName } from './suiteSpec.ts';
import { treeSuite } from './tree/treeSuite.ts';

export const SUITES: Record<SuiteName, AnySuite> = { tree: treeSuite, dax: daxSuite, 'dax-contiguous': daxContiguousSuite, 'dcd-v11': dcdV11Suite, 'dcd-v10': dcdV10Suite };

/** The suites a hunt and the CI gate run by default (the contiguous-only variant is for systems without extents, e.g. upstream bus.c). */
export const SUITE_NAMES: SuiteName[] = ['tree', 'dax'];

/** The suite called name, or null. */
export function suiteByName(name: string): AnySuite | null {
  return (SUITES as Record<string, AnySuite>)[name] ?? null;
}
