/**
 * test/run.ts --jobs N: the test files run N at a time, each in a child process of its
 * own (`test/run.ts --file PATH`), longest first as far as known. A file's output is kept
 * and printed whole when its process ends, never interleaved with another's; its last
 * line ("N passed, N failed, N skipped") is summed into the run's; a process that ended
 * without that line (a crash, a throw at import, a signal) counts as one failed test,
 * its output printed. On SIGINT or SIGTERM every child's process group is ended
 * (SIGTERM, then SIGKILL after a grace), and the run exits with 130.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** What a run of files adds up to, and each file's time in its process (ms, loading included). */
export interface JobsOutcome {
  passed: number;
  failed: number;
  skipped: number;
  fileMs: Map<string, number>;
}

/** How long children have to exit after SIGTERM before their groups get SIGKILL. */
const KILL_GRACE_MS = 2000;
const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m;

/** A child's text: its own time line and summary dropped (the run prints its own), a crash said once. */
function report(file: string, text: string, code: number | null, signal: string | null, ms: number): { text: string; counts: [number, number, number] } {
  const m = SUMMARY.exec(text);
  const body = text.replace(/^time: .*\n?/m, '').replace(SUMMARY, '').trimEnd();
  if (m === null || (code !== 0 && Number(m[2]) === 0)) {
    const why = signal !== null ? `killed by ${signal}` : `exit ${code}`;
    return { text: `${body}\n${file}: ended without passing (${why}): counted as 1 failed test\n`, counts: [m === null ? 0 : Number(m[1]), 1, m === null ? 0 : Number(m[3])] };
  }
  return { text: `${body}\n${file}: ${m[0]} (${(ms / 1000).toFixed(1)} s)\n`, counts: [Number(m[1]), Number(m[2]), Number(m[3])] };
}

/**
 * Runs files (absolute paths under root) jobs at a time through runner (test/run.ts),
 * printing each file's output whole as it ends; resolves with the sums. order: the
 * files' expected cost, highest first (unknown ones keep their order, after the known).
 */
export async function runJobs(files: readonly string[], jobs: number, root: string, runner: string, weight: (path: string) => number): Promise<JobsOutcome> {
  const queue = [...files].sort((a, b) => weight(relative(root, b)) - weight(relative(root, a)));
  const outcome: JobsOutcome = { passed: 0, failed: 0, skipped: 0, fileMs: new Map() };
  const running = new Set<ChildProcess>();
  const env = { ...process.env };
  delete env.DAXCHECK_TEST_TIMES; // the run keeps the times, not each file's process
  const stop = (signal: NodeJS.Signals) => {
    for (const c of running) if (c.pid !== undefined) killGroup(c.pid, 'SIGTERM');
    const hard = setTimeout(() => {
      for (const c of running) if (c.pid !== undefined) killGroup(c.pid, 'SIGKILL');
      process.exit(130);
    }, KILL_GRACE_MS);
    hard.unref();
    let left = running.size;
    if (left === 0) process.exit(130);
    for (const c of running) c.once('exit', () => {
      if (--left === 0) process.exit(130);
    });
    process.stderr.write(`test/run.ts: ${signal}: stopping ${running.size} test process(es)\n`);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  const one = (file: string) => new Promise<void>((done) => {
    const rel = relative(root, file);
    const started = performance.now();
    // its own process group, so that ending it ends what it started
    const child = spawn(process.execPath, ['--import', 'tsx', runner, '--file', rel], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let text = '';
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8'); // a character split between two reads stays whole
      stream.on('data', (d: string) => { text += d; });
    }
    child.on('close', (code, signal) => {
      running.delete(child);
      const ms = performance.now() - started;
      outcome.fileMs.set(rel, ms);
      const r = report(rel, text, code, signal, ms);
      outcome.passed += r.counts[0];
      outcome.failed += r.counts[1];
      outcome.skipped += r.counts[2];
      process.stdout.write(r.text);
      if (process.env.DAXCHECK_TEST_TIMES) writeFileSync(process.env.DAXCHECK_TEST_TIMES, JSON.stringify(Object.fromEntries(outcome.fileMs), null, 1));
      done();
    });
  });
  const lane = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await one(file);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, lane));
  return outcome;
}

/** Sends signal to the process group led by pid (nothing if it is gone). */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
