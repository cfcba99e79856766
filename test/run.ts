/**
 * Runs the uvu test files under test/ (all of them, or those whose path contains one of
 * the words given as arguments) and ends with the plain line "N passed, N failed".
 *
 *   node --import tsx test/run.ts            every test file
 *   node --import tsx test/run.ts model impl only files whose path contains "model" or "impl"
 *   node --import tsx test/run.ts --skip ciGate   every file except those whose path contains "ciGate"
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname);

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const args = process.argv.slice(2);
const skipped = args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a] : []));
const words = args.filter((a, i) => a !== '--skip' && args[i - 1] !== '--skip');
const files = findTests(root).filter((f) => {
  const path = relative(root, f);
  return (words.length === 0 || words.some((w) => path.includes(w))) && !skipped.some((w) => path.includes(w));
});
if (files.length === 0) {
  console.error(`test/run.ts: no test file under test/ matches ${words.join(' ') || '*.test.ts'}`);
  process.exit(2);
}

// Count what uvu reports: it writes "Total: N" and "Passed: N" at the end of exec().
let total = 0;
let passed = 0;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  // eslint-disable-next-line no-control-regex
  const text = String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
  const t = /Total:\s+(\d+)/.exec(text);
  if (t) total = Number(t[1]);
  const p = /Passed:\s+(\d+)/.exec(text);
  if (p) passed = Number(p[1]);
  return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

(globalThis as Record<string, unknown>).UVU_DEFER = 1;
const uvu = await import('uvu');
const queue = (globalThis as unknown as { UVU_QUEUE: unknown[][] }).UVU_QUEUE;
let index = 0;
for (const file of files) {
  (globalThis as Record<string, unknown>).UVU_INDEX = index++;
  queue.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}
await uvu.exec(false);
process.stdout.write = write;
console.log(`${passed} passed, ${total - passed} failed`);
