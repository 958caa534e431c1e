// scripts/fuzz.ts, the long runs (docs/FUZZING.md): its output, a failure saved with its seed and path, a hang
// ended by the watchdog and saved with its seed, and its usage errors. (The suite's replay of saved cases is
// test/fuzz/engine.test.ts's "saved case".)
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function fuzz(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/fuzz.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run fuzz', () => {
  it('runs a property for its time from the given seed and says how many cases passed', () => {
    const r = fuzz(['--seconds', '1', '--seed', '5', '--only', 'loaders-csv-random']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^loaders-csv-random: [1-9]\d* cases in \d+\.\d s, seed 5: passed\n$/);
    expect(r.status).toBe(0);
  });

  it('saves a failing case (seed, path, shrunk) and a hung one (seed, no path), and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backproof-fuzz-saved-'));
    const r = fuzz(['--seconds', '2', '--grace', '2', '--seed', '7', '--only', 'self-test-fails,self-test-hangs'], { BACKPROOF_FUZZ_SELF_TEST: '1', BACKPROOF_FUZZ_REGRESSIONS: dir });
    const saved = Object.fromEntries(readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]));
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(Object.keys(saved).sort()).toEqual(['self-test-fails-7.json', 'self-test-hangs-8.json']);
    const failed = saved['self-test-fails-7.json'];
    expect(failed).toMatchObject({ property: 'self-test-fails', seed: 7, counterexample: '[1001]', error: '1001 > 1000' });
    expect(failed.path).toMatch(/^\d+(:\d+)*$/);
    const hung = saved['self-test-hangs-8.json'];
    expect(hung).toEqual({ property: 'self-test-hangs', seed: 8, path: '', counterexample: '', error: 'hung: no outcome within 3 s (a case never returned)' });
    expect(r.stdout).toContain(`self-test-fails: FAILED after`);
    expect(r.stdout).toContain(`saved ${path.join(dir, 'self-test-hangs-8.json')}`);
  });

  it('refuses an unknown property, a bad seed or an unknown option (exit 2), and lists the properties', () => {
    expect(fuzz(['--only', 'nope'])).toMatchObject({ status: 2, stderr: 'fuzz: --only: no property named nope (see --list)\n' });
    expect(fuzz(['--seed', '1.5'])).toMatchObject({ status: 2, stderr: 'fuzz: --seed must be a whole number, got "1.5"\n' });
    expect(fuzz(['--bogus']).status).toBe(2);
    expect(fuzz(['--list']).stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual([
      'engine-invariants', 'engine-no-look-ahead', 'instrument-current', 'instrument-v6', 'loaders-csv-mutated', 'loaders-csv-random', 'loaders-lean-mutated', 'loaders-column-cache',
    ]);
  });
});
