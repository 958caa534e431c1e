// A sweep's workers are lanes (sweep/run runCombinations): each guest thread takes the next combination
// itself from shared memory and reports each one's start and result. The wall-clock limit stays each
// combination's: run/worker inGuestThread re-arms its watchdog on every word a call posts, so a lane that
// runs for longer than the limit in all is not stopped, and a combination that spins is, named.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG } from '../../host/index.ts';
import { sweep, type CombinationResult, type SweepRequest } from '../../host/sweep/index.ts';
import { inGuestThread } from '../../host/run/worker.ts';
import { SandboxError } from '../../host/errors.ts';

const STEPS = pathToFileURL(path.resolve('test/fixtures/threads/steps.ts')).href;
let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-sweep-lanes-'));
});

describe('inGuestThread with onProgress', () => {
  it('each word posted re-arms the watchdog: 40 words 100 ms apart (~4 s) under a 2 s limit finish, told in order', async () => {
    const told: unknown[] = [];
    const n = await inGuestThread<number>(STEPS, 'postSteps', { steps: 40, everyMs: 100 }, { timeoutMs: 2_000, onProgress: (p) => told.push(p) });
    expect(n).toBe(40);
    expect(told).toEqual(Array.from({ length: 40 }, (_, k) => ({ step: k })));
  }, 60_000);

  it('a call silent for longer than the limit after its words is stopped (WATCHDOG), the words before told', async () => {
    const told: unknown[] = [];
    const e = await inGuestThread<number>(STEPS, 'postSteps', { steps: 10, everyMs: 50, silentAfter: 3 }, { timeoutMs: 1_500, onProgress: (p) => told.push(p) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SandboxError);
    expect((e as SandboxError).code).toBe('WATCHDOG');
    expect(told).toEqual([{ step: 0 }, { step: 1 }, { step: 2 }]);
  }, 60_000);
});

describe('sweep lanes', () => {
  const request = (r: Partial<SweepRequest>): SweepRequest => ({
    strategy: 'test/fixtures/spin-at.ts', data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: {}, fuel: 1n << 61n, fuelPerCallback: 1n << 61n },
    grids: ['at=0,1000000000'], objective: 'sharpe', key: null, workers: 2, out: path.join(work, 'unused'), ...r,
  });

  it('a combination that spins is stopped at the limit and named (WATCHDOG); the sweep fails and writes nothing', async () => {
    const out = path.join(work, 'spin');
    const done: number[] = [];
    const e = await sweep({ ...request({ out, timeoutMs: 3_000 }), onDone: (r: CombinationResult) => done.push(r.index) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SandboxError);
    expect([(e as SandboxError).code, (e as Error).message]).toEqual(['WATCHDOG', 'combination 0 (at=0) failed: the run exceeded the wall-clock limit of 3 s and was stopped (a last resort: fuel and memory limits normally stop a guest first)']);
    // the other lane ran combination 1 to its end meanwhile
    expect(done).toEqual([1]);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('every combination is run once, on 1 lane or 2, and told once', async () => {
    for (const workers of [1, 2]) {
      const done: number[] = [];
      const r = await sweep({ ...request({ out: path.join(work, `all-${workers}`), workers, strategy: 'strategies-as/sma-cross.ts', config: { ...DEFAULT_CONFIG, params: {} }, grids: ['fast=2..8', 'slow=30,40'] }), onDone: (c: CombinationResult) => done.push(c.index) });
      expect(r.record.count).toBe(14);
      expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, k) => k));
    }
  }, 120_000);
});
