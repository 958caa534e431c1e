// Bad input, through every path: each case is read in memory (loadData) and streamed (openData
// with threshold 0, in chunks of 64Ki bars; and in chunks of 2 bars read in blocks of a few bytes,
// which cut lines, CRLFs and UTF-8 characters), and all three must give the same bars or the same
// error, code and message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, openData, type StreamedData as StreamedDataFeed } from '../../host/data/load.ts';
import { CsvSource } from '../../host/data/stream.ts';
import { MAX_LINE } from '../../host/data/lines.ts';
import { BackproofError, exitCodeOf } from '../../host/errors.ts';
import type { Bars, BarSource } from '../../host/model/bars.ts';
import type { DataOptions } from '../../host/data/options.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'backproof-bad-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Outcome = { rows: string[] } | { error: string; code: string; exit: number };

const rowsOf = (b: Bars): string[] => Array.from({ length: b.length }, (_, i) => `${b.time[i]} ${b.open[i]} ${b.high[i]} ${b.low[i]} ${b.close[i]} ${b.volume[i]}`);

function caught(e: unknown): Outcome {
  if (!(e instanceof BackproofError)) throw e;
  return { error: e.message, code: e.code, exit: exitCodeOf(e) };
}

function drain(src: BarSource): string[] {
  const rows: string[] = [];
  for (let c = src.next(); c; c = src.next()) rows.push(...rowsOf(c));
  return rows;
}

/** The outcome of reading `content` as file `name` by every path; fails unless they agree. */
async function read(name: string, content: string | Buffer, options: DataOptions = {}, blockBytes = 5): Promise<Outcome> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const inMemory = await loadData(file, options).then((d) => ({ rows: rowsOf(d.bars) }), caught);
  const streamed = await openData(file, options, 0).then((d) => ({ rows: drain((d as StreamedDataFeed).open()) }), caught).catch(caught);
  let small: Outcome;
  try {
    small = { rows: drain(new CsvSource(file, name, options, 2, blockBytes)) };
  } catch (e) {
    small = caught(e);
  }
  expect(streamed, 'streamed').toEqual(inMemory);
  // Options are checked by openData; CsvSource alone is only the parser.
  if (!('code' in inMemory && inMemory.exit === 2)) expect(small, `streamed in chunks of 2 bars, blocks of ${blockBytes} bytes`).toEqual(inMemory);
  return inMemory;
}

const malformed = (error: string) => ({ error, code: 'DATA_MALFORMED', exit: 3 });
const H = ',Open,High,Low,Close,Volume\n';

describe('bad input is read the same way in memory and streamed', () => {
  it('numbers: not a number, not positive, not finite, negative volume', async () => {
    expect(await read('f.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,x,1.5,10\n`)).toEqual(malformed('f.csv:3: field "Low" ("x") is not a number'));
    expect(await read('g.csv', `${H}2020-01-01,1,2,-0.5,1.5,10\n`)).toEqual(malformed('g.csv:2: Low -0.5 is not a positive number'));
    expect(await read('z.csv', `${H}2020-01-01,0,2,0.5,1.5,10\n`)).toEqual(malformed('z.csv:2: Open 0 is not a positive number'));
    expect(await read('i.csv', `${H}2020-01-01,1,Infinity,0.5,1.5,10\n`)).toEqual(malformed('i.csv:2: field "High" ("Infinity") is not a number'));
    expect(await read('e.csv', `${H}2020-01-01,1,2,0.5,1.5,\n`)).toEqual(malformed('e.csv:2: field "Volume" ("") is not a number'));
    expect(await read('v.csv', `${H}2020-01-01,1,2,0.5,1.5,-1\n`)).toEqual(malformed('v.csv:2: Volume -1 is not a non-negative number'));
  });

  it('OHLC: a bar must span its prices (Low <= Open, Close <= High)', async () => {
    expect(await read('hl.csv', `${H}2020-02-03,1,1,2,1,0\n`)).toEqual(malformed('hl.csv:2: High 1 is below Low 2'));
    expect(await read('ch.csv', `${H}2020-01-01,100,104,96,100,5\n2020-01-02,100,104,96,104.5,5\n`)).toEqual(malformed('ch.csv:3: Close 104.5 is above High 104'));
    expect(await read('ol.csv', `${H}2020-01-01,95,104,96,100,5\n`)).toEqual(malformed('ol.csv:2: Open 95 is below Low 96'));
    expect(await read('oh.csv', `${H}2020-01-01,105,104,96,100,5\n`)).toEqual(malformed('oh.csv:2: Open 105 is above High 104'));
    expect(await read('cl.csv', `${H}2020-01-01,100,104,96,95.5,5\n`)).toEqual(malformed('cl.csv:2: Close 95.5 is below Low 96'));
    // The edges are bars: O = H = L = C, and Open at High with Close at Low.
    expect(await read('ok.csv', `${H}2020-01-01,3,3,3,3,0\n2020-01-02,104,104,96,96,1\n`)).toEqual({ rows: ['1577836800000000000 3 3 3 3 0', '1577923200000000000 104 104 96 96 1'] });
  });

  it('order: a repeated or earlier timestamp', async () => {
    expect(await read('d.csv', ',Open,High,Low,Close\n2020-01-02,1,2,1,1\n2020-01-02,1,2,1,1\n')).toEqual({
      error: "d.csv:3: timestamp is the same as the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)", code: 'DATA_ORDER', exit: 3,
    });
    expect(await read('b.csv', ',Open,High,Low,Close\n2020-01-02,1,2,1,1\n2020-01-01,1,2,1,1\n')).toMatchObject({ error: expect.stringMatching(/^b\.csv:3: timestamp is before the previous row's/), code: 'DATA_ORDER' });
  });

  it('structure: header, field counts, empty files', async () => {
    expect(await read('a.csv', ',Open,High,Low,Close\n2020-02-30,1,2,1,1\n')).toEqual(malformed('a.csv:2: field "Date" ("2020-02-30") is not a valid date/time'));
    expect(await read('c.csv', ',Open,High,Close\n2020-01-01,1,2,1\n')).toEqual(malformed('c.csv:1: header has no "Low" column (found: ,Open,High,Close)'));
    expect(await read('n.csv', 'Name,Open,High,Low,Close\n')).toEqual(malformed('n.csv:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "name"'));
    expect(await read('w.csv', `${H}2020-01-01,1,2,0.5,1.5,10,7\n`)).toEqual(malformed('w.csv:2: row has 7 fields, the header names 6'));
    expect(await read('t.csv', 'Date,Time,Open,High,Low,Close\n2020-01-01,9h30,1,2,1,1\n')).toEqual(malformed('t.csv:2: field "Time" ("9h30") is not HH:MM[:SS]'));
    expect(await read('q.csv', 'TIMESTAMP,BID,ASK\n2020-01-01 10:00:00,1.2,1.1\n')).toEqual(malformed('q.csv:2: ASK 1.1 is below BID 1.2'));
    // UTF-8 characters cut by a block boundary are read whole.
    expect(await read('utf8.csv', 'Nåme€,Open,High,Low,Close\n', {}, 2)).toEqual(malformed('utf8.csv:1: the first column must be the date (named "Date", "Datetime", "Timestamp" or unnamed), found "nåme€"'));
    expect(await read('empty.csv', '')).toEqual({ error: 'empty.csv: the file is empty', code: 'DATA_EMPTY', exit: 3 });
    expect(await read('header.csv', H)).toEqual({ error: 'header.csv: no bars', code: 'DATA_EMPTY', exit: 3 });
  });

  it('lines: BOM and CRLF are read; a blank line may only end the file', async () => {
    const plain = await read('plain.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,11\n`);
    expect(plain).toMatchObject({ rows: expect.arrayContaining([expect.any(String)]) });
    expect(await read('bom-crlf.csv', `\uFEFF${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,11\n`.replace(/\n/g, '\r\n'))).toEqual(plain);
    expect(await read('bom-crlf-2.csv', `\uFEFF${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,11\n`.replace(/\n/g, '\r\n'), {}, 2)).toEqual(plain); // the BOM cut in two
    expect(await read('no-final-newline.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,11`)).toEqual(plain);
    expect(await read('trailing-blank.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,11\n\r\n\n`)).toEqual(plain);
    expect(await read('blank.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n\n2020-01-02,1,2,0.5,1.5,11\n`)).toEqual(malformed('blank.csv:3: the line is blank (blank lines may only end the file)'));
    expect(await read('blank-crlf.csv', `${H}2020-01-01,1,2,0.5,1.5,10\r\n\r\n\r\n2020-01-02,1,2,0.5,1.5,11\r\n`)).toEqual(malformed('blank-crlf.csv:3: the line is blank (blank lines may only end the file)'));
  });

  it('RFC 4180 quoting: quoted fields and doubled quotes are read; an open quote is an error', async () => {
    const plain = await read('unquoted.csv', `Date,Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n`);
    expect(plain).toEqual({ rows: ['1092873600000000000 100 104.06 95.96 100.34 22351900'] });
    expect(await read('quoted.csv', `"Date","Open","High","Low","Close","Volume"\n"2004-08-19","100","104.06",95.96,"100.34","22351900"\n`)).toEqual(plain);
    expect(await read('quoted-empty-name.csv', `"",Open,High,Low,Close,"Volume"\r\n"2004-08-19",100,104.06,95.96,100.34,22351900\r\n`)).toEqual(plain);
    // `""` inside quotes is one quote; a comma inside quotes does not split.
    expect(await read('doubled.csv', `Date,Open,High,Low,Close,"Note ""a"", b"\n2004-08-19,100,104.06,95.96,100.34\n`)).toEqual(malformed('doubled.csv:2: row has 5 fields, the header names 6'));
    expect(await read('doubled-value.csv', `Date,Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,"1""2"\n`)).toEqual(malformed('doubled-value.csv:2: field "Volume" ("1"2") is not a number'));
    expect(await read('open-quote.csv', `Date,Open,High,Low,Close,Volume\n"2004-08-19,100,104.06,95.96,100.34,22351900\n`)).toEqual(
      malformed('open-quote.csv:2: field 1 opens a quote that is not closed on its line (quoted fields may not hold line breaks)'));
    expect(await read('newline-in-quotes.csv', `Date,Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,"22351900\n"\n`)).toEqual(
      malformed('newline-in-quotes.csv:2: field 6 opens a quote that is not closed on its line (quoted fields may not hold line breaks)'));
    expect(await read('after-quote.csv', `Date,Open,High,Low,Close,Volume\n"2004-08-19"x,100,104.06,95.96,100.34,22351900\n`)).toEqual(malformed('after-quote.csv:2: field 1 has text after its closing quote'));
  });

  it('dates: one format per file, fixed by the first row', async () => {
    const D = 'Date,Open,High,Low,Close\n';
    // d/m/y, then ISO part-way: the ISO line is named, with or without --date-format.
    const switched = `${D}13/01/2020,1,2,1,1\n14/01/2020,1,2,1,1\n2020-01-15,1,2,1,1\n`;
    const named = malformed('switch.csv:4: field "Date" ("2020-01-15") is written YYYY-MM-DD, but line 2 set the file\'s date format to d/m/yyyy (one date format per file)');
    expect(await read('switch.csv', switched)).toEqual(named);
    expect(await read('switch.csv', switched, { dateFormat: 'dmy' })).toEqual(named);
    expect(await read('iso-then-slashed.csv', `${D}2020-01-13,1,2,1,1\n14/01/2020,1,2,1,1\n`, { dateFormat: 'dmy' })).toEqual(
      malformed('iso-then-slashed.csv:3: field "Date" ("14/01/2020") is written d/m/yyyy, but line 2 set the file\'s date format to YYYY-MM-DD (one date format per file)'));
    expect(await read('date-then-time.csv', `${D}2020-01-13,1,2,1,1\n2020-01-14 10:00,1,2,1,1\n`)).toEqual(
      malformed('date-then-time.csv:3: field "Date" ("2020-01-14 10:00") is written YYYY-MM-DD HH:MM, but line 2 set the file\'s date format to YYYY-MM-DD (one date format per file)'));
    expect(await read('t-then-space.csv', `${D}2020-01-13T10:00:00,1,2,1,1\n2020-01-13 11:00:00,1,2,1,1\n`)).toMatchObject({ code: 'DATA_MALFORMED', error: expect.stringMatching(/^t-then-space\.csv:3: .* is written YYYY-MM-DD HH:MM:SS, but line 2 .* YYYY-MM-DDTHH:MM:SS/) });
    // Fractions of a second are precision, not format.
    expect(await read('fractions.csv', `${D}2020-01-13 10:00:00.5,1,2,1,1\n2020-01-13 10:00:01,1,2,1,1\n`)).toEqual({ rows: ['1578909600500000000 1 2 1 1 0', '1578909601000000000 1 2 1 1 0'] });
    // The day/month order is settled from every date of the file, the same way in both paths.
    expect(await read('dmy.csv', `${D}01/02/2020,1,2,1,1\n13/02/2020,1,2,1,1\n`)).toEqual({ rows: ['1580515200000000000 1 2 1 1 0', '1581552000000000000 1 2 1 1 0'] });
    expect(await read('mdy.csv', `${D}01/02/2020,1,2,1,1\n01/13/2020,1,2,1,1\n`)).toEqual({ rows: ['1577923200000000000 1 2 1 1 0', '1578873600000000000 1 2 1 1 0'] });
    expect(await read('ambiguous.csv', `${D}01/02/2020,1,2,1,1\n01/03/2020,1,2,1,1\n`)).toEqual(
      malformed('ambiguous.csv: dates like "01/02/2020" are ambiguous (day/month or month/day); pass --date-format dmy or mdy'));
  });

  it('the real files of test/data: the same bars or the same error both ways', async () => {
    const real = async (name: string, options: DataOptions = {}) => read(name, await readFile(path.join('test/data', name)), options, 4093);
    expect(await real('2006-01-02-volume-min-001.txt')).toEqual(malformed('2006-01-02-volume-min-001.txt:2: row has 8 fields, the header names 7')); // CRLF lines
    expect(await real('ticksample.csv')).toEqual({ error: "ticksample.csv:24: timestamp is the same as the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)", code: 'DATA_ORDER', exit: 3 });
    expect(await real('bidask.csv')).toEqual(malformed('bidask.csv: dates like "02/03/2010 16:53:50" are ambiguous (day/month or month/day); pass --date-format dmy or mdy'));
    expect(await real('bidask.csv', { dateFormat: 'dmy', duplicates: 'keep' })).toMatchObject({ rows: { length: 10 } });
    expect(await real('ticksample.csv', { duplicates: 'keep' })).toMatchObject({ rows: { length: 135 } });
    for (const [name, rows] of [['orcl-1995-2014.txt', 5036], ['EURUSD.csv', 5000], ['2006-day-001.txt', 255], ['2006-min-005.txt', 2142]] as const)
      expect(await real(name), name).toMatchObject({ rows: { length: rows } });
  });

  it('a line longer than MAX_LINE is DATA_LIMIT naming the line, in memory and streamed', async () => {
    const long = `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,${'1'.repeat(MAX_LINE)}\n`;
    const limit = { error: `long.csv:3: the line is longer than the line-length limit of ${MAX_LINE} characters`, code: 'DATA_LIMIT', exit: 3 };
    expect(await read('long.csv', long, {}, 65536)).toEqual(limit);
    expect(await read('long.csv', long.slice(0, -1), {}, 65536)).toEqual(limit); // no final newline
    // Exactly MAX_LINE characters (plus CR) is still a line, also when a block ends between CR and LF.
    const edge = `${H}2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,${'0'.repeat(MAX_LINE - 24)}1\r\n`;
    const rows = { rows: ['1577836800000000000 1 2 0.5 1.5 10', '1577923200000000000 1 2 0.5 1.5 1'] };
    expect(await read('edge.csv', edge, {}, 65536)).toEqual(rows);
    expect(await read('edge.csv', edge, {}, edge.length - 1)).toEqual(rows);
    // ... and a first line of MAX_LINE characters after a BOM, the block ending before its LF.
    const header = `\uFEFF${H.trimEnd().padEnd(MAX_LINE)}\r\n`;
    const bom = `${header}2020-01-01,1,2,0.5,1.5,10\n`;
    expect(await read('bom-edge.csv', bom, {}, Buffer.byteLength(header) - 1)).toEqual({ rows: [rows.rows[0]] });
    expect(await read('bom-long.csv', bom.replace('\r\n', ' \r\n'), {}, Buffer.byteLength(header))).toEqual({ ...limit, error: limit.error.replace('long.csv:3', 'bom-long.csv:1') });
  });

  it('a 1 GiB line without a newline (a sparse file) is DATA_LIMIT after one block, not a crash', async () => {
    const file = path.join(dir, 'gib.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, H);
    ftruncateSync(fd, 1 << 30); // NUL bytes to 1 GiB, none of them a line break
    closeSync(fd);
    const feed = (await openData(file)) as StreamedDataFeed;
    expect('bars' in feed).toBe(false);
    const src = feed.open();
    const e = (() => {
      try {
        src.next();
      } catch (err) {
        return caught(err);
      }
      return null;
    })();
    expect(e).toEqual({ error: `gib.csv:2: the line is longer than the line-length limit of ${MAX_LINE} characters`, code: 'DATA_LIMIT', exit: 3 });
    // Read whole, it is refused before reading.
    await expect(loadData(file)).rejects.toMatchObject({ code: 'DATA_LIMIT', message: expect.stringMatching(/gib\.csv: 1073741824 bytes is above the limit of 268435456 bytes on a file read whole/) });
  });

  it('options: an unknown time zone is a usage error naming --timezone, on every path', async () => {
    const usage = { error: '--timezone "Mars/Olympus" is not a time zone this Node knows (use an IANA name such as America/New_York)', code: 'USAGE', exit: 2 };
    expect(await read('tz.csv', `${H}2020-01-01,1,2,0.5,1.5,10\n`, { timezone: 'Mars/Olympus' })).toEqual(usage);
    await expect(loadData('test/data/lean/equity/usa/daily/spy.zip', { timezone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'USAGE', message: usage.error });
    await expect(loadData('data/GOOG.csv', { dateFormat: 'ymd' as 'dmy' })).rejects.toMatchObject({ code: 'USAGE', message: '--date-format must be dmy or mdy, got "ymd"' });
  });
});

import { constants, crc32, deflateRawSync } from 'node:zlib';
import { MAX_UNZIPPED } from '../../host/data/zip.ts';

/** A one-entry zip (APPNOTE 4.3): local header, data, central directory, end record. */
function zipOf(name: string, data: Buffer, method: number, size: number, crc: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/**
 * Raw DEFLATE of `copies` MiB of '0': one MiB compressed once and ended by a sync flush (so it
 * refers to nothing before it), repeated, then an empty final block. 2 GiB cost 2 MB and no inflating.
 */
function zeros(copies: number): Buffer {
  const mib = deflateRawSync(Buffer.alloc(1 << 20, 0x30), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: copies }, () => mib), Buffer.from([0x03, 0x00])]);
}

describe('zip archives are bounded', () => {
  const lean = (bytes: Buffer) => writeFile(path.join(dir, 'spy.zip'), bytes).then(() => loadData(path.join(dir, 'spy.zip')));

  it('the generator makes valid deflate streams', async () => {
    const { inflateRawSync } = await import('node:zlib');
    expect(inflateRawSync(zeros(3)).equals(Buffer.alloc(3 << 20, 0x30))).toBe(true);
  });

  it('a zip bomb (2 MB declaring 2 GiB) is DATA_LIMIT before anything is inflated', async () => {
    const bomb = zipOf('spy.csv', zeros(2048), 8, 2 ** 31, 0);
    expect(bomb.length).toBeLessThan(5e6);
    const e = await lean(bomb).catch((x) => x);
    expect({ code: e.code, message: e.message, exit: exitCodeOf(e) }).toEqual({
      code: 'DATA_LIMIT', message: `spy.zip/spy.csv: decompresses to 2147483648 bytes, above the limit of ${MAX_UNZIPPED} bytes on a decompressed entry`, exit: 3,
    });
  });

  it('a bomb that lies about its size stops at the size it declares', async () => {
    const e = await lean(zipOf('spy.csv', zeros(2048), 8, 1000, 0)).catch((x) => x);
    expect({ code: e.code, message: e.message }).toEqual({ code: 'DATA_MALFORMED', message: 'spy.zip/spy.csv: inflates to more than the 1000 bytes its header declares' });
  });

  it('a short entry, a wrong CRC, an unknown method and a truncated archive are DATA_MALFORMED', async () => {
    const csv = Buffer.from('19980102 00:00,973100,975300,965300,973600,2150000\n');
    const ok = zipOf('spy.csv', deflateRawSync(csv), 8, csv.length, crc32(csv));
    expect((await lean(ok)).bars.close[0]).toBe(97.36);
    await expect(lean(zipOf('spy.csv', deflateRawSync(csv), 8, csv.length + 5, crc32(csv)))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: `spy.zip/spy.csv: holds ${csv.length} bytes, its header declares ${csv.length + 5}` });
    await expect(lean(zipOf('spy.csv', deflateRawSync(csv), 8, csv.length, crc32(csv) ^ 1))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: expect.stringMatching(/^spy\.zip\/spy\.csv: CRC-32 [0-9a-f]+ does not match the header's [0-9a-f]+$/) });
    await expect(lean(zipOf('spy.csv', csv, 12, csv.length, crc32(csv)))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: 'spy.zip: not a readable zip archive (spy.csv uses compression method 12 (only stored and deflated entries are read))' });
    await expect(lean(ok.subarray(0, 40))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: 'spy.zip: not a readable zip archive (no end of central directory)' });
    // The central directory points past the data it has.
    const cut = Buffer.concat([ok.subarray(0, 20), ok.subarray(ok.length - 22)]);
    await expect(lean(cut)).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: 'spy.zip: not a readable zip archive (the central directory lies outside the archive)' });
  });

  it('the lines of a Lean file are cut like a CSV file\'s (CRLF, blank lines, line length)', async () => {
    const rows = '19980102 00:00,973100,975300,965300,973600,2150000\r\n\r\n19980105 00:00,973100,975300,965300,973600,2150000\r\n';
    const z = (text: string) => { const b = Buffer.from(text); return zipOf('spy.csv', deflateRawSync(b), 8, b.length, crc32(b)); };
    await expect(lean(z(rows))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: 'spy.zip/spy.csv:2: the line is blank (blank lines may only end the file)' });
    expect((await lean(z(rows.replace('\r\n\r\n', '\r\n') + '\r\n'))).bars.length).toBe(2);
    await expect(lean(z(`19980102 00:00,973100,975300,965300,973600,${'1'.repeat(MAX_LINE)}\n`))).rejects.toMatchObject({ code: 'DATA_LIMIT', message: `spy.zip/spy.csv:1: the line is longer than the line-length limit of ${MAX_LINE} characters` });
    await expect(lean(z('19980102 00:00,973100,975300,965300,983600,2150000\n'))).rejects.toMatchObject({ code: 'DATA_MALFORMED', message: 'spy.zip/spy.csv:1: Close 98.36 is above High 97.53' });
  });
});

import { cli } from '../helpers/cli.ts';

describe('daylight saving time changes in --timezone (tester D6)', () => {
  const ny = { timezone: 'America/New_York' };
  const row = (t: string) => `${t},1,2,0.5,1.5,10\n`;
  const bar = (ns: string) => `${ns} 1 2 0.5 1.5 10`;
  const order = (error: string) => ({ error, code: 'DATA_ORDER', exit: 3 });

  it('a time the clocks skip is read moved forward (as before); one that then meets the next row says it does not exist', async () => {
    expect(await read('gap-ok.csv', H + row('2010-03-14 01:30') + row('2010-03-14 02:30') + row('2010-03-14 05:00'), ny))
      .toEqual({ rows: [bar('1268548200000000000'), bar('1268551800000000000'), bar('1268557200000000000')] });
    expect(await read('gap.csv', H + row('2010-03-14 01:30') + row('2010-03-14 02:30') + row('2010-03-14 03:30'), ny)).toEqual(order(
      "gap.csv:4: 2010-03-14 03:30 is the same instant as line 3's 2010-03-14 02:30, a time that does not exist in America/New_York (its clocks skip it: the change to daylight saving time), read as 2010-03-14 03:30; fix that row's time or --timezone"));
    expect(await read('gap2.csv', H + row('2010-03-14 03:30') + row('2010-03-14 02:30'), ny)).toEqual(order(
      "gap2.csv:3: 2010-03-14 02:30 does not exist in America/New_York (its clocks skip it: the change to daylight saving time), and read as 2010-03-14 03:30 it is the same instant as the previous row's time; fix the row's time or --timezone"));
    expect(await read('gap3.csv', H + row('2010-03-14 03:45') + row('"2010-03-14 02:30"'), ny)).toEqual(order(
      "gap3.csv:3: 2010-03-14 02:30 does not exist in America/New_York (its clocks skip it: the change to daylight saving time), and read as 2010-03-14 03:30 it is before the previous row's time; fix the row's time or --timezone"));
  });

  it('a tick file of Datetime,Price,Volume is told what a tick file holds (tester D17)', async () => {
    expect(await read('tick.csv', 'Datetime,Price,Volume\n2020-01-01 10:00:00.125,1.5,10\n')).toEqual(malformed(
      'tick.csv:1: header has no "Open" column (found: Datetime,Price,Volume); a tick file repeats its price in Open, High, Low and Close (docs/SEMANTICS.md, Loaders)'));
  });

  it('the repeated autumn hour: its second pass is read in standard time, so a feed running through it loads', async () => {
    const rows = H + row('2010-11-07 01:30') + row('2010-11-07 01:45') + row('"2010-11-07 01:15"') + row('2010-11-07 01:45') + row('2010-11-07 02:00');
    expect(await read('fall.csv', rows, ny)).toEqual({
      rows: ['1289107800000000000', '1289108700000000000', '1289110500000000000', '1289112300000000000', '1289113200000000000'].map(bar),
    });
    // a lone repeated time is still its earlier instant (daylight time), as before
    expect(await read('fall1.csv', H + row('2010-11-07 01:30'), ny)).toEqual({ rows: [bar('1289107800000000000')] });
    // a row before the previous one outside the repeated hour is still out of order
    expect(await read('fall2.csv', H + row('2010-11-07 03:00') + row('2010-11-07 01:30'), ny))
      .toEqual(order("fall2.csv:3: timestamp is before the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)"));
  });
});

describe('the CLI: bad input exits 3 (data) or 2 (usage), naming what is wrong', () => {
  const backtest = (data: string, ...more: string[]) =>
    cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', data, '--unsigned', '--out', path.join(dir, 'never'), ...more);

  it('--timezone Mars/Olympus is a usage error naming --timezone', async () => {
    const r = await backtest('data/GOOG.csv', '--timezone', 'Mars/Olympus');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('backproof backtest: error USAGE: --timezone "Mars/Olympus" is not a time zone this Node knows (use an IANA name such as America/New_York)');
  });

  it('a close above High, a zip bomb and a 2 MiB line are data errors', async () => {
    await writeFile(path.join(dir, 'above.csv'), `${H}2020-01-01,100,104,96,104.5,5\n`);
    const above = await backtest(path.join(dir, 'above.csv'));
    expect(above.code).toBe(3);
    expect(above.err).toBe('backproof backtest: error DATA_MALFORMED: above.csv:2: Close 104.5 is above High 104');
    await writeFile(path.join(dir, 'bomb.zip'), zipOf('spy.csv', zeros(2048), 8, 2 ** 31, 0));
    const bomb = await backtest(path.join(dir, 'bomb.zip'));
    expect(bomb.code).toBe(3);
    expect(bomb.err).toBe(`backproof backtest: error DATA_LIMIT: bomb.zip/spy.csv: decompresses to 2147483648 bytes, above the limit of ${MAX_UNZIPPED} bytes on a decompressed entry`);
    await writeFile(path.join(dir, 'line.csv'), `${H}2020-01-01,1,2,0.5,1.5,${'1'.repeat(2 << 20)}`);
    const line = await backtest(path.join(dir, 'line.csv'));
    expect(line.code).toBe(3);
    expect(line.err).toBe(`backproof backtest: error DATA_LIMIT: line.csv:2: the line is longer than the line-length limit of ${MAX_LINE} characters`);
  });
});
