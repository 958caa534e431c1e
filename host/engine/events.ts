/**
 * @module engine/events
 * The engine's clock: the feeds' bars as events in time. A bar is stamped with its open time and
 * lasts its feed's period; it becomes known at its close, min(open + period, the next bar's open)
 * (a bar ends when the next one begins, so overlapping bars cannot delay a feed's own events).
 * Each bar is two events: its open (where its symbol's orders are matched, valuing the account at
 * the prices known at that instant) and its close (the guest sees the completed bar). Events are
 * ordered by (instant, closes before opens, symbol name): a price known at an instant is known to
 * an open at that same instant, and events at one instant go in the order of their symbols' names
 * (byte order; names are unique), so a run does not depend on the order of the --data files. Without
 * names the feeds rank in their given order. With one feed the order is simply bar after bar.
 * Nothing here allocates per bar: times are read as int32 word pairs (model/bars `timeWords`).
 */
import { TIME_HI, TIME_LO, timeWords, type Bars, type BarSource } from '../model/bars.ts';

export const OPEN = 0;
export const CLOSE = 1;

const TWO_32 = 4_294_967_296;

/**
 * A feed's period when none is declared: the most common positive spacing of its first bars (ties
 * to the shorter), or 0 when two bars share a timestamp (ticks) or there is no spacing to measure.
 */
export function inferPeriod(time: BigInt64Array): bigint {
  if (time.length < 2) return 0n;
  const w = timeWords(time);
  // Runs of equal spacings are counted in a local and added to the map once per run: a feed is
  // mostly one spacing, and a map update per bar cost more than the rest of a run's setup. A run
  // is recognised by the spacing's int32 words (borrowing high word, wrapped low word), which name
  // the exact int64 spacing, so no double is computed for it.
  const counts = new Map<number, number>();
  let run = NaN, runHi = NaN, runLo = 0, runLength = 0;
  let prevHi = w[TIME_HI]!, prevLo = w[TIME_LO]!;
  for (let j = 1; j < time.length; j++) {
    const hi = w[2 * j + TIME_HI]!, lo = w[2 * j + TIME_LO]!;
    const eLo = (lo - prevLo) | 0;
    const eHi = hi - prevHi - (lo >>> 0 < prevLo >>> 0 ? 1 : 0);
    if (eHi === runHi && eLo === runLo) {
      runLength++;
      prevHi = hi;
      prevLo = lo;
      continue;
    }
    const d = (hi - prevHi) * TWO_32 + ((lo >>> 0) - (prevLo >>> 0));
    prevHi = hi;
    prevLo = lo;
    if (d === 0) return 0n;
    if (runLength > 0) counts.set(run, (counts.get(run) ?? 0) + runLength);
    run = d;
    runHi = eHi;
    runLo = eLo;
    runLength = 1;
  }
  counts.set(run, (counts.get(run) ?? 0) + runLength);
  // The most frequent spacing, ties to the shorter: a total order, so the map's order does not matter.
  let best = 0, bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  // Spacings under 2^53 ns (104 days) are exact doubles; a longer one is recomputed exactly.
  return best < 2 ** 53 ? BigInt(best) : inferLongPeriod(time);
}

function inferLongPeriod(time: BigInt64Array): bigint {
  const counts = new Map<bigint, number>();
  let best = 0n, bestCount = 0;
  for (let j = 1; j < time.length; j++) {
    const d = time[j]! - time[j - 1]!;
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > bestCount || (c === bestCount && d < best)) [best, bestCount] = [d, c];
  }
  return best;
}

/**
 * Close instants of a chunk's bars, as time words: open + period, capped by the next bar's open
 * (`after`: the next chunk's first bar, if any). Int64 overflow saturates at the largest time.
 */
function closeWords(c: Bars, pHi: number, pLo: number, after: Bars | null, spare: Int32Array | null = null): Int32Array {
  const w = timeWords(c.time);
  const n = c.length;
  const out = spare !== null && spare.length === 2 * n ? spare : new Int32Array(2 * n);
  const nextWords = after ? timeWords(after.time) : null;
  // In int32 words: the low word's sum wraps and carries (unsigned compare), so nothing here is a
  // double (the double form ran at ~15 ns a bar, half the loop's own cost).
  const pl = pLo | 0;
  for (let j = 0; j < n; j++) {
    const hi = w[2 * j + TIME_HI]!, lo = w[2 * j + TIME_LO]!;
    let sLo = (lo + pl) | 0;
    let sHi = hi + pHi + ((sLo >>> 0) < (lo >>> 0) ? 1 : 0);
    if (sHi > 0x7fffffff) {
      sHi = 0x7fffffff;
      sLo = -1;
    }
    // The next bar's open, when there is one.
    const next = j + 1 < n ? w : nextWords;
    const at = j + 1 < n ? 2 * j + 2 : 0;
    if (next) {
      const nHi = next[at + TIME_HI]!, nLo = next[at + TIME_LO]!;
      if (nHi < sHi || (nHi === sHi && nLo >>> 0 < sLo >>> 0)) {
        sHi = nHi;
        sLo = nLo;
      }
    }
    out[2 * j + TIME_HI] = sHi;
    out[2 * j + TIME_LO] = sLo;
  }
  return out;
}

/**
 * Each feed's rank among the symbol names, in byte order of their UTF-8 (names are unique): the
 * engine's tie-break at an instant, independent of the order the files were given in.
 */
export function symbolRanks(names: readonly string[]): Uint16Array {
  const enc = new TextEncoder();
  const bytes = names.map((s) => enc.encode(s));
  const cmp = (a: Uint8Array, b: Uint8Array): number => {
    for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  const order = names.map((_, g) => g).sort((a, b) => cmp(bytes[a]!, bytes[b]!) || a - b);
  const rank = new Uint16Array(names.length);
  order.forEach((g, r) => (rank[g] = r));
  return rank;
}

/**
 * A source that takes back a chunk it gave once its reader is done with it (data/cache CacheSource):
 * the reader then holds no view of the chunk, and the source may read a later chunk into it.
 */
export type Recycling = BarSource & { recycle?(chunk: Bars): void };

/** The feeds' events in order. `next()` names the feed whose event is next; its `phase` says which. */
export class EventQueue {
  readonly n: number;
  /** Each feed's current chunk (null when done), its open and close instants as words, the bar within it. */
  readonly chunks: (Bars | null)[];
  readonly opens: (Int32Array | null)[];
  readonly closes: (Int32Array | null)[];
  readonly at: number[];
  /** OPEN: the current bar's open is next; CLOSE: its close is. */
  readonly phase: Uint8Array;
  /** 1 when a feed's period is positive (an order placed at an instant may fill at an open at that instant). */
  readonly positive: Uint8Array;
  private readonly ahead: (Bars | null)[];
  private readonly sources: readonly BarSource[];
  private readonly pHi: Int32Array;
  private readonly pLo: Float64Array;
  /** The feeds by rank (symbolRanks): ties at an instant go to the first in this order. */
  private readonly byRank: Uint16Array;

  /** `rank`: each feed's rank for ties at an instant (symbolRanks); default the given order. */
  constructor(sources: readonly BarSource[], periods: readonly bigint[], rank?: ArrayLike<number>) {
    const n = sources.length;
    this.n = n;
    this.byRank = new Uint16Array(n);
    for (let g = 0; g < n; g++) this.byRank[rank ? rank[g]! : g] = g;
    this.sources = sources;
    this.pHi = new Int32Array(n);
    this.pLo = new Float64Array(n);
    this.positive = new Uint8Array(n);
    for (let g = 0; g < n; g++) {
      const p = periods[g] ?? 0n;
      this.pHi[g] = Number(p >> 32n);
      this.pLo[g] = Number(p & 0xffffffffn);
      this.positive[g] = p > 0n ? 1 : 0;
    }
    this.chunks = sources.map((s) => s.next());
    this.ahead = sources.map((s, g) => (this.chunks[g] ? s.next() : null));
    this.opens = this.chunks.map((c) => (c ? timeWords(c.time) : null));
    this.closes = this.chunks.map((c, g) => (c ? closeWords(c, this.pHi[g]!, this.pLo[g]!, this.ahead[g]!) : null));
    this.at = new Array<number>(n).fill(0);
    this.phase = new Uint8Array(n);
  }

  /** The feed whose event comes next (−1 when all are done): earliest instant, closes first, then lower rank. */
  next(): number {
    const n = this.n;
    if (n === 1) return this.chunks[0] ? 0 : -1; // one feed: bar after bar, nothing to compare
    let f = -1, fHi = 0, fLo = 0, fRank = 0;
    // Feeds are scanned by rank and only a strictly earlier event replaces the pick: ties go to the lower rank.
    for (let r = 0; r < n; r++) {
      const g = this.byRank[r]!;
      const c = this.phase[g] === OPEN ? this.opens[g] : this.closes[g];
      if (!c) continue;
      const i = 2 * this.at[g]!;
      const hi = c[i + TIME_HI]!, lo = c[i + TIME_LO]! >>> 0, rank = this.phase[g] === CLOSE ? 0 : 1;
      if (f < 0 || hi < fHi || (hi === fHi && (lo < fLo || (lo === fLo && rank < fRank)))) {
        f = g;
        fHi = hi;
        fLo = lo;
        fRank = rank;
      }
    }
    return f;
  }

  /**
   * Feed f's current bar has closed: move on to its next bar (the next chunk when this one is done).
   * The chunk left is handed back to its source when the source takes chunks back (recycle: a
   * column cache reads a later group into it), after the next one is read, so the source's
   * memory is a few chunks reused, not a fresh one per chunk; its close instants are reused likewise.
   */
  advance(f: number): void {
    this.phase[f] = OPEN;
    const done = this.chunks[f]!;
    if (++this.at[f]! < done.length) return;
    const c = this.ahead[f]!;
    const source = this.sources[f] as Recycling;
    this.chunks[f] = c;
    this.at[f] = 0;
    this.ahead[f] = c ? source.next() : null;
    this.opens[f] = c ? timeWords(c.time) : null;
    const spare = this.closes[f]!;
    this.closes[f] = c ? closeWords(c, this.pHi[f]!, this.pLo[f]!, this.ahead[f]!, spare) : null;
    if (source.recycle && c) source.recycle(done);
  }
}

/**
 * The sources with each feed's period: the declared one, or inferred from the feed's first chunk
 * (which the returned source then yields again).
 */
export function withPeriods(sources: readonly BarSource[], declared: readonly (bigint | undefined)[] = []): { sources: BarSource[]; periods: bigint[] } {
  const periods: bigint[] = [];
  const out = sources.map((s, g): BarSource => {
    if (declared[g] !== undefined) {
      periods[g] = declared[g]!;
      return s;
    }
    let first = s.next();
    periods[g] = first ? inferPeriod(first.time) : 0n;
    const r = s as Recycling;
    return { estimatedLength: s.estimatedLength?.bind(s), next: () => (first ? ((c) => ((first = null), c))(first) : s.next()), ...(r.recycle ? { recycle: r.recycle.bind(r) } : {}) };
  });
  return { sources: out, periods };
}

/** A single chunk as a source (in-memory feeds). */
export function oneChunk(bars: Bars): BarSource {
  let done = false;
  return {
    estimatedLength: () => bars.length,
    next: () => (done || bars.length === 0 ? null : ((done = true), bars)),
  };
}

/**
 * Each bar's time in the engine's order of closes (equity.csv's time column): the bar's open time,
 * never earlier than the one before it (with mixed periods a long bar closes after shorter bars
 * that opened later; the column stays in time order). With one period, exactly the bars' times.
 */
export function eventTimes(sources: readonly BarSource[], periods: readonly bigint[], rank?: ArrayLike<number>): BigInt64Array {
  const q = new EventQueue(sources, periods, rank);
  let out = new BigInt64Array(1 << 16);
  let k = 0;
  for (;;) {
    const f = q.next();
    if (f < 0) return out.slice(0, k);
    if (q.phase[f] === OPEN && q.n > 1) {
      q.phase[f] = CLOSE;
      continue;
    }
    if (k === out.length) {
      const grown = new BigInt64Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    const t = q.chunks[f]!.time[q.at[f]!]!;
    out[k] = k > 0 && out[k - 1]! > t ? out[k - 1]! : t;
    k++;
    q.advance(f);
  }
}
