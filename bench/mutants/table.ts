/**
 * The mutation table as printed (and pasted into docs/benchmarks.md): one line per mutant, then
 * the score.
 */
import type { MutantsSection } from './report.ts';
import type { MutantRow } from './runMutant.ts';

const secs = (x: number | null) => (x === null ? '' : x < 10 ? x.toFixed(3) : x.toFixed(1));

/** What caught a killed mutant, as the table shows it. */
function caughtBy(r: MutantRow): string {
  if (r.error !== null) return `error: ${r.error}`;
  if (!r.killed) return '';
  return r.caughtBy === r.kind || r.kind === null ? String(r.caughtBy) : `${r.caughtBy} (shrunk: ${r.kind})`;
}

/** One markdown table row. */
function line(r: MutantRow, budget: number): string {
  const killed = r.killed && r.seconds <= budget ? 'yes' : r.killed ? `after ${secs(r.seconds)} s` : 'no';
  const suite = r.suite === null ? '' : ` (${r.suite})`;
  const g = r.guided === undefined ? '' : ` ${r.guided.error !== null ? 'error' : r.guided.killed && r.guided.seconds <= budget ? secs(r.guided.seconds) : 'no'} |`;
  return `| ${r.name} | ${killed} | ${r.killed ? secs(r.seconds) : ''} |${g} ${r.shrunkLength ?? ''}${r.shrunkLength === null ? '' : suite} | ${caughtBy(r)} |`;
}

/** The guided summary line, or nothing. */
function guidedLines(s: MutantsSection): string[] {
  const g = s.guided;
  if (g === undefined) return [];
  const f = (x: number) => x.toFixed(2);
  return [`guided: killed ${g.killed} / ${s.total}; over the mutants both killed, median ${f(g.medianSeconds.unguided)} s unguided, ${f(g.medianSeconds.guided)} s guided, total ${f(g.totalSeconds.unguided)} s vs ${f(g.totalSeconds.guided)} s; guided faster on ${g.faster}, slower on ${g.slower}, within 10% on ${g.same}`];
}

/** The whole table, its score line and the machine line. */
export function formatMutants(s: MutantsSection): string {
  const m = s.machine;
  return [
    `Mutation score (${s.quick ? 'quick run, figures mean nothing' : `${s.budgetSeconds} s per mutant`}, one worker each, ${s.jobs} at a time):`,
    '',
    s.guided === undefined ? '| mutant | killed | seconds | shrunk length | caught by |' : '| mutant | killed | seconds | guided seconds | shrunk length | caught by |',
    s.guided === undefined ? '|---|---|---:|---:|---|' : '|---|---|---:|---:|---:|---|',
    ...s.rows.map((r) => line(r, s.budgetSeconds)),
    '',
    `killed ${s.killed} / ${s.total} (${(s.score * 100).toFixed(1)}%) within ${s.budgetSeconds} s each; ${s.caughtBySelfCheck} of the kills caught first by the implementation's selfCheck; goal ${(s.goal.killedShare * 100).toFixed(0)}%: ${s.goal.met ? 'met' : 'not met'}`,
    ...guidedLines(s),
    `survivors: ${s.rows.filter((r) => !(r.killed && r.seconds <= s.budgetSeconds)).map((r) => r.name).join(', ') || 'none'}`,
    `${m.cpuModel}, nproc ${m.nproc}, node ${m.node}; load average ${m.loadAverage.join(' ')} at the start, ${s.loadAverageAtEnd.join(' ')} at the end; ${s.durationSeconds.toFixed(0)} s in all`,
  ].join('\n');
}
