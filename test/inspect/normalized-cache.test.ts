// verify remembers a source check that passed (build/normalized-cache) under the cache folder's
// normalized/: a miss is checked by asc and remembered, a hit needs no asc thread, a damaged or
// misplaced entry is ignored, a whole entry is believed (the cache is trusted like the installation,
// docs/AUDIT.md) and BACKPROOF_CACHE_DIR=off reads and writes none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash, createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { startSourceCheck } from '../../host/inspect/source-check.ts';
import { NORMALIZED_CACHE_FORMAT } from '../../host/build/normalized-cache.ts';
import { ascVersion } from '../../host/build/asc.ts';
import { generateKeys } from '../../host/audit/keys.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { toHex } from '../../traces/index.ts';
import { AuditError } from '../../host/errors.ts';

type Body = Record<string, unknown>;
type Source = { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array };
const ENTRY = 'strategies-as/sma-cross.ts';
const key = createPrivateKey(generateKeys().privateKeyPem);
const sha256Hex = (b: string | Uint8Array): string => createHash('sha256').update(b).digest('hex');
const savedCacheDir = process.env.BACKPROOF_CACHE_DIR;
let work: string, run: string, cache: string;
let sources: { path: string; text: Buffer; normalized: string }[];

/** The entry file of a source, by the documented key: SHA-256 of the JSON of format, toolchain, path and the source's SHA-256. */
function entryOf(root: string, sourcePath: string, text: Uint8Array, normalized: string, toolchain = { assemblyscript: ascVersion(), normalizer: sha256Hex(ascText) }): { file: string; text: string } {
  const material = { format: NORMALIZED_CACHE_FORMAT, toolchain, path: sourcePath, sourceSha256: sha256Hex(text) };
  const json = JSON.stringify({ ...material, normalizedSha256: normalized });
  return { file: path.join(root, 'normalized', `${sha256Hex(JSON.stringify(material))}.json`), text: `${sha256Hex(json)}\n${json}` };
}
/** build/asc's code, which holds the normalizer: part of every key. */
let ascText = '';

/** A copy of the run whose record says ENTRY normalizes to 32 zero bytes (re-signed). */
async function misstated(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(run, dir, { recursive: true });
  const bodies = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record)))).bodies as Record<LinkKind, Body>;
  (bodies.strategy.sources as Source[]).find((s) => s.path === ENTRY)!.normalizedSha256 = new Uint8Array(32);
  const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), chainLinks(bodies)), key);
  await writeFile(path.join(dir, FILES.record), raw);
  await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
  return dir;
}

async function outcome(dir: string): Promise<string> {
  return verifyRun({ dir }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

const entries = async (root: string): Promise<string[]> => (await readdir(path.join(root, 'normalized')).catch(() => [] as string[])).sort();
const MISSTATED = `strategy: normalizedSha256 of source ${ENTRY} (its AST printed back) is `;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-normalized-cache-'));
  run = path.join(work, 'run');
  ascText = await readFile('host/build/asc.ts', 'utf8');
  const strategy = await loadStrategy(ENTRY);
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
  await writeRunDir({ dir: run, force: false, outcome: executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config }), strategy, config, key });
  sources = await Promise.all(strategy.sources.map(async (s) => ({ path: s.path, text: await readFile(path.join(run, FILES.sources, s.path)), normalized: s.normalizedSha256 })));
}, 180_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = savedCacheDir;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the normalized cache', () => {
  it('a miss is checked by asc and remembered, entry by entry as documented; then a hit starts no asc thread', async () => {
    cache = await mkdtemp(path.join(work, 'cache-'));
    process.env.BACKPROOF_CACHE_DIR = cache;
    expect(sources.length).toBeGreaterThan(1);
    expect(await entries(cache)).toEqual([]);
    expect(await outcome(run)).toBe('OK record,signature,chain,config,strategy,data,trace,result,files');
    const want = sources.map((s) => entryOf(cache, s.path, s.text, s.normalized));
    expect(await entries(cache)).toEqual(want.map((w) => path.basename(w.file)).sort());
    for (const w of want) expect(await readFile(w.file, 'utf8')).toBe(w.text);
    const recorded = (s: (typeof sources)[number]): { path: string; text: Uint8Array; recorded: Uint8Array } => ({ path: s.path, text: s.text, recorded: Buffer.from(s.normalized, 'hex') });
    const hit = startSourceCheck(sources.map(recorded), cache);
    const cold = startSourceCheck(sources.map(recorded), await mkdtemp(path.join(work, 'empty-')));
    try {
      expect(await hit.threaded()).toBe(0);
      expect(await cold.threaded()).toBe(sources.length);
      for (const s of sources) expect(toHex(await hit.normalizedSha256(s.path, s.text, Buffer.from(s.normalized, 'hex')))).toBe(s.normalized);
    } finally {
      hit.close();
      cold.close();
    }
    expect(await outcome(run)).toBe('OK record,signature,chain,config,strategy,data,trace,result,files');
  });

  it('a failed check is not remembered: the record misstating a source fails, and only the other sources have entries', async () => {
    const root = await mkdtemp(path.join(work, 'cache-'));
    process.env.BACKPROOF_CACHE_DIR = root;
    const dir = await misstated('misstated-empty');
    const entry = sources.find((s) => s.path === ENTRY)!;
    expect(await outcome(dir)).toBe(`${MISSTATED}${entry.normalized}, the record says ${'00'.repeat(32)}`);
    const others = sources.filter((s) => s.path !== ENTRY).map((s) => path.basename(entryOf(root, s.path, s.text, s.normalized).file));
    expect(await entries(root)).toEqual(others.sort());
  });

  it('a damaged entry, a whole one under another name or for another toolchain is ignored: the misstated source still fails', async () => {
    const dir = await misstated('misstated-damaged');
    const entry = sources.find((s) => s.path === ENTRY)!;
    const lie = entryOf('', ENTRY, entry.text, '00'.repeat(32));
    const other = sources.find((s) => s.path !== ENTRY)!;
    const cases: [string, (root: string) => { file: string; text: string }][] = [
      ['one byte of the JSON changed', (root) => { const e = entryOf(root, ENTRY, entry.text, entry.normalized); return { file: e.file, text: e.text.replace(entry.normalized, '00'.repeat(32)) }; }],
      ['the first line not the JSON\'s SHA-256', (root) => ({ file: entryOf(root, ENTRY, entry.text, '').file, text: `${'0'.repeat(64)}${lie.text.slice(64)}` })],
      ['cut short', (root) => ({ file: entryOf(root, ENTRY, entry.text, '').file, text: lie.text.slice(0, -2) })],
      ['another source\'s entry claiming zeros, at this source\'s name', (root) => ({ file: entryOf(root, ENTRY, entry.text, '').file, text: entryOf(root, other.path, other.text, '00'.repeat(32)).text })],
      ['another toolchain\'s entry claiming zeros, at this source\'s name', (root) => ({ file: entryOf(root, ENTRY, entry.text, '').file, text: entryOf(root, ENTRY, entry.text, '00'.repeat(32), { assemblyscript: '0.0.0', normalizer: '0'.repeat(64) }).text })],
    ];
    for (const [what, make] of cases) {
      const root = await mkdtemp(path.join(work, 'cache-'));
      process.env.BACKPROOF_CACHE_DIR = root;
      const e = make(root);
      await mkdir(path.dirname(e.file), { recursive: true });
      await writeFile(e.file, e.text);
      expect([what, await outcome(dir)]).toEqual([what, `${MISSTATED}${entry.normalized}, the record says ${'00'.repeat(32)}`]);
    }
  });

  it('a whole entry is believed (trusted like the installation); BACKPROOF_CACHE_DIR=off reads none and writes none', async () => {
    const dir = await misstated('misstated-trusted');
    const entry = sources.find((s) => s.path === ENTRY)!;
    const root = await mkdtemp(path.join(work, 'cache-'));
    const lie = entryOf(root, ENTRY, entry.text, '00'.repeat(32));
    await mkdir(path.dirname(lie.file), { recursive: true });
    await writeFile(lie.file, lie.text);
    process.env.BACKPROOF_CACHE_DIR = root;
    expect(await outcome(dir)).toBe('OK record,signature,chain,config,strategy,data,trace,result,files');
    process.env.BACKPROOF_CACHE_DIR = 'off';
    const before = await entries(root);
    expect(await outcome(dir)).toBe(`${MISSTATED}${entry.normalized}, the record says ${'00'.repeat(32)}`);
    expect(await outcome(run)).toBe('OK record,signature,chain,config,strategy,data,trace,result,files');
    expect(await entries(root)).toEqual(before);
    const off = startSourceCheck(sources.map((s) => ({ path: s.path, text: s.text, recorded: Buffer.from(s.normalized, 'hex') })), null);
    try {
      expect(await off.threaded()).toBe(sources.length);
    } finally {
      off.close();
    }
  });
});
