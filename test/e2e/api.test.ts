// The public API is enough to make and check a run: backtest() is what the CLI calls, verifyRun() what verify calls.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest, DEFAULT_CONFIG, verifyRun, UsageError } from '../../host/index.ts';

describe('backtest() and verifyRun()', () => {
  it('makes a run folder from files and verifies it; a bad option is refused before the run', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'backproof-api-'));
    const out = path.join(work, 'run');
    const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
    const r = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['GOOG=data/GOOG.csv'], config, key: null, out, timeoutMs: 120_000 });
    expect(r.dir).toBe(out);
    expect(r.logged).toBeNull();
    expect(r.outcome.result.trades.length).toBeGreaterThan(0);
    const v = await verifyRun({ dir: out, trustedKey: null });
    expect(v.runId).toBe(r.outcome.runId);
    expect(v.signed).toBe(false);
    // A missing log is refused before anything runs or is written.
    const err = await backtest({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config, key: null, out: path.join(work, 'x'), timeoutMs: 120_000, log: { dir: path.join(work, 'no-log'), keyFile: 'none' } }).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((await readdir(work)).sort()).toEqual(['run']);
  }, 120_000);
});
