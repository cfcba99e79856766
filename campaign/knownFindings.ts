/**
 * A run's counterexamples classified against the known defects (knownDefects.ts), and
 * the run summary rewritten to say so: a known finding is listed as known in run.json,
 * junit.xml and index.html, and an entry whose only findings are known ones that do not
 * fail the run (policy) is passed, so that every report agrees with the exit code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCounterexample } from '../properties/counterexampleFile.ts';
import type { KnownFinding, RunSummary, SuiteRunSummary } from '../reporting/runSummary.ts';
import { knownDefectOf, type ClassifiedFailure, type KnownDefectPolicy } from './knownDefects.ts';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './usageError.ts';

/** Every counterexample of the run (saved in outDir), with the known defect its break matches (or null); a file that cannot be read is a new finding. */
export function classifyFindings(summary: RunSummary, outDir: string): ClassifiedFailure[] {
  const ids = [...new Set(summary.entries.flatMap((e) => e.counterexamples))];
  return ids.map((id) => {
    const file = join(outDir, `${id}.json`);
    if (!existsSync(file)) return { id, file, known: null, what: '(file missing)' };
    try {
      const cx = loadCounterexample(file);
      return { id, file, known: knownDefectOf(cx), what: `step ${cx.broke.step}: ${cx.broke.call}: ${cx.broke.kind}: ${cx.broke.detail}` };
    } catch (e) {
      return { id, file, known: null, what: `(cannot be read: ${e instanceof Error ? e.message : String(e)})` };
    }
  });
}

/** summary with each entry's known findings recorded and its verdict and message recomputed under policy. */
export function withKnownFindings(summary: RunSummary, failures: readonly ClassifiedFailure[], policy: KnownDefectPolicy): RunSummary {
  const byId = new Map(failures.map((f) => [f.id, f]));
  return { ...summary, entries: summary.entries.map((e) => entryWithKnown(e, byId, policy)) };
}

function entryWithKnown(e: SuiteRunSummary, byId: ReadonlyMap<string, ClassifiedFailure>, policy: KnownDefectPolicy): SuiteRunSummary {
  const known: KnownFinding[] = e.counterexamples.flatMap((id) => {
    const k = byId.get(id)?.known ?? null;
    if (k === null) return [];
    return [{ counterexample: id, id: k.id, kind: k.kind, title: k.title, failsRun: policy === 'fail' && k.kind === 'upstream defect' }];
  });
  if (known.length === 0) return e;
  const fresh = e.counterexamples.length - known.length;
  const passed = e.runs > 0 && (e.errors ?? 0) === 0 && fresh === 0 && known.every((k) => !k.failsRun);
  const ids = [...new Set(known.map((k) => k.id))].join(', ');
  const failing = known.filter((k) => k.failsRun).length;
  const verdict = failing > 0 ? `${failing} of them fail the run (--known-defects fail)` : 'known, not failures';
  return { ...e, known, passed, message: `${e.message}; ${known.length} of ${e.counterexamples.length} counterexamples match known defects (${ids}): ${verdict}` };
}

/**
 * A hunt's exit code once its summary is classified: a failure (1) whose every entry now
 * passed (only known findings) becomes 0, or 130 when interrupted; any other code stays.
 */
export function exitCodeAfterClassifying(code: number, summary: RunSummary, interrupted: boolean): number {
  if (code !== EXIT_FAILED || summary.entries.some((e) => !e.passed)) return code;
  return interrupted ? EXIT_INTERRUPTED : EXIT_OK;
}
