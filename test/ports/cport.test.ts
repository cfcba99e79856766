import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PortChannel } from '../../protocol/portChannel.ts';
import { processFactory } from '../../protocol/processSut.ts';
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

for (const [suite, seed] of [[treeSuite, 11], [daxSuite, 12]] as const) {
  test(`the C port agrees with the model on 300 runs of the ${suite.name} suite (every fault off), its self-check asked after the successful steps and passing`, () => {
    buildCPort();
    const sut = processFactory([C_PORT]);
    const checks = countChecks();
    try {
      const o = runSuite({ suite, model: modelFactory, sut, seed, numRuns: 300, maxCommands: 60, minimizeReplays: 100 });
      assert.is(o.counterexample?.failure.message ?? null, null);
      assert.is(o.runs, 300);
      assert.ok(o.commands > 5000, `${o.commands} commands`);
      // The exact count (one per successful step, and after a run's last) is checked in test/protocol/observeChangedSelfCheck.test.ts.
      assert.ok(checks.n > o.commands / 4 && checks.n <= o.commands + o.runs, `${checks.n} checks for ${o.commands} commands`);
    } finally {
      checks.stop();
      sut.close();
    }
  });
}

test.run();
