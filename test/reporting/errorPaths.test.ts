/**
 * fail-nth's error-path coverage as the reports draw it: run.json's errorPaths from the
 * runner's map, the summary lines, and the HTML report's table of failed and never-failed sites.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { htmlReport } from '../../reporting/htmlReport.ts';
import { errorPathCoverage, errorPathLines, runEntry, type RunSummary } from '../../reporting/runSummary.ts';

const cov = new Map([
  ['resize', new Map([['alloc_dev_dax_range:ranges', 2], ['alloc_resource:resource', 0]])],
  ['addExtent', new Map([['dax_extent_add:res', 1]])],
  ['bind', new Map<string, number>()],
]);

test('error-path coverage: per operation, the sites failed and those never failed, sorted; operations that allocate nothing left out', () => {
  assert.equal(errorPathCoverage(cov), [
    { op: 'addExtent', failed: ['dax_extent_add:res'], neverFailed: [] },
    { op: 'resize', failed: ['alloc_dev_dax_range:ranges'], neverFailed: ['alloc_resource:resource'] },
  ]);
  assert.equal(errorPathLines(errorPathCoverage(cov)), [
    'addExtent: 1 of 1 allocation sites failed',
    'resize: 1 of 2 allocation sites failed (never: alloc_resource:resource)',
  ]);
});

test('the HTML report draws a fail-nth entry\'s error paths, naming the sites never failed', () => {
  const entry = runEntry({
    name: 'dax fail-nth', kind: 'suite', suite: 'dax', sut: 'impl', fault: null, expectFailure: false, seeds: [1], runs: 3, commands: 30,
    opCounts: new Map(), labels: [], counterexamples: [], durationMs: 10, passed: true, message: 'ok', errorPaths: errorPathCoverage(cov),
  });
  const summary: RunSummary = { format: 1, tool: 'daxcheck', command: 'hunt', startedAt: '', finishedAt: '', machine: { cpus: 1, node: 'v', platform: 'p' }, shard: null, entries: [entry] } as unknown as RunSummary;
  const html = htmlReport(summary, []);
  assert.match(html, /<h3>dax fail-nth \(impl\)<\/h3>/);
  assert.match(html, /<td>resize<\/td><td class="bad">1 of 2<\/td><td><code>alloc_dev_dax_range:ranges<\/code><\/td><td><code>alloc_resource:resource<\/code><\/td>/);
  const plain = htmlReport({ ...summary, entries: [{ ...entry, errorPaths: undefined }] } as RunSummary, []);
  assert.match(plain, /No fail-nth entry in this run/);
});

test.run();
