/**
 * @module report/render
 * report.html: one self-contained page (the chart library, styles, data and script inlined; it
 * loads nothing). Its bytes are a function of the run's bound files alone — record.pb, result.pb,
 * the bars' times and the data's bars — so verify can render it again and compare: no clock, no
 * random ids, no locale (numbers by toFixed/String, times by isoTime), no folder path (the page
 * fills in its own folder when opened). docs/AUDIT.md, "The run folder".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeSignedRecord } from '../audit/record.ts';
import { keyFingerprint, verifyRecordSignature } from '../audit/keys.ts';
import { rejectionsByReason, STAT_LABELS, statsObject } from '../audit/render.ts';
import { OrderFields, RESULT_BYTES, ResultRowCursor, toBigInt, TradeFields, type ResultBytes } from '../audit/codec.ts';
import { isoTime, NS_PER_DAY, TIME_HI, TIME_LO, timeWords, type BarSource } from '../model/bars.ts';
import { SIDE_NAMES, STATUS_NAMES, TYPE_NAMES, type OrderRecord } from '../model/order.ts';
import type { Stats, Trade, TradeLog } from '../model/trade.ts';
import type { OrderLog } from '../model/order.ts';
import { candleAt, downsampleCandles, downsampleEquity, MAX_CHART_POINTS, type Candles, type EquityTimes } from './series.ts';

/**
 * Bumped whenever the page's bytes change for the same run (verify names a report of another format
 * instead of failing it). /2: the note under a capped table says how to get the CSV file (backtest no
 * longer writes trades.csv and orders.csv unless asked: issue 11).
 */
export const REPORT_FORMAT = 'backproof-report/2';
/** The formats this installation renders, oldest first: a page of an older one is rendered again as it was (verify). */
export const REPORT_FORMATS = ['backproof-report/1', REPORT_FORMAT] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Rows of the trades and orders tables in the page; the rest are counted in a note that points at the CSV. */
export const MAX_TABLE_ROWS = 1000;

/**
 * A result's rows as the page reads them: counted, and iterated in order (each pass may read them
 * again, e.g. from result.pb's bytes): the page shows the first MAX_TABLE_ROWS and marks every trade
 * on a chart, so no more than that many rows are ever held. An array is such rows.
 */
export type ReportRows<T> = Iterable<T> & { readonly length: number };

/** The result as the page reads it (a BacktestResult is one). */
export interface ReportResult {
  trades: ReportRows<Trade>;
  orders: ReportRows<OrderRecord>;
  equity: Float64Array;
  stats: Stats;
}

/** What a report is rendered from: the run's bound bytes, decoded. */
export interface ReportInput {
  /** record.pb as stored. */
  recordPb: Uint8Array;
  result: ReportResult;
  /** Each equity point's bar time (equity.csv's time column): every time, or the engine's timeline, read for the chart's points only. */
  times: EquityTimes;
  /**
   * Each recorded data file's bars, in record order (the symbol indices), re-readable; `candles`, when
   * given, are downsampleCandles of them for the recorded bar count, made by a reader that had them.
   */
  feeds: readonly { open(): BarSource; candles?: Candles }[];
  /**
   * Every trade and order already passed to a RowTally over these feeds' candles (verify tallies them
   * as it compares trades.csv and orders.csv): the page then reads no row again. Else the rows are read here.
   */
  tally?: RowTally;
  /** The format to render (default REPORT_FORMAT): an older page is rendered again in its own (reportFormatOf). */
  format?: ReportFormat;
}

interface ChartLibrary { version: string; code: string; notice: string; /** code as UTF-8, encoded once: every page inlines it (~200 KB) */ codeBytes: Buffer }
let library: ChartLibrary | null = null;
let libraryPackage: { file: string; version: string } | null = null;
/** lightweight-charts' package.json and version, read once (the generator line needs no more: verify asks for it on every run). */
function chartPackage(): { file: string; version: string } {
  if (libraryPackage) return libraryPackage;
  const file = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
  return (libraryPackage = { file, version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version });
}
/** lightweight-charts' standalone build, read from node_modules once (Apache-2.0; its notice goes in the page). */
function chartLibrary(): ChartLibrary {
  if (library) return library;
  const { file: pkgFile, version } = chartPackage();
  const code = readFileSync(path.join(path.dirname(pkgFile), 'dist', 'lightweight-charts.standalone.production.js'), 'utf8');
  const notice = /Copyright \(c\) [^\n]*/.exec(code)?.[0] ?? 'Copyright TradingView, Inc.';
  // Inlined in a <script>: a closing tag inside would end it early.
  const inlined = code.replace(/<\/script/gi, '<\\/script');
  library = { version, code: inlined, notice, codeBytes: Buffer.from(inlined) };
  return library;
}

/** The page's generator line: the format and the chart library's version (both shape its bytes). */
export function reportGenerator(format: ReportFormat = REPORT_FORMAT): string {
  return `${format} lightweight-charts/${chartPackage().version}`;
}

/**
 * The format a page names in its generator line when this installation renders that format with the
 * chart library the page names; else REPORT_FORMAT (such a page is not rendered again byte for byte).
 */
export function reportFormatOf(page: string): ReportFormat {
  const generator = /<meta name="generator" content="([^"]*)">/.exec(page.slice(0, 4096))?.[1];
  return REPORT_FORMATS.find((f) => generator === reportGenerator(f)) ?? REPORT_FORMAT;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const hex = (b: Uint8Array | undefined): string => Buffer.from(b ?? new Uint8Array(0)).toString('hex');
/** Integers as they are, other numbers to 4 decimals (toFixed: no locale); NaN and infinities (null in stats.json) as NaN. */
export const fixed4 = (v: number | null): string => (v === null || !Number.isFinite(v) ? 'NaN' : Number.isInteger(v) ? String(v) : v.toFixed(4));
/** JSON for a <script> element: "<" escaped so no text inside can close it. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

interface RecordedFile { path: string; symbol?: string; sha256: Uint8Array; bars?: unknown; periodNs?: unknown }

export function renderReport(input: ReportInput): string {
  return Buffer.concat(renderReportBytes(input)).toString('utf8');
}

/**
 * A part of a page: text, or bytes encoded once and shared by every page that holds them (the chart
 * library, the page's script, a feed's candles): a sweep renders hundreds of pages whose ~280 KB of
 * such parts are the same, and the rest of a page mixes in characters beyond Latin-1 (▲, →), which
 * made V8 hold the whole joined page as two bytes a character before encoding it again.
 */
type PagePart = string | Buffer;

/** The report's UTF-8 bytes, in parts (their concatenation is the page): written and hashed part by part (run/rundir writeChunks). */
export function renderReportBytes(input: ReportInput): Buffer[] {
  const rec = decodeSignedRecord(input.recordPb);
  const b = rec.bodies;
  const files = (b.data.files as RecordedFile[]) ?? [];
  const names = files.map((f, k) => f.symbol || `#${k}`);
  const r = input.result;
  const lib = chartLibrary();
  const format = input.format ?? REPORT_FORMAT;

  // charts: each symbol's candles with its trades marked, the equity and its drawdown
  const candles = files.map((f, k) => input.feeds[k]!.candles ?? downsampleCandles(input.feeds[k]!.open(), Number(toBigInt(f.bars))));
  const tally = input.tally ?? RowTally.of(candles, r);
  const marked = tally.markers();
  const symbols = candles.map((c, k) => ({ name: names[k]!, bars: c.bars, ...chartCandles(c), markers: marked[k]! }));
  const eq = downsampleEquity(r.equity, input.times);
  const intraday = files.some((f) => { const p = toBigInt(f.periodNs); return p > 0n && p < NS_PER_DAY; })
    || symbols.some((s) => s.time.some((t) => t % 86400 !== 0));
  const data = { intraday, symbols: symbols.map((s) => ({ name: s.name, time: s.time, open: s.open, high: s.high, low: s.low, close: s.close, markers: s.markers })), equity: eq };

  const stats = statsObject(r.stats);
  const sig = signatureLine(rec.recordBytes, rec.signature, rec.publicKey);
  const params = ((b.config.params as { name: string; value: number }[]) ?? []).map((p) => `${p.name}=${p.value ?? 0}`);
  const sources = ((b.strategy.sources as { path: string }[]) ?? []).map((s) => s.path);
  const title = `Backtest ${rec.runId}`;

  const out: PagePart[] = [];
  // (the page's elements, one after another with a newline between them)
  const push = (...parts: PagePart[]): void => {
    if (out.length > 0) out.push('\n');
    out.push(...parts);
  };
  push(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(reportGenerator(format))}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="sub">${esc(sources[0] ?? 'strategy.wasm')}${params.length ? ` · ${esc(params.join(' '))}` : ''} · ${files.map((f, k) => `${esc(names[k]!)} (${esc(f.path)})`).join(', ')} · ${esc(isoTime(r.stats.start))} → ${esc(isoTime(r.stats.end))}</p>
<div class="kpis">${[['returnPct', 'Return', ' %'], ['equityFinal', 'Equity Final', ''], ['sharpe', 'Sharpe', ''], ['maxDrawdownPct', 'Max. Drawdown', ' %'], ['trades', 'Trades', ''], ['winRatePct', 'Win Rate', ' %']]
    .map(([k, l, u]) => `<div><span>${l}</span><b>${fixed4(stats[k!] as number | null)}${u}</b></div>`).join('')}</div>
</header>
<main>
<section id="price"><h2>Price</h2>`);
  for (const [k, s] of symbols.entries()) {
    push(`<h3>${esc(s.name)}</h3><div class="chart price" id="price-${k}" data-symbol="${esc(s.name)}"></div>`);
    const notes = [s.time.length < s.bars ? `${s.time.length} candles drawn for ${s.bars} bars (each candle aggregates consecutive bars: first open, highest high, lowest low, last close)` : `${s.bars} bars`];
    push(`<p class="note">${esc(notes.join('; '))}. ▲ long entry, ▼ short entry, ● exit; a number beside a marker counts the trades it stands for in that candle.</p>`);
  }
  push(`</section>
<section id="equity-section"><h2>Equity and drawdown</h2><div class="chart" id="equity"></div>
<p class="note">${eq.time.length < r.equity.length ? `${eq.time.length} points drawn for ${r.equity.length} bars (each point: the last equity and the deepest drawdown of its bars). ` : ''}Drawdown is the percentage below the running peak of equity.</p></section>
<div class="cols">
<section id="stats"><h2>Statistics</h2><table id="stats-table"><tbody>`);
  for (const [key, label, unit] of STAT_LABELS) {
    const v = stats[key];
    const shown = typeof v === 'string' ? v : fixed4(v as number | null) + (v === null ? '' : unit);
    push(`<tr data-key="${key}" data-value="${esc(JSON.stringify(v))}"><th>${esc(label)}</th><td>${esc(shown)}</td></tr>`);
  }
  push(`</tbody></table>`);
  const rejections = tally.rejections();
  if (rejections.length) push(`<p class="note">Rejected orders by reason: ${rejections.map(([reason, n]) => `${esc(reason)} ${n}`).join(', ')}</p>`);
  push(`</section>
<section id="audit"><h2>Audit</h2><table id="audit-table"><tbody>
<tr><th>Run id</th><td><code>${esc(rec.runId)}</code></td></tr>
<tr><th>Record hash</th><td><code id="record-hash">${hex(createHash('sha256').update(input.recordPb).digest())}</code> <span class="muted">SHA-256 of record.pb</span></td></tr>
<tr><th>Chain head</th><td><code>${hex(rec.head)}</code></td></tr>
<tr><th>Trace root</th><td><code id="trace-root">${hex(b.trace.root as Uint8Array)}</code> <span class="muted">RFC 9162 Merkle root, ${esc(String(toBigInt(b.trace.leaves)))} leaves</span></td></tr>
<tr><th>Result</th><td><code>${hex(b.result.sha256 as Uint8Array)}</code> <span class="muted">SHA-256 of result.pb</span></td></tr>
<tr><th>Strategy</th><td><code>${hex(b.strategy.wasmSha256 as Uint8Array)}</code> <span class="muted">SHA-256 of strategy.wasm${sources.length ? `; sources: ${esc(sources.join(', '))}` : ''}</span></td></tr>
${files.map((f, k) => `<tr><th>Data ${esc(names[k]!)}</th><td><code>${hex(f.sha256)}</code> <span class="muted">SHA-256 of ${esc(f.path)}, ${esc(String(toBigInt(f.bars)))} bars</span></td></tr>`).join('\n')}
<tr><th>Signature</th><td id="signature">${sig.html}</td></tr>
</tbody></table>
<p>This page was rendered from the run folder; it checks nothing itself. Check the run, then re-execute it to the same trace root (from the folder the backtest ran in, where the data paths above resolve):</p>
<pre id="commands">backproof verify <span class="run-dir">RUN_DIR</span>${sig.signed ? ' --pubkey KEY.pub' : ''}
backproof replay <span class="run-dir">RUN_DIR</span></pre>
</section>
</div>
<section id="trades"><h2>Trades</h2>`);
  push(tradesTable(tally, names, format));
  push(`</section>
<section id="orders"><h2>Orders</h2>`);
  push(ordersTable(tally, names, format));
  push(`</section>
</main>
<footer>Rendered by Backproof (${esc(format)}). Charts by TradingView Lightweight Charts™ v${esc(lib.version)}, ${esc(lib.notice)} (<a href="https://www.tradingview.com/">https://www.tradingview.com/</a>), licensed under the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0), inlined unmodified.</footer>
<script type="application/json" id="report-data">`, ...dataJson(data, candles), `</script>
<script>`, lib.codeBytes, `</script>
<script>`, clientBytes ??= Buffer.from(CLIENT), `</script>
</body>
</html>
`);
  return pageBytes(out);
}

let clientBytes: Buffer | undefined;

/** The parts as bytes: each run of text between shared parts encoded once. */
function pageBytes(parts: readonly PagePart[]): Buffer[] {
  const bytes: Buffer[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) bytes.push(Buffer.from(text.join('')));
    text = [];
  };
  for (const p of parts) {
    if (typeof p === 'string') text.push(p);
    else {
      flush();
      bytes.push(p);
    }
  }
  flush();
  return bytes;
}

function chartCandles(c: Candles): { time: number[]; open: number[]; high: number[]; low: number[]; close: number[] } {
  return { time: c.time, open: c.open, high: c.high, low: c.low, close: c.close };
}

/** Each candles' JSON members "time" … "close" as UTF-8, made once: a sweep's runs of one feed share its candles (and ~80 KB of JSON at GOOG's size). */
const candleMembers = new WeakMap<Candles, Buffer>();
function candleJson(c: Candles): Buffer {
  let bytes = candleMembers.get(c);
  if (bytes === undefined) candleMembers.set(c, (bytes = Buffer.from(scriptJson(chartCandles(c)).slice(1, -1))));
  return bytes;
}

/**
 * scriptJson(data), byte for byte, in parts: each symbol's candles are candleJson's shared bytes (the
 * members of `symbols[k]` in data's key order: name, time, open, high, low, close, markers).
 */
function dataJson(data: { intraday: boolean; symbols: { name: string; markers: unknown }[]; equity: unknown }, candles: readonly Candles[]): PagePart[] {
  const parts: PagePart[] = [`{"intraday":${data.intraday},"symbols":[`];
  data.symbols.forEach((s, k) => {
    parts.push(`${k > 0 ? ',' : ''}{"name":${scriptJson(s.name)},`, candleJson(candles[k]!), `${s.markers === undefined ? '' : `,"markers":${scriptJson(s.markers)}`}}`);
  });
  parts.push(`],"equity":${scriptJson(data.equity)}}`);
  return parts;
}

const STATUS_FILLED = STATUS_NAMES.indexOf('filled');

/** result.pb's bytes when `r`'s rows are a reader's of them (audit/codec RESULT_BYTES: the same iterables), else null. */
function bytesOf(r: ReportResult): Uint8Array | null {
  const source = (r as { [RESULT_BYTES]?: ResultBytes })[RESULT_BYTES];
  return source && r.trades === source.trades && r.orders === source.orders ? source.bytes : null;
}

/** A time's int32 words (model/bars timeWords) as the int64 it stands for. */
const timeOfWords = (hi: number, lo: number): bigint => BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0));

/** The Trade a row of fields stands for (as result.pb's reader makes it). */
const tradeOf = (f: TradeFields): Trade => ({
  symbol: f.symbol, entryBar: f.entryBar, exitBar: f.exitBar, entryTime: timeOfWords(f.times[0]!, f.times[1]!), exitTime: timeOfWords(f.times[2]!, f.times[3]!),
  size: f.size, entryPrice: f.entryPrice, exitPrice: f.exitPrice, pnl: f.pnl, returnPct: f.returnPct, commission: f.commission,
});

/** The OrderRecord a row of fields stands for (as result.pb's reader makes it). */
const orderOf = (f: OrderFields): OrderRecord => ({
  id: f.id, bar: f.bar, time: timeOfWords(f.time[0]!, f.time[1]!), symbol: f.symbol, side: f.side, type: f.type, size: f.size,
  status: f.status, reason: f.reason as OrderRecord['reason'], price: f.price, units: f.units,
});
/** A RowTally as data (RowTally.portable), for another thread to revive over the same candles. */
export interface PortableTally {
  trades: number;
  orders: number;
  firstTrades: Trade[];
  firstOrders: OrderRecord[];
  /** Per symbol: [candle × 3 + kind, trades]. */
  marks: [number, number][][];
  rejected: [string, number][];
}

/** series candleAt for a time given as words (hi signed, lo unsigned), over the candles' starts as words (model/bars timeWords). */
function candleAtWords(starts: Int32Array, hi: number, lo: number): number {
  const low = lo >>> 0;
  let a = 0, b = starts.length / 2 - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    const h = starts[2 * mid + TIME_HI]!;
    if (h < hi || (h === hi && starts[2 * mid + TIME_LO]! >>> 0 <= low)) a = mid;
    else b = mid - 1;
  }
  return a;
}

/** Orders set aside for rejectionsByReason at a time (its counts are merged): a bounded batch, however many there are. */
const REJECTION_BATCH = 4096;

/**
 * What the page reads of every trade and order, gathered in one pass over them (in order): the
 * tables' first rows, the counts, the chart markers and the rejections by reason. Nothing else of
 * a row is kept, so a run of any length is tallied in memory bounded by the page.
 */
export class RowTally {
  trades = 0;
  orders = 0;
  readonly firstTrades: Trade[] = [];
  readonly firstOrders: OrderRecord[] = [];
  private readonly candles: readonly Candles[];
  /** Per symbol: candle × 3 + kind → trades. */
  private readonly marks: Map<number, number>[];
  private readonly rejected = new Map<string, number>();
  private notFilled: OrderRecord[] = [];
  /** Per symbol: its candles' starts as int32 words (markWords). */
  private readonly starts: Int32Array[] = [];

  /** `candles`: each symbol's, as the page draws them (markers are placed on them). */
  constructor(candles: readonly Candles[]) {
    this.candles = candles;
    this.marks = candles.map(() => new Map<number, number>());
  }

  /**
   * The tally of a result's rows, read here: from result.pb's bytes into one row of fields (no object
   * per row) when the rows are a reader's of those bytes (audit/codec RESULT_BYTES), else as iterated.
   */
  static of(candles: readonly Candles[], r: ReportResult): RowTally {
    const tally = new RowTally(candles);
    const bytes = bytesOf(r);
    if (bytes) {
      const t = new TradeFields();
      for (const rows = new ResultRowCursor(bytes, 1); rows.nextTrade(t); ) tally.tradeFields(t);
      const o = new OrderFields();
      for (const rows = new ResultRowCursor(bytes, 4); rows.nextOrder(o); ) tally.orderFields(o);
      return tally;
    }
    for (const t of r.trades) tally.trade(t);
    for (const o of r.orders) tally.order(o);
    return tally;
  }

  /**
   * The tally of the engine's columns (model TradeLog, OrderLog), the same as RowTally.of's of the
   * result.pb written from them (audit/codec encodeResult): each row as result.pb holds it (uint32
   * fields as x >>> 0), an object made only for the table's first rows and an order not filled. How
   * the guest thread tallies a run's rows for its report while it holds the columns (run/worker).
   */
  static ofColumns(candles: readonly Candles[], trades: TradeLog, orders: OrderLog): RowTally {
    const tally = new RowTally(candles);
    for (let k = 0; k < trades.length; k++) {
      if (k >= MAX_TABLE_ROWS) {
        tally.trades++;
        const { entryWords: e, exitWords: x } = trades;
        tally.markWords(trades.symbol[k]! >>> 0, e[2 * k + TIME_HI]!, e[2 * k + TIME_LO]!, x[2 * k + TIME_HI]!, x[2 * k + TIME_LO]!, trades.size[k]!);
      } else {
        const t = trades.at(k);
        tally.trade({ ...t, symbol: t.symbol >>> 0, entryBar: t.entryBar >>> 0, exitBar: t.exitBar >>> 0 });
      }
    }
    for (let k = 0; k < orders.length; k++) {
      if (k >= MAX_TABLE_ROWS && orders.status[k] === STATUS_FILLED) tally.orders++;
      else {
        const o = orders.at(k);
        tally.order({ ...o, id: o.id >>> 0, type: o.type >>> 0 });
      }
    }
    return tally;
  }

  /** The tally as it crosses between threads (structured clone): every count made, the rows not filled counted. */
  portable(): PortableTally {
    this.countRejections();
    return { trades: this.trades, orders: this.orders, firstTrades: this.firstTrades, firstOrders: this.firstOrders, marks: this.marks.map((m) => [...m]), rejected: [...this.rejected] };
  }

  /** A tally made elsewhere over these same candles (portable()). */
  static revive(candles: readonly Candles[], p: PortableTally): RowTally {
    const tally = new RowTally(candles);
    tally.trades = p.trades;
    tally.orders = p.orders;
    tally.firstTrades.push(...p.firstTrades);
    tally.firstOrders.push(...p.firstOrders);
    p.marks.forEach((m, k) => {
      for (const [key, n] of m) tally.marks[k]?.set(key, n);
    });
    for (const [reason, n] of p.rejected) tally.rejected.set(reason, n);
    return tally;
  }

  trade(t: Trade): void {
    if (this.trades++ < MAX_TABLE_ROWS) this.firstTrades.push(t);
    this.mark(t.symbol, t.entryTime, t.exitTime, t.size);
  }

  /** A trade read as fields (its object made only for the table's first rows). */
  private tradeFields(f: TradeFields): void {
    if (this.trades >= MAX_TABLE_ROWS) {
      this.trades++;
      this.markWords(f.symbol, f.times[0]!, f.times[1]!, f.times[2]!, f.times[3]!, f.size);
    } else this.trade(tradeOf(f));
  }

  /** mark's for times given as their int32 words (hi, lo): no BigInt, each symbol's candle starts as words (made once). */
  private markWords(symbol: number, entryHi: number, entryLo: number, exitHi: number, exitLo: number, size: number): void {
    const c = this.candles[symbol];
    if (!c || c.time.length === 0) return;
    const starts = (this.starts[symbol] ??= timeWords(BigInt64Array.from(c.startNs)));
    const counted = this.marks[symbol]!;
    const entry = candleAtWords(starts, entryHi, entryLo) * 3 + (size > 0 ? 0 : 1);
    const exit = candleAtWords(starts, exitHi, exitLo) * 3 + 2;
    counted.set(entry, (counted.get(entry) ?? 0) + 1);
    counted.set(exit, (counted.get(exit) ?? 0) + 1);
  }

  private mark(symbol: number, entryTime: bigint, exitTime: bigint, size: number): void {
    const c = this.candles[symbol];
    if (!c || c.time.length === 0) return;
    const counted = this.marks[symbol]!;
    const add = (candle: number, kind: number): void => { const key = candle * 3 + kind; counted.set(key, (counted.get(key) ?? 0) + 1); };
    add(candleAt(c, entryTime), size > 0 ? 0 : 1);
    add(candleAt(c, exitTime), 2);
  }

  order(o: OrderRecord): void {
    if (this.orders++ < MAX_TABLE_ROWS) this.firstOrders.push(o);
    // which orders count is rejectionsByReason's to say; a filled one never does
    if (o.status !== STATUS_FILLED) {
      this.notFilled.push(o);
      if (this.notFilled.length === REJECTION_BATCH) this.countRejections();
    }
  }

  /** An order read as fields (its object made only for the table's first rows and an order not filled). */
  private orderFields(f: OrderFields): void {
    if (this.orders >= MAX_TABLE_ROWS && f.status === STATUS_FILLED) this.orders++;
    else this.order(orderOf(f));
  }

  private countRejections(): void {
    for (const [reason, n] of rejectionsByReason(this.notFilled)) this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + n);
    this.notFilled = [];
  }

  /** rejectionsByReason of every order tallied: [reason, orders] by reason. */
  rejections(): [string, number][] {
    this.countRejections();
    return [...this.rejected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Entry and exit markers of each symbol's trades at the candle holding each bar, one per candle
   * and kind, [time, kind, trades] with kind 0 long entry, 1 short entry, 2 exit: every trade is
   * marked, however many share a candle.
   */
  markers(): [number, number, number][][] {
    return this.candles.map((c, k) => {
      const counted = this.marks[k]!;
      const keys = [...counted.keys()].sort((a, b) => a - b);
      return keys.map((key): [number, number, number] => [c.time[Math.floor(key / 3)]!, key % 3, counted.get(key)!]);
    });
  }
}

function signatureLine(recordBytes: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): { html: string; signed: boolean } {
  if (signature.length === 0 && publicKey.length === 0) return { signed: false, html: 'unsigned: the record carries no signature, so nothing vouches for who made this run' };
  const fp = keyFingerprint(publicKey);
  if (!verifyRecordSignature(recordBytes, signature, publicKey))
    return { signed: true, html: `<b class="bad">the signature in record.pb does not verify under the key it carries (${esc(fp)})</b>: do not trust this run` };
  return { signed: true, html: `signed by key <code id="key-fingerprint">${esc(fp)}</code> (the key record.pb carries; not checked against a key you trust: that is what <code>verify --pubkey</code> does)` };
}

const symbolName = (names: readonly string[], k: number): string => names[k] ?? (k < 0 ? '' : `#${k}`);
/**
 * The note under a capped table. The page cannot say whether the run folder holds the CSV file (it is
 * written on demand, after the page perhaps, and the page's bytes may not depend on it), so it links
 * the file and says how to write it.
 */
const moreRows = (n: number, what: 'trades' | 'orders', file: string, format: ReportFormat): string =>
  n <= 0 ? ''
  : format === 'backproof-report/1' ? `<p class="note more">${n} more ${what} in ${file} (the table shows the first ${MAX_TABLE_ROWS})</p>`
  : `<p class="note more">${n} more ${what} in <a href="${file}">${file}</a> (the table shows the first ${MAX_TABLE_ROWS}); a run folder without it gets it from <code>backproof export &lt;run-dir&gt; --${what}</code></p>`;

function tradesTable(r: RowTally, names: readonly string[], format: ReportFormat): string {
  const rows = [`<table id="trades-table" class="data"><thead><tr><th>#</th><th>Symbol</th><th>Entry time</th><th>Exit time</th><th>Side</th><th>Size</th><th>Entry price</th><th>Exit price</th><th>PnL</th><th>Return %</th><th>Commission</th></tr></thead><tbody>`];
  const first = r.firstTrades;
  const shown = first.length;
  for (let i = 0; i < shown; i++) {
    const t = first[i]!;
    rows.push(`<tr class="${t.pnl >= 0 ? 'win' : 'loss'}"><td>${i + 1}</td><td>${esc(symbolName(names, t.symbol))}</td><td>${isoTime(t.entryTime)}</td><td>${isoTime(t.exitTime)}</td><td>${t.size > 0 ? 'long' : 'short'}</td><td>${fixed4(t.size)}</td><td>${fixed4(t.entryPrice)}</td><td>${fixed4(t.exitPrice)}</td><td>${fixed4(t.pnl)}</td><td>${fixed4(t.returnPct)}</td><td>${fixed4(t.commission)}</td></tr>`);
  }
  rows.push('</tbody></table>');
  if (r.trades === 0) rows.push('<p class="note">No trades.</p>');
  rows.push(moreRows(r.trades - shown, 'trades', 'trades.csv', format));
  return rows.join('\n');
}

function ordersTable(r: RowTally, names: readonly string[], format: ReportFormat): string {
  const rows = [`<table id="orders-table" class="data"><thead><tr><th>Id</th><th>Time</th><th>Symbol</th><th>Side</th><th>Type</th><th>Size</th><th>Status</th><th>Reason</th><th>Price</th><th>Units</th></tr></thead><tbody>`];
  const first = r.firstOrders;
  const shown = first.length;
  for (let i = 0; i < shown; i++) {
    const o = first[i]!;
    const status = STATUS_NAMES[o.status] ?? String(o.status);
    const filled = status === 'filled';
    rows.push(`<tr class="${esc(status)}"><td>${o.id}</td><td>${o.bar < 0 && o.time === 0n ? '' : isoTime(o.time)}</td><td>${esc(symbolName(names, o.symbol))}</td><td>${SIDE_NAMES[o.side] ?? 'invalid'}</td><td>${esc(TYPE_NAMES[o.type] ?? `invalid(${o.type})`)}</td><td>${fixed4(o.size)}</td><td>${esc(status)}</td><td>${esc(o.reason)}</td><td>${filled ? fixed4(o.price) : ''}</td><td>${filled ? fixed4(o.units) : ''}</td></tr>`);
  }
  rows.push('</tbody></table>');
  if (r.orders === 0) rows.push('<p class="note">No orders.</p>');
  rows.push(moreRows(r.orders - shown, 'orders', 'orders.csv', format));
  return rows.join('\n');
}

const STYLE = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--up:#1a7f37;--down:#cf222e}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 28px 12px;border-bottom:1px solid var(--line);background:var(--soft)}h1{margin:0 0 4px;font-size:20px}
.sub{margin:0 0 12px;color:var(--muted)}.kpis{display:flex;flex-wrap:wrap;gap:10px}.kpis div{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:120px}
.kpis span{display:block;font-size:12px;color:var(--muted)}.kpis b{font-size:17px;font-variant-numeric:tabular-nums}
main{padding:8px 28px 28px;max-width:1400px}h2{font-size:16px;margin:22px 0 8px}h3{font-size:14px;margin:12px 0 4px}
.chart{height:360px;border:1px solid var(--line);border-radius:6px}#equity{height:380px}.note{color:var(--muted);font-size:12px;margin:6px 0}
.cols{display:grid;grid-template-columns:minmax(320px,1fr) minmax(320px,1.4fr);gap:28px}@media(max-width:900px){.cols{grid-template-columns:1fr}}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
#stats-table td,table.data td{text-align:right}#stats-table th{font-weight:normal;color:var(--muted)}
table.data{width:100%;font-size:12.5px}table.data thead th{position:sticky;top:0;background:var(--soft)}
#trades,#orders{max-height:none}.win td:nth-child(9){color:var(--up)}.loss td:nth-child(9){color:var(--down)}
tr.rejected td,tr.expired td{color:var(--down)}#audit-table th{font-weight:normal;color:var(--muted);white-space:nowrap}
code,pre{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px;white-space:pre-wrap}
.muted{color:var(--muted)}.bad{color:var(--down)}footer{padding:14px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}a{color:#0969da}
`;

/** The page's script: draws the charts from the inlined data; fills in the page's own folder in the commands. */
const CLIENT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var LC = window.LightweightCharts;
  function options() {
    return {
      autoSize: true,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2328', attributionLogo: true },
      grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
      rightPriceScale: { borderColor: '#d0d7de' },
      timeScale: { borderColor: '#d0d7de', timeVisible: data.intraday, secondsVisible: false }
    };
  }
  data.symbols.forEach(function (s, k) {
    var chart = LC.createChart(document.getElementById('price-' + k), options());
    var candles = chart.addSeries(LC.CandlestickSeries, { upColor: '#1a7f37', downColor: '#cf222e', borderVisible: false, wickUpColor: '#1a7f37', wickDownColor: '#cf222e' });
    candles.setData(s.time.map(function (t, i) { return { time: t, open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i] }; }));
    LC.createSeriesMarkers(candles, s.markers.map(function (m) {
      var marker = m[1] === 0 ? { time: m[0], position: 'belowBar', shape: 'arrowUp', color: '#0969da' }
        : m[1] === 1 ? { time: m[0], position: 'aboveBar', shape: 'arrowDown', color: '#bf3989' }
        : { time: m[0], position: 'aboveBar', shape: 'circle', color: '#656d76', size: 0.6 };
      if (m[2] > 1) marker.text = String(m[2]);
      return marker;
    }));
    chart.timeScale().fitContent();
  });
  var e = data.equity;
  var chart = LC.createChart(document.getElementById('equity'), options());
  var equity = chart.addSeries(LC.LineSeries, { color: '#0969da', lineWidth: 2, priceLineVisible: false });
  // A value that is not a number (null in the data) is a gap, not an error.
  function point(t, v) { return v === null ? { time: t } : { time: t, value: v }; }
  equity.setData(e.time.map(function (t, i) { return point(t, e.equity[i]); }));
  var drawdown = chart.addSeries(LC.BaselineSeries, {
    baseValue: { type: 'price', price: 0 }, priceLineVisible: false, lineWidth: 1,
    topLineColor: '#cf222e', topFillColor1: 'rgba(207,34,46,0.05)', topFillColor2: 'rgba(207,34,46,0.05)',
    bottomLineColor: '#cf222e', bottomFillColor1: 'rgba(207,34,46,0.10)', bottomFillColor2: 'rgba(207,34,46,0.45)',
    priceFormat: { type: 'custom', formatter: function (v) { return v.toFixed(2) + ' %'; } }
  }, 1);
  drawdown.setData(e.time.map(function (t, i) { return point(t, e.drawdownPct[i]); }));
  chart.panes()[1].setStretchFactor(0.6);
  chart.timeScale().fitContent();
  // The commands name the run folder: when opened as <folder>/report.html, that folder.
  if (location.protocol === 'file:' && /\\/report\\.html$/.test(location.pathname)) {
    var dir = decodeURIComponent(location.pathname.replace(/\\/report\\.html$/, ''));
    var quoted = /^[A-Za-z0-9_.\\/:@%+=,-]+$/.test(dir) ? dir : "'" + dir.replace(/'/g, "'\\\\''") + "'";
    document.querySelectorAll('.run-dir').forEach(function (n) { n.textContent = quoted; });
  }
})();
`;

export { MAX_CHART_POINTS };
