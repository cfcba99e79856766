/** The seed streams of shards × workers: disjoint, and together the contiguous range. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseShard, seedAt, type SeedStream } from '../../../campaign/hunt/seedStream.ts';

test('3 shards × 2 workers: the first 1000 seeds of the 6 streams are pairwise disjoint and their union is base … base + 5999', () => {
  const base = 17;
  const streams: number[][] = [];
  for (let k = 1; k <= 3; k++) {
    for (let w = 0; w < 2; w++) {
      const stream: SeedStream = { base, shard: { index: k, count: 3 }, worker: w, workers: 2 };
      streams.push(Array.from({ length: 1000 }, (_, i) => seedAt(stream, i)));
    }
  }
  for (let a = 0; a < streams.length; a++) {
    for (let b = a + 1; b < streams.length; b++) {
      const other = new Set(streams[b]);
      assert.ok(!streams[a]!.some((s) => other.has(s)), `streams ${a} and ${b} share a seed`);
    }
  }
  const all = streams.flat().sort((x, y) => x - y);
  assert.equal(all, Array.from({ length: 6000 }, (_, i) => base + i));
});

test('a stream never repeats a seed and walks upwards', () => {
  const stream: SeedStream = { base: 1, shard: { index: 2, count: 4 }, worker: 3, workers: 5 };
  const seeds = Array.from({ length: 500 }, (_, i) => seedAt(stream, i));
  assert.ok(seeds.every((s, i) => i === 0 || s > seeds[i - 1]!));
});

test('without --shard and with one worker the stream is base, base + 1, base + 2, …', () => {
  const stream: SeedStream = { base: 1, shard: { index: 1, count: 1 }, worker: 0, workers: 1 };
  assert.equal([0, 1, 2, 3].map((k) => seedAt(stream, k)), [1, 2, 3, 4]);
});

test('parseShard accepts K/N with 1 ≤ K ≤ N and nothing else', () => {
  assert.equal(parseShard('2/4'), { index: 2, count: 4 });
  assert.equal(parseShard('1/1'), { index: 1, count: 1 });
  for (const bad of ['0/4', '5/4', '4', '1/0', 'a/b', '1/2/3', '-1/2']) assert.is(parseShard(bad), null, bad);
});

test.run();
