/**
 * The counterexamples a report draws. A file that carries its recorded steps (a hunt's
 * findings: both snapshots after every step, recorded by the worker that found it) is
 * drawn from them, running nothing. Any other file is replayed step by step on the
 * system it records (its module or process, or the built-in implementation with its
 * fault) to get both snapshots after every step. A file whose system cannot be run is
 * drawn from the reference alone, with the reason; a file that cannot be read is drawn
 * as an error.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname, join, resolve } from 'node:path';
import { faultInfo, isFaultName } from '../impl/faults.ts';
import { loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { replaySaved } from '../properties/replaySaved.ts';
import { sameData } from '../properties/sameData.ts';
import { failureFacts, type FailureFacts } from '../properties/stepFailure.ts';
import type { RecordedSteps, StepRecord } from '../properties/stepRecord.ts';
import type { DrawnCounterexample } from '../reporting/drawnCounterexample.ts';
import type { RunSummary } from '../reporting/runSummary.ts';
import { counterexampleFiles } from './ciGate.ts';
import { recordedSystem, referenceOf, systemsFor, type Systems } from './systems.ts';

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

function faultSummary(fault: string | null): string | null {
  if (fault === null || !isFaultName(fault)) return null;
  const info = faultInfo(fault);
  return `${info.id}: ${info.summary}`;
}

/** The systems the file records; a string saying why when they cannot be run here. */
async function recordedSystems(file: string, cx: CounterexampleFile): Promise<Systems | string> {
  try {
    return await systemsFor(recordedSystem(cx), cx.fault, [cx.suite], `${file}: recorded against ${cx.sut}`);
  } catch (e) {
    return why(e);
  }
}

/** How long a port's counterexample may take to replay for drawing before it is drawn from the reference alone. */
export const DRAW_TIMEOUT_MS = 10_000;

/**
 * One counterexample file drawn; never throws for a bad file. A file with recorded
 * steps is drawn from them. Otherwise it is replayed: a file recorded against a user's
 * module in a worker thread stopped after timeoutMs (a port may hang), one recorded
 * against a port process in this thread (each answer is bounded by the command timeout);
 * a recorded hang is not replayed at all.
 */
export async function drawCounterexample(file: string, timeoutMs = DRAW_TIMEOUT_MS): Promise<DrawnCounterexample> {
  let cx: CounterexampleFile | null = null;
  try {
    cx = loadCounterexample(file);
  } catch {
    return drawHere(file);
  }
  if (cx.recorded !== undefined) return drawRecorded(file, cx, cx.recorded);
  if (recordedSystem(cx).kind === 'impl') return drawHere(file);
  if (cx.broke.kind === 'hang') return drawHere(file, `${cx.sut} hung in this run; it is not run again for the report`);
  // A process port answers within its command timeout or is stopped (protocol/):
  // drawn here, without a thread to start (seconds on a loaded machine, after the budget).
  if (recordedSystem(cx).kind === 'exec') return drawHere(file);
  return drawInWorker(file, cx, timeoutMs);
}

/** A file drawn from the steps it carries: nothing runs. */
function drawRecorded(file: string, cx: CounterexampleFile, rec: RecordedSteps): DrawnCounterexample {
  const { reference, sut, records, failure } = rec;
  return { file, cx, error: null, reference, sut, faultSummary: faultSummary(cx.fault), unavailable: null, records, failure, divergeAt: divergence(records, failure) };
}

/** drawHere in a worker thread; drawn from the reference alone when it does not answer within timeoutMs. */
function drawInWorker(file: string, cx: CounterexampleFile, timeoutMs: number): Promise<DrawnCounterexample> {
  return new Promise((done) => {
    const worker = new Worker(new URL('./drawWorkerEntry.js', import.meta.url), { workerData: { file } });
    let settled = false;
    const settle = (answer: DrawnCounterexample | string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (typeof answer === 'string') void drawHere(file, answer).then(done);
      else done(answer);
    };
    const timer = setTimeout(() => settle(`${cx.sut} did not finish the replay within ${timeoutMs / 1000} s`), timeoutMs);
    worker.once('message', (m: DrawnCounterexample) => settle(m));
    worker.once('error', (e) => settle(`the replay on ${cx.sut} crashed (${why(e)})`));
    worker.once('exit', (code) => settle(`the replay on ${cx.sut} ended its thread (exit code ${code})`));
  });
}

/** Replays file in this thread for drawing (from the reference alone when `skip` says why the recorded system is not run). */
export async function drawHere(file: string, skip: string | null = null): Promise<DrawnCounterexample> {
  const none = { reference: '', sut: '', faultSummary: null, unavailable: null, records: [], failure: null, divergeAt: null };
  let cx: CounterexampleFile | null = null;
  try {
    cx = loadCounterexample(file);
    const systems = skip ?? (await recordedSystems(file, cx));
    const base = { file, cx, error: null, faultSummary: faultSummary(cx.fault) };
    if (typeof systems === 'string') {
      const reference = referenceOf(recordedSystem(cx), cx.fault);
      const out = replaySaved(file, cx, { model: reference, sut: reference }, true);
      return { ...base, reference: reference.name, sut: cx.sut, unavailable: systems, records: out.records, failure: null, divergeAt: null };
    }
    let out: ReturnType<typeof replaySaved>;
    try {
      out = replaySaved(file, cx, { model: systems.reference, sut: systems.sut }, true);
    } finally {
      systems.close(); // a port process drawn in this thread ends here
    }
    const drawn = { reference: systems.reference.name, sut: systems.name, unavailable: null, records: out.records, failure: out.failure && failureFacts(out.failure) };
    return { ...base, ...drawn, divergeAt: divergence(out.records, out.failure) };
  } catch (e) {
    const text = why(e);
    return { file, cx, error: text.startsWith(file) ? text : `${file}: ${text}`, ...none };
  }
}

/** The first record where the two sides differ; else the failing step when it has a record; else null. */
export function divergence(records: readonly StepRecord[], failure: FailureFacts | null): number | null {
  const i = records.findIndex((r) => !sameData(r.model, r.sut) || !sameData(r.modelSnap, r.sutSnap));
  if (i >= 0) return i;
  return failure !== null && failure.step < records.length ? failure.step : null;
}

/**
 * What the report of a summary draws: the counterexamples the summary names (saved under
 * each of foundDirs, e.g. a hunt's --out and reportsDir/counterexamples/, or the file a
 * replay entry records), first, then every file in shrinksDirs not already drawn (a
 * folder, several, or null: none).
 */
export async function counterexamplesToDraw(summary: RunSummary, foundDirs: readonly string[], shrinksDirs: string | readonly string[] | null = 'shrinks'): Promise<DrawnCounterexample[]> {
  const drawn: DrawnCounterexample[] = [];
  const seen = new Set<string>();
  for (const { id, file } of summaryFiles(summary, foundDirs)) {
    if (seen.has(id)) continue;
    seen.add(id);
    drawn.push(await drawCounterexample(file));
  }
  const extra = shrinksDirs === null ? [] : typeof shrinksDirs === 'string' ? [shrinksDirs] : shrinksDirs;
  for (const file of extra.flatMap((dir) => counterexampleFiles(dir))) {
    const d = await drawCounterexample(file);
    if (d.cx !== null && seen.has(d.cx.id)) continue;
    if (d.cx !== null) seen.add(d.cx.id);
    drawn.push(d);
  }
  return drawn;
}

/** The file of each counterexample the summary names that can be found: under the first of dirs that has it, else a replay entry's recorded file. */
export function summaryFiles(summary: RunSummary, dirs: readonly string[]): { id: string; file: string }[] {
  const out: { id: string; file: string }[] = [];
  for (const e of summary.entries) {
    for (const id of e.counterexamples) {
      const candidates = [...dirs.map((d) => join(d, `${id}.json`)), ...(e.file === undefined ? [] : [e.file])];
      const file = candidates.find((f) => existsSync(f));
      if (file !== undefined) out.push({ id, file });
    }
  }
  return out;
}

/**
 * Where the counterexamples of the run.json at runJson are saved: its folder's
 * counterexamples/ and the findingsDir it records (resolved against its folder).
 */
export function findingsDirsOf(runJson: string, summary: RunSummary): string[] {
  const dir = dirname(runJson);
  return [join(dir, 'counterexamples'), ...(summary.findingsDir === undefined ? [] : [resolve(dir, summary.findingsDir)])];
}

/** The counterexamples the summary names, loaded from dirs (a file that cannot be read is left out: it is drawn as an error from where it is). */
export function loadSummaryCounterexamples(summary: RunSummary, dirs: readonly string[]): CounterexampleFile[] {
  const out: CounterexampleFile[] = [];
  const seen = new Set<string>();
  for (const { id, file } of summaryFiles(summary, dirs)) {
    if (seen.has(id)) continue;
    seen.add(id);
    try {
      out.push(loadCounterexample(file));
    } catch {
      // drawn as an error from file
    }
  }
  return out;
}
