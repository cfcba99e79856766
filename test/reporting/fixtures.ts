/**
 * Inputs for the reporting tests: counterexample files that draw every kind of shape
 * (several devices, extents visible, removed while in use and released, a contiguous
 * region, a nested resource tree), and run summaries with known numbers.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveCounterexample, type CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { record } from '../properties/counterexamples.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import type { RunSummary, SuiteRunSummary } from '../../reporting/runSummary.ts';
import { GiB, MiB } from '../../sut/u64.ts';

/** DAX commands that pass on the implementation and draw every DAX shape. */
export const RICH_DAX_COMMANDS = [
  { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'whole' },
  { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 8n * MiB, label: 'a' },
  { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 16n * MiB, lengthBytes: 8n * MiB, label: 'b' },
  { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 32n * MiB, lengthBytes: 8n * MiB, label: 'c' },
  { op: 'createDevice', region: 0, sizeBytes: 0n },
  { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 10n * MiB },
  { op: 'resize', region: 0, device: 1, to: 'abs', deltaBytes: 4n * MiB },
  { op: 'removeExtent', region: 0, extent: 0 },
  { op: 'removeExtent', region: 0, extent: 1 },
  { op: 'createRegion', kind: 'contiguous', start: GiB, sizeBytes: 32n * MiB, align: 2n * MiB, seed: 'empty' },
  { op: 'createDevice', region: 1, sizeBytes: 0n },
  { op: 'resize', region: 1, device: 1, to: 'abs', deltaBytes: 6n * MiB },
  { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 8n * MiB },
];

/** Tree commands that pass on the implementation: three roots, nested busy and non-busy resources. */
export const TREE_COMMANDS = [
  { op: 'addRoot', start: 0n, end: 0xffffn, name: 'low' },
  { op: 'requestResource', parent: 0, at: 'parentStart', child: 0, deltaBytes: 0x1000n, sizeBytes: 0x8000n, name: 'bus' },
  { op: 'requestRegion', parent: 1, at: 'parentStart', child: 0, deltaBytes: 0n, sizeBytes: 0x2000n, name: 'dev<a>' },
  { op: 'requestRegion', parent: 0, at: 'parentStart', child: 0, deltaBytes: 0xc000n, sizeBytes: 0x1000n, name: 'io' },
];

/** A counterexample file of suite with commands (found against the correct implementation unless fault is given). */
export function counterexampleOf(suite: SuiteName, commands: { op: string }[], fault: string | null = null): CounterexampleFile {
  return record(suite, fault, commands, 'snapshot-mismatch', commands.length - 1);
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'daxcheck-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary shrinks folder holding the rich DAX file and the tree file; returns it. */
export function fixtureShrinks(): string {
  const dir = join(tempDir(), 'shrinks');
  mkdirSync(dir);
  saveCounterexample(dir, counterexampleOf('dax', RICH_DAX_COMMANDS));
  saveCounterexample(dir, counterexampleOf('tree', TREE_COMMANDS));
  return dir;
}

/** An entry with known numbers; fields can be overridden. */
export function entry(over: Partial<SuiteRunSummary> = {}): SuiteRunSummary {
  return {
    name: 'dax', kind: 'suite', suite: 'dax', sut: 'impl', fault: null, expectFailure: false,
    seeds: [1], runs: 100, commands: 1000, opCounts: { resize: 600, addExtent: 400 },
    labels: [{ label: 'extend in place', runs: 100, hits: 20, share: 0.2, required: 0.05, low: 0.1, high: 0.3, verdict: 'covered' }],
    counterexamples: [], durationMs: 500, commandsPerSecond: 2000, passed: true, message: 'ok',
    ...over,
  };
}

/** A summary of the given entries. */
export function summaryOf(entries: SuiteRunSummary[], over: Partial<RunSummary> = {}): RunSummary {
  return {
    format: 1, tool: 'daxcheck', command: 'hunt', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z',
    machine: { cpus: 2, node: 'v20', platform: 'linux-x64' }, shard: null, entries, ...over,
  };
}
