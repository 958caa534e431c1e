/**
 * @module audit/render
 * The human-readable files of a run folder, rendered from the result alone, so `verify` can
 * re-render them and compare bytes. Numbers use JavaScript's shortest round-trip form.
 */
import { isoTime } from '../model/bars.ts';
import type { BacktestResult, Stats } from '../model/trade.ts';
import { SIDE_NAMES, STATUS_NAMES, TYPE_NAMES, type OrderRecord } from '../model/order.ts';

const STATUS_FILLED = STATUS_NAMES.indexOf('filled');
const STATUS_CANCELLED = STATUS_NAMES.indexOf('cancelled');
const STATUS_REJECTED = STATUS_NAMES.indexOf('rejected');

export function renderTradesCsv(r: BacktestResult): string {
  const rows = ['Symbol,EntryBar,ExitBar,EntryTime,ExitTime,Size,EntryPrice,ExitPrice,PnL,ReturnPct,Commission'];
  for (const t of r.trades)
    rows.push([t.symbol, t.entryBar, t.exitBar, isoTime(t.entryTime), isoTime(t.exitTime), t.size, t.entryPrice, t.exitPrice, t.pnl, t.returnPct, t.commission].join(','));
  return rows.join('\n') + '\n';
}

export function renderEquityCsv(r: BacktestResult, time: BigInt64Array | null): string {
  const rows = ['Bar,Time,Equity'];
  for (let i = 0; i < r.equity.length; i++) rows.push(`${i},${time ? isoTime(time[i]!) : ''},${r.equity[i]}`);
  return rows.join('\n') + '\n';
}

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The statistics in table order: key, label, unit (the stats table, stats.json's key order, the report). */
export const STAT_LABELS: readonly [keyof Stats, string, string][] = [
  ['start', 'Start', ''], ['end', 'End', ''], ['durationDays', 'Duration', ' days'], ['bars', 'Bars', ''],
  ['exposurePct', 'Exposure Time', ' %'], ['equityFinal', 'Equity Final', ''], ['equityPeak', 'Equity Peak', ''],
  ['commissions', 'Commissions', ''], ['returnPct', 'Return', ' %'], ['buyHoldReturnPct', 'Buy & Hold Return (bar 0)', ' %'],
  ['returnAnnPct', 'Return (Ann.)', ' %'], ['volatilityAnnPct', 'Volatility (Ann.)', ' %'], ['periodsPerYear', 'Periods per Year', ''], ['cagrPct', 'CAGR', ' %'],
  ['sharpe', 'Sharpe Ratio', ''], ['sortino', 'Sortino Ratio', ''], ['calmar', 'Calmar Ratio', ''],
  ['alphaPct', 'Alpha (B&H bar 0)', ' %'], ['beta', 'Beta', ''], ['maxDrawdownPct', 'Max. Drawdown', ' %'],
  ['avgDrawdownPct', 'Avg. Drawdown', ' %'], ['maxDrawdownDays', 'Max. Drawdown Duration', ' days'],
  ['avgDrawdownDays', 'Avg. Drawdown Duration', ' days'], ['trades', '# Trades', ''], ['winRatePct', 'Win Rate', ' %'],
  ['bestTradePct', 'Best Trade', ' %'], ['worstTradePct', 'Worst Trade', ' %'], ['avgTradePct', 'Avg. Trade', ' %'],
  ['maxTradeDays', 'Max. Trade Duration', ' days'], ['avgTradeDays', 'Avg. Trade Duration', ' days'],
  ['profitFactor', 'Profit Factor', ''], ['expectancyPct', 'Expectancy', ' %'], ['sqn', 'SQN', ''],
  ['kelly', 'Kelly Criterion', ''], ['rejectedOrders', 'Rejected Orders', ''],
];

/** Stats as JSON, in the table's order; times as ISO text; NaN and infinities become null. */
export function statsObject(s: Stats): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key] of STAT_LABELS) {
    const v = s[key];
    out[key] = typeof v === 'bigint' ? isoTime(v) : num(v);
  }
  return out;
}

export function renderStatsJson(s: Stats): string {
  return JSON.stringify(statsObject(s), null, 2) + '\n';
}

/**
 * A two-column table like backtesting.py's stats printout. Given the orders, Rejected Orders is
 * followed by one line per reason (the orders left open at the end count there as "end-of-data").
 */
export function renderStatsTable(s: Stats, orders?: readonly OrderRecord[]): string {
  const o = statsObject(s);
  const width = Math.max(...STAT_LABELS.map(([, l]) => l.length)) + 2;
  return STAT_LABELS.flatMap(([k, label, unit]) => {
    const v = o[k];
    const text = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) + unit : v === null ? 'NaN' : String(v);
    const line = label.padEnd(width) + text;
    if (k !== 'rejectedOrders' || !orders) return [line];
    return [line, ...rejectionsByReason(orders).map(([reason, n]) => `  ${reason}`.padEnd(width) + n)];
  }).join('\n');
}

/** The orders counted in Rejected Orders, by reason, in reason order. */
export function rejectionsByReason(orders: readonly OrderRecord[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of orders)
    if (o.status === STATUS_REJECTED || (o.status === STATUS_CANCELLED && o.reason === 'end-of-data')) counts.set(o.reason, (counts.get(o.reason) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** orders.csv: every order, in id order, with how it ended (docs/SEMANTICS.md, "Orders"). */
export function renderOrdersCsv(r: BacktestResult): string {
  const rows = ['Id,Time,Symbol,Side,Type,Size,Status,Reason,Price,Units'];
  for (const o of r.orders) {
    const filled = o.status === STATUS_FILLED;
    rows.push([
      o.id, o.bar < 0 && o.time === 0n ? '' : isoTime(o.time), o.symbol, SIDE_NAMES[o.side] ?? 'invalid', TYPE_NAMES[o.type] ?? `invalid(${o.type})`,
      o.size, STATUS_NAMES[o.status] ?? String(o.status), o.reason, filled ? o.price : '', filled ? o.units : '',
    ].join(','));
  }
  return rows.join('\n') + '\n';
}

/** snapshots.json: each snapshot's event, that event's time and the state hash — the rendering of the Snapshots bytes the trace link binds. */
export function renderSnapshotsJson(snapshots: readonly { bar: number; hash: Uint8Array }[], times: BigInt64Array): string {
  const at = (bar: number): string | null => (bar < times.length ? isoTime(times[bar]!) : null);
  return JSON.stringify(snapshots.map((s) => ({ bar: s.bar, time: at(s.bar), sha256: Buffer.from(s.hash).toString('hex') })), null, 2) + '\n';
}
