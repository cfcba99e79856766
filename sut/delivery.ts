/**
 * How a run's requests reach a port process (PROTOCOL.md "Delivery"; docs/port-power.md).
 * The runner varies it from run to run, seeded, so that a defect depending on how
 * requests arrive shows up (a pointer kept into the port's request buffer shows only
 * when a later read() overwrites that buffer); a counterexample records the delivery
 * that found it, and shrinking and replay keep it.
 */

/**
 * - batch: every request in one write();
 * - split: several write() calls cut between seeded lines, each written once the port
 *   answered every line before it (so each reaches the port in a read() of its own);
 * - step:  one step (operation, observe, check) at a time, each written once the
 *   previous step's answers came back.
 */
export type DeliveryMode = 'batch' | 'split' | 'step';

export const DELIVERY_MODES: readonly DeliveryMode[] = ['batch', 'split', 'step'];

/** The delivery of one run. */
export interface Delivery {
  mode: DeliveryMode;
  /** Seeds the cut points of a split delivery (kept for the others: it names the choice). */
  seed: number;
  /**
   * The run has a process of its own and ends it with `quit`; the exit status is part
   * of the verdict (a sanitizer's leak report is a `sut-leaked` counterexample).
   */
  quit: boolean;
}

/** The delivery of a run that records none (files written before deliveries existed). */
export const BATCH_DELIVERY: Delivery = { mode: 'batch', seed: 0, quit: false };

/** Whether x is a Delivery (as read from a counterexample file). */
export function isDelivery(x: unknown): x is Delivery {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Record<string, unknown>;
  return (DELIVERY_MODES as readonly unknown[]).includes(d.mode) && Number.isSafeInteger(d.seed) && typeof d.quit === 'boolean';
}

/** A delivery as a short word for messages: `batch`, `split#7`, `step+quit`. */
export function deliveryText(d: Delivery): string {
  return `${d.mode}${d.mode === 'split' ? `#${d.seed}` : ''}${d.quit ? '+quit' : ''}`;
}

/** A system under test whose runs have deliveries (a port process): the runner can pin one. */
export interface DeliveryControl {
  /** The delivery every run now gets, or null (chosen per run). A failing run pins its own. */
  pinnedDelivery(): Delivery | null;
  /** Pins d for every run from now on (null: choose per run again). */
  pinDelivery(d: Delivery | null): void;
}

/** Whether factory has deliveries. */
export function hasDeliveries(factory: object): factory is DeliveryControl {
  return typeof (factory as Partial<DeliveryControl>).pinDelivery === 'function';
}
