/**
 * One counterexample drawn step by step: what it broke, then every step that ran with
 * its call, both results and the address map after it; the first step where the
 * reference and the system under test differ shows both maps side by side, with the
 * first difference spelled out.
 */
import { firstDifference } from '../../properties/diff.ts';
import { showResult } from '../../properties/showResult.ts';
import type { StepRecord } from '../../properties/stepRecord.ts';
import type { DrawnCounterexample } from '../drawnCounterexample.ts';
import type { KnownFinding } from '../runSummary.ts';
import { addressMap } from './addressMap.ts';
import { esc } from './escape.ts';
import { COLOURS, deviceColour } from './palette.ts';
import { PAIR_MAP_WIDTH } from './svgShell.ts';

/** The <section> of one replayed counterexample (an error note when its file could not be used); `known` marks a known defect's. */
export function counterexampleSection(r: DrawnCounterexample, known?: KnownFinding): string {
  if (r.cx === null || r.error !== null) {
    const id = r.cx?.id ?? r.file;
    return `<section class="counterexample unusable" id="${esc(id)}" data-steps="0"><h3>${esc(id)}</h3><p class="bad">${esc(r.error ?? 'cannot be used')}</p></section>`;
  }
  const { cx } = r;
  const fault = cx.fault === null ? '' : ` · fault <b>${esc(cx.fault)}</b>${r.faultSummary === null ? '' : ` (${esc(r.faultSummary)})`}`;
  const status = r.unavailable !== null
    ? `<p class="status bad">${esc(r.sut)} could not be run here (${esc(r.unavailable)}): the steps below are drawn on ${esc(r.reference)} alone; recorded: ${esc(cx.broke.kind)} at step ${cx.broke.step}.</p>`
    : r.failure
    ? `<p class="status bad">Replayed ${esc(r.reference)} against ${esc(r.sut)}: fails at step ${r.failure.step + 1} (${esc(r.failure.kind)}).</p>`
    : `<p class="status good">Replayed ${esc(r.reference)} against ${esc(r.sut)}: passes now — every step agrees.</p>`;
  const steps = r.records.map((rec, i) => stepItem(r, rec, i === r.divergeAt));
  if (r.failure && r.failure.step >= r.records.length) {
    steps.push(`<li class="step no-map"><div class="call"><span class="n">${r.failure.step + 1}.</span> <code>${esc(r.failure.call)}</code></div><pre class="difference">${esc(r.failure.message)}</pre></li>`);
  }
  return [
    `<section class="counterexample" id="${esc(cx.id)}" data-steps="${r.records.length}">`,
    `<h3>${esc(cx.id)} <span class="tag">${esc(cx.suite)}</span></h3>`,
    `<p class="meta">${esc(r.file)} · found against <b>${esc(cx.sut)}</b>${fault} · ${cx.commands.length} commands · seed ${esc(cx.seed)} · ${esc(cx.foundAt)}</p>`,
    `<p class="broke">Broke: <b>${esc(cx.broke.kind)}</b> at step ${cx.broke.step}, <code>${esc(cx.broke.call)}</code></p>`,
    known === undefined ? '' : `<p class="known">Known: <b>${esc(known.id)}</b> (${esc(known.kind)}): ${esc(known.title)}; ${known.failsRun ? 'fails the run (--known-defects fail)' : 'not a failure of this run'}.</p>`,
    status,
    `<ol class="steps">`,
    ...steps,
    '</ol>',
    '</section>',
  ].join('\n');
}

function stepItem(r: DrawnCounterexample, rec: StepRecord, diverges: boolean): string {
  const suite = r.cx!.suite;
  const same = showResult(rec.model) === showResult(rec.sut);
  const results = same
    ? `→ ${esc(showResult(rec.model))}`
    : `→ ${esc(r.reference)} <b>${esc(showResult(rec.model))}</b>, ${esc(r.sut)} <b class="bad">${esc(showResult(rec.sut))}</b>`;
  const head = `<div class="call"><span class="n">${rec.index + 1}.</span> <code>${esc(rec.call)}</code> ${results}</div>`;
  const title = (who: string) => `step ${rec.index + 1}, ${who}: after ${rec.call}`;
  if (!diverges) return `<li class="step" data-step="${rec.index}">${head}${addressMap(suite, rec.modelSnap, 'model', title(r.reference))}</li>`;
  const difference = !same
    ? `${r.reference} returned ${showResult(rec.model)}, ${r.sut} returned ${showResult(rec.sut)}`
    : (firstDifference(rec.modelSnap, rec.sutSnap, [r.reference, r.sut]) ?? r.failure?.detail ?? '');
  return [
    `<li class="step diverge" data-step="${rec.index}">${head}`,
    `<p class="first-diff">First divergence: ${esc(difference)}</p>`,
    r.failure && r.failure.step === rec.index ? `<pre class="difference">${esc(r.failure.message)}</pre>` : '',
    '<div class="pair">',
    `<figure><figcaption>${esc(r.reference)} (reference)</figcaption>${addressMap(suite, rec.modelSnap, 'model', title(r.reference), PAIR_MAP_WIDTH)}</figure>`,
    `<figure><figcaption>${esc(r.sut)} (system under test)</figcaption>${addressMap(suite, rec.sutSnap, 'sut', title(r.sut), PAIR_MAP_WIDTH)}</figure>`,
    '</div></li>',
  ].join('\n');
}

/** The key to the colours of the address maps. */
export function mapLegend(): string {
  const swatch = (fill: string, label: string, extra = '') => `<span class="swatch"><i style="background:${fill};${extra}"></i>${esc(label)}</span>`;
  return [
    '<p class="legend">',
    swatch(deviceColour(0), 'device range (one colour per device id)'),
    swatch(COLOURS.free, 'free space'),
    swatch(COLOURS.extent, 'extent (visible)', `border:1px solid ${COLOURS.extentStroke}`),
    swatch('#fff', 'extent removed, still in use', `border:1px dashed ${COLOURS.extentStroke}`),
    swatch(`repeating-linear-gradient(45deg,${COLOURS.released} 0 3px,#eee 3px 6px)`, 'extent released'),
    swatch(COLOURS.outside, 'not capacity (dynamic region outside extents)', 'border:1px solid #999'),
    swatch(COLOURS.busy, 'busy resource (tree suite)'),
    swatch(COLOURS.idle, 'resource (tree suite)', 'border:1px solid #555'),
    swatch(COLOURS.busy, 'resource overlapping a sibling, in a lane of its own', `border:1px dashed ${COLOURS.overlap}`),
    '</p>',
  ].join('');
}
