/**
 * The shapes of results and snapshots (properties/snapshotShape.ts): what the model
 * returns is well-formed; a misshapen one is named by path and expected type; the runner
 * turns a port's misshapen answer into a sut-malformed counterexample.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { daxSnapshotProblem, resultProblem, treeSnapshotProblem } from '../../properties/snapshotShape.ts';
import type { DaxSut, SutFactory } from '../../sut/interface.ts';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';

const S1 = SHORTEST_TRIGGERS['s1-shrink-adjusts-extent'].commands;

function modelDax() {
  const dax = modelFactory.createDax();
  for (const c of S1) daxSuite.call(dax, daxSuite.resolve(c, dax.observe())!);
  return dax.observe();
}

test('well-formed: the model\'s snapshots and results have no problem', () => {
  assert.is(daxSnapshotProblem(modelDax()), null);
  const tree = modelFactory.createTree();
  tree.addRoot(0n, 0xffffn, 'r');
  tree.requestRegion(0, 0x10n, 0x10n, 'a');
  assert.is(treeSnapshotProblem(tree.observe()), null);
  for (const r of [{ ok: true }, { ok: true, id: 3 }, { ok: false, errno: 'ENOSPC' }, { ok: false, errno: 'EBUSY', conflict: 0 }]) assert.is(resultProblem(r), null);
});

test('a misshapen snapshot is named by its path and the expected type', () => {
  const snap = modelDax() as unknown as { regions: Record<string, unknown>[] };
  snap.regions[0]!.availBytes = 12;
  assert.is(daxSnapshotProblem(snap), 'regions[0].availBytes: expected bigint, got number');
  const extents = modelDax() as unknown as { regions: { extents: unknown }[] };
  extents.regions[0]!.extents = 'none';
  assert.is(daxSnapshotProblem(extents), 'regions[0].extents: expected an array, got "none"');
  assert.is(treeSnapshotProblem({ roots: [{ id: 0, start: 0n, end: 1n, name: 'r', busy: 'no', children: [] }] }), 'roots[0].busy: expected boolean, got "no"');
});

test('a misshapen result is named: a bare errno, an unknown errno, a fractional id', () => {
  assert.match(resultProblem('ENOSPC')!, /^result: expected \{ok: true, id\?\} or \{ok: false, errno\}, got "ENOSPC"/);
  assert.match(resultProblem({ ok: false, errno: 'EAGAIN' })!, /^result\.errno: expected one of EINVAL, .*, got "EAGAIN"/);
  assert.is(resultProblem({ ok: true, id: 1.5 }), 'result.id: expected an integer, got number');
});

/** The implementation, with observe() or one result bent out of shape by bend. */
function bent(bend: (dax: DaxSut) => void): SutFactory {
  return { name: 'bent', createTree: () => implFactory.createTree(), createDax: () => {
    const dax = implFactory.createDax();
    bend(dax);
    return dax;
  } };
}

test('the runner reports a port whose observe() returns a number for a bigint as sut-malformed, naming the field', () => {
  const port = bent((dax) => {
    const observe = dax.observe.bind(dax);
    dax.observe = () => {
      const s = observe();
      return { regions: s.regions.map((r) => ({ ...r, availBytes: Number(r.availBytes) as unknown as bigint })) };
    };
  });
  const out = replayCommands(daxSuite, modelFactory, port, S1, false);
  assert.is(out.failure?.kind, 'sut-malformed');
  assert.match(out.failure!.detail, 'regions[0].availBytes: expected bigint, got number');
  assert.is(out.failure!.step, 0);
});

test('the runner reports a bare errno string as a result as sut-malformed, not as a result mismatch', () => {
  const port = bent((dax) => {
    const resize = dax.resize.bind(dax);
    dax.resize = (r, d, s) => {
      const res = resize(r, d, s);
      return (res.ok ? res : res.errno) as never;
    };
  });
  const out = replayCommands(daxSuite, modelFactory, port, [...S1, { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 1n << 50n }], false);
  assert.is(out.failure?.kind, 'sut-malformed');
  assert.match(out.failure!.detail, /^result: expected/);
});

test.run();
