// A backtest's strategy loaded ahead of the command (run/strategy prefetchBacktestStrategy, called by
// bin/backproof.js before it loads the CLI): which arguments name it, that the command then takes that very
// load (one build, the build cache filled once), and that a command started that way gives the run an
// in-process command gives, byte for byte, and still fails on a bad argument with its usage error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildStrategy } from '../../host/build/asc.ts';
import { backtestStrategyArg, loadStrategy, prefetchBacktestStrategy } from '../../host/run/strategy.ts';
import { cli } from '../helpers/cli.ts';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const ENTRY = 'strategies-as/sma-cross.ts';
const buildsIn = (cache: string): string[] => (existsSync(path.join(cache, 'builds')) ? readdirSync(path.join(cache, 'builds')) : []);
const envBefore = process.env.BACKPROOF_CACHE_DIR;
afterEach(() => {
  process.env.BACKPROOF_CACHE_DIR = envBefore;
});

describe('the strategy of a backtest, loaded ahead of the command', () => {
  it('is named by --strategy of backtest (the last one, either spelling), a .ts only, never with --help or after --', () => {
    expect(backtestStrategyArg(['backtest', '--strategy', 'a.ts', '--data', 'd.csv'])).toBe('a.ts');
    expect(backtestStrategyArg(['backtest', '--data', 'd.csv', '--strategy=b/c.ts'])).toBe('b/c.ts');
    expect(backtestStrategyArg(['backtest', '--strategy', 'a.ts', '--strategy', 'z.ts'])).toBe('z.ts');
    expect(backtestStrategyArg(['backtest', '--strategy', 'a.wasm'])).toBeNull();
    expect(backtestStrategyArg(['backtest', '--strategy'])).toBeNull();
    expect(backtestStrategyArg(['backtest', '--help', '--strategy', 'a.ts'])).toBeNull();
    expect(backtestStrategyArg(['backtest', '-h', '--strategy', 'a.ts'])).toBeNull();
    expect(backtestStrategyArg(['backtest', '--', '--strategy', 'a.ts'])).toBeNull();
    expect(backtestStrategyArg(['build', '--strategy', 'a.ts'])).toBeNull();
    expect(backtestStrategyArg([])).toBeNull();
  });

  it('gives the command the build asc makes, cached once', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'backproof-prefetch-'));
    process.env.BACKPROOF_CACHE_DIR = cache;
    await prefetchBacktestStrategy(['backtest', '--strategy', ENTRY]);
    const taken = await loadStrategy(ENTRY);
    expect(sha(taken.wasm)).toBe(sha((await buildStrategy(ENTRY)).wasm));
    const entries = readdirSync(path.join(cache, 'builds'));
    expect(entries.length).toBe(1);
    // Taken once: the next load is the cache's.
    expect(sha((await loadStrategy(ENTRY)).wasm)).toBe(sha(taken.wasm));
    expect(readdirSync(path.join(cache, 'builds'))).toEqual(entries);
    rmSync(cache, { recursive: true, force: true });
  }, 180_000);

  it('through bin/backproof.js: the run of an in-process command, byte for byte; a bad argument is still its usage error', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'backproof-prefetch-cli-'));
    const args = (out: string) => ['backtest', '--strategy', ENTRY, '--data', 'data/GOOG.csv', '--unsigned', '--quiet', '--no-report', '--csv', 'trades', '--out', out];
    process.env.BACKPROOF_CACHE_DIR = 'off';
    const here = await cli(...args(path.join(work, 'here')));
    expect(here.code, here.err).toBe(0);
    const cache = path.join(work, 'cache');
    const env = { ...process.env, BACKPROOF_CACHE_DIR: cache, BACKPROOF_LOG: 'silent' };
    const there = spawnSync(process.execPath, ['bin/backproof.js', ...args(path.join(work, 'there'))], { env, encoding: 'utf8' });
    expect(there.status, there.stderr).toBe(0);
    for (const f of ['result.pb', 'record.pb', 'strategy.wasm', 'trades.csv'])
      expect(readFileSync(path.join(work, 'there', f)).equals(readFileSync(path.join(work, 'here', f))), f).toBe(true);
    expect(readdirSync(path.join(cache, 'builds')).length).toBe(1);
    const bad = spawnSync(process.execPath, ['bin/backproof.js', ...args(path.join(work, 'bad')), '--cash', 'lots'], { env: { ...env, BACKPROOF_CACHE_DIR: path.join(work, 'cache-2') }, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--cash');
    expect(existsSync(path.join(work, 'bad'))).toBe(false);
    // A command that fails does not wait for the build it started: the build is ended, nothing of it cached
    // (asc takes over a second; the usage and data errors come at once).
    expect(buildsIn(path.join(work, 'cache-2'))).toEqual([]);
    const noData = spawnSync(process.execPath, ['bin/backproof.js', 'backtest', '--strategy', ENTRY, '--data', path.join(work, 'absent.csv'), '--unsigned', '--quiet', '--out', path.join(work, 'nodata')], { env: { ...env, BACKPROOF_CACHE_DIR: path.join(work, 'cache-3') }, encoding: 'utf8' });
    expect(noData.status, noData.stderr).toBe(3);
    expect(noData.stderr).toContain('absent.csv');
    expect(buildsIn(path.join(work, 'cache-3'))).toEqual([]);
    rmSync(work, { recursive: true, force: true });
  }, 240_000);
});
