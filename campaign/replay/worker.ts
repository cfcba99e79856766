/**
 * Replays a counterexample in a worker thread, so that the main thread can stop a
 * system under test that never returns (a user's module given by --sut). Posts
 * `{ text, failed }` or `{ error, usage }` (a UsageError's message) to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { replaySaved } from '../../properties/replaySaved.ts';
import { replayJson, replayText } from './text.ts';
import { replayTarget } from './target.ts';

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

/** Replays job; never throws (an error is an answer). */
export async function replayJob(job: ReplayJob): Promise<ReplayAnswer> {
  try {
    const { file, json, ...flags } = job;
    const target = await replayTarget('replay', file, flags);
    try {
      const outcome = replaySaved(file, target.cx, { model: target.systems.reference, sut: target.systems.sut });
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
