/**
 * A rough benchmark of the process path (not part of `npm run bench`):
 *
 *   node --import tsx campaign/process/bench.ts [--runs 300] [--port ports/c/build/daxcheck-port]
 *
 * On the same DAX runs (up to 100 commands each, every command followed by observe):
 * - per call: runSuite with the port as SUT (each operation one round trip, its observe
 *   prefetched in the same write);
 * - batch: each run generated (fast-check) and resolved on the model first (planBatch, model invariants included),
 *   sent as one batch, compared as text (runAsBatch);
 * - in process: runSuite against the implementation, for comparison.
 * Prints commands per second for each.
 */
import fc from 'fast-check';
import { resolve } from 'node:path';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { compareBatch, planBatch } from './batchRun.ts';
import { processFactory } from './processSut.ts';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const numRuns = Number(flag('--runs', '300'));
const port = resolve(flag('--port', 'ports/c/build/daxcheck-port'));
const seed = 1;

function rate(commands: number, ms: number): string {
  return `${commands} commands in ${ms.toFixed(0)} ms = ${Math.round((commands * 1000) / ms)} commands/s`;
}

const inProc = runSuite({ suite: daxSuite, model: modelFactory, sut: createImplFactory([]), seed, numRuns, maxCommands: 100 });
console.log(`in process (runSuite, model vs impl):      ${rate(inProc.commands, inProc.durationMs)}`);

const sut = processFactory([port]);
const perCall = runSuite({ suite: daxSuite, model: modelFactory, sut, seed, numRuns, maxCommands: 100 });
console.log(`per call (runSuite, model vs port):         ${rate(perCall.commands, perCall.durationMs)}`);

const arb = fc.tuple(daxSuite.prefix(), fc.array(daxSuite.command(), { maxLength: 100, size: 'max' }));
let commands = 0;
let genMs = performance.now();
const lists = fc.sample(arb, { numRuns, seed }).map(([p, b]) => [...p, ...b]);
genMs = performance.now() - genMs;
let planMs = 0;
let portMs = 0;
let compareMs = 0;
const started = performance.now();
for (const list of lists) {
  let t = performance.now();
  const plan = planBatch(daxSuite, modelFactory, list);
  planMs += performance.now() - t;
  t = performance.now();
  const answers = sut.runBatch(plan.lines);
  portMs += performance.now() - t;
  t = performance.now();
  const m = compareBatch(plan, answers);
  compareMs += performance.now() - t;
  if (m !== null || plan.modelBroken !== null) throw new Error(`batch mismatch: ${JSON.stringify(m)} ${plan.modelBroken}`);
  commands += plan.steps;
}
const total = performance.now() - started + genMs;
console.log(`batch (plan on model, one batch, compare): ${rate(commands, total)}`);
console.log(`  of which: generation ${genMs.toFixed(0)} ms, plan on the model ${planMs.toFixed(0)} ms, port round trip ${portMs.toFixed(0)} ms, compare ${compareMs.toFixed(0)} ms`);
console.log(`  port alone: ${Math.round((commands * 1000) / portMs)} commands/s (each with its observe)`);
sut.close();
