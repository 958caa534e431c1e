/**
 * @module engine/broker
 * Owns cash, the position, orders and fills. The rules (docs/SEMANTICS.md):
 * - orders placed while bar i is processed are first checked on bar i+1 (no look-ahead: the strategy
 *   only sees completed bars, and its orders only meet later prices). With `fillMarketAt: 'close'`
 *   market orders fill at the close of the bar that placed them (cheat-on-close, opt-in);
 * - market orders fill at the open; limit and stop orders fill intrabar from the bar's OHLC, at the
 *   open when the bar gaps through their price; orders are checked in submission order;
 * - a bracket's stop-loss and take-profit start with the entry's fill (on the same bar when it filled
 *   at the open) and cancel each other; when one bar touches both, `bothTouched` decides (default:
 *   the stop, the conservative reading);
 * - simple orders (`order(kind, size)`, the SDK's buy/sell/close) are exclusive: buy while short
 *   closes the short first; `submit` orders net against the position;
 * - size 0 = all available equity, 0 < size < 1 = that fraction, size >= 1 = units, rounded down to
 *   the lot size; available equity = equity / margin − |position| × price;
 * - commission = max(minimum, fixed + perUnit·|units| + rate·|units|·price) per fill; market and stop
 *   fills pay slippage against the trader (bps and/or fixed), limit fills do not;
 * - at each close, if equity < maintenanceMargin × |position| × close, the position is liquidated
 *   at the next open (a margin call).
 */
import { TradeLog, type Trade } from '../model/trade.ts';
import { OrderEvents, OrderLog, reasonCode, type OrderReason } from '../model/order.ts';
export { OrderEvents, type OrderEvent } from '../model/order.ts';
import { TIME_HI, TIME_LO, type Bars } from '../model/bars.ts';

import * as abi from '../../guest-sdk/constants.ts';

export const { ORDER_BUY, ORDER_SELL, ORDER_CLOSE } = abi;
export const TYPE = {
  market: abi.TYPE_MARKET, limit: abi.TYPE_LIMIT, stop: abi.TYPE_STOP, stopLimit: abi.TYPE_STOP_LIMIT,
  trailingAmount: abi.TYPE_TRAILING_AMOUNT, trailingPercent: abi.TYPE_TRAILING_PERCENT,
} as const;
export const TIF = { gtc: abi.TIF_GTC, day: abi.TIF_DAY, ioc: abi.TIF_IOC, fok: abi.TIF_FOK } as const;
/** Order status reported to the guest's on_order. */
export const STATUS = { filled: abi.STATUS_FILLED, cancelled: abi.STATUS_CANCELLED, rejected: abi.STATUS_REJECTED, expired: abi.STATUS_EXPIRED } as const;
/** Slots of Account.fill: the fill's price (after slippage) and signed units; a closed trade's size and exit commission. */
const FILL_PRICE = 0, FILL_UNITS = 1, TRADE_SIZE = 2, TRADE_FEE = 3;
// On the order and fill paths Number.isNaN(x) is spelled x !== x, and Math.sign, Math.min and Math.max
// comparisons (each with the same result, bit for bit), and no NaN is a branch of a conditional whose other
// branch is a price: V8's middle tier (Maglev, where a function runs until it is hot enough for the
// optimizing compiler, long for one called per order) calls those builtins, boxing the double passed to or
// returned from them, and boxes a double that meets NaN in a conditional: a heap number each time.

/** The side recorded for an order whose kind is neither buy, sell nor close. */
export const SIDE_INVALID = 2;

/** An order kind (ORDER_BUY, ORDER_SELL, ORDER_CLOSE) as a side: +1, −1, 0; SIDE_INVALID for anything else. */
export function sideOfKind(kind: number): number {
  return kind === ORDER_CLOSE ? 0 : kind === ORDER_BUY ? 1 : kind === ORDER_SELL ? -1 : SIDE_INVALID;
}

export interface CostModel {
  rate: number;
  perUnit: number;
  fixed: number;
  minimum: number;
  slippageBps: number;
  slippageFixed: number;
}

export interface BrokerConfig {
  cash: number;
  costs: CostModel;
  /** Units are rounded down to a multiple of this; 0 allows any fraction. */
  lotSize: number;
  /** Initial margin as a fraction of position value (1 = no leverage, 0.5 = 2×). */
  margin: number;
  /** Equity below this fraction of the position value triggers a margin call. */
  maintenanceMargin: number;
  fillMarketAt: 'open' | 'close';
  bothTouched: 'stop-first' | 'target-first';
}

export const DEFAULT_BROKER: Omit<BrokerConfig, 'cash'> = {
  costs: { rate: 0, perUnit: 0, fixed: 0, minimum: 0, slippageBps: 0, slippageFixed: 0 },
  lotSize: 1,
  margin: 1,
  maintenanceMargin: 0,
  fillMarketAt: 'open',
  bothTouched: 'stop-first',
};

/**
 * A resting order. Objects are pooled per book (Broker.acquire/release): an order that ends goes
 * back to the pool and the next one placed reuses it, so placing an order allocates nothing.
 */
class Order {
  id = 0;
  /** +1 buy, −1 sell; 0 = close the position. */
  side = 0;
  type = 0;
  size = 0;
  limit = NaN;
  stop = NaN;
  /** Trailing: distance (amount or fraction). */
  trail = NaN;
  tif = 0;
  /** Bar on which the order is first checked. */
  activeFrom = 0;
  /** The order only meets bars with a later stamp (later in time) than the event that placed it. */
  after = 0;
  /** UTC day number of the event that placed it (DAY orders expire after it). */
  day = 0;
  exclusive = false;
  /** Bracket child waiting for its parent's fill. */
  parent = 0;
  /** The other child of a bracket. */
  sibling = 0;
  /** Stop-limit: the stop has triggered. */
  triggered = false;
  /**
   * `size` is units, whatever its value: a bracket leg once its entry filled (it closes exactly the
   * entry's units, which may be below 1 with a fractional lot size, where a size would be a fraction).
   */
  units = false;
  marginCall = false;
  /** The matching pass that handled it (Broker.pass). */
  done = 0;
}

/**
 * Cash, the closed trades, the order rows and counters, shared by the brokers of every symbol of a
 * run. Trades, rows and events are kept by column (model/trade TradeLog, model/order OrderLog,
 * OrderEvents): recording one allocates nothing but the columns' occasional doubling.
 */
export class Account {
  /**
   * Given a number where it is declared, not only in the constructor: a field declared bare starts
   * as undefined, and V8 then keeps it as a tagged value for good, so a sum started from it (equity,
   * each bar a position is open) boxed a double on every bar (~135 bytes per order for donchian-turtle).
   */
  cash = 0;
  /** The closed trades, in the order they closed. */
  readonly tradeLog = new TradeLog();
  commissions = 0;
  rejectedOrders = 0;
  marginCalls = 0;
  /** Events for the guest's on_order, drained by the engine. */
  readonly events = new OrderEvents();
  /** Closed trades not yet reported to the guest's on_trade. */
  tradesReported = 0;
  readonly brokers: Broker[] = [];
  /** Order ids are unique across symbols: order k (from 1) is row k − 1. */
  nextId = 1;
  /** Every order of the run, in id order, with how it ended (orders.csv). */
  readonly orders = new OrderLog();
  /**
   * The engine's clock, set for each event. `stamp` orders event times without BigInts: equal times
   * have equal stamps, later times larger ones; orders placed now only meet bars with a larger stamp.
   * `day` is the event's UTC day number; `timeHi`, `timeLo` its exact time as int32 words (model/bars
   * `timeWords`), copied into a row or trade without making a BigInt.
   */
  stamp = 0;
  /** At an open event: orders placed at stamps below this may fill (the stamp itself, +1 when the bar has a duration). */
  dueStamp = 0;
  day = 0;
  timeHi = 0;
  timeLo = 0;
  /**
   * The fill being made, in slots FILL_PRICE, FILL_UNITS, TRADE_SIZE, TRADE_FEE: the fill path's
   * methods hand their doubles over here, not as arguments or results (a double crossing a call V8
   * does not inline is boxed: a heap number per fill).
   */
  readonly fill = new Float64Array(4);

  constructor(cash: number) {
    this.cash = cash;
  }

  /** The closed trades as objects (a copy: the account keeps them by column). */
  get trades(): Trade[] {
    return this.tradeLog.toArray();
  }

  /** A new order's row; returns its id. `bar`: its symbol's bar index (−1 before the first). */
  record(symbol: number, bar: number, side: number, type: number, size: number): number {
    const rows = this.orders;
    const k = rows.add();
    rows.bar[k] = bar;
    // The time of the event (0 before the first).
    const w = rows.timeWords;
    w[2 * k + TIME_HI] = this.stamp > 0 ? this.timeHi : 0;
    w[2 * k + TIME_LO] = this.stamp > 0 ? this.timeLo : 0;
    rows.symbol[k] = symbol;
    rows.side[k] = side;
    rows.type[k] = type;
    rows.size[k] = size;
    rows.status[k] = 0;
    rows.reason[k] = 0;
    rows.price[k] = 0;
    rows.units[k] = 0;
    return this.nextId++;
  }

  /** Whether order `id` has ended (filled, cancelled, rejected or expired). */
  ended(id: number): boolean {
    return this.orders.status[id - 1] !== 0;
  }

  /**
   * Order `id` ended without a fill (cancelled, rejected or expired): its row says how, and (unless
   * `quiet`) the guest's on_order hears of it (price NaN, units 0). A rejection counts in Rejected Orders.
   */
  settle(id: number, status: number, reason: OrderReason, quiet = false): void {
    const rows = this.orders;
    rows.status[id - 1] = status;
    rows.reason[id - 1] = reasonCode(reason);
    if (status === STATUS.rejected) this.rejectedOrders++;
    if (!quiet) this.event(id, status);
  }

  /** Order `id` filled at fill[FILL_PRICE], fill[FILL_UNITS] units (signed): its row and the guest's event. */
  filled(id: number, reason: OrderReason): void {
    const rows = this.orders;
    const k = id - 1;
    rows.status[k] = STATUS.filled;
    rows.reason[k] = reasonCode(reason);
    rows.price[k] = this.fill[FILL_PRICE]!;
    rows.units[k] = this.fill[FILL_UNITS]!;
    this.event(id, STATUS.filled);
  }

  /** Queues the event of order `id` for on_order: a fill's price and units, else NaN and 0. */
  private event(id: number, status: number): void {
    const ev = this.events;
    const e = ev.add();
    ev.id[e] = id;
    ev.status[e] = status;
    if (status === STATUS.filled) {
      ev.price[e] = this.fill[FILL_PRICE]!;
      ev.units[e] = this.fill[FILL_UNITS]!;
    } else {
      ev.price[e] = NaN;
      ev.units[e] = 0;
    }
  }

  /** An order refused before it reached a book (e.g. on a symbol that does not exist): a row, a rejection. Returns −1. */
  rejectOutright(symbol: number, bar: number, side: number, type: number, size: number, reason: OrderReason): number {
    this.settle(this.record(symbol, bar, side, type, size), STATUS.rejected, reason);
    return -1;
  }

  /** Cash plus every position marked at its symbol's latest close. */
  equity(): number {
    let e = this.cash;
    const brokers = this.brokers;
    for (let i = 0; i < brokers.length; i++) {
      const b = brokers[i]!;
      if (b.position !== 0) e += b.position * b.price;
    }
    return e;
  }

  /** Writes equity() to out[k]: the engine's per-bar path, where a returned double would be boxed. */
  recordEquity(out: Float64Array, k: number): void {
    let e = this.cash;
    const brokers = this.brokers;
    for (let i = 0; i < brokers.length; i++) {
      const b = brokers[i]!;
      if (b.position !== 0) e += b.position * b.price;
    }
    out[k] = e;
  }

  /** Sum of |position| × price over symbols, at the given price for `self`. */
  gross(self: Broker, price: number): number {
    let g = 0;
    const brokers = this.brokers;
    for (let i = 0; i < brokers.length; i++) {
      const b = brokers[i]!;
      if (b.position !== 0) g += Math.abs(b.position) * (b === self ? price : b.price);
    }
    return g;
  }
}

/** A market order placed at the event with stamp `stamp`. */
function isMarketPlacedAt(o: Order, stamp: number): boolean {
  return o.type === TYPE.market && o.after === stamp && o.parent === 0;
}

export class Broker {
  readonly account: Account;
  /** This symbol's index in the run. */
  readonly symbol: number;
  position = 0;
  readonly config: BrokerConfig;
  /** Price this symbol is marked at: its latest close. */
  price = NaN;

  private entryBar = -1;
  /** The entry's time as int32 words (model/bars `timeWords`). */
  private entryHi = 0;
  private entryLo = 0;
  private entryPrice = 0;
  private entryCommission = 0;

  /** The book: orders[0 … count), in submission (id) order; the slots past `count` are stale. */
  private readonly orders: Order[] = [];
  private count = 0;
  /** Orders that ended, for the next ones placed (no allocation per order). */
  private readonly pool: Order[] = [];
  private pooled = 0;
  private bar = -1;
  /** Open, high, low of the bar being matched. */
  private readonly ohlc = new Float64Array(3);
  /**
   * The matching pass: its number (an order handled in it has `done` set to it), and the ids of the
   * orders gone without a fill in it (cancelled or expired: their bracket children go too).
   */
  private pass = 0;
  private gone = new Int32Array(8);
  private goneCount = 0;

  constructor(config: BrokerConfig, account: Account = new Account(config.cash)) {
    this.config = config;
    this.account = account;
    this.symbol = account.brokers.length;
    account.brokers.push(this);
  }

  // The account's shared state, under the names a single-symbol run uses.
  get cash(): number { return this.account.cash; }
  set cash(v: number) { this.account.cash = v; }
  get trades(): Trade[] { return this.account.trades; }
  get events(): OrderEvents { return this.account.events; }
  get commissions(): number { return this.account.commissions; }
  set commissions(v: number) { this.account.commissions = v; }
  get rejectedOrders(): number { return this.account.rejectedOrders; }
  set rejectedOrders(v: number) { this.account.rejectedOrders = v; }
  get marginCalls(): number { return this.account.marginCalls; }
  set marginCalls(v: number) { this.account.marginCalls = v; }

  equity(): number {
    return this.account.equity();
  }

  /** The engine's clock for this symbol: the index of its bar being processed (the time is the account's). */
  setBar(bar: number): void {
    this.bar = bar;
  }

  /** A new order in the book (from the pool), with its row; the caller sets what differs from a plain GTC order. */
  private newOrder(side: number, type: number, size: number): Order {
    const o = this.pooled > 0 ? this.pool[--this.pooled]! : new Order();
    o.side = side;
    o.type = type;
    o.size = size;
    o.limit = NaN;
    o.stop = NaN;
    o.trail = NaN;
    o.tif = TIF.gtc;
    o.activeFrom = this.bar + 1;
    o.after = this.account.stamp;
    o.day = this.account.day;
    o.exclusive = false;
    o.parent = 0;
    o.sibling = 0;
    o.triggered = false;
    o.units = false;
    o.marginCall = false;
    o.done = 0;
    o.id = this.account.record(this.symbol, this.bar, side, type, size);
    if (this.count === this.orders.length) this.orders.push(o);
    else this.orders[this.count] = o;
    this.count++;
    return o;
  }

  /** An order that has left the book goes back to the pool. */
  private release(o: Order): void {
    if (this.pooled === this.pool.length) this.pool.push(o);
    else this.pool[this.pooled] = o;
    this.pooled++;
  }

  /** Index in the book of order `id`, or −1. */
  private indexOf(id: number): number {
    for (let i = 0; i < this.count; i++) if (this.orders[i]!.id === id) return i;
    return -1;
  }

  private reject(id: number, reason: OrderReason): number {
    this.account.settle(id, STATUS.rejected, reason);
    return -1;
  }

  /** An order refused on entry: it gets an id and a row all the same. Returns −1. */
  private refuse(side: number, type: number, size: number, reason: OrderReason): number {
    return this.account.rejectOutright(this.symbol, this.bar, side, type, size, reason);
  }

  private cancelled(id: number, reason: OrderReason): void {
    this.account.settle(id, STATUS.cancelled, reason);
  }

  /** Simple exclusive market order (kind 1 buy, 2 sell, 3 close). */
  submit(kind: number, size: number): void {
    const side = sideOfKind(kind);
    if (side === SIDE_INVALID) return void this.refuse(side, TYPE.market, size, 'invalid-kind');
    if (!(size >= 0) || !Number.isFinite(size)) return void this.refuse(side, TYPE.market, size, 'invalid-size');
    this.newOrder(kind === ORDER_CLOSE ? 0 : kind === ORDER_BUY ? 1 : -1, TYPE.market, size).exclusive = true;
  }

  /** A netting order of any type; returns its id, or −1 when rejected outright. */
  place(side: number, type: number, size: number, limit: number, stop: number, tif: number): number {
    const s = side === ORDER_BUY ? 1 : side === ORDER_SELL ? -1 : SIDE_INVALID;
    const needsLimit = type === TYPE.limit || type === TYPE.stopLimit;
    const needsStop = type === TYPE.stop || type === TYPE.stopLimit;
    const trailing = type === TYPE.trailingAmount || type === TYPE.trailingPercent;
    if (s === SIDE_INVALID) return this.refuse(s, type, size, 'invalid-kind');
    if (!(type >= 0 && type <= 5)) return this.refuse(s, type, size, 'invalid-type');
    if (!(tif >= 0 && tif <= 3)) return this.refuse(s, type, size, 'invalid-tif');
    if (!(size >= 0) || !Number.isFinite(size)) return this.refuse(s, type, size, 'invalid-size');
    if ((needsLimit && !(limit > 0)) || (needsStop && !(stop > 0)) || (trailing && !(stop > 0))) return this.refuse(s, type, size, 'invalid-price');
    const o = this.newOrder(s, type, size);
    o.limit = limit;
    o.tif = tif;
    if (trailing) {
      o.trail = stop;
      o.stop = this.trailLevel(o, this.price);
    } else o.stop = stop;
    return o.id;
  }

  /** Entry (market when limit is NaN) with a stop-loss and a take-profit that cancel each other. */
  bracket(side: number, size: number, limit: number, stopLoss: number, takeProfit: number, tif: number): number {
    const s = side === ORDER_BUY ? 1 : side === ORDER_SELL ? -1 : SIDE_INVALID;
    const type = limit !== limit ? TYPE.market : TYPE.limit;
    if (s === SIDE_INVALID) return this.refuse(s, type, size, 'invalid-kind');
    if (!(stopLoss > 0) || !(takeProfit > 0) || (s > 0 ? !(stopLoss < takeProfit) : !(stopLoss > takeProfit))) return this.refuse(s, type, size, 'invalid-price');
    const entry = this.place(side, type, size, limit, NaN, tif);
    if (entry < 0) return entry;
    const sl = this.newOrder(-s, TYPE.stop, 0);
    sl.stop = stopLoss;
    sl.parent = entry;
    const tp = this.newOrder(-s, TYPE.limit, 0);
    tp.limit = takeProfit;
    tp.parent = entry;
    sl.sibling = tp.id;
    tp.sibling = sl.id;
    return entry;
  }

  cancel(id: number, reason: OrderReason = 'strategy'): boolean {
    const i = this.indexOf(id);
    if (i < 0) return false;
    const o = this.orders[i]!;
    this.orders.copyWithin(i, i + 1, this.count);
    this.count--;
    this.cancelled(id, reason);
    // Cancelling an entry cancels its bracket children (in book order; each cancel removes one).
    for (let j = 0; j < this.count; ) {
      const c = this.orders[j]!;
      if (c.parent === id) this.cancel(c.id, 'parent-cancelled');
      else j++;
    }
    this.release(o);
    return true;
  }

  modify(id: number, size: number, limit: number, stop: number): boolean {
    const i = this.indexOf(id);
    if (i < 0) return false;
    const o = this.orders[i]!;
    if (size === size) {
      o.size = size;
      o.units = false; // a size the guest gives means what any order's size means
    }
    if (limit === limit) o.limit = limit;
    if (stop === stop) o.stop = stop;
    return true;
  }

  private trailLevel(o: Order, ref: number): number {
    const d = o.type === TYPE.trailingPercent ? ref * o.trail : o.trail;
    return o.side < 0 ? ref - d : ref + d; // a sell stop trails below, a buy stop above
  }

  /** Checks every active order against bar `j` of `bars` (open, high, low). Called before the guest sees it. */
  onBarOpen(bars: Bars, j: number): void {
    if (this.count === 0) return;
    const day = this.account.day;
    const stamp = this.account.dueStamp;
    // Most bars change nothing (resting stops and limits not reached): skip the pass.
    // Prices go through a typed array, not arguments: a double passed to (or returned from) a call
    // V8 does not inline is boxed, and this runs on every bar that has orders.
    const p = this.ohlc;
    p[0] = bars.open[j]!;
    p[1] = bars.high[j]!;
    p[2] = bars.low[j]!;
    let due = false;
    for (let i = 0; i < this.count && !due; i++) due = this.isDue(this.orders[i]!, day, stamp);
    if (due) this.matchOrders(day, stamp);
  }

  /**
   * The pass that fills, expires and cancels orders on the bar in `ohlc`: each order of the book
   * in submission order, then the book keeps those still open (in order) and pools the rest.
   * Nothing here allocates: no closure, no new array, no set (an order handled in this pass is
   * marked with the pass's number; the ids gone without a fill are a reused list).
   */
  private matchOrders(day: number, stamp: number): void {
    this.pass++;
    this.goneCount = 0;
    // Orders are only placed by the guest and at a close, never during the pass: the book is the pending list.
    const n = this.count;
    for (let i = 0; i < n; i++) this.process(this.orders[i]!, n, day, stamp);
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const o = this.orders[i]!;
      if (this.account.ended(o.id)) this.release(o);
      else this.orders[kept++] = o;
    }
    this.count = kept;
  }

  /** The order with id `id` among the first n of the book, or null. */
  private pending(id: number, n: number): Order | null {
    for (let i = 0; i < n; i++) if (this.orders[i]!.id === id) return this.orders[i]!;
    return null;
  }

  private isGone(id: number): boolean {
    for (let i = 0; i < this.goneCount; i++) if (this.gone[i] === id) return true;
    return false;
  }

  private markGone(id: number): void {
    if (this.goneCount === this.gone.length) {
      const wider = new Int32Array(2 * this.gone.length);
      wider.set(this.gone);
      this.gone = wider;
    }
    this.gone[this.goneCount++] = id;
  }

  /** One order of the pass over the first n of the book (an order left open stays where it is). */
  private process(o: Order, n: number, day: number, stamp: number): void {
    if (o.done === this.pass) return;
    if (o.parent !== 0 && this.isGone(o.parent)) {
      this.cancelled(o.id, 'parent-unfilled');
      return;
    }
    if (o.parent !== 0 || o.activeFrom > this.bar || stamp <= o.after) return;
    if (o.tif === TIF.day && day > o.day) {
      this.markGone(o.id);
      this.account.settle(o.id, STATUS.expired, 'day-end');
      return;
    }
    // Bracket children: the conservative rule when one bar reaches both.
    if (o.sibling !== 0) {
      const sib = this.pending(o.sibling, n);
      if (sib && sib.done !== this.pass) {
        const mine = this.fillPrice(o);
        const theirs = this.fillPrice(sib);
        if (mine && theirs) {
          const stopFirst = this.config.bothTouched === 'stop-first';
          const winner = (o.type === TYPE.stop) === stopFirst ? o : sib;
          const loser = winner === o ? sib : o;
          loser.done = this.pass;
          this.cancelled(loser.id, 'oco');
          this.fillPrice(winner);
          this.execute(winner, winner.type !== TYPE.limit);
          winner.done = this.pass;
          return;
        }
      }
    }
    if (!this.fillPrice(o)) {
      if (o.tif === TIF.ioc || o.tif === TIF.fok) {
        this.markGone(o.id);
        this.cancelled(o.id, 'not-immediate');
      }
      return;
    }
    const f = this.account.fill;
    const atOpen = f[FILL_PRICE] === this.ohlc[0]; // before slippage
    this.execute(o, o.type !== TYPE.limit && !(o.type === TYPE.stopLimit));
    const units = f[FILL_UNITS]!;
    const filled = units !== 0;
    o.done = this.pass;
    if (filled && o.sibling !== 0) {
      const sib = this.pending(o.sibling, n);
      if (sib) sib.done = this.pass;
      this.cancelled(o.sibling, 'oco');
    }
    if (filled) {
      // The bracket's children go live: on this bar when the entry filled at the open (they come
      // later in submission order), else from the next bar.
      for (let i = 0; i < n; i++) {
        const c = this.orders[i]!;
        if (c.parent !== o.id) continue;
        c.parent = 0;
        c.size = Math.abs(units); // the children close exactly what the entry bought or sold
        c.units = true;
        c.activeFrom = atOpen ? this.bar : this.bar + 1;
        c.after = atOpen ? stamp - 1 : this.account.stamp;
      }
    } else this.markGone(o.id);
  }

  /**
   * Whether the pass over the bar in `ohlc` would fill, expire, cancel or trigger `o` (no side
   * effects): exactly when fillPrice would fill (or trigger a stop-limit), spelled with
   * comparisons only so no double crosses a call. test/engine/orders.test.ts checks the equivalence.
   */
  private isDue(o: Order, day: number, stamp: number): boolean {
    if (o.parent !== 0 || o.activeFrom > this.bar || stamp <= o.after) return false;
    if ((o.tif === TIF.day && day > o.day) || o.tif === TIF.ioc || o.tif === TIF.fok) return true;
    const p = this.ohlc;
    const open = p[0]!, high = p[1]!, low = p[2]!;
    const limitReached = o.side > 0 ? open <= o.limit || low <= o.limit : open >= o.limit || high >= o.limit;
    const stopReached = o.side > 0 ? open >= o.stop || high >= o.stop : open <= o.stop || low <= o.stop;
    switch (o.type) {
      case TYPE.market: return true;
      case TYPE.limit: return limitReached;
      case TYPE.stopLimit: return o.triggered ? limitReached : stopReached;
      default: return stopReached; // stop, trailing amount, trailing percent
    }
  }

  /**
   * Whether `o` fills on the bar in `ohlc`; if so at the price put in fill[FILL_PRICE]. A stop-limit
   * whose stop is reached triggers here.
   */
  private fillPrice(o: Order): boolean {
    const f = this.account.fill;
    switch (o.type) {
      case TYPE.market:
        f[FILL_PRICE] = this.ohlc[0]!;
        return true;
      case TYPE.limit:
        return this.limitFill(o);
      case TYPE.stop:
      case TYPE.trailingAmount:
      case TYPE.trailingPercent:
        return this.stopFill(o);
      case TYPE.stopLimit: {
        if (!o.triggered) {
          if (!this.stopFill(o)) return false;
          o.triggered = true;
          // Marketable at the trigger price: fill there; otherwise rest as a limit from the next bar.
          const hit = f[FILL_PRICE]!;
          if (o.side > 0 ? hit <= o.limit : hit >= o.limit) return true;
          o.activeFrom = this.bar + 1;
          return false;
        }
        return this.limitFill(o);
      }
    }
    return false;
  }

  /**
   * A limit is reached at the open of the bar in `ohlc` when the bar gaps through it, else at the
   * limit (fill[FILL_PRICE]; NaN when not reached). The prices are read here, not passed: a double
   * argument of a call V8 does not inline is boxed.
   */
  private limitFill(o: Order): boolean {
    const p = this.ohlc, f = this.account.fill;
    const open = p[0]!, high = p[1]!, low = p[2]!;
    if (o.side > 0 ? open <= o.limit : open >= o.limit) f[FILL_PRICE] = open;
    else if (o.side > 0 ? low <= o.limit : high >= o.limit) f[FILL_PRICE] = o.limit;
    else {
      f[FILL_PRICE] = NaN;
      return false;
    }
    return true;
  }

  /** A stop is reached at the open of the bar in `ohlc` when the bar gaps through it, else at the stop (fill[FILL_PRICE]; NaN when not reached). */
  private stopFill(o: Order): boolean {
    const p = this.ohlc, f = this.account.fill;
    const open = p[0]!, high = p[1]!, low = p[2]!;
    if (o.side > 0 ? open >= o.stop : open <= o.stop) f[FILL_PRICE] = open;
    else if (o.side > 0 ? high >= o.stop : low <= o.stop) f[FILL_PRICE] = o.stop;
    else {
      f[FILL_PRICE] = NaN;
      return false;
    }
    return true;
  }

  /** Close-time rules for bar `j` of `bars`: market orders placed on it fill at its close (fillMarketAt = 'close'), trailing stops follow, margin calls. */
  onBarClose(bars: Bars, j: number): void {
    // Nothing to do on most bars: return before touching a price (a double read may be boxed).
    if (this.count === 0 && (this.position === 0 || this.config.maintenanceMargin <= 0)) return;
    const close = bars.close[j]!;
    const stamp = this.account.stamp;
    if (this.config.fillMarketAt === 'close' && this.count > 0) {
      // Market orders placed at this close fill at it, in book order; the others stay, in order.
      let kept = 0;
      const n = this.count;
      for (let i = 0; i < n; i++) {
        const o = this.orders[i]!;
        if (isMarketPlacedAt(o, stamp)) {
          this.account.fill[FILL_PRICE] = close;
          this.execute(o, true);
          this.release(o);
        } else this.orders[kept++] = o;
      }
      this.count = kept;
    }
    // Trailing stops follow the close (the level computed here, not by a call: see onBarOpen).
    for (let i = 0; i < this.count; i++) {
      const o = this.orders[i]!;
      if (o.type !== TYPE.trailingAmount && o.type !== TYPE.trailingPercent) continue;
      const d = o.type === TYPE.trailingPercent ? close * o.trail : o.trail;
      const level = o.side < 0 ? close - d : close + d; // a sell stop trails below, a buy stop above
      if (o.stop !== o.stop || (o.side < 0 ? level > o.stop : level < o.stop)) o.stop = level;
    }
    // Margin call: liquidate at the next open.
    if (this.position !== 0 && this.config.maintenanceMargin > 0) {
      let equity = this.account.cash; // Account.equity() inline: its double result would be boxed every bar
      const brokers = this.account.brokers;
      for (let b = 0; b < brokers.length; b++) if (brokers[b]!.position !== 0) equity += brokers[b]!.position * brokers[b]!.price;
      let pending = false;
      for (let i = 0; i < this.count && !pending; i++) pending = this.orders[i]!.marginCall;
      if (equity < this.config.maintenanceMargin * Math.abs(this.position) * close && !pending) {
        this.marginCalls++;
        const o = this.newOrder(0, TYPE.market, 0);
        o.exclusive = true;
        o.marginCall = true;
        this.account.orders.reason[o.id - 1] = reasonCode('margin-call');
      }
    }
  }

  /** Orders resting in this book (the sandbox charges the guest for them: run/guest-host). */
  get openOrders(): number {
    return this.count;
  }

  /**
   * Orders still open after the last bar are cancelled (no event: the guest has no bar left to hear
   * of it). They count in Rejected Orders, as they always have. Returns how many.
   */
  cancelPending(): number {
    const n = this.count;
    for (let i = 0; i < n; i++) {
      const o = this.orders[i]!;
      this.account.settle(o.id, STATUS.cancelled, 'end-of-data', true);
      this.release(o);
    }
    this.count = 0;
    return n;
  }

  /** The commission of a fill of `units` at `price`. */
  private commissionFor(units: number, price: number): number {
    const c = this.config.costs;
    const u = Math.abs(units);
    const fee = c.fixed + c.perUnit * u + c.rate * u * price;
    return fee > c.minimum ? fee : Math.max(c.minimum, fee); // Math.max(c.minimum, fee), its builtin only when the minimum applies
  }

  /** `units` rounded down to the lot size. */
  private roundLot(units: number): number {
    const lot = this.config.lotSize;
    return lot > 0 ? Math.floor(units / lot + 1e-9) * lot : units;
  }

  /** Units (unsigned, lot-rounded) order `o` may trade at fill[FILL_PRICE], into fill[FILL_UNITS]; 0 when it does not fit. */
  private sizeOrder(o: Order): void {
    const f = this.account.fill;
    const price = f[FILL_PRICE]!;
    const size = o.size;
    // Closing part of an opposite position needs no margin; only what opens or adds is sized.
    const units = size >= 1 || o.units;
    if (!o.exclusive && this.position * o.side < 0 && units) {
      f[FILL_UNITS] = this.roundLot(size);
      return;
    }
    // Account.equity() and gross() inline (their double results would be boxed), summed in the same order.
    const brokers = this.account.brokers;
    let marked = this.account.cash, gross = 0;
    for (let i = 0; i < brokers.length; i++) {
      const b = brokers[i]!;
      if (b.position !== 0) marked += b.position * b.price;
    }
    for (let i = 0; i < brokers.length; i++) {
      const b = brokers[i]!;
      if (b.position !== 0) gross += Math.abs(b.position) * (b === this ? price : b.price);
    }
    const equity = marked + this.position * (price - (this.price !== this.price ? price : this.price));
    const available = equity / this.config.margin - gross;
    const unitCost = price * (1 + this.config.costs.rate) + this.config.costs.perUnit;
    if (units) {
      const lots = this.roundLot(size);
      f[FILL_UNITS] = lots * unitCost <= available ? lots : 0;
      return;
    }
    const fraction = size === 0 ? 1 : size;
    f[FILL_UNITS] = available > 0 ? this.roundLot((fraction * available) / unitCost) : 0;
  }

  /**
   * Fills `o` at fill[FILL_PRICE] (first moved by slippage when `slip`); fill[FILL_UNITS] is then
   * the signed units traded (0: none).
   */
  private execute(o: Order, slip: boolean): void {
    const f = this.account.fill;
    const c = this.config.costs;
    if (o.side === 0) {
      if (this.position === 0) {
        // A margin call whose position is gone by its fill says nothing to the guest (it never placed it).
        if (!o.marginCall) this.reject(o.id, 'no-position');
        else this.account.settle(o.id, STATUS.cancelled, 'margin-call', true);
        f[FILL_UNITS] = 0;
        return;
      }
      const direction = this.position > 0 ? -1 : this.position < 0 ? 1 : -Math.sign(this.position);
      if (slip) f[FILL_PRICE] = f[FILL_PRICE]! * (1 + direction * c.slippageBps / 10_000) + direction * c.slippageFixed;
      const units = this.position;
      this.closePosition();
      f[FILL_UNITS] = -units;
      this.account.filled(o.id, o.marginCall ? 'margin-call' : '');
      return;
    }
    if (slip) f[FILL_PRICE] = f[FILL_PRICE]! * (1 + o.side * c.slippageBps / 10_000) + o.side * c.slippageFixed;
    if (o.exclusive && this.position * o.side < 0) this.closePosition();
    this.sizeOrder(o);
    const units = f[FILL_UNITS]!;
    if (units <= 0) {
      this.reject(o.id, o.size >= 1 || o.units ? 'insufficient-margin' : 'zero-units');
      f[FILL_UNITS] = 0;
      return;
    }
    f[FILL_UNITS] = o.side * units;
    this.fill();
    this.account.filled(o.id, '');
  }

  /** Applies the signed fill in fill[FILL_UNITS] at fill[FILL_PRICE], netting against the position and recording closed trades. */
  private fill(): void {
    const f = this.account.fill;
    const units = f[FILL_UNITS]!, price = f[FILL_PRICE]!;
    const commission = this.commissionFor(units, price);
    this.account.cash -= units * price + commission;
    this.account.commissions += commission;
    // A symbol filled before its first close (another symbol's order, at its first open) is marked at
    // the fill until that close: its only known price (else the equity at the other symbols' closes in
    // between, and the exposure every later sizing sums, would be NaN).
    if (this.price !== this.price) this.price = price;
    // Math.sign(position) === Math.sign(units): both positive or both negative (NaN and zero are neither).
    if (this.position === 0 || (this.position > 0 && units > 0) || (this.position < 0 && units < 0)) {
      if (this.position === 0) {
        this.entryBar = this.bar;
        this.entryHi = this.account.timeHi;
        this.entryLo = this.account.timeLo;
        this.entryPrice = price;
        this.entryCommission = commission;
      } else {
        this.entryPrice = (this.entryPrice * this.position + price * units) / (this.position + units);
        this.entryCommission += commission;
      }
      this.position += units;
      return;
    }
    // Reducing (and maybe reversing): the closed part becomes a trade.
    // Math.sign(units) × Math.min(|units|, |position|); the builtins only for a NaN, which no fill has.
    const a = Math.abs(units), b = Math.abs(this.position);
    const least = a <= b ? a : b;
    const closing = a !== a || b !== b ? Math.sign(units) * Math.min(a, b) : units > 0 ? least : units < 0 ? -least : units * least;
    const share = Math.abs(closing / units);
    f[TRADE_SIZE] = -closing;
    f[TRADE_FEE] = commission * share;
    this.recordTrade();
    this.position += closing;
    const rest = units - closing;
    if (this.position === 0) this.entryCommission = 0;
    if (rest !== 0) {
      this.position = rest;
      this.entryBar = this.bar;
      this.entryHi = this.account.timeHi;
      this.entryLo = this.account.timeLo;
      this.entryPrice = price;
      this.entryCommission = commission * (1 - share);
    }
  }

  /** A closed trade of fill[TRADE_SIZE] units at fill[FILL_PRICE] with exit commission fill[TRADE_FEE], into the account's trade columns. */
  private recordTrade(): void {
    const f = this.account.fill;
    const size = f[TRADE_SIZE]!, exitPrice = f[FILL_PRICE]!;
    const fraction = Math.abs(size / this.position);
    const entryCommission = this.entryCommission * fraction;
    this.entryCommission -= entryCommission;
    const total = entryCommission + f[TRADE_FEE]!;
    const pnl = size * (exitPrice - this.entryPrice) - total;
    const log = this.account.tradeLog;
    const k = log.add(); // may replace the columns: read them after
    log.symbol[k] = this.symbol;
    log.entryBar[k] = this.entryBar;
    log.exitBar[k] = this.bar;
    log.entryWords[2 * k + TIME_HI] = this.entryHi;
    log.entryWords[2 * k + TIME_LO] = this.entryLo;
    log.exitWords[2 * k + TIME_HI] = this.account.timeHi;
    log.exitWords[2 * k + TIME_LO] = this.account.timeLo;
    log.size[k] = size;
    log.entryPrice[k] = this.entryPrice;
    log.exitPrice[k] = exitPrice;
    log.pnl[k] = pnl;
    log.returnPct[k] = (pnl / (Math.abs(size) * this.entryPrice)) * 100;
    log.commission[k] = total;
  }

  /** Closes the whole position at fill[FILL_PRICE] (a trade). */
  private closePosition(): void {
    const f = this.account.fill;
    const size = this.position, price = f[FILL_PRICE]!;
    const commission = this.commissionFor(size, price);
    this.account.cash += size * price - commission;
    this.account.commissions += commission;
    f[TRADE_SIZE] = size;
    f[TRADE_FEE] = commission;
    this.recordTrade();
    this.position = 0;
    this.entryCommission = 0;
  }
}
