// The run folder's writer remembers what it rendered (run/rundir writeRunDir, audit/rendering-cache): the
// files it wrote from this record (stats.json, and trades.csv and orders.csv: written as --csv asks) and result.pb are entries under the
// cache folder's rendered/ when the backtest ends, so the first verify on the same machine hashes them; a
// file altered after the backtest fails exactly as without a cache; BACKPROOF_CACHE_DIR=off writes none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/run/backtest.ts';
import { DEFAULT_CONFIG, sandboxConfigFor } from '../../host/run/config.ts';
import { FILES } from '../../host/run/rundir.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { REPORT_FILE } from '../../host/report/index.ts';
import { renderingEntry } from '../helpers/rendering-entry.ts';
import { AuditError } from '../../host/errors.ts';
import { INSTRUMENTED_MODULE } from '../../host/audit/rendering-cache.ts';
import { instrument, instrumentOptionsFor, INSTRUMENTER_VERSION } from '../../host/sandbox/index.ts';

const saved = { cache: process.env.BACKPROOF_CACHE_DIR, xdg: process.env.XDG_CACHE_HOME };
const OK = 'OK record,signature,chain,config,strategy,data,trace,result,files';
/** What the writer remembers: the renderings it wrote and result.pb (its rows made by the encoder); and its module as instrumented (instrumentedEntry). */
const WRITTEN = [FILES.orders, FILES.result, FILES.stats, FILES.trades, REPORT_FILE];
let work: string, run: string, cache: string;

/** The entry (file name under rendered/, and its text) saying file `name` of the run is `bytes`. */
const entryOf = (recordPb: Uint8Array, name: string, bytes: Uint8Array): { file: string; text: string } => {
  const e = renderingEntry(recordPb, name, bytes);
  return { file: e.name, text: e.text };
};

const entries = async (root: string): Promise<string[]> => (await readdir(path.join(root, 'rendered')).catch(() => [] as string[])).sort();

async function outcome(dir: string, cacheDir: string): Promise<string> {
  process.env.BACKPROOF_CACHE_DIR = cacheDir;
  return verifyRun({ dir }).then((r) => `OK ${r.steps.join(',')}`, (e: unknown) => (e instanceof AuditError ? `${e.step}: ${e.message}` : `not an AuditError: ${String(e)}`));
}

const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
const runOf = (out: string): Promise<unknown> =>
  backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out, timeoutMs: 120_000, report: true, csv: ['trades', 'orders'] });
/** The entry for the module as its run instrumented it (instrumented here independently, under the run's settings). */
const instrumentedEntry = async (recordPb: Uint8Array): Promise<{ file: string; text: string }> =>
  entryOf(recordPb, INSTRUMENTED_MODULE, instrument(await readFile(path.join(run, FILES.wasm)), instrumentOptionsFor({ ...sandboxConfigFor(config), instrumenter: INSTRUMENTER_VERSION })).wasm);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-rendering-seeded-'));
  run = path.join(work, 'run');
  cache = path.join(work, 'cache');
  process.env.BACKPROOF_CACHE_DIR = cache;
  await runOf(run);
}, 180_000);

afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = saved.cache;
  if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved.xdg;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the run folder seeds the rendering cache', () => {
  it('the backtest remembers the files it rendered and result.pb, as verify would; verify then passes from them', async () => {
    const recordPb = await readFile(path.join(run, FILES.record));
    const want = await Promise.all(WRITTEN.map(async (name) => entryOf(recordPb, name, await readFile(path.join(run, name)))));
    want.push(await instrumentedEntry(recordPb));
    expect(await entries(cache)).toEqual(want.map((w) => w.file).sort());
    for (const w of want) expect(await readFile(path.join(cache, 'rendered', w.file), 'utf8')).toBe(w.text);
    expect(await outcome(run, cache)).toBe(OK);
    // verify found the remembered files as they were, report.html too: it adds nothing
    expect(await entries(cache)).toEqual(want.map((w) => w.file).sort());
    for (const w of want) expect(await readFile(path.join(cache, 'rendered', w.file), 'utf8')).toBe(w.text);
  });

  it('a file altered after the backtest fails exactly as without a cache', async () => {
    for (const name of [FILES.trades, FILES.orders, FILES.stats, FILES.result, REPORT_FILE]) {
      const dir = path.join(work, `edited-${name}`);
      await cp(run, dir, { recursive: true });
      const bytes = await readFile(path.join(dir, name));
      const at = bytes.length >> 1;
      bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
      await writeFile(path.join(dir, name), bytes);
      const without = await outcome(dir, 'off');
      expect(without.startsWith(name === REPORT_FILE ? 'files: ' : 'result: '), without).toBe(true);
      expect(await outcome(dir, cache)).toBe(without);
    }
  });

  it('BACKPROOF_CACHE_DIR=off at write time writes nothing', async () => {
    const xdg = path.join(work, 'xdg');
    process.env.XDG_CACHE_HOME = xdg;
    process.env.BACKPROOF_CACHE_DIR = 'off';
    await runOf(path.join(work, 'run-off'));
    expect(await readdir(xdg).catch(() => 'none')).toBe('none');
    expect(await outcome(path.join(work, 'run-off'), 'off')).toBe(OK);
  }, 180_000);
});
