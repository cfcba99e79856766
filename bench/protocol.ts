/**
 * Protocol throughput (issue 13): the DAX suite checked through PROTOCOL.md against the
 * C port (campaign/cPort.ts, built with ASan and UBSan as the tests run it) in batch
 * mode, against the in-process check of the TypeScript implementation: the same runs
 * (seed, run count, run length) in the same process, best of `repeats`, interleaved.
 * Where the protocol pass's time goes is measured by passes that stop short of it.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { buildCPort, C_PORT_BINARY } from '../campaign/cPort.ts';
import { compareBatch, planBatch } from '../protocol/checkRun.ts';
import { systemsNow } from '../campaign/systems.ts';
import { implFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { runSuite } from '../properties/runSuite.ts';
import type { SutFactory } from '../sut/interface.ts';
import type { PlannedStep, RunChecker } from '../sut/runCheck.ts';
import type { ThroughputOptions } from './throughput.ts';

export interface ProtocolResult {
  port: string;
  runs: number;
  commands: number;
  inProcess: { ms: number; perSec: number };
  protocol: { ms: number; perSec: number };
  /** protocol / inProcess, in commands per second. */
  ratio: number;
  goal: number;
  /** The protocol pass's time by part, ms (see parts()). */
  breakdown: { part: string; ms: number }[];
}

/** A run checker that does no more than check: either nothing at all, or the client's own work against its own expectation. */
function offlineChecker(client: boolean, lines: string[][]): SutFactory & RunChecker {
  const none = () => {
    throw new Error('offline checker: batch mode only');
  };
  return {
    name: 'offline', createTree: none, createDax: none,
    checkRun(suite: 'tree' | 'dax', steps: readonly PlannedStep[]) {
      if (!client) return null;
      const plan = planBatch(suite, steps, [], { changed: true, selfCheck: true }); // what the protocol pass sends the C port (it answers both)
      lines.push(plan.lines);
      return compareBatch(plan, plan.expected, []);
    },
  };
}

/** One pass of runSuite on the DAX suite against sut; ms and counts (throws on a counterexample). */
function pass(o: ThroughputOptions, sut: SutFactory): { ms: number; runs: number; commands: number } {
  const out = runSuite({ suite: daxSuite, model: modelFactory, sut, seed: o.seed, numRuns: o.numRuns, maxCommands: o.maxCommands });
  if (out.counterexample) throw new Error(`${sut.name} failed the DAX suite: ${out.counterexample.failure.kind} ${out.counterexample.failure.message}`);
  return { ms: out.durationMs, runs: out.runs, commands: out.commands };
}

/** Milliseconds the port takes alone over the pass's requests, written in one stream (process start included). */
function portAloneMs(lines: string[][]): number {
  const input = `daxcheck 1\n${lines.map((l) => l.join('\n')).join('\n')}\nquit\n`;
  const t0 = performance.now();
  const run = spawnSync(C_PORT_BINARY, [], { input, stdio: ['pipe', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`the C port ended with ${run.status ?? run.signal} on the recorded requests`);
  return performance.now() - t0;
}

/** Measures both passes (best of o.repeats) and the parts of the protocol pass. */
export function measureProtocol(o: ThroughputOptions): ProtocolResult {
  const built = buildCPort();
  if (!built.ok) throw new Error(built.why);
  const systems = systemsNow({ kind: 'exec', command: [C_PORT_BINARY] }, null, ['dax'], 'bench');
  try {
    const first = pass(o, systems.sut); // warms up the JIT and the port
    let inMs = Infinity;
    let protoMs = Infinity;
    let modelMs = Infinity;
    let clientMs = Infinity;
    let lines: string[][] = [];
    for (let i = 0; i < o.repeats; i++) {
      inMs = Math.min(inMs, pass(o, implFactory).ms);
      const proto = pass(o, systems.sut);
      if (proto.commands !== first.commands) throw new Error(`the protocol passes ran ${first.commands} and ${proto.commands} commands`);
      protoMs = Math.min(protoMs, proto.ms);
      modelMs = Math.min(modelMs, pass(o, offlineChecker(false, [])).ms);
      lines = [];
      clientMs = Math.min(clientMs, pass(o, offlineChecker(true, lines)).ms);
    }
    const rate = (ms: number) => ({ ms, perSec: (first.commands / ms) * 1000 });
    return {
      port: relative(process.cwd(), C_PORT_BINARY),
      runs: first.runs,
      commands: first.commands,
      inProcess: rate(inMs),
      protocol: rate(protoMs),
      ratio: inMs / protoMs,
      goal: 0.5,
      breakdown: [
        { part: 'generation, model, invariants, labels (World in batch mode)', ms: modelMs },
        { part: 'client: request lines, expected answers (canonical text)', ms: Math.max(0, clientMs - modelMs) },
        { part: 'port, pipe and comparison (not hidden behind the client)', ms: Math.max(0, protoMs - clientMs) },
        { part: '(for reference) the port alone on the same requests, one stream', ms: portAloneMs(lines) },
      ],
    };
  } finally {
    systems.close();
  }
}
