/**
 * Writing a run's reports: the campaign replays the counterexamples to draw (on the
 * systems they record), then reporting/ writes run.json, junit.xml and index.html.
 */
import { join } from 'node:path';
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import type { RunSummary } from '../reporting/runSummary.ts';
import { saveFound, writeReports } from '../reporting/writeReports.ts';
import { counterexamplesToDraw } from './drawnCounterexamples.ts';

export interface RunReportOptions {
  /** Counterexamples this run found, saved under dir/counterexamples/ and drawn. */
  found?: readonly CounterexampleFile[];
  /** More folders where the summary's counterexamples may be saved (a hunt's --out). */
  foundDirs?: readonly string[];
  /** Saved counterexamples drawn after the run's own (shrinks/ by default; several folders; null: none). */
  shrinksDir?: string | readonly string[] | null;
}

/** Writes the reports of summary into dir; returns the paths written. */
export async function writeRunReports(summary: RunSummary, dir: string, o: RunReportOptions = {}): Promise<string[]> {
  const saved = saveFound(dir, o.found ?? []);
  const foundDirs = [join(dir, 'counterexamples'), ...(o.foundDirs ?? [])];
  const drawn = await counterexamplesToDraw(summary, foundDirs, o.shrinksDir === undefined ? 'shrinks' : o.shrinksDir);
  return [...writeReports(summary, dir, drawn), ...saved];
}
