/**
 * @module traces/expand
 * Expands the compact trace (docs/TRACE.md) into the per-instruction trace: for every executed
 * instruction, its function index, byte offset in the original module, opcode, operand-stack height
 * before it, and — for loads and stores — its effective address. The expansion needs the module's
 * static map (regions, their instructions and successors), which `backproof/sandbox`'s `staticMap`
 * computes; its `format` says which stream it reads (traces/expand-v5.ts for formats 5, 6 and 8).
 *
 * Format 4: a run that stopped inside a region (a trap, or a bulk operation's size charge that did
 * not fit) ends its stream with a stop record [0, 2, ran, cause] followed by that region's id and
 * only the address words its first `ran` instructions computed: the expansion ends exactly at the
 * instruction that stopped, and nothing may follow (docs/TRACE.md, "Stops").
 */
import { TraceError } from './errors.ts';
import { ExpanderV5 } from './expand-v5.ts';
import { HOST_SNAPSHOT, HOST_STOP, SNAPSHOT_WORDS, STOP_WORDS } from './records.ts';
import { ExpanderCore, type InstructionRecord, type StaticMap, type TraceStop } from './trace-map.ts';

export { EXIT_JUMP, EXIT_COND, EXIT_TABLE, EXIT_CALL, EXIT_INDIRECT, EXIT_TRAP, ExpanderCore, hasKeyframes, predictorWords, type InstructionRecord, type StaticMap, type TraceStop } from './trace-map.ts';


/**
 * Incremental expander: push trace bytes as they are produced, then `end()`; `visit` is called for
 * every instruction whose index is in [from, to). The record object passed to `visit` is reused.
 * Format 5 holds back the stream's last 5 words (its end record) until `end()`.
 */
export class TraceExpander {
  private readonly core: ExpanderCore;
  /** Called with each state snapshot record: [1, bar, 0, hash×8]. */
  onHostRecord: ((words: number[]) => void) | null = null;

  /**
   * `options.keyframe`: formats 6 and 8 only, the keyframe the pushed bytes start with — its stream word and
   * its index in the stream's keyframe table — where the expansion then starts, at the instruction
   * index the keyframe gives.
   */
  constructor(map: StaticMap, visit: (r: InstructionRecord) => void, from = 0, to = Number.MAX_SAFE_INTEGER, options: { keyframe?: { word: number; index: number } } = {}) {
    const host = (words: number[]): void => this.onHostRecord?.(words);
    if (map.format < 5 && options.keyframe !== undefined) throw new RangeError(`only a format 6 or 8 trace can be expanded from a keyframe (this is format ${map.format})`);
    this.core = map.format >= 5
      ? new ExpanderV5(map, visit, from, to, host, options.keyframe ?? null)
      : new ExpanderV4(map, visit, from, to, host);
  }

  push(bytes: Uint8Array): void {
    this.core.push(bytes);
  }

  /** The stream is over (format 5 reads its end record; format 4 needs nothing). */
  end(): void {
    this.core.end();
  }

  /**
   * True when the stream ended on a record boundary of a run that did not stop inside a region:
   * false after a trap or a bulk charge that ran out of fuel (see `stop`), or when cut short.
   */
  get complete(): boolean {
    return this.core.complete;
  }
  /** The stop the stream ended with, once read; nothing may follow it. */
  get stop(): TraceStop | null {
    return this.core.stop;
  }
  /** Instructions expanded so far (the index of the next one). */
  get count(): number {
    return this.core.count;
  }
  /** Bytes pushed. */
  get bytes(): number {
    return this.core.bytes;
  }
  /** Words consumed, and the stream word index where the region being emitted starts (format 4: its id word). */
  get words(): number {
    return this.core.words;
  }
  get regionWord(): number {
    return this.core.regionWord;
  }
  /** Formats 6 and 8: the keyframes read so far (stream word, instructions before it). */
  get keyframes(): readonly { word: number; count: number }[] {
    return this.core.keyframes;
  }
  /** Formats 5 and 6: calls nested inside the function the host entered (0: in it, as at its entry); format 4: -1. */
  get callDepth(): number {
    return this.core.callDepth;
  }
}

/** Format 4: one region id word per region, then its address words. */
class ExpanderV4 extends ExpanderCore {
  private readonly onWord = (w: number): void => this.word(w);
  private region = 0; // region being collected, 0 = expecting a region id
  /** Words left in a host record (after its leading 0), and the record so far. */
  private hostLeft = 0;
  private host: number[] = [];
  /** Set by a stop record: instructions of the next region that ran (−1: none pending). */
  private stopRan = -1;
  private stopCause = 0;
  private addresses: number[] = [];

  end(): void {}

  push(bytes: Uint8Array): void {
    this.splitter.split(bytes, this.onWord);
    this.bytes += bytes.length;
  }

  private word(w: number): void {
    this.words++;
    const map = this.map;
    if (this.stop && this.region === 0) throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: the stream goes on after the run stopped`);
    if (this.hostLeft !== 0) return this.hostWord(w >>> 0);
    if (this.region === 0 && w === 0) {
      this.hostLeft = -1; // a host record: its kind comes next
      return;
    }
    if (this.region === 0) {
      const id = w >>> 0;
      if (id === 0 || id > map.regionFirst.length)
        throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: ${id} is not a region id (the module has ${map.regionFirst.length})`);
      this.region = id;
      this.regionWord = this.words - 1;
      this.addresses.length = 0;
      if (this.stopRan >= 0) {
        const n = map.regionInstructions[id - 1]!;
        if (this.stopRan > n) throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: the run stopped after ${this.stopRan} instructions of region ${id}, which has ${n}`);
        this.stop = { region: id, ran: this.stopRan, cause: this.stopCause };
      }
    } else {
      this.addresses.push(w >>> 0);
    }
    if (this.addresses.length === this.expectedWords()) this.emitRegion();
  }

  /** Address words of the region being read: all of them, or those its instructions before a stop computed. */
  private expectedWords(): number {
    const r = this.region - 1;
    if (!this.stop) return this.map.regionMemAccesses[r]!;
    // Words are allotted in program order of first use: the first `ran` instructions used 0..max.
    let words = 0;
    const first = this.map.regionFirst[r]!;
    for (let i = first; i < first + this.stop.ran; i++) if (this.map.memOffset[i]! >= 0) words = Math.max(words, this.map.memSlot[i]! + 1);
    return words;
  }

  private hostWord(w: number): void {
    if (this.hostLeft === -1) {
      if (w !== HOST_SNAPSHOT && w !== HOST_STOP) throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: unknown host record kind ${w}`);
      this.host = [w];
      this.hostLeft = (w === HOST_SNAPSHOT ? SNAPSHOT_WORDS : STOP_WORDS) - 2; // snapshot: bar, reserved, 8 hash words; stop: ran, cause
      return;
    }
    this.host.push(w);
    if (--this.hostLeft === 0) {
      if (this.host[0] === HOST_STOP) {
        this.stopRan = this.host[1]!;
        this.stopCause = this.host[2]!;
      } else this.onHostRecord(this.host);
      this.host = [];
    }
  }

  private emitRegion(): void {
    const map = this.map;
    const r = this.region - 1;
    const n = this.stop ? this.stop.ran : map.regionInstructions[r]!;
    const start = this.count;
    this.count += n;
    this.region = 0;
    if (this.count <= this.from || start >= this.to) return;
    const first = map.regionFirst[r]!;
    for (let k = 0; k < n; k++) {
      const i = first + k;
      const memOffset = map.memOffset[i]!;
      this.emit(start + k, i, memOffset >= 0 ? this.addresses[map.memSlot[i]!]! + memOffset : null);
    }
  }

  get complete(): boolean {
    return this.region === 0 && this.splitter.carried === 0 && this.hostLeft === 0 && this.stopRan < 0;
  }
}

/** Expands a whole trace stream into an array of records (for small traces and tests). */
export function expandTrace(stream: Uint8Array, map: StaticMap, from = 0, count = Number.MAX_SAFE_INTEGER): InstructionRecord[] {
  const out: InstructionRecord[] = [];
  const ex = new TraceExpander(map, (r) => out.push({ ...r }), from, from + count);
  ex.push(stream);
  ex.end();
  return out;
}
