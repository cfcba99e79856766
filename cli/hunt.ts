/** `daxcheck hunt` (being written). */
import { UsageError } from './usageError.ts';

export async function huntCommand(_argv: string[]): Promise<number> {
  throw new UsageError('daxcheck hunt: not available yet');
}
