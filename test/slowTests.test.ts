import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SLOW_TEST_SECONDS, SLOW_TESTS } from './slowTests.ts';

test('every slow test file exists (a renamed file would silently leave both npm test and npm run test:slow)', () => {
  for (const f of SLOW_TESTS) assert.ok(existsSync(join(import.meta.dirname, f)), `test/${f} is missing`);
  assert.is(new Set(SLOW_TESTS).size, SLOW_TESTS.length, 'no file listed twice');
});

test('every file with a measured time (the order of --jobs) is a slow test file', () => {
  for (const f of Object.keys(SLOW_TEST_SECONDS)) assert.ok(SLOW_TESTS.includes(f), `${f} has a time but is not in SLOW_TESTS`);
});

test('package.json: npm test leaves the slow files out, test:slow runs them, and .ci/run runs both', async () => {
  const { readFileSync } = await import('node:fs');
  const root = join(import.meta.dirname, '..');
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  assert.match(scripts['test:unit']!, /test\/run\.ts --fast/);
  assert.match(scripts['test:slow']!, /test\/run\.ts --slow --jobs 2$/);
  const ci = readFileSync(join(root, '.ci/run'), 'utf8').split('\n').filter((l) => !l.startsWith('#'));
  assert.ok(ci.includes('npm test') && ci.includes('npm run test:slow'), '.ci/run runs npm test and npm run test:slow');
});

test.run();
