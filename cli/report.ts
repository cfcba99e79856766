/** `daxcheck report` (being written). */
import { UsageError } from './usageError.ts';

export async function reportCommand(_argv: string[]): Promise<number> {
  throw new UsageError('daxcheck report: not available yet');
}
