/**
 * The benchmark is not a timed test: this only checks that `npm run bench -- --quick`
 * runs and writes a well-formed bench.json (its figures are not judged).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportProblems } from '../../bench/report.ts';

const root = resolve(import.meta.dirname, '../..');

test('bench --quick writes a well-formed bench.json and prints the four tables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-bench-'));
  try {
    const out = join(dir, 'nested', 'bench.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--quick', '--no-hunts', '--out', out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.is(run.status, 0, `bench exited with ${run.status}: ${run.stderr}`);
    const report: unknown = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(reportProblems(report), []);
    assert.is((report as { quick: boolean }).quick, true);
    for (const table of ['Throughput:', 'Protocol:', 'Time to failure:', 'Scaling:', 'Goals']) assert.ok(run.stdout.includes(table), `stdout shows ${table}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bench refuses an unknown argument', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--fast'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  assert.is(run.status, 2);
  assert.match(run.stderr, /unknown argument --fast/);
});

test('reportProblems names what is missing', () => {
  assert.ok(reportProblems({}).length > 0);
  assert.ok(reportProblems(null).includes('schema is daxcheck-bench/1'));
});

test.run();
