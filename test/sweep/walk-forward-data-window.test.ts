// A data window (host/data/window.ts), as walk-forward's runs read the data: exactly the bars with
// from ≤ time < to, the same whether the file is loaded whole or streamed in chunks (a window cutting
// through chunks, a source left unread past the window's end), while the file's hash and size stay the
// whole file's; a window that is not from < to is a usage error.
import { describe, expect, it } from 'vitest';
import { openData, sourceOfFeed, type DataFeed } from '../../host/data/load.ts';
import { checkDataOptions } from '../../host/data/options.ts';
import { barsInWindow, sourceInWindow } from '../../host/data/window.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';

const bars = (times: number[]): Bars => ({
  length: times.length, time: BigInt64Array.from(times.map(BigInt)), open: Float64Array.from(times), high: Float64Array.from(times),
  low: Float64Array.from(times), close: Float64Array.from(times), volume: Float64Array.from(times),
});
const closes = (source: BarSource): number[] => {
  const out: number[] = [];
  for (let c = source.next(); c; c = source.next()) out.push(...c.close);
  return out;
};
const ns = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

describe('a data window', () => {
  it('keeps from ≤ time < to, equal times at either edge included or not together', () => {
    const b = bars([1, 2, 2, 3, 5, 5, 8]);
    expect([...barsInWindow(b, { from: 2n, to: 5n }).close]).toEqual([2, 2, 3]);
    expect([...barsInWindow(b, { from: 3n, to: 6n }).time]).toEqual([3n, 5n, 5n]);
    expect(barsInWindow(b, { from: 9n, to: 20n }).length).toBe(0);
    expect(barsInWindow(b, { from: 0n, to: 100n })).toBe(b); // the whole: the same object
  });

  it('over a chunked source: chunks cut at both ends, empty ones skipped, nothing read past the end', () => {
    const chunks = [bars([1, 2]), bars([3, 4, 5]), bars([6]), bars([7, 8, 9]), bars([10, 11])];
    let read = 0;
    const source: BarSource = { next: () => (read < chunks.length ? chunks[read++]! : null) };
    expect(closes(sourceInWindow(source, { from: 4n, to: 8n }))).toEqual([4, 5, 6, 7]);
    expect(read).toBe(4); // the chunk holding 8 ends the window: the fifth is never read
    let again = 0;
    expect(closes(sourceInWindow({ next: () => (again < chunks.length ? chunks[again++]! : null) }, { from: 20n, to: 30n }))).toEqual([]);
  });

  it('reads the same bars from GOOG loaded whole and streamed; the hash and size are the whole file\'s', async () => {
    const window = { from: ns('2008-01-01T00:00:00Z'), to: ns('2008-02-01T00:00:00Z') };
    const whole = await openData('data/GOOG.csv');
    const loaded = await openData('data/GOOG.csv', { window });
    const streamed: DataFeed = await openData('data/GOOG.csv', { window }, 0);
    expect('bars' in loaded && !('bars' in streamed)).toBe(true);
    const got = closes(sourceOfFeed(loaded));
    expect(got).toEqual(closes(sourceOfFeed(streamed)));
    expect(got).toHaveLength(21); // the trading days of January 2008
    expect(got[0]).toBe(685.19);
    expect([loaded.sha256, loaded.byteLength, streamed.sha256, streamed.byteLength]).toEqual([whole.sha256, whole.byteLength, whole.sha256, whole.byteLength]);
  });

  it('must have from < to', () => {
    for (const window of [{ from: 5n, to: 5n }, { from: 6n, to: 5n }])
      expect(() => checkDataOptions({ window })).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('from < to') }));
    expect(() => checkDataOptions({ window: { from: 5n, to: 6n } })).not.toThrow();
  });
});
