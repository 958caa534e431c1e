// Engine invariants on random order streams (issue 12 item 7; docs/FUZZING.md). A scripted driver plays
// the guest: at each bar's close it places the orders the generated script holds for that event (on any
// symbol: market, limit, stop, stop-limit, trailing, brackets, cancels, modifies, bad sizes), against 1-3
// generated feeds with shared and distinct timestamps, under a generated broker configuration. The driver
// is the engine's own GuestPort (engine/ports: "tests may drive the engine with plain objects"); the
// checks read the engine's columns and its brokers' observable state, never its private fields.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { Backtest, type EngineConfig } from '../../../host/engine/backtest.ts';
import { ORDER_BUY, ORDER_CLOSE, ORDER_SELL, STATUS, TIF, TYPE, type CostModel } from '../../../host/engine/broker.ts';
import type { Bars } from '../../../host/model/bars.ts';
import { REASONS } from '../../../host/model/order.ts';
import type { FuzzProperty } from '../property.ts';

const HOUR = 3_600_000_000_000n;
const BASE = 1_700_000_000_000_000_000n - (1_700_000_000_000_000_000n % (24n * HOUR));

/** One bar as generated: hours after the previous bar (≥ 1), then open, high, low, close in cents. */
type BarSpec = { gap: number; open: number; high: number; low: number; close: number };
/**
 * A feed: its first bar `start` hours after a midnight, each next one `gap` steps later — hours, days
 * (bars that close after the hourly bars of their day), or ticks: a declared period of 0 (a bar known at its
 * own time), one step fewer, so that ticks may share a timestamp. Hourly when `kind` is absent.
 */
type FeedSpec = { start: number; bars: BarSpec[]; kind?: 'hourly' | 'daily' | 'ticks' };

/** Positive prices in cents with low ≤ open, close ≤ high; a gap of 1-3 hours, mostly 1 (the inferred period). */
const barArb: fc.Arbitrary<BarSpec> = fc
  .record({ gap: fc.constantFrom(1, 1, 1, 1, 2, 3), a: fc.integer({ min: 500, max: 20_000 }), b: fc.integer({ min: 500, max: 20_000 }), up: fc.nat(800), down: fc.nat(800) })
  .map(({ gap, a, b, up, down }) => ({ gap, open: a, close: b, high: Math.max(a, b) + up, low: Math.max(1, Math.min(a, b) - down) }));
const feedArb: fc.Arbitrary<FeedSpec> = fc.record({
  start: fc.nat(3), bars: fc.array(barArb, { minLength: 2, maxLength: 24 }), kind: fc.constantFrom('hourly' as const, 'hourly' as const, 'hourly' as const, 'daily' as const, 'ticks' as const),
});
const stepOf = (kind: FeedSpec['kind']): bigint => (kind === 'daily' ? 24n * HOUR : HOUR);

const sizeArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) }, // units
  { weight: 2, arbitrary: fc.constantFrom(0.1, 0.25, 0.5, 0.99) }, // a fraction of the available equity
  { weight: 1, arbitrary: fc.constant(0) }, // all of it
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY) }, // refused at once
);
/** A price level relative to the symbol's latest close (−15 % … +15 %), in basis points. */
const relArb = fc.integer({ min: -1500, max: 1500 });

type Action =
  | { op: 'submit'; at: number; sym: number; kind: number; size: number }
  | { op: 'place'; at: number; sym: number; side: number; type: number; size: number; limit: number; stop: number; tif: number }
  | { op: 'bracket'; at: number; sym: number; side: number; size: number; market: boolean; limit: number; sl: number; tp: number; tif: number }
  | { op: 'cancel'; at: number; back: number }
  | { op: 'modify'; at: number; back: number; size: number; limit: number; stop: number };

const at = fc.nat(400), sym = fc.nat(2), side = fc.constantFrom(ORDER_BUY, ORDER_SELL);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('submit' as const), at, sym, kind: fc.constantFrom(ORDER_BUY, ORDER_SELL, ORDER_CLOSE), size: sizeArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('place' as const), at, sym, side, type: fc.integer({ min: 0, max: 5 }), size: sizeArb, limit: relArb, stop: relArb,
      tif: fc.constantFrom(TIF.gtc, TIF.gtc, TIF.day, TIF.ioc, TIF.fok),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('bracket' as const), at, sym, side, size: sizeArb, market: fc.boolean(), limit: relArb,
      sl: fc.integer({ min: 50, max: 1500 }), tp: fc.integer({ min: 50, max: 1500 }), tif: fc.constantFrom(TIF.gtc, TIF.day),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), at, back: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('modify' as const), at, back: fc.nat(4), size: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 1, max: 30 })), limit: relArb, stop: relArb }) },
);

const configArb = fc.record({
  cash: fc.constantFrom(1_000, 10_000, 100_000),
  rate: fc.constantFrom(0, 0, 0.001), perUnit: fc.constantFrom(0, 0.01), fixed: fc.constantFrom(0, 1), minimum: fc.constantFrom(0, 2),
  slippageBps: fc.constantFrom(0, 0, 5), slippageFixed: fc.constantFrom(0, 0.01),
  lotSize: fc.constantFrom(1, 1, 0, 10), margin: fc.constantFrom(1, 1, 0.5), maintenanceMargin: fc.constantFrom(0, 0, 0.3),
  fillMarketAt: fc.constantFrom('open' as const, 'open' as const, 'close' as const), bothTouched: fc.constantFrom('stop-first' as const, 'target-first' as const),
  names: fc.constantFrom(['A', 'B', 'C'], ['C', 'B', 'A'], ['B', 'C', 'A']),
});
type ConfigSpec = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

/** `init`: actions taken before the first bar, as a strategy's init does (prices relative to the symbol's first open). */
export type Scenario = { feeds: FeedSpec[]; actions: Action[]; init?: Action[]; config: ConfigSpec };
export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  feeds: fc.array(feedArb, { minLength: 1, maxLength: 3 }),
  actions: fc.array(actionArb, { maxLength: 60 }),
  init: fc.array(actionArb, { maxLength: 3 }),
  config: configArb,
});

function barsOf(spec: FeedSpec, edit?: (b: BarSpec, time: bigint) => BarSpec): Bars {
  const n = spec.bars.length;
  const b = { length: n, time: new BigInt64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let t = BASE + BigInt(spec.start) * HOUR;
  spec.bars.forEach((bar, i) => {
    if (i > 0) t += BigInt(spec.kind === 'ticks' ? bar.gap - 1 : bar.gap) * stepOf(spec.kind);
    const x = edit ? edit(bar, t) : bar;
    b.time[i] = t;
    b.open[i] = x.open / 100; b.high[i] = x.high / 100; b.low[i] = x.low / 100; b.close[i] = x.close / 100;
    b.volume[i] = 1000;
  });
  return b;
}

/** What one run showed: per close event, the account after the close rules and the equity recorded. */
type Observed = {
  bt: Backtest;
  feeds: Bars[];
  /** Per close event k: its feed, bar, close instant, cash and positions after the close rules. */
  closes: { feed: number; bar: number; instant: bigint; cash: number; positions: number[] }[];
  /** Order id → the open (or close) where it filled. */
  filledAt: Map<number, { feed: number; bar: number; phase: 'open' | 'close' }>;
  /** Order id → the close instant of the event during which the guest placed it. */
  decidedAt: Map<number, bigint>;
  /** Order id → its limit as the guest last set it (placed or modified). */
  limits: Map<number, number>;
  /** The guest's exclusive (simple) orders. */
  exclusive: Set<number>;
  /** The first place where the engine's cash or a position differs from the ledger of order events and trades (null: none). */
  ledgerError: string | null;
  /** Orders the guest modified (a bracket leg's size may then differ from its entry's). */
  modified: Set<number>;
  /** Bracket entries: [entry, stop-loss, take-profit] ids. */
  brackets: [number, number, number][];
  /** Each symbol's first fill: the close event count before it, and its price. */
  firstFill: Map<number, { event: number; price: number }>;
  /** Orders the guest placed on another symbol than the bar's. */
  crossSymbol: number;
  /** The order events the guest heard, in order, tagged with the close event they came before. */
  heard: string[];
  equity: Float64Array;
};

/** The decision instant of an order placed before the first bar (int64's least). */
const BEFORE_FIRST_BAR = -(1n << 63n);

const closeInstant = (bars: Bars, period: bigint, j: number): bigint => {
  const end = bars.time[j]! + period;
  return j + 1 < bars.length && bars.time[j + 1]! < end ? bars.time[j + 1]! : end;
};

/** Runs a scenario (with its bars edited by `edit`, for the look-ahead check) and observes it. */
export function drive(s: Scenario, edit?: (b: BarSpec, time: bigint) => BarSpec): Observed {
  const feeds = s.feeds.map((f) => barsOf(f, edit));
  const c = s.config;
  const costs: CostModel = { rate: c.rate, perUnit: c.perUnit, fixed: c.fixed, minimum: c.minimum, slippageBps: c.slippageBps, slippageFixed: c.slippageFixed };
  const config: EngineConfig = {
    cash: c.cash, costs, lotSize: c.lotSize, margin: c.margin, maintenanceMargin: c.maintenanceMargin,
    fillMarketAt: c.fillMarketAt, bothTouched: c.bothTouched, symbols: c.names.slice(0, feeds.length),
    periods: s.feeds.map((f) => (f.kind === 'ticks' ? 0n : undefined)),
  };
  const bt = new Backtest(feeds, config);
  const account = bt.account;
  const total = feeds.reduce((n, f) => n + f.length, 0);
  const script = new Map<number, Action[]>();
  for (const a of s.actions) script.set(a.at % total, [...(script.get(a.at % total) ?? []), a]);
  const o: Observed = { bt, feeds, closes: [], filledAt: new Map(), decidedAt: new Map(), limits: new Map(), modified: new Set(), exclusive: new Set(), ledgerError: null, brackets: [], firstFill: new Map(), crossSymbol: 0, heard: [], equity: new Float64Array(0) };
  const latest = feeds.map(() => Number.NaN);
  const tagFills = (from: number, feed: number, bar: number, phase: 'open' | 'close') => {
    const ev = account.events;
    for (let e = from; e < ev.length; e++) {
      if (ev.status[e] !== STATUS.filled) continue;
      o.filledAt.set(ev.id[e]!, { feed, bar, phase });
      if (!o.firstFill.has(feed)) o.firstFill.set(feed, { event: o.closes.length, price: ev.price[e]! });
    }
  };
  // Wrap each book's open and close passes to see where each fill happened and the account after the close rules.
  // The ledger: cash and positions rebuilt from the order events and closed trades alone, pass by pass.
  const ledger = { cash: c.cash, positions: feeds.map(() => 0) };
  const fee = (units: number, price: number) => {
    const u = Math.abs(units), x = costs.fixed + costs.perUnit * u + costs.rate * u * price;
    return x > costs.minimum ? x : Math.max(costs.minimum, x);
  };
  const rows = account.orders, trades = account.tradeLog;
  const settle = (f: number, events: number, tradesBefore: number, where: string) => {
    const ev = account.events;
    let t = tradesBefore, pos = ledger.positions[f]!;
    // An exclusive buy or sell against the position closes it first (a trade at the fill's price), even
    // when what it then opens is rejected; a netting fill against the position closes part of it (a trade).
    const closeFirst = (id: number) => {
      const side = rows.side[id - 1]!;
      if (!o.exclusive.has(id) || side === 0 || pos * side >= 0) return;
      ledger.cash += pos * trades.exitPrice[t]! - fee(pos, trades.exitPrice[t]!);
      t++;
      pos = 0;
    };
    for (let e = events; e < ev.length; e++) {
      const id = ev.id[e]!;
      if (ev.status[e] === STATUS.filled) {
        closeFirst(id);
        const u = ev.units[e]!, p = ev.price[e]!;
        if (pos * u < 0) t++;
        ledger.cash -= u * p + fee(u, p);
        pos += u;
      } else if (ev.status[e] === STATUS.rejected && (rows.reason[id - 1] === REASONS.indexOf('insufficient-margin') || rows.reason[id - 1] === REASONS.indexOf('zero-units'))) closeFirst(id);
    }
    ledger.positions[f] = pos;
    if (o.ledgerError !== null) return;
    if (t !== trades.length) o.ledgerError = `${where}: ${trades.length - tradesBefore} trades closed, the events account for ${t - tradesBefore}`;
    else if (!Object.is(ledger.cash, account.cash)) o.ledgerError = `${where}: cash ${account.cash}, the events' ledger says ${ledger.cash}`;
    else if (!Object.is(pos, bt.brokers[f]!.position)) o.ledgerError = `${where}: position ${bt.brokers[f]!.position}, the events' ledger says ${pos}`;
  };
  bt.brokers.forEach((broker, f) => {
    const open = broker.onBarOpen.bind(broker), close = broker.onBarClose.bind(broker);
    broker.onBarOpen = (bars, j) => {
      const from = account.events.length, tradesBefore = trades.length;
      open(bars, j);
      tagFills(from, f, j, 'open');
      settle(f, from, tradesBefore, `the open of bar ${j} of symbol ${f}`);
    };
    broker.onBarClose = (bars, j) => {
      const from = account.events.length, tradesBefore = trades.length;
      close(bars, j);
      tagFills(from, f, j, 'close');
      settle(f, from, tradesBefore, `the close of bar ${j} of symbol ${f}`);
      o.closes.push({ feed: f, bar: j, instant: closeInstant(bars, bt.periods[f]!, j), cash: account.cash, positions: bt.brokers.map((b) => b.position) });
    };
  });
  /** Takes action `a` at the close of a bar of feed `f` (−1: before the first bar), `close` its close, at `instant`. */
  const apply = (a: Action, f: number, close: number, instant: bigint) => {
    const first = account.nextId;
    if (a.op === 'cancel') bt.brokers.forEach((b) => b.cancel(first - 1 - a.back));
    else if (a.op === 'modify') {
      const id = first - 1 - a.back;
      for (const b of bt.brokers) {
        const ref = latest[b.symbol]!;
        const limit = level(ref, a.limit);
        if (b.modify(id, a.size, limit, level(ref, a.stop))) {
          if (!Number.isNaN(limit)) o.limits.set(id, limit); // NaN: the limit stays
          o.modified.add(id);
        }
      }
    } else {
      const target = a.sym % feeds.length, b = bt.brokers[target]!;
      const ref = Number.isNaN(latest[target]!) ? close : latest[target]!;
      if (a.op === 'submit') {
        b.submit(a.kind, a.size);
        o.exclusive.add(first);
      }
      else if (a.op === 'place') {
        const trailing = a.type === TYPE.trailingAmount || a.type === TYPE.trailingPercent;
        const stop = trailing ? (a.type === TYPE.trailingPercent ? Math.abs(a.stop) / 10_000 + 0.005 : (ref * (Math.abs(a.stop) + 50)) / 10_000) : level(ref, a.stop);
        const id = b.place(a.side, a.type, a.size, level(ref, a.limit), stop, a.tif);
        if (id > 0) o.limits.set(id, level(ref, a.limit));
      } else {
        const dir = a.side === ORDER_BUY ? 1 : -1;
        const entry = b.bracket(a.side, a.size, a.market ? Number.NaN : level(ref, a.limit), level(ref, -dir * a.sl), level(ref, dir * a.tp), a.tif);
        if (entry > 0) {
          o.brackets.push([entry, entry + 1, entry + 2]);
          o.limits.set(entry + 2, level(ref, dir * a.tp));
          if (!a.market) o.limits.set(entry, level(ref, a.limit));
        }
      }
    }
    for (let id = first; id < account.nextId; id++) {
      o.decidedAt.set(id, instant);
      if (f >= 0 && account.orders.symbol[id - 1] !== f) o.crossSymbol++;
    }
  };
  // Before the first bar: any bar may fill these (docs/SEMANTICS.md: orders placed in init meet the first bar).
  for (const a of s.init ?? []) apply(a, -1, feeds['sym' in a ? a.sym % feeds.length : 0]!.open[0]!, BEFORE_FIRST_BAR);
  let k = -1;
  const r = bt.run({
    onOrder: (id, status, price, units) => void o.heard.push(`${k + 1}:${id}:${status}:${price}:${units}`),
    onBar: (_t, _o, _h, _l, close) => {
      k++;
      const f = bt.feed, j = bt.bar;
      latest[f] = close;
      const instant = closeInstant(feeds[f]!, bt.periods[f]!, j);
      for (const a of script.get(k) ?? []) apply(a, f, close, instant);
    },
  });
  o.equity = r.equity;
  return o;
}

/** A price `bps` basis points from `ref`, in cents. */
const level = (ref: number, bps: number): number => Math.max(0.01, Math.round(ref * (10_000 + bps) / 100) / 100);

/** The equity as the engine defines it: cash + Σ position × latest close, summed in symbol-name order. */
function markedEquity(obs: Observed, k: number, names: readonly string[]): number {
  const latest = obs.feeds.map(() => Number.NaN);
  for (let e = 0; e <= k; e++) latest[obs.closes[e]!.feed] = obs.feeds[obs.closes[e]!.feed]!.close[obs.closes[e]!.bar]!;
  // A symbol filled before its first close is marked at its first fill's price (docs/SEMANTICS.md, Several symbols).
  for (const [g, first] of obs.firstFill) if (Number.isNaN(latest[g]!) && first.event <= k) latest[g] = first.price;
  const order = names.map((_, g) => g).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  const { cash, positions } = obs.closes[k]!;
  let e = cash;
  for (const g of order) if (positions[g] !== 0) e += positions[g]! * latest[g]!;
  return e;
}

/** What the checked runs reached, summed (the tests pin it: a generator that stops reaching fills or brackets fails). */
export const engineTally = { runs: 0, fills: 0, fillsOfInitOrders: 0, fillsOnTicks: 0, fillsAtClose: 0, crossSymbolOrders: 0, bracketLegFills: 0, marginCalls: 0, rejected: 0 };

function checkRun(s: Scenario): void {
  const obs = drive(s);
  const { bt, feeds } = obs;
  const names = s.config.names.slice(0, feeds.length);
  const total = feeds.reduce((n, f) => n + f.length, 0);
  assert.equal(obs.closes.length, total, 'one close event per bar');
  // 0. Cash and positions are what the order events and closed trades say, after every pass, exactly.
  assert.equal(obs.ledgerError, null);
  // 1. cash + positions value = equity, at every bar, exactly as the engine sums it.
  for (let k = 0; k < total; k++) assert.ok(Number.isFinite(obs.equity[k]), `equity at event ${k} is ${obs.equity[k]}`);
  for (let k = 0; k < total; k++) assert.ok(Object.is(obs.equity[k], markedEquity(obs, k, names)), `equity at event ${k}: ${obs.equity[k]} ≠ cash + Σ position × latest close ${markedEquity(obs, k, names)}`);
  const rows = bt.account.orders;
  const c = s.config;
  for (let i = 0; i < rows.length; i++) {
    const id = i + 1;
    if (rows.status[i] !== STATUS.filled) continue;
    const where = obs.filledAt.get(id);
    assert.ok(where, `order ${id} filled outside a matching pass`);
    // 2. A fill is on the order's own symbol, never before the decision, at a price its bar traded (± slippage).
    assert.equal(where.feed, rows.symbol[i], `order ${id} filled on another symbol's bar`);
    const bars = feeds[where.feed]!;
    const decided = obs.decidedAt.get(id) ?? closeInstant(feeds[rows.symbol[i]!]!, bt.periods[rows.symbol[i]!]!, rows.bar[i]!); // a margin call: placed at its symbol's close
    // At or after the decision's instant; strictly after on a tick (a bar of no duration: docs/SEMANTICS.md).
    const tick = bt.periods[where.feed] === 0n;
    if (tick) engineTally.fillsOnTicks++;
    if (decided === BEFORE_FIRST_BAR) engineTally.fillsOfInitOrders++;
    if (where.phase === 'open') assert.ok(tick ? bars.time[where.bar]! > decided : bars.time[where.bar]! >= decided, `order ${id} decided at ${decided} filled at the open of a bar at ${bars.time[where.bar]}${tick ? ' (a tick)' : ''}`);
    else {
      assert.equal(c.fillMarketAt, 'close', `order ${id} filled at a close without --fill-at close`);
      assert.equal(closeInstant(bars, bt.periods[where.feed]!, where.bar), decided, `order ${id} filled at the close of a bar that did not decide it`);
    }
    const price = rows.price[i]!;
    const slip = (x: number, d: number) => x * (1 + (d * c.slippageBps) / 10_000) + d * c.slippageFixed;
    const low = slip(bars.low[where.bar]!, -1), high = slip(bars.high[where.bar]!, 1);
    const tol = 1e-9 * high;
    assert.ok(price >= low - tol && price <= high + tol, `order ${id} filled at ${price}, outside its bar's [${bars.low[where.bar]}, ${bars.high[where.bar]}] (slippage included)`);
    if (rows.type[i] === TYPE.limit && rows.side[i] !== 0) {
      const limit = obs.limits.get(id);
      if (limit !== undefined) assert.ok(rows.side[i]! > 0 ? price <= limit : price >= limit, `limit order ${id} (${limit}) filled at ${price}`);
    }
  }
  // 3. A bracket's stop-loss and take-profit never both fill, and the one that does closes exactly the entry's units (unless the guest modified its size).
  engineTally.runs++;
  engineTally.crossSymbolOrders += obs.crossSymbol;
  for (let i = 0; i < rows.length; i++) {
    if (rows.status[i] === STATUS.filled) engineTally.fills++;
    if (rows.status[i] === STATUS.rejected) engineTally.rejected++;
    if (obs.filledAt.get(i + 1)?.phase === 'close') engineTally.fillsAtClose++;
    if (rows.reason[i] === REASONS.indexOf('margin-call')) engineTally.marginCalls++;
  }
  for (const [entry, sl, tp] of obs.brackets) {
    if (rows.status[sl - 1] === STATUS.filled || rows.status[tp - 1] === STATUS.filled) engineTally.bracketLegFills++;
    const slFilled = rows.status[sl - 1] === STATUS.filled, tpFilled = rows.status[tp - 1] === STATUS.filled;
    assert.ok(!(slFilled && tpFilled), `bracket ${entry}: both legs filled`);
    if ((slFilled || tpFilled) && !obs.modified.has(slFilled ? sl : tp)) assert.equal(rows.units[(slFilled ? sl : tp) - 1], -rows.units[entry - 1]!, `bracket ${entry}: a leg closed other units than the entry's`);
  }
}

/**
 * No look-ahead across symbols: the bars at or after an instant T (every symbol's) replaced by others
 * change nothing the run did at the closes before T — the account after each close, the equity and every
 * order event heard — though the script places the same orders (on any symbol) at the same events.
 */
function checkNoLookAhead(s: Scenario, cut: number, scale: number): void {
  const times = [...new Set(s.feeds.flatMap((f) => [...barsOf(f).time]))].sort((a, b) => (a < b ? -1 : 1));
  const T = times[cut % times.length]!;
  const edit = (b: BarSpec, t: bigint): BarSpec => (t < T ? b : { gap: b.gap, open: Math.max(1, Math.round(b.open * scale)), high: Math.max(1, Math.round(b.high * scale)), low: Math.max(1, Math.round(b.low * scale)), close: Math.max(1, Math.round(b.close * scale)) });
  const a = drive(s), b = drive(s, edit);
  // Closes before T (a tick at T closes at T, and is one of the bars replaced).
  const upTo = a.closes.findIndex((e) => e.instant >= T);
  const n = upTo < 0 ? a.closes.length : upTo;
  for (let k = 0; k < n; k++) {
    assert.deepEqual(b.closes[k], a.closes[k], `close event ${k} (before T = ${T}) changed when the bars from T on did`);
    assert.ok(Object.is(b.equity[k], a.equity[k]), `equity at event ${k} changed when the bars from T on did`);
  }
  const heard = (o: Observed) => o.heard.filter((h) => Number(h.split(':')[0]) < n);
  assert.deepEqual(heard(b), heard(a), 'order events heard up to T changed when the bars from T on did');
}

export const engineProperties: FuzzProperty[] = [
  {
    name: 'engine-invariants',
    invariant: 'cash and positions = the ledger of order events and trades after every pass; equity = cash + Σ position × latest close at every bar; fills on their own symbol, not before the decision, within the bar\'s range; OCO legs never both fill',
    property: () => fc.property(scenarioArb, (s) => checkRun(s)),
    runs: 2000,
  },
  {
    name: 'engine-no-look-ahead',
    invariant: 'bars from an instant T on, replaced, change nothing the run did at the closes before T (any symbol)',
    property: () => fc.property(scenarioArb, fc.nat(), fc.constantFrom(0.5, 0.8, 1.25, 2), (s, cut, scale) => checkNoLookAhead(s, cut, scale)),
    runs: 1000,
  },
];
