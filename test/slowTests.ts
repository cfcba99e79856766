/**
 * The slow test files (paths under test/): `npm test` leaves them out (`test/run.ts
 * --fast`) and `npm run test:slow` runs them; CI (.ci/run) runs both, so every test still
 * runs there. Chosen by time (test/run.ts's per-file times, DAXCHECK_TEST_TIMES; figures
 * in docs/benchmarks.md#test-time): the files measured at 20 s or more at load 40–65, and
 * the files that hunt, build, install or start a browser for seconds of each test.
 */
export const SLOW_TESTS: readonly string[] = [
  // measured: 20–230 s each at load 40–65
  'bench/bench.test.ts',
  'bench/guided.test.ts',
  'bench/mutants.test.ts',
  'campaign/hunt/failureSignature.test.ts',
  'campaign/hunt/worker.test.ts',
  'campaign/loadPort.test.ts',
  'properties/errorPathMutants.test.ts',
  // hunts through the CLI, each for seconds, most against port processes
  'cli/hunt.test.ts',
  'cli/huntDrawsRecorded.test.ts',
  'cli/huntExec.test.ts',
  'cli/huntFailNth.test.ts',
  'cli/huntGuided.test.ts',
  'cli/huntHang.test.ts',
  'cli/huntPort.test.ts',
  'cli/huntPortProcesses.test.ts',
  'cli/huntSuiteAdvice.test.ts',
  'cli/huntSut.test.ts',
  'cli/replayElsewhere.test.ts',
  // npm pack and install; the kernel harness builds; the C port's builds and hunts; the browser
  'cli/install.test.ts',
  'cli/kernel.test.ts',
  'ports/kernelDax.test.ts',
  'ports/kernelFailNth.test.ts',
  'ports/kernelV10.test.ts',
  'ports/kernelDcd.test.ts',
  'ports/kernelHarness.test.ts',
  'ports/kernelProbe.test.ts',
  'ports/cport.test.ts',
  'ports/cportFailNth.test.ts',
  'ports/cportFaults.test.ts',
  'ports/cportDcd.test.ts',
  'ports/cportSelfCheck.test.ts',
  'ports/cportSizedCreate.test.ts',
  'ports/portDelivery.test.ts',
  'ports/portLeaks.test.ts',
  'ports/processErrors.test.ts',
  'protocol/checkRun.test.ts',
  'protocol/observeChanged.test.ts',
  'protocol/observeChangedSelfCheck.test.ts',
  'reporting/browser.test.ts',
  // test/run.ts --jobs: runs of the runner, each starting a process per fixture file
  'jobs.test.ts',
];

/** Seconds each slow file took (test:slow, DAXCHECK_TEST_TIMES); --jobs starts the longest first. */
const SECONDS: Readonly<Record<string, number>> = {
  'campaign/loadPort.test.ts': 228,
  'bench/mutants.test.ts': 216,
  'campaign/hunt/worker.test.ts': 99,
  'bench/bench.test.ts': 93,
  'campaign/hunt/failureSignature.test.ts': 83,
  'properties/errorPathMutants.test.ts': 26,
  'bench/guided.test.ts': 26,
};

/** The expected cost of a test file (path under test/) for ordering: its measured seconds, else 0. */
export function slowTestWeight(path: string): number {
  return SECONDS[path] ?? 0;
}
