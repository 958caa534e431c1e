// verify hashes a large data file on a thread from its start while its data step reads the times from the
// column cache of the recorded hash (inspect/hash-ahead): it passes as before, and a file that does not
// hash as recorded, is missing or is not a file fails the data step with the very message it gives with no
// cache at all (BACKPROOF_CACHE_DIR=off), never with times read from the cache. The same thread hashes the
// renderings, each taken only as a regular file of its remembered size and SHA-256 (audit/rendering-cache),
// and result.pb, handed over with its hash so the result step decodes the bytes that were hashed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { dataFileHint, startHashAhead, startHashThread } from '../../host/inspect/hash-ahead.ts';
import { EARLY_FILES } from '../../host/inspect/hash-start.ts';
import { verifyRun as verifyFromEntry } from '../../host/inspect/index.ts';
import { decodeSignedRecord, type LinkKind } from '../../host/audit/record.ts';
import type { RecordedDataFile } from '../../host/inspect/opened-record.ts';
import { AuditError } from '../../host/errors.ts';
import { minuteCsv } from '../helpers/minute-csv.ts';
import { parseCsv } from '../../host/data/csv.ts';

const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';
/** verify streams a CSV above this many bytes (inspect/verify VERIFY_STREAM_THRESHOLD): the file here is above it. */
const STREAMED = 4 << 20;
const saved = process.env.BACKPROOF_CACHE_DIR;
let work: string, run: string, cache: string, csv: string, text: string;

async function outcome(dataPath?: string, dir = run): Promise<string> {
  return verifyRun({ dir, ...(dataPath ? { dataPath } : {}) }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

/** The outcome with the cache folder, then with none: they must be the same. */
async function bothWays(dataPath?: string, dir = run): Promise<[string, string]> {
  process.env.BACKPROOF_CACHE_DIR = cache;
  const cached = await outcome(dataPath, dir);
  process.env.BACKPROOF_CACHE_DIR = 'off';
  return [cached, await outcome(dataPath, dir)];
}

const recordedFiles = async (): Promise<RecordedDataFile[]> =>
  (decodeSignedRecord(new Uint8Array(await readFile(path.join(run, FILES.record)))).bodies as Record<LinkKind, Record<string, unknown>>).data.files as RecordedDataFile[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-hash-ahead-'));
  run = path.join(work, 'run');
  cache = path.join(work, 'cache');
  csv = path.join(work, 'walk.csv');
  text = minuteCsv(100_000, Date.UTC(2020, 0, 1), 7);
  await writeFile(csv, text);
  process.env.BACKPROOF_CACHE_DIR = cache; // the backtest writes the CSV's column cache
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: [csv], config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } }, key: null, out: run, timeoutMs: 300_000, report: false });
}, 600_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the data file hashed ahead', () => {
  it('inspect/index verifyRun (the thread started before verify\'s modules load, on the files EARLY_FILES names) gives inspect/verify\'s outcomes', async () => {
    expect(EARLY_FILES).toEqual({ recordJson: FILES.recordJson, result: FILES.result });
    const entry = (dataPath?: string): Promise<string> =>
      verifyFromEntry({ dir: run, ...(dataPath ? { dataPath } : {}) }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
    const edited = path.join(work, 'walk-edited.csv');
    await writeFile(edited, text.replace(/,(\d)/, (_, d: string) => `,${d === '1' ? '2' : '1'}`));
    process.env.BACKPROOF_CACHE_DIR = cache;
    expect(await entry()).toBe(OK);
    expect(await entry(csv)).toBe(OK);
    const failed = await entry(edited);
    expect(failed).toMatch(/^data: SHA-256 of .*walk-edited\.csv is [0-9a-f]{64}, the record says [0-9a-f]{64}$/);
    expect(failed).toBe(await outcome(edited));
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(await entry()).toBe(OK);
    expect(await entry(edited)).toBe(failed);
  });

  it('is taken when its column cache is there (the thread gives its hash and size), not without one; verify passes both ways', async () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(STREAMED);
    const files = await recordedFiles();
    process.env.BACKPROOF_CACHE_DIR = cache;
    const ahead = startHashAhead(files, undefined, STREAMED, run, null, []);
    try {
      expect(ahead?.data?.feed.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(await ahead!.data!.hashed).toEqual({ sha256: createHash('sha256').update(text).digest('hex'), byteLength: Buffer.byteLength(text) });
    } finally {
      ahead?.close();
    }
    expect(startHashAhead(files, undefined, Buffer.byteLength(text), run, null, [])).toBeNull(); // not a file verify streams
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(startHashAhead(files, undefined, STREAMED, run, null, [])).toBeNull();
    expect(await bothWays()).toEqual([OK, OK]);
    expect(await bothWays(csv)).toEqual([OK, OK]);
  });

  it('gives the times from the time columns alone: a damaged close is not read; a damaged time is caught (the CSV\'s times from there, the cache removed); verify passes', async () => {
    const files = await recordedFiles();
    const want = parseCsv(text, 'walk.csv').time;
    const [name] = await readdir(path.join(cache, 'columns'));
    const file = path.join(cache, 'columns', name!);
    const good = await readFile(file);
    const header = good.readUInt32LE(12);
    const timesOf = async (): Promise<BigInt64Array> => {
      process.env.BACKPROOF_CACHE_DIR = cache;
      const ahead = startHashAhead(files, undefined, STREAMED, run, null, []);
      try {
        const src = ahead!.data!.times();
        const chunks: BigInt64Array[] = [];
        for (let c = src.next(); c; c = src.next()) chunks.push(c.time.slice()); // (a chunk may be overwritten by the next)
        const all = new BigInt64Array(chunks.reduce((n, c) => n + c.length, 0));
        chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
        return all;
      } finally {
        ahead?.close();
      }
    };
    try {
      expect(await timesOf()).toEqual(want);
      // group 0 (65,536 rows): its close column's 2nd value, its 78th time; group 1's 6th time (group 0's times given, the rest from the CSV)
      const group1 = header + 65536 * 48 + 24;
      for (const [what, at, kept] of [['a close', header + 65536 * 8 * 4 + 8, true], ['a time', header + 8 * 77, false], ['a time in group 1', group1 + 8 * 5, false]] as const) {
        const damaged = Buffer.from(good);
        damaged[at] = damaged[at]! ^ 0x10;
        await writeFile(file, damaged);
        expect(await timesOf(), what).toEqual(want);
        expect(existsSync(file), what).toBe(kept);
        await writeFile(file, damaged);
        expect(await bothWays(), what).toEqual([OK, OK]);
      }
    } finally {
      await writeFile(file, good);
    }
  });

  it('a rendering is taken only as a regular file of the remembered size and SHA-256; anything else is no answer or false', async () => {
    const stats = await readFile(path.join(run, FILES.stats));
    const right = { size: stats.length, sha256: createHash('sha256').update(stats).digest('hex') };
    const links = path.join(work, 'links');
    await mkdir(links);
    await symlink(path.join(run, FILES.stats), path.join(links, FILES.stats));
    const ahead = startHashAhead([], undefined, STREAMED, run, null, [FILES.stats, 'absent.csv']);
    const linked = startHashAhead([], undefined, STREAMED, links, null, [FILES.stats]);
    try {
      expect(ahead!.data).toBeNull();
      expect(await ahead!.isRendered(FILES.stats, right)).toBe(true);
      expect(await ahead!.isRendered(FILES.stats, { ...right, sha256: '0'.repeat(64) })).toBe(false);
      expect(await ahead!.isRendered(FILES.stats, { ...right, size: right.size + 1 })).toBe(false);
      expect(await ahead!.isRendered('absent.csv', right)).toBeNull();
      expect(await ahead!.isRendered(FILES.trades, right)).toBeNull(); // not given to the thread
      expect(await linked!.isRendered(FILES.stats, right)).toBeNull();
    } finally {
      ahead?.close();
      linked?.close();
    }
    expect(startHashAhead([], undefined, STREAMED, run, null, [])).toBeNull();
  });

  it('a thread started before its job (as verify starts it, before opening the record) takes the job, or ends when there is none', async () => {
    const stats = await readFile(path.join(run, FILES.stats));
    const right = { size: stats.length, sha256: createHash('sha256').update(stats).digest('hex') };
    const idle = startHashThread()!;
    const ended = new Promise<number>((resolve) => idle.worker.once('exit', resolve));
    expect(startHashAhead([], undefined, STREAMED, run, null, [], idle)).toBeNull();
    await ended;
    expect(idle.worker.threadId).toBe(-1); // (ended)
    const ahead = startHashAhead([], undefined, STREAMED, run, null, [FILES.stats], startHashThread());
    // the renderings given at the start (as verify gives them, before the record is opened)
    const early = startHashThread(undefined, null, [path.join(run, FILES.stats), path.join(run, 'absent.csv')])!;
    const fromStart = startHashAhead([], undefined, STREAMED, run, null, [FILES.stats, 'absent.csv'], early);
    try {
      expect(await ahead!.isRendered(FILES.stats, right)).toBe(true);
      expect([...early.rendered.keys()]).toEqual([path.join(run, FILES.stats), path.join(run, 'absent.csv')]);
      expect(await fromStart!.isRendered(FILES.stats, right)).toBe(true);
      expect(await fromStart!.isRendered(FILES.stats, { ...right, size: right.size + 1 })).toBe(false);
      expect(await fromStart!.isRendered('absent.csv', right)).toBeNull();
      expect(await fromStart!.isRendered(FILES.trades, right)).toBeNull(); // not given
    } finally {
      ahead?.close();
      fromStart?.close();
    }
  });

  it('result.pb given to the thread at its start (before its recorded size is known) is taken at that size only, with the later job\'s answers', async () => {
    const bytes = await readFile(path.join(run, FILES.result));
    const stats = await readFile(path.join(run, FILES.stats));
    const right = { size: stats.length, sha256: createHash('sha256').update(stats).digest('hex') };
    const file = path.join(run, FILES.result);
    const cases: [number, number, boolean][] = [[bytes.length, bytes.length, true], [bytes.length, bytes.length - 1, false], [bytes.length - 1, bytes.length, false], [1 << 30, bytes.length, true]];
    for (const [upTo, expected, taken] of cases) {
      const ahead = startHashAhead([], undefined, STREAMED, run, { name: FILES.result, size: expected }, [FILES.stats], startHashThread({ path: file, upTo }));
      try {
        const kept = await ahead!.kept;
        expect(kept !== null, `up to ${upTo}, expected ${expected}`).toBe(taken);
        if (kept) {
          expect(Buffer.from(kept.bytes).equals(bytes)).toBe(true);
          expect(Buffer.from(kept.sha256).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
        }
        expect(await ahead!.isRendered(FILES.stats, right)).toBe(true);
      } finally {
        ahead?.close();
      }
    }
  });

  it('the data file record.json names is hashed from the start (a hint, before the record is opened): taken for the recorded file only', async () => {
    const files = await recordedFiles();
    const recordJson = path.join(run, FILES.recordJson);
    const sha = createHash('sha256').update(text).digest('hex');
    process.env.BACKPROOF_CACHE_DIR = cache;
    expect(dataFileHint(recordJson, undefined, STREAMED)).toBe(csv);
    expect(dataFileHint(recordJson, csv, STREAMED)).toBe(csv); // (--data names it)
    expect(dataFileHint(recordJson, undefined, Buffer.byteLength(text))).toBeNull(); // not a file verify streams
    expect(dataFileHint(path.join(work, 'absent.json'), undefined, STREAMED)).toBeNull();
    const bad = path.join(work, 'bad-record.json');
    await writeFile(bad, '{"links": [{"kind": "data", "body": {"files": [{"path": 1}]}}]}');
    expect(dataFileHint(bad, undefined, STREAMED)).toBeNull();
    await writeFile(bad, 'not json');
    expect(dataFileHint(bad, undefined, STREAMED)).toBeNull();
    // a record.json past 1 MiB, or not a regular file (a FIFO is not waited on), gives no hint
    await writeFile(bad, (await readFile(recordJson, 'utf8')) + ' '.repeat(1 << 20));
    expect(dataFileHint(bad, undefined, STREAMED)).toBeNull();
    const fifo = path.join(work, 'fifo-record.json');
    execFileSync('mkfifo', [fifo]);
    expect(dataFileHint(fifo, undefined, STREAMED)).toBeNull();
    expect(dataFileHint(work, undefined, STREAMED)).toBeNull(); // (a folder)
    process.env.BACKPROOF_CACHE_DIR = 'off';
    expect(dataFileHint(recordJson, undefined, STREAMED)).toBeNull(); // (no column cache: the data step parses the CSV)
    process.env.BACKPROOF_CACHE_DIR = cache;
    // the hinted file's answer is the data file's when the record names the same file; another hinted file is not taken
    const other = path.join(work, 'other.csv');
    await writeFile(other, 'x');
    for (const [hint, early] of [[csv, true], [other, false]] as const) {
      const thread = startHashThread(undefined, hint)!;
      const ahead = startHashAhead(files, undefined, STREAMED, run, null, [], thread);
      try {
        expect(thread.data?.path).toBe(hint);
        expect(await ahead!.data!.hashed).toEqual({ sha256: sha, byteLength: Buffer.byteLength(text) });
        expect(ahead!.data!.hashed === thread.data!.answer).toBe(early);
      } finally {
        ahead?.close();
      }
    }
  });

  it('result.pb of its expected size is read and hashed there and handed over whole; another size is no answer', async () => {
    const bytes = await readFile(path.join(run, FILES.result));
    const ahead = startHashAhead([], undefined, STREAMED, run, { name: FILES.result, size: bytes.length }, []);
    const other = startHashAhead([], undefined, STREAMED, run, { name: FILES.result, size: bytes.length - 1 }, []);
    try {
      const kept = await ahead!.kept;
      expect(Buffer.from(kept!.bytes).equals(bytes)).toBe(true);
      expect(Buffer.from(kept!.sha256).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await other!.kept).toBeNull();
    } finally {
      ahead?.close();
      other?.close();
    }
  });

  it('a result.pb differing in one byte (same size) fails the result step on its SHA-256, as without a cache', async () => {
    const dir = path.join(work, 'edited-result');
    await cp(run, dir, { recursive: true });
    const bytes = await readFile(path.join(dir, FILES.result));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(path.join(dir, FILES.result), bytes);
    const [cached, uncached] = await bothWays(undefined, dir);
    expect(cached).toBe(uncached);
    expect(cached).toMatch(/^result: SHA-256 of result\.pb is [0-9a-f]{64}, the record says [0-9a-f]{64}$/);
  });

  it('a copy differing in one byte (same size) fails the data step on its SHA-256, as without a cache', async () => {
    const altered = path.join(work, 'altered.csv');
    const at = text.lastIndexOf(',100');
    await writeFile(altered, `${text.slice(0, at)},200${text.slice(at + 4)}`);
    const [cached, uncached] = await bothWays(altered);
    expect(cached).toBe(uncached);
    expect(cached).toMatch(new RegExp(`^data: SHA-256 of ${altered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is [0-9a-f]{64}, the record says ${createHash('sha256').update(text).digest('hex')}$`));
  });

  it('a longer copy fails on its SHA-256 too, a missing file and a folder as not found, each as without a cache', async () => {
    const longer = path.join(work, 'longer.csv');
    await writeFile(longer, `${text}\n`);
    const folder = path.join(work, 'a-folder.csv');
    await mkdir(folder);
    for (const dataPath of [longer, path.join(work, 'missing.csv'), folder]) {
      const [cached, uncached] = await bothWays(dataPath);
      expect([dataPath, cached]).toEqual([dataPath, uncached]);
      // a file that is not there, or not a file, is the DataError a replay gives (exit 3: tester D3), not a failed check
      expect(cached).toMatch(dataPath === longer ? /^data: / : /^not an AuditError: DataError: cannot read data file .*(missing\.csv: ENOENT|a-folder\.csv: it is not a regular file)/);
    }
  });
});
