// verify remembers a rendering it compared and found equal (audit/rendering-cache) under the cache
// folder's rendered/: a miss is rendered, compared and remembered as documented, a hit hashes the file
// instead; a file that is not the remembered one fails exactly as without a cache; a damaged or misplaced
// entry is ignored; a whole entry is believed (the cache is trusted like the installation, docs/AUDIT.md)
// and BACKPROOF_CACHE_DIR=off reads and writes none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG, sandboxConfigFor } from '../../host/run/config.ts';
import { FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { REPORT_FILE } from '../../host/report/index.ts';
import { renderingEntry } from '../helpers/rendering-entry.ts';
import { AuditError } from '../../host/errors.ts';
import { checkResult, encodeResult } from '../../host/audit/codec.ts';
import { statsOf } from '../audit/legacy-outputs.ts';
import { INSTRUMENTED_MODULE } from '../../host/audit/rendering-cache.ts';
import { instrument, instrumentOptionsFor, INSTRUMENTER_VERSION } from '../../host/sandbox/index.ts';

const savedCacheDir = process.env.BACKPROOF_CACHE_DIR;
let work: string, run: string, instrumented: Uint8Array;
/** The files remembered by a verify: the renderings, and result.pb once its rows were found canonical (and the module as instrumented: INSTRUMENTED_MODULE). */
const RENDERED = [FILES.trades, FILES.orders, FILES.stats, REPORT_FILE, FILES.result].sort();
const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';

/** The entry file for file `name` of the run whose record.pb is `recordPb`, saying it is `bytes`. */
function entryOf(root: string, recordPb: Uint8Array, name: string, bytes: Uint8Array, code?: string): { file: string; text: string } {
  const e = renderingEntry(recordPb, name, bytes, code);
  return { file: path.join(root, 'rendered', e.name), text: e.text };
}

async function outcome(dir: string, cache: string): Promise<string> {
  process.env.BACKPROOF_CACHE_DIR = cache;
  return verifyRun({ dir }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

const entries = async (root: string): Promise<string[]> => (await readdir(path.join(root, 'rendered')).catch(() => [] as string[])).sort();
const freshCache = (): Promise<string> => mkdtemp(path.join(work, 'cache-'));

/** A copy of the run with file `name` edited (one byte of its middle changed), and the edited bytes. */
async function editedCopy(label: string, name: string): Promise<{ dir: string; bytes: Buffer }> {
  const dir = path.join(work, label);
  await cp(run, dir, { recursive: true });
  const bytes = await readFile(path.join(dir, name));
  const at = bytes.length >> 1;
  bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
  await writeFile(path.join(dir, name), bytes);
  return { dir, bytes };
}

async function put(e: { file: string; text: string }): Promise<void> {
  await mkdir(path.dirname(e.file), { recursive: true });
  await writeFile(e.file, e.text);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-rendering-cache-'));
  run = path.join(work, 'run');
  const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 }, snapshotEvery: 500 };
  await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out: run, timeoutMs: 120_000, report: true, csv: ['trades', 'orders'] });
  // (remembered too: the module as instrumented under the record's settings, instrumented here independently)
  instrumented = instrument(await readFile(path.join(run, FILES.wasm)), instrumentOptionsFor({ ...sandboxConfigFor(config), instrumenter: INSTRUMENTER_VERSION })).wasm;
}, 180_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = savedCacheDir;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('result.pb remembered as canonical: its rows are counted, not read', () => {
  it('checkResult(bytes, false) counts rows that checkResult(bytes) refuses (a varint not in its shortest form)', () => {
    const ok = encodeResult({ trades: [{ symbol: 0, entryBar: 1, exitBar: 2, entryTime: 3n, exitTime: 4n, size: 1, entryPrice: 2, exitPrice: 3, pnl: 4, returnPct: 5, commission: 6 }], orders: [], equity: new Float64Array([1]), stats: statsOf({ bars: 1 }) });
    const hex = Buffer.from(ok).toString('hex');
    expect(hex.slice(0, 8)).toBe('0a3e0801');
    const loose = Buffer.from(`0a3f088100${hex.slice(8)}`, 'hex');
    expect(() => checkResult(loose)).toThrow('Result: not in canonical encoding (a varint not in its shortest form at byte 4)');
    const counted = checkResult(loose, false);
    expect([counted.trades, counted.orders, counted.equityPoints, counted.stats.bars]).toEqual([1, 0, 1, 1]);
  });
});

describe('the rendering cache', () => {
  it('a miss renders, compares and remembers each rendered file as documented; the next verify passes from the entries', async () => {
    const cache = await freshCache();
    expect(await outcome(run, cache)).toBe(OK);
    const recordPb = await readFile(path.join(run, FILES.record));
    const want = await Promise.all(RENDERED.map(async (name) => entryOf(cache, recordPb, name, await readFile(path.join(run, name)))));
    want.push(entryOf(cache, recordPb, INSTRUMENTED_MODULE, instrumented));
    expect(await entries(cache)).toEqual(want.map((w) => path.basename(w.file)).sort());
    for (const w of want) expect(await readFile(w.file, 'utf8')).toBe(w.text);
    expect(await outcome(run, cache)).toBe(OK);
  });

  it('a file that is not the remembered rendering fails exactly as it does without a cache (trades.csv, report.html)', async () => {
    const cache = await freshCache();
    expect(await outcome(run, cache)).toBe(OK);
    // (with report.html remembered, verify keeps only the snapshots' bar times: read again for a report to render)
    const snapshots = await readFile(path.join(run, FILES.snapshots), 'utf8');
    expect((JSON.parse(snapshots) as unknown[]).length).toBeGreaterThan(2);
    for (const name of [FILES.trades, REPORT_FILE, FILES.snapshots]) {
      const { dir } = await editedCopy(`edited-${name}`, name);
      const without = await outcome(dir, 'off');
      expect(without.startsWith(name === REPORT_FILE ? `files: ${REPORT_FILE} is not the report of this run` : name === FILES.snapshots ? 'trace: ' : 'result: ')).toBe(true);
      expect(without).toContain(name);
      expect(await outcome(dir, cache)).toBe(without);
    }
  });

  it('a damaged entry, a whole one under another name, for another record or other code is ignored: the edited file fails', async () => {
    const { dir, bytes } = await editedCopy('edited-damaged', FILES.trades);
    const without = await outcome(dir, 'off');
    const recordPb = await readFile(path.join(dir, FILES.record));
    const lie = (root: string): { file: string; text: string } => entryOf(root, recordPb, FILES.trades, bytes);
    const cases: [string, (root: string) => { file: string; text: string }][] = [
      ['one byte of the JSON changed', (root) => { const e = lie(root); return { file: e.file, text: e.text.replace('"size":', '"size": ') }; }],
      ['the first line not the JSON\'s SHA-256', (root) => { const e = lie(root); return { file: e.file, text: `${'0'.repeat(64)}${e.text.slice(64)}` }; }],
      ['orders.csv\'s entry claiming the edited bytes, at trades.csv\'s name', (root) => ({ file: lie(root).file, text: entryOf(root, recordPb, FILES.orders, bytes).text })],
      ['another record\'s entry, at this name', (root) => ({ file: lie(root).file, text: entryOf(root, Buffer.from('another record'), FILES.trades, bytes).text })],
      ['other code\'s entry, at this name', (root) => ({ file: lie(root).file, text: entryOf(root, recordPb, FILES.trades, bytes, '0'.repeat(64)).text })],
    ];
    for (const [what, make] of cases) {
      const cache = await freshCache();
      await put(make(cache));
      expect([what, await outcome(dir, cache)]).toEqual([what, without]);
    }
  });

  it('a whole entry is believed (trusted like the installation); BACKPROOF_CACHE_DIR=off reads none and writes none', async () => {
    for (const name of [FILES.trades, REPORT_FILE]) {
      const { dir, bytes } = await editedCopy(`edited-trusted-${name}`, name);
      const cache = await freshCache();
      await put(entryOf(cache, await readFile(path.join(dir, FILES.record)), name, bytes));
      expect(await outcome(dir, cache)).toBe(OK);
      const before = await entries(cache);
      expect(await outcome(dir, 'off')).not.toBe(OK);
      expect(await outcome(run, 'off')).toBe(OK);
      expect(await entries(cache)).toEqual(before);
    }
  });
});
