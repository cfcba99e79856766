/**
 * Allocation-failure injection (docs/SPECIFICATION.md §8): a point armed with n
 * fails its nth allocation from now, counted over the whole system, then disarms.
 */
import { FAIL_POINTS, type FailPoint } from '../sut/interface.ts';

export class FailInjector {
  /** Allocations left before the armed point fails (1 = the next one). */
  private readonly armed = new Map<FailPoint, number>();

  /** Arms point for its nth allocation from now (re-arming replaces). False: unknown point or nth not an integer >= 1. */
  arm(point: FailPoint, nth: number): boolean {
    if (!FAIL_POINTS.includes(point) || !Number.isInteger(nth) || nth < 1) return false;
    this.armed.set(point, nth);
    return true;
  }

  /** Counts one allocation at point; true when it is the one that must fail (the point disarms). */
  fails(point: FailPoint): boolean {
    const left = this.armed.get(point);
    if (left === undefined) return false;
    if (left > 1) {
      this.armed.set(point, left - 1);
      return false;
    }
    this.armed.delete(point);
    return true;
  }
}
