/**
 * Label coverage as bars: per suite entry, each label's share of runs against its
 * required minimum (a marker), with the confidence interval the verdict rests on
 * (a whisker) and the verdict as the bar's colour.
 */
import type { LabelCoverage } from '../../properties/coverage.ts';
import type { SuiteRunSummary } from '../runSummary.ts';
import { esc } from './escape.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The bars of every entry that enforces coverage (the suites; all entries with labels when no suite has any). */
export function coverageBars(entries: readonly SuiteRunSummary[]): string {
  const suites = entries.filter((e) => e.kind === 'suite' && e.labels.length > 0);
  const shown = suites.length > 0 ? suites : entries.filter((e) => e.labels.length > 0);
  if (shown.length === 0) return '<p>No label coverage in this run.</p>';
  return shown.map(entryBars).join('\n');
}

function entryBars(e: SuiteRunSummary): string {
  // One scale per entry: the largest share, requirement or interval end, with some room.
  const top = Math.min(1, Math.max(...e.labels.flatMap((l) => [l.share, l.required, l.high])) * 1.1) || 1;
  const at = (x: number) => `${((100 * x) / top).toFixed(2)}%`;
  const rows = e.labels.map((l: LabelCoverage) => {
    const hover = `${l.label}: ${l.hits}/${l.runs} runs = ${pct(l.share)}, need ${pct(l.required)}; interval ${pct(l.low)}–${pct(l.high)}: ${l.verdict}`;
    return [
      `<div class="bar-row" title="${esc(hover)}">`,
      `<span class="bar-label">${esc(l.label)}</span>`,
      `<span class="bar-track">`,
      `<span class="bar ${esc(l.verdict)}" style="width:${at(l.share)}"></span>`,
      `<span class="whisker" style="left:${at(l.low)};width:${at(Math.max(0, l.high - l.low))}"></span>`,
      `<span class="need" style="left:${at(l.required)}"></span>`,
      '</span>',
      `<span class="bar-value">${pct(l.share)} <small>need ${pct(l.required)} · ${l.hits}/${l.runs}</small> <span class="verdict ${esc(l.verdict)}">${esc(l.verdict)}</span></span>`,
      '</div>',
    ].join('');
  });
  return `<div class="coverage" data-entry="${esc(e.name)}"><h3>${esc(e.name)} <small>(${e.runs.toLocaleString('en')} runs)</small></h3>${rows.join('\n')}</div>`;
}
