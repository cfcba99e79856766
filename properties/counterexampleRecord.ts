/** Builds the saved form of a counterexample (shrinks/*.json) from a failure. */
import { COUNTEREXAMPLE_FORMAT, counterexampleId, type CounterexampleFile } from './counterexampleFile.ts';
import type { Counterexample } from './runSuite.ts';
import type { StepFailure } from './stepFailure.ts';
import type { RecordedSteps } from './stepRecord.ts';
import type { SuiteName } from './suiteSpec.ts';
import type { SystemSpec } from './systemSpec.ts';
import type { Delivery } from '../sut/delivery.ts';

export interface CounterexampleFacts {
  suite: SuiteName;
  sut: string;
  system: SystemSpec;
  fault: string | null;
  commands: { op: string }[];
  failure: StepFailure;
  seed: number;
  path: string;
  /** ISO time; now when absent. */
  foundAt?: string;
  /** How the run reached a port process; recorded only when it was not one batch (absent or null: one batch). */
  delivery?: Delivery | null;
  /** The failing steps with both snapshots, as the run recorded them (absent or null: none; the report replays). */
  recorded?: RecordedSteps | null;
}

/** The file record of a counterexample: id from suite, fault and commands; broke and error from the failure. */
export function counterexampleRecord(f: CounterexampleFacts): CounterexampleFile {
  const { kind, step, call, detail } = f.failure;
  return {
    format: COUNTEREXAMPLE_FORMAT,
    id: counterexampleId(f.suite, f.fault, f.commands),
    suite: f.suite,
    sut: f.sut,
    system: f.system,
    fault: f.fault,
    broke: { kind, step: step + 1, call, detail },
    commands: f.commands,
    seed: f.seed,
    path: f.path,
    foundAt: f.foundAt ?? new Date().toISOString(),
    error: f.failure.message,
    ...(isBatch(f.delivery) ? {} : { delivery: f.delivery! }),
    ...(f.recorded === undefined || f.recorded === null ? {} : { recorded: f.recorded }),
  };
}

/** Whether d is the plain delivery a file leaves out: one batch, no quit. */
function isBatch(d: Delivery | null | undefined): boolean {
  return d === undefined || d === null || (d.mode === 'batch' && !d.quit);
}

/** The file record of a counterexample that runSuite found against a system (named sut) with fault on (or null). */
export function recordOfFound(cx: Counterexample, on: { sut: string; system: SystemSpec }, fault: string | null, delivery: Delivery | null = null, recorded: RecordedSteps | null = null): CounterexampleFile {
  return counterexampleRecord({ suite: cx.suite, ...on, fault, commands: cx.commands, failure: cx.failure, seed: cx.seed, path: cx.path, delivery, recorded });
}
