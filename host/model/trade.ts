/**
 * @module model/trade
 * A closed round trip. Sizes are signed: > 0 long, < 0 short.
 */
import type { OrderRecord } from './order.ts';

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
