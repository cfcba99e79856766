/**
 * The counterexamples the HTML report draws, replayed step by step to get the model's
 * and the implementation's snapshot after every step: every file under shrinks/, and the
 * counterexamples a run found (saved under reports/counterexamples/ by writeReports).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { counterexampleFiles } from '../properties/ciRun.ts';
import { loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { replaySaved } from '../properties/replaySaved.ts';
import { replaySystems } from '../properties/replaySystems.ts';
import type { StepFailure } from '../properties/stepFailure.ts';
import type { StepRecord } from '../properties/world.ts';
import type { RunSummary } from './runSummary.ts';

/** A counterexample replayed for drawing. */
export interface ReplayedCounterexample {
  file: string;
  /** The file's content; null when it could not be used (error says why). */
  cx: CounterexampleFile | null;
  error: string | null;
  /** Names of the two systems replayed side by side. */
  reference: string;
  sut: string;
  records: StepRecord[];
  failure: StepFailure | null;
  /** Index of the first step whose results or snapshots differ (else the failing step), or null. */
  divergeAt: number | null;
}

/** Replays one counterexample file against the systems it names; never throws for a bad file. */
export function replayForReport(file: string): ReplayedCounterexample {
  const none = { reference: '', sut: '', records: [], failure: null, divergeAt: null };
  let cx: CounterexampleFile | null = null;
  try {
    cx = loadCounterexample(file);
    const systems = replaySystems(cx.fault);
    const out = replaySaved(file, cx, systems, true);
    const drawn = { reference: systems.model.name, sut: systems.sut.name, records: out.records, failure: out.failure };
    return { file, cx, error: null, ...drawn, divergeAt: divergence(out.records, out.failure) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { file, cx, error: why.startsWith(file) ? why : `${file}: ${why}`, ...none };
  }
}

/** The first record where the two sides differ; else the failing step when it has a record; else null. */
export function divergence(records: readonly StepRecord[], failure: StepFailure | null): number | null {
  const i = records.findIndex((r) => !isDeepStrictEqual(r.model, r.sut) || !isDeepStrictEqual(r.modelSnap, r.sutSnap));
  if (i >= 0) return i;
  return failure !== null && failure.step < records.length ? failure.step : null;
}

/**
 * What the report draws for a summary: every file in shrinksDir, then the counterexamples
 * the summary names that are saved under reportsDir/counterexamples/ and not in shrinksDir.
 */
export function counterexamplesToDraw(summary: RunSummary, reportsDir: string, shrinksDir = 'shrinks'): ReplayedCounterexample[] {
  const drawn = counterexampleFiles(shrinksDir).map(replayForReport);
  const seen = new Set(drawn.flatMap((d) => (d.cx ? [d.cx.id] : [])));
  for (const id of summary.entries.flatMap((e) => e.counterexamples)) {
    const file = join(reportsDir, 'counterexamples', `${id}.json`);
    if (seen.has(id) || !existsSync(file)) continue;
    seen.add(id);
    drawn.push(replayForReport(file));
  }
  return drawn;
}
