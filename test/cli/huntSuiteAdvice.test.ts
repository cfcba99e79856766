/**
 * A port of one suite, and a port that cannot start, as a stranger meets them: a module
 * exporting only createTree runs with --suite tree and, without it, is refused with the
 * flag to use; the Python tree port is pointed to --suite tree; a port that cannot be
 * started or exits before the handshake says so in one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PYTHON_PORT } from '../ports/cport.ts';
import { readRunJson, runHunt } from './runHunt.ts';

function oneLine(r: { code: number | null; stderr: string }): string {
  const lines = r.stderr.trimEnd().split('\n');
  assert.is(r.code, 2, r.stderr);
  assert.is(lines.length, 1, r.stderr);
  return lines[0]!;
}

test('a module exporting only createTree is hunted with --suite tree', async () => {
  const r = await runHunt(['--sut', 'test/cli/fixtures/treeOnlySut.ts', '--suite', 'tree', '--seconds', '1', '--workers', '1']);
  assert.is(r.code, 0, r.stderr);
  const entries = readRunJson(r).entries;
  assert.equal(entries.map((e) => e.suite), ['tree']);
  assert.ok(entries[0]!.runs > 0);
});

test('the same module without --suite is refused in one line that names the missing createDax() and --suite tree', async () => {
  const line = oneLine(await runHunt(['--sut', 'test/cli/fixtures/treeOnlySut.ts', '--seconds', '1']));
  assert.match(line, /treeOnlySut\.ts: exports no createDax\(\), which the dax suite needs; it has createTree\(\) only \(use --suite tree\)$/);
});

test('the Python tree port without --suite is refused in one line that suggests --suite tree', async () => {
  const line = oneLine(await runHunt(['--sut-exec', PYTHON_PORT.join(' '), '--seconds', '1']));
  assert.match(line, /does not implement the dax suite .*: use --suite tree$/);
});

test('a port that cannot be started, or exits before the handshake, says so (no "sut-crashed", no "last request")', async () => {
  const missing = oneLine(await runHunt(['--sut-exec', './no-such-port', '--seconds', '1']));
  assert.match(missing, /could not be started: spawn \.\/no-such-port ENOENT \(no such program/);
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-exit-'));
  writeFileSync(join(dir, 'exit3.py'), 'import sys\nsys.exit(3)\n');
  const exited = oneLine(await runHunt(['--sut-exec', `python3 ${join(dir, 'exit3.py')}`, '--seconds', '1']));
  assert.match(exited, /ended \(exit code 3\) before answering the handshake "daxcheck 1"$/);
  for (const line of [missing, exited]) assert.not.match(line, /sut-crashed|last request/);
});

test.run();
