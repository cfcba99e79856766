/**
 * The CI gate, as data: both suites against the implementation with the CI profile's
 * fixed seeds and coverage enforced, a fresh search per named fault that must find it,
 * and a replay of every saved counterexample under shrinks/. Each item gives one entry
 * of reports/run.json. Used by the gate's unit test and by `npm run coverage`
 * (campaign/ciGateProgram.ts), so both run exactly the same thing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_NAMES, type FaultName } from '../impl/faults.ts';
import { runWithCoverage } from '../properties/checkCoverage.ts';
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import { recordOfFound } from '../properties/counterexampleRecord.ts';
import { judgeCoverage } from '../properties/coverage.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { CI_FAULT_SEARCH, CI_PROFILE } from '../properties/profiles.ts';
import { SUITE_NAMES, SUITES } from '../properties/suites.ts';
import type { SuiteName } from '../properties/suiteSpec.ts';
import { machineInfo, daxcheckVersion, RUN_SUMMARY_FORMAT, runEntry, type RunSummary, type SuiteRunSummary } from '../reporting/runSummary.ts';
import { searchFault } from './faultSearch.ts';
import { replayEntry } from './replayEntry.ts';
import { builtinSystems, IMPL } from './systems.ts';

/** One item of the gate: what to run, and its display name (the entry's name). */
export type GateItem =
  | { kind: 'suite'; name: string; suite: SuiteName }
  | { kind: 'fault-search'; name: string; fault: FaultName }
  | { kind: 'replay'; name: string; file: string };

/** What one item gave: its run.json entry and the counterexample it found, if any. */
export interface GateResult {
  entry: SuiteRunSummary;
  found: CounterexampleFile | null;
}

/** The saved counterexample files under dir (shrinks/ by default), sorted; none if dir is missing. */
export function counterexampleFiles(dir = 'shrinks'): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
}

/** Every item of the gate, in order: suites, fault searches, replays of dir's files. */
export function gateItems(shrinksDir = 'shrinks'): GateItem[] {
  return [
    ...SUITE_NAMES.map((suite): GateItem => ({ kind: 'suite', name: suite, suite })),
    ...FAULT_NAMES.map((fault): GateItem => ({ kind: 'fault-search', name: `fault ${fault}`, fault })),
    ...counterexampleFiles(shrinksDir).map((file): GateItem => ({ kind: 'replay', name: `replay ${file}`, file })),
  ];
}

/** Runs one item of the gate. */
export function runGateItem(item: GateItem): GateResult {
  switch (item.kind) {
    case 'suite': return runGateSuite(item.suite);
    case 'fault-search': return runGateFaultSearch(item.fault);
    case 'replay': return { entry: replayEntry(item.file), found: null };
  }
}

/** A suite against the implementation with the CI profile: no counterexample and every label covered. */
export function runGateSuite(name: SuiteName): GateResult {
  const systems = builtinSystems(null);
  const out = runWithCoverage({ suite: SUITES[name], model: systems.reference, sut: systems.sut, ...CI_PROFILE[name] });
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut: systems.name, system: IMPL }, null) : null;
  const notCovered = out.coverage.filter((c) => c.verdict !== 'covered').map((c) => `${c.label} (${c.verdict})`);
  const message = found
    ? `counterexample ${found.id}: ${found.error}`
    : out.runs === 0
      ? 'no run completed: no evidence'
      : out.verdict === 'covered'
        ? `${out.runs} runs agree with the model at every step; every label covered`
        : `coverage ${out.verdict} after ${out.runs} runs: ${notCovered.join(', ')}`;
  const entry = runEntry({
    name, kind: 'suite', suite: name, sut: systems.name, fault: null, expectFailure: false,
    seeds: out.seeds, runs: out.runs, commands: out.commands, opCounts: out.opCounts,
    labels: out.coverage, counterexamples: found ? [found.id] : [], durationMs: out.durationMs,
    passed: out.runs > 0 && found === null && out.verdict === 'covered', message,
  });
  return { entry, found };
}

/** A fresh search of the DAX suite with fault on: passes when it finds a counterexample. */
export function runGateFaultSearch(fault: FaultName): GateResult {
  const o = { fault, ...CI_FAULT_SEARCH };
  const out = searchFault(o);
  const sut = builtinSystems(fault).name;
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut, system: IMPL }, fault) : null;
  const message = found
    ? `found after ${out.runs} passing runs, shrunk to ${found.commands.length} commands: ${found.broke.kind} at ${found.broke.call}`
    : `not found in ${out.runs} runs (seed ${o.seed}, ${o.maxCommands} commands at most): a defect of the generators`;
  const entry = runEntry({
    name: `fault ${fault}`, kind: 'fault-search', suite: 'dax', sut, fault, expectFailure: true,
    seeds: [o.seed], runs: out.runs, commands: out.commands, opCounts: out.opCounts,
    labels: judgeCoverage(daxSuite.coverage, out.labelRuns, out.runs), counterexamples: found ? [found.id] : [],
    durationMs: out.durationMs, passed: found !== null, message,
  });
  return { entry, found };
}

/** Runs the whole gate; onEntry sees each entry as it is done (for progress output). */
export function runCiGate(o: { shrinksDir?: string; onEntry?: (entry: SuiteRunSummary) => void } = {}): {
  summary: RunSummary;
  found: CounterexampleFile[];
} {
  const startedAt = new Date().toISOString();
  const entries: SuiteRunSummary[] = [];
  const found: CounterexampleFile[] = [];
  for (const item of gateItems(o.shrinksDir)) {
    const result = runGateItem(item);
    entries.push(result.entry);
    if (result.found) found.push(result.found);
    o.onEntry?.(result.entry);
  }
  const summary: RunSummary = {
    format: RUN_SUMMARY_FORMAT, tool: 'daxcheck', version: daxcheckVersion(), command: 'test', startedAt, finishedAt: new Date().toISOString(),
    machine: machineInfo(), shard: null, entries,
  };
  return { summary, found };
}
