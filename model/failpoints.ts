/**
 * Failure injection (docs/SPECIFICATION.md §8): each point can be armed so that
 * its nth allocation from now fails; counted over the whole system, disarmed once fired.
 */
import { fail, FAIL_POINTS, ok, type FailPoint, type Result } from '../sut/interface.ts';

export class Failures {
  /** Allocations left at each armed point until (and including) the one that fails. */
  private armed = new Map<FailPoint, number>();
  /** Points that failed since the last takeFired(), in order (for the suites' coverage labels). */
  private fired: FailPoint[] = [];

  /** The points whose injected failure fired since the last call; clears the list. */
  takeFired(): FailPoint[] {
    const fired = this.fired;
    this.fired = [];
    return fired;
  }

  /** failAllocation: arms point for its nth allocation (1 = the next). EINVAL: unknown point, nth not an integer ≥ 1. */
  arm(point: FailPoint, nth: number): Result {
    if (!FAIL_POINTS.includes(point) || !Number.isInteger(nth) || nth < 1) return fail('EINVAL');
    this.armed.set(point, nth);
    return ok();
  }

  /** Counts one allocation at point; true when this one must fail (the point is then disarmed). */
  fails(point: FailPoint): boolean {
    const left = this.armed.get(point);
    if (left === undefined) return false;
    if (left > 1) {
      this.armed.set(point, left - 1);
      return false;
    }
    this.armed.delete(point);
    this.fired.push(point);
    return true;
  }
}
