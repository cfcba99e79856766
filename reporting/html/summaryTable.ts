/**
 * The run summary as a table: one row per entry (suite, fault search, replay) with its
 * outcome, size, speed, seeds and counterexamples, and the commands per operation on demand.
 */
import { runTotals, type RunSummary, type SuiteRunSummary } from '../runSummary.ts';
import { esc } from './escape.ts';

/** The heading facts of a run and the table of its entries; a counterexample id links to its drawing when `drawn` (the ids drawn) has it. */
export function summaryTable(summary: RunSummary, drawn: ReadonlySet<string> | null = null): string {
  const { failed, known, commands } = runTotals(summary.entries);
  const m = summary.machine;
  const facts = [
    `<b>${esc(summary.command)}</b>`,
    `${esc(summary.startedAt)} → ${esc(summary.finishedAt)}`,
    `${m.cpus} cpus, node ${esc(m.node)}, ${esc(m.platform)}`,
    summary.shard ? `shard ${esc(summary.shard)}` : '',
    `${summary.entries.length} entries, <span class="${failed > 0 ? 'bad' : 'good'}">${failed} failed</span>${known > 0 ? `, ${known} known finding${known === 1 ? '' : 's'}` : ''}, ${commands.toLocaleString('en')} commands`,
  ].filter((f) => f !== '');
  return [
    `<p class="facts">${facts.join(' · ')}</p>`,
    '<table class="summary">',
    '<thead><tr><th></th><th>entry</th><th>system</th><th class="num">runs</th><th class="num">commands</th><th class="num">cmd/s</th><th class="num">time</th><th>seeds</th><th>counterexamples</th><th>message</th></tr></thead>',
    '<tbody>',
    ...summary.entries.map((e) => row(e, drawn)),
    '</tbody></table>',
  ].join('\n');
}

function row(e: SuiteRunSummary, drawn: ReadonlySet<string> | null): string {
  const mark = e.passed ? '<span class="good" title="passed">✔</span>' : '<span class="bad" title="failed">✘</span>';
  const ops = Object.entries(e.opCounts).sort(([a], [b]) => a.localeCompare(b));
  const opTable = ops.length === 0 ? '' : `<details><summary>commands per operation</summary><table class="ops">${ops.map(([op, n]) => `<tr><td>${esc(op)}</td><td class="num">${n.toLocaleString('en')}</td></tr>`).join('')}</table></details>`;
  const known = new Map((e.known ?? []).map((k) => [k.counterexample, k]));
  const knownTag = (id: string) => {
    const k = known.get(id);
    return k === undefined ? '' : ` <span class="tag known" title="${esc(`${k.kind}: ${k.title}`)}">known ${esc(k.id)}</span>`;
  };
  const link = (id: string) => (drawn === null || drawn.has(id) ? `<a href="#${esc(id)}">${esc(id)}</a>` : `${esc(id)} <small class="bad" title="its file was not found where the run saved its findings">(file not found)</small>`);
  const cx = e.counterexamples.map((id) => `${link(id)}${knownTag(id)}`).join('<br>');
  return [
    `<tr class="${e.passed ? 'passed' : 'failed'}" data-kind="${esc(e.kind)}">`,
    `<td>${mark}</td>`,
    `<td><b>${esc(e.name)}</b> <span class="tag">${esc(e.kind)}</span> <span class="tag">${esc(e.suite)}</span>${opTable}</td>`,
    `<td>${esc(e.sut)}${e.expectFailure ? '<br><small>must fail</small>' : ''}</td>`,
    `<td class="num">${e.runs.toLocaleString('en')}</td>`,
    `<td class="num">${e.commands.toLocaleString('en')}</td>`,
    `<td class="num">${e.commandsPerSecond.toLocaleString('en')}</td>`,
    `<td class="num">${(e.durationMs / 1000).toFixed(1)} s</td>`,
    `<td>${esc(seedsText(e.seeds))}</td>`,
    `<td>${cx}</td>`,
    `<td class="message">${esc(e.message)}</td>`,
    '</tr>',
  ].join('');
}

/** Seeds in short form: "7", "20231..20236" for a run of consecutive seeds, else a list (at most 6 shown). */
export function seedsText(seeds: readonly number[]): string {
  if (seeds.length === 0) return '-';
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1]! + 1);
  if (consecutive && seeds.length > 2) return `${seeds[0]}..${seeds.at(-1)}`;
  return seeds.length > 6 ? `${seeds.slice(0, 6).join(' ')} … (${seeds.length})` : seeds.join(' ');
}
