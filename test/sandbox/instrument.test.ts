import { describe, expect, it } from 'vitest';
import { wat, SUM_FUNC } from '../helpers/wat.ts';
import { metered, original, OutOfFuel, StackExhausted, words } from '../helpers/guest.ts';
import { instrument, EXPORT_BULK, EXPORT_DEPTH } from '../../host/sandbox/index.ts';
import { SandboxError } from '../../host/errors.ts';

const SUM = wat(`(module ${SUM_FUNC})`);

const CONTROL = wat(`(module
 (type $un (func (param i32) (result i32)))
 (table 3 funcref)
 (elem (i32.const 0) $double $square $neg)
 (func $double (type $un) (i32.mul (local.get 0) (i32.const 2)))
 (func $square (type $un) (i32.mul (local.get 0) (local.get 0)))
 (func $neg (type $un) (i32.sub (i32.const 0) (local.get 0)))
 (func (export "indirect") (param $which i32) (param $x i32) (result i32)
   (call_indirect (type $un) (local.get $x) (local.get $which)))
 (func (export "switch") (param $x i32) (result i32)
   (block $d (block $c (block $b (block $a
     (br_table $a $b $c $d (local.get $x)))
     (return (i32.const 10)))
     (return (call $double (i32.const 21))))
     (return (call $square (i32.const 7))))
   (i32.const -1))
 (func (export "ifelse") (param $x i32) (result i32)
   (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
     (then (call $neg (local.get $x)))
     (else (if (result i32) (local.get $x) (then (i32.const 1)) (else (i32.const 0))))))
 (func $fact (export "fact") (param $n i64) (result i64)
   (if (result i64) (i64.le_s (local.get $n) (i64.const 1))
     (then (i64.const 1))
     (else (i64.mul (local.get $n) (call $fact (i64.sub (local.get $n) (i64.const 1)))))))
 (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
 (func (export "trap") unreachable))`);

const MEMORY = wat(`(module
 (memory (export "memory") 1)
 (func (export "roundtrip") (param $addr i32) (param $v i64) (result i64)
   (i64.store offset=8 (local.get $addr) (local.get $v))
   (i64.add (i64.load offset=8 (local.get $addr)) (i64.extend_i32_u (i32.load8_u (local.get $addr)))))
 (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
 (func (export "fill") (param $addr i32) (param $n i32) (result f64)
   (local $i i32) (local $acc f64)
   (block $done (loop $l
     (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
     (f64.store (i32.add (local.get $addr) (i32.shl (local.get $i) (i32.const 3))) (f64.convert_i32_u (local.get $i)))
     (local.set $acc (f64.add (local.get $acc) (f64.load (i32.add (local.get $addr) (i32.shl (local.get $i) (i32.const 3))))))
     (local.set $i (i32.add (local.get $i) (i32.const 1)))
     (br $l)))
   (local.get $acc))
 (func (export "spin") (loop $l (br $l))))`);

describe('instrument: semantics preserved', () => {
  it('computes what the original computes (loops, br_table, calls, call_indirect, if/else, recursion)', () => {
    const a = original(CONTROL);
    const b = metered(CONTROL).exports;
    for (let w = 0; w < 3; w++) for (const x of [-5, 0, 3, 1000]) expect((b.indirect as Function)(w, x)).toBe((a.indirect as Function)(w, x));
    for (let x = -1; x < 6; x++) expect((b.switch as Function)(x)).toBe((a.switch as Function)(x));
    for (const x of [-3, 0, 9]) expect((b.ifelse as Function)(x)).toBe((a.ifelse as Function)(x));
    expect((b.fact as Function)(20n)).toBe(2432902008176640000n);
    expect((b.fact as Function)(20n)).toBe((a.fact as Function)(20n));
    expect((b.div as Function)(-7, 2)).toBe(-3);
  });

  it('traps where the original traps', () => {
    const a = original(CONTROL);
    const b = metered(CONTROL).exports;
    for (const ex of [a, b]) {
      expect(() => (ex.div as Function)(1, 0)).toThrow(WebAssembly.RuntimeError);
      expect(() => (ex.trap as Function)()).toThrow(/unreachable/);
      expect(() => (ex.indirect as Function)(7, 1)).toThrow(WebAssembly.RuntimeError);
    }
  });

  it('keeps memory results and final memory identical', () => {
    const a = original(MEMORY);
    const m = metered(MEMORY);
    const b = m.exports;
    expect((b.roundtrip as Function)(64, 0x1122334455667788n)).toBe((a.roundtrip as Function)(64, 0x1122334455667788n));
    expect((b.fill as Function)(1024, 100)).toBe(4950);
    (a.fill as Function)(1024, 100);
    const memA = new Uint8Array((a.memory as WebAssembly.Memory).buffer);
    const memB = new Uint8Array((b.memory as WebAssembly.Memory).buffer);
    expect(Buffer.compare(memA, memB)).toBe(0);
    expect(() => (b.roundtrip as Function)(65536, 1n)).toThrow(WebAssembly.RuntimeError);
  });

  it('produces a module that validates, for every fixture and mode', () => {
    for (const fixture of [SUM, CONTROL, MEMORY])
      for (const trace of [false, true]) {
        const out = instrument(fixture, { trace, maxMemoryPages: 4 }).wasm;
        expect(WebAssembly.validate(out as BufferSource)).toBe(true);
      }
  });
});

describe('instrument: fuel', () => {
  it('charges exactly the instructions executed (sum loop: 12n + 7)', () => {
    const m = metered(SUM);
    for (const n of [0, 1, 5, 100]) {
      m.reset();
      expect((m.exports.sum as Function)(n)).toBe((n * (n + 1)) / 2);
      expect(m.used()).toBe(BigInt(12 * n + 7));
    }
  });

  it('charges the same with and without the trace', () => {
    const a = metered(SUM, { trace: false });
    const b = metered(SUM, { trace: true });
    (a.exports.sum as Function)(37);
    (b.exports.sum as Function)(37);
    expect(a.used()).toBe(b.used());
  });

  it('stops an infinite loop at the budget, before the region that does not fit', () => {
    const m = metered(MEMORY, { budget: 1000n });
    let err: unknown;
    try {
      (m.exports.spin as Function)();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutOfFuel);
    // spin: loop (1) then each iteration is one region [br] of 1 instruction.
    expect(m.used()).toBe(1001n); // the failing region's charge left the counter at -1
    const region = (err as OutOfFuel).regionId;
    expect(m.meta.regions.instructions[region - 1]).toBe(1);
  });
});

describe('instrument: memory limit', () => {
  it('forces the maximum: growth past it fails in the guest', () => {
    const a = original(MEMORY);
    const b = metered(MEMORY, { maxMemoryPages: 3 }).exports;
    expect((a.grow as Function)(5)).toBe(1);
    expect((b.grow as Function)(2)).toBe(1);
    expect((b.grow as Function)(1)).toBe(-1);
    expect((b.memory as WebAssembly.Memory).buffer.byteLength).toBe(3 * 65536);
  });

  it('rejects a module whose initial memory is over the limit', () => {
    const big = wat('(module (memory 10))');
    expect(() => instrument(big, { trace: true, maxMemoryPages: 4 })).toThrow(expect.objectContaining({ code: 'MEMORY_LIMIT' }));
  });
});

describe('instrument: trace records', () => {
  it('records one word per region and one per distinct address operand, in order', () => {
    const m = metered(MEMORY);
    (m.exports.roundtrip as Function)(64, 5n);
    const w = words(m.traceBytes());
    // roundtrip is one region: i64.store, i64.load and i32.load8_u all address (local.get $addr),
    // so one word carries the address of all three.
    expect(w).toEqual([w[0], 64]);
    const region = w[0]! - 1;
    expect(m.meta.regions.memAccesses[region]).toBe(3);
    expect(m.meta.regions.recordedAccesses[region]).toBe(1);
    expect(Array.from(m.meta.regions.accessSlots.subarray(m.meta.regions.slotStart[region], m.meta.regions.slotStart[region]! + 3))).toEqual([0, 0, 0]);
    // fill's addresses are computed (i32.add …), so each access records its own word.
    const f = metered(MEMORY);
    (f.exports.fill as Function)(0, 1);
    expect(words(f.traceBytes()).length).toBeGreaterThan(3);
  });

  it('gives the same stream whatever the flush threshold', () => {
    const small = metered(MEMORY, { flushThreshold: 64 });
    const large = metered(MEMORY);
    (small.exports.fill as Function)(0, 500);
    (large.exports.fill as Function)(0, 500);
    expect(Buffer.compare(small.traceBytes(), large.traceBytes())).toBe(0);
    expect(small.traceBytes().length).toBeGreaterThan(500 * 12);
  });
});

describe('instrument: rejects what it cannot make safe', () => {
  const expectCode = (fn: () => unknown, code: string, message: RegExp) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(SandboxError);
      expect((e as SandboxError).code).toBe(code);
      expect((e as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a SandboxError');
  };

  it('SIMD, named with its byte offset', () => {
    const simd = wat('(module (func (export "f") (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))');
    expectCode(() => instrument(simd, { trace: true, maxMemoryPages: 1 }), 'WASM_UNSUPPORTED', /SIMD.*byte offset \d+/);
  });

  it('a second memory (the trace memory must stay unreachable)', () => {
    const two = wat('(module (memory $a 1) (memory $b 1) (func (export "f") (result i32) (i32.load $b (i32.const 0))))');
    expectCode(() => instrument(two, { trace: true, maxMemoryPages: 1 }), 'WASM_UNSUPPORTED', /multi-memory/);
  });

  it('atomics and shared memory', () => {
    const shared = wat('(module (memory 1 1 shared) (func (export "f") (result i32) (i32.atomic.load (i32.const 0))))');
    expectCode(() => instrument(shared, { trace: true, maxMemoryPages: 1 }), 'WASM_UNSUPPORTED', /threads/);
  });

  it('malformed and truncated binaries, never a crash', () => {
    expectCode(() => instrument(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), { trace: true, maxMemoryPages: 1 }), 'WASM_MALFORMED', /magic/);
    for (let cut = 9; cut < SUM.length; cut += 3)
      expectCode(() => instrument(SUM.subarray(0, cut), { trace: true, maxMemoryPages: 1 }), 'WASM_MALFORMED', /byte offset/);
  });

  it('reserved export names', () => {
    const bad = wat('(module (global $g (mut i64) (i64.const 0)) (export "__bp_fuel" (global $g)))');
    expectCode(() => instrument(bad, { trace: true, maxMemoryPages: 1 }), 'EXPORT_RESERVED', /__bp_fuel/);
  });
});

describe('instrument: call depth', () => {
  const REC = wat(`(module
    (type $t (func (param i32) (result i32)))
    (table 1 funcref) (elem (i32.const 0) $viaTable)
    (func $down (export "down") (param $n i32) (result i32)
      (if (result i32) (local.get $n) (then (i32.add (i32.const 1) (call $down (i32.sub (local.get $n) (i32.const 1))))) (else (i32.const 0))))
    (func $viaTable (export "viaTable") (param $n i32) (result i32)
      (call_indirect (type $t) (i32.add (local.get $n) (i32.const 1)) (i32.const 0)))
    (func (export "early") (param $n i32) (result i32)
      (block $b (br_if $b (local.get $n)) (return (i32.const 7))) (br 0 (i32.const 9))))`);

  it('allows recursion up to the limit and counts back down on every exit', () => {
    const m = metered(REC, {}, {});
    expect((m.exports.down as Function)(100)).toBe(100);
    expect((m.exports[EXPORT_DEPTH] as WebAssembly.Global).value).toBe(0);
    expect((m.exports.early as Function)(0)).toBe(7);
    expect((m.exports.early as Function)(1)).toBe(9);
    expect((m.exports[EXPORT_DEPTH] as WebAssembly.Global).value).toBe(0);
  });

  it('stops unbounded recursion, direct or through call_indirect, at the same depth every time', () => {
    for (const fn of ['down', 'viaTable']) {
      const seen: number[] = [];
      for (let run = 0; run < 2; run++) {
        const { wasm } = instrument(REC, { trace: true, maxMemoryPages: 1, maxCallDepth: 300 });
        const mod = new WebAssembly.Module(wasm as BufferSource);
        let calls = 0;
        const inst = new WebAssembly.Instance(mod, { __backproof: {
          out_of_fuel: () => { throw new Error('fuel'); },
          stack_exhausted: (f: number) => { calls++; throw new StackExhausted(f); },
          flush: () => {},
        } });
        (inst.exports.__bp_fuel as WebAssembly.Global).value = 1n << 40n;
        expect(() => (inst.exports[fn] as Function)(1_000_000)).toThrow(StackExhausted);
        expect(calls).toBe(1);
        seen.push((inst.exports[EXPORT_DEPTH] as WebAssembly.Global).value as number);
      }
      expect(seen).toEqual([301, 301]);
    }
  });
});

describe('instrument: float determinism', () => {
  const NAN = wat(`(module
    (func (export "payload") (result i64)
      (i64.reinterpret_f64 (f64.add (f64.reinterpret_i64 (i64.const 0x7ff8000000000123)) (f64.const 1))))
    (func (export "payload32") (result i32)
      (i32.reinterpret_f32 (f32.mul (f32.reinterpret_i32 (i32.const 0x7fc00042)) (f32.const 2))))
    (func (export "sqrtNeg") (result i64) (i64.reinterpret_f64 (f64.sqrt (f64.const -1))))
    (func (export "plain") (result f64) (f64.div (f64.const 1) (f64.const 3))))`);

  it('canonicalizes NaN results and leaves numbers alone', () => {
    const a = original(NAN);
    const b = metered(NAN).exports;
    expect((a.payload as Function)()).not.toBe(0x7ff8000000000000n); // the payload survives without us
    expect((b.payload as Function)()).toBe(0x7ff8000000000000n);
    expect((b.payload32 as Function)() >>> 0).toBe(0x7fc00000);
    expect((b.sqrtNeg as Function)()).toBe(0x7ff8000000000000n);
    expect((b.plain as Function)()).toBe(1 / 3);
  });
});

describe('instrument: bulk memory and tables', () => {
  const BULK = wat(`(module (memory 2) (table $t 2 funcref)
    (func (export "fill") (param $n i32) (memory.fill (i32.const 0) (i32.const 7) (local.get $n)))
    (func (export "copy") (param $n i32) (memory.copy (i32.const 4096) (i32.const 0) (local.get $n)))
    (func (export "grow") (param $n i32) (result i32) (memory.grow (local.get $n)))
    (func (export "tgrow") (param $n i32) (result i32) (table.grow $t (ref.null func) (local.get $n))))`);

  it('charges memory.fill/copy by size and memory.grow by pages, apart from instructions', () => {
    const m = metered(BULK, { maxMemoryPages: 8 });
    const bulk = () => (m.exports[EXPORT_BULK] as WebAssembly.Global).value as bigint;
    (m.exports.fill as Function)(800);
    expect(bulk()).toBe(100n);
    expect(m.used() - bulk()).toBe(5n); // i32.const, i32.const, local.get, memory.fill, end
    (m.exports.copy as Function)(64);
    expect(bulk()).toBe(108n);
    expect((m.exports.grow as Function)(2)).toBe(2);
    expect(bulk()).toBe(108n + 2n * 8192n);
  });

  it('a fill larger than the remaining fuel stops before it runs', () => {
    const m = metered(BULK, { budget: 1000n });
    expect(() => (m.exports.fill as Function)(65536)).toThrow(OutOfFuel);
  });

  it('forces the table maximum', () => {
    const { wasm } = instrument(BULK, { trace: false, maxMemoryPages: 8, maxTableElements: 5 });
    const inst = new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource), { __backproof: { out_of_fuel: () => {}, stack_exhausted: () => {} } });
    (inst.exports.__bp_fuel as WebAssembly.Global).value = 1n << 40n;
    expect((inst.exports.tgrow as Function)(3)).toBe(2);
    expect((inst.exports.tgrow as Function)(1)).toBe(-1);
    expect(() => instrument(wat('(module (table 10 funcref))'), { trace: false, maxMemoryPages: 1, maxTableElements: 5 })).toThrow(expect.objectContaining({ code: 'MEMORY_LIMIT' }));
  });
});

describe('instrument: more rejected features', () => {
  const code = (text: string): string => {
    try {
      instrument(wat(text, { gc: true }), { trace: true, maxMemoryPages: 1 });
    } catch (e) {
      return `${(e as SandboxError).code}: ${(e as Error).message}`;
    }
    return 'accepted';
  };
  it('exceptions, tail calls, memory64, GC', () => {
    expect(code('(module (tag $e) (func (export "f") (throw $e)))')).toMatch(/WASM_UNSUPPORTED: .*exception handling/);
    expect(code('(module (func $g) (func (export "f") (return_call $g)))')).toMatch(/WASM_UNSUPPORTED: .*tail calls/);
    expect(code('(module (memory i64 1))')).toMatch(/WASM_UNSUPPORTED: .*memory64/);
    expect(code('(module (type $s (struct (field i32))) (func (export "f") (result (ref null $s)) (ref.null $s)))')).toMatch(/WASM_UNSUPPORTED: .*GC|typed/);
  });
});
