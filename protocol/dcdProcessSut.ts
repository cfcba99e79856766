/**
 * A port process as a system under test of the v11/v10 profile (sut/dcdInterface.ts,
 * PROTOCOL.md "The v11/v10 profile"): createDcd(profile) starts the process, or reuses
 * it with `new dcd PROFILE` (then `fault NAME` for each fault asked for), and every method is one synchronous round trip. Step by
 * step only (no checkRun): the runner observes after every step. A port that answers
 * `new dcd PROFILE` with `err EINVAL` lacks the profile: a 'protocol' ProcessSutError.
 */
import type { DaxSut, ResourceTreeSut, Result } from '../sut/interface.ts';
import type { DcdProfile, DcdSnapshot, DcdSut, DcdSutFactory, GroupExtent, Tag, TagGroup } from '../sut/dcdInterface.ts';
import { PortChannel, ProcessSutError } from './portChannel.ts';
import { AnswerError, CHECK_CAPABILITY, CHECK_REQUEST, parseAnswer, parseCheckAnswer } from './protocol.ts';
import { parseDcdSnapshot } from './dcdSnapshotText.ts';
import { SnapshotShapeError } from './snapshotText.ts';

export interface DcdProcessOptions {
  /** Faults switched on (`fault NAME`) in every instance; a port answering err EINVAL lacks one: a 'protocol' ProcessSutError. */
  faults?: string[];
  /** No answer for this long: the process is killed and the call throws a 'hang'. Default 5000. */
  commandTimeoutMs?: number;
  /** Working directory of the process. */
  cwd?: string;
  /** Name for reports; default: the command's last word. */
  name?: string;
}

/** A DcdSutFactory over a port process, with a way to stop it. */
export interface DcdProcessFactory extends DcdSutFactory {
  close(): void;
}

const hex = (v: bigint): string => `0x${v.toString(16)}`;
/** OFFSET:LEN[,OFFSET:LEN...]; `~` for no extent (the protocol's empty token). */
const extentsToken = (es: readonly GroupExtent[]): string => (es.length === 0 ? '~' : es.map((e) => `${hex(e.offset)}:${hex(e.length)}`).join(','));
const groupTokens = (g: TagGroup): string => `${g.tag} ${extentsToken(g.extents)} ${g.seqBase}`;

/** One instance of the profile in the port's current process; stale once another is created. */
class ProcessDcd implements DcdSut {
  declare readonly selfCheck?: () => string[];

  constructor(private readonly owner: DcdFactoryImpl, private readonly ch: PortChannel, private readonly generation: number) {
    if (ch.capabilities.has(CHECK_CAPABILITY)) this.selfCheck = () => this.parsed(this.ask(CHECK_REQUEST), CHECK_REQUEST, parseCheckAnswer);
  }

  private ask(line: string): string {
    if (this.owner.generation !== this.generation) throw new ProcessSutError('protocol', 'this instance was replaced by a newer one of the same port', { command: this.ch.command });
    return this.ch.exchange([line])[0]!;
  }

  private parsed<T>(answer: string, request: string, parse: (answer: string, request: string) => T): T {
    try {
      return parse(answer, request);
    } catch (e) {
      if (e instanceof AnswerError || e instanceof SnapshotShapeError) {
        throw this.ch.fail(new ProcessSutError('sut-malformed', e.message, { command: this.ch.command, lastRequest: request }));
      }
      throw e;
    }
  }

  private call(line: string): Result {
    return this.parsed(this.ask(line), line, parseAnswer);
  }

  createRegion(start: bigint, sizeBytes: bigint, align: bigint): Result {
    return this.call(`createRegion ${hex(start)} ${hex(sizeBytes)} ${hex(align)}`);
  }

  createDevice(region: number): Result {
    return this.call(`createDevice ${region}`);
  }

  deleteDevice(region: number, device: number): Result {
    return this.call(`deleteDevice ${region} ${device}`);
  }

  resize(region: number, device: number, sizeBytes: bigint): Result {
    return this.call(`resize ${region} ${device} ${hex(sizeBytes)}`);
  }

  addTagGroup(region: number, group: TagGroup): Result {
    return this.call(`addTagGroup ${region} ${groupTokens(group)}`);
  }

  claim(region: number, device: number, tag: Tag): Result {
    return this.call(`claim ${region} ${device} ${tag}`);
  }

  claimRacing(region: number, device: number, tag: Tag, group: TagGroup): Result {
    return this.call(`claimRacing ${region} ${device} ${tag} ${groupTokens(group)}`);
  }

  releaseTagGroup(region: number, tag: Tag, forced: boolean, offset: bigint): Result {
    return this.call(`releaseTagGroup ${region} ${tag} ${forced ? 1 : 0} ${hex(offset)}`);
  }

  observe(): DcdSnapshot {
    return this.parsed(this.ask('observe'), 'observe', parseDcdSnapshot);
  }
}

class DcdFactoryImpl implements DcdProcessFactory {
  readonly name: string;
  generation = 0;
  private ch: PortChannel | null = null;

  constructor(private readonly command: string[], private readonly opts: DcdProcessOptions) {
    this.name = opts.name ?? command[command.length - 1]!.split('/').pop()!;
  }

  createTree(): ResourceTreeSut {
    throw new ProcessSutError('protocol', `${this.name} is driven here by the DCD suites only`, { command: this.command });
  }

  createDax(): DaxSut {
    throw new ProcessSutError('protocol', `${this.name} is driven here by the DCD suites only`, { command: this.command });
  }

  createDcd(profile: DcdProfile): DcdSut {
    if (this.ch === null || !this.ch.alive) {
      this.ch = new PortChannel(this.command, { commandTimeoutMs: this.opts.commandTimeoutMs ?? 5000, ...(this.opts.cwd === undefined ? {} : { cwd: this.opts.cwd }) });
    }
    const request = `new dcd ${profile}`;
    const [answer] = this.ch.exchange([request]);
    this.generation += 1;
    if (answer === 'err EINVAL') throw new ProcessSutError('protocol', `the port ${this.ch.name} does not implement the ${profile} profile (it answered "err EINVAL" to "${request}")`, { command: this.command, lastRequest: request });
    if (answer !== 'ok') throw this.ch.fail(new ProcessSutError('sut-malformed', `expected "ok" in answer to "${request}", got ${JSON.stringify(answer!.slice(0, 120))}`, { command: this.command, lastRequest: request }));
    for (const fault of this.opts.faults ?? []) this.switchOn(fault);
    return new ProcessDcd(this, this.ch, this.generation);
  }

  /** `fault NAME` in the instance just created; err EINVAL: the port lacks the fault. */
  private switchOn(fault: string): void {
    const request = `fault ${fault}`;
    const [answer] = this.ch!.exchange([request]);
    if (answer === 'err EINVAL') throw new ProcessSutError('protocol', `the port ${this.ch!.name} does not implement the fault ${fault} (it answered "err EINVAL" to "${request}")`, { command: this.command, lastRequest: request });
    if (answer !== 'ok') throw this.ch!.fail(new ProcessSutError('sut-malformed', `expected "ok" in answer to "${request}", got ${JSON.stringify(answer!.slice(0, 120))}`, { command: this.command, lastRequest: request }));
  }

  close(): void {
    this.ch?.close();
    this.ch = null;
  }
}

/** A system under test of the v11/v10 profile that is a process speaking PROTOCOL.md (e.g. the kernel harness of a v10 tree). */
export function dcdProcessFactory(command: string[], opts: DcdProcessOptions = {}): DcdProcessFactory {
  return new DcdFactoryImpl(command, opts);
}
