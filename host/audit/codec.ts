/**
 * @module audit/codec
 * Protobuf encoding of records (backproof.proto) through protobufjs reflection, and of results
 * (result.pb) by a hand-written writer and reader that give the same bytes without an object per row.
 * Canonical bytes: fields in tag order, no maps, 64-bit integers from exact decimal strings or
 * BigInts (never through a float); a record is decoded, re-encoded and compared, and the result
 * reader accepts only the bytes its writer gives, so a second, non-canonical encoding of the same
 * values is rejected.
 */
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import Long from 'long';
import { TradeLog, type BacktestResult, type Stats, type Trade } from '../model/trade.ts';
import { OrderLog, REASONS, type OrderReason, type OrderRecord } from '../model/order.ts';
import { packageFile } from '../paths.ts';

const root = protobuf.parse(readFileSync(packageFile('host/audit/backproof.proto'), 'utf8'), { keepCase: false }).root;
export const pb = {
  Result: root.lookupType('backproof.v1.Result'),
  Record: root.lookupType('backproof.v1.Record'),
  SignedRecord: root.lookupType('backproof.v1.SignedRecord'),
  Link: root.lookupType('backproof.v1.Link'),
  Toolchain: root.lookupType('backproof.v1.Toolchain'),
  StrategyLink: root.lookupType('backproof.v1.StrategyLink'),
  DataLink: root.lookupType('backproof.v1.DataLink'),
  DataFile: root.lookupType('backproof.v1.DataFile'),
  Snapshots: root.lookupType('backproof.v1.Snapshots'),
  ConfigLink: root.lookupType('backproof.v1.ConfigLink'),
  TraceLink: root.lookupType('backproof.v1.TraceLink'),
  ResultLink: root.lookupType('backproof.v1.ResultLink'),
  Stats: root.lookupType('backproof.v1.Stats'),
};

export const int64 = (v: bigint): Long => Long.fromString(v.toString(), false);
export const uint64 = (v: bigint | number): Long => Long.fromString(v.toString(), true);
export const toBigInt = (v: unknown): bigint => (v === undefined || v === null ? 0n : BigInt((v as Long).toString()));

export function encode(type: protobuf.Type, value: Record<string, unknown>): Uint8Array {
  const err = type.verify(value);
  if (err) throw new TypeError(`${type.name}: ${err}`);
  return type.encode(type.fromObject(value)).finish();
}

/** Decodes, then re-encodes and insists on the same bytes. Throws on either failure. */
export function decodeCanonical(type: protobuf.Type, bytes: Uint8Array): Record<string, unknown> & protobuf.Message {
  const msg = type.decode(bytes);
  const again = type.encode(msg).finish();
  if (Buffer.compare(Buffer.from(again), Buffer.from(bytes)) !== 0) throw new TypeError(`${type.name}: not in canonical encoding`);
  return msg as Record<string, unknown> & protobuf.Message;
}

// ---- result.pb: a hand-written codec ------------------------------------------------------------
// Results hold a row per trade and order and a point per bar: they are written and read here
// without a protobufjs object per row, byte for byte as protobufjs writes them (fields in tag
// order; a proto3 scalar omitted when it is 0 — but -0 and NaN written — or ""; uint32 as x >>> 0,
// sint32 as x | 0, each zigzagged where the proto says sint; int64 exact from the BigInt). The
// reader accepts exactly the canonical bytes: what it reads is what the writer writes back.

const scratch64 = new BigInt64Array(1);
const scratch32 = new Uint32Array(scratch64.buffer);
const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LE ? 0 : 1;
const HI = 1 - LO;

/** What writeTrade, writeOrder and writeStats write to: the bytes (ProtoWriter), or only their count (ProtoSizer). */
interface Wire {
  pos: number;
  uint32(tag: number, x: number): void;
  sint32(tag: number, x: number): void;
  sint64(tag: number, x: bigint): void;
  /** An sint64 field given as its two's-complement words (hi signed or not, lo as any 32-bit integer). */
  sint64Words(tag: number, hi: number, lo: number): void;
  double(key: number, x: number): void;
  string(tag: number, s: string): void;
  /** A uint32 field whose key (as in `key`) may take two bytes. */
  uint32k(key: number, x: number): void;
  open(tag: number): number;
  close(start: number): void;
  /** After a whole row (writeTrades, writeOrders): where a ChunkWriter passes its rows on. */
  rowEnd(): void;
}

const varint32Size = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);
const varint64Size = (lo: number, hi: number): number => (hi === 0 ? varint32Size(lo) : Math.ceil((64 - Math.clz32(hi)) / 7));
const keySize = (key: number): number => (key > 255 ? 2 : 1);
const isAscii = (s: string): boolean => {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 0x80) return false;
  return true;
};

/** Counts the bytes ProtoWriter writes for the same calls: sizes result.pb exactly before it is written. */
class ProtoSizer implements Wire {
  pos = 0;
  uint32(_tag: number, x: number): void {
    const v = x >>> 0;
    if (v !== 0) this.pos += 1 + varint32Size(v);
  }
  uint32k(key: number, x: number): void {
    const v = x >>> 0;
    if (v !== 0) this.pos += keySize(key) + varint32Size(v);
  }
  sint32(_tag: number, x: number): void {
    const v = x | 0;
    if (v !== 0) this.pos += 1 + varint32Size(((v << 1) ^ (v >> 31)) >>> 0);
  }
  sint64(tag: number, x: bigint): void {
    if (x === 0n || x === undefined || x === null) return;
    scratch64[0] = x;
    this.sint64Words(tag, scratch32[HI]!, scratch32[LO]!);
  }
  sint64Words(_tag: number, hi: number, lo: number): void {
    if ((lo | hi) === 0) return;
    const mask = hi >> 31;
    this.pos += 1 + varint64Size(((lo << 1) ^ mask) >>> 0, (((hi << 1) | (lo >>> 31)) ^ mask) >>> 0);
  }
  double(key: number, x: number): void {
    if ((x === 0 && 1 / x > 0) || x === undefined || x === null) return;
    this.pos += keySize(key) + 8;
  }
  string(_tag: number, s: string): void {
    if (s === '') return;
    const n = isAscii(s) ? s.length : protobuf.util.utf8.length(s);
    this.pos += 1 + varint32Size(n) + n;
  }
  open(_tag: number): number {
    return (this.pos += 2);
  }
  close(start: number): void {
    this.pos += varint32Size(this.pos - start) - 1;
  }
  rowEnd(): void {}
}

/** Room a string field leaves after it in its buffer (ProtoWriter string): for the fields after it in its row. */
const ROW_TAIL = 64;

/** Writes protobuf wire values into a buffer with room for them (a row's fixed fields; a string makes its own room and ROW_TAIL's). */
class ProtoWriter implements Wire {
  buf: Uint8Array;
  view: DataView;
  pos = 0;
  constructor(size: number | Uint8Array) {
    this.buf = typeof size === 'number' ? new Uint8Array(size) : size;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  }
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }
  uint32k(key: number, x: number): void {
    const v = x >>> 0;
    if (v === 0) return;
    if (key > 255) {
      this.buf[this.pos++] = key & 255;
      this.buf[this.pos++] = key >>> 8;
    } else this.buf[this.pos++] = key;
    this.varint32(v);
  }
  varint32(v: number): void {
    const buf = this.buf;
    let at = this.pos;
    v >>>= 0;
    while (v > 127) {
      buf[at++] = (v & 127) | 128;
      v >>>= 7;
    }
    buf[at++] = v;
    this.pos = at;
  }
  /** A varint of the 64-bit value hi·2^32 + lo (both unsigned 32-bit), as protobufjs's writeVarint64. */
  varint64(lo: number, hi: number): void {
    const buf = this.buf;
    let at = this.pos;
    while (hi) {
      buf[at++] = (lo & 127) | 128;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    while (lo > 127) {
      buf[at++] = (lo & 127) | 128;
      lo = lo >>> 7;
    }
    buf[at++] = lo;
    this.pos = at;
  }
  /** Field `tag` (a one-byte key) as uint32, unless 0. */
  uint32(tag: number, x: number): void {
    const v = x >>> 0;
    if (v === 0) return;
    this.buf[this.pos++] = tag;
    this.varint32(v);
  }
  sint32(tag: number, x: number): void {
    const v = x | 0;
    if (v === 0) return;
    this.buf[this.pos++] = tag;
    this.varint32(((v << 1) ^ (v >> 31)) >>> 0);
  }
  sint64(tag: number, x: bigint): void {
    if (x === 0n || x === undefined || x === null) return;
    scratch64[0] = x;
    this.sint64Words(tag, scratch32[HI]!, scratch32[LO]!);
  }
  sint64Words(tag: number, hi: number, lo: number): void {
    if ((lo | hi) === 0) return; // (from a BigInt: a multiple of 2^64, 0 as int64)
    const mask = hi >> 31;
    this.buf[this.pos++] = tag;
    this.varint64(((lo << 1) ^ mask) >>> 0, (((hi << 1) | (lo >>> 31)) ^ mask) >>> 0);
  }
  /** A double field unless it is +0 (protobufjs: !Object.is(x, 0)). `key`: its key's bytes (1 or 2). */
  double(key: number, x: number): void {
    if ((x === 0 && 1 / x > 0) || x === undefined || x === null) return;
    if (key > 255) {
      this.buf[this.pos++] = key & 255;
      this.buf[this.pos++] = key >>> 8;
    } else this.buf[this.pos++] = key;
    this.view.setFloat64(this.pos, x, true);
    this.pos += 8;
  }
  string(tag: number, s: string): void {
    if (s === '') return;
    this.buf[this.pos++] = tag;
    const ascii = isAscii(s);
    const n = ascii ? s.length : protobuf.util.utf8.length(s);
    this.room(varint32Size(n) + n + ROW_TAIL);
    this.varint32(n);
    if (ascii) for (let k = 0; k < n; k++) this.buf[this.pos + k] = s.charCodeAt(k);
    else protobuf.util.utf8.write(s, this.buf, this.pos);
    this.pos += n;
  }
  /** Starts a length-delimited field `tag`: returns where its body starts (one byte left for the length). */
  open(tag: number): number {
    this.buf[this.pos++] = tag;
    return ++this.pos;
  }
  /** Ends it: writes the body's length, moving the body on when the length takes more than one byte. */
  close(start: number): void {
    const len = this.pos - start;
    if (len < 128) {
      this.buf[start - 1] = len;
      return;
    }
    let extra = 0;
    for (let v = len >>> 7; v > 0; v >>>= 7) extra++;
    this.room(extra);
    this.buf.copyWithin(start + extra, start, this.pos);
    this.pos = start - 1;
    this.varint32(len);
    this.pos += len;
  }
  rowEnd(): void {}
}

/** Room a ChunkWriter keeps for a row: more than a trade or an order takes, but for its reason string (which makes its own). */
const CHUNK_ROW_ROOM = 256;

/**
 * Writes into `out` through a small buffer of its own, passed on whole rows at a time (one copy): the
 * rows are written into plain memory whatever `out` lies in (V8 writes a resizable ArrayBuffer, the
 * engine's equity column grown into result.pb, ~2-3x slower a field).
 */
class ChunkWriter extends ProtoWriter {
  readonly out: Uint8Array;
  /** Where the next bytes passed on go in `out`. */
  at = 0;
  constructor(out: Uint8Array, chunk = 64 << 10) {
    super(chunk);
    this.out = out;
  }
  override rowEnd(): void {
    if (this.pos > this.buf.length - CHUNK_ROW_ROOM) this.flush();
  }
  /** Passes the bytes written on to `out`. */
  flush(): void {
    if (this.at + this.pos > this.out.length) throw new Error(`result.pb: sized ${this.out.length} bytes, wrote past them`);
    this.out.set(this.buf.subarray(0, this.pos), this.at);
    this.at += this.pos;
    this.pos = 0;
  }
}

/** The key of field `id` with wire type `wt`, as its varint bytes read little-end first (≤ 2 bytes here). */
const key = (id: number, wt: number): number => {
  const v = (id << 3) | wt;
  return v < 128 ? v : (v & 127) | 128 | ((v >>> 7) << 8);
};

const STAT_FIELDS = pb.Stats.fieldsArray
  .slice()
  .sort((a, b) => a.id - b.id)
  .map((f) => ({ name: f.name as keyof Stats, id: f.id, type: f.type as 'sint64' | 'uint32' | 'double' }));
for (const f of STAT_FIELDS) if (f.type !== 'sint64' && f.type !== 'uint32' && f.type !== 'double') throw new TypeError(`Stats.${f.name}: no codec for ${f.type}`);

/** A trade's row from its fields: one TradeFields filled row after row (writeTrades), from a Trade or the engine's columns. */
function writeTrade(w: Wire, t: TradeFields): void {
  const start = w.open(0x0a);
  w.uint32(0x08, t.entryBar);
  w.uint32(0x10, t.exitBar);
  w.sint64Words(0x18, t.times[0]!, t.times[1]!);
  w.sint64Words(0x20, t.times[2]!, t.times[3]!);
  w.double(0x29, t.size);
  w.double(0x31, t.entryPrice);
  w.double(0x39, t.exitPrice);
  w.double(0x41, t.pnl);
  w.double(0x49, t.returnPct);
  w.double(0x51, t.commission);
  w.uint32(0x58, t.symbol);
  w.close(start);
}

function writeOrder(w: Wire, o: OrderFields): void {
  const start = w.open(0x22);
  w.uint32(0x08, o.id);
  w.sint32(0x10, o.bar);
  w.sint64Words(0x18, o.time[0]!, o.time[1]!);
  w.sint32(0x20, o.symbol);
  w.sint32(0x28, o.side);
  w.uint32(0x30, o.type);
  w.double(0x39, o.size);
  w.uint32(0x40, o.status);
  w.string(0x4a, o.reason);
  w.double(0x51, o.price);
  w.double(0x59, o.units);
  w.close(start);
}

/** A time as words into `into` at `at` (hi, lo): 0 for an absent one (as the field is then omitted); a value past int64 wraps as BigInt64Array stores it. */
function wordsOfTime(x: bigint, into: Int32Array, at: number): void {
  if (x === undefined || x === null) scratch64[0] = 0n;
  else scratch64[0] = x;
  into[at] = scratch32[HI]!;
  into[at + 1] = scratch32[LO]!;
}

/** The trades' rows, each into `f` and then written by writeTrade to `w`: from the engine's columns without an object, or from Trade objects. */
function writeTrades(w: Wire, rows: Iterable<Trade> | TradeLog, f: TradeFields): void {
  if (rows instanceof TradeLog) {
    const { entryWords, exitWords } = rows;
    for (let k = 0; k < rows.length; k++) {
      f.entryBar = rows.entryBar[k]!; f.exitBar = rows.exitBar[k]!; f.symbol = rows.symbol[k]!;
      f.times[0] = entryWords[2 * k + HI]!; f.times[1] = entryWords[2 * k + LO]!;
      f.times[2] = exitWords[2 * k + HI]!; f.times[3] = exitWords[2 * k + LO]!;
      f.size = rows.size[k]!; f.entryPrice = rows.entryPrice[k]!; f.exitPrice = rows.exitPrice[k]!;
      f.pnl = rows.pnl[k]!; f.returnPct = rows.returnPct[k]!; f.commission = rows.commission[k]!;
      writeTrade(w, f);
      w.rowEnd();
    }
    return;
  }
  for (const t of rows) {
    f.entryBar = t.entryBar; f.exitBar = t.exitBar; f.symbol = t.symbol;
    wordsOfTime(t.entryTime, f.times, 0);
    wordsOfTime(t.exitTime, f.times, 2);
    f.size = t.size; f.entryPrice = t.entryPrice; f.exitPrice = t.exitPrice; f.pnl = t.pnl; f.returnPct = t.returnPct; f.commission = t.commission;
    writeTrade(w, f);
    w.rowEnd();
  }
}

/** The orders' rows, as writeTrades (row k of the columns is order id k + 1). */
function writeOrders(w: Wire, rows: Iterable<OrderRecord> | OrderLog, f: OrderFields): void {
  if (rows instanceof OrderLog) {
    const words = rows.timeWords;
    for (let k = 0; k < rows.length; k++) {
      f.id = k + 1; f.bar = rows.bar[k]!; f.symbol = rows.symbol[k]!; f.side = rows.side[k]!; f.type = rows.type[k]!;
      f.time[0] = words[2 * k + HI]!; f.time[1] = words[2 * k + LO]!;
      f.size = rows.size[k]!; f.status = rows.status[k]!; f.reason = REASONS[rows.reason[k]!] ?? ''; f.price = rows.price[k]!; f.units = rows.units[k]!;
      writeOrder(w, f);
      w.rowEnd();
    }
    return;
  }
  for (const o of rows) {
    f.id = o.id; f.bar = o.bar; f.symbol = o.symbol; f.side = o.side; f.type = o.type;
    wordsOfTime(o.time, f.time, 0);
    f.size = o.size; f.status = o.status; f.reason = o.reason === undefined || o.reason === null ? '' : String(o.reason); f.price = o.price; f.units = o.units;
    writeOrder(w, f);
    w.rowEnd();
  }
}

function writeStats(w: Wire, s: Stats): void {
  const start = w.open(0x1a);
  for (const f of STAT_FIELDS) {
    const v = s[f.name];
    if (v === undefined || v === null) continue;
    const k = key(f.id, f.type === 'double' ? 1 : 0);
    if (f.type === 'double') w.double(k, Number(v));
    else if (f.type === 'uint32') w.uint32k(k, Number(v));
    else w.sint64(k, BigInt.asIntN(64, v as bigint));
  }
  w.close(start);
}

/** A result to encode: its trades and orders as rows, or as the engine's columns (model TradeLog, OrderLog: read without an object per row). */
export type ResultToEncode = Omit<BacktestResult, 'trades' | 'orders'> & { trades: Iterable<Trade> | TradeLog; orders: Iterable<OrderRecord> | OrderLog };

/**
 * Result bytes: trades (field 1), equity (field 2, packed doubles), stats (field 3) and orders (field 4), in tag order —
 * the bytes protobufjs writes for the same values (pinned by the golden test and compared with it in test/audit).
 * Sized exactly first, then written into the one buffer returned: no object and no scratch copy per row.
 */
export function encodeResult(r: ResultToEncode): Uint8Array {
  return encodeResultHoldingEquity(r).bytes;
}

/**
 * encodeResult's bytes, and the equity as a Float64Array over those same bytes (on a little-endian
 * machine), so a caller keeps one copy of it, not two (80 MB at 10M bars): the bytes start where the
 * buffer's alignment puts the equity's payload on a multiple of 8. Elsewhere `equity` is r.equity.
 *
 * With `aroundEquity`, when r.equity starts a resizable ArrayBuffer that can grow to the result's
 * size (the engine's column, engine/growable), the bytes are made in that buffer: it is grown, the
 * equity moved up to its place (one memmove) and the rest written around it, so the equity is never
 * held twice, even for a moment. The caller gives the buffer up: r.equity is not read afterwards.
 */
export function encodeResultHoldingEquity(r: ResultToEncode, options: { aroundEquity?: boolean } = {}): { bytes: Uint8Array; equity: Float64Array } {
  const trade = new TradeFields();
  const order = new OrderFields();
  const size = new ProtoSizer();
  writeTrades(size, r.trades, trade);
  const tradesEnd = size.pos;
  writeStats(size, r.stats);
  writeOrders(size, r.orders, order);
  const n = r.equity.length;
  const head = n > 0 ? 1 + varint32Size(n * 8) : 0;
  const length = size.pos + head + n * 8;
  const base = (8 - ((tradesEnd + head) % 8)) % 8; // the equity's payload at an 8-byte boundary of the buffer
  const at = base + tradesEnd + head; // where the payload lies in the buffer
  const own = r.equity.buffer as ArrayBuffer & { resizable?: boolean; maxByteLength?: number; resize?(n: number): void };
  const inPlace = options.aroundEquity === true && LE && n > 0 && r.equity.byteOffset === 0 && own.resizable === true && base + length <= own.maxByteLength!;
  if (inPlace) {
    own.resize!(base + length);
    new Uint8Array(own).copyWithin(at, 0, n * 8);
  }
  const out = new Uint8Array(inPlace ? own : new ArrayBuffer(base + length), base, length);
  const w = new ChunkWriter(out);
  writeTrades(w, r.trades, trade);
  if (n > 0) {
    w.buf[w.pos++] = 0x12;
    w.varint32(n * 8);
    w.flush();
    if (w.at !== tradesEnd + head) throw new Error(`result.pb: the trades sized ${tradesEnd} bytes, written ${w.at - head}`);
    if (inPlace) {
      // moved into place above
    } else if (LE) out.set(new Uint8Array(r.equity.buffer, r.equity.byteOffset, n * 8), w.at);
    else {
      const view = new DataView(out.buffer, out.byteOffset, out.length);
      for (let i = 0; i < n; i++) view.setFloat64(w.at + i * 8, r.equity[i]!, true);
    }
    w.at += n * 8;
  }
  writeStats(w, r.stats);
  writeOrders(w, r.orders, order);
  w.flush();
  if (w.at !== out.length) throw new Error(`result.pb: sized ${out.length} bytes, wrote ${w.at}`);
  return { bytes: out, equity: LE && n > 0 ? new Float64Array(out.buffer, at, n) : r.equity };
}

const notCanonical = (what: string): never => {
  throw new TypeError(`Result: not in canonical encoding (${what})`);
};

/**
 * Reads protobuf wire values, insisting on the one encoding the writer gives: shortest varints in
 * their type's range, and (in the readers below) fields in tag order, each once, never at its default.
 */
class ProtoReader {
  buf: Uint8Array;
  end: number;
  view: DataView;
  pos = 0;
  /** The file offset of buf[0], which the errors' byte positions count from (a window of the file: ResultStreamCheck). */
  base = 0;
  constructor(buf: Uint8Array, end: number) {
    this.buf = buf;
    this.end = end;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  }
  /** A varint below 2^32, in its shortest form. */
  varint32(): number {
    const buf = this.buf;
    let v = 0;
    // scale is 128^k kept by multiplication: `2 ** shift` here was a Math.pow call per byte.
    for (let scale = 1, k = 0; k < 5; k++, scale *= 128) {
      if (this.pos >= this.end) throw new RangeError(`Result: truncated at byte ${this.base + this.pos}`);
      const b = buf[this.pos++]!;
      if (k === 4 && b > 15) notCanonical(`a 32-bit varint longer than 32 bits at byte ${this.base + this.pos - 1}`);
      v += (b & 127) * scale;
      if (b < 128) {
        if (b === 0 && k > 0) notCanonical(`a varint not in its shortest form at byte ${this.base + this.pos - 1}`);
        return v;
      }
    }
    return notCanonical(`a 32-bit varint longer than 32 bits at byte ${this.base + this.pos}`);
  }
  /** A varint below 2^64 in its shortest form, into v64 (its low and high 32 bits). */
  readonly v64 = new Int32Array(2);
  varint64(): void {
    const buf = this.buf;
    let lo = 0, hi = 0;
    for (let k = 0; k < 10; k++) {
      if (this.pos >= this.end) throw new RangeError(`Result: truncated at byte ${this.base + this.pos}`);
      const b = buf[this.pos++]!;
      if (k === 9 && b > 1) notCanonical(`a 64-bit varint longer than 64 bits at byte ${this.base + this.pos - 1}`);
      const bits = b & 127;
      if (k < 4) lo |= bits << (7 * k);
      else if (k === 4) {
        lo |= bits << 28;
        hi |= bits >>> 4;
      } else hi |= bits << (7 * k - 32);
      if (b < 128) {
        if (b === 0 && k > 0) notCanonical(`a varint not in its shortest form at byte ${this.base + this.pos - 1}`);
        this.v64[0] = lo;
        this.v64[1] = hi;
        return;
      }
    }
    notCanonical(`a varint longer than 10 bytes at byte ${this.base + this.pos}`);
  }
  /** A sint64's value (zigzag) as a BigInt; never 0 (a default is not written). */
  sint64(): bigint {
    this.sint64Words();
    return timeOfWords(this.words[0]!, this.words[1]!);
  }
  /**
   * A sint64's value (zigzag) as its two's-complement words into `words` (hi signed, then lo as int32:
   * model/bars timeWords' pair): no BigInt. (Typed arrays, as most such words are not small integers,
   * which object fields would box.)
   */
  readonly words = new Int32Array(2);
  sint64Words(): void {
    this.varint64();
    const lo = this.v64[0]!, hi = this.v64[1]!;
    if ((lo | hi) === 0) notCanonical(`a field at its default at byte ${this.base + this.pos - 1}`);
    const mask = -(lo & 1);
    this.words[1] = ((lo >>> 1) | (hi << 31)) ^ mask;
    this.words[0] = (hi >>> 1) ^ mask;
  }
  uint32(): number {
    const v = this.varint32();
    if (v === 0) notCanonical(`a field at its default at byte ${this.base + this.pos - 1}`);
    return v;
  }
  sint32(): number {
    const v = this.uint32();
    return ((v >>> 1) ^ -(v & 1)) | 0;
  }
  double(): number {
    if (this.pos + 8 > this.end) throw new RangeError(`Result: truncated at byte ${this.base + this.pos}`);
    const x = this.view.getFloat64(this.pos, true);
    if (x === 0 && 1 / x > 0) notCanonical(`a field at its default at byte ${this.base + this.pos}`);
    this.pos += 8;
    return x;
  }
  /** A length-delimited body: returns its end (the caller reads up to it). */
  body(): number {
    const len = this.varint32();
    const end = this.pos + len;
    if (end > this.end) throw new RangeError(`Result: a field of ${len} bytes at byte ${this.base + this.pos} runs past its end`);
    return end;
  }
  string(): string {
    const end = this.body();
    if (end === this.pos) notCanonical(`a field at its default at byte ${this.base + this.pos - 1}`);
    const buf = this.buf;
    let ascii = true;
    for (let k = this.pos; k < end && ascii; k++) ascii = buf[k]! < 0x80;
    let s: string;
    if (ascii) s = Buffer.from(buf.buffer, buf.byteOffset + this.pos, end - this.pos).toString('latin1');
    else {
      s = protobuf.util.utf8.read(buf, this.pos, end);
      const again = new Uint8Array(protobuf.util.utf8.length(s));
      protobuf.util.utf8.write(s, again, 0);
      if (Buffer.compare(again, buf.subarray(this.pos, end)) !== 0) notCanonical(`a string that does not read back as written at byte ${this.base + this.pos}`);
    }
    this.pos = end;
    return s;
  }
  /** The next key of a message ending at `end`, after field `last`: its field number, checked against the wire type it must have. */
  field(last: number, types: readonly number[], repeated = 0): number {
    const at = this.pos;
    const k = this.varint32();
    const id = k >>> 3;
    if (id < last || (id === last && id !== repeated)) notCanonical(`field ${id} after field ${last} at byte ${this.base + at}`);
    if (id >= types.length || types[id] !== (k & 7)) notCanonical(`field ${id} (wire type ${k & 7}) is not in the schema at byte ${this.base + at}`);
    return id;
  }
}

const VARINT = 0, FIXED64 = 1, DELIMITED = 2;
const TRADE_WIRE = [-1, VARINT, VARINT, VARINT, VARINT, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64, VARINT];
const ORDER_WIRE = [-1, VARINT, VARINT, VARINT, VARINT, VARINT, VARINT, FIXED64, VARINT, DELIMITED, FIXED64, FIXED64];
const RESULT_WIRE = [-1, DELIMITED, DELIMITED, DELIMITED, DELIMITED];
const STATS_WIRE: number[] = [-1];
for (const f of STAT_FIELDS) STATS_WIRE[f.id] = f.type === 'double' ? FIXED64 : VARINT;
for (let i = 0; i < STATS_WIRE.length; i++) STATS_WIRE[i] ??= -1;

/**
 * A trade of result.pb as its fields, times as int32 words (model/bars timeWords): one object read
 * into row after row (ResultRowCursor), so a row costs no allocation.
 */
export class TradeFields {
  symbol = 0; entryBar = 0; exitBar = 0;
  /** The entry and exit times' words: entry hi, entry lo, exit hi, exit lo. */
  readonly times = new Int32Array(4);
  size = 0; entryPrice = 0; exitPrice = 0; pnl = 0; returnPct = 0; commission = 0;
}

/** An order of result.pb as its fields (as TradeFields). */
export class OrderFields {
  id = 0; bar = 0; symbol = 0; side = 0; type = 0;
  /** The time's words: hi, lo. */
  readonly time = new Int32Array(2);
  size = 0; status = 0; reason = ''; price = 0; units = 0;
}

function readTradeFields(r: ProtoReader, end: number, f: TradeFields): void {
  const outer = r.end;
  r.end = end;
  f.symbol = 0; f.entryBar = 0; f.exitBar = 0; f.times.fill(0);
  f.size = 0; f.entryPrice = 0; f.exitPrice = 0; f.pnl = 0; f.returnPct = 0; f.commission = 0;
  for (let last = 0; r.pos < end; ) {
    switch ((last = r.field(last, TRADE_WIRE))) {
      case 1: f.entryBar = r.uint32(); break;
      case 2: f.exitBar = r.uint32(); break;
      case 3: r.sint64Words(); f.times[0] = r.words[0]!; f.times[1] = r.words[1]!; break;
      case 4: r.sint64Words(); f.times[2] = r.words[0]!; f.times[3] = r.words[1]!; break;
      case 5: f.size = r.double(); break;
      case 6: f.entryPrice = r.double(); break;
      case 7: f.exitPrice = r.double(); break;
      case 8: f.pnl = r.double(); break;
      case 9: f.returnPct = r.double(); break;
      case 10: f.commission = r.double(); break;
      default: f.symbol = r.uint32();
    }
  }
  r.end = outer;
}

function readOrderFields(r: ProtoReader, end: number, f: OrderFields): void {
  const outer = r.end;
  r.end = end;
  f.id = 0; f.bar = 0; f.time.fill(0); f.symbol = 0; f.side = 0; f.type = 0;
  f.size = 0; f.status = 0; f.reason = ''; f.price = 0; f.units = 0;
  for (let last = 0; r.pos < end; ) {
    switch ((last = r.field(last, ORDER_WIRE))) {
      case 1: f.id = r.uint32(); break;
      case 2: f.bar = r.sint32(); break;
      case 3: r.sint64Words(); f.time[0] = r.words[0]!; f.time[1] = r.words[1]!; break;
      case 4: f.symbol = r.sint32(); break;
      case 5: f.side = r.sint32(); break;
      case 6: f.type = r.uint32(); break;
      case 7: f.size = r.double(); break;
      case 8: f.status = r.uint32(); break;
      case 9: f.reason = r.string(); break;
      case 10: f.price = r.double(); break;
      default: f.units = r.double();
    }
  }
  r.end = outer;
}

/** A time's words as the BigInt they stand for. */
function timeOfWords(hi: number, lo: number): bigint {
  scratch32[LO] = lo;
  scratch32[HI] = hi;
  return scratch64[0]!;
}

const tradeScratch = new TradeFields();
const orderScratch = new OrderFields();

function readTrade(r: ProtoReader, end: number): Trade {
  const f = tradeScratch;
  readTradeFields(r, end, f);
  return {
    symbol: f.symbol, entryBar: f.entryBar, exitBar: f.exitBar, entryTime: timeOfWords(f.times[0]!, f.times[1]!), exitTime: timeOfWords(f.times[2]!, f.times[3]!),
    size: f.size, entryPrice: f.entryPrice, exitPrice: f.exitPrice, pnl: f.pnl, returnPct: f.returnPct, commission: f.commission,
  };
}

function readOrder(r: ProtoReader, end: number): OrderRecord {
  const f = orderScratch;
  readOrderFields(r, end, f);
  return {
    id: f.id, bar: f.bar, time: timeOfWords(f.time[0]!, f.time[1]!), symbol: f.symbol, side: f.side, type: f.type, size: f.size,
    status: f.status, reason: f.reason as OrderReason, price: f.price, units: f.units,
  };
}

function readStats(r: ProtoReader, end: number): Stats {
  const outer = r.end;
  r.end = end;
  const values: Record<string, number | bigint> = {};
  for (let last = 0; r.pos < end; ) {
    last = r.field(last, STATS_WIRE);
    const f = STAT_FIELDS.find((x) => x.id === last)!;
    values[f.name] = f.type === 'double' ? r.double() : f.type === 'uint32' ? r.uint32() : r.sint64();
  }
  r.end = outer;
  // start, end, then the rest in the schema's order (the order the objects always had)
  const stats: Record<string, number | bigint> = { start: values.start ?? 0n, end: values.end ?? 0n };
  for (const field of pb.Stats.fieldsArray) if (field.name !== 'start' && field.name !== 'end') stats[field.name] = values[field.name] ?? 0;
  return stats as unknown as Stats;
}

/**
 * The trades and the orders of result.pb, each read as it is iterated (every pass reads the bytes
 * again): how a large result's CSV files are written without every row held as an object at once.
 * For bytes known to be canonical (encodeResult's; decodeResult checks any other).
 */
export function resultRows(bytes: Uint8Array): { trades: Iterable<Trade>; orders: Iterable<OrderRecord> } {
  const rowsOf = <T>(field: number, read: (r: ProtoReader, end: number) => T): Iterable<T> => ({
    *[Symbol.iterator](): Generator<T> {
      const r = new ProtoReader(bytes, bytes.length);
      // every field of a Result is length-delimited: the rows are found by skipping the others whole
      while (r.pos < bytes.length) {
        const id = r.varint32() >>> 3;
        const end = r.body();
        if (id === field) yield read(r, end);
        else if (id > field) return;
        r.pos = end;
      }
    },
  });
  return { trades: rowsOf(1, readTrade), orders: rowsOf(4, readOrder) };
}

/**
 * The trades (field 1) or the orders (field 4) of canonical result.pb bytes, read one by one into a
 * TradeFields or OrderFields: the rows without an object, a BigInt or a generator step each.
 */
export class ResultRowCursor {
  private readonly r: ProtoReader;
  private readonly field: number;
  constructor(bytes: Uint8Array, field: 1 | 4) {
    this.r = new ProtoReader(bytes, bytes.length);
    this.field = field;
  }
  /** The next row's end in the bytes (its body at r.pos), or -1 after the last. */
  private next(): number {
    const r = this.r;
    // every field of a Result is length-delimited: the rows are found by skipping the others whole
    while (r.pos < r.buf.length) {
      const id = r.varint32() >>> 3;
      const end = r.body();
      if (id === this.field) return end;
      r.pos = end;
      if (id > this.field) break;
    }
    r.pos = r.buf.length;
    return -1;
  }
  nextTrade(f: TradeFields): boolean {
    const end = this.next();
    if (end < 0) return false;
    readTradeFields(this.r, end, f);
    this.r.pos = end;
    return true;
  }
  nextOrder(f: OrderFields): boolean {
    const end = this.next();
    if (end < 0) return false;
    readOrderFields(this.r, end, f);
    this.r.pos = end;
    return true;
  }
}

/**
 * Where a streamedResult's rows come from: its result.pb bytes, and the iterables it was made with
 * (a renderer given the result with those same iterables may read the bytes with ResultRowCursor).
 */
export const RESULT_BYTES = Symbol('result.pb');
export interface ResultBytes {
  bytes: Uint8Array;
  trades: Iterable<Trade>;
  orders: Iterable<OrderRecord>;
}

/**
 * A result over result.pb's bytes whose trades and orders are read as they are iterated (resultRows;
 * nothing but iteration works on them): what the streamed CSV writers take. It carries the bytes
 * (RESULT_BYTES), which the CSV writers read without an object per row.
 */
export function streamedResult(bytes: Uint8Array, equity: Float64Array | (() => Float64Array), stats: Stats): BacktestResult {
  const rows = resultRows(bytes);
  const result = { trades: rows.trades as Trade[], orders: rows.orders as OrderRecord[], stats } as BacktestResult;
  Object.defineProperty(result, RESULT_BYTES, { value: { bytes, trades: rows.trades, orders: rows.orders } satisfies ResultBytes });
  // the equity copied out of the bytes only when a rendering reads it (equity.csv)
  if (typeof equity === 'function') Object.defineProperty(result, 'equity', { get: equity, enumerable: true });
  else result.equity = equity;
  return result;
}

/** Decodes result.pb; throws on any encoding but the canonical one (the bytes encodeResult writes for the values read). */
export function decodeResult(bytes: Uint8Array): BacktestResult {
  const trades: Trade[] = [];
  const orders: OrderRecord[] = [];
  const { equityAt, equityPoints, stats } = readResult(bytes, (r, end) => trades.push(readTrade(r, end)), (r, end) => orders.push(readOrder(r, end)));
  return { trades, orders, equity: equityOf(bytes, equityAt, equityPoints), stats };
}

/**
 * Checks that result.pb is canonical, as decodeResult does, without keeping its rows: their counts,
 * the equity (copied out of the bytes when first asked for) and the stats; the rows are read again
 * when needed (resultRows). How verify reads a large result without holding every row as an object.
 * With `rows` false the rows are counted, not read: only for bytes whose rows were checked before
 * (verify's rendering cache remembers that, by the bytes' SHA-256).
 */
export function checkResult(bytes: Uint8Array, rows = true): { trades: number; orders: number; equityPoints: number; equity: () => Float64Array; stats: Stats } {
  let trades = 0, orders = 0;
  // every row read as verify's renderings read it (its checks are the same), into one object
  const { equityAt, equityPoints, stats } = rows ? readResult(bytes, (r, end) => {
    readTradeFields(r, end, tradeScratch);
    trades++;
  }, (r, end) => {
    readOrderFields(r, end, orderScratch);
    orders++;
  }) : readResult(bytes, () => void trades++, () => void orders++);
  let equity: Float64Array | null = null;
  return { trades, orders, equityPoints, equity: () => (equity ??= equityOf(bytes, equityAt, equityPoints)), stats };
}

/** The longest key and length of a field: two 32-bit varints. */
const FIELD_HEAD_MAX = 10;

/** What a ResultStreamCheck needs next: done, the bytes up to `need` (from `from` on), or the bytes before `skip` passed over. */
export type ResultStreamStep = { done: true } | { from: number; need: number } | { skip: number };

/**
 * result.pb checked as checkResult checks it (the same errors, at the same byte positions), given a
 * window of the file at a time: how verify checks a result too large to hold (the equity, 8 bytes a
 * bar, is one field, passed over; a row or the stats is read once its window holds it whole). Call
 * `read` with a window that starts at or before the offset the last step named; `counts` once done.
 */
export class ResultStreamCheck {
  private last = 0;
  private next = 0;
  private trades = 0;
  private orders = 0;
  private equityPoints = 0;
  private stats: Stats | null = null;
  private readonly size: number;
  private readonly rows: boolean;
  /** For a file of `size` bytes; `rows` false counts the rows without reading them (checkResult's `rows`). */
  constructor(size: number, rows: boolean) {
    this.size = size;
    this.rows = rows;
  }
  /** Reads on from where the last step stopped through window `bytes[0, have)`, which is the file from offset `base`. */
  read(bytes: Uint8Array, base: number, have: number): ResultStreamStep {
    const r = new ProtoReader(bytes, this.size - base);
    r.base = base;
    r.pos = this.next - base;
    if (r.pos < 0 || have > bytes.length) throw new RangeError('Result: a window that does not hold the next field');
    while (base + r.pos < this.size) {
      const at = r.pos;
      // (a key and a length the window cuts off are read from the next window: the file's end, though, is an error here)
      if (have - at < Math.min(FIELD_HEAD_MAX, this.size - base - at)) return { from: base + at, need: Math.min(base + at + FIELD_HEAD_MAX, this.size) };
      const id = r.field(this.last, RESULT_WIRE, this.last === 4 ? 4 : 1);
      const end = r.body();
      if (id === 2) {
        const len = end - r.pos;
        if (len === 0 || len % 8 !== 0) notCanonical(`an equity field of ${len} bytes`);
        this.equityPoints = len / 8;
        this.last = id;
        this.next = base + end;
        if (end > have) return { skip: base + end };
        r.pos = end;
        continue;
      }
      if (end > have) return { from: base + at, need: base + end };
      if (id === 1) {
        if (this.rows) readTradeFields(r, end, tradeScratch);
        this.trades++;
      } else if (id === 4) {
        if (this.rows) readOrderFields(r, end, orderScratch);
        this.orders++;
      } else this.stats = readStats(r, end);
      this.last = id;
      r.pos = end;
      this.next = base + end;
    }
    return { done: true };
  }
  /** What checkResult gives, but the equity: the rows' counts, the equity's and the stats. */
  counts(): { trades: number; orders: number; equityPoints: number; stats: Stats } {
    const stats = this.stats ?? readStats(new ProtoReader(new Uint8Array(0), 0), 0);
    return { trades: this.trades, orders: this.orders, equityPoints: this.equityPoints, stats };
  }
}

function equityOf(bytes: Uint8Array, at: number, n: number): Float64Array {
  const equity = new Float64Array(n);
  if (LE) new Uint8Array(equity.buffer).set(bytes.subarray(at, at + 8 * n));
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8 * n);
    for (let i = 0; i < n; i++) equity[i] = view.getFloat64(8 * i, true);
  }
  return equity;
}

/** Reads result.pb, checking it is canonical; each row is read by onTrade or onOrder (its body ends at `end`). */
function readResult(bytes: Uint8Array, onTrade: (r: ProtoReader, end: number) => void, onOrder: (r: ProtoReader, end: number) => void): { equityAt: number; equityPoints: number; stats: Stats } {
  const r = new ProtoReader(bytes, bytes.length);
  let equityAt = 0, equityPoints = 0;
  let stats: Stats | null = null;
  for (let last = 0; r.pos < bytes.length; ) {
    last = r.field(last, RESULT_WIRE, last === 4 ? 4 : 1);
    const end = r.body();
    if (last === 1) onTrade(r, end);
    else if (last === 4) onOrder(r, end);
    else if (last === 3) stats = readStats(r, end);
    else {
      const len = end - r.pos;
      if (len === 0 || len % 8 !== 0) notCanonical(`an equity field of ${len} bytes`);
      equityAt = r.pos;
      equityPoints = len / 8;
    }
    r.pos = end;
  }
  return { equityAt, equityPoints, stats: stats ?? readStats(r, r.pos) };
}
