/**
 * The slow test files (paths under test/), measured with test/run.ts's per-file times:
 * `npm test` leaves them out (`test/run.ts --fast`) and `npm run test:slow` runs them;
 * CI (.ci/run) runs both, so every test still runs there.
 */
export const SLOW_TESTS: readonly string[] = [];
