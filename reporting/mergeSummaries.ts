/**
 * Merges the run.json files of several shards into one summary. Entries with the same
 * kind, name, suite, sut and fault are one entry: runs, commands, operation counts,
 * label hits and durations are summed, seeds concatenated, counterexamples unioned, and
 * the label verdicts recomputed from the summed hits (judgeCoverage).
 */
import { judgeCoverage } from '../properties/coverage.ts';
import { judgeBuckets, type BucketCoverage } from '../properties/domains.ts';
import { commandsPerSecond, runSummary, type RunSummary, type SuiteRunSummary } from './runSummary.ts';

/** The key under which entries of different shards are the same entry. */
export function entryKey(e: SuiteRunSummary): string {
  return JSON.stringify([e.kind, e.name, e.suite, e.sut, e.fault]);
}

/** One summary of all shards: command "merge", the earliest start and the latest finish. */
export function mergeSummaries(summaries: readonly RunSummary[]): RunSummary {
  const merged = new Map<string, SuiteRunSummary[]>();
  for (const s of summaries) {
    for (const e of s.entries) {
      const key = entryKey(e);
      merged.set(key, [...(merged.get(key) ?? []), e]);
    }
  }
  const times = (pick: (s: RunSummary) => string) => summaries.map(pick).sort();
  return runSummary({
    command: 'merge',
    startedAt: times((s) => s.startedAt)[0] ?? new Date().toISOString(),
    finishedAt: times((s) => s.finishedAt).at(-1),
    machine: summaries[0]?.machine,
    entries: [...merged.values()].map(mergeEntries),
  });
}

/** Entries of one key merged; see the file comment. A failure search passes if any shard found it. */
export function mergeEntries(parts: readonly SuiteRunSummary[]): SuiteRunSummary {
  const first = parts[0]!;
  const sum = (pick: (e: SuiteRunSummary) => number) => parts.reduce((t, e) => t + pick(e), 0);
  const runs = sum((e) => e.runs);
  const commands = sum((e) => e.commands);
  const durationMs = sum((e) => e.durationMs);
  const opCounts: Record<string, number> = {};
  const hits = new Map<string, number>();
  const required: Record<string, number> = {};
  for (const e of parts) {
    for (const [op, n] of Object.entries(e.opCounts)) opCounts[op] = (opCounts[op] ?? 0) + n;
    for (const l of e.labels) {
      hits.set(l.label, (hits.get(l.label) ?? 0) + l.hits);
      required[l.label] = l.required;
    }
  }
  const buckets = mergeBuckets(parts);
  const passed = first.expectFailure ? parts.some((e) => e.passed) : parts.every((e) => e.passed);
  const messages = [...new Set(parts.map((e) => e.message))];
  const merged: SuiteRunSummary = {
    ...first,
    seeds: parts.flatMap((e) => e.seeds),
    runs,
    commands,
    opCounts,
    labels: judgeCoverage(required, hits, runs),
    ...(buckets === undefined ? {} : { buckets }),
    counterexamples: [...new Set(parts.flatMap((e) => e.counterexamples))],
    durationMs,
    commandsPerSecond: commandsPerSecond(commands, durationMs),
    passed,
    message: parts.length === 1 ? first.message : `${parts.length} shards: ${messages.join(' | ')}`,
  };
  return merged;
}

/** The argument buckets of the parts that have them, runs summed per bucket; undefined when none has. */
function mergeBuckets(parts: readonly SuiteRunSummary[]): BucketCoverage | undefined {
  const withBuckets = parts.flatMap((e) => (e.buckets === undefined ? [] : [e.buckets]));
  if (withBuckets.length === 0) return undefined;
  const hits = new Map<string, number>();
  for (const b of withBuckets) for (const [name, n] of Object.entries(b.runs)) hits.set(name, (hits.get(name) ?? 0) + n);
  return judgeBuckets([...hits.keys()], hits);
}
