/**
 * The systematic fail-nth sweep of one run (docs/fail-nth.md), as the kernel's fail-nth
 * is used: for every step k of the run and n = 1, 2, …, the run with failNth(n) before
 * step k, until step k makes fewer than n allocations. Each run is judged by the World
 * (docs/SPECIFICATION.md §8.2); what failed, and the error-path coverage, are returned.
 */
import type { SutFactory } from '../sut/interface.ts';
import { failNthSuite } from './failNthSuite.ts';
import { mergeAllocCoverage } from './runSuite.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';
import { World } from './world.ts';

export interface SweepOutcome {
  /** Runs made (one per (step, n) tried). */
  runs: number;
  /** Each failing run: the step armed, n, and the failure. */
  failures: { step: number; n: number; failure: StepFailure }[];
  /** Per operation, allocation site -> times failed (0: reached, never failed). */
  coverage: Map<string, Map<string, number>>;
}

/** Sweeps commands (a run of suite, without failNth steps); n stops at maxN at the latest. */
export function sweepFailNth(suite: AnySuite, model: SutFactory, sut: SutFactory, commands: readonly { op: string }[], maxN = 64): SweepOutcome {
  const variant = failNthSuite(suite);
  const out: SweepOutcome = { runs: 0, failures: [], coverage: new Map() };
  for (let k = 0; k < commands.length; k++) {
    for (let n = 1; n <= maxN; n++) {
      const world = new World(variant, model, sut);
      out.runs += 1;
      let crashedArmed = false;
      try {
        for (const c of [...commands.slice(0, k), { op: 'failNth', n }, ...commands.slice(k)]) world.step(c);
        world.finish();
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        out.failures.push({ step: k, n, failure: e });
        // the armed step itself broke before its allocations were read (a crash): n + 1 may still fail another site
        crashedArmed = e.step === k + 1 && world.injections.every((i) => i.n !== n);
      }
      mergeAllocCoverage(out.coverage, world.allocCoverage!);
      const armed = world.injections.find((i) => i.n === n);
      if (!crashedArmed && (armed === undefined || armed.site === null)) break; // the step did not run, or made fewer than n allocations
    }
  }
  return out;
}
