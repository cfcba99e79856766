/**
 * Cost growth with size: per-operation time of the implementation and of the model on
 * each workload (workloads.ts) at each size, excluding setup, and the growth exponent
 * fitted on log-log. Time is only measured here, never used to decide anything in a suite.
 */
import { implFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import type { SutFactory } from '../sut/interface.ts';
import { fitPower, logExponent } from './fit.ts';
import { median } from './stats.ts';
import { WORKLOADS, type Workload } from './workloads.ts';

export interface ScalingOptions {
  sizes: number[];
  /** Each batch runs for at least this long. */
  batchMs: number;
  /** Batches per point; the median batch counts. */
  batches: number;
}

/** The implementation's exponent must stay at or below this (O(log n) shows ≈ 0.2 over 10..10k, O(√n) 0.5). */
export const SCALING_GOALS = { implExponent: 0.3, speedupAtLargest: 10 };

export interface SystemCurve {
  /** Nanoseconds per operation at each size. */
  points: { n: number; nsPerOp: number }[];
  exponent: number;
  r2: number;
}

export interface WorkloadScaling {
  workload: string;
  description: string;
  impl: SystemCurve;
  model: SystemCurve;
  /** model / impl per-op time at the largest size. */
  speedupAtLargest: number;
  goals: { implLogarithmic: boolean; speedup: boolean };
}

/** Nanoseconds per op: warm up, size a batch to batchMs, then the median of o.batches batches. */
function perOp(op: () => void, o: ScalingOptions): number {
  for (let i = 0; i < 64; i++) op();
  let reps = 2;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) op();
    if (performance.now() - t0 >= o.batchMs / 4 || reps >= 1 << 22) break;
    reps *= 2;
  }
  reps *= 4;
  const samples: number[] = [];
  for (let b = 0; b < o.batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) op();
    samples.push(Number(process.hrtime.bigint() - t0) / reps);
  }
  return median(samples);
}

/** The curve of one system on one workload. */
function curve(w: Workload, factory: SutFactory, o: ScalingOptions): SystemCurve {
  const points = o.sizes.map((n) => ({ n, nsPerOp: perOp(w.setup(factory.createDax(), n), o) }));
  const fit = fitPower(points.map((p) => ({ n: p.n, cost: p.nsPerOp })));
  return { points, exponent: fit.exponent, r2: fit.r2 };
}

/** Measures every workload on the implementation and the model. */
export function measureScaling(o: ScalingOptions): WorkloadScaling[] {
  return WORKLOADS.map((w) => {
    const impl = curve(w, implFactory, o);
    const model = curve(w, modelFactory, o);
    const speedup = model.points.at(-1)!.nsPerOp / impl.points.at(-1)!.nsPerOp;
    return {
      workload: w.name,
      description: w.description,
      impl,
      model,
      speedupAtLargest: speedup,
      goals: { implLogarithmic: impl.exponent <= SCALING_GOALS.implExponent, speedup: speedup >= SCALING_GOALS.speedupAtLargest },
    };
  });
}

/** The exponent O(log n) itself shows over the sizes (for the table's legend). */
export function logReference(sizes: readonly number[]): number {
  return logExponent(sizes[0]!, sizes.at(-1)!);
}
