/**
 * The gate's fail-nth entries (docs/fail-nth.md): the DAX suite's fail-nth variant against
 * each system, which must follow every injected failure (docs/SPECIFICATION.md §8.2) and
 * report its error-path coverage; and a fail-nth search for a fault, which must find it
 * without any named failure point (S3 in the C port: an ASan report).
 */
import type { FaultName } from '../impl/faults.ts';
import { recordOfFound } from '../properties/counterexampleRecord.ts';
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { failNthSuite } from '../properties/failNthSuite.ts';
import { runSuite, type RunOutcome } from '../properties/runSuite.ts';
import type { SystemSpec } from '../properties/systemSpec.ts';
import { FAIL_NTH_LABEL } from '../properties/world.ts';
import { errorPathCoverage, errorPathLines, runEntry, type SuiteRunSummary } from '../reporting/runSummary.ts';
import type { Systems } from './systems.ts';

/** The gate's fail-nth profile: fixed seed, runs per system (a C-port run costs a round trip per step). */
export const CI_FAIL_NTH = { seed: 2026, maxCommands: 30, runs: { impl: 1000, 'c-port': 500 } } as const;
/** A fail-nth fault search: runs allowed to find it. */
export const CI_FAIL_NTH_SEARCH = { seed: 7, numRuns: 500, maxCommands: 30, minimizeReplays: 400 } as const;

/** Runs the fail-nth variant of the DAX suite on systems. */
export function runFailNth(systems: Systems, o: { seed: number; numRuns: number; maxCommands: number; minimizeReplays?: number; timeLimitMs?: number }): RunOutcome {
  return runSuite({ suite: failNthSuite(daxSuite), model: systems.reference, sut: systems.sut, ...o });
}

/** The fail-nth entry of a system: no counterexample, and injected failures were followed; its error paths in the entry. */
export function failNthEntry(title: string, systems: Systems, spec: SystemSpec, numRuns: number): { entry: SuiteRunSummary; found: CounterexampleFile | null } {
  const out = runFailNth(systems, { seed: CI_FAIL_NTH.seed, numRuns, maxCommands: CI_FAIL_NTH.maxCommands });
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut: systems.name, system: spec }, null) : null;
  const followed = out.labelRuns.get(FAIL_NTH_LABEL) ?? 0;
  const paths = errorPathCoverage(out.allocCoverage);
  const failed = paths.reduce((n, p) => n + p.failed.length, 0);
  const all = failed + paths.reduce((n, p) => n + p.neverFailed.length, 0);
  const message = found
    ? `counterexample ${found.id}: ${found.error}`
    : followed === 0
      ? `no injected failure was followed in ${out.runs} runs: no evidence`
      : `${out.runs} runs, ${followed} with an injected allocation failure, every one followed (§8.2); ${failed} of ${all} (operation, site) error paths failed: ${errorPathLines(paths).join('; ')}`;
  const entry = runEntry({
    name: title, kind: 'suite', suite: 'dax', sut: systems.name, fault: null, expectFailure: false,
    seeds: [CI_FAIL_NTH.seed], runs: out.runs, commands: out.commands, opCounts: out.opCounts, labels: [],
    counterexamples: found ? [found.id] : [], durationMs: out.durationMs, passed: found === null && followed > 0, message, errorPaths: paths,
  });
  return { entry, found };
}

/** A fail-nth search with fault on: passes when it finds it (a crash, for the C port's S3). */
export function failNthFaultEntry(title: string, fault: FaultName, systems: Systems, spec: SystemSpec): { entry: SuiteRunSummary; found: CounterexampleFile | null } {
  const o = CI_FAIL_NTH_SEARCH;
  const out = runFailNth(systems, o);
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut: systems.name, system: spec }, fault) : null;
  const message = found
    ? `found by fail-nth after ${out.runs} passing runs, shrunk to ${found.commands.length} commands: ${found.broke.kind} at ${found.broke.call}`
    : `not found by fail-nth in ${out.runs} runs (seed ${o.seed})`;
  const entry = runEntry({
    name: title, kind: 'fault-search', suite: 'dax', sut: systems.name, fault, expectFailure: true,
    seeds: [o.seed], runs: out.runs, commands: out.commands, opCounts: out.opCounts, labels: [],
    counterexamples: found ? [found.id] : [], durationMs: out.durationMs, passed: found !== null, message, errorPaths: errorPathCoverage(out.allocCoverage),
  });
  return { entry, found };
}
