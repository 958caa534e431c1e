// Version 7 (docs/TRACE.md, "Which version", "Fuel"): in a fuel-only module each region's check
// branches, with its region id, out of the function to its one out_of_fuel call (a bulk charge's
// check, with its site), instead of calling out_of_fuel inside the region as versions 4 to 6 do; a
// traced module keeps version 6's check but its trace cursor, bit accumulator and fuel in locals
// mirroring the globals, pushes bits without the helper call and keeps its address predictors in
// globals (copied to the trace memory by __bp_predictors for a keyframe). Everything else is
// version 6's: on loop-heavy and random modules, on calls that complete, trap or run out of fuel
// (the run's budget or a callback's), with keyframes between calls or not, the same
// instructions(), fuelUsed(), stop (code and message naming function, offset and count) and trace
// stream, byte for byte.
import { describe, expect, it } from 'vitest';
import { instrument, compileGuest, GuestInstance, DEFAULT_SANDBOX, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, INSTRUMENTER_VERSION, type GuestModule, type SandboxConfig, type GuestFault, type FaultSite, type InstrumentMeta } from '../../host/sandbox/index.ts';
import { parseModule } from '../../host/sandbox/instrument/module.ts';
import { decode, Kind, type Instr } from '../../host/sandbox/instrument/opcodes.ts';
import { Reader, Writer } from '../../host/sandbox/instrument/bytes.ts';
import { loadData, loadStrategy, DEFAULT_CONFIG } from '../../host/index.ts';
import { Backtest } from '../../host/engine/backtest.ts';
import { guestHostFor } from '../../host/run/guest-host.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { generatedStrategyWat } from '../helpers/generate.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';

const I32_STORE = 0x36, I32_LOAD = 0x28, I64_STORE32 = 0x3e, I32_CONST = 0x41, GLOBAL_GET = 0x23, LOCAL_GET = 0x20, I64_CONST = 0x42, I64_LT_S = 0x53, I64_GT_S = 0x55, BR_IF = 0x0d, DROP = 0x1a, CALL = 0x10, UNREACHABLE = 0x00;

// A loop calling a function, a memory.fill in a loop, a memory.grow, if/else and br_table.
const LOOPS = wat(`(module (memory (export "memory") 1 4)
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $fill (param $n i32) (local $i i32)
    (loop $l
      (memory.fill (i32.const 64) (local.get $i) (local.get $n))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 5)))))
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $i i32) (local $s i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (i32.wrap_i64 (local.get $t))))
      (local.set $s (call $inc (local.get $s)))
      (if (i32.and (local.get $i) (i32.const 1))
        (then (i32.store (i32.const 8) (local.get $s)))
        (else (block $a (block $b (br_table $a $b (i32.and (local.get $i) (i32.const 2)))) (i32.store (i32.const 12) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (call $fill (i32.const 4000))
    (drop (memory.grow (i32.and (i32.wrap_i64 (local.get $t)) (i32.const 1))))))`);

interface Check { region: number; site: number; label: number; open: number }

/** The function bodies of a module's code section (the instrumented module has two memories, which parseModule refuses). */
function bodies(bytes: Uint8Array): { start: number; end: number }[] {
  const r = new Reader(bytes, 8);
  for (;;) {
    const id = r.u8(), size = r.u32();
    if (id !== 10) { r.skip(size); continue; }
    return Array.from({ length: r.u32() }, () => {
      const n = r.u32(), start = r.pos;
      r.skip(n);
      return { start, end: start + n };
    });
  }
}

/**
 * decode, also taking a load or store of another memory (a traced module's trace memory, the bar
 * memory), which the instrumenter's own decoder refuses in a guest.
 */
function decodeAnyMemory(r: Reader): Instr {
  const start = r.pos, op = r.bytes[start]!;
  if (op < I32_LOAD || op > I64_STORE32) return decode(r);
  r.u8();
  const align = r.u32();
  if (align & 0x40) r.u32(); // the memory index
  return { op, start, kind: Kind.plain, memOffset: r.u32(), end: r.pos };
}

/** Per function of an instrumented module: its out_of_fuel calls, and version 7's checks (the br_if, what it carries, its label, the labels open there). */
function fuelChecks(bytes: Uint8Array, oof: number): { calls: number; checks: Check[]; callAfterOuterEnd: boolean }[] {
  return bodies(bytes).map(({ start, end }) => {
    const r = new Reader(bytes, start, end);
    for (let n = r.u32(); n > 0; n--) { r.u32(); r.u8(); }
    const ins: Instr[] = [];
    while (r.pos < end) ins.push(decodeAnyMemory(r));
    const imm = (i: number, signed = false) => { const x = new Reader(bytes, ins[i]!.start + 1, ins[i]!.end); return signed ? x.sleb(32) : x.u32(); };
    let open = 0, calls = 0, callAfterOuterEnd = false;
    const checks: Check[] = [];
    for (let i = 0; i < ins.length; i++) {
      const { op, kind } = ins[i]!;
      if (kind === Kind.block || kind === Kind.loop || kind === Kind.if) open++;
      else if (kind === Kind.end) {
        open--;
        if (open === 0 && ins[i + 1]?.op === CALL && ins[i + 1]!.func === oof && ins[i + 2]?.op === UNREACHABLE) callAfterOuterEnd = true;
      } else if (op === CALL && ins[i]!.func === oof) calls++;
      else if (op === BR_IF && ins[i + 1]?.op === DROP) {
        // region: i32.const id; global.get fuel; i64.const 0; i64.lt_s — bulk: i32.const site; local.get cost; global.get fuel; i64.gt_s
        if (ins[i - 1]!.op === I64_LT_S && ins[i - 2]!.op === I64_CONST && ins[i - 3]!.op === GLOBAL_GET && ins[i - 4]!.op === I32_CONST)
          checks.push({ region: imm(i - 4, true), site: 0, label: imm(i), open });
        else if (ins[i - 1]!.op === I64_GT_S && ins[i - 2]!.op === GLOBAL_GET && ins[i - 3]!.op === LOCAL_GET && ins[i - 4]!.op === I32_CONST)
          checks.push({ region: 0, site: imm(i - 4, true), label: imm(i), open });
      }
    }
    return { calls, checks, callAfterOuterEnd };
  });
}

/** Per defined function: its regions plus its bulk charge sites, each a fuel check. */
function checksPerFunction(meta: InstrumentMeta, functions: number): number[] {
  return Array.from({ length: functions }, (_, f) =>
    meta.regions.func.filter((x) => x === f).length + Array.from(meta.bulkSites.region).filter((id) => meta.regions.func[id - 1] === f).length);
}

describe('version 7: fuel-only, the fuel check branches out to one out_of_fuel call per function; traced, version 6\'s check in a leaner module', () => {
  it('new runs use version 8, whose fuel-only module is version 7\'s', () => {
    expect(INSTRUMENTER_VERSION).toBe(INSTRUMENTER_V8);
  });

  it('fuel-only: every region\'s check (and bulk charge\'s) is a br_if to the outer block; version 6 calls out_of_fuel in each', () => {
    const options = { trace: false, maxMemoryPages: 4 };
    const v6 = instrument(LOOPS, { ...options, instrumenter: INSTRUMENTER_V6 });
    const v7 = instrument(LOOPS, { ...options, instrumenter: INSTRUMENTER_V7 });
    expect([v7.meta.instrumenter, v7.meta.format, v6.meta.instrumenter, v6.meta.format]).toEqual([INSTRUMENTER_V7, 6, INSTRUMENTER_V6, 6]);
    // Same regions, bulk sites and trace memory: only the check's code differs.
    expect(v7.meta.regions).toEqual(v6.meta.regions);
    expect([v7.meta.bulkSites, v7.meta.traceMemoryPages, v7.meta.predictorSlots]).toEqual([v6.meta.bulkSites, v6.meta.traceMemoryPages, v6.meta.predictorSlots]);
    const oof = parseModule(LOOPS).importedFuncs; // out_of_fuel: the first added import
    const defined = parseModule(LOOPS).bodies.length;
    const f6 = fuelChecks(v6.wasm, oof).slice(0, defined), f7 = fuelChecks(v7.wasm, oof).slice(0, defined);
    expect(f6.map((f) => f.calls)).toEqual(checksPerFunction(v6.meta, defined));
    expect(f6.map((f) => f.checks.length)).toEqual([0, 0, 0]);
    expect(f7.map((f) => [f.calls, f.callAfterOuterEnd])).toEqual([[1, true], [1, true], [1, true]]);
    const checks = f7.flatMap((f) => f.checks);
    // Every region once, in order, and every bulk site (memory.fill, memory.grow) as −(site + 1).
    expect(checks.filter((c) => c.region > 0).map((c) => c.region)).toEqual(Array.from({ length: v7.meta.regionCount }, (_, i) => i + 1));
    expect(checks.filter((c) => c.site < 0).map((c) => c.site)).toEqual([-1, -2]);
    // The label is the function's outer block, however deep the check sits (up to 3 in a loop's if).
    for (const c of checks) expect(c.label, JSON.stringify(c)).toBe(c.open - 1);
    expect(Math.max(...checks.map((c) => c.open))).toBeGreaterThanOrEqual(4);
  });

  it('traced: an out_of_fuel call in every region and bulk charge, as version 6; no helper call, no predictor in the trace memory until __bp_predictors', () => {
    const v6 = instrument(LOOPS, { trace: true, maxMemoryPages: 4, instrumenter: INSTRUMENTER_V6 });
    const v7 = instrument(LOOPS, { trace: true, maxMemoryPages: 4, instrumenter: INSTRUMENTER_V7 });
    expect([v7.meta.instrumenter, v7.meta.format, v7.meta.trace]).toEqual([INSTRUMENTER_V7, 6, true]);
    expect(toHex(sha256(v7.wasm))).not.toBe(toHex(sha256(v6.wasm)));
    // The same regions, sites, trace memory and predictor slots; only the copies' offsets moved.
    const { instrumentedOffsets: at7, ...rest7 } = v7.meta, { instrumentedOffsets: at6, ...rest6 } = v6.meta;
    expect({ ...rest7, instrumenter: INSTRUMENTER_V6 }).toEqual(rest6);
    expect(at7.length).toBe(at6.length);
    const oof = parseModule(LOOPS).importedFuncs, defined = parseModule(LOOPS).bodies.length;
    const f7 = fuelChecks(v7.wasm, oof).slice(0, defined);
    expect(f7.map((f) => [f.calls, f.checks.length, f.callAfterOuterEnd])).toEqual([[1, 0, false], [5, 0, false], [13, 0, false]]);
    expect(f7.map((f) => f.calls)).toEqual(checksPerFunction(v7.meta, defined));
    // Version 6's guest functions call the bit-word helper (the function after them) and address the
    // predictors in the trace memory; version 7's do neither.
    const helper = oof + 3 + defined;
    const uses = (bytes: Uint8Array) => bodies(bytes).slice(0, defined).map(({ start, end }) => {
      const r = new Reader(bytes, start, end);
      for (let n = r.u32(); n > 0; n--) { r.u32(); r.u8(); }
      let calls = 0, predictorAccesses = 0;
      while (r.pos < end) {
        const ins = decodeAnyMemory(r);
        if (ins.op === CALL && ins.func === helper) calls++;
        if ((ins.op === I32_LOAD || ins.op === I32_STORE) && ins.memOffset! >= v6.meta.predictorsAt) predictorAccesses++;
      }
      return [calls, predictorAccesses];
    });
    expect(uses(v6.wasm)).toEqual([[0, 0], [1, 0], [4, 8]]); // on_bar: 4 bit sites, 4 predictor slots (a load and a store each)
    expect(uses(v7.wasm)).toEqual([[0, 0], [0, 0], [0, 0]]);
    // After the same calls, __bp_predictors leaves in the trace memory what version 6 keeps there.
    const predictors = (wasm: Uint8Array) => {
      const ex = new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource), {
        __backproof: { out_of_fuel: () => { throw new Error('fuel'); }, stack_exhausted: () => { throw new Error('stack'); }, flush: () => {} },
      }).exports;
      (ex.__bp_fuel as WebAssembly.Global).value = 1n << 40n;
      for (const t of [3n, 7n, 20n]) (ex.on_bar as (...a: unknown[]) => void)(t, 1, 2, 0.5, 1.5, 100);
      (ex.__bp_predictors as (() => void) | undefined)?.();
      return Array.from(new Uint32Array((ex.__bp_trace as WebAssembly.Memory).buffer, v6.meta.predictorsAt, 2 * v6.meta.predictorSlots));
    };
    const p6 = predictors(v6.wasm);
    expect(p6).toEqual([8, 0, 12, 0]); // (last, stride) of the stores to 8 and to 12
    expect(predictors(v7.wasm)).toEqual(p6);
    // Fuel-only, the two differ (the check above).
    const fuelOnly = (instrumenter: string) => toHex(sha256(instrument(LOOPS, { trace: false, maxMemoryPages: 4, instrumenter }).wasm));
    expect(fuelOnly(INSTRUMENTER_V7)).not.toBe(fuelOnly(INSTRUMENTER_V6));
  });

  it('traced: the predictors stay in the trace memory when their globals would pass V8\'s 1,000,000', () => {
    // The module's globals, version 6's 8 and 2 a predictor slot (2 here): 999,988 + 8 + 4 is V8's limit, which it takes.
    const run = (wasm: Uint8Array) => {
      const ex = new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource), {
        __backproof: { out_of_fuel: () => { throw new Error('fuel'); }, stack_exhausted: () => { throw new Error('stack'); }, flush: () => {} },
      }).exports;
      (ex.__bp_fuel as WebAssembly.Global).value = 1000n;
      for (let i = 0; i < 3; i++) (ex.f as () => void)();
      (ex.__bp_predictors as (() => void) | undefined)?.();
      const tp = (ex.__bp_tp as WebAssembly.Global).value as number;
      return { predictorsExported: ex.__bp_predictors !== undefined, memory: Buffer.from((ex.__bp_trace as WebAssembly.Memory).buffer).toString('hex'), tp, bits: (ex.__bp_bits as WebAssembly.Global).value };
    };
    for (const [globals, loads, inGlobals] of [[999_988, 2, true], [999_989, 2, false]] as const) {
      const wasm = manyGlobals(globals, loads);
      const v6 = instrument(wasm, { trace: true, maxMemoryPages: 1, instrumenter: INSTRUMENTER_V6 });
      const v7 = instrument(wasm, { trace: true, maxMemoryPages: 1, instrumenter: INSTRUMENTER_V7 });
      expect(v7.meta.predictorSlots).toBe(loads);
      const a = run(v6.wasm), b = run(v7.wasm);
      expect(b.predictorsExported, String(globals)).toBe(inGlobals);
      expect({ ...b, predictorsExported: false }).toEqual(a);
      // 3 entry words, a bit word's slot and 4 misses; 6 bits under the marker: misses, then 2 hits (stride 0).
      expect([a.tp, a.bits]).toEqual([32, 0b1000011]);
    }
  }, 60_000);
});

/**
 * A module with `globals` immutable i32 globals and one exported function `f` that loads from
 * address 8 `loads` times in a row (each a predictor slot: the address is a constant).
 */
function manyGlobals(globals: number, loads: number): Uint8Array {
  const section = (w: Writer, id: number, payload: Writer) => w.u8(id).sized(payload);
  const out = new Writer(8 + 5 * globals + 64).bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  section(out, 1, new Writer().u32(1).u8(0x60).u32(0).u32(0)); // () -> ()
  section(out, 3, new Writer().u32(1).u32(0));
  section(out, 5, new Writer().u32(1).u8(0).u32(1));
  const g = new Writer(5 * globals + 8).u32(globals);
  for (let i = 0; i < globals; i++) g.u8(0x7f).u8(0).u8(0x41).u8(0).u8(0x0b);
  section(out, 6, g);
  section(out, 7, new Writer().u32(1).name('f').u8(0).u32(0));
  const body = new Writer().u32(0);
  for (let i = 0; i < loads; i++) body.u8(0x41).u8(8).u8(0x28).u32(2).u32(0).u8(0x1a);
  body.u8(0x0b);
  section(out, 10, new Writer().u32(1).sized(body));
  return out.toBytes();
}

interface Stopped { code: string | null; message: string | null; site: FaultSite | null; instructions: bigint; fuelUsed: bigint; trace: string }

const compiled = new Map<string, GuestModule>();

/** Calls on_bar(t) for each t under `instrumenter` until one throws. */
function runCalls(wasm: Uint8Array, ts: bigint[], instrumenter: string, over: Partial<SandboxConfig>): Stopped {
  const pieces: Buffer[] = [];
  const config: SandboxConfig = { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over, onTrace: (b) => void pieces.push(Buffer.from(b)) };
  // The module depends on the mode and the callback budget, not on the run's budget.
  const key = `${instrumenter} ${config.mode} ${config.fuelPerCallback} ${config.flushThreshold} ${toHex(sha256(wasm))}`;
  if (!compiled.has(key)) compiled.set(key, compileGuest(wasm, config));
  expect(compiled.get(key)!.meta!.instrumenter).toBe(instrumenter);
  const inst = new GuestInstance(compiled.get(key)!, stubHost(), config);
  let code: string | null = null, message: string | null = null, site: FaultSite | null = null;
  for (const t of ts) {
    try {
      inst.onBar(t, 1, 2, 0.5, 1.5, 100);
    } catch (e) {
      [code, message, site] = [(e as GuestFault).code, (e as Error).message, (e as GuestFault).site ?? null];
      break;
    }
  }
  const stats = inst.finish();
  return { code, message, site, instructions: stats.instructions, fuelUsed: stats.fuelUsed, trace: Buffer.concat(pieces).toString('hex') };
}

describe('version 7 stops where version 6 does, with the same counts and trace bytes', () => {
  it('a loop-heavy module, at every budget from 1 to past its end (and a callback budget)', () => {
    const ts = [3n, 7n, 20n, 0n, 11n];
    const whole = runCalls(LOOPS, ts, INSTRUMENTER_V6, {});
    expect(whole.code).toBe(null);
    const total = whole.fuelUsed;
    expect(total > 20_000n).toBe(true); // the grow's 8192 a page and the fills' charges included
    // A bulk charge that does not fit stops at its instruction, not at a region's start.
    const regionStarts = new Set(compileGuest(LOOPS, DEFAULT_SANDBOX).meta!.regions.offset);
    let stops = 0, inBulk = 0;
    for (let fuel = 1n; fuel <= total + 1n; fuel += fuel < 400n ? 1n : 97n) {
      // 'trace' flushing every 64 bytes: a keyframe before most calls (its predictors from __bp_predictors in version 7).
      for (const [mode, flushThreshold] of [['fuel', undefined], ['trace', undefined], ['trace', 64]] as const) {
        const over = { fuel, fuelPerCallback: null, mode, ...(flushThreshold !== undefined ? { flushThreshold } : {}) };
        const a = runCalls(LOOPS, ts, INSTRUMENTER_V6, over), b = runCalls(LOOPS, ts, INSTRUMENTER_V7, over);
        expect(b, `fuel ${fuel} ${mode} ${flushThreshold}`).toEqual(a);
        if (a.code === 'FUEL_EXHAUSTED' && mode === 'fuel') { stops++; if (!regionStarts.has(a.site!.offset!)) inBulk++; }
      }
    }
    expect(stops).toBeGreaterThan(400);
    expect(inBulk).toBeGreaterThan(0);
    for (const fuelPerCallback of [50n, 300n, 5_000n]) {
      for (const mode of ['fuel', 'trace'] as const) {
        const over = { fuelPerCallback, mode };
        const a = runCalls(LOOPS, ts, INSTRUMENTER_V6, over);
        expect(a.message).toMatch(/per-callback budget/);
        expect(runCalls(LOOPS, ts, INSTRUMENTER_V7, over), `${fuelPerCallback} ${mode}`).toEqual(a);
      }
    }
  }, 120_000);

  it('the generated conformance modules: on calls that complete, trap or run out of fuel', () => {
    let stopped = 0, trapped = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const bytes = wat(generatedStrategyWat(seed));
      const ts = [BigInt(3 * seed), BigInt(-7 * seed), 0n, BigInt(1000 * seed)];
      for (const fuel of [DEFAULT_SANDBOX.fuel, 40n + BigInt(seed * 7), 500n, 2_000n]) {
        for (const mode of ['fuel', 'trace'] as const) {
          const over = { fuel, fuelPerCallback: null, mode };
          const a = runCalls(bytes, ts, INSTRUMENTER_V6, over);
          expect(runCalls(bytes, ts, INSTRUMENTER_V7, over), `seed ${seed} fuel ${fuel} ${mode}`).toEqual(a);
          if (mode === 'fuel') { if (a.code === 'FUEL_EXHAUSTED') stopped++; if (a.code === 'GUEST_TRAP') trapped++; }
        }
      }
    }
    expect([stopped, trapped]).toEqual([78, 87]);
  }, 120_000);

  it('the heavy guest (> 10,000 instructions a bar) run by the engine: to the end, out of its budget, out of a bar\'s', async () => {
    const { wasm } = await loadStrategy('test/fixtures/heavy-sma.ts');
    const all = (await loadData('test/data/orcl-1995-2014.txt')).bars, n = 2_300; // the slow SMA starts at bar 2,000
    const bars = { length: n, time: all.time.subarray(0, n), open: all.open.subarray(0, n), high: all.high.subarray(0, n), low: all.low.subarray(0, n), close: all.close.subarray(0, n), volume: all.volume.subarray(0, n) };
    const engine = (instrumenter: string, over: Partial<SandboxConfig>) => {
      const config: SandboxConfig = { ...sandboxConfigFor(DEFAULT_CONFIG), hashing: 'inline', instrumenter, ...over };
      const bt = new Backtest(bars, { cash: 10_000, commission: 0 });
      const inst: GuestInstance = new GuestInstance(compileGuest(wasm, config), guestHostFor(bt, DEFAULT_CONFIG, (n) => inst.chargeFuel(n)), config);
      let code: string | null = null, site: FaultSite | null = null, equity = 0;
      try {
        inst.init();
        equity = bt.run(inst).stats.equityFinal;
      } catch (e) {
        [code, site] = [(e as GuestFault).code, (e as GuestFault).site ?? null];
      }
      const stats = inst.finish();
      return { code, site, equity, instructions: stats.instructions, fuelUsed: stats.fuelUsed, root: stats.trace ? toHex(stats.trace.root) : null };
    };
    const whole = engine(INSTRUMENTER_V6, {});
    expect(whole).toMatchObject({ code: null, instructions: 27_608_686n, fuelUsed: 27_610_823n, root: '2896cc46e2ed89d4cb05d628a2c2eb4909ab0ff916918a46bec401050c44198f' });
    expect(engine(INSTRUMENTER_V7, {})).toEqual(whole);
    // Flushing every 4 KiB: keyframes throughout, the same root.
    const keyframed = engine(INSTRUMENTER_V6, { flushThreshold: 4096 });
    expect(keyframed.root).not.toBe(whole.root);
    expect(engine(INSTRUMENTER_V7, { flushThreshold: 4096 })).toEqual(keyframed);
    // Fuel-only, where the two modules differ.
    const fuelOnly = engine(INSTRUMENTER_V6, { mode: 'fuel' });
    expect(fuelOnly).toEqual({ ...whole, root: null });
    expect(engine(INSTRUMENTER_V7, { mode: 'fuel' })).toEqual(fuelOnly);
    for (const over of [{ fuel: whole.fuelUsed / 3n }, { fuel: whole.fuelUsed - 1n }, { fuelPerCallback: 12_000n }]) {
      for (const mode of ['fuel', 'trace'] as const) {
        const a = engine(INSTRUMENTER_V6, { ...over, mode });
        expect(a.code, `${String(over.fuel ?? over.fuelPerCallback)} ${mode}`).toBe('FUEL_EXHAUSTED');
        expect(engine(INSTRUMENTER_V7, { ...over, mode })).toEqual(a);
      }
    }
  }, 120_000);
});
