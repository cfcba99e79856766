/**
 * The CI gate, as data: both suites against the implementation with the CI profile's
 * fixed seeds and coverage enforced, a fresh search per named fault that must find it,
 * the same for daxcheck's C port (built with make, checked through PROTOCOL.md under
 * ASan/UBSan), and a replay of every saved counterexample under shrinks/. Each item gives one entry
 * of reports/run.json. Used by the gate's unit test and by `npm run coverage`
 * (campaign/ciGateProgram.ts), so both run exactly the same thing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DCD_FAULT_NAMES, FAULT_NAMES, isDcdFaultName, type DcdFaultName, type FaultName } from '../impl/faults.ts';
import { runWithCoverage } from '../properties/checkCoverage.ts';
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import { recordOfFound } from '../properties/counterexampleRecord.ts';
import { judgeCoverage } from '../properties/coverage.ts';
import { bucketLine } from '../properties/domains.ts';
import { CI_BIG_PROFILE, CI_FAULT_SEARCH, CI_PORT_PROFILE, CI_PROFILE } from '../properties/profiles.ts';
import type { SystemSpec } from '../properties/systemSpec.ts';
import { SUITE_NAMES, SUITES } from '../properties/suites.ts';
import type { SuiteName } from '../properties/suiteSpec.ts';
import { runEntry, runSummary, type RunSummary, type SuiteRunSummary } from '../reporting/runSummary.ts';
import { CI_FAIL_NTH, failNthEntry, failNthFaultEntry } from './failNthGate.ts';
import { searchFault } from './faultSearch.ts';
import { replayEntry } from './replayEntry.ts';
import { cPortSystem } from './cPort.ts';
import { IMPL, systemsNow, type Systems } from './systems.ts';

/** One item of the gate: what to run, and its display name (the entry's name). */
export type GateItem =
  | { kind: 'suite'; name: string; suite: SuiteName; system: GateSystem; big?: true }
  | { kind: 'fault-search'; name: string; fault: FaultName | DcdFaultName; system: GateSystem }
  | { kind: 'fail-nth'; name: string; system: GateSystem; fault?: FaultName }
  | { kind: 'replay'; name: string; file: string };

/** The systems the gate checks: daxcheck's implementation and its C port. */
export type GateSystem = 'impl' | 'c-port';

const GATE_SYSTEMS: readonly GateSystem[] = ['impl', 'c-port'];

/** The implementation also runs the contiguous-only suite (what a kernel harness of upstream bus.c runs). */
const ALL_SUITES = Object.keys(SUITES) as SuiteName[];

/** Replays allowed to minimize a C-port finding: each crash costs a fresh sanitized process. */
const C_PORT_MINIMIZE_REPLAYS = 400;

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
  const prefix = (system: GateSystem) => (system === 'impl' ? '' : `${system} `);
  return [
    ...GATE_SYSTEMS.flatMap((system) => [
      ...(system === 'impl' ? ALL_SUITES : SUITE_NAMES).map((suite): GateItem => ({ kind: 'suite', name: `${prefix(system)}${suite}`, suite, system })),
      ...FAULT_NAMES.map((fault): GateItem => ({ kind: 'fault-search', name: `${prefix(system)}fault ${fault}`, fault, system })),
      // the v11 series' faults: the implementation only (the C port has no v11 profile)
      ...(system === 'impl' ? DCD_FAULT_NAMES.map((fault): GateItem => ({ kind: 'fault-search', name: `fault ${fault}`, fault, system })) : []),
      { kind: 'fail-nth', name: `${prefix(system)}dax fail-nth`, system } satisfies GateItem,
    ]),
    // S3 found by fail-nth alone, with no named failure point: in the C port, an ASan report
    { kind: 'fail-nth', name: 'c-port fail-nth fault s3-double-release', system: 'c-port', fault: 's3-double-release' },
    ...SUITE_NAMES.map((suite): GateItem => ({ kind: 'suite', name: `${suite} big runs`, suite, system: 'impl', big: true })),
    ...counterexampleFiles(shrinksDir).map((file): GateItem => ({ kind: 'replay', name: `replay ${file}`, file })),
  ];
}

/** Runs one item of the gate. */
export function runGateItem(item: GateItem): GateResult {
  switch (item.kind) {
    case 'suite': return runGateSuite(item.suite, item.system, item.name, item.big === true);
    case 'fault-search': return runGateFaultSearch(item.fault, item.system, item.name);
    case 'replay': return { entry: replayEntry(item.file), found: null };
    case 'fail-nth': return runGateFailNth(item.system, item.name, item.fault ?? null);
  }
}

/** A fail-nth entry (campaign/failNthGate.ts): without fault, every injected failure followed; with one, fail-nth finds it. */
export function runGateFailNth(system: GateSystem, title: string, fault: FaultName | null = null): GateResult {
  const got = gateSystems(system, fault, 'dax');
  if (typeof got === 'string') return notRun(title, fault === null ? 'suite' : 'fault-search', 'dax', fault, got);
  try {
    return fault === null ? failNthEntry(title, got.systems, got.spec, CI_FAIL_NTH.runs[system]) : failNthFaultEntry(title, fault, got.systems, got.spec);
  } finally {
    got.systems.close();
  }
}

/** The systems of a gate item, or a failed entry's message when the C port cannot be built or started. */
function gateSystems(system: GateSystem, fault: FaultName | DcdFaultName | null, suite: SuiteName): { spec: SystemSpec; systems: Systems } | string {
  try {
    const spec = system === 'impl' ? IMPL : cPortSystem();
    return { spec, systems: systemsNow(spec as Exclude<SystemSpec, { kind: 'module' }>, fault, [suite], `gate ${system}`) };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** An entry that could not run: failed, with why. */
function notRun(name: string, kind: 'suite' | 'fault-search', suite: SuiteName, fault: FaultName | DcdFaultName | null, why: string): GateResult {
  const entry = runEntry({
    name, kind, suite, sut: name, fault, expectFailure: kind === 'fault-search', seeds: [], runs: 0, commands: 0, opCounts: new Map(),
    labels: [], counterexamples: [], durationMs: 0, passed: false, message: why,
  });
  return { entry, found: null };
}

/** A suite against a system with the CI profile: no counterexample and every label covered. */
export function runGateSuite(name: SuiteName, system: GateSystem = 'impl', title: string = name, big = false): GateResult {
  const got = gateSystems(system, null, name);
  if (typeof got === 'string') return notRun(title, 'suite', name, null, got);
  const { spec, systems } = got;
  let out;
  try {
    const profile = big ? { ...CI_BIG_PROFILE, bigRunPercent: 100 } : (system === 'impl' ? CI_PROFILE : CI_PORT_PROFILE)[name];
    out = runWithCoverage({ suite: SUITES[name], model: systems.reference, sut: systems.sut, ...profile });
  } finally {
    systems.close();
  }
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut: systems.name, system: spec }, null) : null;
  const notCovered = out.coverage.filter((c) => c.verdict !== 'covered').map((c) => `${c.label} (${c.verdict})`);
  const message = found
    ? `counterexample ${found.id}: ${found.error}`
    : out.runs === 0
      ? 'no run completed: no evidence'
      : out.verdict === 'covered'
        ? `${out.runs} runs agree with the model at every step; every label covered; ${bucketLine(out.buckets)}`
        : `coverage ${out.verdict} after ${out.runs} runs: ${[...notCovered, ...(big ? [] : [bucketLine(out.buckets)])].join(', ')}`;
  const entry = runEntry({
    name: title, kind: 'suite', suite: name, sut: systems.name, fault: null, expectFailure: false,
    seeds: out.seeds, runs: out.runs, commands: out.commands, opCounts: out.opCounts,
    labels: out.coverage, buckets: out.buckets, counterexamples: found ? [found.id] : [], durationMs: out.durationMs,
    passed: out.runs > 0 && found === null && out.verdict === 'covered', message,
  });
  return { entry, found };
}

/** A fresh search of the DAX suite (a v11 fault: the dcd-v11 suite) with fault on in a system: passes when it finds a counterexample. */
export function runGateFaultSearch(fault: FaultName | DcdFaultName, system: GateSystem = 'impl', title = `fault ${fault}`): GateResult {
  const suite: SuiteName = isDcdFaultName(fault) ? 'dcd-v11' : 'dax';
  const got = gateSystems(system, fault, suite);
  if (typeof got === 'string') return notRun(title, 'fault-search', suite, fault, got);
  const { spec, systems } = got;
  const o = { ...CI_FAULT_SEARCH, ...(system === 'impl' ? {} : { minimizeReplays: C_PORT_MINIMIZE_REPLAYS }) };
  let out;
  try {
    out = searchFault(systems, o, SUITES[suite]);
  } finally {
    systems.close();
  }
  const sut = systems.name;
  const found = out.counterexample ? recordOfFound(out.counterexample, { sut, system: spec }, fault) : null;
  const message = found
    ? `found after ${out.runs} passing runs, shrunk to ${found.commands.length} commands: ${found.broke.kind} at ${found.broke.call}`
    : `not found in ${out.runs} runs (seed ${o.seed}, ${o.maxCommands} commands at most): a defect of the generators`;
  const entry = runEntry({
    name: title, kind: 'fault-search', suite, sut, fault, expectFailure: true,
    seeds: [o.seed], runs: out.runs, commands: out.commands, opCounts: out.opCounts,
    labels: judgeCoverage(SUITES[suite].coverage, out.labelRuns, out.runs), counterexamples: found ? [found.id] : [],
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
  const summary = runSummary({ command: 'test', startedAt, entries });
  return { summary, found };
}
