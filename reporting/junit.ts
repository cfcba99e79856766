/**
 * reports/junit.xml: the run summary as JUnit XML for CI systems. One <testsuite> per
 * kind (suites, fault searches, replays), one <testcase> per entry; a failed entry has a
 * <failure> with its message, the counterexamples and the labels not covered.
 */
import { formatCoverage } from '../properties/coverage.ts';
import { runTotals, type RunSummary, type SuiteRunSummary } from './runSummary.ts';

const KINDS: { kind: SuiteRunSummary['kind']; name: string }[] = [
  { kind: 'suite', name: 'daxcheck.suites' },
  { kind: 'fault-search', name: 'daxcheck.fault-searches' },
  { kind: 'replay', name: 'daxcheck.replays' },
];

// Characters XML 1.0 does not allow anywhere (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML character data: & < > and the characters XML cannot hold (as U+FFFD). */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text escaped for a double-quoted XML attribute; newlines and tabs are kept as character references. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The JUnit XML document of a run summary. */
export function junitXml(summary: RunSummary): string {
  const groups = KINDS.map((k) => ({ ...k, entries: summary.entries.filter((e) => e.kind === k.kind) })).filter((g) => g.entries.length > 0);
  const all = runTotals(summary.entries);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="daxcheck ${xmlAttr(summary.command)}" tests="${all.entries}" failures="${all.failed}" errors="0" time="${seconds(all.durationMs)}">`,
  ];
  for (const g of groups) {
    const t = runTotals(g.entries);
    lines.push(
      `  <testsuite name="${g.name}" tests="${t.entries}" failures="${t.failed}" errors="0" skipped="0" time="${seconds(t.durationMs)}" timestamp="${xmlAttr(summary.startedAt)}">`,
    );
    for (const e of g.entries) lines.push(...testcase(e));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function testcase(e: SuiteRunSummary): string[] {
  const classname = `daxcheck.${e.kind}.${e.suite}`;
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(e.name)}" time="${seconds(e.durationMs)}">`;
  const out = [open];
  if (!e.passed) {
    const type = e.counterexamples.length > 0 && !e.expectFailure ? 'counterexample' : e.expectFailure ? 'not-found' : 'coverage';
    out.push(`      <failure message="${xmlAttr(e.message)}" type="${type}">${xmlText(failureText(e))}</failure>`);
  }
  out.push(`      <system-out>${xmlText(details(e))}</system-out>`, '    </testcase>');
  return out;
}

function failureText(e: SuiteRunSummary): string {
  const lines = [e.message];
  const known = new Map((e.known ?? []).map((k) => [k.counterexample, k]));
  if (e.counterexamples.length > 0) lines.push(`counterexamples: ${e.counterexamples.map((id) => (known.has(id) ? `${id} (known: ${known.get(id)!.id})` : id)).join(', ')}`);
  const missing = e.labels.filter((l) => l.verdict !== 'covered');
  if (e.kind === 'suite' && missing.length > 0) lines.push('labels not covered:', formatCoverage(missing));
  return lines.join('\n');
}

function details(e: SuiteRunSummary): string {
  const ops = Object.entries(e.opCounts).map(([op, n]) => `${op} ${n}`).join(', ');
  const lines = [
    `${e.sut}${e.fault ? ` (fault ${e.fault})` : ''}: ${e.runs} runs, ${e.commands} commands, ${e.commandsPerSecond} commands/s, seeds ${e.seeds.join(' ') || '-'}`,
    `commands per operation: ${ops || '-'}`,
  ];
  for (const k of e.known ?? []) lines.push(`known: ${k.id} (${k.kind}) ${k.counterexample}: ${k.title}${k.failsRun ? ' (fails the run: --known-defects fail)' : ' (not a failure)'}`);
  if (e.labels.length > 0) lines.push(formatCoverage(e.labels));
  return lines.join('\n');
}
