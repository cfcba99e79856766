/**
 * The systematic fail-nth sweep of a kernel tree (docs/fail-nth.md "Kernel trees"): builds
 * the kernel harness for --src DIR and sweeps a fixed run of the suite whose operations
 * allocate (bench/kernelFailNthRuns.ts; properties/failNthSweep.ts: every step k, n = 1, 2, …
 * until step k makes fewer than n allocations), then prints the allocation sites failed and
 * never failed per operation and each failure, classified by campaign/knownDefects.ts.
 *
 *   node --import tsx bench/kernelFailNth.ts --src /tmp/trees/linux-6.12 --suite dax-contiguous
 */
import { parseArgs } from 'node:util';
import { BODIES, sweepKernelTree } from './kernelFailNthRuns.ts';

const { values } = parseArgs({ options: { src: { type: 'string' }, suite: { type: 'string', default: 'tree' } } });
if (values.src === undefined || BODIES[values.suite!] === undefined) {
  console.error('usage: bench/kernelFailNth.ts --src DIR [--suite tree|dax-contiguous|dax]');
  process.exit(2);
}
const { tree, outcome: out, failures, durationMs } = sweepKernelTree(values.src, values.suite!);
const sites = new Map<string, number>();
for (const [op, bySite] of out.coverage) {
  const failed = [...bySite].filter(([, n]) => n > 0).map(([s]) => s);
  const never = [...bySite].filter(([, n]) => n === 0).map(([s]) => s);
  if (bySite.size > 0) console.log(`${op}: ${failed.length} of ${bySite.size} sites failed${never.length > 0 ? `; never: ${never.join(', ')}` : ''}`);
  for (const [s, n] of bySite) sites.set(s, (sites.get(s) ?? 0) + n);
}
const failed = [...sites].filter(([, n]) => n > 0).length;
console.log(`Linux ${tree.version ?? '(no version)'} ${values.suite}: ${out.runs} runs in ${(durationMs / 1000).toFixed(1)} s; ${failed} of ${sites.size} distinct sites failed, ${sites.size - failed} never; ${failures.length} failing runs`);
const seen = new Map<string, number>();
for (const { failure: e, known } of failures) {
  const line = `${known === null ? 'new' : `known ${known.id}`}: ${e.kind} at ${e.call}: ${e.detail.split('\n')[0]!.slice(0, 300)}`;
  seen.set(line, (seen.get(line) ?? 0) + 1);
}
for (const [line, n] of seen) console.log(`  ${n} × ${line}`);
