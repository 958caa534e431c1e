import { describe, expect, it } from 'vitest';
import { encodeResult, encodeResultHoldingEquity } from '../../host/audit/codec.ts';
import type { BacktestResult, Trade } from '../../host/model/trade.ts';
import { legacyEncodeResult, statsOf } from './legacy-outputs.ts';
import { reservedBuffer } from '../../host/engine/growable.ts';

/** A trade whose encoded length varies with `k` (varints of growing size), so the equity's offset takes every residue mod 8. */
const trade = (k: number): Trade => ({
  symbol: k % 3, entryBar: k * 37, exitBar: k * 1001, entryTime: BigInt(k) * 86_400_000_000_000n, exitTime: BigInt(k) ** 5n,
  size: k - 2, entryPrice: 100 + k, exitPrice: 101.5, pnl: -k, returnPct: k / 7, commission: k === 0 ? 0 : 0.25,
});

describe('result.pb holding the equity once', () => {
  it('the same bytes as protobufjs writes, and the equity a Float64Array over those bytes at an 8-byte boundary, for every alignment', () => {
    const residues = new Set<number>();
    for (let trades = 0; trades < 24; trades++) {
      const r: BacktestResult = {
        trades: Array.from({ length: trades }, (_, k) => trade(k)),
        orders: [],
        equity: Float64Array.from({ length: 5 + trades }, (_, i) => 1e6 + i * 0.1 - trades),
        stats: statsOf({ trades, equityFinal: 3.5 }),
      };
      const { bytes, equity } = encodeResultHoldingEquity(r);
      expect(Buffer.compare(bytes, legacyEncodeResult(r))).toBe(0);
      expect(Buffer.compare(bytes, encodeResult(r))).toBe(0);
      expect(equity.buffer).toBe(bytes.buffer);
      expect(equity.byteOffset % 8).toBe(0);
      expect([...equity]).toEqual([...r.equity]);
      // the equity's payload is where result.pb has it: after the trades and the field's key and length
      const at = equity.byteOffset - bytes.byteOffset;
      expect(Buffer.from(bytes.subarray(at, at + 8 * equity.length)).equals(Buffer.from(r.equity.buffer))).toBe(true);
      residues.add(at % 8);
    }
    expect(residues.size).toBe(8);
  });

  it('no equity: the bytes alone, the (empty) equity given', () => {
    const r: BacktestResult = { trades: [trade(1)], orders: [], equity: new Float64Array(0), stats: statsOf() };
    const { bytes, equity } = encodeResultHoldingEquity(r);
    expect(Buffer.compare(bytes, legacyEncodeResult(r))).toBe(0);
    expect(equity).toBe(r.equity);
  });

  it('made around the equity in its own growable buffer (the engine\'s column): the same bytes, for every alignment and room, the equity moved, never copied', () => {
    const residues = new Set<number>();
    for (let trades = 0; trades < 24; trades++) {
      for (const room of [0, 3, 4096]) {
        const points = 5 + trades;
        const memory = reservedBuffer(8 * (points + room));
        const equity = new Float64Array(memory, 0, points);
        for (let i = 0; i < points; i++) equity[i] = 1e6 + i * 0.1 - trades;
        const expected = [...equity];
        const r: BacktestResult = { trades: Array.from({ length: trades }, (_, k) => trade(k)), orders: [], equity, stats: statsOf({ trades, equityFinal: 3.5 }) };
        const plain = encodeResult({ ...r, equity: Float64Array.from(expected) });
        const made = encodeResultHoldingEquity(r, { aroundEquity: true });
        expect(Buffer.compare(made.bytes, plain)).toBe(0);
        expect(made.bytes.buffer).toBe(memory); // grown in place: no second buffer
        expect(made.equity.buffer).toBe(memory);
        expect([...made.equity]).toEqual(expected);
        residues.add((made.equity.byteOffset - made.bytes.byteOffset) % 8);
      }
    }
    expect(residues.size).toBe(8);
  });

  it('around an equity it cannot grow (a plain buffer, a view not at its start): a new buffer, the equity left as it was', () => {
    const values = Float64Array.from({ length: 9 }, (_, i) => 1e6 + i);
    for (const equity of [values.slice(), new Float64Array(reservedBuffer(8 * 12), 8, 9)]) {
      equity.set(values);
      const r: BacktestResult = { trades: [trade(3)], orders: [], equity, stats: statsOf() };
      const made = encodeResultHoldingEquity(r, { aroundEquity: true });
      expect(Buffer.compare(made.bytes, encodeResult({ ...r, equity: values }))).toBe(0);
      expect(made.bytes.buffer).not.toBe(equity.buffer);
      expect([...equity]).toEqual([...values]);
    }
  });
});
