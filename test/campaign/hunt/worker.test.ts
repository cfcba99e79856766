/** The worker loop in-process: its seeds, the budget, the stop flag, files saved before they are reported. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { HuntMessage, HuntWorkerData } from '../../../campaign/hunt/messages.ts';
import { huntWorker } from '../../../campaign/hunt/worker.ts';
import { seedAt } from '../../../campaign/hunt/seedStream.ts';
import { SutWatch } from '../../../campaign/hunt/sutWatch.ts';
import { createImplFactory } from '../../../impl/index.ts';
import { faultReference } from '../../../campaign/systems.ts';
import { runSuite } from '../../../properties/runSuite.ts';
import { SUITES } from '../../../properties/suites.ts';

function data(o: Partial<HuntWorkerData>): HuntWorkerData {
  return {
    worker: 1, workers: 2, shard: { index: 2, count: 3 }, base: 1, start: 0,
    targets: [{ suite: 'tree', fault: null }], system: { kind: 'impl' }, maxCommands: 30, batchRuns: 5,
    outDir: mkdtempSync(join(tmpdir(), 'daxcheck-worker-')), deadline: Date.now() + 400, buffer: SutWatch.allocate(), commandTimeoutMs: 5000, ...o,
  };
}

test('a worker runs its stream\'s seeds in order, one batch per seed, and returns when the budget ends', async () => {
  const d = data({});
  const seen: HuntMessage[] = [];
  await huntWorker(d, (m) => seen.push(m));
  const seeds = seen.filter((m) => m.type === 'batch').map((m) => m.seed);
  assert.ok(seeds.length > 1, `${seeds.length} batches`);
  assert.equal(seeds, seeds.map((_, k) => seedAt({ base: 1, shard: d.shard, worker: 1, workers: 2 }, k)));
  assert.ok(Date.now() - d.deadline < 500, 'stopped near the deadline');
});

test('a worker that is asked to stop runs no further batch', async () => {
  const d = data({ deadline: Date.now() + 60_000 });
  new SutWatch(d.buffer).requestStop();
  const seen: HuntMessage[] = [];
  await huntWorker(d, (m) => seen.push(m));
  assert.equal(seen, []);
});

test('a counterexample\'s file exists by the time the worker reports it', async () => {
  const d = data({ targets: [{ suite: 'dax', fault: 's4-sized-create-dynamic' }], deadline: Date.now() + 1500 });
  const checked: boolean[] = [];
  await huntWorker(d, (m) => {
    if (m.type === 'found' && m.file !== null) checked.push(existsSync(m.file));
  });
  assert.ok(checked.length > 0 && checked.every(Boolean), `${checked.length} reported`);
});

test('a batch the budget interrupts before its first run passes ends without error and without runs', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const out = runSuite({ suite: SUITES.dax, model: faultReference('s1-shrink-adjusts-extent'), sut: createImplFactory(['s1-shrink-adjusts-extent']), seed, numRuns: 20, maxCommands: 200, timeLimitMs: 1 });
    assert.ok(out.counterexample !== null || out.runs >= 0);
  }
});

test.run();
