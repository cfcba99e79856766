/**
 * Writes the reports of a run into a folder (reports/ by default): run.json, junit.xml,
 * index.html (drawing what it is handed), and the counterexamples the run found under
 * counterexamples/ (so that `daxcheck report` can draw them again from run.json alone).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { htmlReport } from './htmlReport.ts';
import { junitXml } from './junit.ts';
import type { DrawnCounterexample } from './drawnCounterexample.ts';
import type { RunSummary } from './runSummary.ts';

/** Writes text to path atomically (temp file + rename). */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Saves the counterexamples a run found as dir/counterexamples/<id>.json (so `daxcheck report` can draw them again); the paths. */
export function saveFound(dir: string, found: readonly CounterexampleFile[]): string[] {
  return found.map((cx) => saveCounterexample(join(dir, 'counterexamples'), cx));
}

/** Writes dir/run.json, dir/junit.xml and dir/index.html (drawing the counterexamples handed in); returns the paths written. */
export function writeReports(summary: RunSummary, dir: string, drawn: readonly DrawnCounterexample[]): string[] {
  mkdirSync(dir, { recursive: true });
  const runJson = join(dir, 'run.json');
  writeFileAtomic(runJson, JSON.stringify(summary, null, 2) + '\n');
  const junit = join(dir, 'junit.xml');
  writeFileAtomic(junit, junitXml(summary));
  const html = join(dir, 'index.html');
  writeFileAtomic(html, htmlReport(summary, drawn));
  return [runJson, junit, html];
}
