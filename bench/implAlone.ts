/**
 * The generator driving the implementation alone: what a run costs without any
 * checking. Commands are resolved against the implementation's own snapshot (the
 * anchored commands need a state to mean something), run on it, and nothing else:
 * no model, no comparison, no invariants, no labels.
 */
import fc from 'fast-check';
import type { SutFactory } from '../sut/interface.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import type { World } from '../properties/world.ts';
import { suiteArbitrary } from './suiteArbitrary.ts';

/** What fast-check's commands see in place of the World: applies and step, on one system. */
export class SoloWorld {
  private readonly sut: unknown;
  private snap: unknown;
  steps = 0;

  constructor(private readonly suite: AnySuite, factory: SutFactory) {
    this.sut = suite.create(factory);
    this.snap = suite.observe(this.sut);
  }

  /** The command resolves in the system's current state. */
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
}

export interface SoloOptions {
  suite: AnySuite;
  sut: SutFactory;
  seed: number;
  numRuns: number;
  maxCommands: number;
}

/** Runs the suite's generated runs on the system alone; milliseconds and commands run. */
export function runAlone(o: SoloOptions): { ms: number; commands: number } {
  let commands = 0;
  const property = fc.property(suiteArbitrary(o.suite, o.maxCommands), ([prefix, cmds]) => {
    const world = new SoloWorld(o.suite, o.sut);
    for (const p of prefix) world.step(p);
    fc.modelRun(() => ({ model: world as unknown as World, real: world as unknown as World }), cmds as Iterable<fc.Command<World, World>>);
    commands += world.steps;
  });
  const t0 = performance.now();
  fc.assert(property, { seed: o.seed, numRuns: o.numRuns });
  return { ms: performance.now() - t0, commands };
}

/**
 * Replays calls resolved beforehand (one list per run) on fresh systems, while fast-check
 * generates the same runs: the bare cost of generation and execution, below even runAlone.
 */
export function replayAlone(o: SoloOptions, calls: readonly unknown[][]): number {
  let run = 0;
  const property = fc.property(suiteArbitrary(o.suite, o.maxCommands), () => {
    const sut = o.suite.create(o.sut);
    for (const c of calls[run++] ?? []) o.suite.call(sut, c);
  });
  const t0 = performance.now();
  fc.assert(property, { seed: o.seed, numRuns: o.numRuns });
  return performance.now() - t0;
}
