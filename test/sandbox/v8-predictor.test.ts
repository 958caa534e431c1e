// Version 8's address predictor (trace format 8, docs/TRACE.md "Format 8"): an address is predicted
// when its distance from the slot's last address is the stride before the last one, so a slot whose
// strides alternate — a store at p ^ 8 (8, 0, 24, 16, …), a function reading two arrays in turn, a
// ping-pong between two addresses — writes no address words once two accesses have set it up, where
// version 7 (format 6: predicted when the distance is the last stride) writes one every time. A
// constant stride costs 2 misses instead of 1, as does a lasting change of stride. The stream bytes
// are exact; the expansion is the same instruction by instruction under both.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { compileGuest, staticMap, GuestInstance, DEFAULT_SANDBOX, INSTRUMENTER_V7, INSTRUMENTER_V8, type SandboxConfig } from '../../host/sandbox/index.ts';
import { TraceExpander } from '../../traces/index.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';

/** A strategy whose on_bar runs `n` iterations, each one store at the address `address` computes from $i, then a br_if. */
function loop(address: string, n: number): Uint8Array {
  return wat(`(module (memory (export "memory") 1)
    (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $i i32)
      (loop $l
        (f64.store ${address} (f64.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const ${n}))))))`);
}

/** One bar under `instrumenter`: the stream's bytes, the instructions, and a hash of the records it expands to. */
function run(wasm: Uint8Array, instrumenter: string, over: Partial<SandboxConfig> = {}) {
  const pieces: Buffer[] = [];
  const config: SandboxConfig = { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, ...over, onTrace: (b) => void pieces.push(Buffer.from(b)) };
  const guest = compileGuest(wasm, config);
  const inst = new GuestInstance(guest, stubHost(), config);
  inst.onBar(1n, 1, 1, 1, 1, 1);
  const stats = inst.finish();
  const stream = Buffer.concat(pieces);
  const h = createHash('sha256');
  const addresses: number[] = [];
  const ex = new TraceExpander(staticMap(wasm, guest.meta!), (r) => {
    h.update(`${r.func}@${r.offset}:${r.opcode}/${r.stackHeight}=${r.address};`);
    if (r.address !== null) addresses.push(r.address);
  });
  ex.push(stream);
  ex.end();
  expect(ex.count).toBe(Number(stats.instructions));
  return { bytes: stream.length, instructions: stats.instructions, records: h.digest('hex'), addresses, format: guest.meta!.format, words: guest.meta!.predictorWords };
}

// 1,000 iterations: 2,000 bits (a predictor bit and the br_if's), in ⌈2000 / 31⌉ = 65 bit words; with
// the entry word, the empty keyframe table [0, 5, 0, 0] and the end record (5 words), 75 words
// besides the address words.
const N = 1000;
const OTHER_WORDS = 1 + 65 + 4 + 5;

describe('format 8: a period-2 address pattern writes no address words', () => {
  it('a store at p ^ 8 (8, 0, 24, 16, …: strides +8, −8, +24, −8, …): 3 address words under version 8, one per store under version 7', () => {
    const wasm = loop('(i32.xor (i32.shl (local.get $i) (i32.const 3)) (i32.const 8))', N);
    const v7 = run(wasm, INSTRUMENTER_V7), v8 = run(wasm, INSTRUMENTER_V8);
    expect([v7.format, v7.words, v8.format, v8.words]).toEqual([6, 2, 8, 3]);
    expect(v8.addresses.slice(0, 6)).toEqual([8, 0, 24, 16, 40, 32]);
    // Version 8 misses 8 (the slot starts at 0, 0, 0), 0 and 24; from 16 on the stride before the last is the next one.
    expect(v8.bytes).toBe(4 * (OTHER_WORDS + 3));
    expect(v7.bytes).toBe(4 * (OTHER_WORDS + N));
    expect([v8.instructions, v8.records]).toEqual([v7.instructions, v7.records]);
  });

  it('a ping-pong between two addresses (A, B, A, B, …): 3 address words under version 8, one per store under version 7', () => {
    const wasm = loop('(select (i32.const 4096) (i32.const 64) (i32.and (local.get $i) (i32.const 1)))', N);
    const v7 = run(wasm, INSTRUMENTER_V7), v8 = run(wasm, INSTRUMENTER_V8);
    expect(v8.addresses.slice(0, 4)).toEqual([64, 4096, 64, 4096]);
    // Misses 64, 4096 and 64 again (the strides from 0 are +64, +4032, −4032); from then on the stride before the last
    // (±4032) is the next one. Version 7's last stride never is.
    expect(v8.bytes).toBe(4 * (OTHER_WORDS + 3));
    expect(v7.bytes).toBe(4 * (OTHER_WORDS + N));
    expect([v8.instructions, v8.records]).toEqual([v7.instructions, v7.records]);
  });

  it('its cost: a constant stride misses twice (version 7: once), and so does a lasting change of stride', () => {
    // 8, 16, 24, …: version 8 misses 8 (0 before the last stride) and 16 (the stride before the last is 0 there).
    const constant = loop('(i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 3))', N);
    const c7 = run(constant, INSTRUMENTER_V7), c8 = run(constant, INSTRUMENTER_V8);
    expect([c7.bytes, c8.bytes]).toEqual([4 * (OTHER_WORDS + 1), 4 * (OTHER_WORDS + 2)]);
    expect(c8.records).toBe(c7.records);
    // 0, 8, …, 4000 (stride 8), then 4024, 4048, … (stride 24). The first address, 0, is a hit from (0, 0[, 0]) under
    // both; version 7 misses 8 and 4024, version 8 8, 16, 4024 and 4048.
    const changed = loop('(select (i32.shl (local.get $i) (i32.const 3)) (i32.sub (i32.mul (local.get $i) (i32.const 24)) (i32.const 8000)) (i32.lt_u (local.get $i) (i32.const 500)))', N);
    const s7 = run(changed, INSTRUMENTER_V7), s8 = run(changed, INSTRUMENTER_V8);
    expect(s8.addresses.slice(498, 503)).toEqual([3984, 3992, 4000, 4024, 4048]);
    expect([s7.bytes, s8.bytes]).toEqual([4 * (OTHER_WORDS + 2), 4 * (OTHER_WORDS + 4)]);
    expect(s8.records).toBe(s7.records);
  });

  it('the same over three bars with the trace memory flushed at every loop head (so a keyframe before every bar after the first)', () => {
    const wasm = loop('(i32.xor (i32.shl (local.get $i) (i32.const 3)) (i32.const 8))', 100);
    const bars = (instrumenter: string) => {
      const pieces: Buffer[] = [];
      const config: SandboxConfig = { ...DEFAULT_SANDBOX, hashing: 'inline', instrumenter, flushThreshold: 4, onTrace: (b) => void pieces.push(Buffer.from(b)) };
      const guest = compileGuest(wasm, config);
      const inst = new GuestInstance(guest, stubHost(), config);
      for (let t = 1n; t <= 3n; t++) inst.onBar(t, 1, 1, 1, 1, 1);
      inst.finish();
      const stream = Buffer.concat(pieces);
      const h = createHash('sha256');
      const ex = new TraceExpander(staticMap(wasm, guest.meta!), (r) => void h.update(`${r.index} ${r.func}@${r.offset}=${r.address};`));
      ex.push(stream);
      ex.end();
      return { records: h.digest('hex'), keyframes: ex.keyframes, stream };
    };
    const v7 = bars(INSTRUMENTER_V7), v8 = bars(INSTRUMENTER_V8);
    expect([v7.keyframes.length, v8.keyframes.length]).toEqual([2, 2]);
    expect(v8.keyframes.map((k) => k.count)).toEqual(v7.keyframes.map((k) => k.count));
    expect(v8.records).toBe(v7.records);
    // The keyframe before the second bar: its count, a bitmap marking the one predictor slot, and the slot as
    // (last, stride, stride before) = (784, −8, 24): the stores at 768, 792, 784 ended the first bar; then bar 2's entry word.
    const words = new Uint32Array(v8.stream.buffer, v8.stream.byteOffset, v8.stream.length / 4);
    const k = v8.keyframes[0]!;
    expect(Array.from(words.subarray(k.word, k.word + 9))).toEqual([0, 4, k.count, 0, 1, 784, (-8) >>> 0, 24, 1]);
  });
});
