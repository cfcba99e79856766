/**
 * Choosing a run's delivery (sut/delivery.ts) and cutting its request text into the
 * writes that delivery makes. Both are pure functions of a seed: no Math.random.
 */
import type { Delivery, DeliveryMode } from '../sut/delivery.ts';

/** The shares of runs (in percent) delivered other than in one batch, and ended with `quit`. */
export interface DeliveryShares {
  splitPercent: number;
  stepPercent: number;
  quitPercent: number;
}

/**
 * The default shares: cheap enough to leave on in every hunt (docs/port-power.md "What it
 * costs"). A run with `quit` costs a process start (tens of ms, far more under load), so
 * it is the rarest.
 */
export const DEFAULT_SHARES: DeliveryShares = { splitPercent: 10, stepPercent: 5, quitPercent: 0.25 };

/** A 32-bit mix of two integers (murmur3's finalizer over a combined word). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ (b | 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The delivery of the run numbered `run` under `seed`. */
export function chooseDelivery(seed: number, run: number, shares: DeliveryShares = DEFAULT_SHARES): Delivery {
  const h = mix(seed, run);
  const pick = h % 100;
  const mode: DeliveryMode = pick < shares.splitPercent ? 'split' : pick < shares.splitPercent + shares.stepPercent ? 'step' : 'batch';
  const quit = mix(h, 0x51) % 10_000 < shares.quitPercent * 100;
  return { mode, seed: mix(h, 0x5eed) & 0x7fffffff, quit };
}

/** One write of a delivery: its text, written once `wait` answers of the exchange came back. */
export interface Chunk {
  text: string;
  wait: number;
}

/** Lines a request text holds up to a byte offset (complete lines only), `quit` not counted (it has no answer). */
function answersBefore(lines: readonly string[], offset: number): number {
  let n = 0;
  let at = 0;
  for (const l of lines) {
    at += l.length + 1;
    if (at > offset) break;
    if (l !== 'quit') n++;
  }
  return n;
}

/**
 * The writes of lines under delivery d: one for batch; for split 1 to 4 cuts between
 * seeded lines; for step one write per group of lines (groupEnds: the index after each
 * step's last line). Cuts fall between lines only: each write then waits for the answers
 * of every line before it, so the port has read them all and each write reaches it in
 * a read() of its own, the same way on every replay (a cut inside a line could merge
 * with the next write, depending on timing).
 */
export function chunksOf(lines: readonly string[], d: Delivery, groupEnds: readonly number[] = []): Chunk[] {
  const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  let cuts: number[];
  switch (d.mode) {
    case 'batch':
      return [{ text, wait: 0 }];
    case 'split':
    case 'step': {
      const n = 1 + (d.seed % 4);
      const ends = new Set(d.mode === 'step' ? groupEnds : Array.from({ length: n }, (_, i) => 1 + (mix(d.seed, i + 1) % Math.max(1, lines.length - 1))));
      const offsets: number[] = [];
      let at = 0;
      lines.forEach((l, i) => {
        at += l.length + 1;
        if (ends.has(i + 1)) offsets.push(at);
      });
      cuts = offsets;
      break;
    }
  }
  const points = [...new Set(cuts.filter((c) => c > 0 && c < text.length))].sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    chunks.push({ text: text.slice(from, p), wait: answersBefore(lines, from) });
    from = p;
  }
  return chunks;
}
