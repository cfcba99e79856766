/**
 * Writes the reports of a run into a folder (reports/ by default): run.json now; the
 * JUnit and HTML reports join here.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from './runSummary.ts';

/** Writes text to path atomically (temp file + rename). */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Writes dir/run.json (and the other reports); returns the paths written. */
export function writeReports(summary: RunSummary, dir = 'reports'): string[] {
  mkdirSync(dir, { recursive: true });
  const runJson = join(dir, 'run.json');
  writeFileAtomic(runJson, JSON.stringify(summary, null, 2) + '\n');
  return [runJson];
}
