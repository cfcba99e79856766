/** PROTOCOL.md's list of operation requests is the one derived from the declared arguments (protocol/requestDoc.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BEGIN_MARK, END_MARK, requestDoc, requestUsage, withRequestDoc } from '../../protocol/requestDoc.ts';
import { address, count, device, flag, list, oneOf, record, region, size, string } from '../../sut/arguments.ts';
import { DAX_ARGS, TREE_ARGS } from '../../sut/interface.ts';

const PROTOCOL = readFileSync(join(import.meta.dirname, '../../PROTOCOL.md'), 'utf8');

test('PROTOCOL.md holds the derived list of requests (npm run protocol-doc rewrites it)', () => {
  assert.ok(PROTOCOL.includes(BEGIN_MARK) && PROTOCOL.includes(END_MARK), 'the markers are there');
  assert.is(withRequestDoc(PROTOCOL), PROTOCOL);
});

test('the list has a line per declared operation but failNth (a capability, in the table above it)', () => {
  const lines = requestDoc().split('\n').filter((l) => l !== '');
  assert.equal(lines.map((l) => l.trim().split(' ')[0]), [...Object.keys(TREE_ARGS), ...Object.keys(DAX_ARGS)].filter((m) => m !== 'failNth'));
  assert.ok(lines.includes('    resize R D SIZE'));
});

test('a line is the name, a placeholder per token and the words of enumerated arguments; a declaration changed changes it', () => {
  assert.is(requestUsage('claim', [region('region'), device('device'), string('tag')]), '    claim R D TAG');
  assert.is(
    requestUsage('releaseTagGroup', [region('region'), string('tag'), flag('forced'), address('offset')]),
    '    releaseTagGroup R TAG FORCED OFFSET        FORCED 0|1',
  );
  assert.is(
    requestUsage('addTagGroup', [region('region'), record('group', [string('tag'), list('extents', [address('offset'), size('length')]), count('seqBase')])]),
    '    addTagGroup R TAG OFFSET:LENGTH[,OFFSET:LENGTH...] SEQBASE',
  );
  assert.is(requestUsage('pick', [oneOf('mode', ['a', 'b'])]), '    pick MODE                                  MODE a|b');
  const text = withRequestDoc(PROTOCOL.replace('    resize R D SIZE\n', '    resize R D\n'));
  assert.is(text, PROTOCOL, 'a hand edit is put back');
  assert.is.not(requestUsage('resize', [region('region'), device('device'), size('sizeBytes')]), '    resize R D');
});

test('a text without the markers is refused with their names', () => {
  assert.throws(() => withRequestDoc('no markers'), /operations: derived/);
});

test.run();
