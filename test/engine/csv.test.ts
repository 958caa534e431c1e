import { describe, expect, it } from 'vitest';
import { loadData } from '../../host/data/load.ts';
import { parseCsv } from '../../host/data/csv.ts';
import { DataError } from '../../host/errors.ts';

const DATA = 'test/data';

function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

describe('CSV loading', () => {
  it('reads backtesting.py files (unnamed date column) exactly', async () => {
    const d = await loadData('data/GOOG.csv');
    expect(d.bars.length).toBe(2148);
    expect(d.bars.time[0]).toBe(1092873600000000000n); // 2004-08-19T00:00:00Z
    expect([d.bars.open[0], d.bars.high[0], d.bars.low[0], d.bars.close[0], d.bars.volume[0]]).toEqual([100, 104.06, 95.96, 100.34, 22351900]);
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads Yahoo files and datetimes', async () => {
    const y = await loadData(`${DATA}/orcl-1995-2014.txt`);
    expect(y.bars.length).toBe(5036);
    const e = await loadData(`${DATA}/EURUSD.csv`);
    expect(e.bars.length).toBe(5000);
    expect(e.bars.time[1]! - e.bars.time[0]!).toBe(3_600_000_000_000n);
  });

  it('rejects a header naming fewer columns than the rows have (file, line)', async () => {
    await expect(loadData(`${DATA}/2006-01-02-volume-min-001.txt`)).rejects.toThrow(/2006-01-02-volume-min-001.txt:2: row has 8 fields, the header names 7/);
  });

  it('names file, line and field for a bad number', () => {
    const e = dataError(() => parseCsv(',Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,x,1.5,10\n', 'f.csv'));
    expect(e.code).toBe('DATA_MALFORMED');
    expect(e.message).toBe('f.csv:3: field "Low" ("x") is not a number');
    expect(dataError(() => parseCsv(',Open,High,Low,Close,Volume\n2020-01-01,1,2,-0.5,1.5,10\n', 'g.csv')).message).toBe('g.csv:2: Low -0.5 is not a positive number');
  });

  it('rejects out-of-order and duplicate timestamps', () => {
    const dup = dataError(() => parseCsv(',Open,High,Low,Close\n2020-01-02,1,2,1,1\n2020-01-02,1,2,1,1\n', 'd.csv'));
    expect(dup.code).toBe('DATA_ORDER');
    expect(dup.message).toMatch(/^d\.csv:3:/);
  });

  it('rejects impossible dates, high below low, a missing column and an empty file', () => {
    expect(dataError(() => parseCsv(',Open,High,Low,Close\n2020-02-30,1,2,1,1\n', 'a.csv')).message).toMatch(/a\.csv:2: field "Date" \("2020-02-30"\) is not a valid date/);
    expect(dataError(() => parseCsv(',Open,High,Low,Close\n2020-02-03,1,1,2,1\n', 'b.csv')).message).toMatch(/High 1 is below Low 2/);
    expect(dataError(() => parseCsv(',Open,High,Close\n', 'c.csv')).message).toMatch(/no "Low" column/);
    expect(dataError(() => parseCsv('', 'e.csv')).code).toBe('DATA_EMPTY');
  });

  it('reports a missing file as DATA_NOT_FOUND', async () => {
    await expect(loadData('nope.csv')).rejects.toMatchObject({ code: 'DATA_NOT_FOUND' });
  });
});

import { isoTime } from '../../host/model/bars.ts';
import { zonedToUtcMs } from '../../host/data/time.ts';

const LEAN = `${DATA}/lean/equity/usa`;

describe('more formats', () => {
  it('backtrader Date,Time files and daily files with OpenInterest', async () => {
    const m = await loadData(`${DATA}/2006-min-005.txt`);
    expect(m.bars.length).toBe(2142);
    expect(isoTime(m.bars.time[0]!)).toBe('2006-01-02T09:05:00Z');
    expect(m.bars.time[1]! - m.bars.time[0]!).toBe(300_000_000_000n);
    expect((await loadData(`${DATA}/2006-day-001.txt`)).bars.length).toBe(255);
  });

  it('tick files: milliseconds kept; a repeated timestamp is an error unless kept', async () => {
    await expect(loadData(`${DATA}/ticksample.csv`)).rejects.toMatchObject({ code: 'DATA_ORDER', message: expect.stringMatching(/ticksample\.csv:\d+: timestamp is the same as the previous row's/) });
    const t = await loadData(`${DATA}/ticksample.csv`, { duplicates: 'keep' });
    expect(t.bars.length).toBe(135);
    expect(t.duplicatesKept).toBe(1); // reported in the run's data log line
    expect(isoTime(t.bars.time[0]!)).toBe('2015-09-23T20:57:42.146000000Z');
  });

  it('bid/ask quotes: ambiguous d/m dates need --date-format; bars at the mid', async () => {
    await expect(loadData(`${DATA}/bidask.csv`)).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: expect.stringMatching(/ambiguous.*--date-format dmy or mdy/) });
    const q = await loadData(`${DATA}/bidask.csv`, { dateFormat: 'dmy', duplicates: 'keep' });
    expect(q.bars.length).toBe(10);
    expect(isoTime(q.bars.time[0]!)).toBe('2010-03-02T16:53:50Z');
    expect(q.bars.close[0]).toBe((0.5346 + 0.5347) / 2);
    const us = await loadData(`${DATA}/bidask.csv`, { dateFormat: 'mdy', duplicates: 'keep' });
    expect(isoTime(us.bars.time[0]!)).toBe('2010-02-03T16:53:50Z');
  });

  it('naive timestamps in a named zone', async () => {
    const ny = await loadData(`${DATA}/2006-min-005.txt`, { timezone: 'America/New_York' });
    expect(isoTime(ny.bars.time[0]!)).toBe('2006-01-02T14:05:00Z'); // EST, UTC-5
    expect(zonedToUtcMs(Date.UTC(2013, 9, 7, 9, 30), 'America/New_York')).toBe(Date.UTC(2013, 9, 7, 13, 30)); // EDT
    expect(zonedToUtcMs(Date.UTC(2013, 11, 2, 9, 30), 'America/New_York')).toBe(Date.UTC(2013, 11, 2, 14, 30)); // EST
    expect(zonedToUtcMs(Date.UTC(2013, 2, 10, 2, 30), 'America/New_York')).toBe(Date.UTC(2013, 2, 10, 7, 30)); // in the spring gap
    // A bad zone is the caller's mistake, named by its option (exit 2), not a data error.
    await expect(loadData('data/GOOG.csv', { timezone: 'Mars/Olympus' })).rejects.toMatchObject({ name: 'UsageError', code: 'USAGE', message: expect.stringMatching(/^--timezone "Mars\/Olympus" is not a time zone/) });
  });

  it('Lean daily and hourly zips: prices / 10,000, times in New York', async () => {
    const d = await loadData(`${LEAN}/daily/spy.zip`);
    expect(d.bars.length).toBe(5849);
    expect(isoTime(d.bars.time[0]!)).toBe('1998-01-02T05:00:00Z');
    expect([d.bars.open[0], d.bars.high[0], d.bars.low[0], d.bars.close[0], d.bars.volume[0]]).toEqual([97.31, 97.53, 96.53, 97.36, 2150000]);
    expect((await loadData(`${LEAN}/hour/spy.zip`)).bars.length).toBe(40832);
  });

  it('Lean minute trade and quote zips, and tick zips (equal milliseconds kept in order)', async () => {
    const m = await loadData(`${LEAN}/minute/spy/20131007_trade.zip`);
    expect(isoTime(m.bars.time[0]!)).toBe('2013-10-07T08:00:00Z'); // 04:00 EDT
    expect(m.bars.open[0]).toBe(167.41);
    const q = await loadData(`${LEAN}/minute/spy/20131007_quote.zip`);
    expect(q.bars.length).toBeGreaterThan(700);
    const t = await loadData(`${LEAN}/tick/spy/20131007_trade.zip`);
    expect(t.bars.length).toBe(250_601);
    expect(isoTime(t.bars.time[0]!)).toBe('2013-10-07T08:00:00.464000000Z');
    expect(t.bars.close[0]).toBe(167.41);
  });

  it('a damaged zip is a clear error', async () => {
    const { parseData } = await import('../../host/data/load.ts');
    expect(() => parseData(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), 'x/spy.zip')).toThrow(/not a readable zip archive/);
  });
});
