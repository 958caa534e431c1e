/**
 * @module audit/render
 * The human-readable files of a run folder, rendered from the result alone, so `verify` can
 * re-render them and compare bytes. Numbers use JavaScript's shortest round-trip form (String(x),
 * written by audit/number-text without making a string).
 * The CSV files stream: each is a sequence of byte chunks of about CHUNK_BYTES (never one string
 * of the whole file, which past ~11.5M rows is longer than V8's strings may be); they only iterate
 * the result's rows, so rows read from result.pb as they go serve (audit/codec streamedResult).
 */
import { isoTime, timeWords, TIME_HI, TIME_LO, writeIsoTimeWords } from '../model/bars.ts';
import type { BacktestResult, Stats } from '../model/trade.ts';
import { writeShortestDouble } from './number-text.ts';
import { OrderFields, RESULT_BYTES, ResultRowCursor, TradeFields, type ResultBytes } from './codec.ts';
import { SIDE_NAMES, STATUS_NAMES, TYPE_NAMES, type OrderRecord } from '../model/order.ts';

const STATUS_FILLED = STATUS_NAMES.indexOf('filled');
const STATUS_CANCELLED = STATUS_NAMES.indexOf('cancelled');
const STATUS_REJECTED = STATUS_NAMES.indexOf('rejected');

/** About how many bytes each chunk of a streamed rendering holds. */
export const CHUNK_BYTES = 1 << 20;
/** Room past CHUNK_BYTES for the row that crosses it: numbers and times are written unchecked within it (a text field grows the buffer to keep it). */
const ROW_ROOM = 4096;

/**
 * A buffered writer of ASCII/UTF-8 bytes. Cells are written as Array.prototype.join writes them
 * (null and undefined as nothing, anything else by String), numbers by String(x).
 */
class ChunkWriter {
  buf = new Uint8Array(CHUNK_BYTES + ROW_ROOM);
  pos = 0;

  get full(): boolean {
    return this.pos >= CHUNK_BYTES;
  }

  /** The bytes written since the last take; valid until the writer is written to again. */
  take(): Uint8Array {
    const chunk = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return chunk;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  text(s: string): void {
    const n = s.length;
    this.room(n * 3 + ROW_ROOM); // and room for the rest of the row, which writes unchecked
    const buf = this.buf;
    let at = this.pos;
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) {
        this.pos = at + Buffer.from(buf.buffer, buf.byteOffset).write(s.slice(k), at, 'utf8');
        return;
      }
      buf[at++] = c;
    }
    this.pos = at;
  }

  /** String(x): an integer of up to 15 digits by digits, other doubles by audit/number-text, what it leaves through String. */
  number(x: number): void {
    if (Number.isInteger(x) && x < 1e15 && x > -1e15) {
      const buf = this.buf;
      let at = this.pos;
      let v = x;
      if (v < 0) {
        buf[at++] = 45;
        v = -v;
      }
      let digits = 1;
      for (let p = 10; p <= v; p *= 10) digits++;
      for (let k = at + digits - 1; k >= at; k--) {
        const q = Math.floor(v / 10);
        buf[k] = 48 + (v - q * 10);
        v = q;
      }
      this.pos = at + digits;
    } else {
      const end = writeShortestDouble(this.buf, this.pos, x);
      if (end >= 0) this.pos = end;
      else this.text(String(x));
    }
  }

  /** A cell as join writes it. */
  cell(v: unknown): void {
    if (typeof v === 'number') this.number(v);
    else if (v !== null && v !== undefined) this.text(String(v));
  }

  /** A time given as its words (model/bars timeWords). */
  timeWords(hi: number, lo: number): void {
    this.pos = writeIsoTimeWords(this.buf, this.pos, hi, lo);
  }

  time(ns: bigint): void {
    if (ns < INT64_MIN || ns > INT64_MAX) return this.text(isoTime(ns));
    time64[0] = ns;
    this.pos = writeIsoTimeWords(this.buf, this.pos, time32[TIME_HI]!, time32[TIME_LO]!);
  }
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const time64 = new BigInt64Array(1);
const time32 = timeWords(time64);
const COMMA = 44;
const NEWLINE = 10;

/** A streamed rendering: its bytes in chunks, each valid until the next is asked for. */
export type Chunks = Generator<Uint8Array, void, undefined>;

/** The whole text of a streamed rendering (for small results and tests). */
export function chunksText(chunks: Chunks): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(Buffer.from(c.buffer, c.byteOffset, c.length).toString('utf8'));
  return parts.join('');
}

/** result.pb's bytes when `r` is a streamedResult whose rows are its own (audit/codec): they are then read without an object per row. */
function bytesOf(r: BacktestResult): Uint8Array | null {
  const source = (r as { [RESULT_BYTES]?: ResultBytes })[RESULT_BYTES];
  return source && r.trades === source.trades && r.orders === source.orders ? source.bytes : null;
}

const TRADES_HEADER = 'Symbol,EntryBar,ExitBar,EntryTime,ExitTime,Size,EntryPrice,ExitPrice,PnL,ReturnPct,Commission\n';

export function* tradesCsvChunks(r: BacktestResult): Chunks {
  const bytes = bytesOf(r);
  if (bytes) return yield* tradesCsvOfBytes(bytes);
  const w = new ChunkWriter();
  w.text(TRADES_HEADER);
  for (const t of r.trades) {
    w.cell(t.symbol); w.byte(COMMA);
    w.cell(t.entryBar); w.byte(COMMA);
    w.cell(t.exitBar); w.byte(COMMA);
    w.time(t.entryTime); w.byte(COMMA);
    w.time(t.exitTime); w.byte(COMMA);
    w.cell(t.size); w.byte(COMMA);
    w.cell(t.entryPrice); w.byte(COMMA);
    w.cell(t.exitPrice); w.byte(COMMA);
    w.cell(t.pnl); w.byte(COMMA);
    w.cell(t.returnPct); w.byte(COMMA);
    w.cell(t.commission); w.byte(NEWLINE);
    if (w.full) yield w.take();
  }
  yield w.take();
}

/** tradesCsvChunks of result.pb's rows, read into one TradeFields (the rows above, cell for cell, from fields instead of objects: all numbers). */
function* tradesCsvOfBytes(bytes: Uint8Array): Chunks {
  const w = new ChunkWriter();
  w.text(TRADES_HEADER);
  const rows = new ResultRowCursor(bytes, 1);
  const t = new TradeFields();
  while (rows.nextTrade(t)) {
    w.number(t.symbol); w.byte(COMMA);
    w.number(t.entryBar); w.byte(COMMA);
    w.number(t.exitBar); w.byte(COMMA);
    w.timeWords(t.times[0]!, t.times[1]!); w.byte(COMMA);
    w.timeWords(t.times[2]!, t.times[3]!); w.byte(COMMA);
    w.number(t.size); w.byte(COMMA);
    w.number(t.entryPrice); w.byte(COMMA);
    w.number(t.exitPrice); w.byte(COMMA);
    w.number(t.pnl); w.byte(COMMA);
    w.number(t.returnPct); w.byte(COMMA);
    w.number(t.commission); w.byte(NEWLINE);
    if (w.full) yield w.take();
  }
  yield w.take();
}

export function renderTradesCsv(r: BacktestResult): string {
  return chunksText(tradesCsvChunks(r));
}

/** equity.csv: one row per event (bar index, that event's time or nothing without times, the equity at its close). */
export function* equityCsvChunks(r: BacktestResult, time: BigInt64Array | null): Chunks {
  const w = new ChunkWriter();
  w.text('Bar,Time,Equity\n');
  const words = time ? timeWords(time) : null;
  const equity = r.equity;
  if (time && time.length < equity.length) throw new RangeError(`${equity.length} equity points for ${time.length} times`);
  // the bar index as decimal digits, counted up in place (no number formatting per row)
  const index = new Uint8Array(20);
  index[0] = 48;
  let digits = 1;
  for (let i = 0; i < equity.length; i++) {
    const buf = w.buf;
    let at = w.pos;
    for (let k = 0; k < digits; k++) buf[at + k] = index[k]!;
    at += digits;
    buf[at++] = COMMA;
    if (words) at = writeIsoTimeWords(buf, at, words[2 * i + TIME_HI]!, words[2 * i + TIME_LO]!);
    buf[at++] = COMMA;
    const end = writeShortestDouble(buf, at, equity[i]!);
    if (end >= 0) at = end;
    else {
      const x = String(equity[i]!); // ASCII: digits, '.', 'e', '+', '-', NaN, Infinity
      for (let k = 0; k < x.length; k++) buf[at + k] = x.charCodeAt(k);
      at += x.length;
    }
    buf[at++] = NEWLINE;
    w.pos = at;
    let k = digits - 1;
    while (k >= 0 && index[k] === 57) index[k--] = 48;
    if (k >= 0) index[k]!++;
    else {
      index.copyWithin(1, 0, digits++);
      index[0] = 49;
    }
    if (w.full) yield w.take();
  }
  yield w.take();
}

export function renderEquityCsv(r: BacktestResult, time: BigInt64Array | null): string {
  return chunksText(equityCsvChunks(r, time));
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
const ORDERS_HEADER = 'Id,Time,Symbol,Side,Type,Size,Status,Reason,Price,Units\n';

export function* ordersCsvChunks(r: BacktestResult): Chunks {
  const bytes = bytesOf(r);
  if (bytes) return yield* ordersCsvOfBytes(bytes);
  const w = new ChunkWriter();
  w.text(ORDERS_HEADER);
  for (const o of r.orders) {
    const filled = o.status === STATUS_FILLED;
    w.cell(o.id); w.byte(COMMA);
    if (!(o.bar < 0 && o.time === 0n)) w.time(o.time);
    w.byte(COMMA);
    w.cell(o.symbol); w.byte(COMMA);
    w.cell(SIDE_NAMES[o.side] ?? 'invalid'); w.byte(COMMA);
    w.cell(TYPE_NAMES[o.type] ?? `invalid(${o.type})`); w.byte(COMMA);
    w.cell(o.size); w.byte(COMMA);
    w.cell(STATUS_NAMES[o.status] ?? String(o.status)); w.byte(COMMA);
    w.cell(o.reason); w.byte(COMMA);
    if (filled) w.cell(o.price);
    w.byte(COMMA);
    if (filled) w.cell(o.units);
    w.byte(NEWLINE);
    if (w.full) yield w.take();
  }
  yield w.take();
}

/** ordersCsvChunks of result.pb's rows, read into one OrderFields (the rows above, cell for cell, from fields instead of objects). */
function* ordersCsvOfBytes(bytes: Uint8Array): Chunks {
  const w = new ChunkWriter();
  w.text(ORDERS_HEADER);
  const rows = new ResultRowCursor(bytes, 4);
  const o = new OrderFields();
  while (rows.nextOrder(o)) {
    const filled = o.status === STATUS_FILLED;
    w.number(o.id); w.byte(COMMA);
    if (!(o.bar < 0 && o.time[0] === 0 && o.time[1] === 0)) w.timeWords(o.time[0]!, o.time[1]!);
    w.byte(COMMA);
    w.number(o.symbol); w.byte(COMMA);
    w.text(SIDE_NAMES[o.side] ?? 'invalid'); w.byte(COMMA);
    w.text(TYPE_NAMES[o.type] ?? `invalid(${o.type})`); w.byte(COMMA);
    w.number(o.size); w.byte(COMMA);
    w.text(STATUS_NAMES[o.status] ?? String(o.status)); w.byte(COMMA);
    w.text(o.reason); w.byte(COMMA);
    if (filled) w.number(o.price);
    w.byte(COMMA);
    if (filled) w.number(o.units);
    w.byte(NEWLINE);
    if (w.full) yield w.take();
  }
  yield w.take();
}

export function renderOrdersCsv(r: BacktestResult): string {
  return chunksText(ordersCsvChunks(r));
}

/** snapshots.json: each snapshot's event, that event's time and the state hash — the rendering of the Snapshots bytes the trace link binds (`times`: every bar's, or those of the snapshots' bars and their count). */
export function renderSnapshotsJson(snapshots: readonly { bar: number; hash: Uint8Array }[], times: BigInt64Array | { readonly length: number; get(bar: number): bigint | null | undefined }): string {
  const timeOf = (bar: number): bigint => {
    const t = times instanceof BigInt64Array ? times[bar] : times.get(bar);
    if (t === undefined || t === null) throw new RangeError(`no time kept for bar ${bar}`);
    return t;
  };
  const at = (bar: number): string | null => (bar < times.length ? isoTime(timeOf(bar)) : null);
  return JSON.stringify(snapshots.map((s) => ({ bar: s.bar, time: at(s.bar), sha256: Buffer.from(s.hash).toString('hex') })), null, 2) + '\n';
}
