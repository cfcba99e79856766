/**
 * Replays a counterexample in a worker thread, so that the main thread can stop a
 * system under test that never returns (a user's module given by --sut). Posts
 * `{ text, failed }` or `{ error, usage }` (a UsageError's message) to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { replaySaved } from '../../properties/replaySaved.ts';
import { replayJson, replayText } from './text.ts';
import { replayTarget, type ReplayTarget } from './target.ts';
import type { ReplayOutcome } from '../../properties/replay.ts';

/** What the worker is asked to replay: the file, and the flags as given. */
export interface ReplayJob {
  file: string;
  sut?: string;
  sutExec?: string;
  fault?: string;
  json: boolean;
}

/** What the worker posts back. */
export type ReplayAnswer = { text: string; failed: boolean } | { error: string; usage: boolean };

/**
 * The replay of a target step by step (records for the text); a file recorded under a
 * delivery other than step by step (sut/delivery.ts) that does not fail so is replayed
 * again under that delivery, whose failure is then the verdict.
 */
function replayOutcome(target: ReplayTarget): ReplayOutcome<{ op: string }> {
  const { file, cx, systems } = target;
  const stepwise = replaySaved(file, cx, { model: systems.reference, sut: systems.sut });
  const d = cx.delivery;
  if (d === undefined || d.mode === 'step' || stepwise.failure?.kind === cx.broke.kind) return stepwise;
  const delivered = replaySaved(file, cx, { model: systems.reference, sut: systems.sut }, false);
  if (delivered.failure === null) return stepwise;
  return { ...delivered, records: stepwise.records.slice(0, delivered.failure.step) };
}

/** Replays job; never throws (an error is an answer). */
export async function replayJob(job: ReplayJob): Promise<ReplayAnswer> {
  try {
    const { file, json, ...flags } = job;
    const target = await replayTarget('replay', file, flags);
    try {
      const outcome = replayOutcome(target);
      return { text: json ? replayJson(target, outcome) : replayText(target, outcome), failed: outcome.failure !== null };
    } finally {
      target.systems.close();
    }
  } catch (e) {
    const name = (e as Error)?.name;
    return { error: e instanceof Error ? e.message : String(e), usage: name === 'UsageError' || name === 'CounterexampleFileError' };
  }
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'file' in workerData) {
  parentPort.postMessage(await replayJob(workerData as ReplayJob));
}
