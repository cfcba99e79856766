/**
 * test/run.ts, the test runner: a test that says "skipped: …" is counted as skipped (not
 * passed, not "Skipped: 0"), and every temporary folder the tests and their child
 * processes make is gone when the run ends, whether it passed or failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs test/run.ts on the fixture tests with a fresh TMPDIR; its output, exit code and what is left in TMPDIR. */
function runFixtures(fail: boolean): { code: number | null; out: string; left: string[] } {
  const base = process.env.DAXCHECK_TEST_SHARED_TMPDIR ?? '/tmp';
  const tmp = mkdtempSync(join(base, 'daxcheck-runner-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, DAXCHECK_TEST_ROOT: join(ROOT, 'test/fixtures/runner'), RUNNER_FIXTURE_FAIL: fail ? '1' : '0' };
  delete env.DAXCHECK_TEST_SHARED_TMPDIR;
  const p = spawnSync(process.execPath, ['--import', 'tsx', 'test/run.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  // tsx keeps its one compile cache (tsx-<uid>) in the temp folder it starts with: not a test's.
  const left = readdirSync(tmp).filter((n) => !/^tsx-\d+$/.test(n));
  rmSync(tmp, { recursive: true, force: true });
  // eslint-disable-next-line no-control-regex
  return { code: p.status, out: (p.stdout + p.stderr).replace(/\x1b\[[0-9;]*m/g, ''), left };
}

test('a test that prints "skipped: …" is counted as skipped, in uvu\'s table and in the last line', () => {
  const r = runFixtures(false);
  assert.is(r.code, 0, r.out);
  assert.match(r.out, /Skipped:\s+1\b/);
  assert.match(r.out, /Passed:\s+2\b/);
  assert.match(r.out, /^2 passed, 0 failed, 1 skipped$/m);
});

test('the temporary folders of the tests and of their child processes are removed at the end of a run that passed', () => {
  assert.equal(runFixtures(false).left, []);
});

test('... and of a run that failed (exit 1)', () => {
  const r = runFixtures(true);
  assert.is(r.code, 1, r.out);
  assert.match(r.out, /^1 passed, 1 failed, 1 skipped$/m);
  assert.equal(r.left, []);
});

test.run();
