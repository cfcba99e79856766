/**
 * reports/index.html: the run summary table, the label coverage as bars, a link to the
 * code coverage report, and every counterexample drawn step by step.
 */
import { counterexampleSection, mapLegend } from './html/counterexampleSection.ts';
import { coverageBars } from './html/coverageBars.ts';
import { esc } from './html/escape.ts';
import { pageShell } from './html/page.ts';
import { svgDefs } from './html/svgShell.ts';
import { summaryTable } from './html/summaryTable.ts';
import type { DrawnCounterexample } from './drawnCounterexample.ts';
import type { RunSummary } from './runSummary.ts';

/** The self-contained HTML report of summary and the replayed counterexamples. */
export function htmlReport(summary: RunSummary, drawn: readonly DrawnCounterexample[]): string {
  const steps = drawn.reduce((t, d) => t + (d.error === null ? d.records.length : 0), 0);
  const failed = summary.entries.filter((e) => !e.passed).length;
  const known = new Map(summary.entries.flatMap((e) => e.known ?? []).map((k) => [k.counterexample, k]));
  const knownNote = known.size > 0 ? ` <span class="known">(${known.size} known: ${esc([...new Set([...known.values()].map((k) => k.id))].join(', '))})</span>` : '';
  const verdict = (failed === 0 ? '<span class="good">passed</span>' : `<span class="bad">${failed} failed</span>`) + knownNote;
  const body = [
    svgDefs(),
    `<h1>daxcheck report — ${verdict}</h1>`,
    summaryTable(summary, new Set(drawn.flatMap((d) => (d.cx === null ? [] : [d.cx.id])))),
    '<h2>Label coverage</h2>',
    '<p class="legend">Share of runs that reached each scenario; the black mark is the required minimum, the whisker the confidence interval the verdict rests on.</p>',
    coverageBars(summary.entries),
    '<h2>Code coverage</h2>',
    '<p><a href="coverage/index.html">Line and branch coverage of model/ and impl/</a> (written by <code>npm run coverage</code> and <code>npm test</code>).</p>',
    `<h2>Counterexamples</h2>`,
    `<div id="counterexamples" data-count="${drawn.length}" data-steps="${steps}">`,
    drawn.length === 0
      ? '<p>None: shrinks/ is empty and this run found none.</p>'
      : `<p>${drawn.length} counterexample(s), ${steps} steps, replayed now. Hover over a shape for its addresses.</p>${mapLegend()}`,
    ...drawn.map((d) => counterexampleSection(d, d.cx === null ? undefined : known.get(d.cx.id))),
    '</div>',
  ].join('\n');
  return pageShell(`daxcheck report (${summary.command})`, body);
}
