/**
 * Replays a counterexample in a worker thread, so that the main thread can stop a
 * system under test that never returns (a user's module given by --sut). Posts
 * `{ text, failed }` or `{ error }` (a UsageError's message) to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { replaySaved } from '../properties/replaySaved.ts';
import { replayJson, replayText } from './replayText.ts';
import { replayTarget } from './replayTarget.ts';

export interface ReplayJob {
  file: string;
  sut?: string;
  fault?: string;
  json: boolean;
}

const job = workerData as ReplayJob;
try {
  const target = await replayTarget('replay', job.file, { ...(job.sut === undefined ? {} : { sut: job.sut }), ...(job.fault === undefined ? {} : { fault: job.fault }) });
  const outcome = replaySaved(job.file, target.cx, target.systems);
  parentPort!.postMessage({ text: job.json ? replayJson(target, outcome) : replayText(target, outcome), failed: outcome.failure !== null });
} catch (e) {
  parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e), usage: (e as Error)?.name === 'UsageError' || (e as Error)?.name === 'CounterexampleFileError' });
}
