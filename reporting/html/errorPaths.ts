/**
 * The error-path coverage of fail-nth entries (docs/fail-nth.md): per entry, a table of
 * its operations with the allocation sites failed at least once and those never failed.
 */
import type { SuiteRunSummary } from '../runSummary.ts';
import { esc } from './escape.ts';

/** The section's HTML; a line saying there is none when no entry ran fail-nth. */
export function errorPathTables(entries: readonly SuiteRunSummary[]): string {
  const withPaths = entries.filter((e) => e.errorPaths !== undefined && e.errorPaths.length > 0);
  if (withPaths.length === 0) return '<p id="error-paths">No fail-nth entry in this run (<code>daxcheck hunt --fail-nth</code>).</p>';
  const tables = withPaths.map((e) => {
    const rows = e.errorPaths!.map((p) => {
      const all = p.failed.length + p.neverFailed.length;
      const cls = p.neverFailed.length === 0 ? 'good' : 'bad';
      return `<tr><td>${esc(p.op)}</td><td class="${cls}">${p.failed.length} of ${all}</td><td>${p.failed.map((s) => `<code>${esc(s)}</code>`).join(' ')}</td><td>${p.neverFailed.map((s) => `<code>${esc(s)}</code>`).join(' ')}</td></tr>`;
    });
    return `<h3>${esc(e.name)} (${esc(e.sut)})</h3>\n<table class="error-paths"><thead><tr><th>operation</th><th>sites failed</th><th>failed at least once</th><th>never failed</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  });
  return `<div id="error-paths">\n${tables.join('\n')}\n</div>`;
}
