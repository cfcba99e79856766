/** One file per failure, the shortest, whichever worker found it and in whatever order. */
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HuntFindings } from '../../../campaign/hunt/findings.ts';
import { record, S1, s1Padded, s1Trigger, tempDir } from '../../properties/counterexamples.ts';

test('the same failure offered long, then short, then long again leaves one file: the shortest', () => {
  const dir = tempDir();
  const findings = new HuntFindings(dir);
  const long = record('dax', S1, s1Padded());
  const short = record('dax', S1, s1Trigger());
  assert.ok(findings.offer(0, long).saved);
  const second = findings.offer(0, short);
  assert.ok(second.saved && second.replaced === long.id);
  assert.not.ok(findings.offer(0, record('dax', S1, s1Padded())).saved);
  assert.equal(readdirSync(dir), [`${short.id}.json`]);
});

test('a file that was in --out before the hunt is not removed when a shorter one of the same failure comes', () => {
  const dir = tempDir();
  const long = record('dax', S1, s1Padded());
  new HuntFindings(dir).offer(0, long); // an earlier hunt
  const findings = new HuntFindings(dir);
  assert.ok(findings.offer(0, long).saved);
  findings.offer(0, record('dax', S1, s1Trigger()));
  assert.ok(existsSync(`${dir}/${long.id}.json`));
});

test.run();
