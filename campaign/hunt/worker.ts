/**
 * A hunt worker (a worker thread): loads its systems, says it is ready, waits for the
 * budget to start, then walks its seed stream, running each target's suite for one batch
 * per seed until the deadline or until the main thread asks it to stop. Each batch is
 * bounded in time (fast-check's shrink included) and so is the minimizing of what it
 * found, so that a stop (Ctrl-C) is answered within a bounded time with the batch's
 * counterexample kept. Counterexamples go to the main thread, which saves them.
 * With guided generation (--guided), each target keeps one corpus across its batches.
 * Shrinking keeps the failure's signature and known defect (knownDefects.ts
 * sameKnownFailure). Each failure is shrunk once per hunt and target, whichever worker
 * meets it first (its failureName claimed in the hunt's FoundRegistry): a later run, in
 * any worker, that fails with a failure already found ends at that step and is counted
 * in its batch's cutShort, without shrinking. With --avoid-known every suite steers
 * away from the known defects' triggers (avoidKnown.ts). A counterexample's steps are
 * recorded with both snapshots before it is posted (recordSteps.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordOfFound } from '../../properties/counterexampleRecord.ts';
import { Corpus } from '../../properties/guided/corpus.ts';
import { failNthSuite } from '../../properties/failNthSuite.ts';
import { minimize } from '../../properties/minimize.ts';
import { HUNT_BIG_RUN_PERCENT } from '../../properties/profiles.ts';
import { runSuite, type Counterexample } from '../../properties/runSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import { hasDeliveries } from '../../sut/delivery.ts';
import { avoidingSuite } from '../avoidKnown.ts';
import { failureName, knownOfSeen, sameKnownFailure } from '../knownDefects.ts';
import { systemsFor, type Systems } from '../systems.ts';
import { foundBefore } from './foundBefore.ts';
import { FoundRegistry } from './foundRegistry.ts';
import type { HuntMessage, HuntWorkerData } from './messages.ts';
import { recordSteps } from './recordSteps.ts';
import { seedAt } from './seedStream.ts';
import { SutWatch } from './sutWatch.ts';
import { watchedSuite } from './watchedSuite.ts';

/** Longest a batch runs (generation and fast-check's shrink), whatever the budget left. */
export const BATCH_TIME_LIMIT_MS = 10_000;
/** Longest the minimizing of a batch's counterexample takes. */
export const MINIMIZE_TIME_LIMIT_MS = 5_000;
/** Longest a known defect (knownDefects.ts) is shrunk and minimized, each: it is known, and its crashing tries each cost a fresh process. */
export const KNOWN_SHRINK_MS = 2_000;
/** Replays the minimizing of a batch's counterexample may use. */
const MINIMIZE_REPLAYS = 2000;

/** Runs the worker loop described in the file comment. */
export async function huntWorker(data: HuntWorkerData, post: (m: HuntMessage) => void): Promise<void> {
  const watch = new SutWatch(data.buffer);
  const systems: Systems[] = [];
  for (const t of data.targets) systems.push(await systemsFor(data.system, t.fault, [t.suite], 'daxcheck hunt', { commandTimeoutMs: data.commandTimeoutMs, deliverySeed: data.base + data.worker }));
  const base = (t: HuntWorkerData['targets'][number]) => (data.failNth === true ? failNthSuite(SUITES[t.suite]) : SUITES[t.suite]);
  const suites = data.targets.map((t, i) => watchedSuite(data.avoidKnown === true ? avoidingSuite(base(t)) : base(t), systems[i]!.sut, watch));
  const corpora = data.targets.map(() => (data.guided === true ? new Corpus() : null));
  const found = new FoundRegistry(data.found); // failureNames shrunk already, per target, by every worker of the hunt
  post({ type: 'ready', worker: data.worker });
  watch.waitForStart();
  const stream = { base: data.base, shard: data.shard, worker: data.worker, workers: data.workers };
  const n = data.targets.length;
  // Every target gets its share of a short budget: a batch takes at most half of its share.
  const share = Math.max(200, (watch.deadline() - Date.now()) / (2 * n));
  try {
    for (let k = data.start; ; k++) {
      for (let i = 0; i < n; i++) {
        const t = (i + data.worker) % n; // workers start on different targets
        const remaining = watch.deadline() - Date.now();
        if (watch.stopRequested() || remaining <= 0) return;
        const seed = seedAt(stream, k);
        watch.setPosition(k, t, seed);
        runBatch(data, t, suites[t]!, systems[t]!, { corpus: corpora[t]!, found }, seed, { deadline: watch.deadline(), limitMs: Math.min(remaining, BATCH_TIME_LIMIT_MS, share) }, post);
      }
    }
  } finally {
    for (const s of systems) s.close(); // a port process is asked to quit (the pool ends what does not)
  }
}

/**
 * One batch of runs within time.limitMs; a counterexample is minimized within what is
 * left of the budget (time.deadline, Date.now() ms) and posted either way, with a note
 * when its minimizing was cut short.
 */
function runBatch(data: HuntWorkerData, target: number, suite: ReturnType<typeof watchedSuite>, systems: Systems, kept: { corpus: Corpus | null; found: FoundRegistry }, seed: number, time: { deadline: number; limitMs: number }, post: (m: HuntMessage) => void): void {
  const started = performance.now();
  const { corpus, found } = kept;
  // Asked once per failing run until one is shrunk: a name not claimed yet is claimed here, and shrunk;
  // a run of a process port is sent only up to the trigger of a known defect found already,
  // or not even that far when the trigger crashes the port or loops (STOPS_BEFORE).
  const { seenBefore, endsRun, stopsBefore } = foundBefore(found, target, systems.sut);
  try {
    const out = runSuite({ suite, model: systems.reference, sut: systems.sut, seed, numRuns: data.batchRuns, maxCommands: data.maxCommands, timeLimitMs: time.limitMs, minimizeReplays: 0, bigRunPercent: HUNT_BIG_RUN_PERCENT, sameFailure: sameKnownFailure, seenBefore, endsRun, stopsBefore, shrinkTimeMs: (f) => (knownOfSeen(f) === null ? Infinity : KNOWN_SHRINK_MS), ...(corpus === null ? {} : { guided: { corpus } }) });
    let { runs, commands } = out;
    if (out.counterexample) {
      const known = knownOfSeen(out.counterexample) !== null;
      const { best, note } = minimizeWithin(suite, systems, out.counterexample, known ? Math.min(time.deadline, Date.now() + KNOWN_SHRINK_MS) : time.deadline, known);
      for (const cx of [out.counterexample, best]) found.claim(target, failureName(cx)); // the shrunk one's name may differ
      // A port's failing run pinned its delivery (shrinking kept it): the file records it.
      const delivery = hasDeliveries(systems.sut) ? systems.sut.pinnedDelivery() : null;
      const recorded = recordSteps(suite, systems, best); // the report draws these steps, running nothing
      post({ type: 'found', target, record: recordOfFound(best, { sut: systems.name, system: data.system }, data.targets[target]!.fault, delivery, recorded), ...(note === null ? {} : { note }) });
      runs += 1;
      commands += best.commands.length;
    }
    const { opCounts, labelRuns, bucketRuns, allocCoverage } = out;
    post({ type: 'batch', target, seed, runs, commands, opCounts, labelRuns, bucketRuns, cutShort: out.cutShort, ...(data.failNth === true ? { allocCoverage } : {}), durationMs: performance.now() - started });
  } catch (e) {
    post({ type: 'error', target, seed, message: e instanceof Error ? e.message : String(e) });
  } finally {
    if (hasDeliveries(systems.sut)) systems.sut.pinDelivery(null); // the next batch chooses per run again
  }
}

/**
 * Minimizes cx until deadline (Date.now() ms: the budget's end, or a known defect's
 * shorter limit), at most MINIMIZE_TIME_LIMIT_MS; the best found, and why it may not be
 * minimal (null: it is).
 */
function minimizeWithin(suite: ReturnType<typeof watchedSuite>, systems: Systems, cx: Counterexample, deadline: number, known: boolean): { best: Counterexample; note: string | null } {
  const left = deadline - Date.now();
  const ended = known ? `its ${KNOWN_SHRINK_MS / 1000} s limit for a known defect was reached` : 'the budget ended';
  if (left <= 0) return { best: cx, note: `not minimized: ${ended}; daxcheck minimize FILE goes on` };
  const limit = Math.min(MINIMIZE_TIME_LIMIT_MS, left);
  const small = minimize({ suite, model: systems.reference, sut: systems.sut, commands: cx.commands, kind: cx.failure.kind, sameFailure: sameKnownFailure, maxReplays: MINIMIZE_REPLAYS, timeLimitMs: limit, replayed: { executed: cx.commands, failure: cx.failure } });
  const best = small === null ? cx : { ...cx, commands: small.commands, failure: small.failure };
  if (small?.exhausted !== true) return { best, note: null };
  const why = limit < MINIMIZE_TIME_LIMIT_MS ? ended : `its limits (${MINIMIZE_TIME_LIMIT_MS / 1000} s, ${MINIMIZE_REPLAYS} replays) were reached`;
  return { best, note: `minimizing stopped when ${why}: it may not be minimal; daxcheck minimize FILE goes on` };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'buffer' in workerData) {
  const port = parentPort;
  await huntWorker(workerData as HuntWorkerData, (m) => port.postMessage(m));
}
