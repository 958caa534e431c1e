// sweep and walk-forward --isolation v8|wasi|process: every combination's guest runs under the runtime
// named (a child process appears under process; a trap under wasi carries Wasmer's message, not v8's),
// and the folder is the same, byte for byte, under each — plan, runs, summary, sweep root, report: the
// isolation is where the guest ran, not what was computed, so nothing records it. The run's --timeout
// reaches the runtime (a spinning guest's child is killed at it, not at the runtime's 600 s). A bad value
// is a usage error naming --isolation, before anything is read or written.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { childOf, descendants, gone } from '../helpers/child-processes.ts';
import { DEFAULT_CONFIG, generateKeys } from '../../host/index.ts';
import { sweep, type SweepRequest } from '../../host/sweep/index.ts';
import { walkForward } from '../../host/walk-forward/index.ts';
import { SandboxError, UsageError } from '../../host/errors.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';

let work: string, keyFile: string;
const SWEEP = ['sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'slow=20,30', '--grid', 'fast=5..10:5', '--where', 'fast < slow', '--objective', 'sharpe'];
const WALK = ['walk-forward', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5,10', '--grid', 'slow=30', '--objective', 'sharpe', '--train', '4y', '--test', '2y'];
const out = (name: string): string => path.join(work, name);
const request = (r: Partial<SweepRequest>): SweepRequest => ({
  strategy: 'test/fixtures/fault.ts', data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: {} }, grids: ['at=10'], objective: 'sharpe', key: null, workers: 1, out: out('unused'), ...r,
});

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-sweep-isolation-'));
  keyFile = path.join(work, 'k.key');
  writeFileSync(keyFile, generateKeys().privateKeyPem);
});

/** The CLI's --json document without its folder (the one thing that differs between two sweeps' outputs). */
const withoutDir = (out: string): unknown => ({ ...(JSON.parse(out) as object), dir: undefined });

/**
 * The names of this process's threads seen while `work` runs (sampled every 20 ms): @wasmer/sdk names its
 * pool's threads worker-1, worker-2 …, which run only under --isolation wasi.
 */
async function threadsDuring<T>(work: Promise<T>): Promise<{ result: T; names: Set<string> }> {
  const names = new Set<string>();
  const sample = (): void => {
    for (const t of readdirSync('/proc/self/task')) {
      try {
        names.add(readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim());
      } catch {
        // (a thread that ended meanwhile)
      }
    }
  };
  const timer = setInterval(sample, 20);
  try {
    return { result: await work, names };
  } finally {
    clearInterval(timer);
  }
}
const wasmerThreads = (names: Set<string>): string[] => [...names].filter((n) => /^worker-\d+$/.test(n));

/** Waits (at most `ms`) until `pid` is gone; whether it is. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (const until = performance.now() + ms; !gone(pid) && performance.now() < until;) await new Promise((r) => setTimeout(r, 50));
  return gone(pid);
}

/** A new process runtime child (not one of `before`) once one runs, or null when `done()` turned true with none seen. */
async function newChildUnless(before: Set<number>, done: () => boolean): Promise<number | null> {
  for (;;) {
    const finished = done(); // read before the scan: a child that spawned before the end is still seen
    for (const pid of await descendants(process.pid, BOOT_MARK)) if (!before.has(pid)) return pid;
    if (finished) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('backproof sweep --isolation', () => {
  it('v8, process and wasi: the same sweep folder byte for byte (sweep.json, every run, summary, sweep record, report); each guest ran where it was told (a child process, Wasmer\'s threads)', async () => {
    const { result: v8, names } = await threadsDuring(cli(...SWEEP, '--out', out('v8'), '--workers', '2', '--key', keyFile, '--json'));
    expect(v8.code, v8.err).toBe(0);
    expect(wasmerThreads(names)).toEqual([]);
    const doc = JSON.parse(v8.out) as { root: string; count: number };
    expect(doc.count).toBe(4);
    const expected = folderHashes(out('v8'));
    expect(Object.keys(expected).filter((f) => f.endsWith('record.pb'))).toEqual(['runs/0000/record.pb', 'runs/0001/record.pb', 'runs/0002/record.pb', 'runs/0003/record.pb']);

    const before = await descendants(process.pid, BOOT_MARK);
    const running = cli(...SWEEP, '--out', out('process'), '--workers', '2', '--key', keyFile, '--isolation', 'process', '--json');
    await childOf(process.pid, BOOT_MARK, 60_000, before); // the process runtime's child, while the sweep runs
    const proc = await running;
    expect(proc.code, proc.err).toBe(0);
    expect(withoutDir(proc.out)).toEqual(withoutDir(v8.out));
    expect(folderHashes(out('process'))).toEqual(expected);

    const under = await threadsDuring(cli(...SWEEP, '--out', out('wasi'), '--workers', '2', '--key', keyFile, '--isolation', 'wasi', '--json'));
    const wasi = under.result;
    expect(wasi.code, wasi.err).toBe(0);
    expect(wasmerThreads(under.names).length).toBeGreaterThan(0);
    expect(withoutDir(wasi.out)).toEqual(withoutDir(v8.out));
    expect(folderHashes(out('wasi'))).toEqual(expected);

    // and verify does not care where a run was made
    const verified = await cli('verify', out('wasi'), '--json');
    expect(verified.code, verified.err).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ schema: 'backproof/sweep-verify@1', root: doc.root });
  }, 240_000);

  it('a combination that traps fails the sweep with a GUEST_TRAP at its bar under each runtime (process: v8\'s whole message); nothing is written', async () => {
    const failure = async (isolation: string): Promise<SandboxError> => {
      const e = await sweep(request({ out: out(`trap-${isolation}`), isolation, grids: ['at=10', 'fault=1'] })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SandboxError);
      expect(existsSync(out(`trap-${isolation}`))).toBe(false);
      return e as SandboxError;
    };
    const v8 = await failure('v8');
    expect([v8.code, v8.message]).toEqual(['GUEST_TRAP', 'combination 0 (at=10 fault=1) failed: guest trapped: divide by zero in function 19 (guest-sdk/abi/on_bar) at byte offset 4409 (test/fixtures/fault.ts:14:38) after 11167 instructions, in on_bar of bar 10 (2004-09-02T00:00:00Z, symbol 0 GOOG)']);
    const proc = await failure('process');
    expect([proc.code, proc.message]).toEqual([v8.code, v8.message]);
    const wasi = await failure('wasi');
    expect(wasi.code).toBe('GUEST_TRAP');
    // (located as v8 locates it, or Wasmer's own message when the driver could not report the trap: docs/RUNTIMES.md)
    expect(wasi.message).toMatch(/^combination 0 \(at=10 fault=1\) failed: guest trapped: .*divide by zero.* in on_bar of bar 10 \(2004-09-02T00:00:00Z, symbol 0 GOOG\)$/);
  }, 120_000);

  it('the run\'s timeout reaches the process runtime: a spinning guest\'s child is killed at the sweep\'s limit (4 s; again at 8, 16, 32 s while on a loaded machine it passed before the combination started or its child spawned), not at the runtime\'s 600 s (WATCHDOG), nothing written', async () => {
    const unmetered = { ...DEFAULT_CONFIG, params: {}, fuel: 1n << 61n, fuelPerCallback: 1n << 61n };
    // The limit counts from the lane's start until the combination's start reaches the sweep, then from that: on a
    // loaded machine it can pass before (WATCHDOG naming no combination) or before the child spawns (none seen),
    // which shows nothing of the runtime's limit: the next try has twice as long.
    for (const seconds of [4, 8, 16, 32]) {
      const before = await descendants(process.pid, BOOT_MARK);
      let settled = false;
      const spinOut = out(`spin-${seconds}`);
      const running = sweep(request({ strategy: 'test/fixtures/spin-at.ts', grids: ['at=0'], config: unmetered, timeoutMs: seconds * 1000, isolation: 'process', out: spinOut }))
        .catch((x: unknown) => x).finally(() => void (settled = true));
      const child = await newChildUnless(before, () => settled);
      const e = await running;
      expect(e).toBeInstanceOf(SandboxError);
      expect((e as SandboxError).code).toBe('WATCHDOG');
      const message = (e as Error).message;
      const beforeStart = message.startsWith(`the run exceeded the wall-clock limit of ${seconds} s and was stopped`);
      if (!beforeStart) expect(message).toMatch(new RegExp(`^combination 0 \\(at=0\\) failed: the (run|guest process) exceeded the wall-clock limit of ${seconds} s`));
      expect(existsSync(spinOut)).toBe(false);
      // its own limit counts from its start, a moment after the run's (later still on a loaded machine)
      if (child !== null) expect(await goneWithin(child, 15_000)).toBe(true);
      if (child !== null && !beforeStart) return;
    }
    throw new Error('the sweep\'s limit passed before its combination started or its guest\'s child process appeared, at 4, 8, 16 and 32 s');
  }, 240_000);
});

describe('backproof walk-forward --isolation', () => {
  it('v8, process and wasi: the same walk-forward folder byte for byte (every window\'s sweeps, the choices, the stitched equity, the root)', async () => {
    const v8 = await cli(...WALK, '--out', out('wf-v8'), '--workers', '2', '--key', keyFile, '--json');
    expect(v8.code, v8.err).toBe(0);
    expect((JSON.parse(v8.out) as { count: number }).count).toBe(9); // 3 windows, 2 train runs and 1 test run each
    const expected = folderHashes(out('wf-v8'));
    for (const isolation of ['process', 'wasi']) {
      const r = await cli(...WALK, '--out', out(`wf-${isolation}`), '--workers', '2', '--key', keyFile, '--isolation', isolation, '--json');
      expect([isolation, r.code], r.err).toEqual([isolation, 0]);
      expect(withoutDir(r.out)).toEqual(withoutDir(v8.out));
      expect(folderHashes(out(`wf-${isolation}`))).toEqual(expected);
    }
  }, 300_000);
});

describe('--isolation refused', () => {
  const listed = (): string[] => readdirSync(work).filter((f) => f.startsWith('bad'));
  it.each([
    [[...SWEEP, '--out', 'OUT', '--isolation', 'docker'], '--isolation must be one of v8, wasi, process, got "docker"'],
    [[...WALK, '--out', 'OUT', '--isolation', 'vm'], '--isolation must be one of v8, wasi, process, got "vm"'],
    [[...SWEEP, '--out', 'OUT', '--isolation', 'process', '--queue', 'redis://127.0.0.1:1', '--store', 'STORE'],
      '--isolation and --queue: with --queue the combinations run on "backproof worker" processes, each running its guests where its own --isolation says'],
    [['worker', '--queue', 'redis://127.0.0.1:1', '--store', 'STORE', '--unsigned', '--isolation', 'docker'], '--isolation must be one of v8, wasi, process, got "docker"'],
    [['worker', '--queue', 'redis://127.0.0.1:1', '--store', 'STORE', '--unsigned', '--timeout', '0'], '--timeout must be a positive number of seconds, got 0'],
  ])('%j: exit 2, USAGE naming the option, nothing written', async (args, message) => {
    const r = await cli(...args.map((a) => (a === 'OUT' ? out('bad-out') : a === 'STORE' ? out('bad-store') : a)), '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'USAGE', message });
    expect(listed()).toEqual([]);
  });

  it('sweep() and walkForward() refuse an unknown isolation before reading anything', async () => {
    const missing = { strategy: 'strategies-as/no-such.ts', data: ['data/no-such.csv'], out: out('bad-api') };
    for (const e of [
      await sweep(request({ ...missing, isolation: 'vm' })).catch((x: unknown) => x),
      await walkForward({ ...missing, config: DEFAULT_CONFIG, grids: ['fast=5'], objective: 'sharpe', key: null, isolation: 'vm', rule: { train: '2y', test: '1y', anchored: false, minBars: 2 } }).catch((x: unknown) => x),
    ]) {
      expect(e).toBeInstanceOf(UsageError);
      expect([(e as UsageError).code, (e as Error).message]).toEqual(['USAGE', '--isolation must be one of v8, wasi, process, got "vm"']);
    }
    expect(listed()).toEqual([]);
  });
});
