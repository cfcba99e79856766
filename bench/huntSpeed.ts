/**
 * Hunt speed where users wait (issue 23): real `daxcheck` hunts, each a child process
 * with one worker, their figures read from the run.json they write.
 * - kernel / C port: `daxcheck kernel --suite dax-contiguous` on the tree
 *   $DAXCHECK_KERNEL_SRC against `daxcheck hunt --sut-exec` of the C port on the same
 *   suite, in pairs taken one after the other, the median of the pairs' ratios of
 *   commands/s (goal >= 50%); and the dynamic suite (`--suite dax`) on the RFC v2 DCD tree
 *   $DAXCHECK_DCD_SRC against the C port's. Without the variables: skipped, and said so.
 *   The DCD hunt is longer (dcdSeconds) and its figure is the rate of its last
 *   tailSeconds (read from its progress lines): its first 15-25 s find and shrink the
 *   series' defects once (each a sanitized crash, S2/R1 endless loops stopped by the
 *   watchdog); after that a run that reaches one of them ends before it (knownTriggers.ts
 *   STOPS_BEFORE), and the tail measures that steady state. The whole hunt's rate is kept
 *   beside it.
 * - crash shrink within budget: a hunt of the C port with a fault that crashes it
 *   (s3-double-release, an ASan heap-use-after-free) for N seconds; the time from the
 *   budget's start to the summary (shrinking, saving and the reports included) must be
 *   at most N + CRASH_SLACK_S.
 * - cost per run cut short by a known defect: bench/cutShortCost.ts (the same runs of the
 *   C port cut short by S4 and passing, run by run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCPort, C_PORT_BINARY } from '../campaign/cPort.ts';
import { cutShortCost, type CutShortResult } from './cutShortCost.ts';
import { median } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'cli/bin.js');
/** What the crash hunt may take past its budget: the shrink try under way, saving, the report's replay of the crash. */
export const CRASH_SLACK_S = 4;
/** The share of a passing run's time a run cut short by a known defect may cost. */
export const CUT_SHORT_GOAL = 0.5;
/** kernel commands/s over the C port's. */
export const KERNEL_GOAL = 0.5;

export interface HuntSpeedOptions {
  /** Seconds per hunt of a kernel/C port pair, and pairs. */
  seconds: number;
  pairs: number;
  /** Seconds of each DCD-tree kernel hunt, and the last seconds of it whose rate is its figure (0: the whole hunt's). */
  dcdSeconds: number;
  tailSeconds: number;
  /** The crash hunt's budget. */
  crashSeconds: number;
  /** Runs of the cut-short measurement. */
  cutRuns: number;
}

/**
 * One hunt: commands, worker time, commands/s, runs cut short by name; for a hunt measured
 * by its tail, wholePerSec is the whole hunt's rate (perSec is then the tail's).
 */
interface HuntFigures { commands: number; runs: number; durationMs: number; perSec: number; cutShort: Record<string, number>; wholePerSec?: number }

/**
 * Commands/s over the last `tail` seconds of a hunt of `seconds`, from its progress lines on
 * stderr (`hunt 30s/40s … 43303 commands`): from the line at seconds - tail to the last line at or
 * after the budget; null without both.
 */
export function tailRate(stdout: string, seconds: number, tail: number): number | null {
  const at = new Map<number, number>();
  for (const m of stdout.matchAll(/^hunt (\d+)s\/(\d+)s .*?(\d+) commands \(/gm)) if (Number(m[2]) === seconds) at.set(Number(m[1]), Number(m[3]));
  const from = at.get(seconds - tail);
  const end = Math.max(-1, ...[...at.keys()].filter((t) => t >= seconds));
  return tail <= 0 || from === undefined || end < 0 ? null : (at.get(end)! - from) / (end - (seconds - tail));
}

/** A kernel tree against the C port on one suite, or why it was skipped. */
export interface KernelRow {
  suite: 'dax-contiguous' | 'dax';
  tree: string | null;
  skipped: string | null;
  kernel: HuntFigures[];
  cPort: HuntFigures[];
  /** Per pair, kernel commands/s over the C port's, and their median. */
  ratios: number[];
  ratio: number | null;
  /** One kernel hunt with --avoid-known (for comparison; no goal). */
  avoidKnown: HuntFigures | null;
}

export interface HuntSpeedResult {
  options: HuntSpeedOptions;
  rows: KernelRow[];
  crash: { seconds: number; found: boolean; searchSeconds: number; withinBudget: boolean; note: string | null };
  cutShort: CutShortResult;
}

/** Runs `daxcheck ARGS` with --workers 1 and fresh --out/--reports folders; run.json's first entry and the process's stdout and stderr (its progress lines). */
function daxcheck(args: string[]): { figures: HuntFigures; stdout: string; stderr: string; entry: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-bench-'));
  try {
    const r = spawnSync(process.execPath, [BIN, ...args, '--workers', '1', '--out', join(dir, 'out'), '--reports', join(dir, 'reports')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    let entry: Record<string, unknown>;
    try {
      entry = (JSON.parse(readFileSync(join(dir, 'reports', 'run.json'), 'utf8')) as { entries: Record<string, unknown>[] }).entries[0]!;
    } catch {
      throw new Error(`bench: daxcheck ${args.join(' ')} wrote no run.json (exit ${r.status}): ${(r.stderr ?? '').split('\n').slice(-5).join(' | ')}`);
    }
    const commands = entry.commands as number;
    const durationMs = entry.durationMs as number;
    const figures = { commands, runs: entry.runs as number, durationMs, perSec: durationMs > 0 ? (commands * 1000) / durationMs : 0, cutShort: (entry.cutShort ?? {}) as Record<string, number> };
    return { figures, stdout: r.stdout ?? '', stderr: r.stderr ?? '', entry };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The kernel/C port table's row for suite on the tree in env var `envVar`. */
function kernelRow(suite: KernelRow['suite'], envVar: string, o: HuntSpeedOptions): KernelRow {
  const tree = process.env[envVar] ?? null;
  const row: KernelRow = { suite, tree, skipped: null, kernel: [], cPort: [], ratios: [], ratio: null, avoidKnown: null };
  if (tree === null || tree === '') return { ...row, tree: null, skipped: `skipped: set ${envVar} to a kernel tree${suite === 'dax' ? ' with the RFC v2 DCD series' : ''}` };
  const seconds = String(o.seconds);
  const dcd = suite === 'dax';
  const kSeconds = dcd ? o.dcdSeconds : o.seconds;
  for (let i = 0; i < o.pairs; i++) {
    const run = daxcheck(['kernel', '--src', tree, '--suite', suite, '--seconds', String(kSeconds), '--seed', String(i + 1)]);
    const tail = dcd ? tailRate(run.stderr, kSeconds, o.tailSeconds) : null;
    const k = tail === null ? run.figures : { ...run.figures, perSec: tail, wholePerSec: run.figures.perSec };
    const c = daxcheck(['hunt', '--sut-exec', C_PORT_BINARY, '--suite', suite, '--seconds', seconds, '--seed', String(i + 1)]).figures;
    row.kernel.push(k);
    row.cPort.push(c);
    row.ratios.push(c.perSec > 0 ? k.perSec / c.perSec : 0);
  }
  row.ratio = median(row.ratios);
  row.avoidKnown = daxcheck(['kernel', '--src', tree, '--suite', suite, '--seconds', String(kSeconds), '--avoid-known']).figures;
  return row;
}

/** The crash hunt: its budget, whether it found the crash, the seconds from the budget's start to the summary. */
function crashHunt(seconds: number): HuntSpeedResult['crash'] {
  const { stdout, entry } = daxcheck(['hunt', '--sut-exec', C_PORT_BINARY, '--fault', 's3-double-release', '--suite', 'dax', '--seconds', String(seconds)]);
  const search = /, ([\d.]+) s of search/.exec(stdout);
  const searchSeconds = search === null ? Infinity : Number(search[1]);
  const found = ((entry.counterexamples ?? []) as unknown[]).length > 0;
  const note = /minimizing stopped when [^)]*|not minimized: [^)]*/.exec(stdout)?.[0] ?? null;
  return { seconds, found, searchSeconds, withinBudget: found && searchSeconds <= seconds + CRASH_SLACK_S, note };
}

/** Measures the hunt-speed table (builds the C port first if needed). */
export function measureHuntSpeed(o: HuntSpeedOptions): HuntSpeedResult {
  buildCPort();
  return {
    options: o,
    rows: [kernelRow('dax-contiguous', 'DAXCHECK_KERNEL_SRC', o), kernelRow('dax', 'DAXCHECK_DCD_SRC', o)],
    crash: crashHunt(o.crashSeconds),
    cutShort: cutShortCost(o.cutRuns),
  };
}
