/** `daxcheck minimize` (being written). */
import { UsageError } from './usageError.ts';

export async function minimizeCommand(_argv: string[]): Promise<number> {
  throw new UsageError('daxcheck minimize: not available yet');
}
