/**
 * @module audit/render
 * The human-readable files of a run folder, rendered from the result alone, so `verify` can
 * re-render them and compare bytes. Numbers use JavaScript's shortest round-trip form (String(x),
 * written by audit/number-text without making a string).
 * The CSV files stream: each is a sequence of byte chunks of about CHUNK_BYTES (never one string
 * of the whole file, which past ~11.5M rows is longer than V8's strings may be); they only iterate
 * the result's rows, so rows read from result.pb as they go serve (audit/codec streamedResult).
 */
import { dayOfWords, isoTime, NS_PER_DAY, timeWords, TIME_HI, TIME_LO } from '../model/bars.ts';
import type { BacktestResult, Stats, Trade } from '../model/trade.ts';
import { fourDigits, twoDigits, writeInt32, writeNumber } from './number-text.ts';
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
  /** The same bytes, for writing words. */
  view = new DataView(this.buf.buffer);
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
    this.view = new DataView(bigger.buffer);
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

  /** A short ASCII text given as its bytes, and the byte after it. */
  ascii(b: Uint8Array, then: number): void {
    const buf = this.buf;
    let at = this.pos;
    for (let k = 0; k < b.length; k++) buf[at++] = b[k]!;
    buf[at] = then;
    this.pos = at + 1;
  }

  /** A number cell and the byte after it: String(x) (audit/number-text, what it leaves through String); a cell of another type as join writes it. */
  number(x: number, then: number): void {
    const end = typeof x === 'number' ? writeNumber(this.buf, this.pos, x) : -1;
    if (end >= 0) {
      this.buf[end] = then;
      this.pos = end + 1;
      return;
    }
    if (x !== null && x !== undefined) this.text(String(x));
    this.byte(then);
  }

  /** A time given as its words (model/bars timeWords), or its text when `text` is given, and the byte after it. */
  time(hi: number, lo: number, text: string | null, then: number): void {
    if (text !== null) this.text(text);
    else this.pos = isoTimeBytes.write(this.buf, this.view, this.pos, hi, lo);
    this.byte(then);
  }
}

/**
 * model/bars isoTime's bytes for a time given as its words, written a word at a time: the day's
 * "YYYY-MM-DDT" kept while the day lasts (times come in order), the "HH:MM:" of each minute of the day
 * from a table, the seconds and nanoseconds by number-text's digit words. Negative times through isoTime.
 */
class IsoTimeBytes {
  /** The day whose prefix is kept (its first instant >> 16: day · 1,318,359,375), and the prefix's bytes 0–3, 4–7 and 7–10 as little-endian words. */
  private dayStart = -Infinity;
  private prefix = new Uint32Array(3);
  /** Each minute of the day's "HH:M" and "M:" as little-endian words. */
  private readonly hhmm = new Uint32Array(1440);
  private readonly mColon = new Uint16Array(1440);

  constructor() {
    for (let m = 0; m < 1440; m++) {
      const hh = twoDigits((m / 60) | 0), mm = twoDigits(m % 60);
      this.hhmm[m] = hh | (58 << 16) | ((mm & 0xff) << 24);
      this.mColon[m] = (mm >>> 8) | (58 << 8);
    }
  }

  /** Writes the time's text at `at` (room for 40 bytes) and returns its end. */
  write(out: Uint8Array, view: DataView, at: number, hi: number, lo: number): number {
    if (hi < 0) {
      const text = isoTime((BigInt(hi) << 32n) | BigInt(lo >>> 0));
      for (let k = 0; k < text.length; k++) out[at++] = text.charCodeAt(k);
      return at;
    }
    // time >> 16, exact (model/bars dayOfWords); a day is 1,318,359,375 of its units
    const high = hi * 65536 + (lo >>> 16);
    const prefix = this.prefix;
    if (!(high >= this.dayStart && high < this.dayStart + 1_318_359_375)) {
      const day = dayOfWords(hi, lo);
      const text = isoTime(BigInt(day) * NS_PER_DAY); // "YYYY-MM-DDT00:00:00Z"
      const word = (k: number): number => (text.charCodeAt(k) | (text.charCodeAt(k + 1) << 8) | (text.charCodeAt(k + 2) << 16) | (text.charCodeAt(k + 3) << 24)) >>> 0;
      prefix[0] = word(0);
      prefix[1] = word(4);
      prefix[2] = word(7);
      this.dayStart = day * 1_318_359_375;
    }
    view.setUint32(at, prefix[0]!, true);
    view.setUint32(at + 4, prefix[1]!, true);
    view.setUint32(at + 7, prefix[2]!, true);
    const nsOfDay = (high - this.dayStart) * 65536 + (lo & 0xffff); // exact: below 2^47
    const sec = Math.floor(nsOfDay / 1e9); // exact: nsOfDay < 2^47, and a quotient below an integer stays below it
    const minute = (sec / 60) | 0;
    view.setUint32(at + 11, this.hhmm[minute]!, true);
    view.setUint16(at + 15, this.mColon[minute]!, true);
    view.setUint16(at + 17, twoDigits(sec - minute * 60), true);
    const frac = nsOfDay - sec * 1e9;
    if (frac === 0) {
      out[at + 19] = 90;
      return at + 20;
    }
    const first = (frac / 1e8) | 0;
    const rest = frac - first * 1e8;
    const mid = (rest / 10000) | 0;
    out[at + 19] = 46;
    out[at + 20] = 48 + first;
    view.setUint32(at + 21, fourDigits(mid), true);
    view.setUint32(at + 25, fourDigits(rest - mid * 10000), true);
    out[at + 29] = 90;
    return at + 30;
  }
}
const isoTimeBytes = new IsoTimeBytes();

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const time64 = new BigInt64Array(1);
const time32 = timeWords(time64);
const COMMA = 44;
const NEWLINE = 10;

/**
 * A time of a row object as its words at words[k + TIME_HI], words[k + TIME_LO] (hi and lo in the codec
 * rows' order), or, outside int64 (which result.pb cannot hold), its text.
 */
function timeOfObject(ns: bigint, words: Int32Array, k: number): string | null {
  if (ns < INT64_MIN || ns > INT64_MAX) return isoTime(ns);
  time64[0] = ns;
  words[k] = time32[TIME_HI]!;
  words[k + 1] = time32[TIME_LO]!;
  return null;
}

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

/**
 * A trade row as fields: read from result.pb (ResultRowCursor) or copied from a Trade object; the times
 * of an object outside int64 as text instead of words.
 */
class TradeRow extends TradeFields {
  entryText: string | null = null;
  exitText: string | null = null;
  of(t: Trade): this {
    this.symbol = t.symbol; this.entryBar = t.entryBar; this.exitBar = t.exitBar;
    this.entryText = timeOfObject(t.entryTime, this.times, 0);
    this.exitText = timeOfObject(t.exitTime, this.times, 2);
    this.size = t.size; this.entryPrice = t.entryPrice; this.exitPrice = t.exitPrice;
    this.pnl = t.pnl; this.returnPct = t.returnPct; this.commission = t.commission;
    return this;
  }
}

const TRADES_HEADER = 'Symbol,EntryBar,ExitBar,EntryTime,ExitTime,Size,EntryPrice,ExitPrice,PnL,ReturnPct,Commission\n';

export function* tradesCsvChunks(r: BacktestResult): Chunks {
  const w = new ChunkWriter();
  w.text(TRADES_HEADER);
  const t = new TradeRow();
  const bytes = bytesOf(r);
  if (bytes) {
    const rows = new ResultRowCursor(bytes, 1);
    while (rows.nextTrade(t)) {
      writeTrade(w, t);
      if (w.full) yield w.take();
    }
  } else
    for (const trade of r.trades) {
      writeTrade(w, t.of(trade));
      if (w.full) yield w.take();
    }
  yield w.take();
}

function writeTrade(w: ChunkWriter, t: TradeRow): void {
  w.number(t.symbol, COMMA);
  w.number(t.entryBar, COMMA);
  w.number(t.exitBar, COMMA);
  w.time(t.times[0]!, t.times[1]!, t.entryText, COMMA);
  w.time(t.times[2]!, t.times[3]!, t.exitText, COMMA);
  w.number(t.size, COMMA);
  w.number(t.entryPrice, COMMA);
  w.number(t.exitPrice, COMMA);
  w.number(t.pnl, COMMA);
  w.number(t.returnPct, COMMA);
  w.number(t.commission, NEWLINE);
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
  for (let i = 0; i < equity.length; i++) {
    w.number(i, COMMA);
    if (words) w.time(words[2 * i + TIME_HI]!, words[2 * i + TIME_LO]!, null, COMMA);
    else w.byte(COMMA);
    w.number(equity[i]!, NEWLINE);
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

/** An order row as fields (as TradeRow): read from result.pb or copied from an OrderRecord. */
class OrderRow extends OrderFields {
  timeText: string | null = null;
  /** No time is written (an order rejected before any bar). */
  noTime = false;
  of(o: OrderRecord): this {
    this.id = o.id; this.bar = o.bar; this.symbol = o.symbol; this.side = o.side; this.type = o.type;
    this.noTime = o.bar < 0 && o.time === 0n;
    this.timeText = this.noTime ? null : timeOfObject(o.time, this.time, 0);
    this.size = o.size; this.status = o.status; this.reason = o.reason; this.price = o.price; this.units = o.units;
    return this;
  }
}

/** The side, type and status names as bytes, by code (what the orders table writes for codes outside them made when met). */
class NameBytes {
  private readonly known = new Map<number, Uint8Array>();
  private readonly name: (code: number) => string;
  constructor(name: (code: number) => string) {
    this.name = name;
  }
  of(code: number): Uint8Array {
    let b = this.known.get(code);
    if (b === undefined) {
      if (this.known.size >= 64) this.known.clear();
      b = Buffer.from(this.name(code), 'latin1'); // ASCII
      this.known.set(code, b);
    }
    return b;
  }
}
const SIDE_BYTES = new NameBytes((side) => SIDE_NAMES[side] ?? 'invalid');
const TYPE_BYTES = new NameBytes((type) => TYPE_NAMES[type] ?? `invalid(${type})`);
const STATUS_BYTES = new NameBytes((status) => STATUS_NAMES[status] ?? String(status));

export function* ordersCsvChunks(r: BacktestResult): Chunks {
  const w = new ChunkWriter();
  w.text(ORDERS_HEADER);
  const o = new OrderRow();
  const bytes = bytesOf(r);
  if (bytes) {
    const rows = new ResultRowCursor(bytes, 4);
    while (rows.nextOrder(o)) {
      o.noTime = o.bar < 0 && o.time[0] === 0 && o.time[1] === 0;
      writeOrder(w, o);
      if (w.full) yield w.take();
    }
  } else
    for (const order of r.orders) {
      writeOrder(w, o.of(order));
      if (w.full) yield w.take();
    }
  yield w.take();
}

function writeOrder(w: ChunkWriter, o: OrderRow): void {
  const filled = o.status === STATUS_FILLED;
  w.number(o.id, COMMA);
  if (!o.noTime) w.time(o.time[0]!, o.time[1]!, o.timeText, COMMA);
  else w.byte(COMMA);
  w.number(o.symbol, COMMA);
  w.ascii(SIDE_BYTES.of(o.side), COMMA);
  w.ascii(TYPE_BYTES.of(o.type), COMMA);
  w.number(o.size, COMMA);
  w.ascii(STATUS_BYTES.of(o.status), COMMA);
  if (o.reason) w.text(o.reason);
  w.byte(COMMA);
  if (filled) {
    w.number(o.price, COMMA);
    w.number(o.units, NEWLINE);
  } else {
    w.byte(COMMA);
    w.byte(NEWLINE);
  }
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
