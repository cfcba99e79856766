/**
 * Run sizes. The CI profile keeps `npm test` short on a 2-core machine with fixed seeds;
 * the hunt profile runs long sequences.
 */
import type { SuiteName } from './suiteSpec.ts';

export interface SuiteProfile {
  /** First seed; batch i uses seed + i. */
  seed: number;
  maxCommands: number;
  /** Runs per batch of the coverage loop. */
  batchRuns: number;
  /** Runs done even when coverage is decided sooner. */
  minRuns: number;
  /** Upper bound on runs before coverage counts as undecided (a failure). */
  maxRuns: number;
}

export const CI_PROFILE: Record<SuiteName, SuiteProfile> = {
  tree: { seed: 20231, maxCommands: 100, batchRuns: 1000, minRuns: 5000, maxRuns: 10000 },
  dax: { seed: 20231, maxCommands: 100, batchRuns: 1000, minRuns: 12000, maxRuns: 24000 },
  'dax-contiguous': { seed: 20231, maxCommands: 100, batchRuns: 1000, minRuns: 5000, maxRuns: 24000 },
  'dcd-v11': { seed: 20231, maxCommands: 60, batchRuns: 500, minRuns: 2000, maxRuns: 10000 },
  'dcd-v10': { seed: 20231, maxCommands: 60, batchRuns: 500, minRuns: 1000, maxRuns: 10000 },
};

/**
 * The suites against a process port in CI (the C port): fewer runs first, since every
 * run crosses a pipe to a sanitized process; coverage is still decided statistically.
 */
export const CI_PORT_PROFILE: Record<SuiteName, SuiteProfile> = {
  tree: { seed: 20231, maxCommands: 100, batchRuns: 500, minRuns: 1000, maxRuns: 10000 },
  dax: { seed: 20231, maxCommands: 100, batchRuns: 500, minRuns: 2000, maxRuns: 24000 },
  'dax-contiguous': { seed: 20231, maxCommands: 100, batchRuns: 500, minRuns: 2000, maxRuns: 24000 },
  'dcd-v11': { seed: 20231, maxCommands: 60, batchRuns: 500, minRuns: 1000, maxRuns: 10000 },
  'dcd-v10': { seed: 20231, maxCommands: 60, batchRuns: 500, minRuns: 1000, maxRuns: 10000 },
};

/** Big runs in CI (only big runs, their own labels required): few, since each builds a large state. */
export const CI_BIG_PROFILE: SuiteProfile = { seed: 20231, maxCommands: 300, batchRuns: 50, minRuns: 100, maxRuns: 600 };

/** Fault searches in CI: a fresh search per fault that must fail within this budget. */
export const CI_FAULT_SEARCH = { seed: 7, numRuns: 2000, maxCommands: 30 };

/** Hunting: long sequences. */
export const HUNT_MAX_COMMANDS = 200;

/** Hunting: this percent of runs are big runs (many live objects, refs reaching any of them). */
export const HUNT_BIG_RUN_PERCENT = 10;
