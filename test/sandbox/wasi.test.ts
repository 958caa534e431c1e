// --isolation wasi (docs/ISOLATION-WASI.md): every example strategy, built by the real asc, run in-process
// (v8) and as a WASI command in a Wasmer sandbox on a thread of its own, gives the same trace root,
// leaves, result bytes, record bytes and counts; so does a run with snapshots, and the runs that fail
// (a host limit, fuel run out inside a callback: the same class, code, message and site; a trap: the
// same stop, whole message, count and trace, the linked code being the instrumented code). A linked
// module may import only fd_read, fd_write and proc_exit: a clock, random, environment or env.* import
// is refused before loading. A guest in an endless loop (with fuel to spare) is stopped at the
// session's wall-clock limit with WATCHDOG, and its thread is gone.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type RunConfig } from '../../host/index.ts';
import { SandboxError } from '../../host/errors.ts';
import { compileGuest, DEFAULT_SANDBOX, runtimeFor, staticMap } from '../../host/sandbox/index.ts';
import { checkWasiImports, outlineOf } from '../../host/sandbox/wasi/protocol.ts';
import { linkWasiCommand } from '../../host/sandbox/wasi/link.ts';
import { openWasiSession } from '../../host/sandbox/wasi/runtime.ts';
import { instrumentedPosition } from '../../host/sandbox/wasi/transplant.ts';
import { Reader } from '../../host/sandbox/instrument/bytes.ts';
import { decode } from '../../host/sandbox/instrument/opcodes.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { wire } from '../../host/run/wire.ts';
import { v8Runtime, INSTRUMENTER_V8, type SandboxConfig } from '../../host/sandbox/index.ts';
import { toHex, TraceExpander } from '../../traces/index.ts';
import { EXAMPLES, loadExamples, fingerprint as fingerprintOf, failure as failureOf, type Examples } from '../helpers/isolation-runs.ts';

let examples: Examples;
beforeAll(async () => {
  examples = await loadExamples();
}, 120_000);

const fingerprint = (name: string, config: RunConfig, isolation: 'v8' | 'wasi') => fingerprintOf(examples, name, config, isolation);
const failure = (name: string, config: RunConfig, isolation: 'v8' | 'wasi') => failureOf(examples, name, config, isolation);

describe('--isolation wasi: the same bytes as in-process', () => {
  it('is the runtime --isolation wasi selects', () => {
    expect(runtimeFor('wasi').isolation).toBe('wasi');
  });

  it('every example strategy: trace root, leaves, result and record bytes, counts', () => {
    for (const name of EXAMPLES) {
      const v8 = fingerprint(name, DEFAULT_CONFIG, 'v8');
      expect(fingerprint(name, DEFAULT_CONFIG, 'wasi'), name).toEqual(v8);
      expect(v8.instructions, name).toBeGreaterThan(1_000_000n);
    }
  }, 300_000);

  it('with snapshots every 250 bars (host records in the trace, state hashes over the sandboxed memory and globals)', () => {
    const config = { ...DEFAULT_CONFIG, snapshotEvery: 250 };
    const v8 = fingerprint('bollinger-breakout', config, 'v8');
    expect(v8.snapshots.length).toBe(8);
    expect(fingerprint('bollinger-breakout', config, 'wasi')).toEqual(v8);
  }, 120_000);
});

describe('--isolation wasi: trace flushes and keyframes', () => {
  // A GOOG run's trace (~38 KB) never reaches the 1 MiB flush threshold: flushed every 1 KiB, the
  // guest's flush host calls, the host's bit words written back, and a keyframe (the predictors
  // spilled by a call, read from trace memory) at nearly every call are all exercised.
  it.each([['the default', undefined], [INSTRUMENTER_V8, INSTRUMENTER_V8]])('bollinger-breakout flushed every 1 KiB (instrumenter: %s): the same stream, piece by piece', (_name, instrumenter) => {
    const streams = (runtime: typeof v8Runtime | ReturnType<typeof runtimeFor>) => {
      const pieces: string[] = [];
      const sandbox: SandboxConfig = { ...sandboxConfigFor(DEFAULT_CONFIG), hashing: 'inline', flushThreshold: 1024, ...(instrumenter ? { instrumenter } : {}), onTrace: (b) => void pieces.push(Buffer.from(b).toString('base64')) };
      const strategy = examples.strategies.get('bollinger-breakout')!;
      const guest = compileGuest(strategy.wasm, sandbox);
      const wired = wire({ wasm: strategy.wasm, guest, sandbox, runtime, feeds: [examples.dataOf('bollinger-breakout') as never], config: DEFAULT_CONFIG });
      try {
        wired.instance.init();
        wired.backtest.run(wired.port);
        const stats = wired.instance.finish();
        return { pieces, root: toHex(stats.trace!.root), instructions: stats.instructions, fuelUsed: stats.fuelUsed };
      } finally {
        wired.instance.close?.();
      }
    };
    const v8 = streams(v8Runtime);
    expect(v8.pieces.length).toBeGreaterThan(40);
    expect(streams(runtimeFor('wasi'))).toEqual(v8);
  }, 120_000);
});

describe('--isolation wasi: the same failures', () => {
  it('a host limit (--max-orders 3): the same SandboxError HOST_LIMIT and site, but for the guest\'s call instruction', () => {
    const config = { ...DEFAULT_CONFIG, maxOrders: 3 };
    const v8 = failure('sma-cross', config, 'v8'), wasi = failure('sma-cross', config, 'wasi');
    // In-process the call instruction is read off V8's stack; a sandboxed guest's stack is not the
    // host's, so the site names the callback and the bar, not the function and offset (docs/ISOLATION-WASI.md).
    const unlocated = { func: null, name: null, offset: null, source: null };
    expect(v8.shape.site).toMatchObject({ func: expect.any(Number), offset: expect.any(Number) });
    expect(wasi.shape).toEqual({
      ...v8.shape,
      message: v8.shape.message.replace(/ in function \d+ \([^)]*\) at byte offset \d+ \([^)]*\)/, ''),
      site: { ...(v8.shape.site as object), ...unlocated },
    });
    expect(wasi.shape.message).not.toBe(v8.shape.message);
    expect(wasi.error).toBeInstanceOf(SandboxError);
    expect(wasi.shape.code).toBe('HOST_LIMIT');
  }, 120_000);

  it('fuel run out within one callback (the trace ended inside the host call, read from the parked guest): the same FUEL_EXHAUSTED and site', () => {
    const config = { ...DEFAULT_CONFIG, fuelPerCallback: 2_000n };
    const v8 = failure('donchian-turtle', config, 'v8'), wasi = failure('donchian-turtle', config, 'wasi');
    expect(wasi.shape).toEqual(v8.shape);
    expect(wasi.shape.code).toBe('FUEL_EXHAUSTED');
    expect((wasi.shape.site as { instructions: bigint }).instructions).toBeGreaterThan(0n);
  }, 120_000);
});

/** A guest that fits the ABI: on_bar loops forever (with fuel to spare it never stops by itself). */
const ENDLESS = wat(`(module
  (memory (export "memory") 1)
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (loop $l (br $l))))`);

/** on_bar asks the host for its symbol, then traps at the third bar. */
const TRAPPING = wat(`(module
  (import "backproof" "symbol" (func $symbol (result i32)))
  (memory (export "memory") 1)
  (global $n (mut i32) (i32.const 0))
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
    (drop (call $symbol))
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (if (i32.eq (global.get $n) (i32.const 3)) (then unreachable))))`);

/** A module whose import is not one of the three. */
const importing = (module: string, field: string, type = '(param i32 i32) (result i32)') => wat(`(module
  (import "${module}" "${field}" (func ${type}))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")))`);

describe('--isolation wasi: what a sandboxed guest may not do', () => {
  it('a linked guest imports exactly fd_read, fd_write and proc_exit, and exports _start', async () => {
    const guest = compileGuest(examples.strategies.get('sma-cross')!.wasm, { ...DEFAULT_SANDBOX, hashing: 'inline' });
    const { wasm, plan } = await linkWasiCommand(guest.wasm);
    const outline = outlineOf(wasm);
    expect(outline.imports.map((i) => `${i.module}.${i.field}`).sort()).toEqual(['wasi_snapshot_preview1.fd_read', 'wasi_snapshot_preview1.fd_write', 'wasi_snapshot_preview1.proc_exit']);
    expect(outline.exports.some((e) => e.name === '_start' && e.kind === 0)).toBe(true);
    expect(() => checkWasiImports(wasm)).not.toThrow();
    // The guest's own imports are served by the host, one HOSTCALL number each.
    expect(plan.imports.map((i) => `${i.module}.${i.name}`)).toEqual(['env.abort', 'backproof.order', 'backproof.symbol', 'backproof.param_int', '__backproof.out_of_fuel', '__backproof.stack_exhausted', '__backproof.flush']);
  }, 60_000);

  it('the linked guest code is the instrumented code, instruction for instruction, and a trap\'s position maps back to it exactly', async () => {
    const guest = compileGuest(examples.strategies.get('bollinger-breakout')!.wasm, { ...DEFAULT_SANDBOX, hashing: 'inline' });
    const { wasm, positions } = await linkWasiCommand(guest.wasm);
    // Every instruction of every guest body, walked in both modules from each run the positions give.
    const instrumentedCode = (bytes: Uint8Array) => {
      const starts: number[] = [];
      for (const r = new Reader(bytes, 8); !r.done;) {
        const id = r.u8();
        const end = r.u32() + r.pos;
        if (id === 10) for (let n = r.u32(); n > 0; n--) {
          const bodyEnd = r.u32() + r.pos;
          for (let g = r.u32(); g > 0; g--) { r.u32(); r.u8(); }
          while (r.pos < bodyEnd) starts.push(decode(r, true).start);
        }
        r.pos = end;
      }
      return starts;
    };
    const expected = instrumentedCode(guest.wasm);
    const mapped: number[] = [];
    for (let k = 0; k < positions.length; k += 2) {
      if (positions[k + 1]! < 0) continue;
      const r = new Reader(wasm, positions[k]!, positions[k + 2]!);
      while (!r.done) {
        const ins = decode(r, true);
        const at = instrumentedPosition(positions, ins.start)!;
        expect(decode(new Reader(guest.wasm, at), true).op).toBe(ins.op);
        mapped.push(at);
      }
    }
    expect(mapped).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10_000);
    // The driver's functions follow the guest's: their code is not the guest's.
    expect(positions.at(-1)).toBe(-1);
    for (const past of [0, 2, 40]) expect(instrumentedPosition(positions, positions.at(-2)! + past)).toBeNull();
  }, 60_000);

  it.each([
    ['wasi_snapshot_preview1', 'clock_time_get', '(param i32 i64 i32) (result i32)'],
    ['wasi_snapshot_preview1', 'random_get', '(param i32 i32) (result i32)'],
    ['wasi_snapshot_preview1', 'environ_get', '(param i32 i32) (result i32)'],
    ['wasi_snapshot_preview1', 'path_open', '(param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)'],
    ['env', 'now', '(result f64)'],
    ['backproof', 'position', '(result f64)'],
  ])('a module importing %s.%s is refused before loading, naming the import', (module, field, type) => {
    const bytes = importing(module, field, type);
    let error: unknown;
    try {
      checkWasiImports(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).code).toBe('IMPORT_NOT_ALLOWED');
    expect((error as Error).message).toContain(`"${module}"."${field}"`);
  });

  it('a module without _start is refused', () => {
    const bytes = wat('(module (memory (export "memory") 1))');
    expect(() => checkWasiImports(bytes)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING' }));
  });

  it('a trap: the same GUEST_TRAP as in-process — message, site, count, fuel and trace, with and without flushes — the process reporting it before it ends', () => {
    // The trapped guest's instance is whole in its Wasmer worker: the driver's trap report sends the
    // trapping instruction's position and the globals, and serves the host's reads (wasi/pool-worker).
    const run = (runtime: 'v8' | 'wasi', flushed: boolean) => {
      const pieces: Uint8Array[] = [];
      const config = { ...DEFAULT_SANDBOX, hashing: 'inline' as const, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
      const guest = compileGuest(TRAPPING, config);
      const session = runtime === 'wasi' ? openWasiSession(guest, stubHost(), config) : v8Runtime.open(guest, stubHost(), config);
      let error: unknown;
      try {
        for (let i = 0; i < 5; i++) {
          session.onBar(BigInt(i), 1, 1, 1, 1, 1);
          if (flushed) session.snapshot(i);
        }
      } catch (e) {
        error = e;
      }
      const stats = session.finish();
      session.close?.();
      const ex = new TraceExpander(staticMap(TRAPPING, guest.meta!), () => {});
      ex.push(new Uint8Array(Buffer.concat(pieces)));
      ex.end();
      const e = error as SandboxError & { site: object };
      return { error: [e.constructor.name, e.code, e.message, e.site], stats: [stats.instructions, stats.fuelUsed, toHex(stats.trace!.root)], trace: [ex.count, ex.stop?.cause] };
    };
    for (const flushed of [false, true]) {
      const v8 = run('v8', flushed);
      expect(run('wasi', flushed)).toEqual(v8);
      // The trapping instruction located, and counted: bars 0 and 1 are 22 instructions, bar 2 to the trap 11.
      expect(v8.error).toEqual(['SandboxError', 'GUEST_TRAP', 'guest trapped: unreachable in function 1 at byte offset 106 after 33 instructions, in on_bar of bar 2 (1970-01-01T00:00:00.000000002Z, symbol 0)', expect.objectContaining({ func: 1, offset: 106, instructions: 33n, bar: 2 })]);
      expect(v8.trace).toEqual([33, 1]);
    }
  }, 120_000);

  it('a closed session\'s thread serves the next session, of any module, after a trap too; a run on a kept thread is exact', () => {
    const config = { ...DEFAULT_SANDBOX, hashing: 'inline' as const };
    const trapping = compileGuest(TRAPPING, config);
    const storing = compileGuest(wat(`(module (memory (export "memory") 1)
      (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (i32.store (i32.const 8) (i32.wrap_i64 (local.get $t)))))`), config);
    const threads: number[] = [];
    const outcomes: unknown[] = [];
    for (const guest of [storing, trapping, storing, trapping]) {
      const session = openWasiSession(guest, stubHost(), config);
      threads.push(session.remote.threadId);
      try {
        for (let i = 0; i < 4; i++) session.onBar(BigInt(40 + i), 1, 1, 1, 1, 1);
        outcomes.push(new DataView(session.memoryBytes().buffer).getInt32(8, true));
      } catch (e) {
        outcomes.push((e as SandboxError).code);
      }
      outcomes.push(session.finish().instructions);
      session.close();
    }
    expect(outcomes).toEqual([43, 20n, 'GUEST_TRAP', 33n, 43, 20n, 'GUEST_TRAP', 33n]);
    expect(new Set(threads).size).toBe(1);
  }, 120_000);

  it('an endless loop with fuel to spare: WATCHDOG at the wall-clock limit, and the sandbox thread is gone', async () => {
    const config = { ...DEFAULT_SANDBOX, fuel: 1n << 60n, fuelPerCallback: null, hashing: 'inline' as const };
    const guest = compileGuest(ENDLESS, config);
    const session = openWasiSession(guest, stubHost(), config, { timeoutMs: 3_000 });
    let error: unknown;
    try {
      session.onBar(0n, 1, 1, 1, 1, 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).code).toBe('WATCHDOG');
    // terminate() settles once the thread (and Wasmer's workers, its children) has exited; 1 = terminated.
    await expect(session.remote.exited).resolves.toBe(1);
    // Nothing is left to call: the session is dead.
    expect(() => session.onBar(1n, 1, 1, 1, 1, 1)).toThrow();
    session.close();
    // A terminated thread never serves again.
    const next = openWasiSession(compileGuest(TRAPPING, config), stubHost(), config);
    expect(next.remote.threadId).not.toBe(session.remote.threadId);
    next.close();
  }, 120_000);
});
