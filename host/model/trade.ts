/**
 * @module model/trade
 * A closed round trip. Sizes are signed: > 0 long, < 0 short.
 */
export interface Trade {
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

/** Summary statistics; formulas in docs/SEMANTICS.md. NaN where undefined (e.g. win rate with no trades). */
export interface Stats {
  start: bigint;
  end: bigint;
  durationDays: number;
  bars: number;
  exposurePct: number;
  equityFinal: number;
  equityPeak: number;
  returnPct: number;
  buyHoldReturnPct: number;
  cagrPct: number;
  volatilityAnnPct: number;
  sharpe: number;
  maxDrawdownPct: number;
  trades: number;
  winRatePct: number;
  commissions: number;
  rejectedOrders: number;
}

export interface BacktestResult {
  trades: Trade[];
  /** Equity at each bar's close. */
  equity: Float64Array;
  stats: Stats;
}
