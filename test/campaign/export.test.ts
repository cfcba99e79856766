/**
 * daxcheck export: a v11 counterexample (T1, found by a fresh search) becomes a cxl_test
 * script that bash parses (and shellcheck passes, where installed), whose checks carry
 * the specification's expectations, and a QMP sequence of valid JSON commands.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDcdImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { counterexampleId, COUNTEREXAMPLE_FORMAT, saveCounterexample } from '../../properties/counterexampleFile.ts';
import { dcdV11Suite } from '../../properties/dcd11/dcdSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { daxcheck } from '../cli/daxcheck.ts';

const fault = 't1-refused-release-forgotten';

/** T1 found afresh and saved as a hunt would save it; returns its path. */
function t1File(): string {
  const out = runSuite({ suite: dcdV11Suite, model: modelFactory, sut: createDcdImplFactory([fault]), seed: 7, numRuns: 2000, maxCommands: 30 });
  const cx = out.counterexample!;
  const f = cx.failure;
  return saveCounterexample(mkdtempSync(join(tmpdir(), 'export-')), {
    format: COUNTEREXAMPLE_FORMAT, id: counterexampleId('dcd-v11', fault, cx.commands), suite: 'dcd-v11', sut: `impl+${fault}`, system: { kind: 'impl' }, fault,
    broke: { kind: f.kind, step: f.step + 1, call: 'releaseTagGroup', detail: 'model EBUSY, sut ok' }, commands: cx.commands, seed: cx.seed, path: cx.path, foundAt: '2026-12-01T00:00:00.000Z', error: f.message,
  });
}

const file = t1File();

test('cxl-test: bash -n parses it; it releases the claimed group and then expects it gone once the device is trimmed', async () => {
  const r = await daxcheck(['export', '--format', 'cxl-test', file]);
  assert.is(r.code, 0, r.stderr);
  const script = join(mkdtempSync(join(tmpdir(), 'export-sh-')), 'cxl-dcd-t1.sh');
  writeFileSync(script, r.stdout);
  execFileSync('bash', ['-n', script]);
  assert.match(r.stdout, /^#!\/bin\/bash\n/);
  assert.match(r.stdout, /\$CXL create-region -t dynamic_ram_1/);
  assert.match(r.stdout, /=\$\(claim "\$region0" [0-9a-f-]{36}\)/);
  assert.match(r.stdout, /release "\$device" \$\(\(base_dpa \+ 0x[0-9a-f]+\)\) 0x[0-9a-f]+ [0-9a-f-]{36}\n/);
  assert.match(r.stdout, /# step \d+: .*epilogue.*\ntrim "\$dax_0_0"\nexpect_extents "\$region0" 0\n/);
  const sc = spawnSync('shellcheck', ['--version']);
  if (sc.error !== undefined) console.log('skipped: shellcheck is not installed (apt-get install shellcheck); bash -n passed');
  else execFileSync('shellcheck', [script]);
});

test('qmp: one JSON command per line, the group added and its release asked with the tag and the extents', async () => {
  const r = await daxcheck(['export', '--format', 'qmp', file]);
  assert.is(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { execute?: string; arguments?: { tag?: string; extents?: { offset: number; len: number }[]; path?: string } });
  assert.equal(lines[0], { execute: 'qmp_capabilities' });
  const adds = lines.filter((l) => l.execute === 'cxl-add-dynamic-capacity');
  const release = lines.find((l) => l.execute === 'cxl-release-dynamic-capacity');
  assert.ok(adds.length >= 1 && release !== undefined, r.stdout);
  assert.ok(adds.some((a) => a.arguments!.tag === release.arguments!.tag), 'the released tag was added first');
  assert.ok(release.arguments!.extents!.every((e) => e.len > 0 && e.offset % (2 * 1024 * 1024) === 0));
  assert.is(release.arguments!.path, '/machine/peripheral/cxl-dcd0');
});

test('a counterexample of another suite, or a bad format: one line naming the problem, exit 2', async () => {
  const dax = readdirSync(resolve(import.meta.dirname, '../../shrinks')).find((f) => f.endsWith('.json'))!;
  const r = await daxcheck(['export', join('shrinks', dax)]);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^daxcheck export: shrinks\/.*: it is a counterexample of the .* suite; export takes the v11\/v10 profile's/);
  const bad = await daxcheck(['export', '--format', 'yaml', file]);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--format takes cxl-test or qmp, not "yaml"/);
  const notJson = join(mkdtempSync(join(tmpdir(), 'daxcheck-export-')), 'garbage.json');
  writeFileSync(notJson, 'root:x:0:0\n');
  const garbage = await daxcheck(['export', notJson]);
  assert.is(garbage.code, 2);
  assert.is(garbage.stderr.trim(), `daxcheck export: ${notJson}: is not valid JSON (${garbage.stderr.split('is not valid JSON (')[1]!.trim()}`, 'the file named once');
});

test('the shipped example (examples/cx-t1-refused-release.json) still fails as recorded with T1 on, and exports', async () => {
  const replay = await daxcheck(['replay', 'examples/cx-t1-refused-release.json']);
  assert.is(replay.code, 1, replay.stdout + replay.stderr);
  assert.match(replay.stdout, /FAILS at step 4: releaseTagGroup\(region0, "?11111111-2222-4333-8444-555555555555"?[^)]*\): result-mismatch\n  model EBUSY, sut ok\n  \(as recorded\)/);
  const script = await daxcheck(['export', 'examples/cx-t1-refused-release.json']);
  assert.is(script.code, 0, script.stderr);
  assert.match(script.stdout, /trim "\$dax_0_0"\nexpect_extents "\$region0" 0\n/);
});

test.run();
