/**
 * A first import of a user's port in a worker thread, stopped after a time limit: a
 * module that loops at import time would otherwise block the thread that imports it
 * (the CLI's main thread) with no word. The answer is null (it imports) or one line
 * saying why not.
 */
import { Worker } from 'node:worker_threads';

/** How long an import may take: DAXCHECK_IMPORT_TIMEOUT_MS, else 30 s (a tsx thread starts in 2–3 s on a busy machine). */
export function importTimeoutMs(): number {
  const env = Number(process.env.DAXCHECK_IMPORT_TIMEOUT_MS);
  return Number.isInteger(env) && env > 0 ? env : 30_000;
}

/** Imports the module at the absolute path in a worker thread; null when it imports within timeoutMs, else why not. */
export function probePortImport(path: string, timeoutMs = importTimeoutMs()): Promise<string | null> {
  return new Promise((done) => {
    const worker = new Worker(new URL('./portProbeEntry.js', import.meta.url), { workerData: { path } });
    const settle = (answer: string | null) => {
      clearTimeout(timer);
      void worker.terminate();
      done(answer);
    };
    const timer = setTimeout(() => settle(`importing it did not finish within ${timeoutMs / 1000} s (does it loop or wait at import time?)`), timeoutMs);
    worker.once('message', (m: { error: string | null }) => settle(m.error === null ? null : `cannot be loaded (${m.error})`));
    worker.once('error', (e) => settle(`cannot be loaded (${e.name}: ${e.message.split('\n')[0]})`));
    worker.once('exit', (code) => settle(`cannot be loaded (its import ended the thread with exit code ${code})`));
  });
}
