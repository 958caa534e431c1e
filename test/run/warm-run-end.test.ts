// warmRunEnd: what a prepared guest thread does ahead of a run's end (the record's codecs, result.pb's encoder and the
// report's tally over made-up rows). It stops at its next step once told a call has come, and leaves nothing behind
// that a later encode or tally could see.
import { describe, expect, it } from 'vitest';
import { warmRunEnd } from '../../host/run/worker.ts';
import { encodeResult } from '../../host/audit/codec.ts';
import { RowTally } from '../../host/report/render.ts';
import { streamedRows } from '../../host/report/read.ts';
import { TradeLog } from '../../host/model/trade.ts';
import { OrderLog } from '../../host/model/order.ts';
import { legacyEncodeResult, statsOf } from '../audit/legacy-outputs.ts';

describe('warmRunEnd', () => {
  it('asks whether to stop before each of its passes, and stops when told', async () => {
    let asked = 0;
    await warmRunEnd(() => ++asked >= 2);
    expect(asked).toBe(2);
    asked = 0;
    await warmRunEnd(() => (asked++, false));
    expect(asked).toBe(3);
  });

  it('leaves the encoder and the tally as they were: the same bytes and tally after it', async () => {
    const trades = TradeLog.from([{ symbol: 0, entryBar: 1, exitBar: 2, entryTime: 5n, exitTime: -7n, size: -1, entryPrice: 2.5, exitPrice: 3, pnl: -0.5, returnPct: -0.2, commission: 0.01 }]);
    const orders = new OrderLog(1);
    const k = orders.add();
    orders.bar[k] = 1; orders.time[k] = 5n; orders.side[k] = -1; orders.size[k] = 1; orders.status[k] = 3; orders.reason[k] = 2;
    const stats = statsOf({ trades: 1 });
    const rows = { trades: trades.toArray(), orders: orders.toArray(), equity: new Float64Array([1, 2]), stats };
    const candles = [{ time: [0], open: [1], high: [1], low: [1], close: [1], startNs: [0n], bars: 3 }];
    const before = RowTally.ofColumns(candles, trades, orders).portable();
    await warmRunEnd();
    const bytes = encodeResult({ ...rows, trades, orders });
    expect(Buffer.compare(bytes, legacyEncodeResult(rows))).toBe(0);
    expect(RowTally.ofColumns(candles, trades, orders).portable()).toEqual(before);
    expect(RowTally.of(candles, streamedRows(bytes)).rejections()).toEqual([['invalid-size', 1]]);
  });
});
