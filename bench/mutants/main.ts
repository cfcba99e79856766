/**
 * npm run mutants [-- --quick] [--guided] [--budget SECONDS] [--jobs N] [--only NAME,…] [--set impl|c|all] [--out FILE]:
 * the mutation score of the suites. Every mutant of the catalog (catalog.ts) is applied
 * to a temporary copy of the repository and hunted there on one worker for the budget
 * (default 20 s), `--jobs` at a time (default 2); the table goes to bench.json's
 * `mutants` section (default reports/bench.json, other sections kept) and to stdout.
 * Then the C port's own mutants (cPortMutants.ts): each built in a temporary copy of
 * ports/c and hunted through the process protocol (as `--sut-exec`), the same table in
 * the `cPortMutants` section. --set impl or c runs one of the two.
 * --guided: each mutant is also hunted with guided generation (the `guided` column).
 * --quick: the two quick mutants, 2 s each (for the test that checks the script runs).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { writeSections } from '../jsonSections.ts';
import { describeMachine } from '../machine.ts';
import { MUTANTS, QUICK_MUTANTS } from './catalog.ts';
import { C_PORT_MUTANTS, QUICK_C_MUTANTS } from './cPortMutants.ts';
import { mutantsSection } from './report.ts';
import { runMutants, type AnyMutant } from './runMutant.ts';
import { formatMutants } from './table.ts';

interface Args {
  out: string;
  quick: boolean;
  guided: boolean;
  budgetSeconds: number;
  jobs: number;
  only: string[] | null;
  set: 'impl' | 'c' | 'all';
}

const USAGE = 'usage: npm run mutants -- [--quick] [--guided] [--budget SECONDS] [--jobs N] [--only NAME,…] [--set impl|c|all] [--out FILE]';

const ALL: readonly AnyMutant[] = [...MUTANTS, ...C_PORT_MUTANTS];

/** Exits with the usage line (status 2). */
function usage(problem: string): never {
  console.error(`mutants: ${problem}\n${USAGE}`);
  process.exit(2);
}

/** The flags; exits with the usage line on anything else. */
function parseArgs(argv: string[]): Args {
  const a: Args = { out: 'reports/bench.json', quick: false, guided: false, budgetSeconds: 20, jobs: 2, only: null, set: 'all' };
  let budget: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => (i + 1 < argv.length ? argv[++i]! : usage(`${flag} needs a value`));
    const positive = (x: string) => (Number(x) > 0 ? Number(x) : usage(`${flag} needs a positive number, not ${x}`));
    if (flag === '--quick') a.quick = true;
    else if (flag === '--guided') a.guided = true;
    else if (flag === '--out') a.out = value();
    else if (flag === '--budget') budget = positive(value());
    else if (flag === '--jobs') a.jobs = Math.floor(positive(value()));
    else if (flag === '--only') a.only = value().split(',');
    else if (flag === '--set') {
      const v = value();
      a.set = v === 'impl' || v === 'c' || v === 'all' ? v : usage(`--set needs impl, c or all, not ${v}`);
    }
    else usage(`unknown argument ${flag}`);
  }
  if (a.quick) a.only ??= [...QUICK_MUTANTS, ...QUICK_C_MUTANTS];
  a.budgetSeconds = budget ?? (a.quick ? 2 : 20);
  const unknown = (a.only ?? []).filter((n) => !ALL.some((m) => m.name === n));
  if (unknown.length > 0) usage(`unknown mutant ${unknown.join(', ')}`);
  return { ...a, out: resolve(a.out) };
}

/** Hunts one set of mutants; the section written under `key` and the table printed. */
async function runSet(a: Args, title: string, key: string, set: readonly AnyMutant[], root: string): Promise<void> {
  const mutants = a.only === null ? set : set.filter((m) => a.only!.includes(m.name));
  if (mutants.length === 0) return;
  const started = performance.now();
  const machine = describeMachine();
  let done = 0;
  const rows = await runMutants(mutants, a.jobs, { root, budgetMs: a.budgetSeconds * 1000, graceMs: 60_000 }, (r) => {
    const verdict = r.error ?? (r.killed ? `killed in ${r.seconds.toFixed(3)} s by ${r.caughtBy}` : 'survived');
    const g = r.guided === undefined ? '' : `; guided: ${r.guided.error ?? (r.guided.killed ? `killed in ${r.guided.seconds.toFixed(3)} s` : 'survived')}`;
    console.error(`mutants: ${++done}/${mutants.length} ${r.name}: ${verdict}${g}`);
  }, a.guided);
  const roundLoad = loadavg().map((x) => Math.round(x * 100) / 100);
  const section = mutantsSection(rows, { quick: a.quick, budgetSeconds: a.budgetSeconds, jobs: a.jobs, durationSeconds: (performance.now() - started) / 1000, machine, loadAverageAtEnd: roundLoad });
  writeSections(a.out, { [key]: section });
  console.log(`${title}\n${formatMutants(section)}`);
  console.log(`\nwrote the ${key} section of ${a.out}\n`);
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const root = resolve(import.meta.dirname, '../..');
  if (a.set !== 'c') await runSet(a, 'The built-in implementation (impl/):', 'mutants', MUTANTS, root);
  if (a.set !== 'impl') await runSet(a, 'The C port (ports/c, hunted through the process protocol):', 'cPortMutants', C_PORT_MUTANTS, root);
}

await main();
