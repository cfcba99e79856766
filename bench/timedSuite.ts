/**
 * Instrumentation for the throughput breakdown: a suite wrapper that adds the time of
 * each suite function to a bucket (the model's and the implementation's calls,
 * snapshots and invariants apart), and a World whose applies/step are timed (given to
 * runSuite through its world hook, properties/runHooks.ts). Used only
 * in a separate, measuring run: the measured throughput runs use the plain suite.
 */
import type { SutFactory } from '../sut/interface.ts';
import type { AnyParts } from '../properties/changedPart.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import { World } from '../properties/world.ts';

/** Milliseconds spent and timed calls made, per bucket. */
export type Buckets = Map<string, { ms: number; calls: number }>;

/** Adds one call of ms to a bucket. */
function addTo(b: Buckets, name: string, ms: number): void {
  const x = b.get(name);
  if (x === undefined) b.set(name, { ms, calls: 1 });
  else {
    x.ms += ms;
    x.calls += 1;
  }
}

/** Runs f, adding its duration to bucket name. */
export function timed<T>(b: Buckets, name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    addTo(b, name, performance.now() - t0);
  }
}

/**
 * The suite with every function timed. Systems created from `model` count as the
 * model (buckets "model …"), every other as the implementation ("impl …"); the first
 * invariants call of a step is the model's (World checks the model first).
 */
export function timedSuite(suite: AnySuite, model: SutFactory, b: Buckets): AnySuite {
  const models = new WeakSet<object>();
  const snaps = new WeakSet<object>();
  const who = (x: object, set: WeakSet<object>) => (set.has(x) ? 'model' : 'impl');
  return {
    ...suite,
    create: (f: SutFactory) => {
      const sut = suite.create(f);
      if (f === model) models.add(sut);
      return sut;
    },
    observe: (sut: object) => {
      const snap = timed(b, `${who(sut, models)} observe`, () => suite.observe(sut));
      if (models.has(sut)) snaps.add(snap);
      return snap;
    },
    resolve: (cmd: unknown, snap: unknown) => timed(b, 'resolve', () => suite.resolve(cmd, snap)),
    call: (sut: object, call: unknown) => timed(b, `${who(sut, models)} call`, () => suite.call(sut, call)),
    show: (call: unknown) => timed(b, 'show', () => suite.show(call)),
    invariants: (snap: object) => timed(b, `${who(snap, snaps)} invariants`, () => suite.invariants(snap)),
    stepInvariants: (call: unknown, r: never, snap: object) =>
      timed(b, `${who(snap, snaps)} invariants`, () => suite.stepInvariants(call, r, snap)),
    labels: (before: unknown, call: unknown, r: never, after: unknown) => timed(b, 'labels', () => suite.labels(before, call, r, after)),
    ...(suite.domains === undefined ? {} : { domains: { all: suite.domains.all, buckets: (c: unknown, s: unknown) => timed(b, 'argument buckets', () => suite.domains!.buckets(c, s)) } }),
    ...(suite.parts === undefined ? {} : { parts: timedParts(suite.parts, models, snaps, b) }),
  };
}

/** The suite's parts (properties/changedPart.ts) with observe, invariants and self-check timed as the whole ones are. */
function timedParts(parts: AnyParts, models: WeakSet<object>, snaps: WeakSet<object>, b: Buckets): AnyParts {
  return {
    ...parts,
    observe: (sut: object, i: number) => timed(b, `${models.has(sut) ? 'model' : 'impl'} observe`, () => parts.observe(sut, i)),
    withPart: (before: unknown, i: number, part: unknown) => {
      const snap = timed(b, 'model observe', () => parts.withPart(before, i, part));
      if (typeof snap === 'object' && snap !== null) snaps.add(snap);
      return snap;
    },
    invariants: (snap: object, i: number) => timed(b, `${snaps.has(snap) ? 'model' : 'impl'} invariants`, () => parts.invariants(snap, i)),
    selfCheck: (sut: object, i: number) => timed(b, 'impl self-check', () => parts.selfCheck(sut, i)),
    same: (x: unknown, y: unknown) => timed(b, 'compare parts', () => parts.same(x, y)),
  };
}

/** A World whose applies (fast-check's check: one resolve) and step are timed. */
export class TimedWorld extends World {
  constructor(suite: AnySuite, model: SutFactory, sut: SutFactory, readonly buckets: Buckets) {
    super(suite, model, sut, false, false, true); // incremental, as runSuite's generated runs
  }

  override applies(cmd: { op: string }): boolean {
    return timed(this.buckets, 'applies', () => super.applies(cmd));
  }

  override step(cmd: { op: string }): void {
    timed(this.buckets, 'step', () => super.step(cmd));
  }
}
