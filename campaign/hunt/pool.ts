/**
 * The hunt's worker threads: one per seed stream, each watched through its SutWatch. The
 * budget counts search time: it starts when every worker has loaded its systems and said
 * it is ready (or a start-up grace has passed), not when the threads are spawned. A
 * worker that stays inside one call of the system under test for the command timeout is
 * stopped and reported as a hang; a worker that crashes is reported. Either way a fresh
 * worker takes over the rest of its stream (from the position after the one it was at),
 * unless the hunt is stopping. Workers still running well after the budget, or after an
 * interrupt, are stopped outright. The port processes of a worker that is gone (their
 * environment names its scope, protocol/portReaper.ts) are ended with it.
 */
import { Worker } from 'node:worker_threads';
import { PORT_SCOPE, reapPorts } from '../../protocol/portReaper.ts';
import { FoundRegistry } from './foundRegistry.ts';
import type { HuntMessage, HuntWorkerData } from './messages.ts';
import { SutWatch, type WatchReading } from './sutWatch.ts';
import { BATCH_TIME_LIMIT_MS, MINIMIZE_TIME_LIMIT_MS } from './worker.ts';

const ENTRY = new URL('./workerEntry.js', import.meta.url);

/** How long the port processes of a worker that is gone get between SIGTERM and SIGKILL. */
const PORT_GRACE_MS = 500;

/** Crashes per stream after which it is given up. */
const MAX_CRASHES = 3;

export interface PoolEvents {
  message(m: HuntMessage): void;
  /** Worker `worker` did not come back from the system under test; it is being stopped. */
  hang(worker: number, reading: WatchReading): void;
  /** Worker `worker` died with an uncaught error while at `reading`; givenUp: its stream is not restarted (too many crashes). */
  crash(worker: number, reading: WatchReading, message: string, givenUp: boolean): void;
  /** The budget started (every worker ready); it ends at deadline (Date.now() ms). */
  started?(deadline: number): void;
  /** Workers were still running `lateMs` after they were asked to stop; they are being stopped outright. */
  overdue?(lateMs: number): void;
}

export interface PoolOptions {
  /** Start data shared by every worker. */
  data: Omit<HuntWorkerData, 'worker' | 'start' | 'buffer' | 'found'>;
  commandTimeoutMs: number;
  /** The search budget, counted from the start signal. */
  budgetMs: number;
  /** Longest wait for the workers to be ready before the budget starts anyway (default 60 s). */
  startupGraceMs?: number;
}

interface Slot {
  index: number;
  worker: Worker | null;
  watch: SutWatch;
  lastTick: number;
  lastChange: number;
  crashes: number;
  /** Between stopping a hung worker and starting its successor. */
  restarting: boolean;
  /** The worker has loaded its systems (or ended before it could). */
  ready: boolean;
}

/** The workers of one hunt; see the file comment. */
export class HuntPool {
  private readonly slots: Slot[] = [];
  /** Workers this pool stopped on purpose, so that their exit is not taken for a crash. */
  private readonly stopped = new WeakSet<Worker>();
  private stopping = false;
  /** The failures found so far, shared by every worker and its successors (foundRegistry.ts). */
  private readonly found = FoundRegistry.allocate();
  /** Workers spawned so far (names their port scopes). */
  private spawned = 0;
  /** Port reaps under way (done waits for them). */
  private reaping = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  /** The budget's end once started (Date.now() ms), else null. */
  deadline: number | null = null;
  private resolveDone: () => void = () => {};
  /** Settles once every stream has ended. */
  readonly done: Promise<void> = new Promise((r) => (this.resolveDone = r));

  constructor(readonly o: PoolOptions, readonly events: PoolEvents) {}

  /** Starts one worker per stream and the hang watchdog. */
  start(): void {
    for (let i = 0; i < this.o.data.workers; i++) {
      const slot: Slot = { index: i, worker: null, watch: new SutWatch(SutWatch.allocate(0)), lastTick: 0, lastChange: 0, crashes: 0, restarting: false, ready: false };
      this.slots.push(slot);
      this.spawn(slot, 0);
    }
    const poll = Math.max(10, Math.min(100, Math.floor(this.o.commandTimeoutMs / 4)));
    this.timer = setInterval(() => this.checkHangs(), poll);
    this.timers.push(setTimeout(() => this.go(), this.o.startupGraceMs ?? 60_000));
  }

  /** Starts the budget (once): every worker gets the deadline; stop at the deadline, stop outright when overdue. */
  private go(): void {
    if (this.deadline !== null || this.stopping) return;
    const deadline = Date.now() + this.o.budgetMs;
    this.deadline = deadline;
    for (const s of this.slots) s.watch.start(deadline);
    this.events.started?.(deadline);
    this.timers.push(setTimeout(() => this.stop(), this.o.budgetMs));
    this.timers.push(setTimeout(() => this.overdue(), this.o.budgetMs + this.stopBoundMs()));
  }

  /** How long workers asked to stop may take: a batch, its minimizing, one call, and slack. */
  stopBoundMs(): number {
    return BATCH_TIME_LIMIT_MS + MINIMIZE_TIME_LIMIT_MS + this.o.commandTimeoutMs + 5000;
  }

  private overdue(): void {
    if (this.running() === 0) return;
    this.events.overdue?.(this.stopBoundMs());
    void this.kill();
  }

  /** Asks every worker to stop after its current batch; no worker is started any more. */
  stop(): void {
    this.stopping = true;
    for (const s of this.slots) s.watch.requestStop();
  }

  /** stop(), and stop outright the workers still running after stopBoundMs(); returns that bound. */
  interrupt(): number {
    this.stop();
    this.timers.push(setTimeout(() => this.overdue(), this.stopBoundMs()));
    return this.stopBoundMs();
  }

  /** Stops every worker now (their current batches are lost; their saved files are not). */
  async kill(): Promise<void> {
    this.stop();
    await Promise.all(this.slots.map((s) => this.terminate(s)));
  }

  /** Workers still running. */
  running(): number {
    return this.slots.filter((s) => s.worker !== null).length;
  }

  private spawn(slot: Slot, start: number): void {
    const buffer = SutWatch.allocate();
    slot.watch = new SutWatch(buffer);
    slot.watch.setPosition(start, 0, 0);
    if (this.deadline !== null) slot.watch.start(this.deadline);
    if (this.stopping) slot.watch.requestStop();
    slot.lastTick = 0;
    slot.lastChange = performance.now();
    const data: HuntWorkerData = { ...this.o.data, worker: slot.index, start, buffer, found: this.found };
    const scope = `hunt-${slot.index}-${++this.spawned}`;
    const worker = new Worker(ENTRY, { workerData: data, env: { ...process.env, [PORT_SCOPE]: scope } });
    slot.worker = worker;
    let error: unknown = null;
    worker.on('message', (m: HuntMessage) => {
      if (m.type === 'ready') this.readied(slot);
      else this.events.message(m);
    });
    worker.on('error', (e) => (error = e));
    worker.on('exit', (code) => this.exited(slot, worker, code, error, scope));
  }

  /** A worker is ready (or gone): the budget starts once every slot is. */
  private readied(slot: Slot): void {
    slot.ready = true;
    if (this.slots.every((s) => s.ready)) this.go();
  }

  private exited(slot: Slot, worker: Worker, code: number, error: unknown, scope: string): void {
    if (slot.worker === worker) slot.worker = null;
    this.reap(scope);
    if (!this.stopped.has(worker) && (error !== null || code !== 0)) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : `worker exited with code ${code}`;
      const reading = slot.watch.read();
      const again = ++slot.crashes < MAX_CRASHES;
      this.events.crash(slot.index, reading, message, !again);
      if (again) this.respawn(slot, reading.position + 1);
    }
    if (slot.worker === null && !slot.ready) this.readied(slot);
    this.settle();
  }

  private respawn(slot: Slot, start: number): void {
    if (!this.stopping && (this.deadline === null || Date.now() < this.deadline)) this.spawn(slot, start);
  }

  private checkHangs(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.worker === null) continue;
      const { phase, tick } = slot.watch.pulse();
      if (phase === 'idle' || tick !== slot.lastTick) {
        slot.lastTick = tick;
        slot.lastChange = now;
      } else if (now - slot.lastChange >= this.o.commandTimeoutMs) {
        void this.hung(slot);
      }
    }
  }

  private async hung(slot: Slot): Promise<void> {
    const reading = slot.watch.read();
    slot.restarting = true;
    const terminated = this.terminate(slot);
    this.events.hang(slot.index, reading);
    await terminated;
    slot.restarting = false;
    this.respawn(slot, reading.position + 1);
    this.settle();
  }

  private async terminate(slot: Slot): Promise<void> {
    const worker = slot.worker;
    if (worker === null) return;
    slot.worker = null;
    this.stopped.add(worker);
    await worker.terminate();
  }

  /** Ends the port processes a worker that is gone left behind (a call it was stopped in, a crash); done settles after. */
  private reap(scope: string): void {
    this.reaping += 1;
    void reapPorts(PORT_GRACE_MS, scope).finally(() => {
      this.reaping -= 1;
      this.settle();
    });
  }

  private settle(): void {
    if (this.reaping === 0 && this.slots.every((s) => s.worker === null && !s.restarting)) {
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
      for (const t of this.timers) clearTimeout(t);
      this.resolveDone();
    }
  }
}
