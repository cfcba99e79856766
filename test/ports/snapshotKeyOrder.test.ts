/**
 * The C and Python writers emit every snapshot record's keys in the order of the schema
 * (sut/snapshotSchema.ts, the one TypeScript place that declares it): the C port's
 * snapshot writers (ports/shared/snapshot.c, which the kernel harness links too) for
 * the tree and DAX suites, ports/c/dcd-snapshot.c for the DCD suite, and the Python port's for the tree suite. Each port is driven into a
 * state with every record of its suite at least once, and each record of its `snap`
 * answers is compared with snapshotKeys(record).
 */
import { execFileSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nestedRecord, snapshotKeys, type RecordName } from '../../sut/snapshotSchema.ts';
import { buildCPort, C_PORT, PYTHON_PORT } from './cport.ts';

buildCPort();

/** A state with every tree record: two roots, a busy child under a child. */
const TREE_REQUESTS = [
  'new tree', 'addRoot 0x0 0xffff r0', 'addRoot 0x100000 0x1fffff r1',
  'requestResource 0 0x10 0x7ff a', 'requestRegion 1 0x100000 0x10 b', 'requestRegion 0 0x20 0x10 c', 'observe',
];

/** A state with every DAX record: a dynamic region with an extent and a device range in it, a contiguous one, a destroyed one. */
const DAX_REQUESTS = [
  'new dax', 'createRegion dynamic 0x0 0x40000000 0x200000 empty', 'addExtent 0 0x0 0x400000 tag',
  'createDevice 0 0x0', 'resize 0 1 0x200000', 'createRegion contiguous 0x40000000 0x40000000 0x200000 whole',
  'createRegion contiguous 0x80000000 0x40000000 0x200000 empty', 'destroyRegion 2', 'observe',
];

/** The JSON of every `snap` answer of a port given these requests. */
function snapshots(command: readonly string[], requests: readonly string[]): unknown[] {
  const input = ['daxcheck 1', ...requests, 'quit', ''].join('\n');
  const out = execFileSync(command[0]!, command.slice(1), { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.split('\n').filter((l) => l.startsWith('snap ')).map((l) => JSON.parse(l.slice(5)) as unknown);
}

/** Where a value's records have keys out of the schema's order ("path: got …, schema …"), and the records seen. */
function keyOrderProblems(value: unknown, record: RecordName, path: string, seen: Set<RecordName>): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path || record}: not an object`];
  seen.add(record);
  const obj = value as Record<string, unknown>;
  const got = Object.keys(obj);
  const want = snapshotKeys(record);
  const out = got.join(',') === want.join(',') ? [] : [`${path || record}: keys ${got.join(',')}, schema ${want.join(',')}`];
  for (const key of want) {
    const inner = nestedRecord(record, key);
    if (inner === null || !(key in obj)) continue;
    const v = obj[key];
    if (Array.isArray(v)) v.forEach((item, i) => out.push(...keyOrderProblems(item, inner, `${path}${path ? '.' : ''}${key}[${i}]`, seen)));
    else out.push(...keyOrderProblems(v, inner, `${path}${path ? '.' : ''}${key}`, seen));
  }
  return out;
}

/** The problems of every snapshot, and which records they held. */
function check(snaps: unknown[], top: RecordName): { problems: string[]; seen: Set<RecordName> } {
  const seen = new Set<RecordName>();
  return { problems: snaps.flatMap((s) => keyOrderProblems(s, top, '', seen)), seen };
}

/** A state with every DCD record: a DC region, a claimed untagged resource, a refused (pending) release. */
const DCD_REQUESTS = [
  'new dcd v11', 'createRegion 0x40000000 0x4000000 0x200000', 'addTagGroup 0 0 0x0:0x200000 0', 'claim 0 0 0',
  'releaseTagGroup 0 0 0 0x0', 'observe',
];

const TREE_RECORDS: RecordName[] = ['treeSnapshot', 'treeNode'];
const DAX_RECORDS: RecordName[] = ['daxSnapshot', 'region', 'resNode', 'extent', 'device', 'range'];
const DCD_RECORDS: RecordName[] = ['dcdSnapshot', 'dcdRegion', 'dcdResource', 'dcdDevice', 'dcdRange'];

test('the C port writes every tree and DAX record\'s keys in the schema\'s order (ports/shared/snapshot.c)', () => {
  const tree = check(snapshots([C_PORT], TREE_REQUESTS), 'treeSnapshot');
  assert.equal(tree.problems, []);
  assert.equal([...tree.seen].sort(), [...TREE_RECORDS].sort(), 'every tree record was written');
  const dax = check(snapshots([C_PORT], DAX_REQUESTS), 'daxSnapshot');
  assert.equal(dax.problems, []);
  assert.equal([...dax.seen].sort(), [...DAX_RECORDS].sort(), 'every DAX record was written');
});

test('the C port writes every DCD record\'s keys in the schema\'s order (ports/c/dcd-snapshot.c)', () => {
  const snaps = snapshots([C_PORT], DCD_REQUESTS);
  assert.match(JSON.stringify(snaps), /"pending":\["0@0x0"\]/, 'the state holds a pending release');
  const dcd = check(snaps, 'dcdSnapshot');
  assert.equal(dcd.problems, []);
  assert.equal([...dcd.seen].sort(), [...DCD_RECORDS].sort(), 'every DCD record was written');
});

test('the Python port writes every tree record\'s keys in the schema\'s order', () => {
  const tree = check(snapshots(PYTHON_PORT, TREE_REQUESTS), 'treeSnapshot');
  assert.equal(tree.problems, []);
  assert.equal([...tree.seen].sort(), [...TREE_RECORDS].sort(), 'every tree record was written');
});

test('a record with two keys swapped, a key missing or one added is named with its path', () => {
  const [snap] = snapshots([C_PORT], DAX_REQUESTS);
  const text = JSON.stringify(snap);
  const swapped = JSON.parse(text.replace('"pgoff":"0x0","extent":0', '"extent":0,"pgoff":"0x0"')) as unknown;
  assert.equal(check([swapped], 'daxSnapshot').problems, ['regions[0].devices[1].ranges[0]: keys start,end,extent,pgoff, schema start,end,pgoff,extent']);
  const missing = JSON.parse(text.replace(',"badReleases":0', '')) as unknown;
  assert.match(check([missing], 'daxSnapshot').problems.join('\n'), /^regions\[0\]: keys id,kind,.*,devices, schema id,kind,.*,badReleases/);
  const added = JSON.parse(text.replace('"label":"tag"', '"label":"tag","tag":"x"')) as unknown;
  assert.match(check([added], 'daxSnapshot').problems.join('\n'), /^regions\[0\]\.extents\[0\]: keys .*label,tag,visible/);
});

test.run();
