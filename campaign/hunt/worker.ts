/**
 * A hunt worker (a worker thread): walks its seed stream, running each target's suite for
 * one batch per seed until the budget ends or the main thread asks it to stop. A
 * counterexample is saved by this thread the moment runSuite returns it shrunk, before it
 * is reported; everything else is reported by message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordOfFound } from '../../properties/counterexampleRecord.ts';
import { HUNT_BIG_RUN_PERCENT } from '../../properties/profiles.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import { systemsFor, type Systems } from '../systems.ts';
import { failureSignature, ShortestBySignature } from './failureSignature.ts';
import { saveOnce } from './finding.ts';
import type { HuntMessage, HuntWorkerData } from './messages.ts';
import { seedAt } from './seedStream.ts';
import { SutWatch } from './sutWatch.ts';
import { watchedSuite } from './watchedSuite.ts';

/** Runs the worker loop described in the file comment. */
export async function huntWorker(data: HuntWorkerData, post: (m: HuntMessage) => void): Promise<void> {
  const watch = new SutWatch(data.buffer);
  const systems: Systems[] = [];
  for (const t of data.targets) systems.push(await systemsFor(data.system, t.fault, [t.suite], 'daxcheck hunt', { commandTimeoutMs: data.commandTimeoutMs }));
  const suites = data.targets.map((t, i) => watchedSuite(SUITES[t.suite], systems[i]!.sut, watch));
  const seen = new ShortestBySignature();
  const stream = { base: data.base, shard: data.shard, worker: data.worker, workers: data.workers };
  for (let k = data.start; ; k++) {
    for (let t = 0; t < data.targets.length; t++) {
      const remaining = data.deadline - Date.now();
      if (watch.stopRequested() || remaining <= 0) return;
      const seed = seedAt(stream, k);
      watch.setPosition(k, t, seed);
      runBatch(data, t, suites[t]!, systems[t]!, seed, remaining, seen, post);
    }
  }
}

function runBatch(
  data: HuntWorkerData,
  target: number,
  suite: ReturnType<typeof watchedSuite>,
  systems: Systems,
  seed: number,
  remaining: number,
  seen: ShortestBySignature,
  post: (m: HuntMessage) => void,
): void {
  try {
    const out = runSuite({ suite, model: systems.reference, sut: systems.sut, seed, numRuns: data.batchRuns, maxCommands: data.maxCommands, timeLimitMs: remaining, bigRunPercent: HUNT_BIG_RUN_PERCENT });
    if (out.counterexample) {
      const file = recordOfFound(out.counterexample, { sut: systems.name, system: data.system }, data.targets[target]!.fault);
      const signature = failureSignature(file.broke);
      const saved = seen.admit(`${target} ${signature}`, file.commands.length) ? saveOnce(data.outDir, file) : null;
      const { kind, step, call } = file.broke;
      post({ type: 'found', target, id: file.id, file: saved?.path ?? null, isNew: saved?.isNew ?? false, signature, kind, step, call, length: file.commands.length });
    }
    const { runs, commands, opCounts, labelRuns, durationMs } = out;
    post({ type: 'batch', target, seed, runs, commands, opCounts, labelRuns, durationMs });
  } catch (e) {
    post({ type: 'error', target, seed, message: e instanceof Error ? e.message : String(e) });
  }
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'buffer' in workerData) {
  const port = parentPort;
  await huntWorker(workerData as HuntWorkerData, (m) => port.postMessage(m));
}
