import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { judgeCoverage } from '../../properties/coverage.ts';
import { judgeBuckets } from '../../properties/domains.ts';
import { mergeSummaries } from '../../reporting/mergeSummaries.ts';
import { entry, summaryOf } from './fixtures.ts';

const labelled = (hits: number, runs: number) => judgeCoverage({ 'extend in place': 0.05 }, new Map([['extend in place', hits]]), runs);

test('merging shards sums runs, commands, operation counts, durations and label hits, and concatenates seeds', () => {
  const a = summaryOf([entry({ seeds: [1, 2], runs: 100, commands: 1000, opCounts: { resize: 600, addExtent: 400 }, durationMs: 500, labels: labelled(20, 100) })], { shard: '1/2' });
  const b = summaryOf([entry({ seeds: [3], runs: 300, commands: 2000, opCounts: { resize: 1500, bind: 500 }, durationMs: 1500, labels: labelled(10, 300) })], { shard: '2/2' });
  const m = mergeSummaries([a, b]);
  assert.is(m.command, 'merge');
  assert.is(m.shard, null);
  assert.is(m.entries.length, 1);
  const e = m.entries[0]!;
  assert.equal(e.seeds, [1, 2, 3]);
  assert.is(e.runs, 400);
  assert.is(e.commands, 3000);
  assert.equal(e.opCounts, { resize: 2100, addExtent: 400, bind: 500 });
  assert.is(e.durationMs, 2000);
  assert.is(e.commandsPerSecond, 1500);
  assert.equal(e.labels, labelled(30, 400));
  assert.is(e.labels[0]!.hits, 30);
  assert.is(e.labels[0]!.share, 30 / 400);
});

test('label verdicts are recomputed from the summed hits: two undecided shards can make a covered label', () => {
  const shard = () => summaryOf([entry({ runs: 150, labels: labelled(15, 150), passed: false, message: 'coverage undecided' })]);
  assert.is(labelled(15, 150)[0]!.verdict, 'undecided');
  const merged = mergeSummaries([shard(), shard(), shard(), shard()]).entries[0]!;
  assert.is(merged.labels[0]!.verdict, 'covered');
  assert.is(merged.runs, 600);
});

test('argument buckets are merged by summing runs per bucket: a bucket one shard missed and another hit is hit', () => {
  const shardA = summaryOf([entry({ buckets: judgeBuckets(['a.x 0', 'a.x 2^1'], new Map([['a.x 0', 2]])) })]);
  const shardB = summaryOf([entry({ buckets: judgeBuckets(['a.x 0', 'a.x 2^1'], new Map([['a.x 2^1', 1], ['a.x 0', 1]])) })]);
  const merged = mergeSummaries([shardA, shardB]).entries[0]!;
  assert.equal(merged.buckets, { total: 2, hit: 2, missing: [], runs: { 'a.x 0': 3, 'a.x 2^1': 1 } });
  assert.is(mergeSummaries([summaryOf([entry({})]), summaryOf([entry({})])]).entries[0]!.buckets, undefined);
});

test('counterexamples are unioned, entries of different faults or suts stay apart, and the first-seen order is kept', () => {
  const a = summaryOf([entry({ counterexamples: ['cx-a', 'cx-b'] }), entry({ name: 'fault s1', kind: 'fault-search', fault: 's1', expectFailure: true })]);
  const b = summaryOf([entry({ counterexamples: ['cx-b', 'cx-c'] }), entry({ name: 'fault s1', kind: 'fault-search', fault: 's2', expectFailure: true }), entry({ sut: './port.js' })]);
  const m = mergeSummaries([a, b]);
  assert.equal(m.entries.map((e) => [e.name, e.fault, e.sut]), [['dax', null, 'impl'], ['fault s1', 's1', 'impl'], ['fault s1', 's2', 'impl'], ['dax', null, './port.js']]);
  assert.equal(m.entries[0]!.counterexamples, ['cx-a', 'cx-b', 'cx-c']);
});

test('a merged suite fails if one shard failed; a merged fault search passes if one shard found the fault', () => {
  const suite = (passed: boolean) => entry({ passed, message: passed ? 'ok' : 'counterexample cx-x' });
  const search = (passed: boolean) => entry({ name: 'fault s3', kind: 'fault-search', fault: 's3', expectFailure: true, passed, message: passed ? 'found' : 'not found' });
  const m = mergeSummaries([summaryOf([suite(true), search(false)]), summaryOf([suite(false), search(true)])]);
  assert.is(m.entries[0]!.passed, false);
  assert.is(m.entries[1]!.passed, true);
  assert.is(m.entries[0]!.message, '2 shards: ok | counterexample cx-x');
});

test('the merged run spans the earliest start to the latest finish', () => {
  const m = mergeSummaries([
    summaryOf([entry()], { startedAt: '2026-01-02T00:00:00.000Z', finishedAt: '2026-01-02T00:05:00.000Z' }),
    summaryOf([entry()], { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:05:00.000Z' }),
  ]);
  assert.is(m.startedAt, '2026-01-01T00:00:00.000Z');
  assert.is(m.finishedAt, '2026-01-02T00:05:00.000Z');
});

test.run();
