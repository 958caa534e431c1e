// A run that stops inside a region — a trap, or a bulk operation whose size charge does not fit —
// ends its trace exactly at the instruction that stopped: no instruction after it, no address it
// did not compute, `complete` false, and the instruction count exact (docs/TRACE.md, "Stops"). Under every
// runtime of the seam (test/helpers/runtimes EVERY_RUNTIME), every case, and each trap and memory bomb stops
// exactly as under v8 — code, whole message, site, count, fuel and trace bytes ("the same stop as v8"; under
// wasi the sandboxed process reports its trap before it ends: docs/ISOLATION-WASI.md, "Traps").
import { describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { stubHost } from '../helpers/host.ts';
import { staticMap, compileGuest, DEFAULT_SANDBOX, INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, type SandboxConfig, type GuestFault } from '../../host/sandbox/index.ts';
import { TraceExpander, type InstructionRecord } from '../../traces/index.ts';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG } from '../../host/index.ts';
import { isoTime } from '../../host/model/bars.ts';
import { cli } from '../helpers/cli.ts';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EVERY_RUNTIME, closedAfterEach } from '../helpers/runtimes.ts';
import { v8Runtime, type GuestRuntime } from '../../host/sandbox/index.ts';
import { toHex } from '../../traces/index.ts';

// Every runtime of the seam (host/sandbox/runtimes) passes this suite as the in-process one does.
for (const runtime of EVERY_RUNTIME) describe(`runtime ${runtime.isolation}`, () => suite(closedAfterEach(runtime)));

/** v8's stops, by case: made once for every runtime's suite (`the same stop as v8`). */
const v8Stops = new Map<string, unknown>();
/** `make()`, v8's stop of the case `key`, made the first time it is asked for. */
function v8Stop<T>(key: string, make: () => T): T {
  if (!v8Stops.has(key)) v8Stops.set(key, make());
  return v8Stops.get(key) as T;
}

function suite(runtime: GuestRuntime): void {
/** Format 4's stop records (formats 5 and 6: their end record, at the end). */
const SANDBOX_V4 = { ...DEFAULT_SANDBOX, instrumenter: INSTRUMENTER_V4 };

/** Runs on_bar(t) for each t on one instance; returns per call the expanded records (or the error), and the instance. */
function run(wasm: Uint8Array, ts: bigint[], config: Partial<SandboxConfig> = {}, on = runtime) {
  const pieces: Uint8Array[] = [];
  const cfg = { ...SANDBOX_V4, hashing: 'inline' as const, ...config, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
  const guest = compileGuest(wasm, cfg);
  const inst = on.open(guest, stubHost(), cfg);
  const records: InstructionRecord[] = [];
  const ex = new TraceExpander(staticMap(wasm, guest.meta!), (r) => void records.push({ ...r }));
  let error: GuestFault | null = null;
  const calls: InstructionRecord[][] = [];
  for (const t of ts) {
    const before = records.length;
    try {
      inst.onBar(t, 1, 1, 1, 1, 1);
      inst.snapshot(0); // flushes the trace memory (and adds a snapshot record, which expands to nothing)
      ex.push(new Uint8Array(Buffer.concat(pieces.splice(0))));
    } catch (e) {
      error = e as GuestFault;
      ex.push(new Uint8Array(Buffer.concat(pieces.splice(0))));
      calls.push(records.slice(before));
      break;
    }
    calls.push(records.slice(before));
  }
  return { calls, error, ex, inst, guest };
}

// One region: a store, a division that traps when t = 0, then five more instructions with a store.
const DIVIDE = wat(`(module (memory (export "memory") 1)
  (func $on_bar (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $x i32)
    (i32.store (i32.const 100) (i32.const 7))
    (local.set $x (i32.div_s (i32.const 10) (i32.wrap_i64 (local.get $t))))
    (i32.store (i32.add (i32.const 200) (local.get $x)) (local.get $x))
    (i32.store (i32.const 300) (i32.const 1))))`);
// Three stores; the second at t + 8, out of bounds when t is.
const OOB = wat(`(module (memory (export "memory") 1)
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64)
    (i32.store (i32.const 16) (i32.const 1))
    (i64.store offset=8 (i32.wrap_i64 (local.get $t)) (local.get $t))
    (i32.store (i32.const 32) (i32.const 2))))`);
const DIV_S = 0x6d, MEMORY_FILL = 0xfc0b;
const view = (rs: InstructionRecord[]) => rs.map((r) => (r.address === null ? r.opcode : [r.opcode, r.address]));

describe('a trap inside a region', () => {
  it('ends the expansion at the trapping instruction: no phantom instructions, no stale address, complete false', () => {
    const { calls, error, ex, inst } = run(DIVIDE, [1n, 0n]);
    // The full call: 17 instructions, the second store at 200 + 10.
    expect(view(calls[0]!)).toEqual([0x41, 0x41, [0x36, 100], 0x41, 0x20, 0xa7, DIV_S, 0x21, 0x41, 0x20, 0x6a, 0x20, [0x36, 210], 0x41, 0x41, [0x36, 300], 0x0b]);
    // The trapping call stops at div_s; the store at 210 (left in trace memory by the first call) never ran.
    expect(view(calls[1]!)).toEqual([0x41, 0x41, [0x36, 100], 0x41, 0x20, 0xa7, DIV_S]);
    expect(error).toMatchObject({ code: 'GUEST_TRAP' });
    expect(ex.complete).toBe(false);
    expect(ex.stop).toEqual({ region: 1, ran: 7, cause: 1 });
    expect(ex.count).toBe(24);
    expect(inst.instructions()).toBe(24n);
    expect(() => ex.push(new Uint8Array(4).fill(1))).toThrow(/goes on after the run stopped/);
  });

  it('expands the same across any byte split; a stop record that claims more than its region is a bad trace', () => {
    const pieces: Uint8Array[] = [];
    const config = { ...SANDBOX_V4, hashing: 'inline' as const, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
    const guest = compileGuest(DIVIDE, config);
    const inst = runtime.open(guest, stubHost(), config);
    inst.onBar(1n, 1, 1, 1, 1, 1);
    expect(() => inst.onBar(0n, 1, 1, 1, 1, 1)).toThrow(expect.objectContaining({ code: 'GUEST_TRAP' }));
    inst.finish();
    const stream = new Uint8Array(Buffer.concat(pieces));
    const map = staticMap(DIVIDE, guest.meta!);
    for (const step of [1, 3, 5, 7]) {
      const seen: number[] = [];
      const ex = new TraceExpander(map, (r) => void seen.push(r.opcode));
      for (let at = 0; at < stream.length; at += step) ex.push(stream.subarray(at, at + step));
      expect(seen.length, `split ${step}`).toBe(24);
      expect(seen.at(-1)).toBe(DIV_S);
      expect(ex.stop).toEqual({ region: 1, ran: 7, cause: 1 });
    }
    // The stop record [0, 2, ran, cause] sits before the region's id: claim 18 of its 17 instructions.
    const bad = stream.slice();
    const view = new DataView(bad.buffer);
    const at = bad.length - 4 * (1 + 1) - 16; // the partial region holds its id and one address word
    expect([view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true)]).toEqual([0, 2, 7]);
    view.setUint32(at + 8, 18, true);
    expect(() => new TraceExpander(map, () => {}).push(bad)).toThrow(expect.objectContaining({ code: 'BAD_TRACE' }));
  });

  it('names the function, the byte offset of the trapping instruction and the instruction count', () => {
    const { calls, error } = run(DIVIDE, [1n, 0n]);
    const divAt = calls[1]!.at(-1)!.offset;
    expect(DIVIDE[divAt]).toBe(DIV_S);
    expect(error!.site).toEqual({ callback: 'on_bar', func: 0, name: null, offset: divAt, source: null, instructions: 24n, bar: 1, time: 0n, symbol: 0 });
    expect(error!.message).toBe(`guest trapped: divide by zero in function 0 at byte offset ${divAt} after 24 instructions, in on_bar of bar 1 (1970-01-01T00:00:00Z, symbol 0)`);
  });

  it('run by the engine: an out-of-bounds store names its function, offset, bar and time', async () => {
    // Stores at 65536 (out of bounds) once the close is above 200: GOOG's first such close.
    const guest = wat(`(module (memory (export "memory") 1)
      (func $check (param $close f64) (i32.store (select (i32.const 65536) (i32.const 0) (f64.gt (local.get $close) (f64.const 200))) (i32.const 1)))
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (call $check (local.get 4))))`);
    const data = await loadData('data/GOOG.csv');
    const bar = data.bars.close.findIndex((c) => c > 200);
    let error: GuestFault | null = null;
    try {
      executeRun({ strategy: { wasm: guest, sources: [] }, data, config: DEFAULT_CONFIG, isolation: runtime.isolation });
    } catch (e) {
      error = e as GuestFault;
    }
    const storeAt = [...guest.keys()].find((i) => guest[i] === 0x36 && guest[i - 1] === 0x01 && guest[i - 2] === 0x41)!;
    expect(bar).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'GUEST_TRAP', site: { callback: 'on_bar', func: 0, offset: storeAt, bar, time: data.bars.time[bar], symbol: 0 } });
    expect(error!.message).toContain(`guest trapped: memory access out of bounds in function 0 at byte offset ${storeAt} after `);
    expect(error!.message).toContain(`, in on_bar of bar ${bar} (${isoTime(data.bars.time[bar]!)}, symbol 0 ${data.symbol})`);
  });

  it('an out-of-bounds store: the trace ends with it and the address it computed', () => {
    const { calls, error, ex, inst } = run(OOB, [64n, 70000n]);
    expect(view(calls[1]!)).toEqual([0x41, 0x41, [0x36, 16], 0x20, 0xa7, 0x20, [0x37, 70008]]);
    expect(error!.site).toMatchObject({ callback: 'on_bar', func: 0, offset: calls[1]!.at(-1)!.offset, instructions: 11n + 7n });
    expect(ex.stop).toEqual({ region: 1, ran: 7, cause: 1 });
    expect(inst.instructions()).toBe(18n);
  });

  it('when V8 gives no position, the expansion ends before the region rather than guess', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const { calls, error, ex, inst } = run(DIVIDE, [1n, 0n]);
      if (runtime.isolation === 'wasi') {
        // The position is V8's in the sandboxed process's worker, whose stack trace limit is its own: located.
        expect([view(calls[1]!).at(-1), error!.site.instructions, ex.stop, inst.instructions()]).toEqual([DIV_S, 24n, { region: 1, ran: 7, cause: 1 }, 24n]);
        return;
      }
      expect(calls[1]).toEqual([]);
      expect(error!.site).toMatchObject({ func: null, offset: null, instructions: 17n });
      expect(ex.stop).toEqual({ region: 1, ran: 0, cause: 1 });
      expect(ex.complete).toBe(false);
      expect(inst.instructions()).toBe(17n);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });
});

// 3 successful memory.grow (8192 fuel a page), then memory.fill of t bytes (1 fuel per 8), then a store.
const BULK = wat(`(module (memory (export "memory") 1)
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64)
    (drop (memory.grow (i32.const 1))) (drop (memory.grow (i32.const 1))) (drop (memory.grow (i32.const 1)))
    (memory.fill (i32.const 0) (i32.const 0) (i32.wrap_i64 (local.get $t)))
    (i32.store (i32.const 8) (i32.const 1))))`);

describe('the same stop as v8', () => {
  /** Everything a stop decides: the error (class, code, whole message, site), the counts, the trace's bytes and root. */
  function stopOf(wasm: Uint8Array, ts: bigint[], config: Partial<SandboxConfig>, on: GuestRuntime, snapshots: boolean) {
    const pieces: Uint8Array[] = [];
    const cfg = { ...DEFAULT_SANDBOX, hashing: 'inline' as const, ...config, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
    const inst = on.open(compileGuest(wasm, cfg), stubHost(), cfg);
    let error: GuestFault | null = null;
    try {
      for (const t of ts) {
        inst.onBar(t, 1, 1, 1, 1, 1);
        if (snapshots) inst.snapshot(0);
      }
    } catch (e) {
      error = e as GuestFault;
    }
    const stats = inst.finish();
    inst.close?.();
    return {
      error: error && [error.constructor.name, error.code, error.message, error.site], instructions: stats.instructions, fuel: stats.fuelUsed,
      stream: Buffer.concat(pieces).toString('hex'), root: stats.trace && toHex(stats.trace.root),
    };
  }

  for (const instrumenter of [INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8]) {
    it(`${instrumenter}: a division by zero and an out-of-bounds store, with and without a flush before the trapping call, in trace and fuel modes`, () => {
      for (const [wasm, ts] of [[DIVIDE, [1n, 0n]], [OOB, [64n, 70000n]]] as const) {
        for (const mode of ['trace', 'fuel'] as const) {
          for (const snapshots of [false, true]) {
            const config = { instrumenter, mode, flushThreshold: instrumenter === INSTRUMENTER_V4 || instrumenter === INSTRUMENTER_V5 ? undefined : 1024 };
            const v8 = v8Stop(`${wasm === DIVIDE ? 'divide' : 'oob'} ${JSON.stringify(config)} ${snapshots}`, () => stopOf(wasm, [...ts], config, v8Runtime, snapshots));
            expect(v8.error?.[1]).toBe('GUEST_TRAP');
            expect(v8.error?.[2]).toMatch(/^guest trapped: (divide by zero|memory access out of bounds) in function 0 at byte offset \d+ after (24|18) instructions, in on_bar of bar 1 /);
            expect(stopOf(wasm, [...ts], config, runtime, snapshots), `${mode}${snapshots ? ', snapshots' : ''}`).toEqual(v8);
          }
        }
      }
    });
  }

  it('the asc-built fault (a division by zero at bar 49) and memory bomb (its allocator at --max-memory-pages), run by the engine on GOOG: code, whole message with the source line and the memory hint', async () => {
    const goog = await loadData('data/GOOG.csv');
    const outcomes: string[][] = [];
    for (const [name, over] of [['fault', { params: { at: 49, fault: 1 } }], ['memory-bomb', { maxMemoryPages: 64 }]] as const) {
      const strategy = await loadStrategy(`test/fixtures/${name}.ts`);
      const stop = (isolation: GuestRuntime['isolation']) => {
        try {
          executeRun({ strategy, data: goog, config: { ...DEFAULT_CONFIG, ...over }, isolation });
        } catch (e) {
          return [(e as GuestFault).code, (e as Error).message, JSON.stringify((e as GuestFault).site, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))];
        }
        return ['NONE'];
      };
      const v8 = v8Stop(name, () => stop('v8'));
      expect(stop(runtime.isolation), name).toEqual(v8);
      outcomes.push(v8.slice(0, 2));
    }
    expect(outcomes).toEqual([
      ['GUEST_TRAP', 'guest trapped: divide by zero in function 19 (guest-sdk/abi/on_bar) at byte offset 4409 (test/fixtures/fault.ts:14:38) after 17407 instructions, in on_bar of bar 49 (2004-10-28T00:00:00Z, symbol 0 GOOG)'],
      ['GUEST_TRAP', expect.stringMatching(/^guest trapped: unreachable in function 3 \(~lib\/rt\/itcms\/__new\) at byte offset 593 \(~lib\/rt\/tlsf.ts:445:39\) after \d+ instructions: in AssemblyScript's allocator: memory could not grow to hold an allocation; a strategy's memory is capped at --max-memory-pages 64 \(4 MiB\), in on_bar of bar \d+ /)],
    ]);
  }, 120_000);
});

describe('fuel running out on a bulk operation inside a region', () => {

  it('stops at that instruction with the exact count, and the expansion is a prefix of the full run', () => {
    const full = run(BULK, [1600n], { fuelPerCallback: 1_000_000n });
    expect(full.error).toBeNull();
    expect(full.calls[0]!.length).toBe(18);
    expect(full.inst.fuelUsed()).toBe(18n + 3n * 8192n + 200n);
    // Enough for the grows and the instructions, 100 short of the fill's 200.
    const stopped = run(BULK, [1600n], { fuelPerCallback: 18n + 3n * 8192n + 100n });
    expect(stopped.error).toMatchObject({ code: 'FUEL_EXHAUSTED' });
    expect(stopped.calls[0]).toEqual(full.calls[0]!.slice(0, 14));
    expect(stopped.calls[0]!.at(-1)!.opcode).toBe(MEMORY_FILL);
    expect(stopped.error!.site).toMatchObject({ func: 0, offset: stopped.calls[0]!.at(-1)!.offset, instructions: 14n });
    expect(stopped.error!.message).toContain('after 14 instructions');
    expect(stopped.ex.stop).toEqual({ region: 1, ran: 14, cause: 2 });
    expect(stopped.ex.complete).toBe(false);
    expect(stopped.inst.instructions()).toBe(14n);
    expect(stopped.inst.fuelUsed()).toBe(14n + 3n * 8192n);
  });

  it('in fuel-only mode the count is exact too', () => {
    const config = { mode: 'fuel' as const, fuelPerCallback: 18n + 3n * 8192n + 100n };
    const guest = compileGuest(BULK, { ...SANDBOX_V4, ...config });
    const inst = runtime.open(guest, stubHost(), { ...SANDBOX_V4, ...config });
    expect(() => inst.onBar(1600n, 1, 1, 1, 1, 1)).toThrow(expect.objectContaining({ code: 'FUEL_EXHAUSTED', site: expect.objectContaining({ instructions: 14n }) }));
    expect(inst.instructions()).toBe(14n);
  });
});

describe('memory.grow', () => {
  const GROW = wat(`(module (memory (export "memory") 1)
    (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64)
      (i32.store (i32.const 0) (memory.grow (i32.wrap_i64 (local.get $t))))))`);

  it('a grow that fails returns -1 and is charged only its instruction (memory.grow(-1) does not exhaust fuel); one that succeeds, 8192 a page', () => {
    for (const pages of [-1n, 300n, 256n]) {
      const config = { ...SANDBOX_V4, hashing: 'inline' as const };
      const inst = runtime.open(compileGuest(GROW, config), stubHost(), config);
      inst.onBar(pages, 1, 1, 1, 1, 1);
      expect(new DataView(inst.memoryBytes().buffer).getInt32(0, true), `grow(${pages})`).toBe(-1);
      expect(inst.fuelUsed(), `grow(${pages})`).toBe(6n); // i32.const, local.get, i32.wrap_i64, memory.grow, i32.store, end
    }
    const config = { ...SANDBOX_V4, hashing: 'inline' as const };
    const inst = runtime.open(compileGuest(GROW, config), stubHost(), config);
    inst.onBar(255n, 1, 1, 1, 1, 1);
    expect(new DataView(inst.memoryBytes().buffer).getInt32(0, true)).toBe(1);
    expect(inst.fuelUsed()).toBe(6n + 255n * 8192n);
    expect(inst.instructions()).toBe(6n);
  });
});

describe('the memory limit', () => {
  it('below the module\'s declared minimum is MEMORY_LIMIT naming both, in every mode and from the CLI (exit 4)', async () => {
    const big = wat(`(module (memory (export "memory") 3) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))`);
    for (const mode of ['none', 'fuel', 'trace'] as const)
      expect(() => compileGuest(big, { ...DEFAULT_SANDBOX, mode, maxMemoryPages: 2 }), mode).toThrow(expect.objectContaining({
        code: 'MEMORY_LIMIT', message: 'the module declares 3 memory pages at start; the limit (--max-memory-pages) is 2',
      }));
    expect(() => compileGuest(big, { ...DEFAULT_SANDBOX, maxMemoryPages: 3 })).not.toThrow();
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-mem-'));
    writeFileSync(path.join(dir, 'big.wasm'), big);
    const r = await cli('backtest', '--strategy', path.join(dir, 'big.wasm'), '--data', 'data/GOOG.csv', '--max-memory-pages', '1', '--out', path.join(dir, 'run'), '--unsigned');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/MEMORY_LIMIT.*declares 3 memory pages.*is 1/);
    expect(existsSync(path.join(dir, 'run'))).toBe(false);
  });
});

for (const instrumenter of [INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8]) describe(`${instrumenter}: the end record ends the expansion where the run stopped`, () => {
  /** Runs on_bar(t) for each t under the format, then finishes the instance and ends the expander. */
  function run5(wasm: Uint8Array, ts: bigint[], config: Partial<SandboxConfig> = {}) {
    const pieces: Uint8Array[] = [];
    const cfg = { ...DEFAULT_SANDBOX, hashing: 'inline' as const, instrumenter, ...config, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
    const guest = compileGuest(wasm, cfg);
    const inst = runtime.open(guest, stubHost(), cfg);
    const records: InstructionRecord[] = [];
    let error: GuestFault | null = null;
    for (const t of ts) {
      try {
        inst.onBar(t, 1, 1, 1, 1, 1);
      } catch (e) {
        error = e as GuestFault;
        break;
      }
    }
    inst.finish();
    const stream = new Uint8Array(Buffer.concat(pieces));
    const ex = new TraceExpander(staticMap(wasm, guest.meta!), (r) => void records.push({ ...r }));
    ex.push(stream);
    ex.end();
    return { records, error, ex, inst, stream, guest };
  }

  it('a trap: the expansion ends at the trapping instruction, in any byte split; the end record holds the count', () => {
    const { records, error, ex, inst, stream, guest } = run5(DIVIDE, [1n, 0n]);
    const [count, stop] = [24, { region: 1, ran: 7, cause: 1 }];
    expect(error).toMatchObject({ code: 'GUEST_TRAP' });
    expect(view(records.slice(17))).toEqual([0x41, 0x41, [0x36, 100], 0x41, 0x20, 0xa7, DIV_S]);
    expect([ex.complete, ex.stop, ex.count, inst.instructions()]).toEqual([false, stop, count, BigInt(count)]);
    const end = new DataView(stream.buffer, stream.length - 20);
    expect([0, 4, 8, 12, 16].map((k) => end.getUint32(k, true))).toEqual([0, 3, count, 0, 1]);
    const map = staticMap(DIVIDE, guest.meta!);
    for (const step of [1, 3, 5, 7]) {
      const seen: number[] = [];
      const split = new TraceExpander(map, (r) => void seen.push(r.opcode));
      for (let at = 0; at < stream.length; at += step) split.push(stream.subarray(at, at + step));
      split.end();
      expect([seen.length, seen.at(-1), split.stop], `split ${step}`).toEqual([count, DIV_S, stop]);
    }
    expect(() => ex.push(new Uint8Array(4).fill(1))).toThrow(/goes on after the run stopped/);
    // An end record that claims more instructions than the stream holds is a bad trace.
    const bad = stream.slice();
    new DataView(bad.buffer).setUint32(bad.length - 12, 30, true);
    expect(() => { const b = new TraceExpander(map, () => {}); b.push(bad); b.end(); }).toThrow(expect.objectContaining({ code: 'BAD_TRACE' }));
    const cut = new TraceExpander(map, () => {});
    cut.push(stream.subarray(0, stream.length - 20));
    expect(() => cut.end()).toThrow(/end record/);
  });

  it('an out-of-bounds store: the trace ends with it and the address it computed', () => {
    const { records, ex, inst } = run5(OOB, [64n, 70000n]);
    expect(view(records.slice(11))).toEqual([0x41, 0x41, [0x36, 16], 0x20, 0xa7, 0x20, [0x37, 70008]]);
    expect([ex.stop, inst.instructions()]).toEqual([{ region: 1, ran: 7, cause: 1 }, 18n]);
  });

  it('when the caller set Error.stackTraceLimit to 0, the trap is still located (the guest runs with one frame kept)', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const { records, error, ex, inst } = run5(DIVIDE, [1n, 0n]);
      expect(records.at(-1)!.opcode).toBe(DIV_S);
      expect(error!.site).toMatchObject({ func: 0, instructions: 24n });
      expect([ex.stop, inst.instructions()]).toEqual([{ region: 1, ran: 7, cause: 1 }, 24n]);
      expect(Error.stackTraceLimit).toBe(0);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });

  it('fuel out on a bulk operation: stops at it, the expansion a prefix of the full run', () => {
    const full = run5(BULK, [1600n], { fuelPerCallback: 1_000_000n });
    expect([full.error, full.records.length, full.ex.complete]).toEqual([null, 18, true]);
    const stopped = run5(BULK, [1600n], { fuelPerCallback: 18n + 3n * 8192n + 100n });
    expect(stopped.error).toMatchObject({ code: 'FUEL_EXHAUSTED' });
    expect(stopped.records).toEqual(full.records.slice(0, 14));
    expect([stopped.ex.stop, stopped.ex.complete, stopped.inst.instructions()]).toEqual([{ region: 1, ran: 14, cause: 2 }, false, 14n]);
  });

  it('fuel out at a region\'s start: the expansion ends before it, complete as in format 4', () => {
    const full = run5(DIVIDE, [1n]);
    const stopped = run5(DIVIDE, [1n, 1n], { fuelPerCallback: null, fuel: 20n });
    expect(stopped.error).toMatchObject({ code: 'FUEL_EXHAUSTED' });
    expect(stopped.records).toEqual(full.records);
    expect([stopped.ex.stop, stopped.ex.complete, stopped.inst.instructions()]).toEqual([null, true, 17n]);
  });
});
}
