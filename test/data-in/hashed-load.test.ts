// loadData's CSV path (data/load parseHashedCsv): the file is hashed, then parsed as it is read in blocks
// (never held whole) and hashed again: the same bars or error as parseCsvBytes of the whole file, the
// file's own SHA-256 and length, and nothing (null) when the bytes read are not the ones hashed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, parseHashedCsv } from '../../host/data/load.ts';
import { parseCsvBytes } from '../../host/data/csv.ts';
import type { DataOptions } from '../../host/data/options.ts';
import type { Bars } from '../../host/model/bars.ts';
import { barsFingerprint, outcome } from '../helpers/bars-outcome.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'backproof-hashed-load-'));
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const fingerprint = (b: Bars & { duplicates?: number }): string => barsFingerprint([b], b.duplicates ?? 0);

let files = 0;
/** parseCsvBytes of the bytes, after checking that parseHashedCsv gives the same in each block size (and the bytes' hash). */
function same(bytes: Buffer | string, name = 'f.csv', options: DataOptions = {}, blocks = [7, 64, 4096]): string {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const file = path.join(dir, `${files++}-${name}`);
  writeFileSync(file, b);
  const whole = outcome(() => fingerprint(parseCsvBytes(b, name, options)));
  for (const block of blocks)
    for (const expected of [{ sha256: sha(b), byteLength: b.length }, null]) {
      const read = outcome(() => {
        const r = parseHashedCsv(file, name, options, expected, block)!;
        expect([r.sha256, r.byteLength]).toEqual([sha(b), b.length]);
        return fingerprint(r.bars);
      });
      expect(read, `${name} block ${block}, expected ${expected ? 'given' : 'none'}`).toBe(whole);
    }
  return whole;
}

let saved: string | undefined;
let cache = '';
beforeEach(() => {
  saved = process.env.BACKPROOF_CACHE_DIR;
  cache = mkdtempSync(path.join(tmpdir(), 'backproof-hashed-load-cache-'));
  process.env.BACKPROOF_CACHE_DIR = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env.BACKPROOF_CACHE_DIR;
  else process.env.BACKPROOF_CACHE_DIR = saved;
});

describe('a CSV parsed as it is read, hashed twice', () => {
  it('gives every file in test/data (and data/GOOG.csv) the bars or error it has read whole', () => {
    const options: Record<string, DataOptions[]> = {
      'bidask.csv': [{}, { duplicates: 'keep' }, { duplicates: 'keep', dateFormat: 'dmy' }, { duplicates: 'keep', dateFormat: 'mdy' }],
      'ticksample.csv': [{}, { duplicates: 'keep' }],
    };
    const seen: string[] = [];
    for (const name of readdirSync('test/data').filter((f) => /\.(csv|txt)$/.test(f)))
      for (const o of options[name] ?? [{}]) seen.push(`${name} ${JSON.stringify(o)}: ${same(readFileSync(path.join('test/data', name)), name, o, [4096, 1 << 20])}`);
    seen.push(same(readFileSync('data/GOOG.csv'), 'GOOG.csv', {}, [333, 8 << 20]));
    expect(seen.find((s) => s.startsWith('orcl-1995-2014.txt {}'))).toBe('orcl-1995-2014.txt {}: 5036 bars, 0 duplicates, 1aa626f3efbd5f65907e43ec7d7da1730bab6c3ba50ea26692ba7c15d1bbedd2');
    expect(seen.at(-1)).toBe('2148 bars, 0 duplicates, cfa42248b834edf32a7cbfe4ce31deb9a3545c615f33da023bdbb95a5f07a7c7');
    expect(seen.find((s) => s.startsWith('2006-01-02-volume-min-001.txt {}'))).toMatch(/DataError DATA_MALFORMED: 2006-01-02-volume-min-001.txt:2: row has 8 fields, the header names 7$/);
  });

  it('cuts lines, characters and dates across blocks as the whole file does: CRLF, BOM, quotes, UTF-8, d/m/y settled, errors', () => {
    const head = 'Date,Open,High,Low,Close,Volume\n';
    expect(same(`\ufeff${head}2020-01-01,1,2,0.5,1.5,10\r\n2020-01-02,"1.5",2,1,1.25,0\r\n\r\n`)).toMatch(/^2 bars, 0 duplicates, /);
    expect(same(`Date,Open,High,Low,Close,Volume,Note\n2020-01-01,1,2,0.5,1.5,10,"é, ""ü"" 😀"\n2020-01-02,1,2,0.5,1.5,10,ß\n`)).toMatch(/^2 bars, /);
    // Slashed dates without a format: settled by reading every date (13/… makes them d/m/y).
    expect(same(`${head}02/01/2020,1,2,0.5,1.5,10\n13/01/2020,1,2,0.5,1.5,10\n`)).toMatch(/^2 bars, /);
    expect(same(`${head}01/02/2020,1,2,0.5,1.5,10\n01/13/2020,1,2,0.5,1.5,10\n`)).toMatch(/^2 bars, /);
    expect(same(`${head}2020-01-01,1,2,0.5,1.5,10\n2020-01-01,1,2,0.5,1.5,10\n`, 'dup.csv')).toBe(
      "DataError DATA_ORDER: dup.csv:3: timestamp is the same as the previous row's (rows must be in increasing time; pass --duplicates keep for equal times)");
    expect(same(`${head.trim()}\r2020-01-01,1,2,0.5,1.5,10\r2020-01-02,1,2,0.5,1.5,10\r`, 'cr.csv')).toBe(
      'DataError DATA_MALFORMED: cr.csv: no LF line ends were found, only CRs (old Mac line ends), so the file reads as one line; convert its line ends to LF or CRLF');
    expect(same('', 'empty.csv')).toBe('DataError DATA_EMPTY: empty.csv: the file is empty');
  });

  it('is null when the bytes read are not the ones hashed (the file changed): never bars of other bytes', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,10\n';
    const file = path.join(dir, 'changed.csv');
    writeFileSync(file, text);
    const right = { sha256: sha(Buffer.from(text)), byteLength: text.length };
    expect(parseHashedCsv(file, 'changed.csv', {}, right)!.bars.length).toBe(2);
    expect(parseHashedCsv(file, 'changed.csv', {}, { ...right, sha256: sha(Buffer.from('other')) })).toBeNull();
    expect(parseHashedCsv(file, 'changed.csv', {}, { ...right, byteLength: text.length + 1 })).toBeNull();
    const slashed = 'Date,Open,High,Low,Close,Volume\n02/01/2020,1,2,0.5,1.5,10\n13/01/2020,1,2,0.5,1.5,10\n';
    writeFileSync(file, slashed);
    expect(parseHashedCsv(file, 'changed.csv', {}, { sha256: sha(Buffer.from(slashed)), byteLength: slashed.length })!.bars.length).toBe(2);
    expect(parseHashedCsv(file, 'changed.csv', {}, { sha256: sha(Buffer.from(text)), byteLength: slashed.length })).toBeNull();
  });

  it('loadData: the same bars, hash and length with the column cache on (parsed, then read from it) and off', async () => {
    const bytes = readFileSync('test/data/orcl-1995-2014.txt');
    const expected = ['5036 bars, 0 duplicates, 1aa626f3efbd5f65907e43ec7d7da1730bab6c3ba50ea26692ba7c15d1bbedd2', sha(bytes), bytes.length];
    const seen = async (): Promise<unknown[]> => {
      const d = await loadData('test/data/orcl-1995-2014.txt');
      return [fingerprint(d.bars), d.sha256, d.byteLength];
    };
    expect(await seen()).toEqual(expected); // parsed, and cached
    const columns = path.join(cache, 'columns');
    expect(readdirSync(columns).filter((f) => f.startsWith(`${bytes.length}-${sha(bytes)}-`) && f.endsWith('.bpcol')).length).toBe(1);
    expect(await seen()).toEqual(expected); // from the cache
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(await seen()).toEqual(expected); // one read, no cache
    expect(existsSync(path.join('off', 'columns'))).toBe(false);
  });
});
