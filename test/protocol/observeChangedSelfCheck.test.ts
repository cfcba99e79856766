/**
 * `observe changed` and the self-check together (PROTOCOL.md "Unchanged snapshots", "The
 * self-check"): a batch step is the operation, `observe changed`, `check`; a `check`
 * between two observes does not change what `same` stands for; step by step, a process
 * known to answer `observe changed` gets it too, beside `check`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planBatch } from '../../protocol/checkRun.ts';
import { PortChannel } from '../../protocol/portChannel.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { replayCommands } from '../../properties/replay.ts';
import type { AddRootCmd } from '../../properties/tree/ops/addRoot.ts';
import type { ReleaseResourceCmd } from '../../properties/tree/ops/releaseResource.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { fail, ok } from '../../sut/interface.ts';
import type { PlannedStep } from '../../sut/runCheck.ts';
import { buildCPort, C_PORT } from '../ports/cport.ts';

/** Two roots, a release of an id that is not live (refused: the snapshot does not change), a third root. */
const commands: (AddRootCmd | ReleaseResourceCmd)[] = [
  { op: 'addRoot', start: 0n, end: 0xffffn, name: 'a' },
  { op: 'addRoot', start: 0x10000n, end: 0x1ffffn, name: 'b' },
  { op: 'releaseResource', res: -1 },
  { op: 'addRoot', start: 0x20000n, end: 0x2ffffn, name: 'c' },
];

/** The request lines written to port processes while f runs. */
function sent(f: () => void): string[][] {
  const send = PortChannel.prototype.send;
  const out: string[][] = [];
  PortChannel.prototype.send = function (this: PortChannel, lines, timeoutMs) {
    out.push([...lines]);
    return send.call(this, lines, timeoutMs);
  };
  try {
    f();
  } finally {
    PortChannel.prototype.send = send;
  }
  return out;
}

test('a plan with both: operation, observe changed, check per step; same where the model text did not change, ok for every check', () => {
  const b = { roots: [{ id: 0, start: 0n, end: 0xffn, name: 'r', busy: false, children: [] }] };
  const steps: PlannedStep[] = [
    { apply: (sut) => sut.addRoot(0n, 0xffn, 'r'), result: ok(0), snapshot: b },
    { apply: (sut) => sut.addRoot(0n, 0xffn, 'r'), result: fail('EBUSY'), snapshot: b },
  ];
  const plan = planBatch('tree', steps, [], { changed: true, selfCheck: true });
  assert.equal(plan.lines, ['new tree', 'addRoot 0x0 0xff r', 'observe changed', 'check', 'addRoot 0x0 0xff r', 'observe changed', 'check']);
  assert.equal(plan.expected.map((x) => (x.startsWith('snap ') ? 'snap' : x)), ['ok', 'ok 0', 'snap', 'ok', 'err EBUSY', 'same', 'ok']);
  assert.equal([...plan.texts.keys()], [2, 5]);
  assert.ok(plan.checked.every((c, i) => c === (i === plan.checked.length - 1 || steps[i]!.result.ok)), 'a check after each successful step and after the last');
});

test('the C port announces check and answers observe changed with same across a check', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    assert.ok(port.capabilities().has('check'));
    const a = port.runBatch(['new tree', 'addRoot 0x0 0xffff a', 'observe changed', 'check', 'releaseResource 5', 'observe changed', 'check', 'observe changed', 'check']);
    assert.equal(a.map((x) => (x.startsWith('snap ') ? 'snap' : x)), ['ok', 'ok 0', 'snap', 'ok', 'err ENXIO', 'same', 'ok', 'same', 'ok']);
  } finally {
    port.close();
  }
});

test('the C port: batch mode sends observe changed and check, and agrees; step by step afterwards sends both too, and agrees', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    let batch: ReturnType<typeof replayCommands> | undefined;
    const batchLines = sent(() => {
      batch = replayCommands(treeSuite, modelFactory, port, commands, false);
    }).flat();
    assert.is(batch!.failure, null, batch!.failure?.message);
    assert.is(batchLines.filter((l) => l === 'observe changed').length >= commands.length, true);
    let stepwise: ReturnType<typeof replayCommands> | undefined;
    const stepLines = sent(() => {
      stepwise = replayCommands(treeSuite, modelFactory, port, commands, true);
    });
    assert.is(stepwise!.failure, null, stepwise!.failure?.message);
    const opExchanges = stepLines.filter((l) => /^(addRoot|releaseResource) /.test(l[0]!));
    assert.equal(opExchanges.map((l) => l.slice(1)), commands.map(() => ['observe changed', 'check']));
    assert.is(stepwise!.records.length, commands.length);
    // The batch checks after each successful step and after the last, as the in-process runner does.
    const records = stepwise!.records;
    const wanted = records.filter((r) => r.model.ok).length + (records.length > 0 && !records.at(-1)!.model.ok ? 1 : 0);
    // ...and once more after the run, on the next instance: the leak check (PROTOCOL.md "Leaks").
    assert.is(batchLines.filter((l) => l === 'check').length, wanted + 1);
    assert.equal(batchLines.slice(-2), ['new tree', 'check']);
  } finally {
    port.close();
  }
});

test.run();
