// A build that runs asc remembers what its normalizer gave (build/cache, build/normalized-cache): after a
// backtest whose strategy was built, the cache folder's normalized/ holds one documented entry per source,
// each the hash asc's normalizer gives, so the first verify on that machine starts no asc thread; a build
// taken from the build cache writes those missing, and a remembered hash that is not the recorded one is still not believed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createHash, createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { startSourceCheck } from '../../host/inspect/source-check.ts';
import { NORMALIZED_CACHE_FORMAT } from '../../host/build/normalized-cache.ts';
import { ascVersion, normalizeSource } from '../../host/build/asc.ts';
import { generateKeys } from '../../host/audit/keys.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { AuditError } from '../../host/errors.ts';

type Source = { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array };
const ENTRY = 'strategies-as/sma-cross.ts';
const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';
const sha256Hex = (b: string | Uint8Array): string => createHash('sha256').update(b).digest('hex');
const saved = process.env.BACKPROOF_CACHE_DIR;
const key = createPrivateKey(generateKeys().privateKeyPem);
let work: string, cache: string, run: string;

const runOf = (out: string): Promise<unknown> =>
  backtest({ strategy: ENTRY, data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } }, key, out, timeoutMs: 120_000, report: false });

const entries = async (root: string): Promise<string[]> => (await readdir(path.join(root, 'normalized')).catch(() => [] as string[])).sort();

/** The run folder's sources with their recorded hashes. */
async function recordedSources(dir: string): Promise<{ path: string; text: Buffer; recorded: Uint8Array }[]> {
  const bodies = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record)))).bodies as Record<LinkKind, Record<string, unknown>>;
  return Promise.all((bodies.strategy.sources as Source[]).map(async (s) => ({ path: s.path, text: await readFile(path.join(dir, FILES.sources, s.path)), recorded: s.normalizedSha256 })));
}

async function outcome(dir: string): Promise<string> {
  return verifyRun({ dir }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-normalized-seeded-'));
  cache = path.join(work, 'cache');
  run = path.join(work, 'run');
  process.env.BACKPROOF_CACHE_DIR = cache; // empty: the strategy is built by asc
  await runOf(run);
}, 180_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a build seeds the normalized cache', () => {
  it('one documented entry per source, holding the hash asc normalizes it to; verify then starts no asc thread and passes', async () => {
    const sources = await recordedSources(run);
    expect(sources.length).toBeGreaterThan(1);
    const toolchain = { assemblyscript: ascVersion(), normalizer: sha256Hex(await readFile('host/build/asc.ts')) };
    const want = await Promise.all(sources.map(async (s) => {
      const material = { format: NORMALIZED_CACHE_FORMAT, toolchain, path: s.path, sourceSha256: sha256Hex(s.text) };
      const normalized = sha256Hex(await normalizeSource(s.text.toString('utf8'), s.path));
      expect([s.path, normalized]).toEqual([s.path, Buffer.from(s.recorded).toString('hex')]);
      const json = JSON.stringify({ ...material, normalizedSha256: normalized });
      return { name: `${sha256Hex(JSON.stringify(material))}.json`, text: `${sha256Hex(json)}\n${json}` };
    }));
    expect(await entries(cache)).toEqual(want.map((w) => w.name).sort());
    for (const w of want) expect(await readFile(path.join(cache, 'normalized', w.name), 'utf8')).toBe(w.text);
    const check = startSourceCheck(sources, cache);
    try {
      expect(await check.threaded()).toBe(0);
    } finally {
      check.close();
    }
    process.env.BACKPROOF_CACHE_DIR = cache;
    expect(await outcome(run)).toBe(OK);
  });

  it('a build from the build cache remembers the hashes not remembered yet, and leaves those remembered as they are', async () => {
    process.env.BACKPROOF_CACHE_DIR = cache;
    const before = await entries(cache);
    expect(before.length).toBeGreaterThan(1);
    const kept = path.join(cache, 'normalized', before[0]!);
    const keptStat = await stat(kept);
    for (const name of before.slice(1)) await rm(path.join(cache, 'normalized', name));
    const again = path.join(work, 'again');
    await runOf(again);
    expect(await entries(cache)).toEqual(before);
    const after = await stat(kept);
    expect([after.ino, after.mtimeMs]).toEqual([keptStat.ino, keptStat.mtimeMs]);
    const check = startSourceCheck(await recordedSources(again), cache);
    try {
      expect(await check.threaded()).toBe(0);
    } finally {
      check.close();
    }
    expect(await outcome(again)).toBe(OK);
  });

  it('a record misstating a source still fails although its true hash is remembered', async () => {
    process.env.BACKPROOF_CACHE_DIR = cache;
    const dir = path.join(work, 'misstated');
    await cp(run, dir, { recursive: true });
    const bodies = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record)))).bodies as Record<LinkKind, Record<string, unknown>>;
    const entry = (bodies.strategy.sources as Source[]).find((s) => s.path === ENTRY)!;
    const truth = Buffer.from(entry.normalizedSha256).toString('hex');
    entry.normalizedSha256 = new Uint8Array(32);
    const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), chainLinks(bodies)), key);
    await writeFile(path.join(dir, FILES.record), raw);
    await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
    expect(await outcome(dir)).toBe(`strategy: normalizedSha256 of source ${ENTRY} (its AST printed back) is ${truth}, the record says ${'00'.repeat(32)}`);
  });
});
