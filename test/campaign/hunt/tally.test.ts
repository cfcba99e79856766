/** The hunt's verdict from its tally: no evidence is no pass, an interrupt is not "nothing failed". */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HuntTally } from '../../../campaign/hunt/tally.ts';
import type { BatchMessage } from '../../../campaign/hunt/messages.ts';
import { treeSuite } from '../../../properties/tree/treeSuite.ts';

const batch = (target: number, runs: number): BatchMessage => ({ type: 'batch', target, seed: 1, runs, commands: runs * 10, opCounts: new Map(), labelRuns: new Map(), cutShort: new Map(), durationMs: 5 });

test('a suite that completed no run fails: its entry does not pass, says nothing was checked, and the exit code is 3', () => {
  const tally = new HuntTally([{ suite: 'tree', fault: null }, { suite: 'dax', fault: null }], 'impl');
  tally.addBatch(batch(0, 20));
  const [tree, dax] = tally.entries();
  assert.ok(tree!.passed);
  assert.not.ok(dax!.passed);
  assert.match(dax!.message, /no run completed: nothing was checked/);
  assert.equal(tally.withoutRuns(), ['dax']);
  assert.is(tally.exitCode(false), 3);
});

test('an interrupted hunt with nothing failed exits 130; with a failure, 1; a full one with runs, 0', () => {
  const tally = new HuntTally([{ suite: 'tree', fault: null }], 'impl');
  tally.addBatch(batch(0, 5));
  assert.is(tally.exitCode(false), 0);
  assert.is(tally.exitCode(true), 130);
  tally.addFound(0, 'cx-1', 'sig');
  assert.is(tally.exitCode(true), 1);
});

test('a counterexample replaced by a shorter one of the same failure is no longer listed', () => {
  const tally = new HuntTally([{ suite: 'dax', fault: null }], 'impl');
  tally.addBatch(batch(0, 5));
  tally.addFound(0, 'cx-long', 'sig');
  tally.removeFound(0, 'cx-long');
  tally.addFound(0, 'cx-short', 'sig');
  assert.equal(tally.entries()[0]!.counterexamples, ['cx-short']);
});

test('runs cut short by a failure found already are summed per failure over batches, in the message and in run.json\'s entry', () => {
  const tally = new HuntTally([{ suite: 'dax-contiguous', fault: null }], 'kernel');
  const k1 = 'K1: result-mismatch in mapping: model ENOMEM, sut EBUSY';
  tally.addBatch({ ...batch(0, 10), cutShort: new Map([[k1, 3]]) });
  tally.addBatch({ ...batch(0, 10), cutShort: new Map([[k1, 4], ['result-mismatch in resize: model ok, sut EBUSY', 1]]) });
  tally.addFound(0, 'cx-1', 'sig');
  const [entry] = tally.entries();
  assert.equal(entry!.cutShort, { [k1]: 7, 'result-mismatch in resize: model ok, sut EBUSY': 1 });
  assert.match(entry!.message, `runs cut short by a failure found already (not shrunk again): 7 by ${k1}, 1 by result-mismatch in resize`);
  const [quiet] = new HuntTally([{ suite: 'tree', fault: null }], 'impl').entries();
  assert.is(quiet!.cutShort, undefined);
});

test('a hunt reports the argument buckets its runs hit, summed over batches: every bucket of the suite listed, the missing ones named', () => {
  const tally = new HuntTally([{ suite: 'tree', fault: null }], 'impl');
  tally.addBatch({ ...batch(0, 5), bucketRuns: new Map([['releaseResource.res dead', 2]]) });
  tally.addBatch({ ...batch(0, 5), bucketRuns: new Map([['releaseResource.res dead', 1], ['addRoot.start 0', 4]]) });
  const b = tally.entries()[0]!.buckets!;
  assert.is(b.total, treeSuite.domains!.all.length);
  assert.is(b.hit, 2);
  assert.is(b.runs['releaseResource.res dead'], 3);
  assert.is(b.runs['addRoot.start 2^5'], 0);
  assert.ok(b.missing.includes('addRoot.start 2^5'));
  assert.match(tally.entries()[0]!.message, new RegExp(`argument buckets hit 2/${b.total}; missing: `));
});

test.run();
