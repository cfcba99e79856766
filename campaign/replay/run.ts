/**
 * Runs a replay job: in this thread for the built-in implementation, in a worker thread
 * stopped after a time limit for a user's module (which may never return).
 */
import { Worker } from 'node:worker_threads';
import { replayJob, type ReplayAnswer, type ReplayJob } from './worker.ts';

/** The answer of job; a module replay that does not finish within timeoutMs answers that it still hangs. */
export async function runReplay(job: ReplayJob, timeoutMs: number): Promise<ReplayAnswer> {
  if (job.sut === undefined) return replayJob(job);
  return new Promise((done, failed) => {
    const worker = new Worker(new URL('./workerEntry.js', import.meta.url), { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      done({ text: `${job.file}: the replay on ${job.sut} did not finish within ${timeoutMs / 1000} s: it still hangs`, failed: true });
    }, timeoutMs);
    worker.once('message', (m: ReplayAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      done(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      failed(e);
    });
  });
}
