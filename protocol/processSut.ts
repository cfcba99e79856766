/**
 * A port process as a system under test (sut/interface.ts SutFactory): createTree() and
 * createDax() start the process, or reuse it with `new tree` / `new dax`, and every
 * method is one synchronous round trip (PROTOCOL.md). A port that announces the `check`
 * capability gets selfCheck() on its instances and a `check` after every step of a
 * batch. After a failure the next create starts a fresh process. `runBatch` sends many
 * requests at once and reads all answers: the fast path for a run resolved on the model
 * beforehand.
 */
import type { Args } from '../sut/arguments.ts';
import {
  DAX_ARGS, TREE_ARGS, type DaxSnapshot, type DaxSut, type OpAllocations, type ResourceTreeSut, type Result, type SutFactory, type TreeSnapshot,
} from '../sut/interface.ts';
import type { Delivery, DeliveryControl } from '../sut/delivery.ts';
import type { PlannedStep, RunChecker, RunVerdict } from '../sut/runCheck.ts';
import { checkBatch, expectAnswers, planRequests } from './checkRun.ts';
import { chooseDelivery, chunksOf, DEFAULT_SHARES, type DeliveryShares } from './delivery.ts';
import { quitFailure } from './exitVerdict.ts';
import { PortChannel, ProcessSutError } from './portChannel.ts';
import {
  AnswerError, CHECK_CAPABILITY, CHECK_REQUEST, FAILNTH_CAPABILITY, LEAKS_CAPABILITY, parseAllocationsAnswer, parseAnswer, parseCheckAnswer, ProtocolValueError, stringToken,
} from './protocol.ts';
import { requestLine } from './requestLine.ts';
import { parseDaxSnapshot, parseTreeSnapshot, SnapshotShapeError } from './snapshotText.ts';

export interface ProcessOptions {
  /** Faults switched on (`fault NAME`) in every DAX instance. */
  faults?: string[];
  /** No answer for this long: the process is killed and the call throws a 'hang'. Default 5000. */
  commandTimeoutMs?: number;
  /** Name for reports; default: the port's handshake name once known, else the command's last word. */
  name?: string;
  /** Working directory of the process (default: the current one). */
  cwd?: string;
  /** Ask a port with the `check` capability for its self-check after every step (default true; false: never send `check`). */
  selfCheck?: boolean;
  /** End every run with `new SUITE` + `check` on a port with the `leaks` capability (default true; PROTOCOL.md "Leaks"). */
  leakCheck?: boolean;
  /** The shares of runs delivered split, step by step, and ended with `quit` (default DEFAULT_SHARES; all 0: every run in one batch). */
  shares?: Partial<DeliveryShares>;
  /** Seeds the choice of each run's delivery (default 0). */
  deliverySeed?: number;
}

/** A SutFactory over a port process that checks whole runs at once, with the pipelined API and a way to stop the process. */
export interface ProcessSutFactory extends SutFactory, RunChecker, DeliveryControl {
  /** Sends every line, then reads one answer per line (none for `quit`); starts the process if needed. */
  runBatch(lines: readonly string[]): string[];
  /** The name the port gave in its handshake (starts the process if needed). */
  portName(): string;
  /** The capability words the port gave in its handshake, e.g. `check` (starts the process if needed). */
  capabilities(): ReadonlySet<string>;
  /** The id of the current process, or null when none runs. */
  processId(): number | null;
  /** Stops the process (`quit`); the next create starts a new one. */
  close(): void;
}

/** A request's line; a value the protocol cannot carry is a 'protocol' ProcessSutError. */
function requestText(ch: PortChannel, line: () => string): string {
  try {
    return line();
  } catch (e) {
    if (e instanceof ProtocolValueError) throw new ProcessSutError('protocol', e.message, { command: ch.command });
    throw e;
  }
}

/** Parses an answer, turning a malformed one into a 'sut-malformed' ProcessSutError (the process is stopped). */
function parsed<T>(ch: PortChannel, answer: string, request: string, parse: (answer: string, request: string) => T): T {
  try {
    return parse(answer, request);
  } catch (e) {
    if (e instanceof AnswerError || e instanceof SnapshotShapeError) {
      throw ch.fail(new ProcessSutError('sut-malformed', e.message, { command: ch.command, lastRequest: request }));
    }
    throw e;
  }
}

function snapText(answer: string, request: string): string {
  if (!answer.startsWith('snap ')) {
    throw new AnswerError(answer.startsWith('error ') ? `the port could not handle "${request}": ${answer}` : `expected "snap JSON" in answer to observe, got ${JSON.stringify(answer.slice(0, 120))}`);
  }
  return answer.slice(5);
}

/**
 * One instance (tree or DAX) living in the port's current process; stale once another is
 * created. Every operation is sent together with an `observe` (`observe changed` when a
 * batch found that the process answers it: a `same` stands for the port's previous
 * snapshot answer in this instance, kept here), and a `check` when the port has that
 * capability (one round trip instead of three, since the runner observes and
 * self-checks after every step); those answers wait for the next observe() and
 * selfCheck() and are dropped by the next operation.
 */
class Instance {
  private prefetched: string | null = null;
  private prefetchedCheck: string | null = null;
  private readonly checks: boolean;
  /** `observe changed` or `observe`. */
  private readonly observeRequest: string;
  /** The port's last snapshot answer in full in this instance (what its `same` stands for). */
  private lastSnap: string | null = null;
  /**
   * Only on a port with the `check` capability: its own invariants (PROTOCOL.md `check`),
   * [] when they hold, else [the port's text of the first violation].
   */
  declare readonly selfCheck?: () => string[];

  constructor(private readonly owner: ProcessFactoryImpl, private readonly ch: PortChannel, private readonly generation: number, private readonly suite: 'tree' | 'dax') {
    this.checks = owner.selfChecks(ch);
    this.observeRequest = owner.knowsChanges(ch) ? 'observe changed' : 'observe';
    if (this.checks) this.selfCheck = () => this.check();
    this.offerFailNth(ch);
  }

  /**
   * The end of a run step by step (sut/interface.ts endRun): on a port with the `leaks`
   * capability, `new SUITE` + `check` (its `bad TEXT` returned); under a pinned delivery
   * with `quit`, the process ends and a sanitizer's report at exit is thrown as a
   * ProcessSutError (sut-leaked or sut-crashed). The instance is not used after it.
   */
  endRun(): string[] {
    const ch = this.channel();
    let left: string[] = [];
    if (this.owner.leakChecks(ch)) {
      const lines = [`new ${this.suite}`, CHECK_REQUEST];
      this.owner.generation += 1;
      const [created, answer] = ch.exchange(lines);
      if (created !== 'ok') throw ch.fail(new ProcessSutError('sut-malformed', `expected "ok" in answer to "new ${this.suite}", got ${JSON.stringify(created!.slice(0, 120))}`, { command: ch.command, lastRequest: lines[0]! }));
      left = parsed(ch, answer!, CHECK_REQUEST, parseCheckAnswer);
    }
    if (left.length === 0 && this.owner.pinnedDelivery()?.quit === true) {
      this.owner.generation += 1;
      const failure = quitFailure(ch);
      if (failure !== null) throw failure;
    }
    return left;
  }

  /**
   * fail-nth (a port with the `failnth` capability): whether this instance is in a fail-nth
   * run (set by the first failNth or takeAllocations: only then does each call ask for its
   * `allocations`), the n armed for the next call (0: none), and the last call's allocations.
   */
  private failNthOn = false;
  private pendingFailNth = 0;
  private lastAllocations: OpAllocations = { sites: [], failed: null };
  /** Only on a port with the `failnth` capability (sut/interface.ts failNth, takeAllocations). */
  declare readonly failNth?: (n: number) => void;
  declare readonly takeAllocations?: () => OpAllocations;

  /** Gives this instance failNth and takeAllocations when the port announced `failnth`. */
  private offerFailNth(ch: PortChannel): void {
    if (!ch.capabilities.has(FAILNTH_CAPABILITY)) return;
    (this as { failNth?: (n: number) => void }).failNth = (n) => {
      this.failNthOn = true;
      this.pendingFailNth = n;
    };
    (this as { takeAllocations?: () => OpAllocations }).takeAllocations = () => {
      if (!this.failNthOn) {
        // the first step of a fail-nth run: its allocations were not asked with it
        this.failNthOn = true;
        this.lastAllocations = parsed(this.ch, this.channel().exchange(['allocations'])[0]!, 'allocations', parseAllocationsAnswer);
      }
      return this.lastAllocations;
    };
  }

  /** The operation method with values (in the interface's order): its request line, declared by args. */
  request(method: string, args: Args, values: readonly unknown[]): Result {
    return this.call(() => requestLine(method, args, values));
  }

  protected call(line: () => string): Result {
    const ch = this.channel();
    const request = requestText(ch, line);
    this.prefetched = null;
    this.prefetchedCheck = null;
    const observe = this.observeRequest;
    const lines = this.checks ? [request, observe, CHECK_REQUEST] : [request, observe];
    if (this.failNthOn) {
      // one round trip: arm, the request, its allocations, then observe (and check)
      lines.splice(1, 0, 'allocations');
      if (this.pendingFailNth > 0) lines.unshift(`failNth ${this.pendingFailNth}`);
    }
    const armed = this.failNthOn && this.pendingFailNth > 0;
    this.pendingFailNth = 0;
    const answers = ch.exchange(lines);
    if (armed) {
      const a = answers.shift()!;
      if (a !== 'ok') throw ch.fail(new ProcessSutError('sut-malformed', `expected "ok" in answer to "${lines[0]}", got ${JSON.stringify(a.slice(0, 120))}`, { command: ch.command, lastRequest: lines[0]! }));
    }
    if (this.failNthOn) this.lastAllocations = parsed(ch, answers.splice(1, 1)[0]!, 'allocations', parseAllocationsAnswer);
    const [answer, snap, check] = answers;
    const result = parsed(ch, answer!, request, parseAnswer);
    this.prefetched = this.full(snap!);
    this.prefetchedCheck = check ?? null;
    return result;
  }

  private check(): string[] {
    const ch = this.channel();
    const answer = this.prefetchedCheck ?? ch.exchange([CHECK_REQUEST])[0]!;
    this.prefetchedCheck = null;
    return parsed(ch, answer, CHECK_REQUEST, parseCheckAnswer);
  }

  protected observeText(): string {
    const ch = this.channel();
    const answer = this.prefetched ?? this.full(ch.exchange([this.observeRequest])[0]!);
    this.prefetched = null;
    return parsed(ch, answer, this.observeRequest, snapText);
  }

  /** A snapshot answer with `same` replaced by the full answer it stands for (kept as the new one when full). */
  private full(answer: string): string {
    if (answer !== 'same') {
      if (answer.startsWith('snap ')) this.lastSnap = answer;
      return answer;
    }
    if (this.observeRequest === 'observe changed' && this.lastSnap !== null) return this.lastSnap;
    throw this.ch.fail(new ProcessSutError('sut-malformed', `answered "same" to "${this.observeRequest}" with no earlier snapshot in this instance`, { command: this.ch.command, lastRequest: this.observeRequest }));
  }

  protected channel(): PortChannel {
    if (this.owner.generation !== this.generation) {
      throw new ProcessSutError('protocol', 'this instance was replaced by a newer one of the same port', { command: this.ch.command });
    }
    return this.ch;
  }

  /** The port's snapshot, parsed; a misshapen one is the port's failure (sut-malformed). */
  protected observeAs<T>(parse: (text: string) => T): T {
    const text = this.observeText();
    try {
      return parse(text);
    } catch (e) {
      return this.malformed(e, 'observe');
    }
  }

  protected malformed(e: unknown, request: string): never {
    if (e instanceof SnapshotShapeError) {
      throw this.ch.fail(new ProcessSutError('sut-malformed', `snapshot: ${e.message}`, { command: this.ch.command, lastRequest: request }));
    }
    throw e;
  }
}

/** A port's operations, one method each (declared below from TREE_ARGS and DAX_ARGS). */
type TreeRequests = Pick<ResourceTreeSut, Exclude<keyof typeof TREE_ARGS, 'failNth'>>;
type DaxRequests = Pick<DaxSut, Exclude<keyof typeof DAX_ARGS, 'failNth'>>;

interface ProcessTree extends TreeRequests {}
class ProcessTree extends Instance implements ResourceTreeSut {
  constructor(owner: ProcessFactoryImpl, ch: PortChannel, generation: number) {
    super(owner, ch, generation, 'tree');
  }

  observe(): TreeSnapshot {
    return this.observeAs(parseTreeSnapshot);
  }
}

interface ProcessDax extends DaxRequests {}
class ProcessDax extends Instance implements DaxSut {
  constructor(owner: ProcessFactoryImpl, ch: PortChannel, generation: number) {
    super(owner, ch, generation, 'dax');
  }

  observe(): DaxSnapshot {
    return this.observeAs(parseDaxSnapshot);
  }
}

/**
 * Every declared operation of a suite (sut/interface.ts TREE_ARGS, DAX_ARGS) as a method of
 * its instances: one round trip with the request line written from the declaration.
 * failNth is not among them: it is the `failnth` capability's (Instance.offerFailNth).
 */
function declareRequests(proto: Instance, table: Readonly<Record<string, Args>>): void {
  for (const [method, args] of Object.entries(table)) {
    if (method === 'failNth') continue;
    Object.defineProperty(proto, method, {
      value(this: Instance, ...values: unknown[]): Result { return this.request(method, args, values); },
      writable: true,
      configurable: true,
    });
  }
}
declareRequests(ProcessTree.prototype, TREE_ARGS);
declareRequests(ProcessDax.prototype, DAX_ARGS);

class ProcessFactoryImpl implements ProcessSutFactory {
  private ch: PortChannel | null = null;
  /** Whether the process `changes.channel` answers `observe changed`. */
  private changes: { channel: PortChannel; known: boolean } | null = null;
  generation = 0;
  readonly name: string;
  /** Runs since this factory began (each one's delivery is chosen from the seed and its number). */
  private runs = 0;
  /** Runs (batches or step-by-step instances) the current process served. */
  private channelRuns = 0;
  /** The delivery every run gets (shrinking and replay keep the one that found a failure), or null: chosen per run. */
  private pinned: Delivery | null = null;
  /** A leak showed at an exit but not for the run alone: from now on every run ends its own process. */
  private suspect = false;
  /** The last run's failure showed at the exit after quit (checkDelivered). */
  private atExit = false;
  private readonly shares: DeliveryShares;

  constructor(private readonly command: string[], private readonly opts: ProcessOptions) {
    this.name = opts.name ?? command[command.length - 1]!.split('/').pop()!;
    this.shares = { ...DEFAULT_SHARES, ...opts.shares };
  }

  /** Whether runs on the port behind ch end with the leak check: it has the `leaks` capability and the options allow it. */
  leakChecks(ch: PortChannel): boolean {
    return this.opts.leakCheck !== false && ch.capabilities.has(LEAKS_CAPABILITY);
  }

  pinnedDelivery(): Delivery | null {
    return this.pinned;
  }

  pinDelivery(d: Delivery | null): void {
    this.pinned = d;
  }

  /** Whether the runner asks the port behind ch for its self-check: it has the capability and the options allow it. */
  selfChecks(ch: PortChannel): boolean {
    return this.opts.selfCheck !== false && ch.capabilities.has(CHECK_CAPABILITY);
  }

  /** The running process, or a fresh one (after a crash, a hang, a malformed answer or close). */
  private channel(): PortChannel {
    if (this.ch === null || !this.ch.alive) {
      this.channelRuns = 0;
      this.ch = new PortChannel(this.command, { commandTimeoutMs: this.opts.commandTimeoutMs ?? 5000, ...(this.opts.cwd === undefined ? {} : { cwd: this.opts.cwd }) });
    }
    return this.ch;
  }

  /**
   * Whether the process behind ch is known to answer `observe changed` (asked once per
   * process by the first batch, observesChanges); step by step instances then use it too.
   */
  knowsChanges(ch: PortChannel): boolean {
    return this.changes?.channel === ch && this.changes.known;
  }

  /** `new SUITE` plus the faults, in one exchange; a port that lacks the suite answers err EINVAL. */
  private fresh(suite: 'tree' | 'dax'): PortChannel {
    if (this.pinned?.quit === true && this.channelRuns > 0) this.close(); // a process of its own
    const ch = this.channel();
    this.channelRuns += 1;
    const faults = suite === 'dax' ? this.opts.faults ?? [] : [];
    const lines = [`new ${suite}`, ...faults.map((f) => `fault ${stringToken(f)}`)];
    const answers = ch.exchange(lines);
    if (answers[0] === 'err EINVAL') {
      throw new ProcessSutError('protocol', `the port ${ch.name} does not implement the ${suite} suite (it answered "err EINVAL" to "new ${suite}")`, { command: this.command, lastRequest: `new ${suite}` });
    }
    answers.forEach((a, i) => {
      if (a === 'ok') return;
      const what = i === 0 ? `expected "ok" in answer to "new ${suite}", got ${JSON.stringify(a.slice(0, 120))}` : `the port does not know the fault ${faults[i - 1]} (it answered ${JSON.stringify(a.slice(0, 60))})`;
      throw ch.fail(new ProcessSutError(i === 0 ? 'sut-malformed' : 'protocol', what, { command: this.command, lastRequest: lines[i]! }));
    });
    this.generation += 1;
    return ch;
  }

  createTree(): ResourceTreeSut {
    const ch = this.fresh('tree');
    return new ProcessTree(this, ch, this.generation);
  }

  createDax(): DaxSut {
    const ch = this.fresh('dax');
    return new ProcessDax(this, ch, this.generation);
  }

  /**
   * Checks a run under its delivery (sut/delivery.ts): the pinned one, else one chosen
   * from the seed and the run's number (every run its own process once a leak could not
   * be pinned on one run). A failing run pins its delivery, so that shrinking keeps it;
   * whoever records the failure reads it (pinnedDelivery) and unpins.
   */
  checkRun(suite: 'tree' | 'dax' | 'dcd', steps: readonly PlannedStep[]): RunVerdict {
    if (suite === 'dcd') throw new ProcessSutError('protocol', 'the protocol client does not drive the v11/v10 profile yet (PROTOCOL.md lists its lines)', { command: this.command, lastRequest: 'new dcd' });
    let d = this.pinned ?? chooseDelivery(this.opts.deliverySeed ?? 0, this.runs++, this.shares);
    if (this.suspect) d = { ...d, quit: true };
    this.atExit = false;
    const verdict = this.checkDelivered(suite, steps, d, d.quit && (this.pinned !== null || this.suspect));
    // `quit` is kept only when the exit found it: a process per try makes shrinking slow.
    if (verdict !== null && this.pinned === null) this.pinned = this.atExit ? d : { ...d, quit: false };
    return verdict;
  }

  /**
   * One run under delivery d (with `fresh`, on a process of its own). Under `quit` the
   * process ends after the run and its exit is judged; a failure at an exit of a process
   * that served earlier runs is checked again on the run alone, and when the run alone
   * passes, every later run gets a process of its own.
   */
  private checkDelivered(suite: 'tree' | 'dax', steps: readonly PlannedStep[], d: Delivery, fresh: boolean): RunVerdict {
    if (fresh && this.channelRuns > 0) this.close();
    const changed = this.observesChanges(suite);
    let ch: PortChannel;
    try {
      ch = this.channel(); // the process the batch goes to
    } catch (e) {
      if (e instanceof ProcessSutError) return { step: 0, kind: 'failure', failure: e };
      throw e;
    }
    const requests = planRequests(suite, steps, this.opts.faults ?? [], { changed, selfCheck: this.selfChecks(ch), leaks: this.leakChecks(ch) });
    const before = this.channelRuns++;
    let answers: () => string[];
    try {
      const { setup, stepOfLine } = requests;
      const ends = d.mode !== 'step' ? [] : [setup, ...stepOfLine.flatMap((s, i) => (stepOfLine[i + 1] !== s ? [setup + i + 1] : []))];
      answers = this.sendBatch(requests.lines, d.mode === 'batch' ? undefined : chunksOf(requests.lines, d, ends));
    } catch (e) {
      if (!(e instanceof ProcessSutError)) throw e;
      answers = () => {
        throw e;
      };
    }
    const verdict = checkBatch(expectAnswers(requests, steps), () => answers(), this.command);
    if (!d.quit || !ch.alive) return verdict;
    this.generation += 1;
    const exit = quitFailure(ch);
    if (verdict !== null || exit === null) return verdict;
    const atExit: RunVerdict = { step: Math.max(0, steps.length - 1), kind: 'failure', failure: exit };
    this.atExit = true;
    if (fresh || before === 0) return atExit;
    const alone = this.checkDelivered(suite, steps, d, true);
    if (alone === null) this.suspect = true;
    return alone;
  }

  /**
   * Whether the running process answers `observe changed` (PROTOCOL.md), asked once per
   * process: a port that knows it answers the first one with `snap`, one that does not
   * with `error …`. Any trouble asking counts as no; the batch then meets it itself.
   */
  private observesChanges(suite: 'tree' | 'dax'): boolean {
    try {
      const ch = this.channel();
      if (this.changes?.channel === ch) return this.changes.known;
      const [created, answer] = this.runBatch([`new ${suite}`, 'observe changed']);
      if (created !== 'ok') return false;
      this.changes = { channel: ch, known: answer!.startsWith('snap ') };
      return this.changes.known;
    } catch (e) {
      if (e instanceof ProcessSutError) return false;
      throw e;
    }
  }

  runBatch(lines: readonly string[]): string[] {
    return this.sendBatch(lines)();
  }

  /** runBatch in two halves: writes the lines now (in chunks, if given), returns what waits for their answers. */
  private sendBatch(lines: readonly string[], chunks?: ReturnType<typeof chunksOf>): () => string[] {
    if (lines.some((l) => l.startsWith('new ') || l === 'quit')) this.generation += 1;
    const ch = this.channel();
    return ch.send(lines, undefined, chunks);
  }

  portName(): string {
    return this.channel().name;
  }

  capabilities(): ReadonlySet<string> {
    return this.channel().capabilities;
  }

  processId(): number | null {
    return this.ch !== null && this.ch.alive ? this.ch.pid : null;
  }

  close(): void {
    this.ch?.close();
    this.ch = null;
  }
}

/**
 * A system under test that is a process speaking PROTOCOL.md, e.g.
 * `processFactory(['ports/c/build/daxcheck-port'], { faults: ['s1-shrink-adjusts-extent'] })`.
 * The process starts on the first create and is reused (`new tree` / `new dax`) by the next.
 */
export function processFactory(command: string[], opts: ProcessOptions = {}): ProcessSutFactory {
  return new ProcessFactoryImpl(command, opts);
}
