/**
 * The hunt-speed table of `npm run bench` (huntSpeed.ts) and its goals.
 */
import type { Goal } from './report.ts';
import { formatTable } from './table.ts';
import { CRASH_SLACK_S, CUT_SHORT_GOAL, KERNEL_GOAL, type HuntSpeedResult, type KernelRow } from './huntSpeed.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rate = (xs: { perSec: number }[]) => xs.map((x) => Math.round(x.perSec)).join(' / ');
/** A tail-measured hunt's whole rates, in brackets (the DCD row). */
const wholeRates = (xs: { wholePerSec?: number }[]) => (xs.some((x) => x.wholePerSec !== undefined) ? ` (whole hunts ${xs.map((x) => Math.round(x.wholePerSec ?? 0)).join(' / ')})` : '');
const cutTotal = (xs: { cutShort: Record<string, number> }[]) => xs.reduce((n, x) => n + Object.values(x.cutShort).reduce((a, b) => a + b, 0), 0);

/** The table: one row per kernel suite, then the crash hunt and the cut-short cost. */
export function huntSpeedTable(r: HuntSpeedResult): string {
  const rows = r.rows.map((row) => (row.skipped !== null
    ? [row.suite, row.skipped, '', '', '', '']
    : [row.suite, rate(row.kernel) + wholeRates(row.kernel), rate(row.cPort), row.ratios.map(pct).join(' / '), row.ratio === null ? '' : pct(row.ratio), row.avoidKnown === null ? '' : `${Math.round(row.avoidKnown.perSec)} (cut ${cutTotal(row.kernel)} runs w/o it)`]));
  const table = formatTable(['suite', 'kernel cmd/s', 'C port cmd/s', 'ratio per pair', 'median', 'kernel --avoid-known'], rows);
  const c = r.crash;
  const k = r.cutShort;
  return [
    `Hunt speed (1 worker per hunt, ${r.options.seconds} s hunts in ${r.options.pairs} kernel/C-port pairs; the DCD tree's kernel hunts ${r.options.dcdSeconds} s, measured over their last ${r.options.tailSeconds} s; trees: ${r.rows.map((x) => x.tree ?? '-').join(', ')})`,
    table,
    `crash hunt (C port, s3-double-release, --seconds ${c.seconds}): ${c.found ? 'found' : 'NOT found'}, ${c.searchSeconds.toFixed(1)} s from the budget's start to the summary${c.note === null ? '' : ` (${c.note})`}`,
    `runs cut short by a known defect (C port with S4; ${k.runs} runs, each its best of ${k.reps}; ${k.cut} cut, at step ${k.steps.cut.toFixed(1)} of ${k.steps.whole.toFixed(1)} on average): ${k.cutMs.toFixed(2)} ms each vs ${k.passedMs.toFixed(2)} ms for the same runs passing whole (${pct(k.share)}); their steps up to the trigger, passing: ${k.stepsMs.toFixed(2)} ms (a cut run costs ${pct(k.shareOfSteps)} of that); not ended at the trigger ${k.cutMsWithoutEnd.toFixed(2)} ms (${pct(k.shareWithoutEnd)}); a run that met no trigger ${k.otherPassedMs.toFixed(2)} ms`,
  ].join('\n');
}

function kernelGoal(row: KernelRow, what: string): Goal {
  if (row.skipped !== null || row.ratio === null) return { table: 'hunts', goal: what, met: false, detail: row.skipped ?? 'not measured' };
  return { table: 'hunts', goal: what, met: row.ratio >= KERNEL_GOAL, detail: `median ${pct(row.ratio)} of ${row.ratios.length} pairs (${rate(row.kernel)} vs ${rate(row.cPort)} commands/s)` };
}

/** The hunt-speed goals. */
export function huntSpeedGoals(r: HuntSpeedResult): Goal[] {
  const [contiguous, dynamic] = r.rows;
  const c = r.crash;
  return [
    kernelGoal(contiguous!, `kernel --suite dax-contiguous hunt >= ${pct(KERNEL_GOAL)} of the C port's commands/s`),
    kernelGoal(dynamic!, `kernel --suite dax (RFC v2 DCD tree) hunt >= ${pct(KERNEL_GOAL)} of the C port's commands/s`),
    { table: 'hunts', goal: `crash shrink within budget: found, and summary within --seconds + ${CRASH_SLACK_S} s`, met: c.withinBudget, detail: `${c.searchSeconds.toFixed(1)} s for --seconds ${c.seconds}${c.found ? '' : ' (the crash was not found)'}` },
    { table: 'hunts', goal: `cost per run cut short by a known defect <= ${pct(CUT_SHORT_GOAL)} of the same run passing`, met: r.cutShort.cut > 0 && r.cutShort.share <= CUT_SHORT_GOAL, detail: `${r.cutShort.cutMs.toFixed(2)} ms, ${pct(r.cutShort.share)} of the same runs passing whole (${pct(r.cutShort.shareOfSteps)} of their steps up to the trigger; ${pct(r.cutShort.shareWithoutEnd)} without ending at the trigger), ${r.cutShort.cut} runs cut` },
  ];
}
