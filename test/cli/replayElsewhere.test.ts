/**
 * A port hunted with a relative --sut-exec path replays from any folder: the file records
 * the folder the port ran in, and the hunt's replay hint (the same --sut-exec again)
 * runs there too.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { daxcheck } from './daxcheck.ts';
import { ROOT, runHunt, savedFiles } from './runHunt.ts';

test('a counterexample of "python3 port.py" found in one folder replays as recorded from another, with and without the hint\'s --sut-exec', async () => {
  const here = mkdtempSync(join(tmpdir(), 'daxcheck-port-here-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'daxcheck-elsewhere-'));
  copyFileSync(join(ROOT, 'test/ports/fixtures/fake_port.py'), join(here, 'port.py'));
  const r = await runHunt(['--sut-exec', 'python3 port.py garbage', '--suite', 'tree', '--seconds', '1', '--workers', '1'], { cwd: here });
  assert.is(r.code, 1, r.stderr);
  const file = savedFiles(r)[0]!;
  assert.equal(loadCounterexample(file).system, { kind: 'exec', command: ['python3', 'port.py', 'garbage'], cwd: here });
  for (const flags of [[], ['--sut-exec', 'python3 port.py garbage']]) {
    const replay = await daxcheck(['replay', file, ...flags], elsewhere);
    assert.is(replay.code, 1, replay.stdout + replay.stderr);
    assert.match(replay.stdout, /FAILS at step 1: .*: sut-malformed/);
    assert.match(replay.stdout, /\(as recorded\)/);
  }
});

test.run();
