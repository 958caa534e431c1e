/**
 * @module engine/timeline
 * The bars' times in the engine's order (equity.csv's time column), kept compactly as the loop
 * goes: each time as its step from the one before, in a buffer that grows in place
 * (engine/growable). Regular bars repeat their step, which takes one byte: ~1 byte a bar instead
 * of 8 (10 MB instead of 80 at 10M bars). The statistics read it in order (stats.ts); a
 * BigInt64Array is made from it only when a reader asks for one.
 *
 * Encoding of a step d (ns, ≥ 0: the column never goes back), as a varint z:
 *   z = 0              d = 0 (several symbols' bars at one instant),
 *   z = 3              d is the last step that was not 0 again,
 *   z = 4·(d / 1e9)    when d is another whole number of seconds below 2^52 ns,
 *   z = 4·d + 1        for another d below 2^49 ns,
 *   z = 2, then the time itself as 8 bytes (low word, high word, little-endian): any other step.
 * The common steps (0 and a repeat) are int32 word arithmetic; the others exact doubles (below
 * 2^53): no BigInt per bar.
 */
import { growableBuffer, resized } from './growable.ts';
import { timeWords, TIME_HI, TIME_LO } from '../model/bars.ts';

const TWO32 = 4_294_967_296;
/** Distinct times kept at the end (the stats infer the bar period from the last 100: stats.ts periodOf). */
const TAIL = 100;

export class TimeColumn {
  length = 0;
  /** The encoded steps, bytes [0, used) of `memory`. */
  memory: ArrayBuffer;
  used = 0;
  private bytes: Uint8Array;
  /** The first time, as words (model/bars timeWords). */
  firstHi = 0;
  firstLo = 0;
  /** The latest time's words, at TIME_HI and TIME_LO (in a typed array: a field that gets a word outside the small integers would box it). */
  last = new Int32Array(2);
  /** The last step that was not 0, as words (TIME_HI, TIME_LO). */
  step = new Int32Array(2);
  /** The last TAIL distinct times, as words, a ring ending before `tailAt`; `tailCount` of them set. */
  tail = new Int32Array(2 * TAIL);
  tailAt = 0;
  tailCount = 0;

  /** `bytes`: the room to start with (about one a bar suits minute bars; it grows in place). */
  constructor(bytes = 1 << 16) {
    this.memory = growableBuffer(Math.max(64, bytes));
    this.bytes = new Uint8Array(this.memory);
  }

  /** A column of these times. */
  static of(time: BigInt64Array): TimeColumn {
    const c = new TimeColumn(time.length + 64);
    const w = timeWords(time);
    for (let i = 0; i < time.length; i++) c.add(w, i);
    return c;
  }

  /**
   * Appends time j of `words` (timeWords), or the latest time again if it is before that: the
   * column never goes back (a later feed's bar at an earlier instant takes the time reached).
   */
  add(words: Int32Array, j: number): void {
    if (this.used + 16 > this.bytes.length) this.grow();
    let hi = words[2 * j + TIME_HI]!, lo = words[2 * j + TIME_LO]!;
    const last = this.last;
    const n = this.length++;
    if (n === 0) {
      this.firstHi = last[TIME_HI] = hi;
      this.firstLo = last[TIME_LO] = lo;
      this.keepTail(hi, lo);
      return;
    }
    const pHi = last[TIME_HI]!, pLo = last[TIME_LO]!;
    if (hi < pHi || (hi === pHi && lo >>> 0 < pLo >>> 0)) {
      hi = pHi;
      lo = pLo;
    }
    last[TIME_HI] = hi;
    last[TIME_LO] = lo;
    if (hi === pHi && lo === pLo) {
      this.bytes[this.used++] = 0; // a step of 0
      return;
    }
    this.keepTail(hi, lo);
    // The step as words: the low word wraps, with a borrow from the high one.
    const sLo = (lo - pLo) | 0;
    const sHi = (hi - pHi - ((lo >>> 0) < (pLo >>> 0) ? 1 : 0)) | 0;
    const step = this.step;
    if (sHi === step[TIME_HI] && sLo === step[TIME_LO]) {
      this.bytes[this.used++] = 3; // the last step again
      return;
    }
    step[TIME_HI] = sHi;
    step[TIME_LO] = sLo;
    if (sHi >= 0 && sHi < 1 << 20) {
      const d = sHi * TWO32 + (sLo >>> 0); // exact: below 2^52
      if (d % 1e9 === 0) return this.varint((d / 1e9) * 4);
      if (d < 2 ** 49) return this.varint(d * 4 + 1);
    }
    const b = this.bytes;
    let at = this.used;
    b[at++] = 2;
    for (let s = 0; s < 32; s += 8) b[at++] = (lo >>> s) & 255;
    for (let s = 0; s < 32; s += 8) b[at++] = (hi >>> s) & 255;
    this.used = at;
  }

  private varint(z: number): void {
    const b = this.bytes;
    let at = this.used;
    while (z >= 128) {
      const low = z % 128;
      b[at++] = low | 128;
      z = (z - low) / 128;
    }
    b[at++] = z;
    this.used = at;
  }

  private keepTail(hi: number, lo: number): void {
    this.tail[2 * this.tailAt + TIME_HI] = hi;
    this.tail[2 * this.tailAt + TIME_LO] = lo;
    this.tailAt = (this.tailAt + 1) % TAIL;
    if (this.tailCount < TAIL) this.tailCount++;
  }

  private grow(): void {
    this.memory = resized(this.memory, Math.ceil(this.bytes.length * 1.5) + 64);
    this.bytes = new Uint8Array(this.memory);
  }

  /** The last (up to) 100 distinct times, in order. */
  lastDistinct(): BigInt64Array {
    const out = new BigInt64Array(this.tailCount);
    const w = timeWords(out);
    for (let k = 0; k < this.tailCount; k++) {
      const from = (this.tailAt - this.tailCount + k + TAIL) % TAIL;
      w[2 * k + TIME_HI] = this.tail[2 * from + TIME_HI]!;
      w[2 * k + TIME_LO] = this.tail[2 * from + TIME_LO]!;
    }
    return out;
  }

  /** A reader from the first time. */
  reader(): TimeReader {
    return new TimeReader(this);
  }

  /** Every time, as a BigInt64Array (8 bytes a bar: made only when asked for). */
  toArray(): BigInt64Array {
    const out = new BigInt64Array(this.length);
    const w = timeWords(out);
    const r = this.reader();
    for (let i = 0; i < this.length; i++) {
      r.next();
      w[2 * i + TIME_HI] = r.hi;
      w[2 * i + TIME_LO] = r.lo;
    }
    return out;
  }

  /** A column that crossed threads (structured clone keeps its fields, not its class), as a column again. */
  static revive(c: TimeColumn): TimeColumn {
    const column = Object.setPrototypeOf(c, TimeColumn.prototype) as TimeColumn;
    column.bytes = new Uint8Array(column.memory);
    return column;
  }
}

/** Reads a TimeColumn in order: each next() moves to the next time, given as words hi and lo. */
export class TimeReader {
  hi = 0;
  lo = 0;
  private at = 0;
  private read = 0;
  /** The last step that was not 0, as words. */
  private readonly step = new Int32Array(2);
  private readonly bytes: Uint8Array;
  private readonly column: TimeColumn;

  constructor(column: TimeColumn) {
    this.column = column;
    this.bytes = new Uint8Array(column.memory, 0, column.used);
  }

  next(): void {
    if (this.read++ === 0) {
      this.hi = this.column.firstHi;
      this.lo = this.column.firstLo;
      return;
    }
    const b = this.bytes;
    let at = this.at;
    let z = b[at++]!;
    if (z === 0) {
      this.at = at;
      return;
    }
    if (z === 3) {
      this.at = at;
      this.advance();
      return;
    }
    if (z >= 128) {
      z &= 127;
      for (let scale = 128; ; scale *= 128) {
        const byte = b[at++]!;
        z += (byte & 127) * scale;
        if (byte < 128) break;
      }
    }
    if (z === 2) {
      const lo = b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
      const hi = b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24);
      this.at = at + 8;
      // the step taken, as the writer keeps it
      this.step[TIME_LO] = (lo - this.lo) | 0;
      this.step[TIME_HI] = (hi - this.hi - ((lo >>> 0) < (this.lo >>> 0) ? 1 : 0)) | 0;
      this.hi = hi;
      this.lo = lo;
      return;
    }
    this.at = at;
    const d = z % 4 === 0 ? (z / 4) * 1e9 : (z - 1) / 4; // z is 4·s or 4·d + 1 (0, 2 and 3 were read above)
    const dLo = d % TWO32;
    this.step[TIME_HI] = (d - dLo) / TWO32;
    this.step[TIME_LO] = dLo | 0;
    this.advance();
  }

  /** Adds the step to the time, in words: the low word's sum wraps and carries. */
  private advance(): void {
    const sHi = this.step[TIME_HI]!, sLo = this.step[TIME_LO]!;
    const lo = (this.lo + sLo) | 0;
    this.hi = (this.hi + sHi + ((lo >>> 0) < (this.lo >>> 0) ? 1 : 0)) | 0;
    this.lo = lo;
  }
}
