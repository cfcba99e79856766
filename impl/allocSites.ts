/**
 * The implementation's allocation sites under fail-nth (docs/SPECIFICATION.md §8.2): each
 * place where the C port (ports/c/) allocates has a counterpart here, named as the C port
 * names its own (`function:object`). Within one operation, the armed nth allocation fails.
 */
import type { OpAllocations } from '../sut/interface.ts';

export class AllocSites {
  /** The n armed for the next operation (0: none), and the current operation's (0: off). */
  private pending = 0;
  private n = 0;
  private sites: string[] = [];
  private failed: string | null = null;

  /** Arms the next operation: its nth allocation fails. */
  arm(n: number): void {
    this.pending = n;
  }

  /** Starts an operation: it takes the armed n (if any); the last one's allocations are forgotten. */
  begin(): void {
    this.n = this.pending;
    this.pending = 0;
    this.sites = [];
    this.failed = null;
  }

  /** Counts one allocation at site; true when it is the armed nth (that allocation fails, the counter disarms). */
  fails(site: string): boolean {
    this.sites.push(site);
    if (this.n === 0 || this.sites.length !== this.n) return false;
    this.n = 0;
    this.failed = site;
    return true;
  }

  /** What the last operation allocated. */
  take(): OpAllocations {
    return { sites: this.sites, failed: this.failed };
  }
}
