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
  'ports/kernelOracleCost.test.ts',
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

/**
 * Seconds each slow file took in its own process (npm run test:slow with --jobs 2 at load
 * 7-12, 2026-12-01; DAXCHECK_TEST_TIMES): --jobs starts the longest first, so that no long
 * file starts last. Only the order matters.
 */
export const SLOW_TEST_SECONDS: Readonly<Record<string, number>> = {
  'cli/huntExec.test.ts': 109,
  'ports/kernelProbe.test.ts': 103,
  'cli/kernel.test.ts': 94,
  'ports/kernelFailNth.test.ts': 89,
  'cli/huntPort.test.ts': 76,
  'cli/hunt.test.ts': 66,
  'ports/kernelHarness.test.ts': 59,
  'cli/install.test.ts': 55,
  'ports/portLeaks.test.ts': 53,
  'cli/huntHang.test.ts': 52,
  'ports/cportFailNth.test.ts': 51,
  'ports/portDelivery.test.ts': 45,
  'ports/kernelDcd.test.ts': 39,
  'ports/cportDcd.test.ts': 38,
  'ports/kernelDax.test.ts': 38,
  'cli/huntPortProcesses.test.ts': 38,
  'bench/mutants.test.ts': 36,
  'cli/replayElsewhere.test.ts': 34,
  'jobs.test.ts': 33,
  'ports/processErrors.test.ts': 33,
  'ports/cportFaults.test.ts': 31,
  'cli/huntSut.test.ts': 31,
  'cli/huntSuiteAdvice.test.ts': 29,
  'ports/cportSelfCheck.test.ts': 28,
  'cli/huntDrawsRecorded.test.ts': 28,
  'campaign/loadPort.test.ts': 25,
  'campaign/hunt/worker.test.ts': 24,
  'ports/cport.test.ts': 22,
  'bench/bench.test.ts': 20,
  'cli/huntGuided.test.ts': 18,
  'reporting/browser.test.ts': 16,
  'protocol/checkRun.test.ts': 14,
  'campaign/hunt/failureSignature.test.ts': 9,
  'bench/guided.test.ts': 6,
  'protocol/observeChanged.test.ts': 5,
  'properties/errorPathMutants.test.ts': 5,
  'protocol/observeChangedSelfCheck.test.ts': 4,
  'ports/cportSizedCreate.test.ts': 4,
  'ports/kernelV10.test.ts': 3,
  'cli/huntFailNth.test.ts': 3,
};

/** The expected cost of a test file (path under test/) for ordering: its measured seconds, else 0. */
export function slowTestWeight(path: string): number {
  return SLOW_TEST_SECONDS[path] ?? 0;
}
