/**
 * What runSuite hands seenBefore (and shrinking's sameFailure): the commands that ran, the
 * failing one last, so that a known defect whose signature reads the failing command (S4:
 * its size) is recognized in every run a hunt meets it in, not only in a shrunk
 * counterexample. (They used to be every generated command, skipped ones included: S4
 * met again was then named by its bare signature in some runs and shrunk a second time.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { knownOfSeen } from '../../campaign/knownDefects.ts';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import type { FailureSeen } from '../../properties/sameFailure.ts';
import { SUITES } from '../../properties/suites.ts';

test('every failure seenBefore meets names the commands that ran, the failing one last; with S4 on, each is known as S4', () => {
  const seen: FailureSeen[] = [];
  runSuite({
    suite: SUITES.dax, model: modelFactory, sut: createImplFactory(['s4-sized-create-dynamic']), seed: 3, numRuns: 300, maxCommands: 60,
    seenBefore: (f) => {
      seen.push(f);
      return 'counted';
    },
  });
  assert.ok(seen.length > 10, `${seen.length} failures met`);
  for (const f of seen) {
    assert.is(f.commands.length, f.failure.step + 1, f.failure.call);
    assert.ok(f.failure.call.startsWith(`${f.commands[f.failure.step]!.op}(`), `${f.failure.call} is the last command, ${f.commands.at(-1)!.op}`);
  }
  assert.equal(seen.filter((f) => knownOfSeen(f)?.id !== 'S4').map((f) => f.failure.call), []);
});

test.run();
