// The guest's environment and the host work it causes (issue 9 §4): every execution path runs the
// guest on the same stack, so a run at the call-depth cap backtests, replays and inspects; host
// work (orders, logs) is charged to fuel and capped, and hostile guests stop quickly with exit 4.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.ts';
import { wat } from '../helpers/wat.ts';
import { DEFAULT_CONFIG, executeRun, loadData, loadStrategy, type LoadedData } from '../../host/index.ts';
import { compileGuest, DEFAULT_SANDBOX, GuestInstance } from '../../host/sandbox/index.ts';
import { MAX_CALL_DEPTH, MAX_FRAME_SLOTS } from '../../host/run/stack.ts';
import { SandboxError } from '../../host/errors.ts';

let work: string;
let data: LoadedData;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'backproof-limits-'));
  data = await loadData('data/GOOG.csv');
});

const deep = ['--strategy', 'test/fixtures/deep-recursion.ts', '--data', 'data/GOOG.csv', '--max-call-depth', String(MAX_CALL_DEPTH), '--unsigned'];

describe('call depth: one stack for every path', () => {
  it('the cap is 4096; above it is a usage error naming the cap', async () => {
    expect(MAX_CALL_DEPTH).toBe(4096);
    const r = await cli('backtest', ...deep.slice(0, 6), '--max-call-depth', '4097', '--unsigned', '--out', path.join(work, 'over'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('1..4096');
  });

  it('a guest at exactly the cap: backtest OK, replay MATCH, diff, trace, prove and snapshot work', async () => {
    // depth 4094 below on_bar and its method: the guest's deepest frame is number 4096.
    const dir = path.join(work, 'at-cap');
    const b = await cli('backtest', ...deep, '--param', 'depth=4094', '--snapshot-every', '100', '--out', dir);
    expect(b.code).toBe(0);
    const replay = await cli('replay', dir);
    expect(replay.code).toBe(0);
    expect(replay.out).toContain('MATCH');
    expect((await cli('diff', dir, dir)).code).toBe(0);
    const trace = await cli('trace', dir, '--from', '1000', '--count', '3');
    expect(trace.code).toBe(0);
    expect((await cli('prove', dir, '--instruction', '2000', '--out', path.join(work, 'p.json'))).code).toBe(0);
    expect((await cli('snapshot', dir, '--bar', '99')).code).toBe(0);
    // One call deeper is our typed, deterministic error.
    const over = await cli('backtest', ...deep, '--param', 'depth=4095', '--out', path.join(work, 'past-cap'));
    expect(over.code).toBe(4);
    expect(over.err).toContain('STACK_EXHAUSTED');
  }, 120_000);

  it('a function whose frame could exceed MAX_FRAME_SLOTS values is refused before it runs', () => {
    const strategy = (locals: number) => ({
      wasm: wat(`(module (memory (export "memory") 1)
        (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) ${'(local i64)'.repeat(locals)}))`),
      sources: [],
    });
    // 6 params + locals + 1 operand slot.
    expect(() => executeRun({ strategy: strategy(MAX_FRAME_SLOTS - 7), data, config: DEFAULT_CONFIG })).not.toThrow();
    let code = '';
    try {
      executeRun({ strategy: strategy(MAX_FRAME_SLOTS - 6), data, config: DEFAULT_CONFIG });
    } catch (e) {
      code = (e as SandboxError).code;
    }
    expect(code).toBe('MODULE_LIMIT');
  });
});

describe('host work is metered', () => {
  it('chargeFuel takes fuel without counting instructions, and stops when the budget cannot cover it', async () => {
    const strategy = await loadStrategy('test/fixtures/logger.ts');
    const config = { ...DEFAULT_SANDBOX, fuel: 1000n, hashing: 'inline' as const };
    const host = { log: () => {}, param: (_: string, f: number) => f } as never;
    const inst = new GuestInstance(compileGuest(strategy.wasm, config), host, config);
    inst.chargeFuel(600);
    expect([inst.fuelUsed(), inst.instructions()]).toEqual([600n, 0n]);
    let code = '';
    try {
      inst.chargeFuel(401);
    } catch (e) {
      code = (e as SandboxError).code;
    }
    expect([code, inst.fuelUsed()]).toEqual(['FUEL_EXHAUSTED', 600n]);
  });

  it('log bytes and order calls are in the fuel recorded in the trace link, the same in every run', async () => {
    const strategy = await loadStrategy('test/fixtures/logger.ts');
    const a = executeRun({ strategy, data, config: DEFAULT_CONFIG });
    const logged: string[] = [];
    // The same run, its log lines captured: each costs 64 + 2 bytes per UTF-16 unit.
    const capture = { info: (_: unknown, m: string) => logged.push(m), warn() {}, error() {}, debug() {}, child() { return capture; } };
    const b = executeRun({ strategy, data, config: DEFAULT_CONFIG, logger: capture as never });
    expect(logged).toHaveLength(5); // the 3 guest lines, 'data' and 'run complete'
    const guestLines = logged.filter((m) => m.startsWith('close '));
    const hostWork = guestLines.reduce((n, m) => n + 64 + 2 * m.length, 0);
    // Beyond the host work, the only charges are the bulk ones of the strings' memory.copy (27).
    expect(hostWork).toBeGreaterThan(3 * 64);
    expect(a.fuelUsed - a.instructions - BigInt(hostWork)).toBe(27n);
    expect(Buffer.compare(a.recordBytes, b.recordBytes)).toBe(0);
  });

  it('--max-log-bytes: the log cap is exact and recorded in the config', async () => {
    const strategy = await loadStrategy('test/fixtures/logger.ts');
    const capture: string[] = [];
    const logger = { info: (_: unknown, m: string) => capture.push(m), warn() {}, error() {}, debug() {}, child() { return logger; } };
    executeRun({ strategy, data, config: DEFAULT_CONFIG, logger: logger as never });
    const total = capture.filter((m) => m.startsWith('close ')).reduce((n, m) => n + 2 * m.length, 0);
    const ok = executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, maxLogBytes: total } });
    expect(ok.runId).not.toBe(executeRun({ strategy, data, config: DEFAULT_CONFIG }).runId);
    let code = '';
    try {
      executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, maxLogBytes: total - 1 } });
    } catch (e) {
      code = (e as SandboxError).code;
    }
    expect(code).toBe('HOST_LIMIT');
  });

  it('a guest placing 10^6 resting orders per bar stops quickly with HOST_LIMIT, exit 4', async () => {
    await loadStrategy('test/fixtures/order-flood.ts'); // built (and cached) first: the time bound is the run's, not asc's
    const t = performance.now();
    const r = await cli('backtest', '--strategy', 'test/fixtures/order-flood.ts', '--data', 'data/GOOG.csv', '--unsigned', '--out', path.join(work, 'orders'));
    expect(r.code).toBe(4);
    expect(r.err).toContain('HOST_LIMIT');
    expect(performance.now() - t).toBeLessThan(5000);
  }, 30_000);

  it('a guest placing 10^6 orders per bar that are each rejected at once is charged and capped: exit 4 in seconds', async () => {
    await loadStrategy('test/fixtures/order-reject-flood.ts'); // built (and cached) first: the time bound is the run's, not asc's
    const t = performance.now();
    const r = await cli('backtest', '--strategy', 'test/fixtures/order-reject-flood.ts', '--data', 'data/GOOG.csv', '--unsigned', '--out', path.join(work, 'rejects'));
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/HOST_LIMIT|FUEL_EXHAUSTED/);
    expect(performance.now() - t).toBeLessThan(15000);
    await expect(readFile(path.join(work, 'rejects', 'record.pb'))).rejects.toThrow();
  }, 60_000);

  it('--max-orders caps the order rows: HOST_LIMIT naming the cap, the same in every run', async () => {
    const strategy = await loadStrategy('test/fixtures/order-reject-flood.ts');
    const config = { ...DEFAULT_CONFIG, maxOrders: 1000 };
    const message = 'order rows: the guest placed 1001 orders (accepted or rejected), above the limit of 1000 (--max-orders)';
    for (let i = 0; i < 2; i++)
      expect(() => executeRun({ strategy, data, config })).toThrow(expect.objectContaining({ constructor: SandboxError, code: 'HOST_LIMIT', message: expect.stringContaining(message) }));
    // Each rejected order was charged: the fuel of one callback covers fewer than 10^6 of them.
    expect(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, fuelPerCallback: 64n * 1000n } }))
      .toThrow(expect.objectContaining({ code: 'FUEL_EXHAUSTED', message: expect.stringContaining('host work') }));
    const r = await cli('backtest', '--strategy', 'test/fixtures/order-reject-flood.ts', '--data', 'data/GOOG.csv', '--max-orders', '0', '--unsigned', '--out', path.join(work, 'max-orders-0'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--max-orders must be an integer in 1..10000000');
  }, 60_000);

  it('a guest logging in a loop stops quickly with HOST_LIMIT, exit 4', async () => {
    await loadStrategy('test/fixtures/log-flood.ts'); // built (and cached) first: the time bound is the run's, not asc's
    const t = performance.now();
    const r = await cli('backtest', '--strategy', 'test/fixtures/log-flood.ts', '--data', 'data/GOOG.csv', '--unsigned', '--quiet', '--out', path.join(work, 'logs'));
    expect(r.code).toBe(4);
    expect(r.err).toContain('HOST_LIMIT');
    expect(performance.now() - t).toBeLessThan(5000);
    await expect(readFile(path.join(work, 'logs', 'record.pb'))).rejects.toThrow();
  }, 30_000);
});
