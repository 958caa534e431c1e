// The column cache's file name starts with the CSV's size (data/cache cachePath, docs/DATA.md "Name"), so
// loadData knows a CSV of a size no cache file has is new (mayBeCached) and reads it once, hashed as it
// is parsed, rather than hashing it first to look it up: the same bars, hash and cache file bytes as the
// lookup path, and the next load finds that file. Files of the name before the size led it are removed
// when a cache file is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData } from '../../host/data/load.ts';
import { CacheReader, mayBeCached } from '../../host/data/cache.ts';

const ORCL = 'test/data/orcl-1995-2014.txt';
const bytes = readFileSync(ORCL);
const sha = createHash('sha256').update(bytes).digest('hex');

let root = '';
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.BACKPROOF_CACHE_DIR;
  root = mkdtempSync(path.join(tmpdir(), 'backproof-sized-name-'));
  process.env.BACKPROOF_CACHE_DIR = root;
});
afterEach(() => {
  if (saved === undefined) delete process.env.BACKPROOF_CACHE_DIR;
  else process.env.BACKPROOF_CACHE_DIR = saved;
  rmSync(root, { recursive: true, force: true });
});

const columns = (): string => path.join(root, 'columns');
const names = (): string[] => (existsSync(columns()) ? readdirSync(columns()).sort() : []);
const fingerprint = (b: { time: BigInt64Array; close: Float64Array; length: number }): string =>
  `${b.length}:${createHash('sha256').update(new Uint8Array(b.time.buffer, b.time.byteOffset, b.time.byteLength)).update(new Uint8Array(b.close.buffer, b.close.byteOffset, b.close.byteLength)).digest('hex')}`;

describe('the column cache named by size first', () => {
  it('says a size no cache file has cannot hit (no folder, an empty one, other sizes, the cache off), and one it has may', async () => {
    expect(mayBeCached(bytes.length)).toBe(false); // no columns/ yet
    mkdirSync(columns(), { recursive: true });
    expect(mayBeCached(bytes.length)).toBe(false);
    await loadData(ORCL);
    expect(names()).toEqual([expect.stringMatching(new RegExp(`^${bytes.length}-${sha}-[0-9a-f]{16}\\.bpcol$`))]);
    expect(mayBeCached(bytes.length)).toBe(true);
    expect(mayBeCached(bytes.length - 1)).toBe(false);
    expect(mayBeCached(Number(String(bytes.length).slice(0, -1)))).toBe(false); // a prefix of the size is another size
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(mayBeCached(bytes.length)).toBe(false);
  });

  it('a new file read once gives the bars, hash and cache file bytes of the lookup path, and the next load reads that file', async () => {
    const fresh = await loadData(ORCL); // nothing of its size: parsed as read, hashed meanwhile
    const [name] = names();
    const written = readFileSync(path.join(columns(), name!));
    expect([fresh.sha256, fresh.byteLength, fresh.bars.length]).toEqual([sha, bytes.length, 5036]);

    // Another file of the same size in the cache: the file is hashed first and looked up (a miss), as before.
    rmSync(columns(), { recursive: true });
    mkdirSync(columns());
    const decoy = `${bytes.length}-${'0'.repeat(64)}-${'0'.repeat(16)}.bpcol`;
    writeFileSync(path.join(columns(), decoy), 'not a cache file');
    expect(mayBeCached(bytes.length)).toBe(true);
    const looked = await loadData(ORCL);
    expect([looked.sha256, looked.byteLength, fingerprint(looked.bars)]).toEqual([fresh.sha256, fresh.byteLength, fingerprint(fresh.bars)]);
    expect(names()).toEqual([decoy, name].sort());
    expect(readFileSync(path.join(columns(), name!)).equals(written)).toBe(true);

    // The next load finds it under the file's hash and size, whole and matching.
    const reader = CacheReader.open({ sha256: sha, byteLength: bytes.length, options: {} });
    expect(reader?.rows).toBe(5036);
    expect(fingerprint(reader!.readAll()!)).toBe(fingerprint(fresh.bars));
    const again = await loadData(ORCL);
    expect([again.sha256, fingerprint(again.bars)]).toEqual([sha, fingerprint(fresh.bars)]);
  });

  it('removes a cache file of the unsized name when it writes one, and leaves other files', async () => {
    mkdirSync(columns(), { recursive: true });
    const unsized = `${sha}-${'a'.repeat(16)}.bpcol`;
    writeFileSync(path.join(columns(), unsized), 'an older cache file');
    writeFileSync(path.join(columns(), 'notes.txt'), 'kept');
    await loadData(ORCL);
    expect(names()).toEqual([expect.stringMatching(new RegExp(`^${bytes.length}-${sha}-[0-9a-f]{16}\\.bpcol$`)), 'notes.txt']);
  });
});
