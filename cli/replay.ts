/**
 * `daxcheck replay FILE [--sut MODULE] [--fault NAME|none] [--json] [--timeout-seconds N]`:
 * replays a saved counterexample step by step. Exit 1 when it still fails, 0 when it
 * passes, 2 for a bad file or flag. With --sut the replay runs in a worker thread that
 * is stopped after --timeout-seconds (default 60): a module that hangs is reported as
 * still hanging (exit 1), not waited for forever.
 */
import { Worker } from 'node:worker_threads';
import { CounterexampleFileError } from '../properties/counterexampleFile.ts';
import { replaySaved } from '../properties/replaySaved.ts';
import { parseArgs } from './args.ts';
import { replayJson, replayText } from './replayText.ts';
import { replayTarget } from './replayTarget.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usageError.ts';

const FLAGS = { sut: { type: 'string' }, fault: { type: 'string' }, json: { type: 'boolean' }, 'timeout-seconds': { type: 'int', min: 1 } } as const;

/** The single FILE argument. */
export function oneFile(command: string, positional: string[]): string {
  if (positional.length === 0) throw new UsageError(`daxcheck ${command}: which file? usage: daxcheck ${command} FILE`);
  if (positional.length > 1) throw new UsageError(`daxcheck ${command}: takes one file, got ${positional.length} (${positional.join(', ')})`);
  return positional[0]!;
}

/** Runs the replay command; returns the exit code. */
export async function replayCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('replay', argv, FLAGS);
  const file = oneFile('replay', positional);
  const sut = flags.get('sut') as string | undefined;
  if (sut !== undefined) {
    const fault = flags.get('fault') as string | undefined;
    const job = { file, sut, json: flags.get('json') === true, ...(fault === undefined ? {} : { fault }) };
    return replayInWorker(job, ((flags.get('timeout-seconds') as number | undefined) ?? 60) * 1000);
  }
  const target = await replayTarget('replay', file, {
    sut: flags.get('sut') as string | undefined,
    fault: flags.get('fault') as string | undefined,
  });
  let outcome;
  try {
    outcome = replaySaved(file, target.cx, target.systems);
  } catch (e) {
    if (e instanceof CounterexampleFileError) throw new UsageError(`daxcheck replay: ${e.message}`);
    throw e;
  }
  console.log(flags.get('json') ? replayJson(target, outcome) : replayText(target, outcome));
  return outcome.failure === null ? EXIT_OK : EXIT_FAILED;
}

/** Runs the replay of job in a worker thread, stopped after timeoutMs; returns the exit code. */
function replayInWorker(job: { file: string; sut: string; fault?: string; json: boolean }, timeoutMs: number): Promise<number> {
  return new Promise((done, failed) => {
    const worker = new Worker(new URL('./replayWorkerEntry.js', import.meta.url), { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      console.log(`${job.file}: the replay on ${job.sut} did not finish within ${timeoutMs / 1000} s: it still hangs`);
      done(EXIT_FAILED);
    }, timeoutMs);
    worker.once('message', (m: { text?: string; failed?: boolean; error?: string; usage?: boolean }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.error !== undefined) {
        if (m.usage) failed(new UsageError(m.error.startsWith('daxcheck') ? m.error : `daxcheck replay: ${m.error}`));
        else failed(new Error(m.error));
        return;
      }
      console.log(m.text);
      done(m.failed ? EXIT_FAILED : EXIT_OK);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      failed(e);
    });
  });
}
