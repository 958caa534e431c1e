import { describe, expect, it } from 'vitest';
import { loadCsv, parseCsv } from '../../host/data/csv.ts';
import { DataError } from '../../host/errors.ts';

const SHARED = '../shared/data';

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
    const d = await loadCsv('data/GOOG.csv');
    expect(d.bars.length).toBe(2148);
    expect(d.bars.time[0]).toBe(1092873600000000000n); // 2004-08-19T00:00:00Z
    expect([d.bars.open[0], d.bars.high[0], d.bars.low[0], d.bars.close[0], d.bars.volume[0]]).toEqual([100, 104.06, 95.96, 100.34, 22351900]);
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads Yahoo files and datetimes', async () => {
    const y = await loadCsv(`${SHARED}/orcl-1995-2014.txt`);
    expect(y.bars.length).toBe(5036);
    const e = await loadCsv(`${SHARED}/EURUSD.csv`);
    expect(e.bars.length).toBe(5000);
    expect(e.bars.time[1]! - e.bars.time[0]!).toBe(3_600_000_000_000n);
  });

  it('rejects a header naming fewer columns than the rows have (file, line)', async () => {
    await expect(loadCsv(`${SHARED}/2006-01-02-volume-min-001.txt`)).rejects.toThrow(/2006-01-02-volume-min-001.txt:2: row has 8 fields, the header names 7/);
  });

  it('names file, line and field for a bad number', () => {
    const e = dataError(() => parseCsv(',Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,x,1.5,10\n', 'f.csv'));
    expect(e.code).toBe('DATA_MALFORMED');
    expect(e.message).toBe('f.csv:3: field "Low" ("x") is not a positive number');
  });

  it('rejects out-of-order and duplicate timestamps', () => {
    const dup = dataError(() => parseCsv(',Open,High,Low,Close\n2020-01-02,1,2,1,1\n2020-01-02,1,2,1,1\n', 'd.csv'));
    expect(dup.code).toBe('DATA_ORDER');
    expect(dup.message).toMatch(/^d\.csv:3:/);
  });

  it('rejects impossible dates, high below low, a missing column and an empty file', () => {
    expect(dataError(() => parseCsv(',Open,High,Low,Close\n2020-02-30,1,2,1,1\n', 'a.csv')).message).toMatch(/a\.csv:2: field "Date" is not a valid date/);
    expect(dataError(() => parseCsv(',Open,High,Low,Close\n2020-02-03,1,1,2,1\n', 'b.csv')).message).toMatch(/High 1 is below Low 2/);
    expect(dataError(() => parseCsv(',Open,High,Close\n', 'c.csv')).message).toMatch(/no "Low" column/);
    expect(dataError(() => parseCsv('', 'e.csv')).code).toBe('DATA_EMPTY');
  });

  it('reports a missing file as DATA_NOT_FOUND', async () => {
    await expect(loadCsv('nope.csv')).rejects.toMatchObject({ code: 'DATA_NOT_FOUND' });
  });
});
