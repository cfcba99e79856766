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
  /** With --guided: the guided column summed up against the unguided one (same mutants, same lanes). */
  guided?: GuidedSummary;
  rows: MutantRow[];
}

/** Guided against unguided hunts of the same mutants. */
export interface GuidedSummary {
  killed: number;
  /** Median and total seconds to kill, over the mutants both hunts killed within the budget. */
  medianSeconds: { unguided: number; guided: number };
  totalSeconds: { unguided: number; guided: number };
  /** Mutants killed sooner by the guided hunt (by more than 10%), later (by more than 10%), and within 10%. */
  faster: number;
  slower: number;
  same: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The guided summary of rows that have a guided column, or undefined. */
export function guidedSummary(rows: MutantRow[], budgetSeconds: number): GuidedSummary | undefined {
  if (!rows.some((r) => r.guided !== undefined)) return undefined;
  const killed = (k: boolean, s: number) => k && s <= budgetSeconds;
  const both = rows.filter((r) => killed(r.killed, r.seconds) && r.guided !== undefined && killed(r.guided.killed, r.guided.seconds));
  const u = both.map((r) => r.seconds);
  const g = both.map((r) => r.guided!.seconds);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    killed: rows.filter((r) => r.guided !== undefined && killed(r.guided.killed, r.guided.seconds)).length,
    medianSeconds: { unguided: median(u), guided: median(g) },
    totalSeconds: { unguided: sum(u), guided: sum(g) },
    faster: both.filter((r) => r.guided!.seconds < 0.9 * r.seconds).length,
    slower: both.filter((r) => r.guided!.seconds > 1.1 * r.seconds).length,
    same: both.filter((r) => r.guided!.seconds >= 0.9 * r.seconds && r.guided!.seconds <= 1.1 * r.seconds).length,
  };
}

/** The section for rows hunted with budgetSeconds each. */
export function mutantsSection(rows: MutantRow[], o: { quick: boolean; budgetSeconds: number; jobs: number; durationSeconds: number; machine: Machine; loadAverageAtEnd: number[] }): MutantsSection {
  const killed = rows.filter((r) => r.killed && r.seconds <= o.budgetSeconds).length;
  const score = rows.length === 0 ? 0 : killed / rows.length;
  const guided = guidedSummary(rows, o.budgetSeconds);
  return {
    generatedAt: new Date().toISOString(),
    ...o,
    total: rows.length,
    killed,
    score,
    caughtBySelfCheck: rows.filter((r) => r.killed && r.selfCheck).length,
    goal: { ...MUTATION_GOAL, met: score >= MUTATION_GOAL.killedShare && o.budgetSeconds <= MUTATION_GOAL.budgetSeconds },
    ...(guided === undefined ? {} : { guided }),
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
