/**
 * The snapshot schema written once (sut/snapshotSchema.ts): the model's snapshots follow
 * its order, and every field of every record is checked by each part derived from it:
 * the shape check (properties/snapshotShape.ts), the fast and the checked writer and the
 * parser (protocol/fastSnapshotText.ts, protocol/snapshotText.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { dcdSnapshotProblem } from '../../properties/dcd11/dcdSnapshotShape.ts';
import { daxSnapshotProblem, snapshotProblem, treeSnapshotProblem } from '../../properties/snapshotShape.ts';
import { fastDaxText, fastSnapshotText, fastTreeText } from '../../protocol/fastSnapshotText.ts';
import { daxSnapshotText, parseDaxSnapshot, parseSnapshot, parseTreeSnapshot, SnapshotShapeError, snapshotText, treeSnapshotText } from '../../protocol/snapshotText.ts';
import { DcdModel } from '../../model/dcd/dcdModel.ts';
import { nestedRecord, SNAPSHOT_SCHEMA, snapshotKeys, type RecordName } from '../../sut/snapshotSchema.ts';

/** A DAX snapshot with every record: a dynamic region with extents, a device with ranges, resources with children. */
function richDax(): unknown {
  const dax = modelFactory.createDax();
  for (const c of SHORTEST_TRIGGERS['s1-shrink-adjusts-extent'].commands) daxSuite.call(dax, daxSuite.resolve(c, dax.observe())!);
  return dax.observe();
}

/** A DcdSnapshot with every record of the v11/v10 profile (built by hand: the checks below look at shape, not meaning). */
function richDcd(): unknown {
  return {
    regions: [{
      id: 0, start: 0x100000000n, sizeBytes: 0x40000000n, align: 0x200000n,
      resources: [{ start: 0x100000000n, size: 0x200000n, tag: 'aa', seq: 0, useCount: 1 }],
      devices: [{ id: 0, name: 'dax0.0', sizeBytes: 0x200000n, mappings: 1, ranges: [{ start: 0x100000000n, end: 0x1001fffffn, pgoff: 0n }] }],
      pending: ['bb'], warnings: 0,
    }],
  };
}

function richTree(): unknown {
  const tree = modelFactory.createTree();
  tree.addRoot(0n, 0xffffn, 'root');
  tree.requestRegion(0, 0x100n, 0x10n, 'child');
  return tree.observe();
}

type Json = Record<string, unknown>;

/** Every (record, object, path) in a snapshot, walking the schema. */
function records(v: Json, record: RecordName, path: string, out: { record: RecordName; obj: Json; path: string }[] = []) {
  out.push({ record, obj: v, path });
  for (const key of snapshotKeys(record)) {
    const inner = nestedRecord(record, key);
    if (inner === null) continue;
    const child = v[key];
    const at = path === '' ? key : `${path}.${key}`;
    if (Array.isArray(child)) child.forEach((c, i) => records(c as Json, inner, `${at}[${i}]`, out));
    else records(child as Json, inner, at, out);
  }
  return out;
}

const generic = (top: RecordName) => ({
  problem: (s: unknown) => snapshotProblem(top, s), fast: (s: unknown) => fastSnapshotText(top, s),
  text: (s: unknown) => snapshotText(top, s), parse: (t: string) => parseSnapshot(top, t),
});

const TOPS = [
  { top: 'daxSnapshot' as const, snap: richDax, problem: daxSnapshotProblem, fast: fastDaxText, text: daxSnapshotText, parse: parseDaxSnapshot },
  { top: 'treeSnapshot' as const, snap: richTree, problem: treeSnapshotProblem, fast: fastTreeText, text: treeSnapshotText, parse: parseTreeSnapshot },
  { top: 'dcdSnapshot' as const, snap: richDcd, ...generic('dcdSnapshot'), problem: dcdSnapshotProblem },
];

test('the rich snapshots reach every record of the schema (a walk that misses one proves nothing about it)', () => {
  const seen = new Set(TOPS.flatMap((t) => records(t.snap() as Json, t.top, '').map((r) => r.record)));
  assert.equal([...seen].sort(), (Object.keys(SNAPSHOT_SCHEMA) as RecordName[]).sort());
});

test("the models' snapshots and the canonical text have every record's keys in the schema's order", () => {
  const dcd = new DcdModel('v11');
  dcd.createRegion(0x100000000n, 0x40000000n, 0x200000n);
  dcd.createDevice(0);
  for (const r of records(dcd.observe() as unknown as Json, 'dcdSnapshot', '')) assert.equal(Object.keys(r.obj), snapshotKeys(r.record), `dcd model ${r.path || 'dcdSnapshot'}`);
  for (const t of TOPS) {
    const snap = t.snap() as Json;
    for (const r of records(snap, t.top, '')) assert.equal(Object.keys(r.obj), snapshotKeys(r.record), `model ${r.path || t.top}`);
    const parsed = JSON.parse(t.fast(snap as never)!) as Json;
    for (const r of records(parsed, t.top, '')) assert.equal(Object.keys(r.obj), snapshotKeys(r.record), `text ${r.path || t.top}`);
  }
});

test('every field of every record is checked by the shape check, both writers and the parser, which name its path', () => {
  let fields = 0;
  for (const t of TOPS) {
    const count = records(t.snap() as Json, t.top, '').length;
    for (let i = 0; i < count; i++) {
      const { record, path } = records(t.snap() as Json, t.top, '')[i]!;
      for (const key of snapshotKeys(record)) {
        const where = path === '' ? key : `${path}.${key}`;
        const bent = t.snap() as Json; // a fresh snapshot, one field of one record bent to a value no kind accepts
        records(bent, t.top, '')[i]!.obj[key] = Symbol('bent');
        assert.ok(t.problem(bent)?.startsWith(`${where}: expected`), `shape check misses ${where}: ${t.problem(bent)}`);
        assert.is(t.fast(bent as never), null, `fast writer misses ${where}`);
        assert.throws(() => t.text(bent as never), (e: unknown) => e instanceof SnapshotShapeError && e.path === where, `writer misses ${where}`);
        const text = t.text(t.snap() as never);
        const parsed = JSON.parse(text) as Json;
        records(parsed, t.top, '')[i]!.obj[key] = { bent: true };
        assert.throws(() => t.parse(JSON.stringify(parsed)), (e: unknown) => e instanceof SnapshotShapeError && e.path.startsWith(where), `parser misses ${where}`);
        fields += 1;
      }
    }
  }
  assert.ok(fields > 40, `${fields} fields bent`);
});

test('the parser gives back the snapshot the writers wrote, keys in order', () => {
  for (const t of TOPS) {
    const snap = t.snap();
    const text = t.text(snap as never);
    assert.equal(t.parse(text), snap);
    assert.is(t.text(t.parse(text) as never), text);
    assert.is(t.fast(snap as never), text);
  }
});

test.run();
