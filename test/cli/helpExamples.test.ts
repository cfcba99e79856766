/**
 * As a stranger runs daxcheck from a folder outside the repository: --version prints
 * package.json's version, and every file a --help example names exists from there. The
 * documented hunt synopsis lists every suite.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUITES } from '../../properties/suites.ts';
import { daxcheck } from './daxcheck.ts';
import { ROOT } from './runHunt.ts';

const stranger = mkdtempSync(join(tmpdir(), 'daxcheck-stranger-'));

test('daxcheck --version prints package.json\'s version and exits 0', async () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const r = await daxcheck(['--version'], stranger);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout.trim(), version);
});

for (const command of ['hunt', 'replay', 'minimize', 'export']) {
  test(`daxcheck ${command} --help, from a folder outside the repository: every file its example names exists`, async () => {
    const r = await daxcheck([command, '--help'], stranger);
    const example = /^example: (.*)$/m.exec(r.stdout)?.[1] ?? '';
    const files = example.split(/\s+/).filter((w) => /\.(ts|json|py)$/.test(w) && w !== 'bug.json');
    assert.ok(files.length > 0, `the example names a file: ${example}`);
    for (const f of files) assert.ok(existsSync(resolve(stranger, f)), `${f} exists (from ${stranger})`);
  });
}

test('the documented hunt synopsis lists every suite', () => {
  const docs = [join(ROOT, 'README.md'), ...(existsSync(join(ROOT, 'docs')) ? readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f)) : [])];
  const synopses = docs.flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => /daxcheck hunt \[/.test(l));
  assert.ok(synopses.length > 0, 'a synopsis');
  for (const line of synopses) assert.ok(line.includes(`--suite ${Object.keys(SUITES).join('|')}`), line);
});

test.run();
