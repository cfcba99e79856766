/**
 * Collects one saved counterexample per named fault into shrinks/: a fault search with a
 * few seeds, each counterexample minimized again, the shortest kept (ties: lowest seed).
 * A previous file for the same fault is replaced; an identical one is left as it is.
 *
 *   node --import tsx campaign/collectShrinks.ts [--seeds N] [--dir DIR]
 */
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FAULT_NAMES, type FaultName } from '../impl/faults.ts';
import { loadCounterexample, saveCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { counterexampleRecord } from '../properties/counterexampleRecord.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { minimize } from '../properties/minimize.ts';
import { searchFault } from './faultSearch.ts';
import { builtinSystems, IMPL } from './systems.ts';

export interface CollectOptions {
  dir: string;
  seeds: number;
  numRuns?: number;
  maxCommands?: number;
  log?: (line: string) => void;
}

/** The shortest minimized counterexample for a fault over seeds 1..seeds, or null when no seed found one. */
export function bestCounterexample(fault: FaultName, o: CollectOptions): CounterexampleFile | null {
  const systems = builtinSystems(fault);
  let best: CounterexampleFile | null = null;
  for (let seed = 1; seed <= o.seeds; seed++) {
    const found = searchFault(systems, { seed, numRuns: o.numRuns ?? 300, maxCommands: o.maxCommands ?? 30 }).counterexample;
    if (found === null) {
      o.log?.(`${fault} seed ${seed}: nothing found`);
      continue;
    }
    const small = minimize({ suite: daxSuite, model: systems.reference, sut: systems.sut, commands: found.commands, kind: found.failure.kind });
    if (small === null) throw new Error(`${fault} seed ${seed}: the counterexample found does not fail when replayed`);
    o.log?.(`${fault} seed ${seed}: ${found.commands.length} → ${small.commands.length} commands (${small.replays} replays)`);
    if (best === null || small.commands.length < best.commands.length) {
      best = counterexampleRecord({ suite: 'dax', sut: systems.name, system: IMPL, fault, commands: small.commands, failure: small.failure, seed, path: found.path });
    }
  }
  return best;
}

/** Removes the files in dir recorded for fault other than keep; returns their names. */
function removeOthers(dir: string, fault: string, keep: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    let cx: CounterexampleFile;
    try {
      cx = loadCounterexample(path);
    } catch {
      continue; // not ours to judge
    }
    if (cx.fault === fault && cx.suite === 'dax' && path !== keep) {
      unlinkSync(path);
      removed.push(name);
    }
  }
  return removed;
}

/** Collects and saves one counterexample per fault; returns the paths written or kept. */
export function collectShrinks(o: CollectOptions): string[] {
  const paths: string[] = [];
  for (const fault of FAULT_NAMES) {
    const best = bestCounterexample(fault, o);
    if (best === null) {
      o.log?.(`${fault}: no counterexample with ${o.seeds} seeds`);
      continue;
    }
    const path = join(o.dir, `${best.id}.json`);
    const kept = existsSync(path);
    if (!kept) saveCounterexample(o.dir, best);
    const removed = removeOthers(o.dir, fault, path);
    o.log?.(`${fault}: ${path} (${best.commands.length} commands, ${kept ? 'unchanged' : 'written'}${removed.length > 0 ? `; replaced ${removed.join(', ')}` : ''})`);
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const seeds = Number(arg('seeds') ?? 5);
  if (!Number.isInteger(seeds) || seeds < 1) {
    console.error(`collectShrinks: --seeds takes a whole number of at least 1, not "${arg('seeds')}"`);
    process.exit(2);
  }
  collectShrinks({ dir: arg('dir') ?? resolve(import.meta.dirname, '../shrinks'), seeds, log: (l) => console.log(l) });
}
