/**
 * A suite that reports to a SutWatch while runSuite drives it: each run's start, each
 * command just before the system under test executes it, and every entry into and exit
 * from the system under test. The model's calls pass straight through. runSuite and
 * World are unchanged: they only ever see a suite.
 */
import type { AnySuite } from '../../properties/suiteSpec.ts';
import type { SutFactory } from '../../sut/interface.ts';
import type { SutWatch, WatchPhase } from './sutWatch.ts';

/** suite, watched: the instances made by sutFactory are the system under test. */
export function watchedSuite(suite: AnySuite, sutFactory: SutFactory, watch: SutWatch): AnySuite {
  const instances = new WeakSet<object>();
  let resolved: { op: string } | null = null;
  const inside = <T>(phase: Exclude<WatchPhase, 'idle'>, f: () => T): T => {
    watch.enter(phase);
    try {
      return f();
    } finally {
      watch.leave();
    }
  };
  const isSut = (x: unknown): boolean => typeof x === 'object' && x !== null && instances.has(x);
  // Everything else (invariants, labels, generators, …) is the suite's own.
  return {
    ...suite,
    create(factory: SutFactory) {
      if (factory !== sutFactory) return suite.create(factory);
      watch.beginRun();
      const instance = inside('create', () => suite.create(factory));
      if (typeof instance === 'object' && instance !== null) instances.add(instance);
      return instance;
    },
    observe(sut: unknown) {
      return isSut(sut) ? inside('observe', () => suite.observe(sut)) : suite.observe(sut);
    },
    resolve(cmd: { op: string }, snap: unknown) {
      resolved = cmd; // World.step resolves its command right before calling both systems
      return suite.resolve(cmd, snap);
    },
    call(sut: unknown, call: { op: string }) {
      if (!isSut(sut)) return suite.call(sut, call);
      if (resolved !== null) watch.logCommand(resolved);
      return inside('call', () => suite.call(sut, call));
    },
  };
}
