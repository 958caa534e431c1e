/**
 * @module traces/expand-v5
 * The format 5 expander (docs/TRACE.md, "Trace records"): the stream holds no region ids. The
 * expander walks the module's control flow from each entry word, one region after another, and
 * reads only what the static map cannot tell: a bit per executed `br_if`/`if`, a word per
 * `br_table` and `call_indirect`, and per recorded address a predictor bit (1: the address is the
 * slot's last address plus its last stride) followed, on a miss, by the address word.
 *
 * A stream ends with the end record [0, 3, instructions lo, hi, cause], which the expander holds
 * back (the last 5 words) until `end()`. It walks only as far as the data read so far proves the
 * run went (a later word or bit exists), so it never shows an instruction that did not run; at
 * `end()` it walks on to exactly the recorded instruction count.
 *
 * Format 6 adds keyframes between host calls — [0, 4, instructions lo, hi, a bitmap of the
 * predictor slots that are not (0, 0), their (last, stride) in slot order] — and, just before the end
 * record, the table of their stream words [0, 5, k, (lo, hi) × k, k]. Format 8 is format 6 with a
 * period-2 predictor: the bit is 1 when the address's distance from the slot's last address is the
 * stride before the last one, and a keyframe lists (last, stride, stride before) of each slot whose
 * three words are not all 0. Read from the start, every
 * keyframe must equal the expander's own state there and the table must list exactly the keyframes
 * read; or the expander starts at a keyframe (`start`: its word and its place in the table) and
 * takes its state from it. The table is held back with the end record: as the walk can only reach a
 * word once every keyframe before it is read, the table's length is then 4 + 2·(keyframes read, and
 * those before the start); it is read by `end()`, never walked.
 */
import { TraceError } from './errors.ts';
import { END_WORDS, HOST_END, HOST_KEYFRAME, HOST_KEYFRAME_TABLE as HOST_TABLE, HOST_SNAPSHOT, keyframeTableWords, SNAPSHOT_WORDS, STOP_FUEL } from './records.ts';
import { EXIT_CALL, EXIT_COND, EXIT_INDIRECT, EXIT_JUMP, EXIT_TABLE, ExpanderCore, hasKeyframes, predictorWords, type InstructionRecord, type StaticMap } from './trace-map.ts';

// The host records (their kinds and sizes: traces/records). The end record is held back until end().

function popcount(w: number): number {
  let n = 0;
  for (let x = w >>> 0; x !== 0; x &= x - 1) n++;
  return n;
}

export class ExpanderV5 extends ExpanderCore {
  private readonly onWord = (w: number): void => this.enqueue(w);
  /** Words pushed and not yet consumed: queue[head..tail). */
  private queue = new Uint32Array(1024);
  private head = 0;
  private tail = 0;
  private ended = false;
  private total = 0;
  private cause = 0;
  /** The region being walked (0: between callbacks), the next instruction's position in it, and its first instruction. */
  private region = 0;
  private pos = 0;
  private first = 0;
  private size = 0;
  /** Regions to return to. */
  private stack = new Int32Array(64);
  private sp = 0;
  override get callDepth(): number {
    return this.sp;
  }
  /** The current bit word and how many of its bits are unread. */
  private bitWord = 0;
  private bitsLeft = 0;
  /**
   * The region's address words so far (format 4's slots), and the predictor per slot: last address
   * and stride; format 8 also the stride before it (`stride2`, null in formats 5 and 6).
   */
  private addresses: number[] = [];
  private readonly slotBase: Uint32Array;
  private readonly last: Uint32Array;
  private readonly stride: Uint32Array;
  private readonly stride2: Uint32Array | null;
  /** Steps walked without reading anything (a guard against a stream that sends the walk round a loop forever). */
  private idle = 0;
  private readonly idleLimit: number;
  /** Formats 6 and 8: keyframes are read; the expansion starts at a keyframe (until it is read); the keyframes before that one. */
  private readonly withKeyframes: boolean;
  private startPending: boolean;
  private readonly keyframesBefore: number;

  /** `start`: the keyframe the pushed bytes start with (formats 6 and 8) — its stream word and its index in the keyframe table — or null: the stream's start. */
  constructor(map: StaticMap, visit: (r: InstructionRecord) => void, from: number, to: number, onHostRecord: (words: number[]) => void, start: { word: number; index: number } | null = null) {
    super(map, visit, from, to, onHostRecord);
    this.withKeyframes = hasKeyframes(map.format);
    if (start !== null && !this.withKeyframes) throw new RangeError(`only a format 6 or 8 trace can be expanded from a keyframe (this is format ${map.format})`);
    this.startPending = start !== null;
    this.keyframesBefore = start?.index ?? 0;
    this.words = start?.word ?? 0;
    this.bytes = 4 * this.words;
    const n = map.regionFirst.length;
    this.slotBase = new Uint32Array(n + 1);
    for (let r = 0; r < n; r++) this.slotBase[r + 1] = this.slotBase[r]! + map.regionMemAccesses[r]!;
    this.last = new Uint32Array(this.slotBase[n]!);
    this.stride = new Uint32Array(this.slotBase[n]!);
    this.stride2 = predictorWords(map.format) === 3 ? new Uint32Array(this.slotBase[n]!) : null;
    this.idleLimit = 4 * (n + 1) * (map.maxCallDepth + 2);
  }

  private bad(why: string): never {
    throw new TraceError('BAD_TRACE', `trace byte ${this.bytes}: ${why}`);
  }

  push(bytes: Uint8Array): void {
    if (this.ended) this.bad('the stream goes on after the run stopped (after its end record)');
    this.splitter.split(bytes, this.onWord);
    this.bytes += bytes.length;
    this.walk();
  }

  private enqueue(w: number): void {
    if (this.tail === this.queue.length) {
      const live = this.tail - this.head;
      const q = live * 2 + 1024 > this.queue.length ? new Uint32Array(live * 2 + 1024) : this.queue;
      q.copyWithin(0, this.head, this.tail);
      if (q !== this.queue) q.set(this.queue.subarray(this.head, this.tail));
      this.queue = q;
      this.head = 0;
      this.tail = live;
    }
    this.queue[this.tail++] = w >>> 0;
  }

  end(): void {
    if (this.ended) return;
    if (this.splitter.carried !== 0) this.bad('the stream does not end on a word');
    if (this.tail - this.head < END_WORDS) this.bad('the stream has no end record');
    const t = this.tail - END_WORDS;
    const q = this.queue;
    if (q[t] !== 0 || q[t + 1] !== HOST_END) this.bad('the stream does not end with an end record [0, 3, …]');
    this.total = q[t + 2]! + q[t + 3]! * 2 ** 32;
    this.cause = q[t + 4]!;
    if (this.cause > STOP_FUEL) this.bad(`end record cause ${this.cause} is not 0, 1 or 2`);
    this.tail = t;
    const listed = this.withKeyframes ? this.table() : null;
    this.ended = true;
    this.walk();
    if (this.startPending) this.bad('the stream read from a keyframe does not start with one');
    if (listed) {
      const seen = this.keyframes.map((f) => f.word);
      const mine = listed.slice(this.keyframesBefore);
      if (mine.length !== seen.length || mine.some((w, i) => w !== seen[i]))
        this.bad(`the keyframe table lists words [${mine.join(', ')}]${this.keyframesBefore ? ` from its entry ${this.keyframesBefore}` : ''}; the keyframes are at [${seen.join(', ')}]`);
    }
    if (this.count !== this.total) this.bad(`the trace holds ${this.count} instructions; its end record says ${this.total}`);
    if (this.head !== this.tail || this.bitsLeft !== 0) this.bad(`${this.tail - this.head} words and ${this.bitsLeft} bits are left after the run's last instruction`);
    this.words += this.tableWords + END_WORDS;
    if (this.cause !== 0) this.stop = { region: this.region, ran: this.pos, cause: this.cause };
  }

  get complete(): boolean {
    return this.ended && this.cause === 0;
  }

  /** Unread words available to the walk: all before the held-back end record (formats 6 and 8: and the keyframe table). */
  private available(): number {
    if (this.ended) return this.tail - this.head;
    return this.tail - this.head - END_WORDS - (this.withKeyframes ? 4 + 2 * (this.keyframesBefore + this.keyframes.length) : 0);
  }

  private take(): number {
    this.words++;
    this.idle = 0;
    return this.queue[this.head++]!;
  }

  /** The next branch or predictor bit, or -1 when it is not here yet (nothing is consumed then). */
  private peekBit(): number {
    if (this.bitsLeft > 0) return (this.bitWord >>> (this.bitsLeft - 1)) & 1;
    if (this.available() < 1) return -1;
    const w = this.queue[this.head]!;
    const k = 31 - Math.clz32(w);
    if (k < 1) this.bad(`${w} is not a bit word (it carries no bits)`);
    return (w >>> (k - 1)) & 1;
  }

  private takeBit(): number {
    if (this.bitsLeft === 0) {
      this.bitWord = this.take();
      this.bitsLeft = 31 - Math.clz32(this.bitWord);
    }
    this.bitsLeft--;
    this.idle = 0;
    return (this.bitWord >>> this.bitsLeft) & 1;
  }

  /** May the walk go on? Only as far as data read after this point proves the run went (or, after end(), to the count). */
  private mayStep(emits: boolean): boolean {
    if (this.ended) return !emits || this.count < this.total;
    if (this.bitsLeft > 0 || this.available() > 0) {
      if (!emits && ++this.idle > this.idleLimit) this.bad(`the walk went ${this.idleLimit} steps without reading the stream: the trace does not fit the module`);
      return true;
    }
    return false;
  }

  private enter(region: number): void {
    this.region = region;
    this.pos = 0;
    this.first = this.map.regionFirst[region - 1]!;
    this.size = this.map.regionInstructions[region - 1]!;
    this.addresses.length = 0;
  }

  /** Leaves the function: back to the caller's next region, or to the host. */
  private exit(): void {
    if (this.sp === 0) this.region = 0;
    else this.enter(this.stack[--this.sp]!);
  }

  private jump(target: number): void {
    if (target === 0) this.exit();
    else this.enter(target);
  }

  private call(func: number, next: number): void {
    const entry = func < this.map.funcEntry.length ? this.map.funcEntry[func]! : 0;
    if (entry === 0) return this.enter(next); // an imported function: no instructions of the module
    if (this.sp > this.map.maxCallDepth + 1) this.bad(`calls nest deeper than ${this.map.maxCallDepth}`);
    if (this.sp === this.stack.length) {
      const s = new Int32Array(this.sp * 2);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[this.sp++] = next;
    this.enter(entry);
  }

  /**
   * A keyframe (all its words are here). Read from the start it must be the expander's state: the
   * instructions so far and every predictor slot that is not all 0, in slot order; at a start, it
   * is the state.
   */
  private keyframe(mapWords: number): void {
    const word = this.words;
    this.take();
    this.take();
    const n = this.take() + this.take() * 2 ** 32;
    if (this.bitsLeft !== 0) this.bad(`keyframe at word ${word} comes inside a bit word (${this.bitsLeft} bits unread)`);
    const start = this.startPending;
    if (!start && n !== this.count) this.bad(`keyframe at word ${word} says ${n} instructions ran; the trace shows ${this.count}`);
    const slots = this.last.length;
    const bitmap: number[] = [];
    for (let i = 0; i < mapWords; i++) bitmap.push(this.take());
    if (slots % 32 !== 0 && bitmap[mapWords - 1]! >>> (slots % 32) !== 0) this.bad(`keyframe at word ${word} marks predictor slots past the module's ${slots}`);
    const s2 = this.stride2;
    for (let slot = 0; slot < slots; slot++) {
      const listed = (bitmap[slot >>> 5]! >>> (slot & 31)) & 1;
      const last = listed ? this.take() : 0, stride = listed ? this.take() : 0, stride2 = listed && s2 ? this.take() : 0;
      if (listed && (last | stride | stride2) === 0) this.bad(`keyframe at word ${word}: predictor slot ${slot} is marked but ${s2 ? '(0, 0, 0)' : '(0, 0)'}`);
      if (start) {
        this.last[slot] = last;
        this.stride[slot] = stride;
        if (s2) s2[slot] = stride2;
      } else if (this.last[slot] !== last || this.stride[slot] !== stride || (s2 !== null && s2[slot] !== stride2)) {
        const shown = (a: number, b: number, c: number): string => `(${a}, ${b}${s2 ? `, ${c}` : ''})`;
        this.bad(`keyframe at word ${word}: predictor slot ${slot} is ${shown(last, stride, stride2)}; the trace gives ${shown(this.last[slot]!, this.stride[slot]!, s2 ? s2[slot]! : 0)}`);
      }
    }
    if (start) {
      this.count = n;
      this.startPending = false;
    }
    this.keyframes.push({ word, count: n });
  }

  /** Formats 6 and 8: the words in the keyframe table (read by end()). */
  private tableWords = 0;

  /** Formats 6 and 8: takes the keyframe table [0, 5, k, (lo, hi) × k, k] off the end of the words (before the end record) and returns its entries. */
  private table(): number[] {
    const q = this.queue;
    const k = this.tail - this.head >= 1 ? q[this.tail - 1]! : -1;
    const at = this.tail - keyframeTableWords(k);
    if (k < 0 || at < this.head || q[at] !== 0 || q[at + 1] !== HOST_TABLE || q[at + 2] !== k) this.bad('the stream has no keyframe table [0, 5, k, …, k] before its end record');
    const listed: number[] = [];
    for (let i = 0; i < k; i++) listed.push(q[at + 3 + 2 * i]! + q[at + 4 + 2 * i]! * 2 ** 32);
    this.tableWords = keyframeTableWords(k);
    this.tail = at;
    return listed;
  }

  private walk(): void {
    const map = this.map;
    for (;;) {
      if (this.region === 0) {
        // Between callbacks: a host record (0, kind, …) or an entry word (function index + 1).
        const avail = this.available();
        if (avail < 1) return;
        const w = this.queue[this.head]!;
        if (w === 0) {
          if (avail < 2) return;
          const kind = this.queue[this.head + 1]!;
          if (this.withKeyframes && kind === HOST_KEYFRAME) {
            const mapWords = Math.ceil(this.last.length / 32);
            if (avail < 4 + mapWords) return;
            let m = 0;
            for (let i = 0; i < mapWords; i++) m += popcount(this.queue[this.head + 4 + i]!);
            if (avail < 4 + mapWords + predictorWords(map.format) * m) return;
            this.keyframe(mapWords);
            continue;
          }
          if (this.startPending) this.bad('the stream read from a keyframe does not start with one');
          if (kind !== HOST_SNAPSHOT) this.bad(`unknown host record kind ${kind}`);
          if (avail < SNAPSHOT_WORDS) return;
          this.take();
          const words: number[] = [];
          for (let i = 1; i < SNAPSHOT_WORDS; i++) words.push(this.take());
          this.onHostRecord(words);
          continue;
        }
        if (this.startPending) this.bad('the stream read from a keyframe does not start with one');
        const f = w - 1;
        if (f >= map.funcEntry.length || map.funcEntry[f] === 0) this.bad(`entry word ${w} names no function of the module`);
        this.take();
        this.sp = 0;
        this.enter(map.funcEntry[f]!);
        continue;
      }
      if (this.pos < this.size) {
        if (!this.mayStep(true)) return;
        const i = this.first + this.pos;
        const memOffset = map.memOffset[i]!;
        let address: number | null = null;
        if (memOffset >= 0) {
          const s = map.memSlot[i]!;
          if (s === this.addresses.length) {
            // A recorded address: the predictor bit, and on a miss the address word.
            const bit = this.peekBit();
            if (bit < 0 || (bit === 0 && this.available() < (this.bitsLeft === 0 ? 2 : 1))) {
              if (this.ended) this.bad(`the trace ends before the address of instruction ${this.count}`);
              return;
            }
            this.takeBit();
            const slot = this.slotBase[this.region - 1]! + s;
            const last = this.last[slot]!;
            const s2 = this.stride2;
            let a: number;
            if (s2 === null) {
              // Formats 5 and 6: last + stride; a miss sets the stride.
              if (bit === 1) a = (last + this.stride[slot]!) >>> 0;
              else {
                a = this.take();
                this.stride[slot] = (a - last) >>> 0;
              }
            } else {
              // Format 8: last + the stride before the last one; every access shifts the strides.
              a = bit === 1 ? (last + s2[slot]!) >>> 0 : this.take();
              s2[slot] = this.stride[slot]!;
              this.stride[slot] = (a - last) >>> 0;
            }
            this.last[slot] = a;
            this.addresses.push(a);
          }
          address = this.addresses[s]! + memOffset;
        }
        this.pos++;
        this.regionWord = Math.ceil(this.bytes / 4);
        this.emit(this.count++, i, address);
        continue;
      }
      // The region ran to its end: its successor.
      if (!this.mayStep(false)) return;
      const r = this.region - 1;
      const kind = map.exitKind[r]!;
      if (kind === EXIT_JUMP) this.jump(map.exitNext[r]!);
      else if (kind === EXIT_CALL) this.call(map.exitCallee[r]!, map.exitNext[r]!);
      else if (kind === EXIT_COND) {
        if (this.peekBit() < 0) return;
        this.jump(this.takeBit() === 1 ? map.exitTaken[r]! : map.exitNext[r]!);
      } else if (kind === EXIT_TABLE || kind === EXIT_INDIRECT) {
        if (this.available() < 1) return;
        const w = this.take();
        if (kind === EXIT_TABLE) {
          const n = map.exitTaken[r]!;
          this.jump(map.exitTables[map.exitTableStart[r]! + Math.min(w, n - 1)]!);
        } else if (w === 0) this.enter(map.exitNext[r]!);
        else {
          const f = w - 1;
          if (f >= map.funcEntry.length || map.funcEntry[f] === 0) this.bad(`call_indirect word ${w} names no function of the module`);
          this.call(f, map.exitNext[r]!);
        }
      } else {
        // unreachable always traps: nothing can follow it
        if (this.ended) return;
        this.bad(`the stream goes on after an unreachable in region ${this.region}`);
      }
    }
  }
}
