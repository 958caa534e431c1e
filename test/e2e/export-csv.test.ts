// trades.csv, orders.csv and equity.csv on demand (issue 11, target 3): a backtest writes none of them
// unless asked (`--csv trades,orders,equity` or `--csv all`; the API's `csv`), and `backproof export`
// writes them later: the same bytes, which verify checks wherever a folder holds them (the record binds
// result.pb, not its renderings, so the record is the same either way). The report of a run without them
// says how to get them. A bad --csv is a usage error before anything runs or is written.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { MAX_TABLE_ROWS, REPORT_FILE } from '../../host/report/index.ts';

const CSV = ['trades.csv', 'orders.csv', 'equity.csv'];
const BACKTEST = ['backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--commission', '0.002', '--unsigned', '--quiet'];
let work: string, plain: string, withCsv: string;
let plainOut: string, csvOut: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-export-csv-'));
  plain = path.join(work, 'plain');
  withCsv = path.join(work, 'with-csv');
  const a = await cli(...BACKTEST, '--out', plain);
  expect(a.code, a.err).toBe(0);
  const b = await cli(...BACKTEST, '--out', withCsv, '--csv', 'all');
  expect(b.code, b.err).toBe(0);
  [plainOut, csvOut] = [a.out, b.out];
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copy(from: string, name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(from, dir, { recursive: true });
  return dir;
}

describe('backtest writes the CSV files only when asked', () => {
  it('by default none: the folder holds result.pb, stats.json and report.html, and verify passes under --strict', async () => {
    const files = await readdir(plain);
    expect(CSV.filter((f) => files.includes(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['record.pb', 'result.pb', 'stats.json', REPORT_FILE]));
    expect(plainOut).not.toMatch(/^csv files/m);
    expect(plainOut.trimEnd().split('\n').at(-1)).toBe(`run folder    ${plain}`);
    expect((await verifyRun({ dir: plain, strict: true })).unverified).toEqual([]);
  });

  it('--csv all: all three, said after the run folder; the same record and result; verify checks them under --strict', async () => {
    const files = await readdir(withCsv);
    expect(CSV.filter((f) => files.includes(f))).toEqual(CSV);
    expect(csvOut.trimEnd().split('\n').slice(-2)).toEqual([`run folder    ${withCsv}`, 'csv files     trades.csv orders.csv equity.csv']);
    for (const f of ['record.pb', 'result.pb', 'stats.json', 'snapshots.json'])
      expect((await readFile(path.join(withCsv, f))).equals(await readFile(path.join(plain, f))), f).toBe(true);
    expect((await verifyRun({ dir: withCsv, strict: true })).unverified).toEqual([]);
  });

  it('--csv writes exactly what export writes later (into the run folder), and verify passes on the exported folder', async () => {
    const dir = await copy(plain, 'exported');
    const r = await cli('export', dir, '--trades', '--orders', '--equity');
    expect(r.code, r.err).toBe(0);
    for (const f of CSV) {
      const bytes = await readFile(path.join(dir, f));
      expect(bytes.length, f).toBeGreaterThan(1000);
      expect(bytes.equals(await readFile(path.join(withCsv, f))), f).toBe(true);
    }
    expect((await readFile(path.join(dir, 'trades.csv'), 'utf8')).trim().split('\n')).toHaveLength(94); // the header and 93 trades
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
  });

  it('a list writes just those: --csv orders,trades (any order) gives trades.csv and orders.csv', async () => {
    const dir = path.join(work, 'two');
    const r = await cli(...BACKTEST, '--out', dir, '--csv', 'orders,trades');
    expect(r.code, r.err).toBe(0);
    expect(CSV.filter((f) => existsSync(path.join(dir, f)))).toEqual(['trades.csv', 'orders.csv']);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('csv files     trades.csv orders.csv');
  });

  it('a trades.csv written by --csv and then changed fails verify naming the line; without it the folder verifies again', async () => {
    const dir = await copy(withCsv, 'tampered');
    const file = path.join(dir, 'trades.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const changed = lines[5]!.replace(/,(\d)/, (_, d: string) => `,${(Number(d) + 1) % 10}`);
    expect(changed).not.toBe(lines[5]);
    await writeFile(file, [...lines.slice(0, 5), changed, ...lines.slice(6)].join('\n'));
    await expect(verifyRun({ dir })).rejects.toMatchObject({
      code: 'VERIFY_FAILED', step: 'result', message: 'trades.csv line 6 differs from result.pb: "0,210,119,2005-01-26T00:00:00Z,2005-02-08T00:00:00Z,-48,179.27,196.96,-885.2380799999999,-10.287532771796728,36.11808000"… vs "0,110,119,2005-01-26T00:00:00Z,2005-02-08T00:00:00Z,-48,179.27,196.96,-885.2380799999999,-10.287532771796728,36.11808000"… (from character 1)',
    });
    expect([lines[5]!.slice(0, 10), changed.slice(0, 10)]).toEqual(['0,110,119,', '0,210,119,']);
    const v = await cli('verify', dir);
    expect(v.code).toBe(5);
    expect(v.err).toContain('trades.csv line 6 differs from result.pb');
    await rm(file);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
  });
});

describe('the report of a run without the CSV files', () => {
  it('says how many rows the tables leave out and how to write the file; once exported, the link finds it and verify passes', async () => {
    const dir = path.join(work, 'many');
    // flips every bar: 2,148 orders and 2,146 trades on GOOG, more than a table shows
    const r = await cli('backtest', '--strategy', 'test/fixtures/flip-every.ts', '--param', 'every=1', '--data', 'data/GOOG.csv', '--unsigned', '--quiet', '--out', dir);
    expect(r.code, r.err).toBe(0);
    expect(CSV.filter((f) => existsSync(path.join(dir, f)))).toEqual([]);
    const html = await readFile(path.join(dir, REPORT_FILE), 'utf8');
    const stats = JSON.parse(await readFile(path.join(dir, 'stats.json'), 'utf8')) as { trades: number };
    expect(stats.trades).toBe(2146);
    expect(html).toContain(`<p class="note more">${2146 - MAX_TABLE_ROWS} more trades in <a href="trades.csv">trades.csv</a> (the table shows the first ${MAX_TABLE_ROWS}); a run folder without it gets it from <code>backproof export &lt;run-dir&gt; --trades</code></p>`);
    expect(html).toContain(`<p class="note more">${2148 - MAX_TABLE_ROWS} more orders in <a href="orders.csv">orders.csv</a> (the table shows the first ${MAX_TABLE_ROWS}); a run folder without it gets it from <code>backproof export &lt;run-dir&gt; --orders</code></p>`);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    expect((await cli('export', dir, '--trades', '--orders')).code).toBe(0);
    expect((await readFile(path.join(dir, 'trades.csv'), 'utf8')).trim().split('\n')).toHaveLength(2147);
    expect((await readFile(path.join(dir, REPORT_FILE), 'utf8')) === html).toBe(true); // the page is the same either way
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
  });
});

describe('a bad --csv: a usage error (exit 2) before anything runs, nothing written', () => {
  it('names the bad value and what --csv takes', async () => {
    const cases: [string, string][] = [
      ['trade', 'got "trade"'],
      ['trades,equty', 'got "equty" in "trades,equty"'],
      ['TRADES', 'got "TRADES"'],
      ['', 'got ""'],
      ['trades,', 'got "" in "trades,"'],
      ['all,orders', 'got "all" in "all,orders"'],
    ];
    for (const [value, says] of cases) {
      const out = path.join(work, `bad-${cases.findIndex((c) => c[0] === value)}`);
      const r = await cli(...BACKTEST, '--out', out, '--csv', value);
      expect([r.code, r.err.split('\n')[0]], value).toEqual([2, `backproof backtest: error USAGE: --csv takes trades, orders and equity, comma-separated, or all; ${says}`]);
      expect(existsSync(out), value).toBe(false);
    }
    const twice = await cli(...BACKTEST, '--out', path.join(work, 'bad-twice'), '--csv', 'orders,trades,orders');
    expect([twice.code, twice.err.split('\n')[0]]).toEqual([2, 'backproof backtest: error USAGE: --csv names orders twice']);
    const json = await cli(...BACKTEST, '--out', path.join(work, 'bad-json'), '--csv', 'x', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ schema: 'backproof/error@1', command: 'backtest', code: 'USAGE', exit: 2, step: null, message: '--csv takes trades, orders and equity, comma-separated, or all; got "x"' });
    expect((await readdir(work)).filter((f) => f.startsWith('bad-'))).toEqual([]);
  });
});
