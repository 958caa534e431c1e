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

  // The outside tester's case (D7): month-end starts and step == test. Window k's train end was
  // (first + k·step) + train, two clamped additions (Feb 29 + 1m = Mar 29), while window k+1 started
  // one addition from first (Mar 31): bars from 2004-04-29 fell in no test range.
  it('with step == test, month-end starts leave no bar outside the test ranges: each is in exactly one', () => {
    const daily = (from: string, to: string) => { const t: bigint[] = []; for (let x = ns(from); x <= ns(to); x += 86_400_000_000_000n) t.push(x); return t; };
    const times = daily('2004-01-31T00:00:00Z', '2005-05-31T00:00:00Z');
    const show2 = (ws: ReturnType<typeof windowsOf>) => ws.map((w) => `${iso(w.train.from).slice(0, 10)} ${iso(w.train.to).slice(0, 10)} | ${iso(w.test.from).slice(0, 10)} ${iso(w.test.to).slice(0, 10)}`);
    for (const anchored of [false, true]) {
      const ws = windowsOf(times[0]!, times.at(-1)!, rule('1m', '1m', anchored));
      expect(ws.length).toBe(16);
      expect(show2(ws).slice(0, 4)).toEqual([
        `2004-01-31 2004-02-29 | 2004-02-29 2004-03-31`,
        `${anchored ? '2004-01-31' : '2004-02-29'} 2004-03-31 | 2004-03-31 2004-04-30`,
        `${anchored ? '2004-01-31' : '2004-03-31'} 2004-04-30 | 2004-04-30 2004-05-31`,
        `${anchored ? '2004-01-31' : '2004-04-30'} 2004-05-31 | 2004-05-31 2004-06-30`,
      ]);
      expect(show2(ws).slice(-2)).toEqual([
        `${anchored ? '2004-01-31' : '2005-03-31'} 2005-04-30 | 2005-04-30 2005-05-31`,
        `${anchored ? '2004-01-31' : '2005-04-30'} 2005-05-31 | 2005-05-31 2005-05-31`, // the train range ends on the last bar
      ]);
      expect(ws.at(-1)!.test.to).toBe(times.at(-1)! + 1n);
      // that last test range holds the last bar alone: refused at the default --min-bars 2 (the next test), run with 1
      expect(checkWindowBars(ws, BigInt64Array.from(times), 1).map((c) => c.test)).toEqual([31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31, 30, 31, 1]);
      for (const t of times)
        expect(ws.filter((w) => t >= w.test.from && t < w.test.to).length, iso(t)).toBe(t < ws[0]!.train.to ? 0 : 1);
    }
    // units that differ (a train in months, a step and test in days): test k still ends where test k+1 starts
    const ws = windowsOf(times[0]!, times.at(-1)!, rule('1m', '2w'));
    for (let k = 1; k < ws.length; k++) expect(ws[k - 1]!.test.to).toBe(ws[k]!.test.from);
    expect(show2(ws).slice(0, 2)).toEqual(['2004-01-31 2004-02-29 | 2004-02-29 2004-03-14', '2004-02-14 2004-03-14 | 2004-03-14 2004-03-28']);
  });

  it('no window (the train range reaches past the last bar) is a usage error', () => {
    expect(() => windowsOf(first, last, rule('9y', '1m'))).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--train 9y leaves no out-of-sample bar') }));
  });

  it('a range with fewer bars than --min-bars is a usage error naming the window and its count', () => {
    const times = BigInt64Array.from([0n, 10n, 20n, 30n, 40n]);
    const ws = [{ index: 0, train: { from: 0n, to: 20n }, test: { from: 20n, to: 40n } }, { index: 1, train: { from: 10n, to: 30n }, test: { from: 30n, to: 41n } }];
    expect(checkWindowBars(ws, times, 2)).toEqual([{ train: 2, test: 2 }, { train: 2, test: 2 }]);
    expect(() => checkWindowBars(ws, times, 3)).toThrow(expect.objectContaining({ code: 'USAGE', message: "window 0's train range 1970-01-01T00:00:00Z..1970-01-01T00:00:00.000000020Z holds 2 bars; each range needs at least 3 (--min-bars): a longer --train or a lower --min-bars" }));
  });

  it('a 1-bar last test range (the train range ends on the last bar) says what to change', () => {
    const times: bigint[] = [];
    for (let x = ns('2004-01-31T00:00:00Z'); x <= ns('2005-04-30T00:00:00Z'); x += 86_400_000_000_000n) times.push(x);
    const ws = windowsOf(times[0]!, times.at(-1)!, rule('1m', '1m'));
    expect(() => checkWindowBars(ws, BigInt64Array.from(times), 2)).toThrow(expect.objectContaining({
      code: 'USAGE',
      message: "window 14's test range 2005-04-30T00:00:00Z..2005-04-30T00:00:00.000000001Z holds 1 bar; each range needs at least 2 (--min-bars): it is the last test range, cut at the data's last bar: a shorter --test (or another --train or --step) moves where the windows end, or lower --min-bars",
    }));
    expect(checkWindowBars(ws, BigInt64Array.from(times), 1).at(-1)).toEqual({ train: 30, test: 1 });
  });
});

describe('stitched equity', () => {
  it('chains each window from where the one before ended: value × (previous end ÷ cash)', () => {
    const w = (equity: number[]) => ({ equity: Float64Array.from(equity) }) as unknown as WindowResult;
    const s = stitchEquity(1000, [w([1000, 1100, 1210]), w([1000, 900]), w([1000, 1500])]);
    expect(s.map((a) => [...a])).toEqual([[1000, 1100, 1210], [1210, 1089], [1089, 1633.5]]);
  });
});
