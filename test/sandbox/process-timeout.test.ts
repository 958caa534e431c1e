// --isolation process and the run's own timeout: the child's watchdog (`timeout -s KILL`) is armed with
// the run's --timeout (SandboxConfig.timeoutMs), not the runtime's 600 s default — run/worker's watchdog
// cannot end a guest thread blocked on the child's pipe, so without it a spinning guest outlived its run
// by ten minutes. A real spinning guest (test/fixtures/spin.ts, built by asc) under a 2 s timeout: a
// typed WATCHDOG naming the limit, the child gone, no run folder.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type StrategyArtifact } from '../../host/index.ts';
import { compileGuest } from '../../host/sandbox/index.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { wire } from '../../host/run/wire.ts';
import { SandboxError } from '../../host/errors.ts';
import { processRuntime, type ProcessSession } from '../../host/sandbox/process/runtime.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';
import { cli } from '../helpers/cli.ts';
import { childOf, descendants, gone } from '../helpers/child-processes.ts';

/** Budgets no guest meets in seconds: only the wall clock stops the spin. */
const UNMETERED = ['--fuel', String(1n << 61n), '--fuel-per-bar', String(1n << 61n)];

let work: string, spin: StrategyArtifact, smaCross: StrategyArtifact, goog: LoadedData;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'bp-process-timeout-'));
  [spin, smaCross, goog] = await Promise.all([loadStrategy('test/fixtures/spin.ts'), loadStrategy('strategies-as/sma-cross.ts'), loadData('data/GOOG.csv')]);
}, 60_000);

/** Waits (at most `ms`) until `pid` is gone; whether it is. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const until = performance.now() + ms; !gone(pid) && performance.now() < until;) await new Promise((r) => setTimeout(r, 50));
  return gone(pid);
}

describe('the run\'s timeout reaches the process runtime', () => {
  it('backtest --isolation process --timeout 2 of a spinning guest: WATCHDOG (exit 4) naming 2 s, the child killed, no run folder', async () => {
    const out = path.join(work, 'run');
    const before = await descendants(process.pid, BOOT_MARK);
    const t0 = performance.now();
    const running = cli('backtest', '--strategy', 'test/fixtures/spin.ts', '--data', 'data/GOOG.csv', '--isolation', 'process', '--timeout', '2', ...UNMETERED, '--unsigned', '--out', out, '--json');
    const child = await childOf(process.pid, BOOT_MARK, 30_000, before);
    const r = await running;
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({
      schema: 'backproof/error@1', code: 'WATCHDOG',
      message: 'the run exceeded the wall-clock limit of 2 s and was stopped (a last resort: fuel and memory limits normally stop a guest first)',
    });
    expect(performance.now() - t0).toBeGreaterThan(1_900);
    // Killed at the run's limit counted from the child's start (a moment after the run's): well within
    // a few seconds, where the runtime's default would have left it spinning for 600 s.
    expect(await goneWithin(child, 5_000)).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual([]);
  }, 60_000);

  it('a session opened with SandboxConfig.timeoutMs: its child is killed then (WATCHDOG naming it), whatever the runtime\'s default', () => {
    const sandbox = { ...sandboxConfigFor({ ...DEFAULT_CONFIG, fuel: 1n << 61n, fuelPerCallback: 1n << 61n }), timeoutMs: 1_500 };
    const w = wire({ wasm: spin.wasm, guest: compileGuest(spin.wasm, sandbox), sandbox, runtime: processRuntime({ timeoutMs: 600_000 }), feeds: [goog], config: DEFAULT_CONFIG });
    const session = w.instance as unknown as ProcessSession;
    const pid = session.pid!;
    const t0 = performance.now();
    let caught: unknown;
    try {
      w.instance.init();
      w.backtest.run(w.port);
    } catch (e) {
      caught = e;
    } finally {
      w.instance.close!();
    }
    expect(caught).toBeInstanceOf(SandboxError);
    expect((caught as SandboxError).code).toBe('WATCHDOG');
    expect((caught as Error).message).toBe('the guest process exceeded the wall-clock limit of 1.5 s and was killed (SIGKILL)');
    expect(performance.now() - t0).toBeGreaterThan(1_000);
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(gone(pid)).toBe(true);
  }, 60_000);

  it('a kept child serves only a session of the same limit (its watchdog was armed when it started)', () => {
    const runtime = processRuntime({});
    const runOnce = (timeoutMs: number | undefined): number => {
      const base = sandboxConfigFor(DEFAULT_CONFIG);
      const sandbox = timeoutMs === undefined ? base : { ...base, timeoutMs };
      const w = wire({ wasm: smaCross.wasm, guest: compileGuest(smaCross.wasm, sandbox), sandbox, runtime, feeds: [goog], config: DEFAULT_CONFIG });
      w.instance.init();
      w.backtest.run(w.port);
      w.instance.finish();
      const pid = (w.instance as unknown as ProcessSession).pid!;
      w.instance.close!();
      return pid;
    };
    const a = runOnce(60_000);
    expect(runOnce(60_000)).toBe(a); // the same limit: reused
    const b = runOnce(120_000);
    expect(b).not.toBe(a); // another: a child of its own
    expect(runOnce(undefined)).not.toBe(b); // none given: the runtime's default (600 s), another again
  }, 60_000);
});
