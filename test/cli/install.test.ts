/**
 * The install path for use outside the clone (README, "Use it in another project"):
 * `npm pack`, the tarball installed into a fresh project in a temporary folder, where
 * `daxcheck` runs, its port API resolves, a hunt of the Python port passes, a hunt of a
 * planted bug finds it, and the finding replays. Dependencies come from npm's cache
 * (--prefer-offline); about 30-50 s.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '../..');

interface Run {
  code: number;
  out: string;
}

/** Runs file with args in cwd; its exit code and output (stdout then stderr). */
function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, out: `${stdout}${stderr}` });
    });
  });
}

test('the packed tarball, installed into another project, runs daxcheck: --help, the port API, a hunt of the Python port, a planted bug found and replayed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-install-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const tarball = join(dir, packed);
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' });
  assert.ok(files.includes('package/sut/interface.ts') && files.includes('package/ports/python/tree_port.py'), 'the port API and the ports are packed');
  assert.not.ok(/package\/(test|bench|shrinks\/cx-)/.test(files), 'no tests, benchmarks or saved counterexamples packed');

  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: project, stdio: 'pipe' });
  const bin = join(project, 'node_modules/.bin/daxcheck');

  const help = await run(bin, ['--help'], project);
  assert.is(help.code, 0, help.out);
  assert.match(help.out, /^usage: daxcheck <command>/m);

  const api = await run(process.execPath, ['--input-type=module', '-e', "for (const m of ['daxcheck/sut/interface.ts', 'daxcheck/examples/my-port.ts']) console.log(import.meta.resolve(m))"], project);
  assert.is(api.code, 0, api.out);
  assert.match(api.out, new RegExp(`${join(project, 'node_modules/daxcheck/sut/interface.ts')}\\n`));

  const port = join(project, 'node_modules/daxcheck/ports/python/tree_port.py');
  const text = readFileSync(port, 'utf8');
  const correct = "        if res in self.roots:\n            return 'err EINVAL'";
  assert.is(text.split(correct).length, 2, 'the plant finds its line');
  const buggy = join(project, 'buggy_port.py');
  writeFileSync(buggy, text.replace(correct, "        if res in self.roots:\n            return 'err EBUSY'"));

  const [clean, planted] = await Promise.all([
    run(bin, ['hunt', '--sut-exec', `python3 ${port}`, '--suite', 'tree', '--seconds', '3', '--workers', '1'], project),
    run(bin, ['hunt', '--sut-exec', `python3 ${buggy}`, '--suite', 'tree', '--seconds', '1', '--workers', '1', '--reports', 'reports-buggy'], project),
  ]);
  assert.is(clean.code, 0, clean.out);
  assert.match(clean.out, /^ok {3}tree \(exec:python3 .*tree_port\.py\): .*no failure/m);
  assert.is(planted.code, 1, planted.out);
  const found = readdirSync(join(project, 'daxcheck-findings'));
  assert.is(found.length, 1, found.join(', '));

  const replay = await run(bin, ['replay', join('daxcheck-findings', found[0]!)], project);
  assert.is(replay.code, 1, replay.out);
  assert.match(replay.out, /FAILS at step \d+: releaseResource\(#\d+\): result-mismatch\n\s+model EINVAL, sut EBUSY\n\s+\(as recorded\)/);
});

test.run();
