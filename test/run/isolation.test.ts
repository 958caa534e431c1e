// --isolation: every runtime of the seam (test/helpers/runtimes) gives the v8 runtime's record, byte for
// byte, on every example strategy; an unknown or unavailable isolation is a usage error naming the option.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest } from '../../host/api.ts';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData } from '../../host/index.ts';
import { availableIsolations, ISOLATIONS } from '../../host/sandbox/index.ts';
import { UsageError } from '../../host/errors.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { RUNTIMES } from '../helpers/runtimes.ts';
import { cli } from '../helpers/cli.ts';

const EXAMPLES = ['sma-cross', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle'];

let goog: LoadedData, orcl: LoadedData;
beforeAll(async () => {
  goog = await loadData('data/GOOG.csv');
  orcl = { ...(await loadData('test/data/orcl-1995-2014.txt')), symbol: 'ORCL' } as LoadedData;
});

describe('every runtime makes the v8 runtime\'s record', () => {
  it('lists v8 first, and only runtimes this build has', () => {
    expect(RUNTIMES[0]!.isolation).toBe('v8');
    for (const r of RUNTIMES) expect(availableIsolations()).toContain(r.isolation);
  });

  for (const name of [...EXAMPLES, 'pairs']) {
    it(`${name}: trace root, result, record and counts`, async () => {
      const strategy = await loadStrategy(`strategies-as/${name}.ts`);
      const data = name === 'pairs' ? [orcl, goog] : goog;
      // Snapshots put host records into the stream: they cross the seam too.
      const config = { ...DEFAULT_CONFIG, snapshotEvery: 500 };
      const v8 = executeRun({ strategy, data, config });
      expect(v8.trace.byteLength).toBeGreaterThan(0);
      expect(v8.snapshots.length).toBe(Math.floor(v8.barsPerFeed.reduce((a, b) => a + b, 0) / 500));
      for (const runtime of RUNTIMES) {
        const r = executeRun({ strategy, data, config, isolation: runtime.isolation });
        expect([runtime.isolation, toHex(r.trace.root), r.instructions, r.fuelUsed]).toEqual([runtime.isolation, toHex(v8.trace.root), v8.instructions, v8.fuelUsed]);
        expect(toHex(sha256(r.resultBytes))).toBe(toHex(sha256(v8.resultBytes)));
        expect(Buffer.compare(r.recordBytes, v8.recordBytes)).toBe(0);
      }
    });
  }

  it('the sma-cross golden (test/e2e/determinism) under an explicit --isolation v8', () => {
    return loadStrategy('strategies-as/sma-cross.ts').then((strategy) => {
      const r = executeRun({ strategy, data: goog, config: DEFAULT_CONFIG, isolation: 'v8' });
      expect(toHex(sha256(r.resultBytes))).toBe('217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83');
      expect(r.instructions).toBe(1354070n);
    });
  });
});

describe('--isolation refused', () => {
  it('an unknown name: exit 2, USAGE, naming the option and the choices, nothing written', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bp-isolation-')), 'run');
    const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--isolation', 'docker', '--out', out, '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { code: string; message: string };
    expect(doc.code).toBe('USAGE');
    expect(doc.message).toBe('--isolation must be one of v8, wasi, process, got "docker"');
    expect(existsSync(out)).toBe(false);
  });

  it('this build has every runtime; one it lacked would be exit 2 naming it and the available ones', async () => {
    expect(availableIsolations()).toEqual(['v8', 'wasi', 'process']);
    const missing = ISOLATIONS.filter((i) => !availableIsolations().includes(i));
    for (const name of missing) {
      const r = await cli('backtest', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--unsigned', '--isolation', name, '--json');
      expect(r.code).toBe(2);
      expect((JSON.parse(r.out) as { message: string }).message).toBe(`--isolation ${name}: that runtime is not available in this build (available: ${availableIsolations().join(', ')})`);
    }
  });

  it('backtest() refuses an unknown isolation before reading anything', async () => {
    const err = await backtest({ strategy: 'strategies-as/none.ts', data: 'data/none.csv', isolation: 'vm' as 'v8', out: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).code).toBe('USAGE');
    expect((err as Error).message).toBe('--isolation must be one of v8, wasi, process, got "vm"');
  });
});
