// verify checks a result.pb above its keep limit as it reads it (inspect/result-stream) when every rendering
// of the folder is remembered (nothing reads the rows again): the limit set to 0 and blocks of 7 bytes here,
// so a small run crosses block boundaries everywhere. It passes, takes that path (rows counted when the
// writer remembered them), and a changed, cut or non-canonical result.pb fails with the very message it
// gives read whole, and with no cache at all.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash, createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES, RESULT_RENDERINGS } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import * as resultStream from '../../host/inspect/result-stream.ts';
import { generateKeys } from '../../host/audit/keys.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { uint64 } from '../../host/audit/codec.ts';
import { RenderingCache } from '../../host/audit/rendering-cache.ts';
import { cacheRoot } from '../../host/build/cache-root.ts';
import { reportGenerator, REPORT_FILE } from '../../host/report/index.ts';
import { AuditError } from '../../host/errors.ts';

vi.mock('../../host/inspect/result-stream.ts', async (original) => {
  const real = await original<typeof import('../../host/inspect/result-stream.ts')>();
  return { ...real, checkResultFile: vi.fn(real.checkResultFile) };
});
const streamCalls = vi.mocked(resultStream.checkResultFile);

type Body = Record<string, unknown>;
const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';
const STREAMED = { above: 0, block: 7 };
const saved = process.env.BACKPROOF_CACHE_DIR;
const key = createPrivateKey(generateKeys().privateKeyPem);
let work: string, run: string, runCsv: string, cache: string;

async function outcome(dir: string, resultStream?: typeof STREAMED): Promise<string> {
  return verifyRun({ dir, ...(resultStream ? { resultStream } : {}) }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

/** verify streamed, then read whole (the default limit), then with no cache at all: the three outcomes, and whether the first streamed. */
async function threeWays(dir: string): Promise<{ outcomes: string[]; streamed: boolean }> {
  process.env.BACKPROOF_CACHE_DIR = cache;
  streamCalls.mockClear();
  const first = await outcome(dir, STREAMED);
  const streamed = streamCalls.mock.results.some((r) => r.type === 'return' && r.value !== null);
  const outcomes = [first, await outcome(dir)];
  process.env.BACKPROOF_CACHE_DIR = 'off';
  outcomes.push(await outcome(dir, STREAMED));
  process.env.BACKPROOF_CACHE_DIR = cache;
  return { outcomes, streamed };
}

let copies = 0;
async function copy(): Promise<string> {
  const dir = path.join(work, `copy-${++copies}`);
  await cp(run, dir, { recursive: true });
  return dir;
}

/** Every rendering of folder `dir` remembered under its record, as the run folder's writer remembers them. */
async function rememberRenderings(dir: string): Promise<void> {
  const renderings = new RenderingCache(cacheRoot(), new Uint8Array(await readFile(path.join(dir, FILES.record))), reportGenerator);
  for (const name of [...RESULT_RENDERINGS.map((f) => f.name), REPORT_FILE]) {
    const bytes = await readFile(path.join(dir, name)).catch(() => null);
    if (bytes) await renderings.remember(name, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
}

/** A copy whose result.pb is `edit`'s bytes, with the record re-signed to bind them (so only their decoding can fail), its renderings remembered (unless `remembered` is false). */
async function resultLie(edit: (b: Buffer) => Buffer, remembered = true): Promise<string> {
  const dir = await copy();
  const bytes = edit(await readFile(path.join(dir, FILES.result)));
  await writeFile(path.join(dir, FILES.result), bytes);
  const rec = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record))));
  const bodies = rec.bodies as Record<LinkKind, Body>;
  bodies.result.sha256 = new Uint8Array(createHash('sha256').update(bytes).digest());
  bodies.result.size = uint64(BigInt(bytes.length));
  const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), chainLinks(bodies)), key);
  await writeFile(path.join(dir, FILES.record), raw);
  await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
  if (remembered) await rememberRenderings(dir);
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-result-stream-verify-'));
  run = path.join(work, 'run');
  cache = path.join(work, 'cache');
  process.env.BACKPROOF_CACHE_DIR = cache; // the writer remembers the renderings and result.pb's rows
  const strategy = await loadStrategy('strategies-as/sma-cross.ts');
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
  const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
  await writeRunDir({ dir: run, force: false, outcome, strategy, config, key });
  runCsv = path.join(work, 'run-csv');
  await writeRunDir({ dir: runCsv, force: false, outcome, strategy, config, key, csv: ['trades'] });
  expect((await readdir(runCsv)).includes(FILES.trades)).toBe(true);
}, 180_000);
beforeEach(() => {
  process.env.BACKPROOF_CACHE_DIR = cache;
});
afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a large result.pb checked as it is read', () => {
  it('passes, streamed in 7-byte blocks with its rows counted (the writer remembered them), and read whole', async () => {
    const { outcomes, streamed } = await threeWays(run);
    expect(outcomes).toEqual([OK, OK, OK]);
    expect(streamed).toBe(true);
    // by the first, the rows counted, not read (the writer remembered them); the second read it whole (the default
    // limit); the third, with no cache (stats.json rendered, from the stats alone), every row read
    const size = (await readFile(path.join(run, FILES.result))).length;
    expect(streamCalls.mock.calls).toEqual([[path.join(run, FILES.result), size, false, 7], [path.join(run, FILES.result), size, true, 7]]);
  });

  it('not when a rendering that reads the rows is not remembered (trades.csv): read whole, as before', async () => {
    await rm(path.join(cache, 'rendered'), { recursive: true, force: true });
    streamCalls.mockClear();
    expect(await outcome(runCsv, STREAMED)).toBe(OK);
    expect(streamCalls).not.toHaveBeenCalled();
    expect(await outcome(runCsv, STREAMED)).toBe(OK); // (now remembered)
    expect(streamCalls).toHaveBeenCalledTimes(1);
  });

  it('stats.json not remembered (it reads the stats alone) is rendered from the stats as read: streamed, rows checked; edited, it fails as read whole', async () => {
    const dir = await resultLie((b) => b, false); // (a new record: nothing remembered for it)
    const { outcomes, streamed } = await threeWays(dir);
    expect(outcomes).toEqual([OK, OK, OK]);
    expect(streamed).toBe(true);
    const edited = await resultLie((b) => b, false);
    await writeFile(path.join(edited, FILES.stats), (await readFile(path.join(edited, FILES.stats), 'utf8')).replace('"trades": ', '"trades": 1'));
    const failed = await threeWays(edited);
    expect(failed.outcomes[0]).toMatch(/^result: stats\.json line [0-9]+ differs from result\.pb: /);
    expect(failed.outcomes).toEqual([failed.outcomes[0], failed.outcomes[0], failed.outcomes[0]]);
    expect(failed.streamed).toBe(true);
  });

  it('rows counted on a remembered size whose remembered hash is another\'s are read again: the first error is checkResult\'s', async () => {
    // the first trade's size written as +0 (a row's error, seen only when rows are read) and the first order's
    // key made field 5 (the file's error, seen either way, later): read whole, the row's error comes first
    const varintEnd = (b: Buffer, at: number): number => { while (b[at]! & 0x80) at++; return at + 1; };
    const dir = await resultLie((original) => {
      const b = Buffer.from(original);
      let at = 0;
      let zeroed = false, rekeyed = false;
      while (at < b.length && !(zeroed && rekeyed)) {
        const key = b[at]!;
        const bodyAt = varintEnd(b, at + 1);
        let len = 0;
        for (let k = at + 1, scale = 1; k < bodyAt; k++, scale *= 128) len += (b[k]! & 0x7f) * scale;
        if (key === 0x0a && !zeroed) {
          for (let f = bodyAt; f < bodyAt + len; ) {
            const fk = b[f]!;
            if (fk === 0x29) { b.fill(0, f + 1, f + 9); zeroed = true; break; }
            f = (fk & 7) === 1 ? f + 9 : varintEnd(b, f + 1);
          }
        }
        if (key === 0x22 && !rekeyed) { b[at] = 0x2a; rekeyed = true; }
        at = bodyAt + len;
      }
      expect([zeroed, rekeyed]).toEqual([true, true]);
      return b;
    });
    const bytes = await readFile(path.join(dir, FILES.result));
    const renderings = new RenderingCache(cacheRoot(), new Uint8Array(await readFile(path.join(dir, FILES.record))), reportGenerator);
    await renderings.remember(FILES.result, { size: bytes.length, sha256: '0'.repeat(64) });
    const { outcomes, streamed } = await threeWays(dir);
    expect(outcomes[0]).toMatch(/^result: result\.pb does not decode: Result: not in canonical encoding \(a field at its default at byte [0-9]+\)$/);
    expect(outcomes).toEqual([outcomes[0], outcomes[0], outcomes[0]]);
    expect(streamed).toBe(true);
  });

  it('a result.pb changed after the run fails on its hash, as read whole', async () => {
    const dir = await copy();
    const bytes = await readFile(path.join(dir, FILES.result));
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 1;
    await writeFile(path.join(dir, FILES.result), bytes);
    await rememberRenderings(dir);
    const { outcomes, streamed } = await threeWays(dir);
    expect(outcomes[0]).toMatch(/^result: SHA-256 of result\.pb is [0-9a-f]{64}, the record says [0-9a-f]{64}$/);
    expect(outcomes).toEqual([outcomes[0], outcomes[0], outcomes[0]]);
    expect(streamed).toBe(true);
  });

  it('a result.pb the record binds that is cut, or not canonical, fails to decode with the same message, streamed or whole', async () => {
    const cuts = [
      await resultLie((b) => b.subarray(0, b.length - 3)),
      await resultLie((b) => b.subarray(0, 1000)),
      // the first trade's key written as a two-byte varint (0x0a → 0x8a 0x00): not its shortest form
      await resultLie((b) => Buffer.concat([Buffer.from([0x8a, 0x00]), b.subarray(1)])),
    ];
    const messages = [];
    for (const dir of cuts) {
      const { outcomes, streamed } = await threeWays(dir);
      expect(outcomes[0]).toMatch(/^result: result\.pb does not decode: Result: /);
      expect(outcomes).toEqual([outcomes[0], outcomes[0], outcomes[0]]);
      expect(streamed).toBe(true);
      messages.push(outcomes[0]!.replace(/[0-9]+/g, 'N'));
    }
    expect(messages).toEqual([
      'result: result.pb does not decode: Result: a field of N bytes at byte N runs past its end',
      'result: result.pb does not decode: Result: a field of N bytes at byte N runs past its end',
      'result: result.pb does not decode: Result: not in canonical encoding (a varint not in its shortest form at byte N)',
    ]);
  });
});
