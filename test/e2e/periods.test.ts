// --periods-per-year: the stats' annualisation set on the command line, kept in the config link
// (so it changes the run id and verify checks it) and, set or inferred, in the result's stats.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';

let work: string;
const backtest = (out: string, ...extra: string[]) =>
  cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--out', path.join(work, out), '--unsigned', ...extra);
const json = async (run: string, file: string) => JSON.parse(await readFile(path.join(work, run, file), 'utf8'));

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-periods-'));
});

describe('--periods-per-year', () => {
  it('inferred by default (GOOG: daily, no weekend bars: 252), set when given; both in the hashed record', async () => {
    expect((await backtest('inferred')).code).toBe(0);
    expect((await backtest('set', '--periods-per-year', '365')).code).toBe(0);
    expect((await json('inferred', 'config.json')).periodsPerYear).toBe(0);
    expect((await json('set', 'config.json')).periodsPerYear).toBe(365);
    const a = await json('inferred', 'stats.json'), b = await json('set', 'stats.json');
    expect(a.periodsPerYear).toBe(252);
    expect(b.periodsPerYear).toBe(365);
    // The same daily returns, compounded over 365 periods instead of 252.
    const g = (1 + a.returnAnnPct / 100) ** (1 / 252);
    expect(b.returnAnnPct).toBeCloseTo((g ** 365 - 1) * 100, 8);
    expect(b.cagrPct).toBe(a.cagrPct);
    expect((await json('set', 'record.json')).runId).not.toBe((await json('inferred', 'record.json')).runId);
    expect((await cli('verify', path.join(work, 'set'))).code).toBe(0);
  });

  it('a value that is not a number in (0, 366], or 0, is a usage error naming the option', async () => {
    for (const bad of ['-1', '400', 'weekly', '']) {
      const r = await backtest(`bad-${bad}`, '--periods-per-year', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toMatch(/--periods-per-year/);
    }
  });
});
