/**
 * test/run.ts --jobs 2 (test/jobs.ts) on the fixtures in test/fixtures/jobs: the same
 * counts as one process, each file's output whole, a failure and a crash counted and the
 * exit code 1, and Ctrl-C ends the test processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures/jobs');

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DAXCHECK_TEST_ROOT: FIXTURES, ...extra };
  delete e.DAXCHECK_TEST_TIMES;
  return e;
}

/** test/run.ts on the fixtures with args; exit code and output (colors stripped). */
function run(args: string[], extra: Record<string, string> = {}): { code: number | null; out: string } {
  const p = spawnSync(process.execPath, ['--import', 'tsx', 'test/run.ts', ...args], { cwd: ROOT, env: env(extra), encoding: 'utf8' });
  // eslint-disable-next-line no-control-regex
  return { code: p.status, out: (p.stdout + p.stderr).replace(/\x1b\[[0-9;]*m/g, '') };
}

test('two jobs count what one process counts, and print each file\'s output whole (no line of one file between two of another)', () => {
  const one = run([]);
  const two = run(['--jobs', '2']);
  assert.is(one.code, 0, one.out);
  assert.is(two.code, 0, two.out);
  assert.match(one.out, /^5 passed, 0 failed, 1 skipped$/m);
  assert.match(two.out, /^5 passed, 0 failed, 1 skipped$/m);
  assert.ok(two.out.trimEnd().endsWith('5 passed, 0 failed, 1 skipped'), 'the run\'s summary is the last line');
  assert.match(two.out, /^a: first line\na: second line$/m);
  assert.match(two.out, /^b: first line\nb: second line$/m);
  assert.match(two.out, /^a\.test\.ts: 2 passed, 0 failed, 0 skipped \([\d.]+ s\)$/m);
  assert.match(two.out, /^time: [\d.]+ s with 2 jobs/m);
});

test('a failing test fails the run (exit 1) and is counted', () => {
  const r = run(['--jobs', '2'], { JOBS_FIXTURE_FAIL: '1' });
  assert.is(r.code, 1, r.out);
  assert.match(r.out, /^4 passed, 1 failed, 1 skipped$/m);
  assert.match(r.out, /asked to fail/);
});

test('a file whose process ends without its summary (a throw at import) counts as one failed test, its error printed', () => {
  const r = run(['--jobs', '2'], { JOBS_FIXTURE_CRASH: '1' });
  assert.is(r.code, 1, r.out);
  assert.match(r.out, /^5 passed, 1 failed, 0 skipped$/m);
  assert.match(r.out, /c: asked to crash at import/);
  assert.match(r.out, /^c\.test\.ts: ended without passing \(exit \d+\): counted as 1 failed test$/m);
});

test('a bad --jobs value is a one-line error', () => {
  const r = run(['--jobs', 'two']);
  assert.is(r.code, 2);
  assert.is(r.out.trim(), 'test/run.ts: --jobs two: expected a whole number of processes, 1 or more');
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('Ctrl-C (SIGINT) ends every test process and the run exits 130', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-jobs-'));
  try {
    const p = spawn(process.execPath, ['--import', 'tsx', 'test/run.ts', '--jobs', '2'], { cwd: ROOT, env: env({ JOBS_FIXTURE_HANG: dir }), stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => p.once('exit', (code) => done(code)));
    const pids = [join(dir, 'a.pid'), join(dir, 'b.pid')];
    for (let i = 0; i < 300 && !pids.every((f) => existsSync(f)); i++) await sleep(100);
    assert.ok(pids.every((f) => existsSync(f)), 'both test processes started their waiting test');
    const children = pids.map((f) => Number(spawnSync('cat', [f], { encoding: 'utf8' }).stdout));
    assert.ok(children.every(alive));
    p.kill('SIGINT');
    assert.is(await exited, 130);
    for (let i = 0; i < 50 && children.some(alive); i++) await sleep(100);
    assert.equal(children.filter(alive), [], 'no test process is left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
