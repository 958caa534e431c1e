// verify's strategy step takes the instrumented module's hash and size from the rendering cache (entry
// INSTRUMENTED_MODULE under the record's SHA-256 and the code hash) when the remembered ones are the
// recorded ones, and instruments the module again otherwise. The backtest seeds the entry with the module its
// run instrumented; a verify that instrumented it remembers it. A record whose instrumented hash is wrong fails
// exactly as without a cache whatever the cache holds for another record, whatever it holds under its own
// key that is not its recorded hash, and whatever damaged or misplaced entry is there; only a whole entry
// written for that very record with that very hash (trusted like the installation, docs/AUDIT.md) is
// believed; BACKPROOF_CACHE_DIR=off reads and writes none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG, sandboxConfigFor, type RunConfig } from '../../host/run/config.ts';
import { FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { INSTRUMENTED_MODULE } from '../../host/audit/rendering-cache.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { instrument, instrumentOptionsFor, INSTRUMENTER_VERSION } from '../../host/sandbox/index.ts';
import { AuditError } from '../../host/errors.ts';
import { renderingEntry, sha256Hex } from '../helpers/rendering-entry.ts';

const saved = process.env.BACKPROOF_CACHE_DIR;
const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';
const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
let work: string, run: string, seeded: string, instrumented: Uint8Array;

async function outcome(dir: string, cache: string): Promise<string> {
  process.env.BACKPROOF_CACHE_DIR = cache;
  return verifyRun({ dir }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

const entries = async (root: string): Promise<string[]> => (await readdir(path.join(root, 'rendered')).catch(() => [] as string[])).sort();
const recordOf = (dir: string): Promise<Uint8Array> => readFile(path.join(dir, FILES.record));

/** The entry saying record `recordPb`'s module instruments to `bytes` (file under `root`, text). */
async function instrumentedEntry(root: string, recordPb: Uint8Array, bytes: Uint8Array): Promise<{ file: string; text: string }> {
  const e = renderingEntry(recordPb, INSTRUMENTED_MODULE, bytes);
  return { file: path.join(root, 'rendered', e.name), text: e.text };
}

async function put(e: { file: string; text: string }): Promise<void> {
  await mkdir(path.dirname(e.file), { recursive: true });
  await writeFile(e.file, e.text);
}

let copies = 0;
/** A copy of the run whose record says the instrumented module is `fake` (its SHA-256; the size kept), chained again (unsigned, as the run). */
async function lie(fake: Uint8Array): Promise<string> {
  const dir = path.join(work, `lie-${++copies}`);
  await cp(run, dir, { recursive: true });
  const rec = decodeSignedRecord(await recordOf(dir));
  const bodies = rec.bodies as Record<LinkKind, Record<string, unknown>>;
  bodies.strategy.instrumentedSha256 = new Uint8Array(Buffer.from(sha256Hex(fake), 'hex'));
  const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), chainLinks(bodies)), null);
  await writeFile(path.join(dir, FILES.record), raw);
  await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-instrumented-cache-'));
  run = path.join(work, 'run');
  seeded = path.join(work, 'cache-seeded');
  process.env.BACKPROOF_CACHE_DIR = seeded;
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out: run, timeoutMs: 120_000, report: false });
  // the module instrumented independently of verify and of the run, under the run's settings
  instrumented = instrument(await readFile(path.join(run, FILES.wasm)), instrumentOptionsFor({ ...sandboxConfigFor(config), instrumenter: INSTRUMENTER_VERSION })).wasm;
}, 180_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the instrumented module remembered', () => {
  it('the backtest remembers the module its run instrumented, as documented; verify passes from it and from its own', async () => {
    const want = await instrumentedEntry(seeded, await recordOf(run), instrumented);
    expect(await entries(seeded)).toContain(path.basename(want.file));
    expect(await readFile(want.file, 'utf8')).toBe(want.text);
    expect(await outcome(run, seeded)).toBe(OK);
    // a verify with a fresh cache instruments the module and remembers the same entry
    const fresh = await mkdtemp(path.join(work, 'cache-'));
    expect(await outcome(run, fresh)).toBe(OK);
    expect(await readFile(path.join(fresh, 'rendered', path.basename(want.file)), 'utf8')).toBe(want.text);
  });

  it('a record whose instrumented hash is wrong fails as without a cache: the entry of another record, its own entry with the true hash, a damaged or misplaced one change nothing', async () => {
    const fake = new Uint8Array(instrumented.length).fill(7);
    const dir = await lie(fake);
    const without = await outcome(dir, 'off');
    expect(without).toBe(`strategy: SHA-256 of the instrumented module is ${sha256Hex(instrumented)}, the record says ${sha256Hex(fake)}`);
    // the seeded cache holds the honest record's entry only (another record.pb: another key)
    expect(await outcome(dir, seeded)).toBe(without);
    const cache = await mkdtemp(path.join(work, 'cache-'));
    const recordPb = await recordOf(dir);
    // a whole entry under this record's key, remembering what the module really instruments to: not the recorded hash
    await put(await instrumentedEntry(cache, recordPb, instrumented));
    expect(await outcome(dir, cache)).toBe(without);
    // the lie's hash in a damaged entry (a byte of its JSON changed: its SHA-256 line no longer matches), or cut short
    const forged = await instrumentedEntry(cache, recordPb, fake);
    for (const text of [forged.text.replace('"size":', '"size" :'), forged.text.slice(0, -1)]) {
      await put({ file: forged.file, text });
      expect(await outcome(dir, cache)).toBe(without);
    }
    // the lie's hash in a whole entry for the honest record, put at this record's name (its material is another key's)
    const misplaced = await instrumentedEntry(cache, await recordOf(run), fake);
    await put({ file: forged.file, text: misplaced.text });
    expect(await outcome(dir, cache)).toBe(without);
    // a whole entry for this very record and hash is believed (the cache is trusted like the installation: docs/AUDIT.md)
    await put(forged);
    expect(await outcome(dir, cache)).toBe(OK);
    // ... and without a cache folder it is neither read nor written
    expect(await outcome(dir, 'off')).toBe(without);
  });

  it('BACKPROOF_CACHE_DIR=off at write time remembers nothing, and verify then instruments the module', async () => {
    process.env.BACKPROOF_CACHE_DIR = 'off';
    const out = path.join(work, 'run-off');
    await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out, timeoutMs: 120_000, report: false });
    expect(await outcome(out, 'off')).toBe(OK);
    const fresh = await mkdtemp(path.join(work, 'cache-'));
    expect(await outcome(out, fresh)).toBe(OK);
    expect(await entries(fresh)).toContain(path.basename((await instrumentedEntry(fresh, await recordOf(out), instrumented)).file));
  }, 180_000);
});
