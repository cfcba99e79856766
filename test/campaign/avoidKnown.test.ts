/** --avoid-known: a hunt steers away from the known defects' triggers, and what it saves replays without the filter. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { avoidingSuite } from '../../campaign/avoidKnown.ts';
import { failureName } from '../../campaign/knownDefects.ts';
import { KNOWN_TRIGGERS } from '../../campaign/knownTriggers.ts';
import { faultReference } from '../../campaign/systems.ts';
import { createImplFactory } from '../../impl/index.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import type { DaxSut, SutFactory } from '../../sut/interface.ts';

const U64_MAX = (1n << 64n) - 1n;

/** K1 (the fault) and K2 as bus.c has it since 6.12: a mapping of a live device refused with ENXIO answers ok. */
const k1k2: SutFactory = (() => {
  const k1 = createImplFactory(['k1-whole-space-mapping']);
  return {
    name: 'k1-k2',
    createTree: () => k1.createTree(),
    createDax: (): DaxSut => {
      const dax = k1.createDax();
      return Object.assign(Object.create(dax) as DaxSut, {
        mapping: (r: number, d: number, start: bigint, end: bigint) => {
          const out = dax.mapping(r, d, start, end);
          const live = dax.observe().regions.find((x) => x.id === r)?.devices.some((x) => x.id === d) === true;
          return !out.ok && out.errno === 'ENXIO' && live ? { ok: true as const } : out;
        },
      });
    },
  };
})();

/** The names of the failures a run of suite against sut finds within runs (every one, each run ends at its failure). */
function namesFound(suite: typeof SUITES['dax'], sut: ReturnType<typeof createImplFactory>, reference: ReturnType<typeof createImplFactory>, runs: number): Set<string> {
  const names = new Set<string>();
  runSuite({ suite, model: reference, sut, seed: 7, numRuns: runs, maxCommands: 40, seenBefore: (f) => (names.add(failureName(f)), failureName(f)) });
  return names;
}

test('K1: the contiguous suite finds the whole-space mapping defect, and finds nothing with --avoid-known', () => {
  const sut = createImplFactory(['k1-whole-space-mapping']);
  const ref = faultReference('k1-whole-space-mapping');
  assert.ok(namesFound(SUITES['dax-contiguous'], sut, ref, 400).has('K1: result-mismatch in mapping'), 'K1 found without the filter');
  assert.equal([...namesFound(avoidingSuite(SUITES['dax-contiguous']), sut, ref, 400)], []);
});

test('K2 and K1 (a port with both): both found without the filter, neither with it', () => {
  const ref = createImplFactory([]);
  const without = namesFound(SUITES['dax-contiguous'], k1k2 as never, ref, 400);
  assert.ok(without.has('K1: result-mismatch in mapping') && without.has('K2: result-mismatch in mapping'), [...without].join(', '));
  assert.equal([...namesFound(avoidingSuite(SUITES['dax-contiguous']), k1k2 as never, ref, 400)], []);
});

test('S4: the DAX suite finds the sized create on a dynamic region, and finds nothing with --avoid-known', () => {
  const sut = createImplFactory(['s4-sized-create-dynamic']);
  const ref = faultReference('s4-sized-create-dynamic');
  assert.ok([...namesFound(SUITES.dax, sut, ref, 300)].some((n) => n.startsWith('S4: ')), 'S4 found without the filter');
  assert.equal([...namesFound(avoidingSuite(SUITES.dax), sut, ref, 300)], []);
});

test('a run that avoided triggers still checks everything else: the filter keeps other calls (and finds S1 with it on)', () => {
  const sut = createImplFactory(['s1-shrink-adjusts-extent']);
  const ref = faultReference('s1-shrink-adjusts-extent');
  const out = runSuite({ suite: avoidingSuite(SUITES.dax), model: ref, sut, seed: 3, numRuns: 300, maxCommands: 60 });
  assert.ok(out.counterexample !== null, 'S1 is found with the filter on');
  // What was saved replays the same with the plain suite (daxcheck replay knows no filter).
  const again = replayCommands(SUITES.dax, ref, sut, out.counterexample.commands, false);
  assert.is(again.failure?.kind, out.counterexample.failure.kind);
  assert.is(again.failure?.step, out.counterexample.failure.step);
});

test('the triggers read the call and the model state: K2 by the device\'s effective align, G2 by a 4 GiB align, M2 by a part-grown device', () => {
  const snap = { regions: [{ id: 0, kind: 'contiguous', start: 0n, devices: [{ id: 0, align: 2n << 20n, sizeBytes: 3n << 20n }] }] };
  const map = (start: bigint, end: bigint) => ({ op: 'mapping', region: 0, device: 0, start, end });
  assert.ok(KNOWN_TRIGGERS.K1!(map(0n, U64_MAX), snap));
  assert.not.ok(KNOWN_TRIGGERS.K1!(map(0n, (2n << 20n) - 1n), snap));
  assert.ok(KNOWN_TRIGGERS.K2!(map(0n, (1n << 20n) - 1n), snap), '1 MiB is not a multiple of 2 MiB');
  assert.not.ok(KNOWN_TRIGGERS.K2!(map(0n, (4n << 20n) - 1n), snap));
  assert.ok(KNOWN_TRIGGERS.K2!(map(1n << 20n, (3n << 20n) - 1n), snap), 'a start 1 MiB into the region');
  assert.ok(KNOWN_TRIGGERS.G2!({ op: 'createRegion', align: 1n << 32n } as never, { regions: [] }));
  assert.not.ok(KNOWN_TRIGGERS.G2!({ op: 'createRegion', align: 1n << 31n } as never, { regions: [] }));
  assert.ok(KNOWN_TRIGGERS.M2!({ op: 'resize', region: 0, device: 0 } as never, snap), '3 MiB on a 2 MiB align is part-grown');
  assert.not.ok(KNOWN_TRIGGERS.M2!({ op: 'resize', region: 0, device: 1 } as never, snap));
});

test.run();
