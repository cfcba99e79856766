/**
 * reports/run.json: what one `npm test` or one hunt did, per suite run. Written by every
 * hunt and by the CI gate; read by the JUnit and HTML reports and by `report --merge`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { LabelCoverage } from '../properties/coverage.ts';
import type { BucketCoverage } from '../properties/domains.ts';
import type { SuiteName } from '../properties/suiteSpec.ts';

export const RUN_SUMMARY_FORMAT = 1;

/** One suite run: a suite against one system, with or without a fault. */
export interface SuiteRunSummary {
  /** Display name, e.g. "dax", "tree", "fault s1-shrink-adjusts-extent", "replay cx-…". */
  name: string;
  kind: 'suite' | 'fault-search' | 'replay';
  suite: SuiteName;
  sut: string;
  fault: string | null;
  /** A fault search passes when it fails the SUT: expectFailure says which outcome is success. */
  expectFailure: boolean;
  seeds: number[];
  runs: number;
  commands: number;
  /** Commands executed per operation. */
  opCounts: Record<string, number>;
  labels: LabelCoverage[];
  /** Argument-domain buckets hit (docs/argument-domains.md); absent for replays and in files written before buckets. */
  buckets?: BucketCoverage;
  /** Counterexample ids found (or replayed). */
  counterexamples: string[];
  durationMs: number;
  commandsPerSecond: number;
  /** Did this entry meet its goal (no failure and covered; or, for a fault search, found)? */
  passed: boolean;
  /** One line: why it passed or failed. */
  message: string;
  /** Replays: the counterexample file replayed (absent for the other kinds). */
  file?: string;
  /** Hunts: runs ended by a failure found (and shrunk) already in the hunt, by its name ("K1: result-mismatch in mapping: …"); absent when none. */
  cutShort?: Record<string, number>;
  /** Errors that are not counterexamples (a worker that crashed, a run that threw); absent: none recorded. */
  errors?: number;
  /**
   * Counterexamples whose failure is a known defect or interface gap (`daxcheck kernel`):
   * drawn and listed as known; they fail the entry only when failsRun says so.
   */
  known?: KnownFinding[];
  /** fail-nth entries: error-path coverage per operation (docs/fail-nth.md). */
  errorPaths?: ErrorPathCoverage[];
}

/** A counterexample of an entry classified as a known defect (K1) or interface gap (G1). */
export interface KnownFinding {
  /** The counterexample's id. */
  counterexample: string;
  /** "K1", "G1". */
  id: string;
  kind: 'upstream defect' | 'patch defect' | 'interface gap' | 'model wrong';
  title: string;
  /** Does it fail the run (--known-defects fail on an upstream defect)? */
  failsRun: boolean;
}

/** One operation's allocation sites under fail-nth: those failed at least once, and those reached but never failed. */
export interface ErrorPathCoverage {
  op: string;
  failed: string[];
  neverFailed: string[];
}

/** Error-path coverage as run.json holds it, from op -> site -> times failed (operations and sites sorted). */
export function errorPathCoverage(cov: ReadonlyMap<string, ReadonlyMap<string, number>>): ErrorPathCoverage[] {
  return [...cov].filter(([, sites]) => sites.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([op, sites]) => {
    const all = [...sites].sort(([a], [b]) => a.localeCompare(b));
    return { op, failed: all.filter(([, n]) => n > 0).map(([s]) => s), neverFailed: all.filter(([, n]) => n === 0).map(([s]) => s) };
  });
}

/** One line per operation: "op: k of m sites failed (never: ...)". */
export function errorPathLines(paths: readonly ErrorPathCoverage[]): string[] {
  return paths.map((p) => `${p.op}: ${p.failed.length} of ${p.failed.length + p.neverFailed.length} allocation sites failed${p.neverFailed.length > 0 ? ` (never: ${p.neverFailed.join(', ')})` : ''}`);
}

export interface RunSummary {
  format: typeof RUN_SUMMARY_FORMAT;
  tool: 'daxcheck';
  /** What produced it: "test", "hunt", "merge". */
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; node: string; platform: string };
  /** Shard "K/N" when hunting a shard of the seed space. */
  shard: string | null;
  /** daxcheck's version (package.json) that wrote it; absent in files written before it was recorded. */
  version?: string;
  /** A hunt stopped by Ctrl-C (or SIGTERM) before its budget ended. */
  interrupted?: boolean;
  /**
   * Where the run saved its counterexamples (a hunt's --out): relative to the folder
   * holding this run.json, or absolute. `report` and `report --merge` draw from there.
   */
  findingsDir?: string;
  entries: SuiteRunSummary[];
}

/** daxcheck's version, from its package.json. */
export function daxcheckVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** commands / seconds, 0 when nothing ran. */
export function commandsPerSecond(commands: number, durationMs: number): number {
  return durationMs > 0 ? Math.round((commands / durationMs) * 1000) : 0;
}

/** The machine a run ran on, as run.json records it. */
export function machineInfo(): RunSummary['machine'] {
  return { cpus: availableParallelism(), node: process.version, platform: `${process.platform}-${process.arch}` };
}

/** What a run summary is built from: the rest (format, tool, version, machine, finish time) runSummary fills in. */
export interface RunFacts {
  command: string;
  startedAt: string;
  /** Default: now. */
  finishedAt?: string;
  /** Default: this machine (machineInfo). */
  machine?: RunSummary['machine'];
  shard?: string | null;
  interrupted?: boolean;
  findingsDir?: string;
  entries: SuiteRunSummary[];
}

/**
 * The one builder of run summaries: what run.json holds and what the hunt's summary
 * lines, JUnit and the HTML report read (the CI gate, a hunt and `report --merge` all
 * call it). Keys in run.json's order; optional facts appear only when given.
 */
export function runSummary(f: RunFacts): RunSummary {
  return {
    format: RUN_SUMMARY_FORMAT,
    tool: 'daxcheck',
    version: daxcheckVersion(),
    command: f.command,
    startedAt: f.startedAt,
    finishedAt: f.finishedAt ?? new Date().toISOString(),
    machine: f.machine ?? machineInfo(),
    shard: f.shard ?? null,
    ...(f.interrupted === undefined ? {} : { interrupted: f.interrupted }),
    ...(f.findingsDir === undefined ? {} : { findingsDir: f.findingsDir }),
    entries: f.entries,
  };
}

/** The totals of a run's entries: what the hunt's summary line, the HTML heading and JUnit's root print. */
export interface RunTotals {
  entries: number;
  failed: number;
  /** Counterexamples classified as known defects. */
  known: number;
  commands: number;
  /** Worker time: the entries' durations summed. */
  durationMs: number;
  /** commands per second of worker time. */
  commandsPerSecond: number;
  counterexamples: string[];
}

/** The one sum over a run's entries (see RunTotals). */
export function runTotals(entries: readonly SuiteRunSummary[]): RunTotals {
  let failed = 0;
  let known = 0;
  let commands = 0;
  let durationMs = 0;
  for (const e of entries) {
    if (!e.passed) failed += 1;
    known += e.known?.length ?? 0;
    commands += e.commands;
    durationMs += e.durationMs;
  }
  return { entries: entries.length, failed, known, commands, durationMs, commandsPerSecond: commandsPerSecond(commands, durationMs), counterexamples: entries.flatMap((e) => e.counterexamples) };
}

/** What a run-summary entry is built from: its facts, with commandsPerSecond left to runEntry. */
export type EntryFacts = Omit<SuiteRunSummary, 'commandsPerSecond' | 'opCounts' | 'durationMs'> & {
  opCounts: Map<string, number> | Record<string, number>;
  durationMs: number;
};

/** The one builder of run-summary entries: duration rounded, operations sorted by name, commands per second computed. */
export function runEntry(f: EntryFacts): SuiteRunSummary {
  const ops = f.opCounts instanceof Map ? [...f.opCounts] : Object.entries(f.opCounts);
  return {
    ...f,
    opCounts: Object.fromEntries(ops.sort(([a], [b]) => a.localeCompare(b))),
    durationMs: Math.round(f.durationMs),
    commandsPerSecond: commandsPerSecond(f.commands, f.durationMs),
  };
}
