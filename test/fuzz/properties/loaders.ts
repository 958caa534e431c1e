// Every data loader on random and mutated bytes (issue 12 item 7; docs/FUZZING.md): a loader returns bars
// or throws the project's DataError (host/errors), naming the file — never a TypeError, RangeError or any
// other internal error — and within a bound of time. Seeds are the first lines of the real sample files of
// each CSV dialect (data/, test/data/) and of the Lean zips, mutated by bit flips, truncation, inserted and
// deleted bytes, tokens that parsers trip on (huge numbers, odd dates, BOMs, stray quotes, invalid UTF-8,
// an over-long line), odd line endings, repeated and swapped lines. Beyond "typed error only":
// - the CSV paths agree: text (parseCsv), bytes held whole (parseCsvBytes), a file read in small blocks
//   (parseHashedCsv) and streamed in small chunks (CsvSource) give the same bars or the same error;
// - the column cache is never trusted: a cache file mutated after it was written gives the CSV's bars,
//   whole (loadData) and streamed (openData → CacheSource).
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DataError } from '../../../host/errors.ts';
import { parseCsv, parseCsvBytes } from '../../../host/data/csv.ts';
import { parseHashedCsv, loadData, openData, isStreamed } from '../../../host/data/load.ts';
import { CsvSource } from '../../../host/data/stream.ts';
import { parseLeanZip } from '../../../host/data/lean.ts';
import { unzipEntry, zipEntries } from '../../../host/data/zip.ts';
import { cachePath } from '../../../host/data/cache.ts';
import type { DataOptions } from '../../../host/data/options.ts';
import type { Bars, BarSource } from '../../../host/model/bars.ts';
import type { FuzzProperty } from '../property.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const firstLines = (file: string, n: number) => readFileSync(path.join(ROOT, file), 'utf8').split('\n').slice(0, n).join('\n') + '\n';

/** Valid CSVs of each dialect docs/DATA.md lists: 30 lines of each sample file. */
const CSV_SEEDS: readonly { name: string; text: string }[] = [
  'data/GOOG.csv', 'test/data/EURUSD.csv', 'test/data/bidask.csv', 'test/data/ticksample.csv',
  'test/data/orcl-1995-2014.txt', 'test/data/2006-day-001.txt', 'test/data/2006-min-005.txt',
].map((file) => ({ name: path.basename(file), text: firstLines(file, 30) }));

/** The Lean zips' CSVs, 30 lines each, with the archive's and the entry's names (both carry meaning). */
const LEAN_SEEDS: readonly { zip: string; entry: string; text: string }[] = [
  'test/data/lean/equity/usa/daily/spy.zip', 'test/data/lean/equity/usa/minute/spy/20131007_trade.zip',
  'test/data/lean/equity/usa/minute/spy/20131007_quote.zip', 'test/data/lean/equity/usa/tick/spy/20131007_trade.zip',
].map((file) => {
  const zip = readFileSync(path.join(ROOT, file));
  const [entry] = zipEntries(zip, file).filter((e) => e.name.endsWith('.csv'));
  const text = Buffer.from(unzipEntry(zip, entry!, file)).toString('utf8').split('\n').slice(0, 30).join('\n') + '\n';
  return { zip: path.basename(file), entry: entry!.name, text };
});

/** A zip archive of one entry (APPNOTE 6.3: local header, data, central directory, end record). */
export function zipOf(name: string, data: Uint8Array, deflate: boolean): Uint8Array {
  const body = deflate ? deflateRawSync(data) : data;
  const n = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(deflate ? 8 : 0, 8);
  local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(deflate ? 8 : 0, 10);
  central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(body.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10); end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

const TOKENS = [
  '\n', '\r', '\r\n', '\n\n', ',', ',,', '"', '-', '.', 'e', 'E', '+', ' ', '\t', '\0', '\uFEFF', '\u00a0', 'é', '€', '/', ':', 'T', 'Z',
  '1e308', '-1e308', '1e309', '9'.repeat(40), '0'.repeat(400), '0x10', 'NaN', 'Infinity', '-0', '1_000', '٣',
  '2020-02-30', '2020-13-01', '9999-12-31', '1677-09-21', '2262-04-12', '0000-00-00', '2020-01-01T25:00', '24:00:00', '23:59:60',
  '12/31/2020', '31/12/2020', '1/2/3', '2020-01-01 00:00:00+14:00', '1700000000', '-1', '99999999999999999999',
  // Local times New York skips (spring forward) and repeats (fall back), for the cases read in that zone.
  '2021-03-14 02:30:00', '2021-11-07 01:30:00', '2017-03-12 02:00:00',
];
const INVALID_UTF8 = [[0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]];

type Mutation =
  | { k: 'flip'; at: number; bit: number }
  | { k: 'truncate'; at: number }
  | { k: 'insert'; at: number; bytes: number[] }
  | { k: 'delete'; at: number; n: number }
  | { k: 'eol'; style: '\r\n' | '\r' | '\n\r' }
  | { k: 'line'; at: number; to: number; swap: boolean }
  | { k: 'long-line'; at: number };

const enc = (s: string) => [...Buffer.from(s, 'utf8')];
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.constantFrom(...TOKENS).map(enc), fc.constantFrom(...INVALID_UTF8), fc.array(fc.nat(255), { minLength: 1, maxLength: 6 })) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('eol' as const), style: fc.constantFrom('\r\n' as const, '\r' as const, '\n\r' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('line' as const), at: fc.nat(), to: fc.nat(), swap: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('long-line' as const), at: fc.nat() }) },
);

export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Buffer.from(input);
  for (const m of mutations) {
    const at = 'at' in m ? m.at % (b.length + 1) : 0;
    switch (m.k) {
      case 'flip': if (b.length > 0) b[at % b.length]! ^= 1 << m.bit; break;
      case 'truncate': b = b.subarray(0, at); break;
      case 'insert': b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]); break;
      case 'delete': b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.n)]); break;
      case 'eol': b = Buffer.from(b.toString('latin1').replace(/\n/g, m.style), 'latin1'); break;
      case 'line': {
        const lines = b.toString('latin1').split('\n');
        const i = m.at % lines.length, j = m.to % lines.length;
        if (m.swap) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        else lines.splice(j, 0, lines[i]!);
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      // Past the line-length limit (data/lines MAX_LINE, 1 MiB).
      case 'long-line': b = Buffer.concat([b.subarray(0, at), Buffer.alloc((1 << 20) + 3, 0x37), b.subarray(at)]); break;
    }
  }
  return b;
}

const optionsArb: fc.Arbitrary<DataOptions> = fc.constantFrom<DataOptions>({}, {}, { duplicates: 'keep' }, { dateFormat: 'dmy' }, { dateFormat: 'mdy' }, { timezone: 'America/New_York' });

/** What a loader did: its bars (as plain arrays) or its typed error. Anything but a DataError naming the file fails. */
type Outcome = { bars: string } | { error: string };
/** Each case is bounded: a loader taking longer over these few KiB (1 MiB with a long line) is reported as hanging. */
const CASE_MS = 5_000;

function outcome(file: string, load: () => Bars): Outcome {
  const started = performance.now();
  try {
    const bars = load();
    return { bars: barsText(bars) };
  } catch (e) {
    if (!(e instanceof DataError)) throw new Error(`${file}: an internal error, not a DataError: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
    assert.ok(e.message.includes(file), `the error does not name the file ${file}: ${e.message}`);
    return { error: `${e.code}: ${e.message}` };
  } finally {
    const took = performance.now() - started;
    assert.ok(took < CASE_MS, `${file}: took ${took.toFixed(0)} ms (bound ${CASE_MS} ms)`);
  }
}

/** Bars as text, checked first against the rules every loader promises (data/builder, docs/DATA.md). */
function barsText(b: Bars): string {
  const rows: string[] = [];
  for (let i = 0; i < b.length; i++) {
    const [o, h, l, c, v] = [b.open[i]!, b.high[i]!, b.low[i]!, b.close[i]!, b.volume[i]!];
    assert.ok(o > 0 && c > 0 && l > 0 && h < Infinity && l <= Math.min(o, c) && Math.max(o, c) <= h && v >= 0 && v < Infinity, `bar ${i} breaks the OHLC rules: ${o} ${h} ${l} ${c} ${v}`);
    if (i > 0) assert.ok(b.time[i]! >= b.time[i - 1]!, `bar ${i} is before the one above it`);
    rows.push(`${b.time[i]} ${o} ${h} ${l} ${c} ${v}`);
  }
  assert.ok(b.length > 0, 'bars returned, none in them');
  for (const c of [b.time, b.open, b.high, b.low, b.close, b.volume]) assert.equal(c.length, b.length, 'a column of another length');
  return rows.join('\n');
}

function drain(source: BarSource): Bars {
  const chunks: Bars[] = [];
  for (let c = source.next(); c !== null; c = source.next()) chunks.push({ ...c, time: c.time.slice(), open: c.open.slice(), high: c.high.slice(), low: c.low.slice(), close: c.close.slice(), volume: c.volume.slice() });
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const cat = <T extends BigInt64Array | Float64Array>(make: (n: number) => T, pick: (c: Bars) => T): T => {
    const out = make(n);
    let at = 0;
    for (const c of chunks) (out.set(pick(c) as never, at), (at += c.length));
    return out;
  };
  return {
    length: n, time: cat((k) => new BigInt64Array(k), (c) => c.time), open: cat((k) => new Float64Array(k), (c) => c.open), high: cat((k) => new Float64Array(k), (c) => c.high),
    low: cat((k) => new Float64Array(k), (c) => c.low), close: cat((k) => new Float64Array(k), (c) => c.close), volume: cat((k) => new Float64Array(k), (c) => c.volume),
  };
}

let scratch: string | null = null;
/** A folder for the cases' files (removed when the process exits). */
function scratchDir(): string {
  if (scratch === null) {
    scratch = mkdtempSync(path.join(tmpdir(), 'backproof-fuzz-'));
    const dir = scratch;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}
let fileCount = 0;
/** `bytes` as file `name` in a folder of its own (the name carries meaning: a Lean zip's date, a symbol). */
function caseFile(name: string, bytes: Uint8Array): string {
  const dir = path.join(scratchDir(), String(fileCount++));
  mkdirSync(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Per property: the cases checked, how many gave bars, and the DataError codes of the others (the tests pin them). */
export const loaderTally = new Map<string, { cases: number; bars: number; errors: Record<string, number> }>();
function count(property: string, o: Outcome): void {
  const t = loaderTally.get(property) ?? { cases: 0, bars: 0, errors: {} };
  loaderTally.set(property, t);
  t.cases++;
  if ('bars' in o) t.bars++;
  else {
    const code = o.error.slice(0, o.error.indexOf(':'));
    t.errors[code] = (t.errors[code] ?? 0) + 1;
  }
}

/** The four CSV paths on the same bytes: each a DataError or bars, and all the same. */
function checkCsv(property: string, name: string, bytes: Uint8Array, options: DataOptions, block: number, chunk: number): void {
  const text = Buffer.from(bytes).toString('utf8');
  const exact = outcome(name, () => parseCsv(text, name, options));
  count(property, exact);
  const whole = outcome(name, () => parseCsvBytes(bytes, name, options));
  assert.deepEqual(whole, exact, 'parseCsvBytes differs from parseCsv of the same text');
  const file = caseFile(name, bytes);
  const blocks = outcome(name, () => parseHashedCsv(file, name, options, null, block)!.bars);
  assert.deepEqual(blocks, exact, `the file read in blocks of ${block} bytes differs from parseCsv`);
  const streamed = outcome(name, () => drain(new CsvSource(file, name, options, chunk, block)));
  assert.deepEqual(streamed, exact, `the file streamed in chunks of ${chunk} bars and blocks of ${block} bytes differs from parseCsv`);
}

const csvCaseArb = fc.record({
  // No mutation at all in about a case of four: the paths must then agree on bars, not only on errors.
  seed: fc.nat(CSV_SEEDS.length - 1), lines: fc.integer({ min: 1, max: 30 }), mutations: fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.array(mutationArb, { maxLength: 1 })),
  options: optionsArb, block: fc.constantFrom(7, 64, 1000, 1 << 16), chunk: fc.constantFrom(1, 5, 65536),
});

function csvSeed(seed: number, lines: number): { name: string; bytes: Uint8Array } {
  const s = CSV_SEEDS[seed]!;
  return { name: s.name, bytes: Buffer.from(s.text.split('\n').slice(0, lines + 1).join('\n') + '\n') };
}

export const loaderProperties: FuzzProperty[] = [
  {
    name: 'loaders-csv-mutated',
    invariant: 'a mutated CSV of every dialect: bars or a DataError naming the file, the same from text, bytes, blocks and stream',
    property: () => fc.property(csvCaseArb, (c) => {
      const { name, bytes } = csvSeed(c.seed, c.lines);
      // A line of 1 MiB read a few bytes at a time is rescanned at each block (quadratic): the product reads
      // in blocks of MiBs, the small ones are for cutting lines, CRLFs and characters, on short lines.
      const block = c.mutations.some((m) => m.k === 'long-line') ? Math.max(c.block, 1 << 16) : c.block;
      checkCsv('loaders-csv-mutated', name, mutate(bytes, c.mutations), c.options, block, c.chunk);
    }),
    runs: 400,
  },
  {
    name: 'loaders-csv-random',
    invariant: 'random bytes (and random text of CSV characters) as a CSV: bars or a DataError, the same on every path',
    property: () => fc.property(
      fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.stringMatching(/^[-0-9a-zA-Z,.:/ \r\n"+eE]{0,300}$/).map((s) => Buffer.from(s) as Uint8Array)),
      optionsArb, fc.constantFrom(7, 1 << 16),
      (bytes, options, block) => checkCsv('loaders-csv-random', 'random.csv', bytes, options, block, 3),
    ),
    runs: 300,
  },
  {
    name: 'loaders-lean-mutated',
    invariant: 'a Lean zip whose CSV is mutated, and a Lean zip mutated itself: bars or a DataError naming the file',
    property: () => fc.property(
      // Each side unmutated in about half the cases, so that the archive's reader and the CSV's parser are both reached.
      fc.nat(LEAN_SEEDS.length - 1), fc.integer({ min: 1, max: 30 }),
      fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationArb, { minLength: 1, maxLength: 3 })), fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationArb, { minLength: 1, maxLength: 2 })), fc.boolean(), optionsArb,
      (seed, lines, inner, outer, deflate, options) => {
        const s = LEAN_SEEDS[seed]!;
        const csv = mutate(Buffer.from(s.text.split('\n').slice(0, lines).join('\n') + '\n'), inner);
        const zip = mutate(zipOf(s.entry, csv, deflate), outer);
        count('loaders-lean-mutated', outcome(s.zip, () => parseLeanZip(zip, s.zip, options)));
      },
    ),
    runs: 400,
  },
  {
    name: 'loaders-column-cache',
    invariant: 'a column cache file mutated after it was written is never trusted: loadData and a streamed read give the CSV\'s bars',
    property: () => fc.asyncProperty(
      fc.nat(CSV_SEEDS.length - 1), fc.integer({ min: 2, max: 30 }), fc.array(mutationArb.filter((m) => m.k === 'flip' || m.k === 'truncate' || m.k === 'insert' || m.k === 'delete'), { minLength: 1, maxLength: 3 }), fc.boolean(),
      async (seed, lines, mutations, streamed) => {
        const { name, bytes } = csvSeed(seed, lines);
        // Ticks and quotes repeat a timestamp (kept); bidask.csv's first dates are ambiguous (02/03/2010: month/day/year).
        const options: DataOptions = name === 'bidask.csv' ? { dateFormat: 'mdy', duplicates: 'keep' } : { duplicates: 'keep' };
        const expected = parseCsvBytes(bytes, name, options);
        const file = caseFile(name, bytes);
        const first = await loadData(file, options); // writes the cache
        assert.equal(barsText(first.bars), barsText(expected));
        const cache = cachePath({ sha256: first.sha256, byteLength: first.byteLength, options });
        assert.ok(cache !== null && existsSync(cache), 'no column cache was written (is BACKPROOF_CACHE_DIR off?)');
        writeFileSync(cache, mutate(readFileSync(cache), mutations));
        let bars: Bars;
        if (streamed) {
          const feed = await openData(file, options, 0);
          assert.ok(isStreamed(feed));
          bars = drain(feed.open());
        } else bars = (await loadData(file, options)).bars;
        assert.equal(barsText(bars), barsText(expected), `the bars read ${streamed ? 'streamed' : 'whole'} after the cache was damaged differ from the CSV's`);
        count('loaders-column-cache', { bars: '' });
      },
    ),
    runs: 100,
  },
];
