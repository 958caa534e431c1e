// Walk-forward's windows without running anything: durations (calendar months clamped to the month's
// end, days of 86 400 s, in UTC integers), rolling and anchored windows cut from the first and last
// bar times, the bar-count rule, and the stitched equity's chaining — each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration, stitchEquity, windowsOf, type WindowResult } from '../../host/walk-forward/index.ts';
import { checkWindowBars } from '../../host/walk-forward/windows.ts';

const ns = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;
const iso = (t: bigint): string => new Date(Number(t / 1_000_000n)).toISOString().replace('.000Z', 'Z');

describe('durations', () => {
  it('parses y, m, w and d; anything else is a usage error naming the option', () => {
    expect(parseDuration('2y', '--train')).toEqual({ text: '2y', count: 24, unit: 'month' });
    expect(parseDuration('6m', '--test')).toEqual({ text: '6m', count: 6, unit: 'month' });
    expect(parseDuration('2w', '--step')).toEqual({ text: '2w', count: 14, unit: 'day' });
    expect(parseDuration('30d', '--step')).toEqual({ text: '30d', count: 30, unit: 'day' });
    for (const bad of ['', '0y', '2', 'y', '1.5y', '2Y', '2 y', '-1m', '10000d', '2h'])
      expect(() => parseDuration(bad, '--train'), bad).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining(`--train "${bad}"`) }));
  });

  it('adds calendar months keeping the day (clamped to the month\'s end) and the time of day; days are 86 400 s', () => {
    const m = (n: number) => ({ text: `${n}m`, count: n, unit: 'month' as const });
    expect(iso(addDuration(ns('2004-08-19T00:00:00Z'), m(24)))).toBe('2006-08-19T00:00:00Z');
    expect(iso(addDuration(ns('2008-01-31T15:30:00Z'), m(1)))).toBe('2008-02-29T15:30:00Z');
    expect(iso(addDuration(ns('2009-01-31T00:00:00Z'), m(1)))).toBe('2009-02-28T00:00:00Z');
    expect(iso(addDuration(ns('2008-02-29T00:00:00Z'), m(12)))).toBe('2009-02-28T00:00:00Z');
    expect(iso(addDuration(ns('2008-01-31T00:00:00Z'), m(1), 3))).toBe('2008-04-30T00:00:00Z'); // k·step from the start, not step by step
    expect(iso(addDuration(ns('2012-11-15T00:00:00Z'), m(3)))).toBe('2013-02-15T00:00:00Z');
    expect(iso(addDuration(ns('1969-12-31T23:00:00Z'), m(2)))).toBe('1970-02-28T23:00:00Z'); // before the epoch
    expect(iso(addDuration(ns('2004-08-19T00:00:00Z'), { text: '2w', count: 14, unit: 'day' }, 2))).toBe('2004-09-16T00:00:00Z');
    expect(addDuration(123n, { text: '1d', count: 1, unit: 'day' })).toBe(123n + 86_400_000_000_000n);
  });
});

describe('windows', () => {
  const first = ns('2004-08-19T00:00:00Z'), last = ns('2013-03-01T00:00:00Z');
  const rule = (train: string, test: string, anchored = false, step = test) => ({ train: parseDuration(train, '--train'), test: parseDuration(test, '--test'), step: parseDuration(step, '--step'), anchored });
  const show = (ws: ReturnType<typeof windowsOf>) => ws.map((w) => `${iso(w.train.from)} ${iso(w.train.to)} | ${iso(w.test.from)} ${w.test.to === last + 1n ? 'END' : iso(w.test.to)}`);

  it('rolling: the train range slides by the step; the last test range ends one ns after the last bar', () => {
    expect(show(windowsOf(first, last, rule('3y', '2y')))).toEqual([
      '2004-08-19T00:00:00Z 2007-08-19T00:00:00Z | 2007-08-19T00:00:00Z 2009-08-19T00:00:00Z',
      '2006-08-19T00:00:00Z 2009-08-19T00:00:00Z | 2009-08-19T00:00:00Z 2011-08-19T00:00:00Z',
      '2008-08-19T00:00:00Z 2011-08-19T00:00:00Z | 2011-08-19T00:00:00Z END',
    ]);
    expect(show(windowsOf(first, last, rule('6y', '1y', false, '18m')))).toEqual([
      '2004-08-19T00:00:00Z 2010-08-19T00:00:00Z | 2010-08-19T00:00:00Z 2011-08-19T00:00:00Z',
      '2006-02-19T00:00:00Z 2012-02-19T00:00:00Z | 2012-02-19T00:00:00Z 2013-02-19T00:00:00Z',
    ]);
  });

  it('anchored: every train range starts at the first bar and grows by the step', () => {
    expect(show(windowsOf(first, last, rule('3y', '2y', true)))).toEqual([
      '2004-08-19T00:00:00Z 2007-08-19T00:00:00Z | 2007-08-19T00:00:00Z 2009-08-19T00:00:00Z',
      '2004-08-19T00:00:00Z 2009-08-19T00:00:00Z | 2009-08-19T00:00:00Z 2011-08-19T00:00:00Z',
      '2004-08-19T00:00:00Z 2011-08-19T00:00:00Z | 2011-08-19T00:00:00Z END',
    ]);
  });

  it('a step shorter than the test (overlapping test ranges) is a usage error; a longer one leaves gaps', () => {
    expect(() => windowsOf(first, last, rule('2y', '1y', false, '6m'))).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining("--step 6m is shorter than --test 1y: window 1's test range would start at 2007-02-19T00:00:00Z") }));
    expect(() => windowsOf(first, last, rule('2y', '30d', false, '4w'))).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(show(windowsOf(first, last, rule('5y', '6m', false, '2y')))).toEqual([
      '2004-08-19T00:00:00Z 2009-08-19T00:00:00Z | 2009-08-19T00:00:00Z 2010-02-19T00:00:00Z',
      '2006-08-19T00:00:00Z 2011-08-19T00:00:00Z | 2011-08-19T00:00:00Z 2012-02-19T00:00:00Z',
    ]);
  });

  it('no window (the train range reaches past the last bar) is a usage error', () => {
    expect(() => windowsOf(first, last, rule('9y', '1m'))).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--train 9y leaves no out-of-sample bar') }));
  });

  it('a range with fewer bars than --min-bars is a usage error naming the window and its count', () => {
    const times = BigInt64Array.from([0n, 10n, 20n, 30n, 40n]);
    const ws = [{ index: 0, train: { from: 0n, to: 20n }, test: { from: 20n, to: 40n } }, { index: 1, train: { from: 10n, to: 30n }, test: { from: 30n, to: 41n } }];
    expect(checkWindowBars(ws, times, 2)).toEqual([{ train: 2, test: 2 }, { train: 2, test: 2 }]);
    expect(() => checkWindowBars(ws, times, 3)).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(/^window 0's train range .* holds 2 bars; each range needs at least 3/) }));
  });
});

describe('stitched equity', () => {
  it('chains each window from where the one before ended: value × (previous end ÷ cash)', () => {
    const w = (equity: number[]) => ({ equity: Float64Array.from(equity) }) as unknown as WindowResult;
    const s = stitchEquity(1000, [w([1000, 1100, 1210]), w([1000, 900]), w([1000, 1500])]);
    expect(s.map((a) => [...a])).toEqual([[1000, 1100, 1210], [1210, 1089], [1089, 1633.5]]);
  });
});
