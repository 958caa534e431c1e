// The column cache (data/cache, docs/DATA.md): a second load reads the bars the first one parsed; a
// cache that is damaged in any byte, truncated, of another version or for other options is never
// trusted (the bars are the CSV's, and the file is replaced); one that cannot be written is skipped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { isStreamed, loadData, openData, type StreamedData } from '../../host/data/load.ts';
import { parseCsv } from '../../host/data/csv.ts';
import { CacheReader, CacheSource, GROUP_ROWS, cacheDir } from '../../host/data/cache.ts';
import { cacheRoot } from '../../host/build/cache-root.ts';
import { homedir } from 'node:os';
import type { Bars } from '../../host/model/bars.ts';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

function fingerprint(chunks: Bars[]): string {
  const h = createHash('sha256');
  let n = 0;
  for (const k of COLUMNS) for (const c of chunks) h.update(new Uint8Array(c[k].buffer, c[k].byteOffset, c[k].byteLength));
  for (const c of chunks) n += c.length;
  return `${n}:${h.digest('hex')}`;
}

let root = '';
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.BACKPROOF_CACHE_DIR;
  root = mkdtempSync(path.join(tmpdir(), 'backproof-column-cache-'));
  process.env.BACKPROOF_CACHE_DIR = root;
});
afterEach(() => {
  if (saved === undefined) delete process.env.BACKPROOF_CACHE_DIR;
  else process.env.BACKPROOF_CACHE_DIR = saved;
});

const cacheFiles = () => (existsSync(path.join(root, 'columns')) ? readdirSync(path.join(root, 'columns')).map((f) => path.join(root, 'columns', f)) : []);

/** The cache file's layout, read as docs/DATA.md writes it down. */
function layout(bytes: Buffer) {
  const header = bytes.readUInt32LE(12), rows = Number(bytes.readBigUInt64LE(56)), group = bytes.readUInt32LE(72);
  const groups: { at: number; rows: number }[] = [];
  for (let at = header, left = rows; left > 0; left -= group) {
    const n = Math.min(group, left);
    groups.push({ at, rows: n });
    at += n * 48 + 24;
  }
  return { header, rows, group, groups };
}

/** Recomputes every checksum after a deliberate edit (so the edited cache is valid, and must be believed): the header's, and each group's column's. */
function rechecksum(bytes: Buffer): void {
  const { header, groups } = layout(bytes);
  bytes.writeUInt32LE(crc32(bytes.subarray(0, header - 4)) >>> 0, header - 4);
  for (const g of groups)
    for (let c = 0; c < 6; c++) bytes.writeUInt32LE(crc32(bytes.subarray(g.at + c * g.rows * 8, g.at + (c + 1) * g.rows * 8)) >>> 0, g.at + g.rows * 48 + 4 * c);
}

/** The same bars in format version 1 (each group's tail one CRC-32 over all its columns, then 4 zero bytes): what an older Backproof wrote. */
function asVersion1(bytes: Buffer): Buffer {
  const { header, groups } = layout(bytes);
  const parts: Buffer[] = [Buffer.from(bytes.subarray(0, header))];
  parts[0]!.writeUInt32LE(1, 8);
  parts[0]!.writeUInt32LE(crc32(parts[0]!.subarray(0, header - 4)) >>> 0, header - 4);
  for (const g of groups) {
    const columns = bytes.subarray(g.at, g.at + g.rows * 48);
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(crc32(columns) >>> 0, 0);
    parts.push(columns, tail);
  }
  return Buffer.concat(parts);
}

function flip(b: Buffer, at: number, bits: number): Buffer {
  b.writeUInt8(b.readUInt8(at) ^ bits, at);
  return b;
}

const ORCL = 'test/data/orcl-1995-2014.txt';

describe('the column cache', () => {
  it('is written on the first load, in the documented format, and read on the second: the same bars and record fields', async () => {
    const cold = await loadData(ORCL);
    const files = cacheFiles();
    expect(files.map((f) => path.basename(f))).toMatchObject([expect.stringMatching(new RegExp(`^${cold.byteLength}-${cold.sha256}-[0-9a-f]{16}\\.bpcol$`))]);
    const bytes = readFileSync(files[0]!);
    expect(bytes.toString('latin1', 0, 8)).toBe('BPCOLUMN');
    expect(bytes.readUInt32LE(8)).toBe(2);
    expect(bytes.toString('hex', 16, 48)).toBe(cold.sha256);
    expect(Number(bytes.readBigUInt64LE(48))).toBe(cold.byteLength);
    expect(bytes.toString('utf8', 80, 80 + bytes.readUInt32LE(76))).toBe('{"parser":2,"timezone":"UTC","dateFormat":null,"duplicates":"error","tzdata":null}');
    const l = layout(bytes);
    expect([l.rows, l.group, l.groups.length, bytes.length]).toEqual([5036, GROUP_ROWS, 1, l.header + 5036 * 48 + 24]);
    // The columns, whole, in order: time int64, then open … volume float64, little-endian.
    const g = l.groups[0]!;
    expect(bytes.readBigInt64LE(g.at)).toBe(cold.bars.time[0]);
    expect(bytes.readDoubleLE(g.at + 5036 * 8 * 4 + 8 * 5035)).toBe(cold.bars.close[5035]);
    // Then the CRC-32 of each column, in the same order.
    const column = (c: number) => bytes.subarray(g.at + c * 5036 * 8, g.at + (c + 1) * 5036 * 8);
    expect([0, 1, 2, 3, 4, 5].map((c) => bytes.readUInt32LE(g.at + 5036 * 48 + 4 * c))).toEqual([0, 1, 2, 3, 4, 5].map((c) => crc32(column(c)) >>> 0));

    const hot = await loadData(ORCL);
    expect(fingerprint([hot.bars])).toBe(fingerprint([cold.bars]));
    expect({ ...hot, bars: null }).toEqual({ ...cold, bars: null });
    expect(fingerprint([cold.bars])).toBe(fingerprint([parseCsv(readFileSync(ORCL, 'utf8'), 'orcl-1995-2014.txt')]));
  });

  it('is believed when valid (so a hit really reads it), and never when any byte is off, cut or added', async () => {
    const cold = await loadData(ORCL);
    const file = cacheFiles()[0]!;
    const good = readFileSync(file);
    // A valid cache saying another close: believed (the checksums are there to catch damage, not edits).
    const edited = Buffer.from(good);
    const g = layout(edited).groups[0]!;
    edited.writeDoubleLE(123.5, g.at + 5036 * 8 * 4);
    rechecksum(edited);
    writeFileSync(file, edited);
    expect((await loadData(ORCL)).bars.close[0]).toBe(123.5);

    const want = fingerprint([cold.bars]);
    const { header } = layout(good);
    const damages: [string, (b: Buffer) => Buffer][] = [
      ...[0, 8, 12, 16, 47, 48, 56, 64, 72, 76, 80, header - 20, header - 4, g.at, g.at + 3, g.at + 5036 * 8 * 3 + 1, g.at + 5036 * 48 - 1, g.at + 5036 * 48, g.at + 5036 * 48 + 4, g.at + 5036 * 48 + 12, g.at + 5036 * 48 + 23]
        .map((at): [string, (b: Buffer) => Buffer] => [`byte ${at} flipped`, (b) => flip(b, at, 0x10)]),
      ['cut by a byte', (b) => b.subarray(0, b.length - 1)],
      ['cut to its header', (b) => b.subarray(0, header)],
      ['cut inside its header', (b) => b.subarray(0, 40)],
      ['empty', () => Buffer.alloc(0)],
      ['a byte added', (b) => Buffer.concat([b, Buffer.from([0])])],
      ['version 3', (b) => (b.writeUInt32LE(3, 8), rechecksum(b), b)],
      ['version 1, whole (as an older Backproof wrote it)', (b) => asVersion1(b)],
      ['version 1 in a version 2 layout', (b) => (b.writeUInt32LE(1, 8), rechecksum(b), b)],
      ['another CSV size', (b) => (b.writeBigUInt64LE(BigInt(cold.byteLength + 1), 48), rechecksum(b), b)],
      ['another CSV hash', (b) => (flip(b, 16, 1), rechecksum(b), b)],
      ['other options', (b) => (b.write('utc', b.indexOf('"UTC"') + 1, 'latin1'), rechecksum(b), b)],
      ['a row less', (b) => (b.writeBigUInt64LE(5035n, 56), rechecksum(b), b)],
    ];
    for (const [what, damage] of damages) {
      writeFileSync(file, damage(Buffer.from(good)));
      expect(fingerprint([(await loadData(ORCL)).bars]), what).toBe(want);
      // Replaced by a good one, atomically (no temporary file left).
      expect(readFileSync(file).equals(good), what).toBe(true);
      expect(cacheFiles(), what).toEqual([file]);
    }
  });

  it('keeps one file per set of options that changes bars', async () => {
    const utc = await loadData(ORCL);
    const ny = await loadData(ORCL, { timezone: 'America/New_York' });
    expect(cacheFiles().length).toBe(2);
    const nyAgain = await loadData(ORCL, { timezone: 'America/New_York' });
    expect(fingerprint([nyAgain.bars])).toBe(fingerprint([parseCsv(readFileSync(ORCL, 'utf8'), 'o', { timezone: 'America/New_York' })]));
    expect(nyAgain.bars.time[0]! - utc.bars.time[0]!).toBe(5n * 3_600_000_000_000n);
    expect(ny.sha256).toBe(utc.sha256);
    await loadData('test/data/ticksample.csv', { duplicates: 'keep' });
    const ticks = await loadData('test/data/ticksample.csv', { duplicates: 'keep' });
    expect([ticks.duplicatesKept, cacheFiles().length]).toEqual([1, 3]);
    await expect(loadData('test/data/ticksample.csv')).rejects.toThrow(/ticksample\.csv:24: timestamp is the same as the previous row's/);
  });

  it('is skipped silently when off or when its folder cannot be made', async () => {
    process.env.BACKPROOF_CACHE_DIR = 'off';
    const off = await loadData(ORCL);
    expect(readdirSync(root)).toEqual([]);
    const blocker = path.join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    process.env.BACKPROOF_CACHE_DIR = path.join(blocker, 'cache');
    const blocked = await loadData(ORCL);
    expect(fingerprint([blocked.bars])).toBe(fingerprint([off.bars]));
    expect(readdirSync(root)).toEqual(['a-file']);
  });

  it('streams a large CSV from the cache group by group; a group damaged after opening hands over to the CSV; bad data leaves no cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-column-stream-'));
    const file = path.join(dir, 'big.csv');
    const rows = ['Date,Open,High,Low,Close,Volume'];
    let t = Date.UTC(2001, 0, 1);
    for (let i = 0; i < 150_000; i++, t += 60_000) {
      const p = 100 + ((i * 7919) % 1000) / 100;
      rows.push(`${new Date(t).toISOString().slice(0, 19).replace('T', ' ')},${p},${(p + 0.5).toFixed(2)},${p - 0.25},${p},${i % 977}`);
    }
    writeFileSync(file, rows.join('\n') + '\n');
    const want = fingerprint([parseCsv(readFileSync(file, 'utf8'), 'big.csv')]);
    const drain = (feed: StreamedData) => {
      const src = feed.open();
      const chunks: Bars[] = [];
      for (let c = src.next(); c; c = src.next()) chunks.push(c);
      return { src, print: fingerprint(chunks), sizes: chunks.map((c) => c.length) };
    };
    const feed = (await openData(file, {}, 0)) as StreamedData;
    expect(isStreamed(feed)).toBe(true);
    const [cache] = cacheFiles();
    expect(layout(readFileSync(cache!)).groups.map((g) => g.rows)).toEqual([65536, 65536, 18928]);
    const hit = drain(feed);
    expect(hit.src).toBeInstanceOf(CacheSource);
    expect([hit.print, hit.sizes, hit.src.estimatedLength!()]).toEqual([want, [65536, 65536, 18928], 150_000]);
    // Damage group 1 after the feed was opened: group 0 is from the cache, the rest from the CSV.
    const good = readFileSync(cache!);
    const damaged = Buffer.from(good);
    flip(damaged, layout(good).groups[1]!.at + 100, 1);
    writeFileSync(cache!, damaged);
    const handed = drain(feed);
    expect(handed.print).toBe(want);
    expect(handed.sizes[0]).toBe(65536);
    // Opened again, the damaged file is found out and rebuilt; then it is read again.
    const again = (await openData(file, {}, 0)) as StreamedData;
    expect(readFileSync(cache!).equals(good)).toBe(true);
    expect(drain(again).print).toBe(want);

    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, rows.slice(0, 70_000).join('\n') + '\n2001-03-01 00:00:00,1,2,x,1,0\n');
    const badFeed = (await openData(bad, {}, 0)) as StreamedData;
    expect(cacheFiles().length).toBe(1);
    expect(() => drain(badFeed)).toThrow('bad.csv:70001: field "Low" ("x") is not a number');
    expect(readdirSync(path.join(root, 'columns')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loads a cut CSV afresh: the key is the content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-column-key-'));
    const file = path.join(dir, 'o.csv');
    writeFileSync(file, readFileSync(ORCL));
    const whole = await loadData(file);
    const text = readFileSync(ORCL, 'utf8');
    writeFileSync(file, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1)); // the last row cut
    const cut = await loadData(file);
    expect([whole.bars.length, cut.bars.length, cacheFiles().length]).toEqual([5036, 5035, 2]);
    expect(cut.sha256).not.toBe(whole.sha256);
  });

  it('reads and checks a group\'s time column alone (readTimes): a damaged time column is caught, a damaged close column is not read (readAll catches it)', async () => {
    const cold = await loadData(ORCL);
    const file = cacheFiles()[0]!;
    const good = readFileSync(file);
    const key = { sha256: cold.sha256, byteLength: cold.byteLength, options: {} };
    const g = layout(good).groups[0]!;
    expect(CacheReader.open(key)!.readTimes(0)).toEqual(cold.bars.time);
    // A close flipped: readTimes reads the times exactly (the close column is not read), readAll fails and removes the file.
    writeFileSync(file, flip(Buffer.from(good), g.at + 5036 * 8 * 4 + 8, 0x10));
    expect(CacheReader.open(key)!.readTimes(0)).toEqual(cold.bars.time);
    expect(CacheReader.open(key)!.readAll()).toBeNull();
    expect(existsSync(file)).toBe(false);
    // A time flipped, or the time column's CRC: readTimes fails and removes the file.
    for (const at of [g.at + 8 * 77, g.at + 5036 * 48]) {
      writeFileSync(file, flip(Buffer.from(good), at, 0x10));
      expect(CacheReader.open(key)!.readTimes(0), `byte ${at}`).toBeNull();
      expect(existsSync(file), `byte ${at}`).toBe(false);
    }
    // An older version's file is not opened at all.
    writeFileSync(file, asVersion1(Buffer.from(good)));
    expect(CacheReader.open(key)).toBeNull();
  });
});

describe('the column cache folder', () => {
  it('is columns/ of the folder host/build/cache-root.ts names: a relative BACKPROOF_CACHE_DIR against the working folder, a relative XDG_CACHE_HOME ignored', () => {
    const saved = { dir: process.env.BACKPROOF_CACHE_DIR, xdg: process.env.XDG_CACHE_HOME };
    const cases: [string | undefined, string | undefined, string | null][] = [
      ['rel/bp', undefined, path.resolve('rel/bp', 'columns')],
      ['/abs/bp', '/abs/xdg', '/abs/bp/columns'],
      ['off', '/abs/xdg', null],
      [undefined, '/abs/xdg', '/abs/xdg/backproof/columns'],
      [undefined, 'xdg', path.join(homedir(), '.cache', 'backproof', 'columns')],
      [undefined, undefined, path.join(homedir(), '.cache', 'backproof', 'columns')],
    ];
    try {
      for (const [dir, xdg, expected] of cases) {
        if (dir === undefined) delete process.env.BACKPROOF_CACHE_DIR; else process.env.BACKPROOF_CACHE_DIR = dir;
        if (xdg === undefined) delete process.env.XDG_CACHE_HOME; else process.env.XDG_CACHE_HOME = xdg;
        expect(cacheDir(), `${dir} ${xdg}`).toBe(expected);
        const root = cacheRoot(process.env);
        expect(root === null ? null : path.join(root, 'columns')).toBe(expected);
      }
    } finally {
      if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME; else process.env.XDG_CACHE_HOME = saved.xdg;
    }
  });
});
