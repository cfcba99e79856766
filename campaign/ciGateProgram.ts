/**
 * The CI gate as a program (what `npm run coverage` runs under c8): both suites, every
 * fault search and every saved counterexample, exactly as test/properties/ciGate.test.ts
 * runs them (campaign/ciGate.ts), then reports/run.json, junit.xml and index.html.
 * Prints one line per entry and ends with "gate: N passed, N failed"; exit 1 if any failed.
 */
import { runCiGate } from './ciGate.ts';
import { writeRunReports } from './reports.ts';

const dir = process.env.DAXCHECK_REPORTS ?? 'reports';
const { summary, found } = runCiGate({
  onEntry: (e) => {
    const mark = e.passed ? 'ok  ' : 'FAIL';
    console.log(`${mark} ${e.name.padEnd(34)} ${String(e.runs).padStart(5)} runs ${String(e.commands).padStart(7)} commands ${(e.durationMs / 1000).toFixed(1).padStart(6)} s  ${e.message}`);
  },
});
const paths = await writeRunReports(summary, dir, { found });
const failed = summary.entries.filter((e) => !e.passed).length;
console.log(`wrote ${paths.slice(0, 3).join(', ')}${found.length > 0 ? ` and ${found.length} counterexample(s) under ${dir}/counterexamples/` : ''}`);
console.log(`gate: ${summary.entries.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
