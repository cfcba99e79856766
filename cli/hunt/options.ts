/**
 * The flags of `daxcheck hunt`, parsed and checked: every mistake is a UsageError (one
 * line, exit 2) that names the flag and what is allowed.
 */
import { availableParallelism } from 'node:os';
import { FAULT_NAMES, isFaultName, type FaultName } from '../../impl/faults.ts';
import { parseShard, WHOLE, type Shard } from '../../campaign/hunt/seedStream.ts';
import type { HuntTarget } from '../../campaign/hunt/messages.ts';
import { IMPL, splitCommand, type SystemSpec } from '../../campaign/systems.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { HUNT_MAX_COMMANDS } from '../../properties/profiles.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import { SUITE_NAMES, SUITES } from '../../properties/suites.ts';
import { parseArgs, type FlagSpec } from '../args.ts';

export interface HuntOptions {
  seconds: number;
  targets: HuntTarget[];
  seed: number;
  maxCommands: number;
  /** The system under test: the built-in implementation, the --sut module as given, or the --sut-exec process. */
  system: SystemSpec;
  workers: number;
  shard: Shard;
  /** "K/N" as given, or null without --shard. */
  shardText: string | null;
  outDir: string;
  reportsDir: string;
  json: boolean;
  commandTimeoutMs: number;
  /** Runs per batch: a worker looks at the budget and the stop flag between batches. */
  batchRuns: number;
}

const SPECS: Record<string, FlagSpec> = {
  seconds: { type: 'int', min: 1 },
  suite: { type: 'string' },
  seed: { type: 'int', min: 0 },
  'max-commands': { type: 'int', min: 1 },
  fault: { type: 'list' },
  sut: { type: 'string' },
  'sut-exec': { type: 'string' },
  workers: { type: 'int', min: 1 },
  shard: { type: 'string' },
  out: { type: 'string' },
  reports: { type: 'string' },
  json: { type: 'boolean' },
  'command-timeout-ms': { type: 'int', min: 10 },
  'batch-runs': { type: 'int', min: 1 },
};

/** Largest base seed: fast-check reads seeds as 32-bit integers (see seedStream.ts). */
const MAX_SEED = 2 ** 31 - 1;

/** Parses the arguments of `daxcheck hunt`; throws UsageError for anything wrong. */
export function parseHuntOptions(argv: readonly string[]): HuntOptions {
  const { flags, positional } = parseArgs('hunt', argv, SPECS);
  if (positional.length > 0) throw new UsageError(`daxcheck hunt: takes no arguments (got "${positional[0]}"); see daxcheck --help`);
  const get = <T>(name: string, fallback: T): T => (flags.has(name) ? (flags.get(name) as T) : fallback);
  const seed = get('seed', 1);
  if (seed > MAX_SEED) throw new UsageError(`daxcheck hunt: --seed must be at most ${MAX_SEED}, not ${seed}`);
  const shardText = get<string | null>('shard', null);
  const shard = shardText === null ? WHOLE : parseShard(shardText);
  if (shard === null) throw new UsageError(`daxcheck hunt: --shard takes K/N with 1 ≤ K ≤ N (e.g. 2/4), not "${shardText}"`);
  const sutModule = get<string | null>('sut', null);
  const sutExec = get<string | null>('sut-exec', null);
  if (sutModule !== null && sutExec !== null) throw new UsageError('daxcheck hunt: --sut (a module) and --sut-exec (a process) name two systems under test; give one');
  const faults = parseFaults(get<string[]>('fault', []));
  if (faults.length > 0 && sutModule !== null) {
    throw new UsageError('daxcheck hunt: --fault switches on a defect of the built-in implementation; it cannot be combined with --sut');
  }
  return {
    seconds: get('seconds', 60),
    targets: targets(get<string | null>('suite', null), faults),
    seed,
    maxCommands: get('max-commands', HUNT_MAX_COMMANDS),
    system: sutExec !== null ? { kind: 'exec', command: splitCommand(sutExec, 'daxcheck hunt: --sut-exec') } : sutModule === null ? IMPL : { kind: 'module', path: sutModule },
    workers: get('workers', availableParallelism()),
    shard,
    shardText,
    outDir: get('out', 'shrinks'),
    reportsDir: get('reports', 'reports'),
    json: get('json', false),
    commandTimeoutMs: get('command-timeout-ms', 5000),
    batchRuns: get('batch-runs', 20),
  };
}

function parseFaults(values: string[]): FaultName[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new UsageError(`daxcheck hunt: unknown fault ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${FAULT_NAMES.join(', ')})`);
  return [...new Set(names as FaultName[])];
}

/** What to search: each suite (or the one named), or, with faults, the DAX suite once per fault. */
function targets(suite: string | null, faults: FaultName[]): HuntTarget[] {
  if (suite !== null && !Object.hasOwn(SUITES, suite)) {
    throw new UsageError(`daxcheck hunt: --suite takes ${Object.keys(SUITES).join(', ')}, not "${suite}"`);
  }
  if (faults.length > 0) {
    if (suite !== null && SUITES[suite as SuiteName].sutKind === 'tree') throw new UsageError('daxcheck hunt: the named faults are DAX defects; --suite tree has none (use --suite dax)');
    return faults.map((fault) => ({ suite: (suite as SuiteName | null) ?? 'dax', fault }));
  }
  const suites = suite === null ? SUITE_NAMES : [suite as SuiteName];
  return suites.map((s) => ({ suite: s, fault: null }));
}
