/**
 * @module audit/render
 * The human-readable files of a run folder, rendered from the result alone, so `verify` can
 * re-render them and compare bytes. Numbers use JavaScript's shortest round-trip form.
 */
import { isoTime } from '../model/bars.ts';
import type { BacktestResult, Stats } from '../model/trade.ts';

export function renderTradesCsv(r: BacktestResult): string {
  const rows = ['EntryBar,ExitBar,EntryTime,ExitTime,Size,EntryPrice,ExitPrice,PnL,ReturnPct,Commission'];
  for (const t of r.trades)
    rows.push([t.entryBar, t.exitBar, isoTime(t.entryTime), isoTime(t.exitTime), t.size, t.entryPrice, t.exitPrice, t.pnl, t.returnPct, t.commission].join(','));
  return rows.join('\n') + '\n';
}

export function renderEquityCsv(r: BacktestResult, time: BigInt64Array | null): string {
  const rows = ['Bar,Time,Equity'];
  for (let i = 0; i < r.equity.length; i++) rows.push(`${i},${time ? isoTime(time[i]!) : ''},${r.equity[i]}`);
  return rows.join('\n') + '\n';
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Stats as JSON, fixed key order; NaN and infinities become null. */
export function statsObject(s: Stats): Record<string, unknown> {
  return {
    start: isoTime(s.start),
    end: isoTime(s.end),
    durationDays: num(s.durationDays),
    bars: s.bars,
    exposurePct: num(s.exposurePct),
    equityFinal: num(s.equityFinal),
    equityPeak: num(s.equityPeak),
    returnPct: num(s.returnPct),
    buyHoldReturnPct: num(s.buyHoldReturnPct),
    cagrPct: num(s.cagrPct),
    volatilityAnnPct: num(s.volatilityAnnPct),
    sharpe: num(s.sharpe),
    maxDrawdownPct: num(s.maxDrawdownPct),
    trades: s.trades,
    winRatePct: num(s.winRatePct),
    commissions: num(s.commissions),
    rejectedOrders: s.rejectedOrders,
  };
}

export function renderStatsJson(s: Stats): string {
  return JSON.stringify(statsObject(s), null, 2) + '\n';
}

const LABELS: [keyof Stats, string, string][] = [
  ['start', 'Start', ''], ['end', 'End', ''], ['durationDays', 'Duration', ' days'], ['bars', 'Bars', ''],
  ['exposurePct', 'Exposure Time', ' %'], ['equityFinal', 'Equity Final', ''], ['equityPeak', 'Equity Peak', ''],
  ['returnPct', 'Return', ' %'], ['buyHoldReturnPct', 'Buy & Hold Return', ' %'], ['cagrPct', 'CAGR', ' %'],
  ['volatilityAnnPct', 'Volatility (Ann.)', ' %'], ['sharpe', 'Sharpe Ratio', ''], ['maxDrawdownPct', 'Max. Drawdown', ' %'],
  ['trades', '# Trades', ''], ['winRatePct', 'Win Rate', ' %'], ['commissions', 'Commissions', ''], ['rejectedOrders', 'Rejected Orders', ''],
];

/** A two-column table like backtesting.py's stats printout. */
export function renderStatsTable(s: Stats): string {
  const o = statsObject(s);
  const width = Math.max(...LABELS.map(([, l]) => l.length)) + 2;
  return LABELS.map(([k, label, unit]) => {
    const v = o[k];
    const text = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) + unit : v === null ? 'NaN' : String(v);
    return label.padEnd(width) + text;
  }).join('\n');
}
