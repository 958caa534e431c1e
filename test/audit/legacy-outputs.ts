// The outputs' reference implementations as they were before issue 11 (protobufjs objects per row,
// whole-file strings, Date-based isoTime): the fast writers and readers are compared with them byte for byte.
import protobuf from 'protobufjs';
import { decodeCanonical, int64, pb, toBigInt } from '../../host/audit/codec.ts';
import type { BacktestResult, Stats, Trade } from '../../host/model/trade.ts';
import { SIDE_NAMES, STATUS_NAMES, TYPE_NAMES, type OrderReason, type OrderRecord } from '../../host/model/order.ts';

export function legacyIsoTime(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const iso = new Date(ms).toISOString();
  const frac = ns % 1_000_000_000n;
  return frac === 0n ? iso.replace('.000Z', 'Z') : iso.slice(0, 19) + '.' + frac.toString().padStart(9, '0') + 'Z';
}

export function legacyTradesCsv(r: BacktestResult): string {
  const rows = ['Symbol,EntryBar,ExitBar,EntryTime,ExitTime,Size,EntryPrice,ExitPrice,PnL,ReturnPct,Commission'];
  for (const t of r.trades)
    rows.push([t.symbol, t.entryBar, t.exitBar, legacyIsoTime(t.entryTime), legacyIsoTime(t.exitTime), t.size, t.entryPrice, t.exitPrice, t.pnl, t.returnPct, t.commission].join(','));
  return rows.join('\n') + '\n';
}

export function legacyEquityCsv(r: BacktestResult, time: BigInt64Array | null): string {
  const rows = ['Bar,Time,Equity'];
  for (let i = 0; i < r.equity.length; i++) rows.push(`${i},${time ? legacyIsoTime(time[i]!) : ''},${r.equity[i]}`);
  return rows.join('\n') + '\n';
}

const STATUS_FILLED = STATUS_NAMES.indexOf('filled');
export function legacyOrdersCsv(r: BacktestResult): string {
  const rows = ['Id,Time,Symbol,Side,Type,Size,Status,Reason,Price,Units'];
  for (const o of r.orders) {
    const filled = o.status === STATUS_FILLED;
    rows.push([
      o.id, o.bar < 0 && o.time === 0n ? '' : legacyIsoTime(o.time), o.symbol, SIDE_NAMES[o.side] ?? 'invalid', TYPE_NAMES[o.type] ?? `invalid(${o.type})`,
      o.size, STATUS_NAMES[o.status] ?? String(o.status), o.reason, filled ? o.price : '', filled ? o.units : '',
    ].join(','));
  }
  return rows.join('\n') + '\n';
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

export function legacyEncodeResult(r: BacktestResult): Uint8Array {
  const trades = pb.Result.encode(pb.Result.fromObject({ trades: r.trades.map(tradeMessage) })).finish();
  const stats = pb.Result.encode(pb.Result.fromObject({ stats: { ...r.stats, start: int64(r.stats.start), end: int64(r.stats.end) } })).finish();
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

export function legacyDecodeResult(bytes: Uint8Array): BacktestResult {
  const m = decodeCanonical(pb.Result, bytes) as unknown as { trades: Record<string, unknown>[]; equity: number[]; stats: Record<string, unknown> | null; orders: Record<string, unknown>[] };
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const trades: Trade[] = m.trades.map((t) => ({
    symbol: num(t.symbol), entryBar: num(t.entryBar), exitBar: num(t.exitBar), entryTime: toBigInt(t.entryTime), exitTime: toBigInt(t.exitTime),
    size: num(t.size), entryPrice: num(t.entryPrice), exitPrice: num(t.exitPrice), pnl: num(t.pnl), returnPct: num(t.returnPct), commission: num(t.commission),
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

/** Stats with every field 0 (start and end 0n), then `over`. */
export function statsOf(over: Partial<Stats> = {}): Stats {
  const s: Record<string, unknown> = { start: 0n, end: 0n };
  for (const f of pb.Stats.fieldsArray) if (f.name !== 'start' && f.name !== 'end') s[f.name] = 0;
  return { ...(s as unknown as Stats), ...over };
}
