import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { wat, SUM_FUNC } from '../helpers/wat.ts';
import { metered } from '../helpers/guest.ts';
import { slowEvents, slowPath, slowRecords } from '../helpers/slowpath.ts';
import { staticMap, compileGuest, GuestInstance, DEFAULT_SANDBOX } from '../../host/sandbox/index.ts';
import { stubHost } from '../helpers/host.ts';
import { expandTrace, TraceExpander } from '../../traces/index.ts';
import { loadStrategy, loadData } from '../../host/index.ts';

const FIXTURE = wat(`(module
  (memory (export "memory") 1)
  (type $un (func (param i32) (result i32)))
  (table 2 funcref) (elem (i32.const 0) $twice $load)
  (func $twice (type $un) (i32.mul (local.get 0) (i32.const 2)))
  (func $load (type $un) (i32.load8_u offset=3 (local.get 0)))
  ${SUM_FUNC}
  (func (export "mix") (param $x i32) (result i32) (local $i i32)
    (i64.store offset=16 (i32.const 8) (i64.extend_i32_s (local.get $x)))
    (block $out (loop $l
      (br_if $out (i32.ge_u (local.get $i) (i32.const 5)))
      (i32.store16 (i32.shl (local.get $i) (i32.const 1)) (call_indirect (type $un) (local.get $i) (i32.rem_u (local.get $i) (i32.const 2))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (block $a (block $b (block $c
      (br_table $a $b $c (i32.and (local.get $x) (i32.const 3))))
      (return (i32.const 100)))
      (return (call $twice (i32.load offset=16 (i32.const 8)))))
    (if (result i32) (i32.lt_s (local.get $x) (i32.const 0)) (then (i32.const -1)) (else (i32.const 1)))))`);

/** The slow path's record as (offset, effective address) pairs, decoded by the slow path itself. */
function slowSequence(wasm: Uint8Array, words: number[]): [number, number | null][] {
  return slowEvents(wasm, words).map((e) => [e.offset, e.address]);
}

describe('expandTrace', () => {
  it('matches the slow path instruction for instruction (loops, br_table, call_indirect, loads, stores)', () => {
    const m = metered(FIXTURE);
    const map = staticMap(FIXTURE, m.meta);
    const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(FIXTURE) as BufferSource)).exports;
    for (const [fn, arg] of [['sum', 4], ['mix', 0], ['mix', 1], ['mix', 2], ['mix', -5], ['sum', 0]] as const) {
      (m.exports[fn] as Function)(arg);
      (slow[fn] as Function)(arg);
    }
    const fast = expandTrace(m.traceBytes(), map).map((r) => [r.offset, r.address]);
    const expected = slowSequence(FIXTURE, slowRecords(slow));
    expect(fast.length).toBeGreaterThan(200);
    expect(fast).toEqual(expected);
    expect(m.used()).toBe(BigInt(expected.length));
  });

  it('gives each instruction its opcode and operand-stack height', () => {
    const m = metered(FIXTURE);
    (m.exports.sum as Function)(1);
    const recs = expandTrace(m.traceBytes(), staticMap(FIXTURE, m.meta));
    expect(recs.map((r) => [r.opcode, r.stackHeight])).toEqual([
      [0x02, 0], [0x03, 0], // block, loop
      [0x20, 0], [0x45, 1], [0x0d, 1], // local.get n, i32.eqz, br_if (not taken)
      [0x20, 0], [0x20, 1], [0x6a, 2], [0x21, 1], // acc += n
      [0x20, 0], [0x41, 1], [0x6b, 2], [0x21, 1], // n -= 1
      [0x0c, 0], // br $l
      [0x20, 0], [0x45, 1], [0x0d, 1], // br_if taken
      [0x20, 0], [0x0b, 1], // local.get acc, end
    ]);
    expect(new Set(recs.map((r) => r.func)).size).toBe(1);
    expect(recs.map((r) => r.index)).toEqual(recs.map((_, i) => i));
  });

  it('expands a window [from, from + count) incrementally, across arbitrary byte splits', () => {
    const m = metered(FIXTURE);
    for (let k = 0; k < 20; k++) (m.exports.mix as Function)(k);
    const stream = m.traceBytes();
    const map = staticMap(FIXTURE, m.meta);
    const all = expandTrace(stream, map);
    const window: number[] = [];
    const ex = new TraceExpander(map, (r) => window.push(r.index * 1e6 + r.offset), 137, 137 + 250);
    for (let at = 0, step = 1; at < stream.length; at += step, step = (step % 13) + 1) ex.push(stream.subarray(at, at + step));
    expect(ex.complete).toBe(true);
    expect(ex.count).toBe(all.length);
    expect(window).toEqual(all.slice(137, 387).map((r) => r.index * 1e6 + r.offset));
  });

  it('passes state snapshots committed in the stream to onHostRecord', () => {
    const pieces: Uint8Array[] = [];
    const config = { ...DEFAULT_SANDBOX, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
    const probe = wat(`(module (memory (export "memory") 1) (global $n (mut i64) (i64.const 0))
      (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (global.set $n (i64.add (global.get $n) (i64.const 1))) (i32.store (i32.const 8) (i32.wrap_i64 (global.get $n)))))`);
    const guest = compileGuest(probe, config);
    const inst = new GuestInstance(guest, stubHost(), config);
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < 6; i++) {
      inst.onBar(BigInt(i), 1, 1, 1, 1, 1);
      if (i % 3 === 2) hashes.push(inst.snapshot(i));
    }
    inst.finish();
    const seen: number[][] = [];
    const ex = new TraceExpander(staticMap(probe, guest.meta!), () => {});
    ex.onHostRecord = (w) => seen.push([...w]);
    ex.push(new Uint8Array(Buffer.concat(pieces)));
    ex.end();
    expect(ex.complete).toBe(true);
    expect(ex.count).toBe(6 * 9); // 9 instructions per bar
    const hex = (words: number[]) => Buffer.from(new Uint32Array(words).buffer).toString('hex');
    expect(seen.map((w) => [w[0], w[1], hex(w.slice(3))])).toEqual(hashes.map((h, k) => [1, 2 + 3 * k, Buffer.from(h).toString('hex')]));
    // The hash covers memory and globals: memory byte 8 and $n both count bars.
    const mem = new Uint8Array(65536);
    mem[8] = 3;
    const g = Buffer.alloc(8);
    g.writeBigInt64LE(3n);
    expect(Buffer.from(hashes[0]!).toString('hex')).toBe(createHash('sha256').update(mem).update(g).digest('hex'));
  });

  it('rejects a stream that is not a trace of this module', () => {
    const m = metered(FIXTURE);
    const map = staticMap(FIXTURE, m.meta);
    expect(() => expandTrace(new Uint8Array([0xff, 0xff, 0, 0]), map)).toThrow(/not a region id/);
  });

  it('matches the slow path on the example strategy, compiled by asc', async () => {
    const s = await loadStrategy('strategies-as/sma-cross.ts');
    const data = (await loadData('data/GOOG.csv')).bars;
    const pieces: Uint8Array[] = [];
    const config = { ...DEFAULT_SANDBOX, onTrace: (b: Uint8Array) => void pieces.push(b.slice()) };
    const guest = compileGuest(s.wasm, config);
    const host = stubHost();
    const inst = new GuestInstance(guest, host, config);
    inst.init();
    const slowExports = new WebAssembly.Instance(new WebAssembly.Module(slowPath(s.wasm) as BufferSource), {
      backproof: { position: () => 0, cash: () => 1e4, equity: () => 1e4, order: () => {}, param: (_p: number, _l: number, f: number) => f, param_int: (_p: number, _l: number, f: number) => f, log: () => {}, symbol: () => 0, symbols: () => 1, position_of: () => 0, order_on: () => {}, submit: () => -1, bracket: () => -1, cancel: () => 0, modify: () => 0 },
      env: { abort: () => { throw new Error('abort'); }, seed: () => 0 },
    }).exports;
    (slowExports.init as Function)();
    for (let i = 0; i < 60; i++) {
      inst.onBar(data.time[i]!, data.open[i]!, data.high[i]!, data.low[i]!, data.close[i]!, data.volume[i]!);
      (slowExports.on_bar as Function)(data.time[i]!, data.open[i]!, data.high[i]!, data.low[i]!, data.close[i]!, data.volume[i]!);
    }
    const run = inst.finish();
    const map = staticMap(s.wasm, guest.meta!);
    const fast = expandTrace(new Uint8Array(Buffer.concat(pieces)), map).map((r) => [r.offset, r.address]);
    const expected = slowSequence(s.wasm, slowRecords(slowExports));
    expect(fast.length).toBe(expected.length);
    expect(fast).toEqual(expected);
    expect(run.instructions).toBe(BigInt(expected.length));
  });
});
