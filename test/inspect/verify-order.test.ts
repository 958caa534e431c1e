// verify checks the sources' normalization on a worker thread while its later steps run: the
// failure reported must still be the first failing step in pipeline order, with the message the
// in-process check gives (inspect/source-check).
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { executeRun } from '../../host/run/execute.ts';
import { loadStrategy } from '../../host/run/strategy.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/run/config.ts';
import { writeRunDir, FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { onThread, startSourceCheck } from '../../host/inspect/source-check.ts';
import { normalizeSource } from '../../host/build/asc.ts';
import { generateKeys } from '../../host/audit/keys.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, type LinkKind } from '../../host/audit/record.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { AuditError, BuildError, DataError } from '../../host/errors.ts';

type Body = Record<string, unknown>;
type Source = { path: string; sha256: Uint8Array; normalizedSha256: Uint8Array };
let work: string, run: string;
const key = createPrivateKey(generateKeys().privateKeyPem);
const ENTRY = 'strategies-as/sma-cross.ts';

/** A copy of the run whose record is edited by `edit` and re-signed with the run's key; `files` written into it. */
async function edited(name: string, edit: (b: Record<LinkKind, Body>) => void, files: Record<string, string> = {}): Promise<string> {
  const dir = path.join(work, name);
  await cp(run, dir, { recursive: true });
  const bodies = decodeSignedRecord(new Uint8Array(await readFile(path.join(dir, FILES.record)))).bodies as Record<LinkKind, Body>;
  edit(bodies);
  const raw = signedRecordBytes(encodeRecord(runIdOf(bodies.strategy.wasmSha256 as Uint8Array, bodies.data, bodies.config), chainLinks(bodies)), key);
  await writeFile(path.join(dir, FILES.record), raw);
  await writeFile(path.join(dir, FILES.recordJson), renderRecordJson(decodeSignedRecord(raw)));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

async function failure(dir: string, dataPath?: string): Promise<{ step: string; message: string }> {
  const e = await verifyRun({ dir, ...(dataPath ? { dataPath } : {}) }).then(() => null, (x: unknown) => x);
  if (!(e instanceof AuditError)) throw new Error(`expected an AuditError, got ${String(e)}`);
  return { step: e.step!, message: e.message };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-verify-order-'));
  run = path.join(work, 'run');
  const strategy = await loadStrategy(ENTRY);
  const config: RunConfig = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
  const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
  await writeRunDir({ dir: run, force: false, outcome, strategy, config, key, csv: ['trades'] });
}, 180_000);

describe('verify: the source check overlaps the later steps, failures stay in pipeline order', () => {
  it('a misstated normalizedSha256 fails the strategy step although trades.csv (a later step) is edited too', async () => {
    let recorded = '';
    const dir = await edited('normalized', (b) => {
      const src = (b.strategy.sources as Source[]).find((s) => s.path === ENTRY)!;
      recorded = toHex(src.normalizedSha256);
      src.normalizedSha256 = new Uint8Array(32);
    }, { [FILES.trades]: 'edited\n' });
    expect(await failure(dir)).toEqual({
      step: 'strategy',
      message: `normalizedSha256 of source ${ENTRY} (its AST printed back) is ${recorded}, the record says ${'00'.repeat(32)}`,
    });
  });

  it('a source that does not parse (its SHA-256 recorded) fails the strategy step with asc\'s message, before a missing data file', async () => {
    const text = 'export function broken( {\n';
    const parseError = await normalizeSource(text, ENTRY).then(() => null, (e: unknown) => e);
    expect(parseError).toBeInstanceOf(BuildError);
    const dir = await edited('unparsed', (b) => {
      (b.strategy.sources as Source[]).find((s) => s.path === ENTRY)!.sha256 = sha256(Buffer.from(text));
    }, { [`${FILES.sources}/${ENTRY}`]: text });
    expect(await failure(dir, path.join(work, 'no-such-data.csv'))).toEqual({
      step: 'strategy',
      message: `source ${ENTRY} does not parse: ${(parseError as BuildError).message}`,
    });
    // the missing data file is what is left once the source is restored: the DataError a replay gives (exit 3)
    const restored = await edited('restored', () => {});
    const missing = await verifyRun({ dir: restored, dataPath: path.join(work, 'no-such-data.csv') }).then(() => null, (x: unknown) => x);
    expect(missing).toBeInstanceOf(DataError);
    expect([(missing as DataError).code, (missing as DataError).message]).toEqual(['DATA_NOT_FOUND', `cannot read data file ${path.join(work, 'no-such-data.csv')}: ENOENT (the file given with --data)`]);
  });
});

describe('startSourceCheck', () => {
  const normalized = async (text: Uint8Array, file: string): Promise<string> => toHex(sha256(Buffer.from(await normalizeSource(Buffer.from(text).toString('utf8'), file))));

  it('answers as normalizeSource does in this thread (binaryen stubbed out there); a text other than the one given is normalized here', async () => {
    const files = ['strategies-as/sma-cross.ts', 'strategies-as/pairs.ts', 'strategies-as/bollinger-breakout.ts', 'guest-sdk/index.ts', 'guest-sdk/indicators.ts'];
    const texts = await Promise.all(files.map(async (f) => new Uint8Array(await readFile(f))));
    const other = Buffer.from('export const x: i32 = 1;\n');
    const check = startSourceCheck([...files.map((path, k) => ({ path, text: texts[k]! })), { path: 'gone.ts', text: null }]);
    try {
      for (const [k, f] of files.entries()) {
        const want = await normalized(texts[k]!, f);
        expect(toHex(await check.normalizedSha256(f, texts[k]!, Buffer.from(want, 'hex')))).toBe(want);
        // a hash that is not the recorded one is computed again in this thread, with the same answer
        expect(toHex(await check.normalizedSha256(f, texts[k]!, new Uint8Array(32)))).toBe(want);
      }
      expect(toHex(await check.normalizedSha256(ENTRY, other, new Uint8Array(32)))).toBe(await normalized(other, ENTRY));
      expect(toHex(await check.normalizedSha256('gone.ts', other, new Uint8Array(32)))).toBe(await normalized(other, 'gone.ts'));
    } finally {
      check.close();
    }
  });

  it('the thread (binaryen stubbed out) answers exactly what the real assemblyscript gives here, parse errors included', async () => {
    const files = ['strategies-as/sma-cross.ts', 'strategies-as/pairs.ts', 'strategies-as/rsi-reversion.ts', 'guest-sdk/index.ts', 'guest-sdk/indicators.ts', 'guest-sdk/runtime.ts'];
    const sources = await Promise.all(files.map(async (path) => ({ path, text: new Uint8Array(await readFile(path)) })));
    sources.push({ path: 'broken.ts', text: Buffer.from('export function broken( {\n') });
    const { worker, answers } = onThread(sources);
    try {
      const got = await answers;
      const real = await Promise.all(sources.map(async (s) => {
        try {
          return { normalizedSha256: Buffer.from(await normalized(s.text, s.path), 'hex') };
        } catch (e) {
          return { parseError: (e as BuildError).message };
        }
      }));
      expect(got!.map((a) => ('normalizedSha256' in a ? { normalizedSha256: Buffer.from(a.normalizedSha256) } : a))).toEqual(real);
      expect(real.at(-1)).toHaveProperty('parseError');
    } finally {
      await worker.terminate();
    }
  });

  it('a source that does not parse is asc\'s BuildError, with its message', async () => {
    const text = Buffer.from('export function broken( {\n');
    const check = startSourceCheck([{ path: ENTRY, text }]);
    try {
      const real = await normalizeSource(text.toString('utf8'), ENTRY).then(() => null, (e: unknown) => e);
      const got = await check.normalizedSha256(ENTRY, text, new Uint8Array(32)).then(() => null, (e: unknown) => e);
      expect(got).toBeInstanceOf(BuildError);
      expect((got as BuildError).message).toBe((real as BuildError).message);
    } finally {
      check.close();
    }
  });
});
