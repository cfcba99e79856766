/**
 * The `mutants` section of bench.json: the mutation score of the suites (how many of the
 * catalog's defects a one-worker hunt kills within its budget), each mutant's row, the
 * machine and its load; and the shape check the test applies to it.
 */
import type { Machine } from '../machine.ts';
import type { MutantRow } from './runMutant.ts';

/** The goal of issue 15 item 4: this share of the mutants killed within the budget each. */
export const MUTATION_GOAL = { killedShare: 0.95, budgetSeconds: 20 };

export interface MutantsSection {
  generatedAt: string;
  quick: boolean;
  budgetSeconds: number;
  jobs: number;
  durationSeconds: number;
  machine: Machine;
  /** Load averages (1, 5, 15 min) when the last hunt ended. */
  loadAverageAtEnd: number[];
  total: number;
  /** Killed within the budget (the search part; shrinking may take longer). */
  killed: number;
  score: number;
  /** Killed mutants whose first failing step was caught by impl/selfCheck.ts. */
  caughtBySelfCheck: number;
  goal: { killedShare: number; budgetSeconds: number; met: boolean };
  rows: MutantRow[];
}

/** The section for rows hunted with budgetSeconds each. */
export function mutantsSection(rows: MutantRow[], o: { quick: boolean; budgetSeconds: number; jobs: number; durationSeconds: number; machine: Machine; loadAverageAtEnd: number[] }): MutantsSection {
  const killed = rows.filter((r) => r.killed && r.seconds <= o.budgetSeconds).length;
  const score = rows.length === 0 ? 0 : killed / rows.length;
  return {
    generatedAt: new Date().toISOString(),
    ...o,
    total: rows.length,
    killed,
    score,
    caughtBySelfCheck: rows.filter((r) => r.killed && r.selfCheck).length,
    goal: { ...MUTATION_GOAL, met: score >= MUTATION_GOAL.killedShare && o.budgetSeconds <= MUTATION_GOAL.budgetSeconds },
    rows,
  };
}

const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const numOrNull = (x: unknown) => x === null || num(x);
const strOrNull = (x: unknown) => x === null || typeof x === 'string';

/** What is wrong with the shape of a parsed `mutants` section (empty: well-formed). */
export function mutantsProblems(x: unknown): string[] {
  const problems: string[] = [];
  const check = (cond: boolean, what: string) => {
    if (!cond) problems.push(what);
  };
  const s = (typeof x === 'object' && x !== null ? x : {}) as Partial<MutantsSection>;
  check(typeof s.generatedAt === 'string' && typeof s.quick === 'boolean', 'generatedAt and quick');
  check(num(s.budgetSeconds) && num(s.jobs) && num(s.durationSeconds), 'budgetSeconds, jobs, durationSeconds');
  check(num(s.machine?.nproc) && Array.isArray(s.machine?.loadAverage) && Array.isArray(s.loadAverageAtEnd), 'machine and load averages');
  check(num(s.total) && num(s.killed) && num(s.score) && num(s.caughtBySelfCheck), 'total, killed, score, caughtBySelfCheck');
  check(typeof s.goal?.met === 'boolean', 'goal verdict');
  check(Array.isArray(s.rows) && s.rows.length === s.total, 'one row per mutant');
  for (const r of s.rows ?? []) {
    const ok = typeof r.name === 'string' && typeof r.file === 'string' && typeof r.killed === 'boolean' && num(r.seconds) && typeof r.selfCheck === 'boolean';
    check(ok && numOrNull(r.shrunkLength) && strOrNull(r.kind) && strOrNull(r.caughtBy) && strOrNull(r.error), `row ${String(r.name)}: name, file, killed, seconds, shrunkLength, kind, caughtBy, selfCheck, error`);
  }
  return problems;
}
