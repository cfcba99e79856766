/**
 * The benchmark report as text tables, for the terminal and docs/benchmarks.md.
 */
import type { BenchReport } from './report.ts';

/** Left-aligned first column, right-aligned others, two spaces apart. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (x: number) => (x < 0.1 ? `${(x * 1000).toFixed(1)}ms` : `${x.toFixed(2)}s`);
const mm = (m: { median: number; max: number }, f: (x: number) => string = int) => `${f(m.median)} / ${f(m.max)}`;
const ok = (met: boolean) => (met ? 'met' : 'MISSED');

/** The throughput table and the breakdown of checked time. */
export function throughputTable(r: BenchReport): string {
  const t = r.throughput;
  const o = t.options;
  const head = `Throughput: DAX suite, ${o.numRuns} runs of up to ${o.maxCommands} commands, seed ${o.seed}, ${int(t.commands)} commands, best of ${o.repeats}`;
  const passes = formatTable(['pass', 'CPU ms', 'commands/s'], [
    ['checked (runSuite: model, snapshots, compare, invariants, labels)', int(t.checked.ms), int(t.checked.perSec)],
    ['ceiling (generator driving the implementation alone)', int(t.ceiling.ms), int(t.ceiling.perSec)],
    ['replay (pre-resolved calls on the implementation, no observe)', int(t.replay.ms), int(t.replay.perSec)],
  ]);
  const ratio = `checked / ceiling = ${pct(t.ratio)} of CPU time (goal >= ${pct(t.goal)}: ${ok(t.ratio >= t.goal)}; by wall time ${pct(t.wallRatio)}); checked / replay = ${pct(t.replay.ms / t.checked.ms)}`;
  const parts = formatTable(['checked time goes to', 'ms', 'share'], t.breakdown.map((p) => [p.part, int(p.ms), pct(p.share)]));
  return [head, passes, ratio, '', parts].join('\n');
}

/** The protocol table: in-process against the C port through the protocol, and the protocol pass's parts. */
export function protocolTable(r: BenchReport): string {
  const p = r.protocol;
  const o = p.options;
  const head = `Protocol: DAX suite checked in batch mode through PROTOCOL.md (${p.port}), same ${o.numRuns} runs, seed ${o.seed}, ${int(p.commands)} commands, best of ${o.repeats}`;
  const passes = formatTable(['pass', 'ms', 'commands/s'], [
    ['in-process (runSuite against the TypeScript implementation)', int(p.inProcess.ms), int(p.inProcess.perSec)],
    ['protocol (runSuite against the C port process, ASan + UBSan)', int(p.protocol.ms), int(p.protocol.perSec)],
  ]);
  const ratio = `protocol / in-process = ${pct(p.ratio)} (goal >= ${pct(p.goal)}: ${ok(p.ratio >= p.goal)})`;
  const parts = formatTable(['protocol time goes to', 'ms'], p.breakdown.map((x) => [x.part, int(x.ms)]));
  return [head, passes, ratio, '', parts].join('\n');
}

/** The time-to-failure table. */
export function ttfTable(r: BenchReport): string {
  const o = r.timeToFailure.options;
  const head = `Time to failure: ${o.seeds} seeds per fault, runs of up to ${o.maxCommands} commands, one core; median / max`;
  const rows = r.timeToFailure.faults.map((f) => [
    f.fault,
    `${f.found}/${f.seeds}`,
    mm(f.runs),
    mm(f.commands),
    mm(f.seconds, secs),
    mm(f.shrunk),
    mm(f.minimized),
    `${f.shortest}${f.trigger.fails && f.trigger.oneMinimal ? '' : ' (!)'}`,
    [f.goals.median, f.goals.max, f.goals.shrunk, f.goals.minimized].map((g) => (g ? 'y' : 'N')).join(''),
  ]);
  const table = formatTable(['fault', 'found', 'runs', 'commands', 'seconds', 'shrunk', 'minimized', 'shortest', 'goals'], rows);
  const legend = [
    'shrunk: fast-check\'s shrink, replayed; minimized: then properties/minimize.ts (what runSuite reports)',
    'goals: median < 2s, max < 10s, shrunk max <= shortest + 1, minimized max <= shortest + 1 (y met, N missed)',
    'shortest (!): the known trigger no longer fails or is not 1-minimal',
  ].join('\n');
  return [head, table, legend].join('\n');
}

/** The scaling table. */
export function scalingTable(r: BenchReport): string {
  const s = r.scaling;
  const sizes = s.options.sizes;
  const head = `Scaling: ns per operation (median of ${s.options.batches} batches of >= ${s.options.batchMs}ms), growth exponent k (cost ~ n^k; O(log n) shows ${s.logReference.toFixed(2)})`;
  const rows: string[][] = [];
  for (const w of s.workloads) {
    for (const [name, c] of [['impl', w.impl], ['model', w.model]] as const) {
      rows.push([`${w.workload}: ${name}`, ...c.points.map((p) => int(p.nsPerOp)), c.exponent.toFixed(2), name === 'impl' ? '' : `${w.speedupAtLargest.toFixed(0)}x`]);
    }
  }
  const table = formatTable(['workload', ...sizes.map((n) => `n=${n}`), 'k', 'model/impl'], rows);
  return [head, table].join('\n');
}

/** Every goal with its verdict. */
export function goalsList(r: BenchReport): string {
  return r.goals.map((g) => `${ok(g.met).padEnd(6)}  ${g.goal}: ${g.detail}`).join('\n');
}

/** The whole report as text. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const head = `daxcheck bench${r.quick ? ' (quick)' : ''}, ${r.generatedAt}: ${m.cpuModel}, nproc ${m.nproc}, node ${m.node}, load ${m.loadAverage.join(' ')}`;
  return [head, '', throughputTable(r), '', protocolTable(r), '', ttfTable(r), '', scalingTable(r), '', 'Goals', goalsList(r)].join('\n');
}
