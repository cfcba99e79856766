/**
 * bench.json: what one `npm run bench` measured (the four tables, the machine) and
 * each goal's verdict; and the shape check the test applies to it.
 */
import { FAULT_NAMES } from '../impl/faults.ts';
import type { HuntSpeedResult } from './huntSpeed.ts';
import type { Machine } from './machine.ts';
import type { ProtocolResult } from './protocol.ts';
import { SCALING_GOALS, type ScalingOptions, type WorkloadScaling } from './scaling.ts';
import type { ThroughputOptions, ThroughputResult } from './throughput.ts';
import { TTF_GOALS, type FaultTtf, type TtfOptions } from './timeToFailure.ts';

/** The version of bench.json's shape. */
export const REPORT_SCHEMA = 'daxcheck-bench/1';

export interface Goal {
  table: 'throughput' | 'protocol' | 'timeToFailure' | 'scaling' | 'hunts';
  goal: string;
  met: boolean;
  detail: string;
}

export interface BenchReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  quick: boolean;
  durationSeconds: number;
  machine: Machine;
  throughput: ThroughputResult & { options: ThroughputOptions };
  protocol: ProtocolResult & { options: ThroughputOptions };
  timeToFailure: { options: TtfOptions; faults: FaultTtf[] };
  scaling: { options: ScalingOptions; logReference: number; workloads: WorkloadScaling[] };
  /** Hunt speed (huntSpeed.ts): absent when the run skipped it (--no-hunts). */
  hunts?: HuntSpeedResult;
  goals: Goal[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const plus = (x: number) => `${x >= 0 ? '+' : ''}${x} over its shortest`;

/** The worst fault by a measure, as "fault value". */
function worst(faults: FaultTtf[], f: (x: FaultTtf) => number, show: (x: number) => string): string {
  const w = faults.reduce((a, b) => (f(b) > f(a) ? b : a));
  return `worst ${w.fault} ${show(f(w))}`;
}

/** Every goal of the issue with its verdict on the measured tables. */
export function judgeGoals(r: Omit<BenchReport, 'goals'>): Goal[] {
  const t = r.throughput;
  const faults = r.timeToFailure.faults;
  const ws = r.scaling.workloads;
  const largest = r.scaling.options.sizes.at(-1)!;
  const s = (x: number) => `${x.toFixed(3)}s`;
  return [
    { table: 'throughput', goal: 'checked >= 25% of the ceiling', met: t.ratio >= t.goal, detail: `${pct(t.ratio)}: ${Math.round(t.checked.perSec)} vs ${Math.round(t.ceiling.perSec)} commands/s` },
    { table: 'protocol', goal: 'checked through the protocol (C port) >= 50% of in-process', met: r.protocol.ratio >= r.protocol.goal, detail: `${pct(r.protocol.ratio)}: ${Math.round(r.protocol.protocol.perSec)} vs ${Math.round(r.protocol.inProcess.perSec)} commands/s` },
    { table: 'timeToFailure', goal: `median time to failure < ${TTF_GOALS.medianSeconds}s for every fault`, met: faults.every((f) => f.goals.median), detail: worst(faults, (f) => f.seconds.median, s) },
    { table: 'timeToFailure', goal: `max time to failure < ${TTF_GOALS.maxSeconds}s for every fault`, met: faults.every((f) => f.goals.max), detail: worst(faults, (f) => f.seconds.max, s) },
    { table: 'timeToFailure', goal: "fast-check's shrunk length <= shortest known trigger + 1 (every seed)", met: faults.every((f) => f.goals.shrunk), detail: worst(faults, (f) => f.shrunk.max - f.shortest, plus) },
    { table: 'timeToFailure', goal: 'length after minimize.ts (what runSuite reports) <= shortest + 1 (every seed)', met: faults.every((f) => f.goals.minimized), detail: worst(faults, (f) => f.minimized.max - f.shortest, plus) },
    { table: 'timeToFailure', goal: 'every shortest known trigger still fails, and is 1-minimal', met: faults.every((f) => f.trigger.fails && f.trigger.passesWithoutFault && f.trigger.oneMinimal), detail: faults.map((f) => `${f.fault.slice(0, 2).toUpperCase()} ${f.shortest}`).join(', ') },
    { table: 'scaling', goal: `implementation grows O(log n): exponent <= ${SCALING_GOALS.implExponent} on every workload`, met: ws.every((w) => w.goals.implLogarithmic), detail: ws.map((w) => w.impl.exponent.toFixed(2)).join(', ') },
    { table: 'scaling', goal: `implementation >= ${SCALING_GOALS.speedupAtLargest}x faster than the model at n=${largest}${largest < 10000 ? ' (quick run: the goal is at 10000)' : ''}`, met: ws.every((w) => w.goals.speedup), detail: ws.map((w) => `${w.speedupAtLargest.toFixed(0)}x`).join(', ') },
  ];
}

type Check = (cond: boolean, what: string) => void;

const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const numOrNull = (x: unknown) => x === null || num(x);
const medMax = (x: unknown, ok: (v: unknown) => boolean = num) =>
  typeof x === 'object' && x !== null && ok((x as { median: unknown }).median) && ok((x as { max: unknown }).max);

function checkThroughput(t: BenchReport['throughput'] | undefined, check: Check): void {
  check(t !== undefined && num(t.commands) && t.commands > 0, 'throughput.commands > 0');
  for (const k of ['checked', 'ceiling', 'replay'] as const) check(num(t?.[k]?.ms) && num(t?.[k]?.perSec) && t![k].perSec > 0, `throughput.${k} ms and perSec`);
  check(num(t?.ratio) && t!.ratio > 0, 'throughput.ratio');
  check(Array.isArray(t?.breakdown) && t!.breakdown.length > 0 && t!.breakdown.every((p) => typeof p.part === 'string' && num(p.ms) && num(p.share)), 'throughput.breakdown parts');
}

function checkProtocol(p: BenchReport['protocol'] | undefined, check: Check): void {
  check(p !== undefined && num(p.commands) && p.commands > 0, 'protocol.commands > 0');
  for (const k of ['inProcess', 'protocol'] as const) check(num(p?.[k]?.ms) && num(p?.[k]?.perSec) && p![k].perSec > 0, `protocol.${k} ms and perSec`);
  check(num(p?.ratio) && p!.ratio > 0, 'protocol.ratio');
  check(Array.isArray(p?.breakdown) && p!.breakdown.length > 0 && p!.breakdown.every((x) => typeof x.part === 'string' && num(x.ms)), 'protocol.breakdown parts');
}

function checkTtf(x: BenchReport['timeToFailure'] | undefined, check: Check): void {
  const faults = x?.faults;
  check(Array.isArray(faults) && faults.length === FAULT_NAMES.length, `timeToFailure.faults: one per named fault (${FAULT_NAMES.length})`);
  for (const f of faults ?? []) {
    check(typeof f.fault === 'string' && num(f.found) && num(f.shortest), `timeToFailure ${f.fault}: fault, found, shortest`);
    check(medMax(f.runs) && medMax(f.commands) && medMax(f.seconds), `timeToFailure ${f.fault}: runs, commands, seconds (median, max)`);
    check(medMax(f.shrunk, numOrNull) && medMax(f.minimized, numOrNull), `timeToFailure ${f.fault}: shrunk and minimized lengths`);
    check(typeof f.trigger?.fails === 'boolean' && typeof f.goals?.median === 'boolean', `timeToFailure ${f.fault}: trigger check and goals`);
  }
}

function checkScaling(x: BenchReport['scaling'] | undefined, check: Check): void {
  const sizes = x?.options?.sizes;
  check(Array.isArray(sizes) && sizes.length >= 2, 'scaling.options.sizes (at least 2)');
  check(Array.isArray(x?.workloads) && x!.workloads.length > 0, 'scaling.workloads');
  for (const w of x?.workloads ?? []) {
    for (const c of [w.impl, w.model]) {
      check(Array.isArray(c?.points) && c.points.length === sizes?.length && c.points.every((p) => num(p.n) && num(p.nsPerOp) && p.nsPerOp > 0), `scaling ${w.workload}: a positive ns/op per size`);
      check(num(c?.exponent), `scaling ${w.workload}: exponent`);
    }
    check(num(w.speedupAtLargest), `scaling ${w.workload}: speedupAtLargest`);
  }
}

/** What is wrong with the shape of a parsed bench.json (empty: well-formed). */
export function reportProblems(x: unknown): string[] {
  const problems: string[] = [];
  const check: Check = (cond, what) => {
    if (!cond) problems.push(what);
  };
  const r = (typeof x === 'object' && x !== null ? x : {}) as Partial<BenchReport>;
  check(r.schema === REPORT_SCHEMA, `schema is ${REPORT_SCHEMA}`);
  check(typeof r.generatedAt === 'string' && typeof r.quick === 'boolean', 'generatedAt and quick');
  const m = r.machine;
  check(m !== undefined && num(m.nproc) && typeof m.cpuModel === 'string' && typeof m.node === 'string', 'machine: nproc, cpuModel, node');
  checkThroughput(r.throughput, check);
  checkProtocol(r.protocol, check);
  checkTtf(r.timeToFailure, check);
  checkScaling(r.scaling, check);
  check(Array.isArray(r.goals) && r.goals.length > 0 && r.goals.every((g) => typeof g.goal === 'string' && typeof g.met === 'boolean'), 'goals with verdicts');
  return problems;
}
