/**
 * The one builder of run summaries (reporting/runSummary.ts runSummary): what the CI
 * gate, a hunt and `report --merge` write as run.json.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { problemOf } from '../../reporting/readRunSummary.ts';
import { daxcheckVersion, machineInfo, RUN_SUMMARY_FORMAT, runEntry, runSummary, runTotals } from '../../reporting/runSummary.ts';

test('runSummary stamps format, tool, version and this machine, keys in run.json order, optional facts only when given', () => {
  const s = runSummary({ command: 'test', startedAt: '2026-01-01T00:00:00.000Z', entries: [] });
  assert.equal(Object.keys(s), ['format', 'tool', 'version', 'command', 'startedAt', 'finishedAt', 'machine', 'shard', 'entries']);
  assert.is(s.format, RUN_SUMMARY_FORMAT);
  assert.is(s.tool, 'daxcheck');
  assert.is(s.version, daxcheckVersion());
  assert.equal(s.machine, machineInfo());
  assert.is(s.shard, null);
  assert.ok(Date.parse(s.finishedAt) >= Date.parse(s.startedAt));
  const h = runSummary({ command: 'hunt', startedAt: 'a', finishedAt: 'b', machine: { cpus: 1, node: 'v', platform: 'p' }, shard: '1/2', interrupted: false, findingsDir: '.', entries: [] });
  assert.equal(Object.keys(h), ['format', 'tool', 'version', 'command', 'startedAt', 'finishedAt', 'machine', 'shard', 'interrupted', 'findingsDir', 'entries']);
  assert.equal([h.finishedAt, h.machine.cpus, h.shard, h.interrupted, h.findingsDir], ['b', 1, '1/2', false, '.']);
  assert.is(problemOf(JSON.parse(JSON.stringify(h))), null, 'what it builds, the reader accepts');
});

test('runTotals sums the entries once: failed, known findings, commands, worker time, its rate and every counterexample', () => {
  const base = { kind: 'suite' as const, suite: 'dax' as const, sut: 'impl', fault: null, expectFailure: false, seeds: [1], runs: 1, opCounts: {}, labels: [], message: '' };
  const a = runEntry({ ...base, name: 'a', commands: 300, durationMs: 1000, passed: true, counterexamples: [] });
  const b = runEntry({ ...base, name: 'b', commands: 100, durationMs: 1000, passed: false, counterexamples: ['cx-1', 'cx-2'], known: [{ counterexample: 'cx-1', id: 'K1', kind: 'upstream defect', title: 't', failsRun: false }] });
  assert.equal(runTotals([a, b]), { entries: 2, failed: 1, known: 1, commands: 400, durationMs: 2000, commandsPerSecond: 200, counterexamples: ['cx-1', 'cx-2'] });
  assert.equal(runTotals([]), { entries: 0, failed: 0, known: 0, commands: 0, durationMs: 0, commandsPerSecond: 0, counterexamples: [] });
});

test.run();
