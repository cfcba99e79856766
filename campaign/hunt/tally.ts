/**
 * What a hunt did, per target, as the workers report it: seeds, runs, commands, operation
 * and label counts, time, counterexample ids and errors; turned into the run summary's
 * entries at the end.
 */
import { judgeCoverage } from '../../properties/coverage.ts';
import { bucketLine, judgeBuckets } from '../../properties/domains.ts';
import { SUITES } from '../../properties/suites.ts';
import { mergeAllocCoverage } from '../../properties/runSuite.ts';
import { errorPathCoverage, errorPathLines, runEntry, type SuiteRunSummary } from '../../reporting/runSummary.ts';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_NO_RUNS, EXIT_OK } from '../usageError.ts';
import type { BatchMessage, HuntTarget } from './messages.ts';

interface TargetTally {
  seeds: number[];
  runs: number;
  commands: number;
  opCounts: Map<string, number>;
  labelRuns: Map<string, number>;
  /** Runs that hit each argument-domain bucket. */
  bucketRuns: Map<string, number>;
  /** fail-nth hunts: per operation, allocation site -> times failed. */
  allocCoverage: Map<string, Map<string, number>> | null;
  /** Worker time spent on the target (summed over workers). */
  durationMs: number;
  /** Counterexample files saved (or found already saved). */
  ids: Set<string>;
  /** Distinct failures (failureSignature.ts). */
  signatures: Set<string>;
  /** Failures found again and not saved: a file with no more commands had it already. */
  repeats: number;
  /** Runs ended by a failure found already (not shrunk again), by its name. */
  cutShort: Map<string, number>;
  errors: string[];
}

/** The tally of one hunt, kept by the main thread. */
export class HuntTally {
  private readonly tallies: TargetTally[];

  constructor(readonly targets: readonly HuntTarget[], readonly sutName: string) {
    this.tallies = targets.map(() => ({ seeds: [], runs: 0, commands: 0, opCounts: new Map(), labelRuns: new Map(), bucketRuns: new Map(), allocCoverage: null, durationMs: 0, ids: new Set(), signatures: new Set(), repeats: 0, cutShort: new Map(), errors: [] }));
  }

  /** Adds a finished batch. */
  addBatch(m: BatchMessage): void {
    const t = this.tallies[m.target]!;
    t.seeds.push(m.seed);
    t.runs += m.runs;
    t.commands += m.commands;
    t.durationMs += m.durationMs;
    for (const [op, n] of m.opCounts) t.opCounts.set(op, (t.opCounts.get(op) ?? 0) + n);
    for (const [label, n] of m.labelRuns) t.labelRuns.set(label, (t.labelRuns.get(label) ?? 0) + n);
    for (const [name, n] of m.cutShort) t.cutShort.set(name, (t.cutShort.get(name) ?? 0) + n);
    for (const [b, n] of m.bucketRuns ?? []) t.bucketRuns.set(b, (t.bucketRuns.get(b) ?? 0) + n);
    if (m.allocCoverage !== undefined) mergeAllocCoverage((t.allocCoverage ??= new Map()), m.allocCoverage);
  }

  /** Records a saved counterexample (once per id); true when its id is new to this hunt. */
  addFound(target: number, id: string, signature: string): boolean {
    const t = this.tallies[target]!;
    t.signatures.add(signature);
    if (t.ids.has(id)) return false;
    t.ids.add(id);
    return true;
  }

  /** Forgets a counterexample id whose file a shorter one of the same failure replaced. */
  removeFound(target: number, id: string): void {
    this.tallies[target]!.ids.delete(id);
  }

  /** Records a failure found again and not saved. */
  addRepeat(target: number, signature: string): void {
    const t = this.tallies[target]!;
    t.signatures.add(signature);
    t.repeats += 1;
  }

  /** Records an error that is not a counterexample (a worker that crashed, a run that threw). */
  addError(target: number, message: string): void {
    this.tallies[target]!.errors.push(message);
  }

  /** Totals over every target, for progress lines. */
  totals(): { runs: number; commands: number; failures: number; errors: number } {
    const sum = (f: (t: TargetTally) => number) => this.tallies.reduce((n, t) => n + f(t), 0);
    return {
      runs: sum((t) => t.runs),
      commands: sum((t) => t.commands),
      failures: sum((t) => t.signatures.size),
      errors: sum((t) => t.errors.length),
    };
  }

  /** Did anything fail (a counterexample or an error)? */
  failed(): boolean {
    const { failures, errors } = this.totals();
    return failures + errors > 0;
  }

  /**
   * The hunt's exit code: 1 something failed (a counterexample or an error); 130
   * interrupted before the budget ended; 3 a suite completed no run (nothing was
   * checked, which is no pass); 0 nothing failed.
   */
  exitCode(interrupted: boolean): number {
    if (this.failed()) return EXIT_FAILED;
    if (interrupted) return EXIT_INTERRUPTED;
    return this.withoutRuns().length > 0 ? EXIT_NO_RUNS : EXIT_OK;
  }

  /** The names of the targets that completed no run: they checked nothing. */
  withoutRuns(): string[] {
    return this.targets.filter((_, i) => this.tallies[i]!.runs === 0).map(entryName);
  }

  /**
   * One run-summary entry per target. durationMs is worker time (summed over workers),
   * so commandsPerSecond is per worker and both add up across shards.
   */
  entries(): SuiteRunSummary[] {
    return this.targets.map((target, i) => {
      const t = this.tallies[i]!;
      const ids = [...t.ids];
      // a fail-nth hunt (allocCoverage) requires no label: its suite variant has none
      const labels = t.allocCoverage === null ? judgeCoverage(SUITES[target.suite].coverage, t.labelRuns, t.runs) : [];
      const paths = t.allocCoverage === null ? null : errorPathCoverage(t.allocCoverage);
      const covered = labels.filter((l) => l.verdict === 'covered').length;
      // a fail-nth hunt's variant never draws failAllocation: its buckets are not asked of it
      const asked = (SUITES[target.suite].domains?.all ?? []).filter((b) => paths === null || !b.startsWith('failAllocation.'));
      const buckets = judgeBuckets(asked, t.bucketRuns);
      const noRuns = t.runs === 0 ? '; no run completed: nothing was checked' : '';
      const passed = t.signatures.size === 0 && t.errors.length === 0 && t.runs > 0;
      const repeats = t.repeats > 0 ? ` (found ${t.repeats} more times, not saved again)` : '';
      const found = t.signatures.size > 0 ? `${plural(t.signatures.size, 'distinct failure')} in ${plural(ids.length, 'counterexample')}: ${ids.join(', ')}${repeats}` : 'no failure';
      const cut = [...t.cutShort].sort(([a], [b]) => a.localeCompare(b));
      const cutShort = cut.length > 0 ? `; runs cut short by a failure found already (not shrunk again): ${cut.map(([name, n]) => `${n} by ${name}`).join(', ')}` : '';
      const errors = t.errors.length > 0 ? `; ${plural(t.errors.length, 'error')}, first: ${t.errors[0]}` : '';
      return runEntry({
        name: entryName(target),
        kind: 'suite',
        suite: target.suite,
        sut: this.sutName,
        fault: target.fault,
        expectFailure: false,
        seeds: [...t.seeds].sort((a, b) => a - b),
        runs: t.runs,
        commands: t.commands,
        opCounts: t.opCounts,
        labels,
        buckets,
        counterexamples: ids,
        durationMs: t.durationMs,
        errors: t.errors.length,
        passed,
        message: `${t.runs} runs, ${t.commands} commands, ${found}${cutShort}${errors}; ${paths === null ? `labels covered ${covered}/${labels.length}` : `fail-nth error paths: ${errorPathLines(paths).join('; ')}`}; ${bucketLine(buckets, 3)}${noRuns}`,
        ...(paths === null ? {} : { errorPaths: paths }),
        ...(cut.length > 0 ? { cutShort: Object.fromEntries(cut) } : {}),
      });
    });
  }
}

/** The run-summary name of a target: "dax", or "dax fault s1-…". */
function entryName(target: HuntTarget): string {
  return target.fault === null ? target.suite : `${target.suite} fault ${target.fault}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
