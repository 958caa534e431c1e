/**
 * @module engine/backtest
 * The event loop. Feeds (one per symbol) are merged in event time; bars with equal timestamps are
 * taken in feed order (the order the symbols were given), so the merge is stable and documented.
 * For each bar: (1) its symbol's open orders are checked against it (fills at its open or
 * intrabar), (2) that symbol is marked at the bar's close, (3) order events and closed trades are
 * reported to the guest, (4) the guest sees the completed bar, (5) close-time rules run (fill-at-close,
 * trailing stops, margin calls, snapshots), (6) equity is recorded. No wall clock, no randomness:
 * the bars are the only clock.
 */
import { dayOfWords, timeWords, TIME_HI, TIME_LO, type Bars, type BarSource } from '../model/bars.ts';
import type { BacktestResult } from '../model/trade.ts';
import { Account, Broker, DEFAULT_BROKER, type BrokerConfig } from './broker.ts';
import type { GuestPort } from './ports.ts';
import { computeStats } from './stats.ts';

/** Broker settings; `commission` is shorthand for a percentage-only cost model. */
export type EngineConfig = { cash: number; commission?: number; snapshotEvery?: number } & Partial<Omit<BrokerConfig, 'cash'>>;

/**
 * The feed whose current bar comes next: the earliest time, equal times to the lower feed index —
 * the one merge rule of the engine (and of everything that rebuilds its order). −1 when all are done.
 * `words[g]` is feed g's current chunk's times as `timeWords` (null when the feed is done).
 */
export function nextFeed(words: readonly (Int32Array | null)[], at: readonly number[]): number {
  let f = -1, fHi = 0, fLo = 0;
  for (let g = 0; g < words.length; g++) {
    const w = words[g];
    if (!w) continue;
    const hi = w[2 * at[g]! + TIME_HI]!, lo = w[2 * at[g]! + TIME_LO]! >>> 0;
    if (f < 0 || hi < fHi || (hi === fHi && lo < fLo)) {
      f = g;
      fHi = hi;
      fLo = lo;
    }
  }
  return f;
}

/** The merged event order of in-memory feeds: event k is bar `bar[k]` of feed `feed[k]`. */
export function mergeFeeds(feeds: readonly Bars[]): { feed: Uint16Array; bar: Uint32Array } {
  const total = feeds.reduce((n, f) => n + f.length, 0);
  const feed = new Uint16Array(total);
  const bar = new Uint32Array(total);
  const words = feeds.map((f) => (f.length > 0 ? timeWords(f.time) : null));
  const at = new Array<number>(feeds.length).fill(0);
  for (let k = 0; k < total; k++) {
    const f = nextFeed(words, at);
    feed[k] = f;
    bar[k] = at[f]!++;
    if (at[f] === feeds[f]!.length) words[f] = null;
  }
  return { feed, bar };
}

function oneChunk(bars: Bars): BarSource {
  let done = false;
  return {
    estimatedLength: () => bars.length,
    next: () => (done ? null : ((done = true), bars)),
  };
}

export class Backtest {
  readonly feeds: readonly Bars[];
  readonly account: Account;
  readonly brokers: Broker[];
  private readonly config: EngineConfig;
  /** Index of the bar being processed, within its feed (for logs), and that feed. */
  bar = -1;
  feed = 0;
  /** The chunk and index of the bar being processed (its time is read only when asked for). */
  private chunk: Bars | null = null;
  private index = 0;
  /** State snapshots taken every `snapshotEvery` events: after event `bar`, with the guest's hash. */
  readonly snapshots: { bar: number; hash: Uint8Array }[] = [];

  private readonly sources: readonly BarSource[] | null;
  /** Each event's time, after a run. */
  times: BigInt64Array = new BigInt64Array(0);
  /** Bars seen per feed, after a run. */
  barsPerFeed: number[] = [];

  /** In-memory feeds, or sources that stream bars in chunks (then `feeds` is empty). */
  constructor(bars: Bars | readonly Bars[] | { sources: readonly BarSource[] }, config: EngineConfig) {
    const sources = (bars as { sources?: readonly BarSource[] }).sources;
    this.sources = sources ?? null;
    this.feeds = sources ? [] : Array.isArray(bars) ? bars : [bars as Bars];
    this.config = config;
    const costs = config.costs ?? { ...DEFAULT_BROKER.costs, rate: config.commission ?? 0 };
    this.account = new Account(config.cash);
    const n = sources ? sources.length : this.feeds.length;
    this.brokers = Array.from({ length: n }, () => new Broker({ ...DEFAULT_BROKER, ...config, costs }, this.account));
  }

  /** Time of the bar being processed (0 before the first). */
  get now(): bigint {
    return this.chunk ? this.chunk.time[this.index]! : 0n;
  }

  /** The broker of the symbol being processed (the only one in a single-symbol run). */
  get broker(): Broker {
    return this.brokers[this.feed]!;
  }

  run(guest: GuestPort): BacktestResult {
    // In-memory feeds are single-chunk sources: one loop serves both.
    return this.runLoop(guest, this.sources ?? this.feeds.map(oneChunk));
  }

  /**
   * The loop, over sources read chunk by chunk: memory holds the current chunk of each feed plus
   * 24 bytes per event (equity, time and the benchmark close the statistics need).
   */
  private runLoop(guest: GuestPort, sources: readonly BarSource[]): BacktestResult {
    const account = this.account;
    // Nothing below allocates per bar: times are read as int32 words (a BigInt is a heap object),
    // the broker orders events by a numeric stamp and takes (chunk, index) rather than prices (a
    // double argument to a call V8 does not inline is boxed), and so does the guest.
    account.time = () => this.now;
    const chunks = sources.map((s) => s.next());
    const words = chunks.map((c) => (c ? timeWords(c.time) : null));
    const at = new Array<number>(sources.length).fill(0);
    const barIndex = new Array<number>(sources.length).fill(0);
    // Size the per-event arrays once from the sources' estimates; grow by a quarter if short.
    let cap = Math.max(1 << 16, Math.ceil(sources.reduce((n, s) => n + (s.estimatedLength?.() ?? 0), 0) * 1.01));
    let equity = new Float64Array(cap), time = new BigInt64Array(cap), bench = new Float64Array(cap);
    let timeOut = timeWords(time);
    const every = this.config.snapshotEvery ?? 0;
    const byIndex = guest.onBarAt !== undefined;
    let barsInMarket = 0;
    // The benchmark is the first symbol's latest close (its first close until it has a bar). It is
    // carried in `bench` itself: a double loop variable here was boxed by V8 on every bar.
    const firstClose = chunks[0] ? chunks[0].close[0]! : NaN;
    let lastHi = 0, lastLo = 0, stamp = 0;
    let k = 0;
    for (;;) {
      const f = nextFeed(words, at);
      if (f < 0) break;
      const c = chunks[f]!;
      const w = words[f]!;
      const j = at[f]!;
      const i = barIndex[f]!++;
      const broker = this.brokers[f]!;
      this.feed = f;
      this.bar = i;
      this.chunk = c;
      this.index = j;
      const hi = w[2 * j + TIME_HI]!, lo = w[2 * j + TIME_LO]!;
      if (stamp === 0 || hi !== lastHi || lo !== lastLo) {
        stamp++;
        lastHi = hi;
        lastLo = lo;
        account.day = dayOfWords(hi, lo);
      }
      account.stamp = stamp;
      broker.setBar(i);
      broker.onBarOpen(c, j);
      broker.price = c.close[j]!;
      if (account.events.length > 0 || account.trades.length > account.tradesReported) this.deliver(guest);
      if (byIndex) guest.onBarAt!(c, w, j);
      else guest.onBar(c.time[j]!, c.open[j]!, c.high[j]!, c.low[j]!, c.close[j]!, c.volume[j]!);
      broker.onBarClose(c, j);
      if (account.events.length > 0 || account.trades.length > account.tradesReported) this.deliver(guest);
      if (every > 0 && (k + 1) % every === 0 && guest.snapshot) this.snapshots.push({ bar: k, hash: guest.snapshot(k) });
      if (k === cap) {
        cap = Math.ceil(cap * 1.25);
        const e2 = new Float64Array(cap); e2.set(equity); equity = e2;
        const t2 = new BigInt64Array(cap); t2.set(time); time = t2; timeOut = timeWords(time);
        const b2 = new Float64Array(cap); b2.set(bench); bench = b2;
      }
      account.recordEquity(equity, k);
      timeOut[2 * k + TIME_HI] = hi;
      timeOut[2 * k + TIME_LO] = lo;
      bench[k] = f === 0 ? c.close[j]! : k > 0 ? bench[k - 1]! : firstClose;
      if (this.anyPosition()) barsInMarket++;
      k++;
      if (++at[f]! === c.length) {
        const next = sources[f]!.next();
        chunks[f] = next;
        words[f] = next ? timeWords(next.time) : null;
        at[f] = 0;
      }
    }
    for (const b of this.brokers) account.rejectedOrders += b.cancelPending();
    this.barsPerFeed = barIndex;
    this.times = time.subarray(0, k); // views, not copies: at 10M bars each copy would be 80 MB
    const closes = bench.subarray(0, k);
    const timeline: Bars = { length: k, time: this.times, open: closes, high: closes, low: closes, close: closes, volume: closes };
    const eq = equity.subarray(0, k);
    const stats = computeStats({
      bars: timeline, equity: eq, trades: account.trades, barsInMarket, initialCash: this.config.cash,
      commissions: account.commissions, rejectedOrders: account.rejectedOrders,
    });
    return { trades: account.trades, equity: eq, stats };
  }

  private anyPosition(): boolean {
    const brokers = this.brokers;
    for (let b = 0; b < brokers.length; b++) if (brokers[b]!.position !== 0) return true;
    return false;
  }

  /** Reports order events and closed trades to the guest, in the order they happened. */
  private deliver(guest: GuestPort): void {
    const account = this.account;
    const events = account.events;
    // The events queued so far; any an on_order callback causes (an order it places being rejected)
    // wait for the next delivery, as before the bar's other callbacks. Shifted in place, not copied.
    const n = events.length;
    if (guest.onOrder) for (let i = 0; i < n; i++) guest.onOrder(events[i]!.id, events[i]!.status, events[i]!.price, events[i]!.units);
    events.copyWithin(0, n);
    events.length -= n;
    const trades = account.trades;
    if (guest.onTrade) for (let k = account.tradesReported; k < trades.length; k++) guest.onTrade(trades[k]!.size, trades[k]!.entryPrice, trades[k]!.exitPrice, trades[k]!.pnl);
    account.tradesReported = trades.length;
  }
}
