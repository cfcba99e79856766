import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PortChannel } from '../../campaign/process/portChannel.ts';
import { processFactory } from '../../campaign/process/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { buildCPort, C_PORT, ROOT } from './cport.ts';

/**
 * Counts the `check` requests written to port processes until stop() (the runner's batch
 * mode asks one per step). Batches go out through PortChannel.send (written before the
 * expected answers are worked out), so the count is taken there.
 */
function countChecks(): { n: number; stop(): void } {
  const send = PortChannel.prototype.send;
  const counter = {
    n: 0,
    stop: () => {
      PortChannel.prototype.send = send;
    },
  };
  PortChannel.prototype.send = function (this: PortChannel, lines, timeoutMs) {
    counter.n += lines.filter((l) => l === 'check').length;
    return send.call(this, lines, timeoutMs);
  };
  return counter;
}

test('the C port builds from scratch with -Wall -Wextra -Werror and ASan/UBSan, without a warning', () => {
  const out = mkdtempSync(join(tmpdir(), 'cport-'));
  try {
    const log = execFileSync('make', ['-C', resolve(ROOT, 'ports/c'), `BUILD=${out}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(log, /-Werror/);
    assert.match(log, /-fsanitize=address,undefined/);
    assert.not.match(log, /warning:/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  buildCPort();
});

test('the C port agrees with the model, and passes its own self-check after every successful step, on 300 runs of the resource tree suite', () => {
  buildCPort();
  const sut = processFactory([C_PORT]);
  const checks = countChecks();
  try {
    const o = runSuite({ suite: treeSuite, model: modelFactory, sut, seed: 11, numRuns: 300, maxCommands: 60, minimizeReplays: 100 });
    assert.is(o.counterexample?.failure.message ?? null, null);
    assert.is(o.runs, 300);
    assert.ok(o.commands > 5000, `${o.commands} commands`);
    assert.ok(checks.n > o.commands / 4 && checks.n <= o.commands + o.runs, `${checks.n} checks for ${o.commands} commands: one after each successful step (and a run's last)`);
  } finally {
    checks.stop();
    sut.close();
  }
});

test('the C port agrees with the model, and passes its own self-check after every successful step, on 300 runs of the DAX suite (every fault off)', () => {
  buildCPort();
  const sut = processFactory([C_PORT]);
  const checks = countChecks();
  try {
    const o = runSuite({ suite: daxSuite, model: modelFactory, sut, seed: 12, numRuns: 300, maxCommands: 60, minimizeReplays: 100 });
    assert.is(o.counterexample?.failure.message ?? null, null);
    assert.is(o.runs, 300);
    assert.ok(o.commands > 5000, `${o.commands} commands`);
    assert.ok(checks.n > o.commands / 4 && checks.n <= o.commands + o.runs, `${checks.n} checks for ${o.commands} commands: one after each successful step (and a run's last)`);
  } finally {
    checks.stop();
    sut.close();
  }
});

test.run();
