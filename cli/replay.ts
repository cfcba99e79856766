/** `daxcheck replay` (being written). */
import { UsageError } from './usageError.ts';

export async function replayCommand(_argv: string[]): Promise<number> {
  throw new UsageError('daxcheck replay: not available yet');
}
