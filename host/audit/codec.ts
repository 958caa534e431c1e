/**
 * @module audit/codec
 * Protobuf encoding of results and records (backproof.proto) through protobufjs reflection.
 * Canonical bytes: fields in tag order, no maps, 64-bit integers from exact decimal strings
 * (never through a float), and every decode is re-encoded and compared so that a file with a
 * second, non-canonical encoding of the same values is rejected.
 */
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import Long from 'long';
import type { BacktestResult, Stats, Trade } from '../model/trade.ts';
import type { OrderReason, OrderRecord } from '../model/order.ts';
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

function tradeMessage(t: Trade): Record<string, unknown> {
  return {
    entryBar: t.entryBar, exitBar: t.exitBar, entryTime: int64(t.entryTime), exitTime: int64(t.exitTime),
    size: t.size, entryPrice: t.entryPrice, exitPrice: t.exitPrice, pnl: t.pnl, returnPct: t.returnPct, commission: t.commission,
    symbol: t.symbol,
  };
}

function orderMessage(o: OrderRecord): Record<string, unknown> {
  return {
    id: o.id, bar: o.bar, time: int64(o.time), symbol: o.symbol, side: o.side, type: o.type, size: o.size,
    status: o.status, reason: o.reason, price: o.price, units: o.units,
  };
}

function statsMessage(s: Stats): Record<string, unknown> {
  return { ...s, start: int64(s.start), end: int64(s.end) };
}

/**
 * Result bytes: trades (field 1), equity (field 2, packed doubles), stats (field 3) and orders (field 4), in tag order.
 * The equity curve is written straight from its Float64Array — the same bytes protobufjs writes for
 * a packed repeated double (pinned by the golden test), without a JS array of every point.
 */
export function encodeResult(r: BacktestResult): Uint8Array {
  const trades = pb.Result.encode(pb.Result.fromObject({ trades: r.trades.map(tradeMessage) })).finish();
  const stats = pb.Result.encode(pb.Result.fromObject({ stats: statsMessage(r.stats) })).finish();
  const orders = pb.Result.encode(pb.Result.fromObject({ orders: r.orders.map(orderMessage) })).finish();
  const n = r.equity.length;
  const head = protobuf.Writer.create().uint32((2 << 3) | 2).uint32(n * 8).finish();
  const out = new Uint8Array(trades.length + (n > 0 ? head.length + n * 8 : 0) + stats.length + orders.length);
  out.set(trades, 0);
  let at = trades.length;
  if (n > 0) {
    out.set(head, at);
    at += head.length;
    const view = new DataView(out.buffer, out.byteOffset + at, n * 8);
    for (let i = 0; i < n; i++) view.setFloat64(i * 8, r.equity[i]!, true);
    at += n * 8;
  }
  out.set(stats, at);
  out.set(orders, at + stats.length);
  return out;
}

export function decodeResult(bytes: Uint8Array): BacktestResult {
  const m = decodeCanonical(pb.Result, bytes) as unknown as {
    trades: Record<string, unknown>[];
    equity: number[];
    stats: Record<string, unknown> | null;
    orders: Record<string, unknown>[];
  };
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const trades: Trade[] = m.trades.map((t) => ({
    symbol: num(t.symbol), entryBar: num(t.entryBar), exitBar: num(t.exitBar), entryTime: toBigInt(t.entryTime), exitTime: toBigInt(t.exitTime),
    size: num(t.size), entryPrice: num(t.entryPrice), exitPrice: num(t.exitPrice), pnl: num(t.pnl),
    returnPct: num(t.returnPct), commission: num(t.commission),
  }));
  const s = m.stats ?? {};
  const stats = { start: toBigInt(s.start), end: toBigInt(s.end) } as Record<string, unknown>;
  for (const field of pb.Stats.fieldsArray) if (field.name !== 'start' && field.name !== 'end') stats[field.name] = num(s[field.name]);
  const orders: OrderRecord[] = m.orders.map((o) => ({
    id: num(o.id), bar: num(o.bar), time: toBigInt(o.time), symbol: num(o.symbol), side: num(o.side), type: num(o.type), size: num(o.size),
    status: num(o.status), reason: (typeof o.reason === 'string' ? o.reason : '') as OrderReason, price: num(o.price), units: num(o.units),
  }));
  return { trades, orders, equity: Float64Array.from(m.equity), stats: stats as unknown as Stats };
}
