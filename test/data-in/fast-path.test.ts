// The byte fast path (parseCsvBytes, CsvSource) against the exact text parser (parseCsv, CsvSource
// exact): the same bars bit for bit, or the same error (class, code, message naming file:line), on
// the real files in test/data and on adversarial and generated rows, in memory and streamed in small blocks.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCsv, parseCsvBytes } from '../../host/data/csv.ts';
import { CsvSource } from '../../host/data/stream.ts';
import type { DataOptions } from '../../host/data/options.ts';
import type { Bars } from '../../host/model/bars.ts';
import { barsFingerprint, outcome } from '../helpers/bars-outcome.ts';

type Outcome = string;

const OUTSIDE = 'is outside the range Backproof can represent (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z, int64 nanoseconds)';

const inMemory = (bytes: Buffer, name: string, options: DataOptions, fast: boolean): Outcome =>
  outcome(() => {
    const b = (fast ? parseCsvBytes(bytes, name, options) : parseCsv(bytes.toString('utf8'), name, options)) as Bars & { duplicates: number };
    return barsFingerprint([b], b.duplicates);
  });

const dir = mkdtempSync(path.join(tmpdir(), 'backproof-fast-path-'));
let files = 0;

function streamed(bytes: Buffer, name: string, options: DataOptions, fast: boolean, chunk: number, block: number): Outcome {
  const file = path.join(dir, `${files++}-${name}`);
  writeFileSync(file, bytes);
  return outcome(() => {
    const src = new CsvSource(file, name, options, chunk, block, !fast);
    const chunks: Bars[] = [];
    for (let c = src.next(); c; c = src.next()) chunks.push(c);
    return barsFingerprint(chunks, src.duplicatesKept);
  });
}

/** The exact path's outcome, after checking that every other path gives it too. */
function same(bytes: Buffer | string, name = 'f.csv', options: DataOptions = {}, blocks = [7, 64]): Outcome {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const exact = inMemory(b, name, options, false);
  expect(inMemory(b, name, options, true), `${name} in memory: ${JSON.stringify(b.toString('utf8').slice(0, 400))}`).toBe(exact);
  for (const block of blocks) {
    expect(streamed(b, name, options, true, 5, block), `${name} streamed, block ${block}`).toBe(exact);
    expect(streamed(b, name, options, false, 5, block), `${name} streamed exact, block ${block}`).toBe(exact);
  }
  return exact;
}

/** A seeded generator (mulberry32): the same rows on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [
  '1', '1.5', '100.1660', '-0', '0', '-1', '007.50', '00', '1e5', '1E-3', '1e+2', '.5', '5.', '.', '-', '+5', '-.5', '- 5', ' 5', '5 ', '\t5', '5\r',
  '0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '1,5', '', '"5"', '"5.25"', '"5"""', '5"', '"5', '5é', '\u00a05', '5\u2003',
  '123456789012345', '1234567890123456', '12345678901234567890', '9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3',
  '0.1234567890123456789', '4.35', '0.1', '0.3', '2.675', '1.005', '0.0000000000000000000001', '0.00000000000000000000001', '1.7976931348623157e308', '1e400',
  '5e-324', '123.456e3', '000000000000000000000000000001.5', '1.50000000000000000000000000',
];
const DATES = [
  '2020-01-01', '2020-01-01 10:00', '2020-01-01 10:00:00', '2020-01-01T10:00', '2020-01-01T10:00:00', '2020-01-01 10:00:00.5', '2020-01-01T10:00:00.123456789',
  '2020-01-01 10:00:00.1234567890', '2020-01-01 10:00:00.', '2020-02-29', '2021-02-29', '2020-13-01', '2020-00-10', '2020-01-32', '2020-01-01 24:00:00',
  '2020-01-01 23:60:00', '2020-01-01 23:59:60', '1699-12-31', '1700-01-01', '2200-12-31', '2201-01-01', '2262-04-11 23:47:16', '2262-04-12', '0001-01-01',
  '9999-12-31', '1969-12-31 23:59:59.999', ' 2020-01-01', '2020-01-01 ', '2020-1-01', '20200101', '2020-01-01 10', '2020-01-01 10:0', '2020-01-01x10:00',
  '02/03/2010', '13/01/2020 10:00', '01/13/2020 10:00:00', '"2020-01-01"', '2020-01-01\u00a0', '２020-01-01',
];

describe('the byte fast path against the exact parser', () => {
  it('reads every file in test/data (and data/GOOG.csv) to the same bars or error, in memory and streamed', () => {
    const options: Record<string, DataOptions[]> = {
      'bidask.csv': [{}, { duplicates: 'keep' }, { duplicates: 'keep', dateFormat: 'dmy' }, { duplicates: 'keep', dateFormat: 'mdy' }],
      'ticksample.csv': [{}, { duplicates: 'keep' }],
    };
    const names = readdirSync('test/data').filter((f) => /\.(csv|txt)$/.test(f));
    expect(names.length).toBe(7);
    const seen: string[] = [];
    for (const name of names) {
      const bytes = readFileSync(path.join('test/data', name));
      for (const o of options[name] ?? [{}, { timezone: 'America/New_York' }]) seen.push(`${name} ${JSON.stringify(o)}: ${same(bytes, name, o, [4096])}`);
    }
    seen.push(same(readFileSync('data/GOOG.csv'), 'GOOG.csv', {}, [333]));
    // Real bars on the fast path, and the errors these files are known for.
    expect(seen.filter((s) => / bars, /.test(s)).length).toBe(12);
    expect(seen.find((s) => s.startsWith('orcl-1995-2014.txt {}'))).toBe('orcl-1995-2014.txt {}: 5036 bars, 0 duplicates, 1aa626f3efbd5f65907e43ec7d7da1730bab6c3ba50ea26692ba7c15d1bbedd2');
    expect(seen.at(-1)).toBe('2148 bars, 0 duplicates, cfa42248b834edf32a7cbfe4ce31deb9a3545c615f33da023bdbb95a5f07a7c7');
    expect(seen.find((s) => s.startsWith('2006-01-02-volume-min-001.txt {}'))).toMatch(/DataError DATA_MALFORMED: 2006-01-02-volume-min-001.txt:2: row has 8 fields, the header names 7$/);
    expect(seen.find((s) => s.startsWith('bidask.csv {"duplicates":"keep","dateFormat":"dmy"}'))).toMatch(/^.*: 10 bars, \d+ duplicates/);
  });

  it('takes every row of the plain files on the fast path, and slashed dates on the exact one', () => {
    const textRows = (file: string, options: DataOptions = {}) => (parseCsvBytes(readFileSync(file), path.basename(file), options) as Bars & { textRows: number }).textRows;
    for (const f of ['data/GOOG.csv', 'test/data/orcl-1995-2014.txt', 'test/data/EURUSD.csv', 'test/data/2006-min-005.txt', 'test/data/2006-day-001.txt']) {
      expect(textRows(f), f).toBe(0);
      expect(textRows(f, { timezone: 'America/New_York' }), f).toBe(0);
    }
    expect(textRows('test/data/ticksample.csv', { duplicates: 'keep' })).toBe(0);
    expect(textRows('test/data/bidask.csv', { duplicates: 'keep', dateFormat: 'dmy' })).toBe(10);
  });

  it('gives each adversarial number the value Number() gives it, or the same error', () => {
    const outcomes = new Map<string, string>();
    for (const v of NUMBERS) {
      // In each price column, and as a volume; -0 and 0 are told apart by the fingerprint.
      for (let col = 0; col < 5; col++) {
        const row = ['10', '12', '8', '10', '100'];
        row[col] = v;
        const text = `,Open,High,Low,Close,Volume\n2020-01-01,10,12,8,10,100\n2020-01-02,${row.join(',')}\n2020-01-03,10,12,8,10,100\n`;
        outcomes.set(`${JSON.stringify(v)}@${col}`, same(text));
      }
      // As a volume on its own, where every non-negative number is accepted.
      same(`Date,Open,High,Low,Close,Volume\n2020-01-01 00:00:00,1e9,1e9,1e-9,1,${v}\n`);
    }
    // Spot checks that the comparison sees values and errors as they are.
    expect(outcomes.get('"1.5"@4')).toMatch(/^3 bars/);
    expect(outcomes.get('"1e5"@1')).toMatch(/^3 bars/);
    expect(outcomes.get('" 5"@2')).toMatch(/^3 bars/);
    expect(outcomes.get('"0x10"@1')).toMatch(/^3 bars/); // Number('0x10') is 16: the exact path's reading, kept
    expect(outcomes.get('"Infinity"@1')).toBe('DataError DATA_MALFORMED: f.csv:3: field "High" ("Infinity") is not a number');
    expect(outcomes.get('"-0"@4')).toMatch(/^3 bars/);
    expect(outcomes.get('"-1"@4')).toBe('DataError DATA_MALFORMED: f.csv:3: Volume -1 is not a non-negative number');
    expect(outcomes.get('""@0')).toBe('DataError DATA_MALFORMED: f.csv:3: field "Open" ("") is not a number');
    expect(outcomes.get('"\\"5"@3')).toBe('DataError DATA_MALFORMED: f.csv:3: field 5 opens a quote that is not closed on its line (quoted fields may not hold line breaks)');
    expect(outcomes.get('"1,5"@0')).toBe('DataError DATA_MALFORMED: f.csv:3: row has 7 fields, the header names 6');
  });

  it('reads -0 as -0 and long or exact-halfway mantissas as Number() does', () => {
    const b = parseCsvBytes(Buffer.from('Date,Open,High,Low,Close,Volume\n2020-01-01,9007199254740993,9007199254740993,0.1,2.675,-0\n2020-01-02,4.35,900719925474099.3,1.005,4.35,0.1\n'), 'n.csv');
    expect(Object.is(b.volume[0], -0)).toBe(true);
    expect([b.open[0], b.close[0], b.low[0], b.high[1], b.low[1], b.volume[1]]).toEqual([Number('9007199254740993'), 2.675, 0.1, 900719925474099.3, 1.005, 0.1]);
  });

  it('reads 60,000 random decimals (1–22 digits after the point, up to 19 in all) exactly as Number() does', () => {
    const rnd = random(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const rows = ['Date,Open,High,Low,Close,Volume'];
    let t = Date.UTC(2010, 0, 1);
    let beyond = 0;
    for (let i = 0; i < 60_000; i++, t += 60_000) {
      const int = digits(Math.floor(rnd() * 8)), frac = digits(1 + Math.floor(rnd() * 22));
      const volume = `${int}.${frac}`.slice(0, 1 + Math.max(int.length + 1, Math.floor(rnd() * 20)));
      if (BigInt(volume.replace('.', '') || '0') > BigInt(Number.MAX_SAFE_INTEGER)) beyond++;
      rows.push(`${new Date(t).toISOString().slice(0, 19).replace('T', ' ')},1,2,1,1,${volume}`);
    }
    const text = rows.join('\n');
    expect(inMemory(Buffer.from(text), 'r.csv', {}, true)).toBe(inMemory(Buffer.from(text), 'r.csv', {}, false));
    // Most take the fast path; those beyond 2^53 take Number(): both kinds are compared.
    expect(beyond).toBeGreaterThan(1000);
    expect((parseCsvBytes(Buffer.from(text), 'r.csv') as Bars & { textRows: number }).textRows).toBe(beyond);
  });

  it('reads each adversarial date the way the exact parser does, after rows of another shape too', () => {
    for (const d of DATES) {
      same(`Date,Open,High,Low,Close\n${d},1,2,1,1\n`);
      same(`Date,Open,High,Low,Close\n1990-01-01,1,2,1,1\n${d},1,2,1,1\n`);
      same(`Date,Open,High,Low,Close\n1990-01-01 00:00:00,1,2,1,1\n${d},1,2,1,1\n`);
      same(`Date,Open,High,Low,Close\n${d},1,2,1,1\n2300-01-01,1,2,1,1\n`);
      same(`Timestamp,Bid,Ask\n${d},1,1.5\n`, 'q.csv', { dateFormat: 'dmy' });
      for (const tz of ['America/New_York', 'Asia/Kolkata']) same(`Date,Open,High,Low,Close\n${d},1,2,1,1\n`, 'z.csv', { timezone: tz });
    }
    expect(same('Date,Open,High,Low,Close\n2262-04-12,1,2,1,1\n2262-04-13,1,2,1,1\n')).toBe(`DataError DATA_MALFORMED: f.csv:2: field "Date": date 2262-04-12 ${OUTSIDE}`);
    expect(same('Date,Open,High,Low,Close\n2020-01-01 10:00,1,2,1,1\n2020-01-01 10:00:30,1,2,1,1\n')).toBe(
      'DataError DATA_MALFORMED: f.csv:3: field "Date" ("2020-01-01 10:00:30") is written YYYY-MM-DD HH:MM:SS, but line 2 set the file\'s date format to YYYY-MM-DD HH:MM (one date format per file)');
  });

  it('refuses a date whose UTC instant is outside int64 nanoseconds on every path, and takes one exactly at a bound', () => {
    const csv = (...dates: string[]) => `Date,Open,High,Low,Close\n${dates.map((d) => `${d},1,2,1,1\n`).join('')}`;
    const refused = (line: number, d: string, name = 'f.csv') => `DataError DATA_MALFORMED: ${name}:${line}: field "Date": date ${d} ${OUTSIDE}`;
    // Each of these once wrapped silently (2300 → 1715, 1600 → 2184, 23:48 → negative).
    for (const d of ['2300-01-01', '1600-01-01', '0001-01-01', '9999-12-31', '2262-04-11 23:48', '2262-04-11T23:47:17', '1677-09-21 00:12:43', '1677-09-20'])
      expect(same(csv(d)), d).toBe(refused(2, d));
    expect(same(csv('2000-01-01', '2300-01-01'))).toBe(refused(3, '2300-01-01'));
    expect(same(csv('1600-01-01', '2000-01-01'))).toBe(refused(2, '1600-01-01'));
    // The last and first representable nanoseconds load; one more is refused.
    expect(same(csv('2262-04-11 23:47:16.854775807'))).toMatch(/^1 bars/);
    expect(parseCsv(csv('2262-04-11 23:47:16.854775807'), 'f.csv').time[0]).toBe(2n ** 63n - 1n);
    expect(same(csv('2262-04-11 23:47:16.854775808'))).toBe(refused(2, '2262-04-11 23:47:16.854775808'));
    expect(same(csv('1677-09-21 00:12:43.145224192'))).toMatch(/^1 bars/);
    expect(parseCsv(csv('1677-09-21 00:12:43.145224192'), 'f.csv').time[0]).toBe(-(2n ** 63n));
    expect(same(csv('1677-09-21 00:12:43.145224191'))).toBe(refused(2, '1677-09-21 00:12:43.145224191'));
    // The UTC instant decides: New York is 4-5 h behind UTC, Kolkata 5:30 ahead.
    const ny = { timezone: 'America/New_York' }, kolkata = { timezone: 'Asia/Kolkata' };
    expect(same(csv('2262-04-11 20:00'), 'z.csv', ny)).toBe(refused(2, '2262-04-11 20:00', 'z.csv'));
    expect(same(csv('2262-04-11 18:00'), 'z.csv', ny)).toMatch(/^1 bars/);
    expect(same(csv('2262-04-12 03:00'), 'z.csv', kolkata)).toMatch(/^1 bars/);
    expect(same(csv('1677-09-21 04:00'), 'z.csv', kolkata)).toBe(refused(2, '1677-09-21 04:00', 'z.csv'));
    expect(same(csv('1677-09-20 21:00'), 'z.csv', ny)).toMatch(/^1 bars/);
    // A Time column and slashed dates and bid/ask files are refused the same way.
    expect(same('Date,Time,Open,High,Low,Close\n2300-01-01,10:00,1,2,1,1\n')).toBe(`DataError DATA_MALFORMED: f.csv:2: fields "Date" and "Time": date 2300-01-01 10:00 ${OUTSIDE}`);
    expect(same(csv('1/1/1600'), 'f.csv', { dateFormat: 'dmy' })).toBe(refused(2, '1/1/1600'));
    expect(same('Timestamp,Bid,Ask\n2300-01-01 00:00:00.5,1,1.5\n', 'q.csv')).toBe(refused(2, '2300-01-01 00:00:00.5', 'q.csv'));
  });

  it('says why a file whose lines end in CR only has no bars: no LF line end was found', () => {
    const crOnly = 'DataError DATA_MALFORMED: f.csv: no LF line ends were found, only CRs (old Mac line ends), so the file reads as one line; convert its line ends to LF or CRLF';
    expect(same('Date,Open,High,Low,Close,Volume\r2020-01-01,1,2,1,1,5\r2020-01-02,1,2,1,1,5\r')).toBe(crOnly);
    expect(same('\ufeffDate,Open,High,Low,Close\r2020-01-01,1,2,1,1')).toBe(crOnly);
    expect(same(`Date,Open,High,Low,Close,Volume\r${'2020-01-01,1,2,1,1,5\r'.repeat(60_000)}`, 'f.csv', {}, [1 << 16])).toBe(crOnly); // past the line-length limit
    // A CR with an LF anywhere, or no CR at all, is read as before.
    expect(same('Date,Open,High,Low,Close\r\n2020-01-01,1,2,1,1\r\n')).toMatch(/^1 bars/);
    expect(same('Date,Open,High,Low,Close,Volume\r2020-01-01,1,2,1,1,5\n2020-01-02,1,2,1,1,5\n')).toBe('DataError DATA_MALFORMED: f.csv:2: row has 6 fields, the header names 11');
    expect(same('Date,Open,High,Low,Close')).toBe('DataError DATA_EMPTY: f.csv: no bars');
  });

  it('cuts lines the same way: CRLF, BOM, blank lines, quotes, a Time column, bid/ask, extra columns, UTF-8', () => {
    const cases = [
      '\ufeffDate,Open,High,Low,Close\r\n2020-01-01,1,2,1,1\r\n2020-01-02,1,2,1,1\r\n',
      '\ufeff\r\n2020-01-01,1,2,1,1\n',
      '\ufeffDate,Open,High,Low,Close\n\ufeff2020-01-01,1,2,1,1\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\n\n\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\n\n2020-01-02,1,2,1,1\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\r\n\r\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\r',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\r\r\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1,\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1\n',
      'Date,Open,High,Low,Close\n"2020-01-01","1","2","1","1"\n',
      'Date,Open,High,Low,Close\n"2020-01-01",1,2,1,"1" \n',
      '"Date","Open","High","Low","Close","Note"\n2020-01-01,1,2,1,1,"a ""b"", c"\n2020-01-02,1,2,1,1,x"y\n2020-01-03,1,2,1,1,"é,ü"\n',
      'Date,Open,High,Low,Close,Note\n2020-01-01,1,2,1,1,é€😀\n2020-01-02,1,2,1,1,\xff\n',
      'Date,Time,Open,High,Low,Close,Volume\n2006-01-02,09:05:00,1,2,1,1,0\n2006-01-02,09:10,1,2,1,1,0\n2006-01-02,24:00,1,2,1,1,0\n',
      'Date,Time,Open,High,Low,Close\n2006-01-02 10:00:00.25,09:05,1,2,1,1\n2006-01-02 10:00:00.5,09:05,1,2,1,1\n',
      'Date,Time,Open,High,Low,Close\n2006-01-02,9:05,1,2,1,1\n',
      'Date,Time,Open,High,Low,Close\n2006-01-02,09:05:0,1,2,1,1\n',
      'TIMESTAMP,BID,ASK,Volume\n2020-01-01 00:00:00,1.5,1.6,x\n2020-01-01 00:00:01,1.7,1.6,x\n',
      'Date,Open,High,Low,Close\n2020-01-02,1,2,1,1\n2020-01-01,1,2,1,1\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,1,1\n2020-01-01,1,2,1,1\n',
      'Date,Open,High,Low,Close\n2020-01-01,1,2,3,1\n',
      'Date,Open,High,Low,Close\n2020-01-01,3,2,1,1\n',
      'Date,Open,High,Low,Close\n',
      '',
      '\n\n',
    ];
    for (const c of cases) {
      same(c);
      same(c, 'k.csv', { duplicates: 'keep' });
    }
    // Invalid UTF-8 and bytes a decoder replaces, in a skipped column and in a number.
    same(Buffer.concat([Buffer.from('Date,Open,High,Low,Close,N\n2020-01-01,1,2,1,1,'), Buffer.from([0xe2, 0x82]), Buffer.from('\n2020-01-02,1,2,1,1,'), Buffer.from([0xc3]), Buffer.from('\r\n')]));
    same(Buffer.concat([Buffer.from('Date,Open,High,Low,Close\n2020-01-01,1,2,1,1'), Buffer.from([0xe2, 0x82]), Buffer.from('\n')]));
  });

  it('applies the line-length limit to the decoded line, not its bytes', () => {
    const long = (s: string) => `Date,Open,High,Low,Close,Note\n2020-01-01,1,2,1,1,${s}\n2020-01-02,1,2,1,1,x\n`;
    // 400,000 three-byte characters: 1.2 MB of bytes but well under the limit in characters.
    expect(same(long('€'.repeat(400_000)), 'f.csv', {}, [65536])).toMatch(/^2 bars/);
    expect(same(long('x'.repeat(1 << 20)), 'f.csv', {}, [65536])).toBe('DataError DATA_LIMIT: f.csv:2: the line is longer than the line-length limit of 1048576 characters');
    expect(same(long('€'.repeat((1 << 20) + 1)), 'f.csv', {}, [65536])).toBe('DataError DATA_LIMIT: f.csv:2: the line is longer than the line-length limit of 1048576 characters');
  });

  it('gives generated files the same bars or error, row after row (seeded)', () => {
    const rnd = random(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const headers = ['Date,Open,High,Low,Close,Volume', ',Open,High,Low,Close', 'Date,Open,High,Low,Close,Adj Close,Volume', 'Datetime,Open,High,Low,Close,Volume,OpenInterest', 'Date,Time,Open,High,Low,Close,Volume'];
    const outcomes = new Set<string>();
    for (let f = 0; f < 300; f++) {
      const header = pick(headers);
      const columns = header.split(',').length;
      const shape = pick(['date', 'minute', 'second', 'T', 'frac']);
      let t = Date.UTC(1990 + Math.floor(rnd() * 200), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
      const lines = [header];
      const rows = 1 + Math.floor(rnd() * 40);
      for (let r = 0; r < rows; r++) {
        t += shape === 'date' ? 86_400_000 : Math.floor(1 + rnd() * 3) * (shape === 'frac' ? 250 : 60_000);
        const iso = new Date(t).toISOString();
        const date = shape === 'date' ? iso.slice(0, 10) : shape === 'minute' ? iso.slice(0, 16).replace('T', ' ') : shape === 'second' ? iso.slice(0, 19).replace('T', ' ') : shape === 'T' ? iso.slice(0, 19) : iso.slice(0, 23);
        const low = +(rnd() * 100).toFixed(Math.floor(rnd() * 8));
        const high = +(low + rnd() * 10).toFixed(Math.floor(rnd() * 6));
        const mid = () => String(Math.min(high, Math.max(low, +(low + rnd() * (high - low)).toFixed(Math.floor(rnd() * 10)))));
        const prices = [mid(), String(high), String(low), mid()];
        const fields = header.startsWith('Date,Time') ? [date.slice(0, 10), iso.slice(11, 19), ...prices, String(Math.floor(rnd() * 1e6))] : [date, ...prices];
        while (fields.length < columns) fields.push(String(Math.floor(rnd() * 1e7)));
        if (rnd() < 0.04) fields[Math.floor(rnd() * fields.length)] = pick(rnd() < 0.5 ? NUMBERS : DATES);
        lines.push(fields.join(','));
      }
      const text = lines.join(pick(['\n', '\r\n'])) + pick(['', '\n']);
      outcomes.add(same(text, 'g.csv', pick([{}, { duplicates: 'keep' as const }, { timezone: 'Europe/London' }]), [pick([3, 17, 64])]).replace(/^\d+ bars.*/, 'bars'));
    }
    // The generator reaches both ends: files read whole, and errors.
    expect(outcomes.has('bars')).toBe(true);
    expect(outcomes.size).toBeGreaterThan(10);
  });
});
