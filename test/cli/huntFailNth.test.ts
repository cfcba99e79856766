/**
 * `daxcheck hunt --fail-nth`: the flag selects the DAX suites' fail-nth variant; the tree
 * suite's only on a port (the implementation's tree allocates nothing of its own), else it
 * is refused with one line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHuntOptions } from '../../cli/hunt/options.ts';
import { UsageError } from '../../campaign/usageError.ts';

test('--fail-nth hunts the DAX suites only (the tree suite has no failNth step)', () => {
  const o = parseHuntOptions(['--fail-nth']);
  assert.ok(o.failNth);
  assert.equal(o.targets.map((t) => t.suite), ['dax']);
  assert.not.ok(parseHuntOptions([]).failNth);
  assert.equal(parseHuntOptions([]).targets.map((t) => t.suite), ['tree', 'dax']);
});

test('--fail-nth --suite tree is a usage error on the implementation (no allocation sites), and hunts the tree suite on a port', () => {
  assert.throws(() => parseHuntOptions(['--fail-nth', '--suite', 'tree']), (e: unknown) => e instanceof UsageError && /--fail-nth --suite tree needs a port with the failnth capability/.test(e.message));
  const o = parseHuntOptions(['--fail-nth', '--suite', 'tree', '--sut-exec', 'ports/c/build/daxcheck-port']);
  assert.equal(o.targets.map((t) => t.suite), ['tree']);
});

test.run();
