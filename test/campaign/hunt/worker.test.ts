/** The worker loop in-process: its seeds, the start signal and budget, the stop flag, what it reports. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HuntMessage, HuntWorkerData } from '../../../campaign/hunt/messages.ts';
import { huntWorker } from '../../../campaign/hunt/worker.ts';
import { seedAt } from '../../../campaign/hunt/seedStream.ts';
import { SutWatch } from '../../../campaign/hunt/sutWatch.ts';
import { FoundRegistry } from '../../../campaign/hunt/foundRegistry.ts';
import { createImplFactory } from '../../../impl/index.ts';
import { faultReference } from '../../../campaign/systems.ts';
import { runSuite } from '../../../properties/runSuite.ts';
import { SUITES } from '../../../properties/suites.ts';
import { failureName } from '../../../campaign/knownDefects.ts';

function data(o: Partial<HuntWorkerData>): HuntWorkerData {
  return {
    worker: 1, workers: 2, shard: { index: 2, count: 3 }, base: 1, start: 0,
    targets: [{ suite: 'tree', fault: null }], system: { kind: 'impl' }, maxCommands: 30, batchRuns: 5,
    buffer: SutWatch.allocate(), found: FoundRegistry.allocate(), commandTimeoutMs: 5000, ...o,
  };
}

/** Runs the worker with the budget started budgetMs from now; the messages it posted. */
async function run(d: HuntWorkerData, budgetMs: number): Promise<HuntMessage[]> {
  new SutWatch(d.buffer).start(Date.now() + budgetMs);
  const seen: HuntMessage[] = [];
  await huntWorker(d, (m) => seen.push(m));
  return seen;
}

test('a worker says it is ready, then runs its stream\'s seeds in order, one batch per seed, until the budget ends', async () => {
  const d = data({});
  const seen = await run(d, 400);
  assert.equal(seen[0], { type: 'ready', worker: 1 });
  const seeds = seen.filter((m) => m.type === 'batch').map((m) => m.seed);
  assert.ok(seeds.length > 1, `${seeds.length} batches`);
  assert.equal(seeds, seeds.map((_, k) => seedAt({ base: 1, shard: d.shard, worker: 1, workers: 2 }, k)));
});

test('a worker that is asked to stop runs no batch (even while it waits for the start)', async () => {
  const d = data({});
  new SutWatch(d.buffer).requestStop();
  const seen: HuntMessage[] = [];
  await huntWorker(d, (m) => seen.push(m));
  assert.equal(seen.map((m) => m.type), ['ready']);
});

test('a batch that finds a failure reports the counterexample record, and counts the failing run in its runs', async () => {
  const seen = await run(data({ targets: [{ suite: 'dax', fault: 's4-sized-create-dynamic' }] }), 1500);
  const found = seen.filter((m) => m.type === 'found');
  assert.ok(found.length > 0, 'a counterexample');
  for (const m of found) assert.is(m.record.fault, 's4-sized-create-dynamic');
  const batches = seen.filter((m) => m.type === 'batch');
  assert.ok(batches.every((b) => b.runs >= 1 && b.commands >= 1), 'every batch (the failing ones too) counts its runs');
});

test('a counterexample found near the end of the budget is minimized only within what is left of it, and its message says so', async () => {
  const d = data({ system: { kind: 'module', path: 'test/cli/fixtures/slowTreeSut.ts' }, workers: 1, worker: 0, shard: { index: 1, count: 1 } });
  const seen: HuntMessage[] = [];
  // The budget starts once the module is loaded, as the pool starts it.
  await huntWorker(d, (m) => (m.type === 'ready' ? new SutWatch(d.buffer).start(Date.now() + 1000) : seen.push(m)));
  const found = seen.filter((m) => m.type === 'found');
  assert.ok(found.length > 0, 'a counterexample');
  for (const m of found) assert.match(m.note ?? '', /budget ended/);
});

test('a batch the budget interrupts before its first run passes ends without error and without runs', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const out = runSuite({ suite: SUITES.dax, model: faultReference('s1-shrink-adjusts-extent'), sut: createImplFactory(['s1-shrink-adjusts-extent']), seed, numRuns: 20, maxCommands: 200, timeLimitMs: 1 });
    assert.ok(out.counterexample !== null || out.runs >= 0);
  }
});

test('a guided worker runs the same seeds in order and reports its batches', async () => {
  const d = data({ guided: true, targets: [{ suite: 'dax', fault: null }] });
  const seen = await run(d, 400);
  const batches = seen.filter((m) => m.type === 'batch');
  assert.ok(batches.length > 1 && batches.every((b) => b.runs > 0), `${batches.length} batches`);
  assert.equal(batches.map((b) => b.seed), batches.map((_, k) => seedAt({ base: 1, shard: d.shard, worker: 1, workers: 2 }, k)));
});

test('a worker shrinks each failure once: later runs that fail with it end there and are counted in cutShort, not posted again', async () => {
  const d = data({ system: { kind: 'module', path: 'test/cli/fixtures/twoDefectsSut.ts' }, targets: [{ suite: 'dax-contiguous', fault: null }], workers: 1, worker: 0, shard: { index: 1, count: 1 }, batchRuns: 50 });
  const seen: HuntMessage[] = [];
  await huntWorker(d, (m) => (m.type === 'ready' ? new SutWatch(d.buffer).start(Date.now() + 3000) : seen.push(m)));
  const names = seen.flatMap((m) => (m.type === 'found' ? [failureName({ failure: { ...m.record.broke, step: m.record.broke.step - 1 }, commands: m.record.commands })] : []));
  assert.ok(names.length > 0, 'something found');
  assert.equal(names, [...new Set(names)], 'no failure posted twice');
  const cut = new Map<string, number>();
  for (const m of seen) if (m.type === 'batch') for (const [name, n] of m.cutShort) cut.set(name, (cut.get(name) ?? 0) + n);
  assert.ok([...cut.values()].reduce((a, b) => a + b, 0) > 0, 'runs were cut short');
  for (const name of cut.keys()) assert.ok(names.includes(name), `${name} cut runs short only after it was found`);
});

/** The names of what a worker's messages posted as found, and the runs its batches cut short, by name. */
function foundAndCut(seen: HuntMessage[]): { names: string[]; cut: Map<string, number> } {
  const names = seen.flatMap((m) => (m.type === 'found' ? [failureName({ failure: { ...m.record.broke, step: m.record.broke.step - 1 }, commands: m.record.commands })] : []));
  const cut = new Map<string, number>();
  for (const m of seen) if (m.type === 'batch') for (const [name, n] of m.cutShort) cut.set(name, (cut.get(name) ?? 0) + n);
  return { names, cut };
}

test('workers of one hunt share what they found: a second worker on the same registry shrinks none of the first one\'s failures and counts them as cut short', async () => {
  const found = FoundRegistry.allocate();
  const one = (worker: number) => data({ system: { kind: 'module', path: 'test/cli/fixtures/twoDefectsSut.ts' }, targets: [{ suite: 'dax-contiguous', fault: null }], workers: 2, worker, batchRuns: 50, found });
  // The budget starts once the module is loaded, as the pool starts it.
  const go = async (d: HuntWorkerData) => {
    const seen: HuntMessage[] = [];
    await huntWorker(d, (m) => (m.type === 'ready' ? new SutWatch(d.buffer).start(Date.now() + 3000) : seen.push(m)));
    return foundAndCut(seen);
  };
  const first = await go(one(0));
  assert.ok(first.names.length > 0, 'the first worker found something');
  const second = await go(one(1));
  for (const name of second.names) assert.not.ok(first.names.includes(name), `${name} shrunk twice`);
  const cutByFirst = first.names.reduce((n, name) => n + (second.cut.get(name) ?? 0), 0);
  assert.ok(cutByFirst > 0, `the second worker cut runs short on the first one's failures: ${[...second.cut.keys()].join(', ')}`);
});

test('a known defect is one name however its details vary: K1 answered ok and EBUSY, G2 with any request, count as one', () => {
  const k1 = (sut: string) => failureName({ failure: { kind: 'result-mismatch', step: 1, call: 'mapping(dax0.0, 0x0-0xffffffffffffffff)', detail: `model ENOMEM, sut ${sut}` }, commands: [] });
  assert.is(k1('ok'), k1('EBUSY'));
  assert.is(k1('ok'), 'K1: result-mismatch in mapping');
  const g2 = (seed: string) => failureName({ failure: { kind: 'sut-malformed', step: 0, call: `createRegion(contiguous, start=0x0, size=0B, align=4GiB, seed=${seed})`, detail: `the port could not handle "x": error createRegion: align 0x100000000 does not fit bus.c's unsigned int (last request: createRegion contiguous 0x0 0x0 0x100000000 ${seed})` }, commands: [] });
  assert.is(g2('whole'), g2('empty'));
});

test.run();
