/**
 * `daxcheck report`: writes junit.xml and index.html again from reports/run.json and the
 * counterexamples it names (in reports/counterexamples/ and the findingsDir it records),
 * plus any --shrinks folders. `daxcheck report --merge A.json B.json …` first merges the
 * run.json files of several shards into reports/run.json and copies what each shard
 * found (from its own findingsDir) to reports/counterexamples/.
 * Exit 0 when every entry passed, 1 when one failed, 2 for a bad call or a bad input file.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mergeProblem } from '../campaign/mergeCheck.ts';
import { findingsDirsOf, loadSummaryCounterexamples } from '../campaign/drawnCounterexamples.ts';
import { writeRunReports } from '../campaign/reports.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../campaign/usageError.ts';
import { mergeSummaries } from '../reporting/mergeSummaries.ts';
import { readRunSummary, RunSummaryFileError } from '../reporting/readRunSummary.ts';
import type { RunSummary } from '../reporting/runSummary.ts';
import { parseArgs, type FlagSpec } from './args.ts';
import type { CommandHelp } from './help.ts';

const FLAGS: Record<string, FlagSpec> = {
  merge: { type: 'boolean', help: 'merge the run.json files given (one per shard) first; the counterexamples each shard found (its findingsDir, e.g. a hunt\'s --out) are copied to OUT/counterexamples/ and drawn' },
  out: { type: 'string', value: 'DIR', default: 'reports', help: 'where the reports are read and written' },
  shrinks: { type: 'list', value: 'DIR', default: 'none: only the counterexamples run.json names', help: 'more saved counterexamples to draw (repeatable)' },
};

/** `daxcheck report --help`. */
export const REPORT_HELP: CommandHelp = {
  name: 'report',
  usage: '[--merge A.json B.json …] [flags]',
  about: 'Writes junit.xml and index.html again from run.json (or from the shards\' run.json files merged), drawing the counterexamples the run found (from the findings folder each run.json records). Exit 0 when every entry passed, 1 when one failed, 2 for a bad call or input file.',
  flags: FLAGS,
  example: 'daxcheck report --merge shard-1/reports/run.json shard-2/reports/run.json --out reports',
};

/** Runs `daxcheck report [--merge FILE…] [--out DIR] [--shrinks DIR]…`. */
export async function reportCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('report', argv, FLAGS);
  const out = (flags.get('out') as string | undefined) ?? 'reports';
  const shrinksDirs = (flags.get('shrinks') as string[] | undefined) ?? [];
  for (const dir of shrinksDirs) {
    if (!(existsSync(dir) && statSync(dir).isDirectory())) throw new UsageError(`daxcheck report: --shrinks ${dir}: not a directory`);
  }
  let summary: RunSummary;
  let written: string[];
  if (flags.get('merge')) {
    if (positional.length === 0) throw new UsageError('daxcheck report: --merge needs the run.json files to merge (daxcheck report --merge A.json B.json …)');
    const summaries = positional.map(read);
    const problem = mergeProblem(positional.map((file, i) => ({ file, shard: summaries[i]!.shard })));
    if (problem !== null) throw new UsageError(`daxcheck report --merge: ${problem}`);
    const foundDirs = positional.flatMap((f, i) => findingsDirsOf(f, summaries[i]!));
    // The shards' findings are copied beside the merged run.json, which records them there.
    summary = { ...mergeSummaries(summaries), findingsDir: 'counterexamples' };
    const found = loadSummaryCounterexamples(summary, foundDirs);
    written = await writeRunReports(summary, out, { found, foundDirs, shrinksDir: shrinksDirs });
  } else {
    if (positional.length > 0) throw new UsageError(`daxcheck report: takes no files without --merge (got "${positional[0]}")`);
    const runJson = join(out, 'run.json');
    summary = read(runJson);
    written = await writeRunReports(summary, out, { foundDirs: findingsDirsOf(runJson, summary), shrinksDir: shrinksDirs });
  }
  const failed = summary.entries.filter((e) => !e.passed);
  console.log(`wrote ${written.slice(0, 3).join(', ')}${written.length > 3 ? ` and ${written.length - 3} counterexample(s) under ${join(out, 'counterexamples')}/` : ''}: ${summary.entries.length} entries, ${failed.length} failed`);
  for (const e of failed) console.log(`  failed: ${e.name}: ${e.message.split('\n')[0]}`);
  return failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** A run.json file; a bad one is a usage error naming the file. */
function read(file: string): RunSummary {
  try {
    return readRunSummary(file);
  } catch (e) {
    if (e instanceof RunSummaryFileError) throw new UsageError(`daxcheck report: ${e.message}`);
    throw e;
  }
}
