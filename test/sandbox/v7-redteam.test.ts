// Version 7 against version 6 at V8's limits: a function's 50,000 locals (parameters included) and
// 7,654,321 body bytes, a module's 1,000,000 exports. Version 7 adds locals (the traced mirrors),
// bytes (the mirrors and inlined bit push traced; the branch-out at bulk charges fuel-only) and an
// export (__bp_predictors) that version 6 does not, so a function near a limit is rewritten as
// version 6 would (mixed with mirrored functions, the same stream), and a module near the export
// limit keeps its predictors in the trace memory. The promise: any module version 6 runs, version 7
// runs with the same stream, counts and stop; one neither can run is refused by both with
// MODULE_LIMIT before V8 sees it; reserved names and a second memory are refused by both.
// Version 8 (format 8: version 7's modules with a period-2 address predictor, three predictor words
// a slot) falls back the same way with its own predictor, so every case runs under it too: the same
// stop, counts and per-instruction records (its stream expanded), a stream of its own.
// Under every runtime of the seam (test/helpers/runtimes EVERY_RUNTIME): every case under v8. Under wasi and
// process (each module a Wasmer process or a child process) a fixed sample, its size in the test's name
// (casesOf; BACKPROOF_SUITE_ALL_RUNTIMES=1 runs every case): the loops over iterations and budgets sampled;
// a module at a V8 limit run once, instrumented by version 7, against the v8 suite's run of the same module (its
// instrumenting, 5-40 s, is most of such a case; the 300,000-slot one by version 8, its predictors in the
// trace memory; the 360,000-slot case under v8 alone, and under wasi the 7,654,321-byte fuel-only,
// 300,000-slot and 1,000,000-export cases not at all, but with BACKPROOF_SUITE_ALL_RUNTIMES=1 (20-40 s
// each there; the last is refused: runsAtV8Limits). Under wasi a trap stops as in-process (the sandboxed process
// reports it before it ends: docs/ISOLATION-WASI.md, "Traps"), and a function near 50,000 locals runs too.
import { describe, expect, it } from 'vitest';
import { compileGuest, staticMap, DEFAULT_SANDBOX, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, type SandboxConfig, type GuestFault } from '../../host/sandbox/index.ts';
import { TraceExpander, type StaticMap } from '../../traces/index.ts';
import { createHash } from 'node:crypto';
import { Writer } from '../../host/sandbox/instrument/bytes.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';
import { ALL_CASES_EVERYWHERE, EVERY_RUNTIME, casesOf, closedAfterEach, runsAtV8Limits } from '../helpers/runtimes.ts';
import { v8Runtime, type GuestRuntime } from '../../host/sandbox/index.ts';

// Every runtime of the seam (host/sandbox/runtimes) passes this suite as the in-process one does.
for (const runtime of EVERY_RUNTIME) describe(`runtime ${runtime.isolation}`, () => suite(closedAfterEach(runtime)));

/** Guests compiled once for every runtime (the small ones: a module near V8's limits is instrumented again). */
const compiled = new Map<string, ReturnType<typeof compileGuest>>();
/** The last module near V8's limits compiled (one is kept: the next run of the same often follows). */
let lastBig: { key: string; guest: ReturnType<typeof compileGuest> } | null = null;
/**
 * The modules near V8's limits a sampled case under wasi or process runs again (expectSampled: that
 * instrumenter, mode and threshold), by guestKey: compiled and mapped by the v8 suite, which names them
 * (sampledLater), and kept for the sampled suites that follow, instead of instrumenting one again (5-15 s)
 * and mapping it again (4-10 s) under each. Four modules and their maps, held to the file's end.
 */
const forSampled = new Map<string, { guest?: ReturnType<typeof compileGuest>; map?: StaticMap }>();
/** Whether a suite that samples the V8-limit cases (see the head) runs after v8's in this file. */
const sampledSuiteFollows = !ALL_CASES_EVERYWHERE && EVERY_RUNTIME.some((r) => r.isolation !== 'v8');

/** How a run of two bars went (its trace stream's SHA-256, and its expansion's records'), or the code it was refused with. */
type Outcome = { code: string | null; message: string | null; instructions: bigint; fuelUsed: bigint; trace: string; records: string } | { refused: string };

/**
 * What each run under v8 gave, by module, instrumenter, mode, threshold, budget and bars: a sampled case
 * under another runtime compares with the v8 suite's run of the same (it runs first) instead of
 * instrumenting and running a module near V8's limits under v8 again.
 */
const underV8 = new Map<string, Outcome>();

function suite(runtime: GuestRuntime): void {
/** Under wasi and process the V8-limit cases run the sampled way (see the head). */
const sampled = runtime.isolation !== 'v8' && !ALL_CASES_EVERYWHERE;
/** For a V8-limit case's name: how it runs here. */
const limitLabel = !runsAtV8Limits(runtime) ? '' : sampled ? ` (under ${runtime.isolation}: version 7 alone, against v8)` : '';
/** Under wasi, in CI, the heaviest V8-limit cases do not run (see the head). */
const heavyHere = runtime.isolation !== 'wasi' || ALL_CASES_EVERYWHERE;
const heavyLabel = heavyHere ? '' : ' (not under wasi but with BACKPROOF_SUITE_ALL_RUNTIMES=1)';

/**
 * A strategy whose on_bar (6 parameters) declares `locals` i32 locals and whose body is `unit`
 * repeated `count` times (local 6 is the first declared local); its memory is exported; with
 * `globals` mutable i32 globals.
 */
function strategy(locals: number, unit: number[], count: number, globals = 0): Uint8Array {
  const section = (w: Writer, id: number, payload: Writer) => w.u8(id).sized(payload);
  const out = new Writer(64 + unit.length * count + 5 * globals).bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  section(out, 1, new Writer().u32(1).u8(0x60).u32(6).u8(0x7e).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u32(0));
  section(out, 3, new Writer().u32(1).u32(0));
  section(out, 5, new Writer().u32(1).u8(0).u32(1));
  if (globals > 0) {
    const g = new Writer(5 * globals + 8).u32(globals);
    for (let i = 0; i < globals; i++) g.u8(0x7f).u8(1).u8(0x41).u8(0).u8(0x0b);
    section(out, 6, g);
  }
  section(out, 7, new Writer().u32(2).name('on_bar').u8(0).u32(0).name('memory').u8(2).u32(0));
  const body = new Writer(8 + unit.length * count).u32(1).u32(locals).u8(0x7f);
  const u = new Uint8Array(unit);
  for (let i = 0; i < count; i++) body.bytes(u);
  body.u8(0x0b);
  section(out, 10, new Writer().u32(1).sized(body));
  return out.toBytes();
}

const BR_IF = [0x20, 6, 0x0d, 0]; // local.get 6; br_if 0 (never taken: local 6 stays 0)
const LOAD = [0x20, 6, 0x28, 2, 0, 0x1a, 0x20, 6, 0x0d, 0]; // a load at local 6, then the branch
const GROW = [0x41, 0, 0x40, 0, 0x1a]; // memory.grow 0 (succeeds, charged 0); drop

function run(wasm: Uint8Array, instrumenter: string, over: Partial<SandboxConfig>): Outcome {
  return run3(wasm, [1n, 2n], instrumenter, over);
}

/** Calls on_bar(t) for each t until one throws (modules compiled once per instrumenter, mode and threshold). */
function run3(wasm: Uint8Array, ts: bigint[], instrumenter: string, over: Partial<SandboxConfig>, under: GuestRuntime = runtime): Outcome {
  const pieces: Buffer[] = [];
  const config: SandboxConfig = { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over, onTrace: (b) => void pieces.push(Buffer.from(b)) };
  const key = guestKey(wasm, config);
  let guest: ReturnType<typeof compileGuest>;
  try {
    guest = guestFor(wasm, config, key);
  } catch (e) {
    return { refused: (e as GuestFault).code };
  }
  const inst = under.open(guest, stubHost(), config);
  let code: string | null = null, message: string | null = null;
  for (const t of ts) {
    try {
      inst.onBar(t, 1, 2, 0.5, 1.5, 100);
    } catch (e) {
      [code, message] = [(e as GuestFault).code, (e as Error).message];
      break;
    }
  }
  const stats = inst.finish();
  inst.close?.();
  const stream = Buffer.concat(pieces);
  // The per-instruction records the stream expands to (with the end record's count and stop).
  const records = createHash('sha256');
  if (config.mode === 'trace') {
    const kept = forSampled.get(key);
    const map = kept ? (kept.map ??= staticMap(wasm, guest.meta!)) : staticMap(wasm, guest.meta!);
    const ex = new TraceExpander(map, (r) => void records.update(`${r.func}@${r.offset}:${r.opcode}/${r.stackHeight}=${r.address};`));
    ex.push(stream);
    ex.end();
    records.update(`${ex.count} ${JSON.stringify(ex.stop)}`);
  }
  const outcome = { code, message, instructions: stats.instructions, fuelUsed: stats.fuelUsed, trace: createHash('sha256').update(stream).digest('hex'), records: records.digest('hex') };
  if (under.isolation === 'v8') underV8.set(runKey(wasm, config, ts), outcome);
  return outcome;
}

/** A run's key in `underV8`: the module, every field of its configuration (sorted) and its bars. */
function runKey(wasm: Uint8Array, config: SandboxConfig, ts: bigint[]): string {
  const fields = Object.entries(config).filter(([, v]) => typeof v !== 'function').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${guestKey(wasm, config)} ${JSON.stringify(fields, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))} ${ts.join(',')}`;
}

/** The cache key of a compiled guest: what compileGuest's output depends on here (the budget is the run's). */
function guestKey(wasm: Uint8Array, config: SandboxConfig): string {
  return `${config.instrumenter} ${config.mode} ${config.flushThreshold} ${createHash('sha256').update(wasm).digest('hex')}`;
}

/** `wasm` compiled under `config`, or the same compiled before (a small module's kept, the last big one's). */
function guestFor(wasm: Uint8Array, config: SandboxConfig, key = guestKey(wasm, config)): ReturnType<typeof compileGuest> {
  const kept = forSampled.get(key);
  const guest = compiled.get(key) ?? (lastBig?.key === key ? lastBig.guest : undefined) ?? kept?.guest ?? compileGuest(wasm, config);
  if (kept) kept.guest = guest;
  if (wasm.length < 1 << 16) compiled.set(key, guest);
  else lastBig = { key, guest };
  return guest;
}

/** Under v8, before a V8-limit case: the run of it a sampled suite makes later (expectSampled's arguments), whose module is kept for it. */
function sampledLater(wasm: Uint8Array, over: Partial<SandboxConfig>, instrumenter = INSTRUMENTER_V7): void {
  if (runtime.isolation === 'v8' && sampledSuiteFollows) forSampled.set(guestKey(wasm, { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over }), {});
}

/**
 * The sampled way of a module at a V8 limit (see the head): version 7 under this runtime gives what it
 * gives under v8, and that matches `pinned` (version 6's, as the full case checks).
 */
function expectSampled(wasm: Uint8Array, over: Partial<SandboxConfig>, pinned: object, instrumenter = INSTRUMENTER_V7): void {
  const here = run(wasm, instrumenter, over);
  expect(here).toMatchObject(pinned);
  // The v8 suite's run of the same case when it ran (it checked it against version 6), else one here.
  const config: SandboxConfig = { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over };
  expect(here).toEqual(underV8.get(runKey(wasm, config, [1n, 2n])) ?? run3(wasm, [1n, 2n], instrumenter, over, v8Runtime));
}

/** Version 8's outcome against version 6's (or 7's): all but the stream's bytes (traced, its own predictor), which are version 7's fuel-only. */
function expectV8(wasm: Uint8Array, ts: bigint[], over: Partial<SandboxConfig>, v6: Outcome, label = ''): void {
  const v8 = run3(wasm, ts, INSTRUMENTER_V8, over);
  if ('refused' in v6 || over.mode !== 'trace') expect(v8, label).toEqual(v6);
  else expect({ ...v8, trace: v6.trace }, label).toEqual(v6);
}

// on_bar (49,986 locals: rewritten without the mirrors) loops calling $g (with them), which loads,
// stores, branches and traps when t is 13 at its 5th call; stops by fuel anywhere in between.
const MIXED = wat(`(module (memory (export "memory") 1)
  (func $g (param $i i32) (param $t i32) (result i32)
    (if (i32.and (i32.eq (local.get $t) (i32.const 13)) (i32.eq (local.get $i) (i32.const 5))) (then unreachable))
    (i32.store (i32.shl (local.get $i) (i32.const 2)) (i32.add (local.get $t) (i32.load (i32.shl (local.get $i) (i32.const 3)))))
    (i32.rem_u (i32.load (i32.const 64)) (i32.add (local.get $i) (i32.const 1))))
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $i i32) (local $acc i32) ${'(local i32)'.repeat(49_984)}
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (call $g (local.get $i) (i32.wrap_i64 (local.get $t)))))
      (if (local.get $acc) (then (i32.store (i32.const 64) (local.get $acc))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 9))))))`);

// A loop that calls a host import directly and through the table, fills memory, and in $h traps
// at iteration t % 23 in one of 6 ways by t / 23: unreachable, division by zero, an out-of-bounds
// load, call_indirect past the table, memory.fill out of bounds (after its charge), a load right
// after a host call. Every trap point is a place the host reads the globals the mirrors shadow.
const TRAPS = wat(`(module
  (import "backproof" "cash" (func $cash (result f64)))
  (memory (export "memory") 1 3)
  (table 3 funcref) (elem (i32.const 0) $f $cash $f)
  (type $r (func (result f64)))
  (func $f (result f64) (f64.load (i32.const 128)))
  (func $h (param $i i32) (param $t i32) (result i32) (local $k i32) (local $x i32)
    (local.set $k (i32.div_u (local.get $t) (i32.const 23)))
    (i32.store (i32.shl (i32.and (local.get $i) (i32.const 15)) (i32.const 2)) (i32.add (local.get $i) (i32.load (i32.const 4))))
    (if (i32.eq (local.get $i) (i32.rem_u (local.get $t) (i32.const 23))) (then
      (if (i32.eq (local.get $k) (i32.const 0)) (then unreachable))
      (if (i32.eq (local.get $k) (i32.const 1)) (then (local.set $x (i32.div_u (local.get $i) (i32.sub (local.get $k) (i32.const 1))))))
      (if (i32.eq (local.get $k) (i32.const 2)) (then (local.set $x (i32.load (i32.const 300000)))))
      (if (i32.eq (local.get $k) (i32.const 3)) (then (drop (call_indirect (type $r) (i32.const 9)))))
      (if (i32.eq (local.get $k) (i32.const 4)) (then (memory.fill (i32.const 65000) (i32.const 1) (i32.const 40000))))
      (if (i32.eq (local.get $k) (i32.const 5)) (then (drop (call $cash)) (local.set $x (i32.load (i32.const 400000)))))))
    (i32.add (local.get $x) (i32.load (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $i i32) (local $acc f64)
    (loop $l
      (drop (call $h (local.get $i) (i32.wrap_i64 (local.get $t))))
      (local.set $acc (f64.add (local.get $acc) (call_indirect (type $r) (i32.and (local.get $i) (i32.const 1)))))
      (if (i32.eqz (i32.and (local.get $i) (i32.const 7))) (then (memory.fill (i32.const 1024) (i32.const 3) (i32.mul (local.get $i) (i32.const 100)))))
      (f64.store (i32.const 128) (local.get $acc))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 23))))))`);

describe('version 7 traps where version 6 does', () => {
  // Outside v8, iteration 5 of each of the 6 ways.
  const iterations = casesOf(runtime, 23 * 6, 6, { offset: 5 });
  it(`at every iteration of a loop${iterations.label}, in 6 ways (after host calls, through the table, in a bulk operation): the same stop, counts and stream`, () => {
    const messages = new Set<string>();
    /** Each way of running's messages: one an iteration. */
    const byWay = new Map<string, Set<string>>();
    for (let t = 0n; t < 23n * 6n; t++) {
      if (!iterations.has(Number(t))) continue;
      for (const over of [{ mode: 'trace', flushThreshold: 4 }, { mode: 'trace' }, { mode: 'fuel' }] as const) {
        const a = run3(TRAPS, [100_000n, t], INSTRUMENTER_V6, over);
        expect(a, `t ${t}`).toMatchObject({ code: 'GUEST_TRAP' });
        expect(run3(TRAPS, [100_000n, t], INSTRUMENTER_V7, over), `t ${t} ${JSON.stringify(over)}`).toEqual(a);
        expectV8(TRAPS, [100_000n, t], over, a, `v8 t ${t} ${JSON.stringify(over)}`);
        messages.add((a as { message: string }).message);
        const way = byWay.get(JSON.stringify(over)) ?? new Set<string>();
        byWay.set(JSON.stringify(over), way.add((a as { message: string }).message));
      }
    }
    expect([...byWay.values()].map((m) => m.size)).toEqual([iterations.size, iterations.size, iterations.size]);
    expect(messages.size).toBe(iterations.size);
  }, 300_000);
});

describe('version 7 at V8\'s function limits runs whatever version 6 runs', () => {
  it(`a function without the mirrors calling one with them: the same stops, counts and stream at every budget${sampled ? ` (a sample of 3 budgets under ${runtime.isolation})` : ''}`, () => {
    const ts = [3n, 7n, 13n];
    const whole = run3(MIXED, ts, INSTRUMENTER_V6, { mode: 'trace' });
    expect(whole).toMatchObject({ code: 'GUEST_TRAP' });
    const total = (whole as { fuelUsed: bigint }).fuelUsed;
    const budgets = casesOf(runtime, Number(total / 3n) + 1, 3);
    for (let fuel = 1n; fuel <= total + 1n; fuel += 3n) {
      if (!budgets.has(Number(fuel / 3n))) continue;
      for (const flushThreshold of [undefined, 64]) {
        const over = { mode: 'trace' as const, fuel, ...(flushThreshold !== undefined ? { flushThreshold } : {}) };
        const a = run3(MIXED, ts, INSTRUMENTER_V6, over);
        expect(run3(MIXED, ts, INSTRUMENTER_V7, over), `fuel ${fuel} ${flushThreshold}`).toEqual(a);
        expectV8(MIXED, ts, over, a, `v8 fuel ${fuel} ${flushThreshold}`);
      }
    }
  }, 300_000);

  it('50,000 locals: traced, version 6 adds 8 and version 7 11; a function that fits version 6 runs under both, the same', () => {
    // 6 parameters + 49,986 declared + 8 = 50,000.
    const fits6 = strategy(49_986, LOAD, 3);
    for (const mode of ['trace', 'fuel'] as const) {
      const a = run(fits6, INSTRUMENTER_V6, { mode });
      expect(a, mode).toMatchObject({ code: null, instructions: 2n * 16n });
      expect(run(fits6, INSTRUMENTER_V7, { mode }), mode).toEqual(a);
      expectV8(fits6, [1n, 2n], { mode }, a, mode);
    }
    // One more local: neither can trace it; both refuse it with MODULE_LIMIT, not V8's compile error.
    const over = strategy(49_987, LOAD, 3);
    expect(run(over, INSTRUMENTER_V6, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(over, INSTRUMENTER_V7, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(over, INSTRUMENTER_V8, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(over, INSTRUMENTER_V7, { mode: 'fuel' })).toMatchObject({ code: null });
    expect(run(over, INSTRUMENTER_V8, { mode: 'fuel' })).toEqual(run(over, INSTRUMENTER_V7, { mode: 'fuel' }));
  }, 120_000);

  it(`7,654,321 body bytes, traced: a branch-heavy function version 6 fits runs under version 7, the same${sampled ? ` (under ${runtime.isolation}: version 7 alone, against v8)` : ''}`, () => {
    // About 56 bytes a branch under version 6, 86 under version 7 (its bit push inlined).
    const wasm = strategy(1, BR_IF, 100_000);
    if (sampled) return expectSampled(wasm, { mode: 'trace' }, { code: null, instructions: 2n * 200_001n });
    sampledLater(wasm, { mode: 'trace' });
    const a = run(wasm, INSTRUMENTER_V6, { mode: 'trace' });
    expect(a).toMatchObject({ code: null, instructions: 2n * 200_001n });
    expect(run(wasm, INSTRUMENTER_V7, { mode: 'trace' })).toEqual(a);
    expectV8(wasm, [1n, 2n], { mode: 'trace' }, a);
    // Past what version 6 fits: all refuse it with MODULE_LIMIT.
    const huge = strategy(1, BR_IF, 140_000);
    expect(run(huge, INSTRUMENTER_V6, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(huge, INSTRUMENTER_V7, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(huge, INSTRUMENTER_V8, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
  }, 300_000);

  it.skipIf(!heavyHere)(`7,654,321 body bytes, fuel-only: a grow-heavy function version 6 fits runs under version 7, the same${limitLabel}${heavyLabel}`, () => {
    // About 50.2 bytes a memory.grow under version 6, 51.2 under version 7 (its charge branches out).
    const wasm = strategy(1, GROW, 150_000);
    if (sampled) return expectSampled(wasm, { mode: 'fuel', fuel: 500_000n }, { code: 'FUEL_EXHAUSTED', instructions: 450_001n });
    sampledLater(wasm, { mode: 'fuel', fuel: 500_000n });
    const a = run(wasm, INSTRUMENTER_V6, { mode: 'fuel' });
    expect(a).toMatchObject({ code: null, instructions: 2n * 450_001n });
    expect(run(wasm, INSTRUMENTER_V7, { mode: 'fuel' })).toEqual(a);
    expectV8(wasm, [1n, 2n], { mode: 'fuel' }, a);
    // And when the budget runs out (the second bar's one region does not fit).
    const short = run(wasm, INSTRUMENTER_V6, { mode: 'fuel', fuel: 500_000n });
    expect(short).toMatchObject({ code: 'FUEL_EXHAUSTED', instructions: 450_001n });
    expect(run(wasm, INSTRUMENTER_V7, { mode: 'fuel', fuel: 500_000n })).toEqual(short);
    expectV8(wasm, [1n, 2n], { mode: 'fuel', fuel: 500_000n }, short);
  }, 300_000);
});

/**
 * A strategy whose on_bar calls `functions` functions, each `loads` regions of one load at a constant
 * address (a predictor slot each) and a br_if never taken.
 */
function manySlots(functions: number, loads: number): Uint8Array {
  const section = (w: Writer, id: number, payload: Writer) => w.u8(id).sized(payload);
  const unit = new Uint8Array([0x41, 8, 0x28, 2, 0, 0x1a, 0x41, 0, 0x0d, 0]); // i32.load (i32.const 8); drop; br_if 0 (i32.const 0)
  const out = new Writer(64 + functions * (unit.length * loads + 8)).bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  section(out, 1, new Writer().u32(2).u8(0x60).u32(6).u8(0x7e).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u32(0).u8(0x60).u32(0).u32(0));
  const types = new Writer().u32(functions + 1).u32(0);
  for (let i = 0; i < functions; i++) types.u32(1);
  section(out, 3, types);
  section(out, 5, new Writer().u32(1).u8(0).u32(1));
  section(out, 7, new Writer().u32(2).name('on_bar').u8(0).u32(0).name('memory').u8(2).u32(0));
  const code = new Writer(functions * (unit.length * loads + 8) + 64).u32(functions + 1);
  const main = new Writer().u32(0);
  for (let i = 0; i < functions; i++) main.u8(0x10).u32(i + 1);
  code.sized(main.u8(0x0b));
  for (let i = 0; i < functions; i++) {
    const body = new Writer(unit.length * loads + 8).u32(0);
    for (let j = 0; j < loads; j++) body.bytes(unit);
    code.sized(body.u8(0x0b));
  }
  section(out, 10, code);
  return out.toBytes();
}

describe('__bp_predictors at V8\'s function size', () => {
  /**
   * Whether a module keeps its predictors in globals, copied out by __bp_predictors (else in the trace memory):
   * read from the guest `run` just compiled and ran (instrumenting one of these again takes seconds).
   */
  const predictorGlobals = (wasm: Uint8Array, instrumenter: string, over: Partial<SandboxConfig>): [number, boolean] => {
    const guest = guestFor(wasm, { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over });
    return [guest.meta!.predictorSlots, WebAssembly.Module.exports(guest.module).some((e) => e.name === '__bp_predictors')];
  };
  const over = { mode: 'trace' as const, flushThreshold: 1 << 16 };

  it.skipIf(!heavyHere)(`300,000 predictor slots: version 8 keeps them in the trace memory (its copying function would be past 7,654,321 bytes), version 7 in globals; both run what version 6 runs${limitLabel.replace('version 7', 'version 8')}${heavyLabel}`, () => {
    // 900,000 predictor globals fit V8's 1,000,000, but copying them takes 12-13 bytes each: V8 refused the module (WASM_MALFORMED) before.
    const wasm = manySlots(10, 30_000);
    // Sampled: version 8, its 300,000 slots' predictors in the trace memory (version 7's in globals: every small module has them).
    if (sampled) return expectSampled(wasm, over, { code: null, instructions: 2n * (10n * 5n * 30_000n + 21n) }, INSTRUMENTER_V8);
    sampledLater(wasm, over, INSTRUMENTER_V8);
    const a = run(wasm, INSTRUMENTER_V6, over);
    expect(a).toMatchObject({ code: null, instructions: 2n * (10n * 5n * 30_000n + 21n) });
    expect(run(wasm, INSTRUMENTER_V7, over)).toEqual(a);
    const v7 = predictorGlobals(wasm, INSTRUMENTER_V7, over); // read before version 8's guest replaces it
    expectV8(wasm, [1n, 2n], over, a);
    expect([v7, predictorGlobals(wasm, INSTRUMENTER_V8, over)]).toEqual([[300_000, true], [300_000, false]]);
  }, 600_000);

  it.skipIf(!(heavyHere && (runtime.isolation === 'v8' || ALL_CASES_EVERYWHERE)))(`360,000 predictor slots: version 7 keeps them in the trace memory too (720,000 globals fit, their copying function does not), and runs what version 6 runs${runtime.isolation === 'v8' || ALL_CASES_EVERYWHERE ? '' : ' (v8 alone but with BACKPROOF_SUITE_ALL_RUNTIMES=1: the 300,000-slot case stands for it)'}`, () => {
    const wasm = manySlots(12, 30_000);
    if (sampled) return expectSampled(wasm, over, { code: null, instructions: 2n * (12n * 5n * 30_000n + 25n) });
    const a = run(wasm, INSTRUMENTER_V6, over);
    expect(a).toMatchObject({ code: null, instructions: 2n * (12n * 5n * 30_000n + 25n) });
    expect(run(wasm, INSTRUMENTER_V7, over)).toEqual(a);
    expect(predictorGlobals(wasm, INSTRUMENTER_V7, over)).toEqual([360_000, false]);
  }, 600_000);
});

/** A strategy with `globals` mutable i32 globals (each exported by the instrumentation as __bp_g<i>) whose on_bar loads twice. */
function manyMutableGlobals(globals: number): Uint8Array {
  return strategy(0, [0x41, 8, 0x28, 2, 0, 0x1a], 2, globals);
}

describe('version 7 at V8\'s module limits runs whatever version 6 runs', () => {
  it('a guest export named __bp_predictors, and a second memory that could write the trace memory, are refused by both', () => {
    const named = wat(`(module (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)) (func (export "__bp_predictors")))`);
    const twoMemories = wat(`(module (memory (export "memory") 1) (memory $m2 1)
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (i32.store $m2 (i32.const 0) (i32.const 7))))`);
    for (const instrumenter of [INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8]) {
      expect(run(named, instrumenter, { mode: 'trace' }), instrumenter).toEqual({ refused: 'EXPORT_RESERVED' });
      expect(run(twoMemories, instrumenter, { mode: 'trace' }), instrumenter).toEqual({ refused: 'WASM_UNSUPPORTED' });
    }
  });

  it.skipIf(!heavyHere)(`1,000,000 exports: traced, a module whose version 6 has exactly that many keeps its predictors in the trace memory under version 7 (no __bp_predictors)${limitLabel}${heavyLabel}`, () => {
    // 999,988 snapshot exports + on_bar, memory + 10 added (fuel, bulk, depth, reserve, tp, trace, bits, bit slot, the bar trampoline and memory).
    const wasm = manyMutableGlobals(999_988);
    if (!runsAtV8Limits(runtime)) {
      expect(() => run(wasm, INSTRUMENTER_V7, { mode: 'trace', flushThreshold: 64 })).toThrow(expect.objectContaining({ code: 'WASM_UNSUPPORTED', message: '--isolation wasi: 999989 exported globals are more than one frame carries' }));
      return;
    }
    if (sampled) return expectSampled(wasm, { mode: 'trace', flushThreshold: 64 }, { code: null, instructions: 2n * 7n });
    sampledLater(wasm, { mode: 'trace', flushThreshold: 64 });
    const a = run(wasm, INSTRUMENTER_V6, { mode: 'trace', flushThreshold: 64 });
    expect(a).toMatchObject({ code: null, instructions: 2n * 7n });
    expect(run(wasm, INSTRUMENTER_V7, { mode: 'trace', flushThreshold: 64 })).toEqual(a);
    // Version 8: its three predictor words a slot in the trace memory too (a keyframe before the second bar reads them there).
    expectV8(wasm, [1n, 2n], { mode: 'trace', flushThreshold: 64 }, a);
    // One more: past the limit under all, refused with MODULE_LIMIT before V8 sees it.
    const over = manyMutableGlobals(999_989);
    expect(run(over, INSTRUMENTER_V6, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(over, INSTRUMENTER_V7, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
    expect(run(over, INSTRUMENTER_V8, { mode: 'trace' })).toEqual({ refused: 'MODULE_LIMIT' });
  }, 300_000);
});
}
