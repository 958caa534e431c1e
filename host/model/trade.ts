/**
 * @module model/trade
 * A closed round trip. Sizes are signed: > 0 long, < 0 short.
 */
import type { OrderLog, OrderRecord } from './order.ts';
import { timeWords } from './bars.ts';
import { widened } from './columns.ts';

export interface Trade {
  /** Index of the trade's symbol (its data file's position in the run). */
  symbol: number;
  entryBar: number;
  exitBar: number;
  entryTime: bigint;
  exitTime: bigint;
  size: number;
  entryPrice: number;
  exitPrice: number;
  /** Net of entry and exit commissions. */
  pnl: number;
  /** pnl as a percentage of the entry value (|size| × entryPrice). */
  returnPct: number;
  commission: number;
}

/**
 * Closed trades by column: how the engine records them during a run (no object, no BigInt per
 * trade; times are written as int32 word pairs, model/bars `timeWords`). Row k is trade k; `at(k)`
 * and `toArray()` give the Trade objects the result's readers take.
 */
export class TradeLog {
  length = 0;
  symbol: Int32Array;
  entryBar: Int32Array;
  exitBar: Int32Array;
  entryTime: BigInt64Array;
  exitTime: BigInt64Array;
  /** entryTime and exitTime as int32 words (views of the same memory). */
  entryWords: Int32Array;
  exitWords: Int32Array;
  size: Float64Array;
  entryPrice: Float64Array;
  exitPrice: Float64Array;
  pnl: Float64Array;
  returnPct: Float64Array;
  commission: Float64Array;

  constructor(capacity = 256) {
    this.symbol = new Int32Array(capacity);
    this.entryBar = new Int32Array(capacity);
    this.exitBar = new Int32Array(capacity);
    this.entryTime = new BigInt64Array(capacity);
    this.exitTime = new BigInt64Array(capacity);
    this.entryWords = timeWords(this.entryTime);
    this.exitWords = timeWords(this.exitTime);
    this.size = new Float64Array(capacity);
    this.entryPrice = new Float64Array(capacity);
    this.exitPrice = new Float64Array(capacity);
    this.pnl = new Float64Array(capacity);
    this.returnPct = new Float64Array(capacity);
    this.commission = new Float64Array(capacity);
  }

  /** A new row's index (the columns double when full); the caller writes every field of it. */
  add(): number {
    if (this.length === this.size.length) this.grow(2 * this.size.length);
    return this.length++;
  }

  private grow(capacity: number): void {
    this.symbol = widened(this.symbol, capacity);
    this.entryBar = widened(this.entryBar, capacity);
    this.exitBar = widened(this.exitBar, capacity);
    this.entryTime = widened(this.entryTime, capacity);
    this.exitTime = widened(this.exitTime, capacity);
    this.entryWords = timeWords(this.entryTime);
    this.exitWords = timeWords(this.exitTime);
    this.size = widened(this.size, capacity);
    this.entryPrice = widened(this.entryPrice, capacity);
    this.exitPrice = widened(this.exitPrice, capacity);
    this.pnl = widened(this.pnl, capacity);
    this.returnPct = widened(this.returnPct, capacity);
    this.commission = widened(this.commission, capacity);
  }

  /** Trade k as an object. */
  at(k: number): Trade {
    return {
      symbol: this.symbol[k]!, entryBar: this.entryBar[k]!, exitBar: this.exitBar[k]!, entryTime: this.entryTime[k]!, exitTime: this.exitTime[k]!,
      size: this.size[k]!, entryPrice: this.entryPrice[k]!, exitPrice: this.exitPrice[k]!, pnl: this.pnl[k]!, returnPct: this.returnPct[k]!, commission: this.commission[k]!,
    };
  }

  toArray(): Trade[] {
    const out = new Array<Trade>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.at(k);
    return out;
  }

  static from(trades: readonly Trade[]): TradeLog {
    const log = new TradeLog(Math.max(1, trades.length));
    for (const t of trades) {
      const k = log.add();
      log.symbol[k] = t.symbol;
      log.entryBar[k] = t.entryBar;
      log.exitBar[k] = t.exitBar;
      log.entryTime[k] = t.entryTime;
      log.exitTime[k] = t.exitTime;
      log.size[k] = t.size;
      log.entryPrice[k] = t.entryPrice;
      log.exitPrice[k] = t.exitPrice;
      log.pnl[k] = t.pnl;
      log.returnPct[k] = t.returnPct;
      log.commission[k] = t.commission;
    }
    return log;
  }
}

/**
 * Summary statistics: backtesting.py's full set (formulas in docs/SEMANTICS.md). NaN where a
 * statistic is undefined (e.g. win rate with no trades). Durations are in days.
 */
export interface Stats {
  start: bigint;
  end: bigint;
  durationDays: number;
  bars: number;
  exposurePct: number;
  equityFinal: number;
  equityPeak: number;
  commissions: number;
  returnPct: number;
  buyHoldReturnPct: number;
  returnAnnPct: number;
  volatilityAnnPct: number;
  cagrPct: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  alphaPct: number;
  beta: number;
  maxDrawdownPct: number;
  avgDrawdownPct: number;
  maxDrawdownDays: number;
  avgDrawdownDays: number;
  trades: number;
  winRatePct: number;
  bestTradePct: number;
  worstTradePct: number;
  avgTradePct: number;
  maxTradeDays: number;
  avgTradeDays: number;
  profitFactor: number;
  expectancyPct: number;
  sqn: number;
  kelly: number;
  rejectedOrders: number;
  /** How many return periods make a year in Return/Volatility (Ann.), Sortino: as set, or inferred from the bar spacing. */
  periodsPerYear: number;
}

export interface BacktestResult {
  trades: Trade[];
  /** Every order, in id order, with how it ended. */
  orders: OrderRecord[];
  /** Equity at each bar's close. */
  equity: Float64Array;
  stats: Stats;
}

/**
 * A result whose trades and order rows are kept by column (the engine's TradeLog and OrderLog): the
 * Trade and OrderRecord objects its readers take are made when first read (once), and may be replaced.
 */
export function columnarResult(tradeLog: TradeLog, orderLog: OrderLog, equity: Float64Array, stats: Stats): BacktestResult {
  let trades: Trade[] | null = null;
  let orders: OrderRecord[] | null = null;
  return {
    get trades(): Trade[] {
      return (trades ??= tradeLog.toArray());
    },
    set trades(v: Trade[]) {
      trades = v;
    },
    get orders(): OrderRecord[] {
      return (orders ??= orderLog.toArray());
    },
    set orders(v: OrderRecord[]) {
      orders = v;
    },
    equity,
    stats,
  };
}
