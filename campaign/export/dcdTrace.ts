/**
 * A v11/v10 counterexample as the specification plays it: its commands resolved and run
 * on the model alone, each step with its call, the model's answer and the model's
 * snapshots before and after. What the exporters (cxlTest.ts, qmp.ts) translate.
 */
import { modelFactory } from '../../model/index.ts';
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import type { DcdCall } from '../../properties/dcd11/dcdSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import type { DcdSnapshot, DcdSut } from '../../sut/dcdInterface.ts';
import type { Result } from '../../sut/interface.ts';

export interface DcdTraceStep {
  /** 1-based, among the commands that ran (as messages count). */
  index: number;
  call: DcdCall;
  shown: string;
  expected: Result;
  before: DcdSnapshot;
  after: DcdSnapshot;
}

export interface DcdTrace {
  profile: 'v11' | 'v10';
  /** The step that broke (1-based) and what the system under test did there. */
  broke: CounterexampleFile['broke'];
  fault: string | null;
  steps: DcdTraceStep[];
}

/** The trace of a counterexample of a DCD suite; throws Error naming the suite when it is not one. */
export function dcdTrace(cx: CounterexampleFile): DcdTrace {
  if (cx.suite !== 'dcd-v11' && cx.suite !== 'dcd-v10') throw new Error(`it is a counterexample of the ${cx.suite} suite; export takes the v11/v10 profile's (dcd-v11, dcd-v10)`);
  const suite = SUITES[cx.suite];
  const model = suite.create(modelFactory) as DcdSut;
  const steps: DcdTraceStep[] = [];
  let snap = model.observe();
  for (const cmd of cx.commands) {
    const call = suite.resolve(cmd, snap) as DcdCall | null;
    if (call === null) continue;
    const expected = suite.call(model, call);
    const after = model.observe();
    steps.push({ index: steps.length + 1, call, shown: suite.show(call), expected, before: snap, after });
    snap = after;
  }
  if (snap.regions.some((r) => r.pending.length > 0)) {
    // Epilogue: every device trimmed, so that every pending release must now be done (§12.6).
    for (const r of snap.regions) {
      for (const d of r.devices.filter((x) => x.sizeBytes > 0n)) {
        const call: DcdCall = { op: 'resize', region: r.id, device: d.id, sizeBytes: 0n };
        const expected = suite.call(model, call);
        const after = model.observe();
        steps.push({ index: steps.length + 1, call, shown: `${suite.show(call)} (epilogue: a pending release must now be done)`, expected, before: snap, after });
        snap = after;
      }
    }
  }
  return { profile: cx.suite === 'dcd-v11' ? 'v11' : 'v10', broke: cx.broke, fault: cx.fault, steps };
}
