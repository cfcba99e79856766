import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DaxSut, ResourceTreeSut, SutFactory } from '../../sut/interface.ts';
import {
  daxSnapshotText, jsonString, parseDaxSnapshot, parseTreeSnapshot, SnapshotShapeError, treeSnapshotText,
} from '../../protocol/snapshotText.ts';
import { decodeStringToken, stringToken, u64Token } from '../../protocol/protocol.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { U64_MAX } from '../../sut/u64.ts';

/** The model, whose every snapshot goes through the canonical text and back (and must serialize to the same text again). */
const throughText: SutFactory = {
  name: 'model-through-text',
  createTree: () => {
    const t = modelFactory.createTree();
    return Object.assign(Object.create(Object.getPrototypeOf(t)), t, {
      observe: () => {
        const text = treeSnapshotText(t.observe());
        const back = parseTreeSnapshot(text);
        if (treeSnapshotText(back) !== text) throw new Error('tree text not stable');
        return back;
      },
    }) as ResourceTreeSut;
  },
  createDax: () => {
    const d = modelFactory.createDax();
    return Object.assign(Object.create(Object.getPrototypeOf(d)), d, {
      observe: () => {
        const text = daxSnapshotText(d.observe());
        const back = parseDaxSnapshot(text);
        if (daxSnapshotText(back) !== text) throw new Error('dax text not stable');
        return back;
      },
    }) as DaxSut;
  },
};

test('model snapshots of 300 tree runs and 300 DAX runs serialize to canonical text and parse back equal', () => {
  for (const suite of [treeSuite, daxSuite]) {
    const o = runSuite({ suite, model: modelFactory, sut: throughText, seed: 5, numRuns: 300, maxCommands: 60, minimizeReplays: 0 });
    assert.is(o.counterexample?.failure.message ?? null, null);
  }
});

const region = `{"id":0,"kind":"dynamic","destroyed":false,"start":"0x0","sizeBytes":"0x400000","align":"0x200000","availBytes":AVAIL,"resource":{"start":"0x0","end":"0x3fffff","name":"region0","busy":false,"children":[]},"extents":[],"devices":[],"badReleases":0}`;

function shapeError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.instance(e, SnapshotShapeError);
    return (e as Error).message;
  }
  throw new Error('no SnapshotShapeError');
}

test('the canonical text: keys in interface order, u64 as "0x…" strings, no whitespace', () => {
  const text = `{"regions":[${region.replace('AVAIL', '"0x200000"')}]}`;
  const snap = parseDaxSnapshot(text);
  assert.is(snap.regions[0]!.availBytes, 0x200000n);
  assert.is(daxSnapshotText(snap), text);
  assert.is(treeSnapshotText({ roots: [{ id: 0, start: 0n, end: U64_MAX, name: 'a"b\\c\n', busy: true, children: [] }] }),
    '{"roots":[{"id":0,"start":"0x0","end":"0xffffffffffffffff","name":"a\\"b\\\\c\\u000a","busy":true,"children":[]}]}');
});

test('a malformed snapshot names the path of the first bad field', () => {
  assert.is(shapeError(() => parseDaxSnapshot(`{"regions":[${region.replace('AVAIL', '12')}]}`)), 'regions[0].availBytes: expected u64 hex string, got 12');
  assert.is(shapeError(() => parseDaxSnapshot(`{"regions":[${region.replace('AVAIL', '"0x0200000"')}]}`)), 'regions[0].availBytes: expected u64 hex string, got "0x0200000"');
  assert.is(shapeError(() => parseDaxSnapshot(`{"regions":[${region.replace('AVAIL', '"0x1ffffffffffffffff"')}]}`)), 'regions[0].availBytes: expected u64 hex string, got "0x1ffffffffffffffff"');
  assert.is(shapeError(() => parseDaxSnapshot(`{"regions":[${region.replace('AVAIL', '"0x2"').replace('"badReleases":0', '"badReleases":0,"x":1')}]}`)), 'regions[0]: expected only the keys id,kind,destroyed,start,sizeBytes,align,availBytes,resource,extents,devices,badReleases, got "key \\"x\\""');
  assert.is(shapeError(() => parseTreeSnapshot('{"roots":[{"id":0,"start":"0x0","end":"0x1","name":"a","busy":true}]}')), 'roots[0].children: expected array, got nothing');
  assert.is(shapeError(() => parseTreeSnapshot('{"roots":[{"id":0,"start":"0x0","end":"0x1","name":"a","busy":"yes","children":[]}]}')), 'roots[0].busy: expected boolean, got "yes"');
  assert.match(shapeError(() => parseTreeSnapshot('{"roots":[')), /^snapshot: expected JSON, got/);
  assert.is(shapeError(() => daxSnapshotText({ regions: [{ id: 0, availBytes: 12 }] } as never)), 'regions[0].kind: expected "contiguous" or "dynamic", got nothing');
  assert.is(shapeError(() => treeSnapshotText({ roots: [{ id: 0, start: 0n, end: 12, name: 'a', busy: true, children: [] }] } as never)), 'roots[0].end: expected u64 bigint, got 12');
});

test('request tokens: u64 in lowercase hex, strings percent-encoded (UTF-8, ~ for empty) and decoded back', () => {
  assert.is(u64Token(0n), '0x0');
  assert.is(u64Token(0x200000n), '0x200000');
  assert.is(u64Token(U64_MAX), '0xffffffffffffffff');
  assert.throws(() => u64Token(-1n), /not a u64/);
  assert.throws(() => u64Token(U64_MAX + 1n), /not a u64/);
  assert.is(stringToken(''), '~');
  assert.is(stringToken('a.b_c-D9'), 'a.b_c-D9');
  assert.is(stringToken('a b%~'), 'a%20b%25%7E');
  assert.is(stringToken('é'), '%C3%A9');
  for (const s of ['', '~', 'a b', 'x%41', 'é€😀', 'tab\there', '"quoted"\\']) assert.is(decodeStringToken(stringToken(s)), s);
  assert.is(jsonString('plain'), '"plain"');
});

test.run();
