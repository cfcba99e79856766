/**
 * Runs the uvu test files under test/ (all of them, or those whose path contains one of
 * the words given as arguments) and ends with the plain line "N passed, N failed, N
 * skipped". A test that cannot run here (no kernel tree in the environment) prints a line
 * starting "skipped: " and is counted as skipped, not passed.
 *
 * Every temporary folder the tests make (os.tmpdir(), in this process and in the
 * processes they start) goes under one folder of this run, removed when it ends, also
 * after a failure or Ctrl-C. DAXCHECK_TEST_SHARED_TMPDIR keeps the real one, for what is
 * meant to outlive a run (the unpacked browser). DAXCHECK_TEST_ROOT: another folder of
 * tests (test/run.test.ts's fixtures); folders named "fixtures" are not searched.
 *
 *   node --import tsx test/run.ts            every test file
 *   node --import tsx test/run.ts model impl only files whose path contains "model" or "impl"
 *   node --import tsx test/run.ts --skip ciGate   every file except those whose path contains "ciGate"
 *   node --import tsx test/run.ts --fast     every file but the slow ones (test/slowTests.ts)
 *   node --import tsx test/run.ts --slow     only the slow ones (npm run test:slow)
 *   node --import tsx test/run.ts --jobs 2   two files at a time, each in a process of its own (test/jobs.ts)
 *   node --import tsx test/run.ts --file P   exactly the file P (a path under test/; what --jobs runs)
 *
 * Before that line it prints the run's time and the slowest files (their tests' time, loading apart);
 * DAXCHECK_TEST_TIMES=FILE keeps every file's time there as JSON (written as each file ends).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runJobs } from './jobs.ts';
import { SLOW_TESTS, slowTestWeight } from './slowTests.ts';

const root = resolve(process.env.DAXCHECK_TEST_ROOT ?? import.meta.dirname);

// One temporary folder for the whole run (children inherit TMPDIR), removed at the end.
const sharedTmp = process.env.DAXCHECK_TEST_SHARED_TMPDIR ?? tmpdir();
const runTmp = mkdtempSync(join(sharedTmp, 'daxcheck-tests-'));
process.env.DAXCHECK_TEST_SHARED_TMPDIR = sharedTmp;
process.env.TMPDIR = runTmp;
// tsx keeps its compile cache in os.tmpdir()/tsx-<uid>: the processes the tests start
// share the real one (through a link, which the removal below does not follow) rather
// than each compiling every source again into an empty one.
const tsxCache = `tsx-${process.geteuid?.() ?? 0}`;
mkdirSync(join(sharedTmp, tsxCache), { recursive: true });
symlinkSync(join(sharedTmp, tsxCache), join(runTmp, tsxCache));
const removeRunTmp = () => rmSync(runTmp, { recursive: true, force: true });
process.on('exit', removeRunTmp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeRunTmp();
    process.exit(130);
  });
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'fixtures') found.push(...findTests(path));
    }
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const started = performance.now();
const args = process.argv.slice(2);
const valued = new Set(['--skip', '--jobs', '--file']);
const valueOf = (flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
const skippedWords = valueOf('--skip');
const slowOnly = args.includes('--slow');
const fastOnly = args.includes('--fast');
const jobsText = valueOf('--jobs').at(-1) ?? '1';
const jobs = Number(jobsText);
if (!Number.isSafeInteger(jobs) || jobs < 1) {
  console.error(`test/run.ts: --jobs ${jobsText}: expected a whole number of processes, 1 or more`);
  process.exit(2);
}
const exact = valueOf('--file');
const words = args.filter((a, i) => !valued.has(a) && !valued.has(args[i - 1]!) && a !== '--slow' && a !== '--fast');
const slow = new Set<string>(SLOW_TESTS);
const files = findTests(root).filter((f) => {
  const path = relative(root, f);
  if (exact.length > 0) return exact.includes(path);
  if ((slowOnly && !slow.has(path)) || (fastOnly && slow.has(path))) return false;
  return (words.length === 0 || words.some((w) => path.includes(w))) && !skippedWords.some((w) => path.includes(w));
});
if (files.length === 0) {
  console.error(`test/run.ts: no test file under test/ matches ${exact.length > 0 ? `--file ${exact.join(' ')}` : words.join(' ') || '*.test.ts'}`);
  process.exit(2);
}

if (jobs > 1 && files.length > 1) {
  const r = await runJobs(files, jobs, root, import.meta.filename, slowTestWeight);
  const slowest = [...r.fileMs].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`);
  console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s with ${jobs} jobs; slowest files (each in its own process, loading included): ${slowest.join(', ')}`);
  console.log(`${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  process.exit(r.failed > 0 ? 1 : 0);
}

// Count what uvu reports: it writes "Total: N" and "Passed: N" at the end of exec(); its
// "Skipped: N" counts only test.skip, so it is replaced by the tests that said "skipped: ".
let total = 0;
let passed = 0;
let skipped = 0;
const log = console.log;
console.log = (...a: unknown[]) => {
  if (typeof a[0] === 'string' && a[0].startsWith('skipped: ')) skipped += 1;
  log(...a);
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  // eslint-disable-next-line no-control-regex
  const text = String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
  const t = /Total:\s+(\d+)/.exec(text);
  if (t) total = Number(t[1]);
  const p = /Passed:\s+(\d+)/.exec(text);
  if (p) {
    passed = Number(p[1]);
    return (write as (...a: unknown[]) => boolean)(text.replace(/Passed:\s+\d+/, `Passed:    ${passed - skipped}`), ...rest);
  }
  if (/Skipped:\s+\d+/.test(text)) return (write as (...a: unknown[]) => boolean)(text.replace(/Skipped:\s+\d+/, `Skipped:   ${skipped}`), ...rest);
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
// Each file's tests timed: uvu runs a file's suites in the order its queue entry lists them.
const fileMs = new Map<string, number>();
for (const group of queue) {
  const name = group[0] as string;
  for (let i = 1; i < group.length; i++) {
    const suite = group[i] as () => Promise<unknown>;
    group[i] = async () => {
      const t0 = performance.now();
      try {
        return await suite();
      } finally {
        fileMs.set(name, (fileMs.get(name) ?? 0) + performance.now() - t0);
        if (process.env.DAXCHECK_TEST_TIMES) writeFileSync(process.env.DAXCHECK_TEST_TIMES, JSON.stringify(Object.fromEntries(fileMs), null, 1));
      }
    };
  }
}
await uvu.exec(false);
process.stdout.write = write;
console.log = log;
const slowest = [...fileMs].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s; slowest files: ${slowest.join(', ')}`);
console.log(`${passed - skipped} passed, ${total - passed} failed, ${skipped} skipped`);
