import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCoverage, judgeCoverage, normalQuantile, wilson } from '../../properties/coverage.ts';

test('normalQuantile matches known quantiles of the standard normal', () => {
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959964) < 1e-5);
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-9);
  assert.ok(Math.abs(normalQuantile(1 - 5e-10) - 6.1094) < 1e-3);
});

test('wilson interval contains the observed share and narrows with more runs', () => {
  const small = wilson(10, 100);
  const large = wilson(1000, 10000);
  assert.ok(small.low < 0.1 && 0.1 < small.high);
  assert.ok(large.high - large.low < small.high - small.low);
  assert.equal(wilson(0, 0), { low: 0, high: 1 });
});

test('a label reached far more often than required is judged covered', () => {
  const [row] = judgeCoverage({ a: 0.05 }, new Map([['a', 400]]), 1000);
  assert.is(row!.verdict, 'covered');
});

test('a label never reached in many runs is judged insufficient', () => {
  const [row] = judgeCoverage({ a: 0.05 }, new Map(), 2000);
  assert.is(row!.verdict, 'insufficient');
});

test('a label near its requirement after few runs stays undecided', () => {
  const [row] = judgeCoverage({ a: 0.05 }, new Map([['a', 5]]), 100);
  assert.is(row!.verdict, 'undecided');
});

test('the label table shows share, requirement, hits and verdict', () => {
  const text = formatCoverage(judgeCoverage({ 'extend in place': 0.05 }, new Map([['extend in place', 300]]), 1000));
  assert.match(text, /extend in place\s+30\.0%\s+\(need\s+5\.0%, 300\/1000 runs\)\s+covered/);
});

test.run();
