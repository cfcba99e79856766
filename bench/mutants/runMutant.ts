/**
 * Runs one mutant's hunt in its sandbox as a child process (huntOne.ts), and turns what
 * the child printed into the mutant's row. A child that outlives its budget by the grace
 * period is stopped: after a reported failure it was shrinking (killed, no shrunk
 * length); before one, the mutated implementation hung (killed as a 'hang', which a hunt
 * reports through its command timeout). A child that exits without a result is an error.
 */
import { spawn } from 'node:child_process';
import { posix } from 'node:path';
import { buildCPortMutant } from './cPortBuild.ts';
import type { CPortMutant } from './cPortMutants.ts';
import type { HuntResult } from './huntOne.ts';
import type { Mutant } from './mutant.ts';
import { makeSandbox } from './sandbox.ts';

/** A mutant of impl/ (an edit of one file) or of the C port (edits of ports/c or ports/shared, built). */
export type AnyMutant = Mutant | CPortMutant;

const isCPort = (m: AnyMutant): m is CPortMutant => 'edits' in m;

/** The file a row names: the impl/ file, or the C port's edited files. */
function fileOf(m: AnyMutant): string {
  return isCPort(m) ? [...new Set(m.edits.map((e) => posix.join('ports', e.file)))].join(' ') : m.file;
}

/** The guided hunt of a mutant (the table's `guided` column), when one ran: `npm run mutants -- --guided`. */
export type GuidedResult = Pick<HuntResult, 'killed' | 'seconds' | 'caughtBy' | 'shrunkLength' | 'suite' | 'runs'> & { error: string | null };

/** One row of the mutation table. */
export interface MutantRow extends HuntResult {
  name: string;
  file: string;
  summary: string;
  /** The failing run was caught by the implementation's own selfCheck (caughtBy 'self-check'). */
  selfCheck: boolean;
  /** Why the row has no hunt result (the child crashed or the mutant did not apply), else null. */
  error: string | null;
  /** The same hunt with guided generation (after the unguided one, in the same lane), or absent. */
  guided?: GuidedResult;
}

export interface RunMutantOptions {
  root: string;
  budgetMs: number;
  /** How long a child may run past its budget (shrinking, start-up) before it is stopped. */
  graceMs: number;
  /** Hunt with guided generation (huntOne.ts --guided). */
  guided?: boolean;
}

const SURVIVED: HuntResult = { killed: false, seconds: 0, secondsWithShrink: null, suite: null, seed: null, runs: 0, commands: 0, caughtBy: null, kind: null, shrunkLength: null, call: null };

function row(m: AnyMutant, r: HuntResult, error: string | null = null): MutantRow {
  return { name: m.name, file: fileOf(m), summary: m.summary, ...r, selfCheck: r.caughtBy === 'self-check', error };
}

/**
 * Hunts m in a fresh sandbox (a mutant of impl/), or builds it and hunts its port
 * binary through the process protocol (a C-port mutant); resolves with its row (never
 * rejects).
 */
export function runMutant(m: AnyMutant, o: RunMutantOptions): Promise<MutantRow> {
  let box: { dir: string; remove(): void; args: string[] };
  try {
    if (isCPort(m)) {
      const built = buildCPortMutant(o.root, m);
      box = { dir: o.root, remove: () => built.remove(), args: ['--port', built.binary] };
    } else {
      const sandbox = makeSandbox(o.root, m);
      box = { dir: sandbox.dir, remove: () => sandbox.remove(), args: [] };
    }
  } catch (e) {
    return Promise.resolve(row(m, SURVIVED, e instanceof Error ? e.message : String(e)));
  }
  const sandbox = box;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/mutants/huntOne.ts', String(o.budgetMs), ...(o.guided === true ? ['--guided'] : []), ...sandbox.args], { cwd: sandbox.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let foundAt: number | null = null;
    let stopped = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const f = /^found (\S+)$/m.exec(out);
      if (f && foundAt === null) foundAt = Number(f[1]);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      stopped = true;
      child.kill('SIGKILL');
    }, o.budgetMs + o.graceMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      sandbox.remove();
      const last = out.trim().split('\n').at(-1) ?? '';
      if (!stopped && code === 0 && last.startsWith('{')) return resolve(row(m, JSON.parse(last) as HuntResult));
      if (stopped && foundAt !== null) return resolve(row(m, { ...SURVIVED, killed: true, seconds: foundAt, caughtBy: 'unknown (stopped while shrinking)' }));
      if (stopped) return resolve(row(m, { ...SURVIVED, killed: true, seconds: (o.budgetMs + o.graceMs) / 1000, caughtBy: 'hang', kind: 'hang' }));
      resolve(row(m, SURVIVED, `hunt exited with ${signal ?? code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/** The guided column of a row hunted with o.guided. */
function guidedResult(r: MutantRow): GuidedResult {
  return { killed: r.killed, seconds: r.seconds, caughtBy: r.caughtBy, shrunkLength: r.shrunkLength, suite: r.suite, runs: r.runs, error: r.error };
}

/**
 * Runs every mutant, `jobs` at a time, in catalog order of the rows; onRow sees each row
 * as it ends. With guidedToo, each mutant is hunted unguided and then guided in the same
 * lane (same load), the guided hunt in the row's `guided` column.
 */
export async function runMutants(mutants: readonly AnyMutant[], jobs: number, o: RunMutantOptions, onRow: (r: MutantRow) => void = () => undefined, guidedToo = false): Promise<MutantRow[]> {
  const rows: MutantRow[] = new Array(mutants.length);
  let next = 0;
  const lane = async () => {
    while (next < mutants.length) {
      const i = next++;
      const row = await runMutant(mutants[i]!, { ...o, guided: false });
      if (guidedToo) row.guided = guidedResult(await runMutant(mutants[i]!, { ...o, guided: true }));
      rows[i] = row;
      onRow(row);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane));
  return rows;
}
