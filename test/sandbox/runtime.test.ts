import { beforeAll, describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { stubHost } from '../helpers/host.ts';
import { compileGuest, GuestInstance, DEFAULT_SANDBOX, instrument, INSTRUMENTER_V4, type GuestHost } from '../../host/sandbox/index.ts';
import { timeWords } from '../../host/model/bars.ts';
import { defaultTraceHashing } from '../../host/sandbox/runtime.ts';
import { glueFor } from '../../host/sandbox/glue.ts';
import { toHex } from '../../traces/index.ts';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type StrategyArtifact } from '../../host/index.ts';

const host = (orders: [number, number][] = []): GuestHost => stubHost({ order: (k, s) => void orders.push([k, s]) });

// A strategy written by hand: the start function reads a param, on_bar buys on every bar.
const HANDWRITTEN = wat(`(module
  (import "backproof" "order" (func $order (param i32 f64)))
  (import "backproof" "param" (func $param (param i32 i32 f64) (result f64)))
  (memory (export "memory") 1)
  (data (i32.const 16) "s\\00z\\00")
  (global $size (mut f64) (f64.const 0))
  (func $start (global.set $size (call $param (i32.const 16) (i32.const 4) (f64.const 3))))
  (start $start)
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (call $order (i32.const 1) (global.get $size))))`);

describe('compileGuest and GuestInstance', () => {
  it('turns a start function into init, run after instantiation with host imports working', () => {
    const g = compileGuest(HANDWRITTEN, DEFAULT_SANDBOX);
    const orders: [number, number][] = [];
    const names: string[] = [];
    const inst = new GuestInstance(g, { ...host(orders), param: (n, f) => (names.push(n), f + 1) }, DEFAULT_SANDBOX);
    expect(names).toEqual([]); // nothing ran during instantiation
    inst.init();
    expect(names).toEqual(['sz']);
    inst.onBar(1n, 1, 1, 1, 1, 1);
    expect(orders).toEqual([[1, 4]]);
    expect(inst.finish().instructions).toBeGreaterThan(0n);
  });

  it('rejects imports outside the ABI, naming them, and wrong signatures', () => {
    const wasi = wat(`(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))`);
    expect(() => compileGuest(wasi, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'IMPORT_NOT_ALLOWED', message: expect.stringMatching(/"wasi_snapshot_preview1"."fd_write"/) }));
    const sig = wat(`(module (import "backproof" "order" (func (param i32)))
      (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))`);
    expect(() => compileGuest(sig, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'IMPORT_NOT_ALLOWED', message: expect.stringMatching(/signature \(i32\) -> \(\); the ABI's is \(i32, f64\) -> \(\)/) }));
    const mem = wat(`(module (import "env" "memory" (memory 1)) (export "memory" (memory 0)) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))`);
    expect(() => compileGuest(mem, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'IMPORT_NOT_ALLOWED' }));
  });

  it('rejects missing or mistyped exports', () => {
    const noBar = wat('(module (memory (export "memory") 1))');
    expect(() => compileGuest(noBar, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING', message: expect.stringMatching(/on_bar/) }));
    const noMem = wat('(module (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))');
    expect(() => compileGuest(noMem, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING', message: expect.stringMatching(/memory/) }));
    const badSig = wat('(module (memory (export "memory") 1) (func (export "on_bar") (param i32)))');
    expect(() => compileGuest(badSig, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING', message: '"on_bar" has signature (i32) -> (); the ABI\'s is (i64, f64, f64, f64, f64, f64) -> ()' }));
    // the optional callbacks name both signatures too (tester: on_trade's named only the ABI's)
    const onTrade = wat('(module (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)) (func (export "on_trade") (param f64 f64) (result i32) (i32.const 0)))');
    expect(() => compileGuest(onTrade, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING', message: '"on_trade" has signature (f64, f64) -> (i32); the ABI\'s is (f64, f64, f64, f64) -> ()' }));
    const onOrder = wat('(module (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)) (global (export "on_order") i32 (i32.const 0)))');
    expect(() => compileGuest(onOrder, DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'EXPORT_MISSING', message: '"on_order" is not a function (export kind 3); the ABI\'s is a function (i32, i32, f64, f64) -> ()' }));
  });

  it('meters a loop in the start function (run as init) and stops it', () => {
    const startLoop = wat(`(module (memory (export "memory") 1)
      (func $start (loop $l (br $l))) (start $start)
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)))`);
    const config = { ...DEFAULT_SANDBOX, fuelPerCallback: 10_000n };
    const inst = new GuestInstance(compileGuest(startLoop, config), host(), config); // instantiation itself runs nothing
    expect(() => inst.init()).toThrow(expect.objectContaining({ code: 'FUEL_EXHAUSTED', message: expect.stringMatching(/per-callback budget of 10000/) }));
  });

  it('gives each callback its own budget, and the run a total', () => {
    const work = wat(`(module (memory (export "memory") 1)
      (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $i i64)
        (loop $l (local.set $i (i64.add (local.get $i) (i64.const 1))) (br_if $l (i64.lt_u (local.get $i) (local.get $t))))))`);
    const config = { ...DEFAULT_SANDBOX, fuel: 100_000n, fuelPerCallback: 5_000n };
    const inst = new GuestInstance(compileGuest(work, config), host(), config);
    for (let i = 0; i < 10; i++) inst.onBar(500n, 1, 1, 1, 1, 1); // ~4000 instructions each: fine
    expect(() => inst.onBar(1000n, 1, 1, 1, 1, 1)).toThrow(expect.objectContaining({ code: 'FUEL_EXHAUSTED', message: expect.stringMatching(/per-callback/) }));
    const total = { ...DEFAULT_SANDBOX, fuel: 20_000n, fuelPerCallback: 5_000n };
    const t = new GuestInstance(compileGuest(work, total), host(), total);
    expect(() => { for (let i = 0; i < 10; i++) t.onBar(500n, 1, 1, 1, 1, 1); }).toThrow(expect.objectContaining({ message: expect.stringMatching(/the run's budget of 20000/) }));
  });

  it('handles a huge br_table', () => {
    const targets = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '$a' : '$b')).join(' ');
    const big = wat(`(module (memory (export "memory") 1) (global $g (mut i32) (i32.const 0))
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
        (block $a (block $b (br_table ${targets} $a (i32.wrap_i64 (local.get 0)))) (global.set $g (i32.const 1)))))`);
    const inst = new GuestInstance(compileGuest(big, DEFAULT_SANDBOX), host(), DEFAULT_SANDBOX);
    inst.onBar(0n, 1, 1, 1, 1, 1);
    inst.onBar(49_999n, 1, 1, 1, 1, 1);
    // block, block, local.get, i32.wrap_i64, br_table; then $b: i32.const, global.set, end, end (9) or $a: end (6)
    expect(inst.finish().instructions).toBe(15n);
  });

  it('limits the number of functions', () => {
    expect(() => compileGuest(HANDWRITTEN, { ...DEFAULT_SANDBOX, maxFunctions: 3 })).toThrow(expect.objectContaining({ code: 'MODULE_LIMIT', message: expect.stringMatching(/4 functions; the limit is 3/) }));
  });

  it('rejects garbage and oversized modules as WASM_MALFORMED', () => {
    expect(() => compileGuest(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff]), DEFAULT_SANDBOX)).toThrow(expect.objectContaining({ code: 'WASM_MALFORMED' }));
    expect(() => compileGuest(HANDWRITTEN, { ...DEFAULT_SANDBOX, maxModuleBytes: 16 })).toThrow(expect.objectContaining({ code: 'WASM_MALFORMED', message: expect.stringMatching(/limit is 16/) }));
  });

  it('turns traps into GUEST_TRAP', () => {
    const trap = wat('(module (memory (export "memory") 1) (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) unreachable))');
    const inst = new GuestInstance(compileGuest(trap, DEFAULT_SANDBOX), host(), DEFAULT_SANDBOX);
    expect(() => inst.onBar(0n, 1, 1, 1, 1, 1)).toThrow(expect.objectContaining({ code: 'GUEST_TRAP' }));
    const deep = wat('(module (memory (export "memory") 1) (func $r (export "on_bar") (param i64 f64 f64 f64 f64 f64) (call $r (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5))))');
    const d = new GuestInstance(compileGuest(deep, DEFAULT_SANDBOX), host(), DEFAULT_SANDBOX);
    expect(() => d.onBar(0n, 1, 1, 1, 1, 1)).toThrow(expect.objectContaining({ code: 'STACK_EXHAUSTED', message: expect.stringMatching(/call depth limit of 512 reached entering function 0/) }));
  });
});

describe('the example strategy under every mode', () => {
  let strategy: StrategyArtifact;
  let data: LoadedData;
  beforeAll(async () => {
    strategy = await loadStrategy('strategies-as/sma-cross.ts');
    data = await loadData('test/data/orcl-1995-2014.txt');
  });

  it('gives byte-identical results uninstrumented, fuel-metered and traced', () => {
    const results = (['none', 'fuel', 'trace'] as const).map((mode) => executeRun({ strategy, data, config: DEFAULT_CONFIG, mode }));
    expect(Buffer.compare(results[0]!.resultBytes, results[1]!.resultBytes)).toBe(0);
    expect(Buffer.compare(results[0]!.resultBytes, results[2]!.resultBytes)).toBe(0);
    expect(results[1]!.instructions).toBe(results[2]!.instructions);
    expect(results[2]!.result.stats.trades).toBeGreaterThan(100);
  });

  it('commits the same trace whether its leaves are hashed inline or shared with a hash worker', () => {
    const [inline, worker] = (['inline', 'worker'] as const).map((hashing) => {
      // Format 4: its stream is long enough to fill more than one of the worker's slots.
      const config = { ...DEFAULT_SANDBOX, hashing, instrumenter: INSTRUMENTER_V4 };
      const inst = new GuestInstance(compileGuest(strategy.wasm, config), stubHost(), config);
      inst.init();
      const b = data.bars;
      for (let i = 0; i < b.length; i++) inst.onBar(b.time[i]!, b.open[i]!, b.high[i]!, b.low[i]!, b.close[i]!, b.volume[i]!);
      return inst.finish().trace!;
    });
    expect(worker!.leafHashes.length).toBeGreaterThan(16); // more than one of the worker's 1 MiB slots
    expect(worker!.byteLength).toBe(inline!.byteLength);
    expect(worker!.leafHashes.map(toHex)).toEqual(inline!.leafHashes.map(toHex));
    expect(toHex(worker!.root)).toBe(toHex(inline!.root));
  });
});

describe('defaultTraceHashing', () => {
  it('shares the hashing with a worker only when there are more than two cores', () => {
    expect([1, 2, 3, 16].map((cores) => defaultTraceHashing(cores))).toEqual(['inline', 'inline', 'worker', 'worker']);
  });
});

describe('the bar trampoline (onBarAt: no BigInt, no boxed doubles)', () => {
  // on_bar stores what it was given, so both paths can be compared byte for byte.
  const RECORDER = wat(`(module (memory (export "memory") 1)
    (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
      (i64.store (i32.const 0) (local.get 0)) (f64.store (i32.const 8) (local.get 1)) (f64.store (i32.const 16) (local.get 2))
      (f64.store (i32.const 24) (local.get 3)) (f64.store (i32.const 32) (local.get 4)) (f64.store (i32.const 40) (local.get 5))))`);
  const times = BigInt64Array.from([-1n, 0n, 1_700_000_000_123_456_789n, -9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n, 4_294_967_295n, 4_294_967_296n]);
  const bars = {
    length: times.length, time: times,
    open: Float64Array.from(times, (_, i) => 100.25 + i), high: Float64Array.from(times, (_, i) => 101.5 + i), low: Float64Array.from(times, (_, i) => 99.125 + i),
    close: Float64Array.from(times, (_, i) => 100.75 + i), volume: Float64Array.from(times, (_, i) => (i === 2 ? NaN : 1e6 + i)),
  };

  for (const mode of ['none', 'fuel', 'trace'] as const) {
    it(`gives on_bar exactly the arguments onBar does (${mode})`, () => {
      const config = { ...DEFAULT_SANDBOX, mode, hashing: 'inline' as const };
      const guest = compileGuest(RECORDER, config);
      expect(WebAssembly.Module.exports(guest.module).some((e) => e.name === '__bp_on_bar')).toBe(mode !== 'none');
      const a = new GuestInstance(guest, stubHost(), config), b = new GuestInstance(guest, stubHost(), config);
      const words = timeWords(times);
      for (let j = 0; j < bars.length; j++) {
        a.onBarAt(bars, words, j);
        b.onBar(times[j]!, bars.open[j]!, bars.high[j]!, bars.low[j]!, bars.close[j]!, bars.volume[j]!);
        const view = new DataView(a.memoryBytes().buffer);
        expect(view.getBigInt64(0, true)).toBe(times[j]);
        expect(view.getFloat64(8, true)).toBe(bars.open[j]);
        expect(Object.is(view.getFloat64(40, true), bars.volume[j])).toBe(true);
        expect(a.memoryBytes().subarray(0, 48)).toEqual(b.memoryBytes().subarray(0, 48));
      }
      const sa = a.finish(), sb = b.finish();
      expect(sa.instructions).toBe(sb.instructions);
      expect(sa.instructions).toBe(mode === 'none' ? 0n : 7n * 19n); // 19 instructions per call: the trampoline adds none
      expect(sa.trace?.root).toEqual(sb.trace?.root);
    });
  }

  it('is added only for an on_bar with the ABI type', () => {
    const odd = wat('(module (memory (export "memory") 1) (func (export "on_bar") (param i32)))');
    const out = instrument(odd, { trace: false, maxMemoryPages: 16, barTrampoline: 'on_bar' });
    expect(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm as BufferSource)).map((e) => e.name)).not.toContain('__bp_on_bar');
  });
});

describe('the glue (sandbox/glue: host work charged in wasm, no BigInt)', () => {
  const i64 = (v: bigint) => new WebAssembly.Global({ value: 'i64', mutable: true }, v);
  it('charges while the fuel covers the units, to 0 exactly; past it returns 0 and changes nothing', () => {
    const fuel = i64(1000n), bulk = i64(7n);
    const glue = glueFor(fuel, bulk, undefined, undefined);
    expect([glue.charge(600), glue.charge(400), glue.charge(0)]).toEqual([1, 1, 1]);
    expect([fuel.value, bulk.value]).toEqual([0n, 1007n]);
    expect(glue.charge(1)).toBe(0);
    expect([fuel.value, bulk.value]).toEqual([0n, 1007n]);
  });

  it('takes the units as a u32 and compares as the host did (signed i64)', () => {
    const fuel = i64((1n << 62n) + 5n), bulk = i64(0n);
    const glue = glueFor(fuel, bulk, undefined, undefined);
    expect(glue.charge(2 ** 32 - 1)).toBe(1);
    expect([fuel.value, bulk.value]).toEqual([(1n << 62n) + 5n - (2n ** 32n - 1n), 2n ** 32n - 1n]);
    fuel.value = -1n;
    expect(glue.charge(0)).toBe(0);
  });
});
