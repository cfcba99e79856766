/**
 * Writes the reports of a run into a folder (reports/ by default): run.json, junit.xml,
 * index.html, and the counterexamples the run found under counterexamples/ (so that
 * `daxcheck report` can draw them again from run.json alone).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { htmlReport } from './htmlReport.ts';
import { junitXml } from './junit.ts';
import { counterexamplesToDraw } from './replayForReport.ts';
import type { RunSummary } from './runSummary.ts';

export interface WriteReportsOptions {
  /** Counterexamples this run found; saved as dir/counterexamples/<id>.json and drawn. */
  found?: readonly CounterexampleFile[];
  /** Where the saved counterexamples are (drawn in the HTML report); shrinks/ by default. */
  shrinksDir?: string;
}

/** Writes text to path atomically (temp file + rename). */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Writes dir/run.json, dir/junit.xml and dir/index.html (and the found counterexamples); returns the paths written. */
export function writeReports(summary: RunSummary, dir = 'reports', o: WriteReportsOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const written = (o.found ?? []).map((cx) => saveCounterexample(join(dir, 'counterexamples'), cx));
  const runJson = join(dir, 'run.json');
  writeFileAtomic(runJson, JSON.stringify(summary, null, 2) + '\n');
  const junit = join(dir, 'junit.xml');
  writeFileAtomic(junit, junitXml(summary));
  const html = join(dir, 'index.html');
  writeFileAtomic(html, htmlReport(summary, counterexamplesToDraw(summary, dir, o.shrinksDir)));
  return [runJson, junit, html, ...written];
}
