/**
 * Spawns `node cli/bin.js hunt …` from the repository root, as a user would, with its
 * --out and --reports in a fresh temporary folder; resolves with what it did.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunSummary } from '../../reporting/runSummary.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface HuntResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  dir: string;
  outDir: string;
  reportsDir: string;
}

export interface HuntRunOptions {
  /** Sends SIGINT this long after the start (or after interruptAfter matched). */
  interruptDelayMs?: number;
  /** Sends SIGINT (after interruptDelayMs) once stderr matches this. */
  interruptAfter?: RegExp;
  /** Called with the hunt's folders just before the SIGINT. */
  beforeInterrupt?: (dirs: { outDir: string; reportsDir: string }) => void;
  /** A second SIGINT this long after the first. */
  secondInterruptMs?: number;
  /** Called with the hunt's process id once it started. */
  onSpawn?: (pid: number) => void;
  /** Working directory (default: the repository). */
  cwd?: string;
}

/** Runs the hunt with args (plus --out/--reports in a temp dir), interrupting it as o says. */
export function runHunt(args: string[], o: HuntRunOptions = {}): Promise<HuntResult> {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-hunt-'));
  const outDir = join(dir, 'shrinks');
  const reportsDir = join(dir, 'reports');
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'cli/bin.js'), 'hunt', ...args, '--out', outDir, '--reports', reportsDir], { cwd: o.cwd ?? ROOT });
  if (child.pid !== undefined) o.onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  const interrupt = () => setTimeout(() => {
    o.beforeInterrupt?.({ outDir, reportsDir });
    child.kill('SIGINT');
    if (o.secondInterruptMs !== undefined) setTimeout(() => child.kill('SIGINT'), o.secondInterruptMs);
  }, o.interruptDelayMs ?? 0);
  let armed = o.interruptAfter !== undefined;
  child.stderr.on('data', (d) => {
    stderr += d;
    if (armed && o.interruptAfter!.test(stderr)) {
      armed = false;
      interrupt();
    }
  });
  if (o.interruptAfter === undefined && o.interruptDelayMs !== undefined) interrupt();
  return new Promise((done) => {
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr, ms: performance.now() - started, dir, outDir, reportsDir }));
  });
}

/** The run.json the hunt wrote. */
export function readRunJson(r: HuntResult): RunSummary {
  return JSON.parse(readFileSync(join(r.reportsDir, 'run.json'), 'utf8')) as RunSummary;
}

/** The counterexample files in the hunt's --out folder. */
export function savedFiles(r: HuntResult): string[] {
  return existsSync(r.outDir) ? readdirSync(r.outDir).filter((f) => f.endsWith('.json')).map((f) => join(r.outDir, f)) : [];
}
