/**
 * The baselines of the throughput table, run by runSuite itself through its world hook
 * (properties/runHooks.ts), so that fast-check generates exactly the checked pass's runs:
 * - alone: the generator driving the implementation alone. Commands are resolved
 *   against the implementation's own snapshot (the anchored commands need a state to
 *   mean something), run on it, and nothing else: no model, no comparison, no
 *   invariants, no labels.
 * - replay: calls resolved beforehand (one list per run) on fresh systems, below even
 *   that: the bare cost of generation and execution.
 */
import type { SutFactory } from '../sut/interface.ts';
import type { RunWorld } from '../properties/runHooks.ts';
import { runSuite } from '../properties/runSuite.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';

/** One system alone in place of the World: resolution on its own snapshot, no checking. */
class SoloWorld implements RunWorld {
  private readonly sut: unknown;
  private snap: unknown;
  steps = 0;
  readonly labels = new Set<string>();
  readonly opCounts = new Map<string, number>();

  constructor(private readonly suite: AnySuite, factory: SutFactory) {
    this.sut = suite.create(factory);
    this.snap = suite.observe(this.sut);
  }

  applies(cmd: { op: string }): boolean {
    return this.suite.resolve(cmd, this.snap) !== null;
  }

  /** Resolves and runs the command, then observes (for the next resolution). */
  step(cmd: { op: string }): void {
    const call = this.suite.resolve(cmd, this.snap);
    if (call === null) return;
    this.steps++;
    this.suite.call(this.sut, call);
    this.snap = this.suite.observe(this.sut);
  }

  finish(): void {}
}

/** Ignores the generated commands (none applies) and runs the next list of calls at finish. */
class ReplayWorld implements RunWorld {
  steps = 0;
  readonly labels = new Set<string>();
  readonly opCounts = new Map<string, number>();

  constructor(private readonly suite: AnySuite, private readonly factory: SutFactory, private readonly calls: readonly unknown[]) {}

  applies(): boolean {
    return false;
  }

  step(): void {}

  finish(): void {
    const sut = this.suite.create(this.factory);
    for (const c of this.calls) this.suite.call(sut, c);
    this.steps = this.calls.length;
  }
}

export interface SoloOptions {
  suite: AnySuite;
  sut: SutFactory;
  seed: number;
  numRuns: number;
  maxCommands: number;
}

/** The CPU time (user + system, milliseconds) f took in this process, with its result. */
export function cpuTimed<T>(f: () => T): { cpuMs: number; value: T } {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { cpuMs: (used.user + used.system) / 1000, value };
}

/** runSuite with o.sut as both systems and each run's state made by world: wall and CPU milliseconds. */
function soloPass(o: SoloOptions, world: () => RunWorld): { ms: number; cpuMs: number; commands: number } {
  const { cpuMs, value: out } = cpuTimed(() => runSuite({ suite: o.suite, model: o.sut, sut: o.sut, seed: o.seed, numRuns: o.numRuns, maxCommands: o.maxCommands, hooks: { world } }));
  return { ms: out.durationMs, cpuMs, commands: out.commands };
}

/** Runs the suite's generated runs on the system alone; wall and CPU milliseconds and commands run. */
export function runAlone(o: SoloOptions): { ms: number; cpuMs: number; commands: number } {
  return soloPass(o, () => new SoloWorld(o.suite, o.sut));
}

/** Runs calls resolved beforehand (one list per generated run) on fresh systems; CPU milliseconds. */
export function replayAlone(o: SoloOptions, calls: readonly unknown[][]): number {
  let run = 0;
  return soloPass(o, () => new ReplayWorld(o.suite, o.sut, calls[run++] ?? [])).cpuMs;
}
