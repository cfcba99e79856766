/**
 * Reads and checks a run.json file (a shard's, for `report --merge`, or reports/run.json
 * for `report`). A file that cannot be used is a RunSummaryFileError whose message names
 * the file and says why, in one line.
 */
import { readJsonFile } from '../properties/readJsonFile.ts';
import { RUN_SUMMARY_FORMAT, type RunSummary } from './runSummary.ts';

/** A run.json that cannot be used; the message is "<file>: <why>". */
export class RunSummaryFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'RunSummaryFileError';
  }
}

const ENTRY_FIELDS: [string, string][] = [
  ['name', 'string'], ['kind', 'string'], ['suite', 'string'], ['sut', 'string'], ['expectFailure', 'boolean'],
  ['runs', 'number'], ['commands', 'number'], ['durationMs', 'number'], ['passed', 'boolean'], ['message', 'string'],
];

/** Reads file as a RunSummary; throws RunSummaryFileError naming the first problem. */
export function readRunSummary(file: string): RunSummary {
  const read = readJsonFile(file);
  if (!read.ok) throw new RunSummaryFileError(file, read.why);
  const why = problemOf(read.data);
  if (why !== null) throw new RunSummaryFileError(file, why);
  return read.data as RunSummary;
}

/** The first reason data is not a RunSummary, or null. */
export function problemOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'is not a JSON object';
  const d = data as Record<string, unknown>;
  if (d.tool !== 'daxcheck') return 'is not a daxcheck run summary (no "tool": "daxcheck")';
  if (d.format !== RUN_SUMMARY_FORMAT) return `has format ${JSON.stringify(d.format)}; this daxcheck reads format ${RUN_SUMMARY_FORMAT}`;
  if (!Array.isArray(d.entries)) return 'has no "entries" array';
  if (d.findingsDir !== undefined && (typeof d.findingsDir !== 'string' || d.findingsDir === '')) return 'has a "findingsDir" that is not a folder name';
  for (const [i, entry] of d.entries.entries()) {
    if (typeof entry !== 'object' || entry === null) return `entry ${i} is not an object`;
    const e = entry as Record<string, unknown>;
    for (const [field, type] of ENTRY_FIELDS) {
      if (typeof e[field] !== type) return `entry ${i} has no ${type} "${field}"`;
    }
    if (e.fault !== null && typeof e.fault !== 'string') return `entry ${i} has a "fault" that is neither null nor a name`;
    for (const field of ['seeds', 'labels', 'counterexamples']) {
      if (!Array.isArray(e[field])) return `entry ${i} has no "${field}" array`;
    }
    if (typeof e.opCounts !== 'object' || e.opCounts === null) return `entry ${i} has no "opCounts" object`;
  }
  return null;
}
