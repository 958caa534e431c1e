// check-determinism --isolation v8|wasi|process: every variant's guest runs under the isolation named —
// this thread's run, a guest thread's and a child process's (check/process-entry) — and the document is
// the same under each, hash for hash (the isolation is never recorded); a bad value is a usage error
// (exit 2) naming the option, before the strategy is read.
import { describe, expect, it } from 'vitest';
import { checkDeterminism } from '../../host/check/index.ts';
import { DEFAULT_CONFIG } from '../../host/index.ts';
import { UsageError } from '../../host/errors.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';
import { cli } from '../helpers/cli.ts';
import { descendants, noneLeft } from '../helpers/child-processes.ts';

// sma-cross on GOOG (test/check/determinism.test.ts, test/e2e/determinism.test.ts).
const RESULT_SHA256 = '217ac125e737d1bdc3c9a8cb9bba95fdd4606c9f9eb7d9154defe5e05777fb83';
const ROOT = 'b4af3586f4b56f40a5efb1d362a6f0fcd998669c0d784295cc59129ae70c24d4';

interface Doc {
  identical: boolean;
  runs: { label: string; resultSha256: string; traceRoot: string | null; instructions: string }[];
}

const check = (...more: string[]) => cli('check-determinism', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--runs', '1', '--variants', 'worker,tz,leaf-1k', ...more, '--json');

describe('check-determinism --isolation', () => {
  it('v8, wasi and process: identical, and the same document under each', async () => {
    const v8 = await check('--isolation', 'v8');
    expect(v8.code).toBe(0);
    const doc = JSON.parse(v8.out) as Doc;
    expect(doc.identical).toBe(true);
    expect(doc.runs.map((r) => r.label)).toEqual(['main', 'worker', 'tz', 'leaf-1k']);
    for (const r of doc.runs) expect([r.label, r.resultSha256, r.instructions]).toEqual([r.label, RESULT_SHA256, '1354070']);
    expect(doc.runs[0]!.traceRoot).toBe(ROOT);
    for (const isolation of ['wasi', 'process']) {
      const r = await check('--isolation', isolation);
      expect([isolation, r.code]).toEqual([isolation, 0]);
      expect(JSON.parse(r.out)).toEqual(doc);
    }
    expect(JSON.parse((await check()).out)).toEqual(doc); // without the option: v8
  }, 120_000);

  it('under process, this thread\'s run is in a child of this process (kept idle a moment after)', async () => {
    expect(await noneLeft(process.pid, BOOT_MARK, 10_000)).toBe(0);
    const r = await checkDeterminism({ strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config: DEFAULT_CONFIG, runs: 1, variants: ['main'], isolation: 'process' });
    expect([r.identical, r.runs.length, r.runs[0]!.summary!.resultSha256]).toEqual([true, 1, RESULT_SHA256]);
    expect((await descendants(process.pid, BOOT_MARK)).size).toBe(1);
  }, 60_000);

  it('an unknown isolation: exit 2, USAGE naming --isolation, before the strategy is read', async () => {
    const r = await cli('check-determinism', 'strategies-as/no-such.ts', '--data', 'data/GOOG.csv', '--isolation', 'docker', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', message: '--isolation must be one of v8, wasi, process, got "docker"' });
    const err = await checkDeterminism({ strategy: 'strategies-as/no-such.ts', data: ['data/none.csv'], config: DEFAULT_CONFIG, isolation: 'vm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe('--isolation must be one of v8, wasi, process, got "vm"');
  });
});
