/**
 * The one builder of run summaries (reporting/runSummary.ts runSummary): what the CI
 * gate, a hunt and `report --merge` write as run.json.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { problemOf } from '../../reporting/readRunSummary.ts';
import { daxcheckVersion, machineInfo, RUN_SUMMARY_FORMAT, runSummary } from '../../reporting/runSummary.ts';

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

test.run();
