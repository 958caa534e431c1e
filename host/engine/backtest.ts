/**
 * @module engine/backtest
 * The event loop. Each bar is two events (engine/events.ts): its open, where its symbol's open
 * orders are matched (fills at the open or intrabar, valuing the account at the prices known at
 * that instant), and its close, where (1) the symbol is marked at the close, (2) order events and
 * closed trades are reported to the guest, (3) the guest sees the completed bar, (4) close-time
 * rules run (fill-at-close, trailing stops, margin calls, snapshots), (5) equity is recorded.
 * Events are in time order, equal instants closes first, then by symbol name (events.ts), so the
 * order of the --data files changes nothing but the symbols' indices. No wall clock, no
 * randomness: the bars are the only clock.
 */
import { dayOfWords, TIME_HI, TIME_LO, type Bars, type BarSource } from '../model/bars.ts';
import { CLOSE, EventQueue, inferPeriod, OPEN, oneChunk, symbolRanks, withPeriods } from './events.ts';
import { columnarResult, type BacktestResult } from '../model/trade.ts';
import { Account, Broker, DEFAULT_BROKER, type BrokerConfig } from './broker.ts';
import type { GuestPort } from './ports.ts';
import { BENCHMARK_CLOSE, BenchmarkSums, computeStats } from './stats.ts';
import { growableBuffer, resized } from './growable.ts';
import { TimeColumn } from './timeline.ts';
import { PROGRESS_DONE, PROGRESS_ENDED, PROGRESS_EVERY, PROGRESS_TOTAL, writeProgress, type ProgressCounter } from './progress.ts';

/** Bars whose equity is recorded in a plain block before it joins the growable column (512 KiB). */
const EQUITY_BLOCK = 1 << 16;

/**
 * `memory` with the first `n` values of `block` written as values end − n … end − 1, grown (in
 * place: engine/growable) when short: to the sources' estimate by now (a CSV's is scaled from the
 * bytes read so far), or an eighth more.
 */
function appended(memory: ArrayBuffer, block: Float64Array, n: number, end: number, sources: readonly BarSource[]): ArrayBuffer {
  if (end * 8 > memory.byteLength) {
    const now = sources.reduce((total, s) => total + (s.estimatedLength?.() ?? 0), 0);
    memory = resized(memory, 8 * Math.max(Math.ceil((memory.byteLength / 8) * 1.125), Math.ceil(now * 1.01), end));
  }
  new Float64Array(memory, (end - n) * 8, n).set(block.subarray(0, n));
  return memory;
}

/** Broker settings; `commission` is shorthand for a percentage-only cost model. */
export type EngineConfig = {
  cash: number;
  commission?: number;
  snapshotEvery?: number;
  /** The stats' periods per year (stats.ts); 0 or absent: inferred from the bar spacing. */
  periodsPerYear?: number;
  /** Each feed's bar period in ns (0: a bar is known at its own time, e.g. ticks); default inferred (events.ts). */
  periods?: readonly (bigint | undefined)[];
  /** Each feed's symbol name: events at one instant go in name order (events.ts symbolRanks); default feed order. */
  symbols?: readonly string[];
  /** Where the loop reports its progress (engine/progress), read by another thread; nothing in the run reads it. */
  progress?: ProgressCounter;
} & Partial<Omit<BrokerConfig, 'cash'>>;

/** The order of bars' closes of in-memory feeds (the guest's order): event k is bar `bar[k]` of feed `feed[k]`. */
export function mergeFeeds(feeds: readonly Bars[], periods: readonly bigint[] = feeds.map((f) => inferPeriod(f.time)), rank?: ArrayLike<number>): { feed: Uint16Array; bar: Uint32Array } {
  const total = feeds.reduce((n, f) => n + f.length, 0);
  const feed = new Uint16Array(total);
  const bar = new Uint32Array(total);
  const q = new EventQueue(feeds.map(oneChunk), periods, rank);
  for (let k = 0; k < total; ) {
    const f = q.next();
    if (q.phase[f] === OPEN) {
      q.phase[f] = CLOSE;
      continue;
    }
    feed[k] = f;
    bar[k++] = q.at[f]!;
    q.advance(f);
  }
  return { feed, bar };
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
  /** Each feed's rank for ties at an instant (from config.symbols), or undefined: feed order. */
  private readonly rank: Uint16Array | undefined;
  /** Each event's time, after a run (engine/timeline: ~1 byte a bar for regular bars). */
  timeline = new TimeColumn(0);
  private timesArray: BigInt64Array | null = null;
  /** Bars seen per feed, after a run. */
  barsPerFeed: number[] = [];
  /** Each feed's period (declared, or inferred from its first chunk), known once a run has started. */
  periods: bigint[] = [];

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
    this.rank = config.symbols ? symbolRanks(config.symbols) : undefined;
    // The account sums positions (equity, gross exposure) in name order too: the same float sum
    // whatever the order of the files. Each broker keeps its index (`symbol`) in file order.
    const rank = this.rank;
    if (rank) this.account.brokers.sort((a, b) => rank[a.symbol]! - rank[b.symbol]!);
    if (!sources) this.periods = this.feeds.map((f, g) => config.periods?.[g] ?? inferPeriod(f.time));
  }

  /** Each event's time, after a run, as a BigInt64Array: made from `timeline` when first read (8 bytes a bar). */
  get times(): BigInt64Array {
    return (this.timesArray ??= this.timeline.toArray());
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
    if (!this.sources) return this.runLoop(guest, this.feeds.map(oneChunk));
    // A streamed feed without a declared period: inferred from its first chunk.
    const { sources, periods } = withPeriods(this.sources, this.config.periods ?? []);
    this.periods = periods;
    return this.runLoop(guest, sources);
  }

  /**
   * The loop, over sources read chunk by chunk: memory holds two chunks of each feed (the next
   * one's first bar ends the current one's last) plus ~9 bytes per bar: the equity (8, in a buffer
   * that grows in place: engine/growable) and the time (its step from the one before, ~1 byte for
   * regular bars: engine/timeline); what the statistics need of the benchmark's close is summed as
   * the bars go (stats BenchmarkSums). Each bar is an open event (its symbol's orders are
   * matched) and a close event (the guest sees it); with one feed they follow each other directly.
   */
  private runLoop(guest: GuestPort, sources: readonly BarSource[]): BacktestResult {
    const account = this.account;
    // Nothing below allocates per bar: times are read as int32 words (a BigInt is a heap object),
    // the broker orders events by a numeric stamp and takes (chunk, index) rather than prices (a
    // double argument to a call V8 does not inline is boxed), and so does the guest. The account
    // gets each event's time as words too (for order rows and trades).
    const q = new EventQueue(sources, this.periods, this.rank);
    const several = q.n > 1;
    const barIndex = new Array<number>(sources.length).fill(0);
    // Size the per-bar arrays once from the sources' estimates (a column cache's is exact); grow if short.
    const estimate = sources.reduce((n, s) => n + (s.estimatedLength?.() ?? 0), 0);
    const cap = Math.max(EQUITY_BLOCK, Math.ceil(estimate * 1.01));
    let equityMemory = growableBuffer(cap * 8);
    // Each bar's equity goes to a plain block, appended to the growable memory when full: V8 boxes
    // every double read from or written to a resizable buffer's array (~4 bytes a bar allocated).
    const block = new Float64Array(EQUITY_BLOCK);
    let inBlock = 0;
    const timeline = new TimeColumn(cap + 64);
    const every = this.config.snapshotEvery ?? 0;
    const byIndex = guest.onBarAt !== undefined;
    // The benchmark is the first symbol's latest close (its first close until it has a bar). It is
    // carried in a Float64Array: a double loop variable here was boxed by V8 on every bar.
    const bench = new BenchmarkSums(q.chunks[0] ? q.chunks[0].close[0]! : NaN);
    const benchClose = bench.sums;
    // The instant of the last event (stamps number distinct instants).
    let lastHi = 0, lastLo = 0, stamp = 0;
    let k = 0;
    // Progress is written every PROGRESS_EVERY events: one comparison per event (-1: never, no counter).
    const progress = this.config.progress;
    let nextReport = -1;
    if (progress) {
      writeProgress(progress, PROGRESS_ENDED, 0);
      writeProgress(progress, PROGRESS_DONE, 0);
      writeProgress(progress, PROGRESS_TOTAL, estimate);
      nextReport = PROGRESS_EVERY;
    }
    for (;;) {
      const f = q.next();
      if (f < 0) break;
      const c = q.chunks[f]!;
      const w = q.opens[f]!;
      const j = q.at[f]!;
      const broker = this.brokers[f]!;
      const hi = w[2 * j + TIME_HI]!, lo = w[2 * j + TIME_LO]!;
      this.feed = f;
      this.chunk = c;
      this.index = j;
      account.timeHi = hi;
      account.timeLo = lo;
      account.day = dayOfWords(hi, lo);
      if (q.phase[f] === OPEN) {
        if (stamp === 0 || hi !== lastHi || lo !== lastLo) {
          stamp++;
          lastHi = hi;
          lastLo = lo;
        }
        account.stamp = stamp;
        // An order placed at this instant may meet this open unless the bar has no duration (a tick).
        account.dueStamp = stamp + q.positive[f]!;
        this.bar = barIndex[f]!;
        broker.setBar(this.bar);
        broker.onBarOpen(c, j);
        if (several) {
          q.phase[f] = CLOSE;
          continue;
        }
      }
      const kw = q.closes[f]!;
      const kHi = kw[2 * j + TIME_HI]!, kLo = kw[2 * j + TIME_LO]!;
      if (kHi !== lastHi || kLo !== lastLo) {
        stamp++;
        lastHi = kHi;
        lastLo = kLo;
      }
      account.stamp = stamp;
      this.bar = barIndex[f]!++;
      broker.setBar(this.bar);
      broker.price = c.close[j]!;
      if (account.events.length > 0 || account.tradeLog.length > account.tradesReported) this.deliver(guest);
      if (byIndex) guest.onBarAt!(c, w, j);
      else guest.onBar(c.time[j]!, c.open[j]!, c.high[j]!, c.low[j]!, c.close[j]!, c.volume[j]!);
      broker.onBarClose(c, j);
      if (account.events.length > 0 || account.tradeLog.length > account.tradesReported) this.deliver(guest);
      if (every > 0 && (k + 1) % every === 0 && guest.snapshot) this.snapshots.push({ bar: k, hash: guest.snapshot(k) });
      if (k === nextReport) {
        writeProgress(progress!, PROGRESS_DONE, k);
        nextReport += PROGRESS_EVERY;
      }
      account.recordEquity(block, inBlock);
      // The bar's time, kept in order (events.ts eventTimes: the same column, rebuilt by verify).
      timeline.add(w, j);
      if (f === 0) benchClose[BENCHMARK_CLOSE] = c.close[j]!;
      bench.add(block, inBlock, k);
      k++;
      if (++inBlock === EQUITY_BLOCK) {
        equityMemory = appended(equityMemory, block, inBlock, k, sources);
        inBlock = 0;
      }
      q.advance(f);
    }
    equityMemory = appended(equityMemory, block, inBlock, k, sources);
    for (const b of account.brokers) account.rejectedOrders += b.cancelPending(); // name order, like the events
    if (progress) {
      writeProgress(progress, PROGRESS_TOTAL, k);
      writeProgress(progress, PROGRESS_DONE, k);
      writeProgress(progress, PROGRESS_ENDED, 1);
    }
    this.barsPerFeed = barIndex;
    this.timeline = timeline;
    this.timesArray = null;
    // The equity at the start of its growable buffer: result.pb's bytes are made around it (execute.ts).
    const eq = new Float64Array(equityMemory, 0, k);
    const stats = computeStats({
      bars: { length: k }, timeline, benchmark: bench, equity: eq, trades: account.tradeLog, initialCash: this.config.cash,
      rejectedOrders: account.rejectedOrders, periodsPerYear: this.config.periodsPerYear || undefined,
    });
    // Trades and order rows stay in the engine's columns; their objects are made when first read.
    return columnarResult(account.tradeLog, account.orders, eq, stats);
  }

  /** Reports order events and closed trades to the guest, in the order they happened. */
  private deliver(guest: GuestPort): void {
    const account = this.account;
    const events = account.events;
    // The events queued so far; any an on_order callback causes (an order it places being rejected)
    // wait for the next delivery, as before the bar's other callbacks. The columns are read through
    // `events` each time: a callback's event may have replaced them (grown).
    const n = events.length;
    if (guest.onOrderAt) for (let i = 0; i < n; i++) guest.onOrderAt(events, i);
    else if (guest.onOrder) for (let i = 0; i < n; i++) guest.onOrder(events.id[i]!, events.status[i]!, events.price[i]!, events.units[i]!);
    events.shift(n);
    const trades = account.tradeLog;
    if (guest.onTradeAt) for (let k = account.tradesReported; k < trades.length; k++) guest.onTradeAt(trades, k);
    else if (guest.onTrade) for (let k = account.tradesReported; k < trades.length; k++) guest.onTrade(trades.size[k]!, trades.entryPrice[k]!, trades.exitPrice[k]!, trades.pnl[k]!);
    account.tradesReported = trades.length;
  }
}
