/** The suites by name. */
import { daxSuite } from './dax/daxSuite.ts';
import type { AnySuite, SuiteName } from './suiteSpec.ts';
import { treeSuite } from './tree/treeSuite.ts';

export const SUITES: Record<SuiteName, AnySuite> = { tree: treeSuite, dax: daxSuite };

export const SUITE_NAMES = Object.keys(SUITES) as SuiteName[];

/** The suite called name, or null. */
export function suiteByName(name: string): AnySuite | null {
  return (SUITES as Record<string, AnySuite>)[name] ?? null;
}
