/**
 * A hunt's worker pool from start to end, with its signals: the pool stops its workers
 * at the end of the budget; Ctrl-C (or SIGTERM) asks them to finish their current
 * batches (bounded in time: pool.interrupt), a second Ctrl-C stops them at once. When
 * the pool is done, every port process still running (and its children) is ended,
 * whatever ended the hunt.
 */
import { reapPorts } from '../../protocol/portReaper.ts';
import type { HuntPool } from './pool.ts';

/** How long port processes still running at the end get between SIGTERM and SIGKILL. */
const PORT_GRACE_MS = 500;

/** What runPool tells its caller: `update` every `tickMs` (progress figures), `log` a line about a signal. */
export interface PoolWatch {
  update: () => void;
  log: (line: string) => void;
  tickMs: number;
}

/**
 * Starts the pool and waits until it is done and its port processes are ended. Installs
 * SIGINT and SIGTERM handlers for that time only. Resolves true when interrupted.
 */
export async function runPool(pool: HuntPool, watch: PoolWatch): Promise<boolean> {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      watch.log(`${signal} again: stopping the workers now (their current batches are lost)`);
      void pool.kill();
      return;
    }
    interrupted = true;
    const bound = pool.interrupt();
    watch.log(`${signal}: finishing the current batches (at most ${bound / 1000} s) and writing the reports (again to stop at once)`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  pool.start();
  watch.update();
  const ticker = setInterval(watch.update, watch.tickMs);
  await pool.done;
  clearInterval(ticker);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await reapPorts(PORT_GRACE_MS); // every port process and its children, whatever ended the hunt
  return interrupted;
}
