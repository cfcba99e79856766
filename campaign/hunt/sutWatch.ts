/**
 * What a hunt worker shares with the main thread, in one SharedArrayBuffer that stays
 * readable after the worker is stopped: a stop flag, whether the worker is inside the
 * system under test and a tick per call (the main thread's hang watchdog), where the
 * worker is in its seed stream, the commands of the current run so far as JSON lines
 * (what a hang counterexample holds), and the start signal with the budget's deadline
 * (the budget counts search time: it starts once the workers are ready).
 */
import { decodeValue, encodeValue } from '../../properties/values.ts';

/** Where the worker is: outside the system under test, or inside one of its calls. */
export type WatchPhase = 'idle' | 'create' | 'call' | 'observe';
const PHASES: readonly WatchPhase[] = ['idle', 'create', 'call', 'observe'];

const STOP = 0;
const PHASE = 1;
const TICK = 2;
const POSITION = 3;
const TARGET = 4;
const SEED = 5;
const LOG_BYTES = 6;
const LOG_TRUNCATED = 7;
const GO = 8;
/** Byte offset of the deadline (a Float64, Date.now() milliseconds). */
const DEADLINE_BYTE = 48;
const HEADER_BYTES = 64;

/** Room for the command log of one run: far more than HUNT_MAX_COMMANDS commands. */
export const LOG_CAPACITY = 1 << 20;

/** The main thread's reading of a stalled worker. */
export interface WatchReading {
  phase: WatchPhase;
  tick: number;
  position: number;
  target: number;
  seed: number;
  /** The commands the current run sent to the system under test, in order. */
  commands: { op: string }[];
  truncated: boolean;
}

/** One worker's shared state; both threads view the same buffer through their own SutWatch. */
export class SutWatch {
  readonly ints: Int32Array;
  readonly bytes: Uint8Array;
  private readonly deadlineCell: Float64Array;
  private readonly encoder = new TextEncoder();

  /** Views a buffer made by SutWatch.allocate (in the main thread or a worker). */
  constructor(readonly buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
    this.deadlineCell = new Float64Array(buffer, DEADLINE_BYTE, 1);
  }

  /** A fresh buffer for one worker. */
  static allocate(logCapacity = LOG_CAPACITY): SharedArrayBuffer {
    return new SharedArrayBuffer(HEADER_BYTES + logCapacity);
  }

  /** Main thread: ask the worker to stop after its current batch (also ends its wait for the start). */
  requestStop(): void {
    Atomics.store(this.ints, STOP, 1);
    Atomics.notify(this.ints, GO);
  }

  /** Main thread: the budget starts; the worker searches until deadline (Date.now() ms). */
  start(deadline: number): void {
    this.deadlineCell[0] = deadline;
    Atomics.store(this.ints, GO, 1);
    Atomics.notify(this.ints, GO);
  }

  /** Worker: blocks until the main thread starts the budget or asks for a stop. */
  waitForStart(): void {
    while (Atomics.load(this.ints, GO) === 0 && !this.stopRequested()) Atomics.wait(this.ints, GO, 0, 1000);
  }

  /** The budget's deadline (Date.now() ms), or 0 before the start. */
  deadline(): number {
    return Atomics.load(this.ints, GO) === 1 ? this.deadlineCell[0]! : 0;
  }

  /** Worker: has the main thread asked for a stop? */
  stopRequested(): boolean {
    return Atomics.load(this.ints, STOP) === 1;
  }

  /** Worker: starting batch `position` of its stream on target `target` with `seed`. */
  setPosition(position: number, target: number, seed: number): void {
    this.ints[POSITION] = position;
    this.ints[TARGET] = target;
    this.ints[SEED] = seed;
  }

  /** Worker: a new run begins; forget the previous run's commands. */
  beginRun(): void {
    this.ints[LOG_BYTES] = 0;
    this.ints[LOG_TRUNCATED] = 0;
  }

  /** Worker: cmd is about to run on the system under test. */
  logCommand(cmd: { op: string }): void {
    if (this.ints[LOG_TRUNCATED] === 1) return;
    const used = this.ints[LOG_BYTES]!;
    const text = JSON.stringify(cmd, encodeValue) + '\n';
    const { read, written } = this.encoder.encodeInto(text, this.bytes.subarray(used));
    if (read < text.length) this.ints[LOG_TRUNCATED] = 1;
    else this.ints[LOG_BYTES] = used + written;
  }

  /** Worker: entering the system under test. */
  enter(phase: Exclude<WatchPhase, 'idle'>): void {
    Atomics.add(this.ints, TICK, 1);
    Atomics.store(this.ints, PHASE, PHASES.indexOf(phase));
  }

  /** Worker: back from the system under test. */
  leave(): void {
    Atomics.store(this.ints, PHASE, 0);
  }

  /** Main thread: phase and tick, cheap enough to poll. */
  pulse(): { phase: WatchPhase; tick: number } {
    return { phase: PHASES[Atomics.load(this.ints, PHASE)]!, tick: Atomics.load(this.ints, TICK) };
  }

  /** Main thread: everything, including the current run's commands (read once a worker is stopped). */
  read(): WatchReading {
    const text = new TextDecoder().decode(this.bytes.slice(0, this.ints[LOG_BYTES]!));
    const commands = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l, decodeValue) as { op: string });
    return {
      ...this.pulse(),
      position: this.ints[POSITION]!,
      target: this.ints[TARGET]!,
      seed: this.ints[SEED]!,
      commands,
      truncated: this.ints[LOG_TRUNCATED] === 1,
    };
  }
}
