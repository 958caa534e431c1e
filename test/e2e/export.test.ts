// backtest writes no CSV file unless asked (--csv; their rows are in result.pb); `backproof export` streams
// equity.csv — byte for byte what the whole-string renderer gave, with each event's time from the data —
// and trades.csv and orders.csv (the same, export-csv.test.ts: as backtest --csv writes them); an exported
// file in the run folder is checked by verify like the others. Bad input is
// refused before anything is written: not a run folder, a tampered result.pb, a missing data file, an
// existing file (without --force), a data file of the run (even with --force), an --out that is no .csv.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { decodeResult } from '../../host/audit/codec.ts';
import { readReportInput } from '../../host/report/read.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { legacyEquityCsv, legacyOrdersCsv, legacyTradesCsv } from '../audit/legacy-outputs.ts';

let work: string, run: string, data: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-export-'));
  run = path.join(work, 'run');
  data = path.join(work, 'GOOG.csv');
  await cp('data/GOOG.csv', data);
  const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', data, '--commission', '0.002', '--out', run, '--unsigned', '--quiet', '--no-report');
  expect(r.code, r.err).toBe(0);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** equity.csv as the whole-string renderer wrote it, with the times report/read computes on its own. */
async function expectedEquity(dir: string): Promise<Buffer> {
  const input = await readReportInput(dir);
  return Buffer.from(legacyEquityCsv(decodeResult(new Uint8Array(await readFile(path.join(dir, 'result.pb')))), input.times));
}

async function copy(name: string): Promise<string> {
  const dir = path.join(work, name);
  await cp(run, dir, { recursive: true });
  return dir;
}

describe('backproof export', () => {
  it('backtest leaves equity.csv out; export writes it into the run folder, the bytes of the old renderer, and verify checks it', async () => {
    expect(await readdir(run)).not.toContain('equity.csv');
    const dir = await copy('into-folder');
    const r = await cli('export', dir, '--json');
    expect(r.code, r.err).toBe(0);
    const file = path.join(dir, 'equity.csv');
    const bytes = await readFile(file);
    expect(JSON.parse(r.out)).toEqual({ schema: 'backproof/export@1', runDir: dir, files: [{ kind: 'equity', file, bytes: bytes.length }] });
    expect(bytes.equals(await expectedEquity(dir))).toBe(true);
    expect(bytes.toString('utf8').split('\n').slice(0, 2)).toEqual(['Bar,Time,Equity', '0,2004-08-19T00:00:00Z,10000']);
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    // a flipped byte in it fails verify naming the file and the line; again exporting puts it right (no --force needed in the run folder)
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 3] = damaged[damaged.length - 3]! ^ 1;
    await writeFile(file, damaged);
    await expect(verifyRun({ dir })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'result', message: expect.stringMatching(/^equity\.csv line \d+ differs from result\.pb/) });
    expect((await cli('export', dir)).code).toBe(0);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    await verifyRun({ dir, strict: true });
  });

  it('--trades --orders --equity --out DIR: trades.csv and orders.csv as the whole-string renderers wrote them, byte for byte; nothing left beside them', async () => {
    const out = path.join(work, 'exports') + '/';
    const r = await cli('export', run, '--trades', '--orders', '--equity', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['equity.csv', 'orders.csv', 'trades.csv']);
    const result = decodeResult(new Uint8Array(await readFile(path.join(run, 'result.pb'))));
    expect(result.trades).toHaveLength(93);
    expect(await readFile(path.join(out, 'trades.csv'), 'utf8')).toBe(legacyTradesCsv(result));
    expect(await readFile(path.join(out, 'orders.csv'), 'utf8')).toBe(legacyOrdersCsv(result));
    expect((await readFile(path.join(out, 'equity.csv'))).equals(await expectedEquity(run))).toBe(true);
    expect(r.out.split('\n')).toEqual(['equity.csv', 'trades.csv', 'orders.csv'].map((f) => expect.stringMatching(new RegExp(`^wrote ${path.join(out, f)} \\(\\d+ bytes\\)$`))));
  });

  it('--out FILE.csv: one file; an existing one only with --force; the data file of the run never', async () => {
    const file = path.join(work, 'curve.csv');
    expect((await cli('export', run, '--out', file)).code).toBe(0);
    expect((await readFile(file)).equals(await expectedEquity(run))).toBe(true);
    const again = await cli('export', run, '--out', file);
    expect([again.code, again.err]).toEqual([2, expect.stringContaining(`${file} already exists; pass --force to replace it`)]);
    expect((await cli('export', run, '--out', file, '--force')).code).toBe(0);
    const before = await readFile(data);
    for (const args of [['--out', data], ['--out', data, '--force'], ['--trades', '--out', data, '--force']]) {
      const r = await cli('export', run, ...args);
      expect([r.code, r.err], args.join(' ')).toEqual([2, expect.stringContaining('is a data file of the run')]);
    }
    expect((await readFile(data)).equals(before)).toBe(true);
  });

  it('usage errors (exit 2) name what is wrong and write nothing', async () => {
    const cases: [string[], string][] = [
      [['export'], 'export needs a run folder'],
      [['export', path.join(work, 'nowhere')], 'is not a run folder'],
      [['export', 'data'], 'is not a run folder: it has no record.pb'],
      [['export', run, '--out', path.join(work, 'curve.txt')], 'a file must end in .csv'],
      [['export', run, '--trades', '--orders', '--out', path.join(work, 'both.csv')], 'one file takes one of --equity, --trades, --orders (2 asked)'],
      [['export', run, '--bogus'], 'bogus'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect([r.code, r.err], args.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
    expect((await readdir(work)).filter((f) => f.includes('partial') || f === 'both.csv' || f === 'curve.txt')).toEqual([]);
  });

  it('a tampered result.pb fails (exit 5); a moved data file is a data error (exit 3) unless --data names a copy', async () => {
    const tampered = await copy('tampered');
    const pb = await readFile(path.join(tampered, 'result.pb'));
    pb[10] = pb[10]! ^ 1;
    await writeFile(path.join(tampered, 'result.pb'), pb);
    const t = await cli('export', tampered);
    expect([t.code, t.err]).toEqual([5, expect.stringContaining('not this run\'s result')]);
    expect(await readdir(tampered)).not.toContain('equity.csv');

    const moved = await copy('moved');
    const want = await expectedEquity(run);
    const elsewhere = path.join(work, 'GOOG-moved.csv');
    await rename(data, elsewhere);
    try {
      const m = await cli('export', moved);
      expect([m.code, m.err]).toEqual([3, expect.stringContaining(`cannot read data file ${data}: ENOENT (the run read it there, relative to the folder it was run in; pass --data to point at a copy)`)]);
      expect(await readdir(moved)).not.toContain('equity.csv');
      // a file given with --data that cannot be read: said so, with no hint to pass --data
      const nowhere = path.join(work, 'no-such-data.csv');
      const n = await cli('export', moved, '--out', path.join(work, 'x.csv'), '--data', nowhere);
      expect([n.code, n.err]).toEqual([3, expect.stringContaining(`cannot read data file ${nowhere}: ENOENT (the file given with --data)`)]);
      expect(n.err).not.toContain('pass --data');
      expect(await readdir(work)).not.toContain('x.csv');
      // trades and orders need no data
      expect((await cli('export', moved, '--trades')).code).toBe(0);
      expect((await cli('export', moved, '--data', elsewhere)).code).toBe(0);
      expect((await readFile(path.join(moved, 'equity.csv'))).equals(want)).toBe(true);
    } finally {
      await rename(elsewhere, data);
    }
  });

  it('a data file verify streams (above 4 MB: minute bars, some seconds apart by a fraction): export and verify give the times the report reads whole', async () => {
    const csv = path.join(work, 'minutes.csv');
    const rows = ['Date,Open,High,Low,Close,Volume'];
    let price = 100;
    for (let i = 0; i < 90_000; i++) {
      // seeded walk; every 1000th bar 1.5 s late (sub-second times in equity.csv)
      const step = Math.sin(i * 12.9898) * 0.05;
      const open = price;
      price = Math.round((price + step) * 1e4) / 1e4;
      const ms = Date.UTC(2000, 0, 1) + i * 60_000 + (i % 1000 === 999 ? 1500 : 0);
      const t = new Date(ms).toISOString().replace('T', ' ').replace('Z', '').replace(/\.000$/, '');
      rows.push(`${t},${open},${Math.max(open, price) + 0.01},${Math.min(open, price) - 0.01},${price},${1000 + (i % 7)}`);
    }
    await writeFile(csv, rows.join('\n') + '\n');
    expect((await stat(csv)).size).toBeGreaterThan(4 << 20);
    const dir = path.join(work, 'minutes-run');
    const b = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', csv, '--out', dir, '--unsigned', '--quiet', '--no-report');
    expect(b.code, b.err).toBe(0);
    expect((await cli('export', dir)).code).toBe(0);
    const bytes = await readFile(path.join(dir, 'equity.csv'));
    expect(bytes.equals(await expectedEquity(dir))).toBe(true);
    expect(bytes.toString('utf8')).toContain(',2000-01-01T16:39:01.500000000Z,');
    expect((await verifyRun({ dir, strict: true })).unverified).toEqual([]);
    const data = await readFile(csv);
    data[data.length - 2] = data[data.length - 2]! ^ 1;
    await writeFile(csv, data);
    await expect(verifyRun({ dir })).rejects.toMatchObject({ code: 'VERIFY_FAILED', step: 'data', message: expect.stringContaining('SHA-256 of') });
  }, 120_000);
});
