/**
 * The fail-nth variant of a DAX suite (docs/SPECIFICATION.md §8.2, docs/fail-nth.md): the
 * same operations, without named failure points (failAllocation), plus failNth commands
 * that arm the next step. Steps that allocate most are drawn more often, so that an
 * armed step is more often one with many allocations to fail. Runs step by step.
 */
import fc from 'fast-check';
import { w } from './operation.ts';
import type { OpAllocations } from '../sut/interface.ts';
import type { AnySuite } from './suiteSpec.ts';

/** How much more often each operation is drawn in fail-nth runs: by how many allocations it makes (ports/c: addExtent 5, resize and mapping 3 per new range, createRegion 5; the tree: requestRegion's resource). */
export const ALLOCATION_BIAS: Readonly<Record<string, number>> = { addExtent: 3, resize: 3, mapping: 2, createDevice: 2, createRegion: 2, requestRegion: 3 };

/** The share of commands that are failNth. */
const FAIL_NTH_SHARE = 0.3;

/** The fail-nth variant of suite (the same name: its files replay in the suite); throws for a suite without a failNth operation. */
export function failNthSuite(suite: AnySuite): AnySuite {
  if (suite.failNth === true) return suite;
  const arm = suite.operations.find((o) => o.op === 'failNth');
  if (arm === undefined) throw new Error(`the ${suite.name} suite has no failNth operation`);
  const body = suite.operations.filter((o) => o.weight > 0 && o.op !== 'failAllocation');
  const weights = body.map((o) => o.weight * (ALLOCATION_BIAS[o.op] ?? 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const armWeight = Math.max(1, Math.round((total * FAIL_NTH_SHARE) / (1 - FAIL_NTH_SHARE)));
  return {
    ...suite,
    failNth: true,
    coverage: {},
    bigRuns: undefined,
    command: () => fc.oneof(...body.map((o, i) => w(weights[i]!, o.arbitrary)), w(armWeight, arm.arbitrary)),
  };
}

/** True when the commands hold a failNth step (they replay in the fail-nth variant). */
export const hasFailNth = (commands: readonly { op: string }[]): boolean => commands.some((c) => c.op === 'failNth');

/** Counts one step's allocations into cov (op -> site -> times failed; a site reached counts 0). */
export function countAllocations(cov: Map<string, Map<string, number>>, op: string, allocs: OpAllocations): void {
  const sites = cov.get(op) ?? new Map<string, number>();
  cov.set(op, sites);
  for (const site of allocs.sites) if (!sites.has(site)) sites.set(site, 0);
  if (allocs.failed !== null) sites.set(allocs.failed, (sites.get(allocs.failed) ?? 0) + 1);
}
