// The one-line API (host/api.ts): backtest({ strategy, data, params }) makes the run `backproof backtest`
// makes, byte for byte; verify(runDir) checks it; bad input is refused with a typed error, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditError, backtest, verify, UsageError, type BacktestRun } from '../../host/index.ts';
import { checkNodeVersion } from '../../host/api.ts';

const node = process.execPath;
const bin = path.resolve('bin/backproof.js');
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let work: string;
let cliOut: string;
let cliRun: string;
let run: BacktestRun;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-api1-'));
  cliRun = path.join(work, 'cli');
  const r = spawnSync(node, [bin, 'backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv',
    '--param', 'fast=10', '--param', 'slow=20', '--unsigned', '--quiet', '--out', cliRun], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  cliOut = r.stdout;
  run = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', params: { fast: 10, slow: 20 }, key: null, out: path.join(work, 'api'), logLevel: 'silent', csv: ['trades'] });
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('backtest() in one line', () => {
  it('gives the stats, trades and equity the CLI prints, and the same record, byte for byte', async () => {
    expect(run.stats.trades).toBe(93);
    expect(run.stats.equityFinal).toBe(81812.37000000004);
    expect(run.trades).toHaveLength(93);
    expect(run.trades[0]).toMatchObject({ entryBar: 63, exitBar: 75, size: -59, entryPrice: 169.02, exitPrice: 179.13 });
    expect(run.equity).toHaveLength(2148);
    expect(run.equity[2147]).toBe(81812.37000000004);
    expect(run.times[0]).toBe(1092873600000000000n); // 2004-08-19T00:00:00Z
    // What `backproof backtest` printed for the same inputs.
    expect(cliOut).toMatch(/^# Trades +93$/m);
    expect(cliOut).toMatch(/^Equity Final +81812\.3700$/m);
    expect(cliOut).toContain(`run id        ${run.runId}\n`);
    const cliRecord = new Uint8Array(await readFile(path.join(cliRun, 'record.pb')));
    expect(run.recordSha256).toBe(sha256(cliRecord));
    expect(await readFile(path.join(run.dir!, 'record.pb'))).toEqual(Buffer.from(cliRecord));
    expect(run.record).toEqual(JSON.parse(await readFile(path.join(cliRun, 'record.json'), 'utf8')));
    expect(run.signed).toBe(false);
    expect(run.dir).toBe(path.join(work, 'api'));
    expect(existsSync(path.join(run.dir!, 'report.html'))).toBe(true); // as the CLI: report.html unless report: false
    // csv: ['trades'] as the CLI's --csv trades; the CLI's run, without --csv, wrote none
    expect(existsSync(path.join(run.dir!, 'trades.csv'))).toBe(true);
    expect(['trades.csv', 'orders.csv', 'equity.csv'].filter((f) => existsSync(path.join(run.dir!, f)) || existsSync(path.join(cliRun, f)))).toEqual(['trades.csv']);
  });

  it('verify(runDir) checks the folder it wrote, and fails on a changed byte', async () => {
    const v = await verify(run.dir!);
    expect(v.runId).toBe(run.runId);
    expect(v.signed).toBe(false);
    expect(v.unverified).toEqual([]);
    const trades = path.join(run.dir!, 'trades.csv');
    const text = await readFile(trades, 'utf8');
    await writeFile(trades, text.replace('169.02', '169.03'));
    const e = await verify(run.dir!).catch((x) => x);
    expect(e).toBeInstanceOf(AuditError);
    expect(e.step).toBe('result');
    await writeFile(trades, text);
  });

  it('out: false writes nothing and gives the same record; data may be NAME=path or an array', async () => {
    const r = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['GOOG=data/GOOG.csv'], params: { fast: 10, slow: 20 }, key: null, out: false, logLevel: 'silent' });
    expect(r.dir).toBeNull();
    expect(r.recordSha256).toBe(run.recordSha256);
    expect(r.stats).toEqual(run.stats);
    expect((await readdir(work)).sort()).toEqual(['api', 'cli']);
  }, 60_000);

  it('without out, writes runs/<run id> under the working folder, and a second call replaces it (report: false: no report.html)', () => {
    const cwd = path.join(work, 'default');
    const script = `import { backtest } from ${JSON.stringify(path.resolve('host/index.ts'))};
      const o = { strategy: ${JSON.stringify(path.resolve('strategies-as/sma-cross.ts'))}, data: ${JSON.stringify(path.resolve('data/GOOG.csv'))}, params: { fast: 10, slow: 20 }, key: null, logLevel: 'silent' };
      const a = await backtest(o); const b = await backtest({ ...o, report: false });
      const { existsSync } = await import('node:fs');
      console.log(a.dir, b.dir, a.recordSha256 === b.recordSha256, existsSync(b.dir + '/report.html'));`;
    mkdirSync(cwd);
    writeFileSync(path.join(cwd, 'script.mjs'), script);
    const r = spawnSync(node, ['script.mjs'], { cwd, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`runs/${run.runId} runs/${run.runId} true false\n`);
  }, 120_000);

  it('refuses bad input with a UsageError before anything runs or is written', async () => {
    const cases: [object, RegExp][] = [
      [{ data: 'data/GOOG.csv' }, /needs strategy/],
      [{ strategy: 'strategies-as/sma-cross.ts' }, /needs data/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: [] }, /at least one data file/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', params: { fast: '10' } }, /params\.fast must be a number, got string/],
      [{ strategy: 'strategies-as/sma-cross.txt', data: 'data/GOOG.csv' }, /AssemblyScript \.ts file or a \.wasm/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', out: false, log: { dir: 'x', keyFile: 'y' } }, /cannot log the run/],
      // Worded for the API: the option keys the caller wrote, not the CLI's flags.
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', out: path.join(work, 'api') }, /already exists; pass force: true to replace it$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', params: { fast: Number.NaN } }, /^params\.fast must be a finite number, got NaN$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', params: { fast: 10.5 } }, /^params\.fast = 10\.5: the strategy reads "fast" as an integer \(its default is 10\); give a whole number$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: [], out: false }, /^a backtest needs at least one data file$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', csv: ['trades', 'equty'] }, /^csv takes trades, orders and equity, comma-separated, or all; got "equty"$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', csv: true }, /^csv takes trades, orders and equity, comma-separated, or all; got true$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', csv: ['orders', 'orders'] }, /^csv names orders twice$/],
      [{ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', out: false, csv: 'all' }, /^backtest\(\) with out: false writes no CSV files: csv needs a run folder$/],
    ];
    for (const [options, message] of cases) {
      const e = await backtest({ key: null, out: path.join(work, 'bad'), ...options } as never).catch((x) => x);
      expect(e, String(message)).toBeInstanceOf(UsageError);
      expect(e.message).toMatch(message);
    }
    expect((await readdir(work)).sort()).toEqual(['api', 'cli', 'default']);
  });

  it('refuses a key it does not read (a typo would run on defaults), naming the closest one and every key it takes', async () => {
    const takes = '; it takes strategy, data, params, config, dataOptions, key, out, force, log, timeoutMs, logLevel, prettyLogs, report, csv, progress, onPhase, traceFormat, isolation';
    const cases: [object, string][] = [
      [{ param: { fast: 5 } }, `backtest() has no option param: did you mean params?${takes}`],
      [{ Strategy: 'x.ts' }, `backtest() has no option Strategy: did you mean strategy?${takes}`],
      [{ timeout: 5 }, `backtest() has no option timeout: did you mean timeoutMs?${takes}`],
      [{ output: 'runs/x' }, `backtest() has no option output${takes}`], // too far from any to guess
    ];
    for (const [extra, message] of cases) {
      const e = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: 'data/GOOG.csv', key: null, out: path.join(work, 'typo'), ...extra } as never).catch((x) => x);
      expect(e, message).toBeInstanceOf(UsageError);
      expect(e.message).toBe(message);
    }
    expect(existsSync(path.join(work, 'typo'))).toBe(false);
  });

  it('on a Node older than 22.2 (a script has no launcher to bring Node 24), says what to run instead', () => {
    for (const v of ['20.20.2', '22.1.0', '18.0.0']) {
      const e = (() => { try { checkNodeVersion(v); } catch (x) { return x; } })();
      expect(e, v).toBeInstanceOf(UsageError);
      expect((e as Error).message).toBe(`backproof needs Node >= 22.2, and this is Node ${v}: run the script on the Node 24 that came with backproof ("npx node script.mjs"), or upgrade Node`);
    }
    for (const v of ['22.2.0', '22.23.3', '24.21.0', '25.0.0']) expect(() => checkNodeVersion(v), v).not.toThrow();
  });
});
