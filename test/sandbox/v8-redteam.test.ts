// Red team of instrumenter version 8 (trace format 8: the period-2 address predictor, docs/TRACE.md
// "Format 8"). Address sequences chosen to stress the rule — A − L = S2 (mod 2^32): ping-pong, period
// 3 and 4, random, a new stride every access, strides across 2^32 and S2 = 2^31 in a 4 GiB memory,
// both ends of memory — in every control structure, trapping at any access and out of fuel at any
// budget, run on the product path and on the independent slow path (test/helpers/slowpath.ts): the
// stream must expand to the slow path's records, and every keyframe must hold what the rule, applied
// to the slow path's addresses, gives. Expansions from every keyframe equal the one from the start;
// the older ways of writing near V8's limits write the same stream; forged keyframes fail where they
// can be caught; a /8 run folder with keyframes goes through the audit tools. Under every runtime of the seam
// (test/helpers/runtimes EVERY_RUNTIME): every case under v8; under wasi and process the loops over hundreds of
// budgets or seeds run a fixed sample, its size in the test's name (casesOf: all of them with
// BACKPROOF_SUITE_ALL_RUNTIMES=1), with the same expectations, a trap under wasi too (the sandboxed process
// reports it before it ends: docs/ISOLATION-WASI.md, "Traps"); wasi refuses a 4 GiB memory when the session
// opens (runsAtV8Limits), as stated there. The cases near V8's limits (the 50,000-locals and 36,000-load
// functions) and the late-diverging runs diff reads run there too, checked against what the v8 suite's same case
// gave (which it checked against the slow path, or diff's answers): the stream, records, keyframes, count and stop,
// or the run's trace, result bytes and counts. The slow path, the instrumentation's shape and
// diff (which re-executes under v8 whatever the runtime) are not run again there but with BACKPROOF_SUITE_ALL_RUNTIMES=1.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileGuest, staticMap, DEFAULT_SANDBOX, INSTRUMENTER_V7, INSTRUMENTER_V8, type SandboxConfig, type GuestModule } from '../../host/sandbox/index.ts';
import { TraceExpander, toHex, type StaticMap } from '../../traces/index.ts';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData, type StrategyArtifact } from '../../host/index.ts';
import type { RunOutcome } from '../../host/run/execute.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { sandboxConfigFor } from '../../host/run/config.ts';
import { executeRunIsolated } from '../../host/run/worker.ts';
import { verifyRun } from '../../host/inspect/verify.ts';
import { diffRuns, replayRun } from '../../host/inspect/replay.ts';
import { proveInstruction, verifyProofBundle, type ProofBundle } from '../../host/inspect/prove.ts';
import { slowEvents, slowPath, slowRecords, slowText, type SlowEvent } from '../helpers/slowpath.ts';
import { stubHost } from '../helpers/host.ts';
import { wat } from '../helpers/wat.ts';
import { rng as generatorOf } from '../helpers/generate.ts';
import { Reader, Writer } from '../../host/sandbox/instrument/bytes.ts';
import { ALL_CASES_EVERYWHERE, EVERY_RUNTIME, casesOf, closedAfterEach, runsAtV8Limits } from '../helpers/runtimes.ts';
import { v8Runtime, type GuestRuntime } from '../../host/sandbox/index.ts';

// Every runtime of the seam (host/sandbox/runtimes) passes this suite as the in-process one does.
for (const runtime of EVERY_RUNTIME) describe(`runtime ${runtime.isolation}`, () => suite(closedAfterEach(runtime)));

/**
 * What the v8 suite's run of a case near V8's limits gave, by case (a fingerprint: see `fingerprint`); the
 * v8 suite runs first, and under wasi and process the same case is checked against it (see the head).
 */
const underV8 = new Map<string, string>();
/** The slow path's runs (no runtime changes them), by module and bars: made once for every runtime (`reference`). */
const references = new Map<string, { events: SlowEvent[]; trapped: boolean }>();
/** The modules near V8's limits compiled and mapped (neither depends on the runtime), by module and configuration: once for every runtime's suite (`nearLimitGuest`). */
const nearLimitGuests = new Map<string, { guest: GuestModule; map: StaticMap }>();

/** `wasm` compiled under `config` and its static map, made once for every runtime's suite: five modules near V8's limits, a few seconds each. */
function nearLimitGuest(wasm: Uint8Array, config: SandboxConfig): { guest: GuestModule; map: StaticMap } {
  const key = `${createHash('sha256').update(wasm).digest('hex')} ${JSON.stringify(config, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  let made = nearLimitGuests.get(key);
  if (!made) {
    const guest = compileGuest(wasm, config);
    made = { guest, map: staticMap(wasm, guest.meta!) };
    nearLimitGuests.set(key, made);
  }
  return made;
}

function suite(runtime: GuestRuntime): void {
/** Under wasi and process (but with BACKPROOF_SUITE_ALL_RUNTIMES=1) a case near V8's limits is checked against v8's run of it. */
const sampled = runtime.isolation !== 'v8' && !ALL_CASES_EVERYWHERE;
/** For such a case's name: how it runs here. */
const againstV8 = sampled ? ` (under ${runtime.isolation}: against v8's run of it)` : '';
/** Under wasi a 4 GiB memory is refused at open (runsAtV8Limits): checked, and true, in place of the case. */
const refused4GiB = (guest: GuestModule, config: SandboxConfig): boolean => {
  if (runsAtV8Limits(runtime) || config.maxMemoryPages < 65_536) return false;
  expect(() => runtime.open(guest, stubHost(), config)).toThrow(expect.objectContaining({
    code: 'RUNTIME_FAILED', message: '--isolation wasi: the sandboxed process ended before it served a frame (status 3: a WASI read or write failed)',
  }));
  return true;
};
/** One access site of a pattern module: a load or a store at `offset` from the addresses in `seq`, one an iteration. */
interface Site { kind: 'load' | 'store' | 'store0' | 'reuse'; offset: number; seq: number[] }

/** Little-endian bytes of u32 words as a WAT data string. */
function dataString(words: number[]): string {
  let s = '';
  for (const w of words) for (let b = 0; b < 4; b++) s += `\\${((w >>> (8 * b)) & 0xff).toString(16).padStart(2, '0')}`;
  return s;
}

/**
 * A strategy of `pages` memory pages whose on_bar(t) runs t iterations of a loop (the iteration
 * number a global, so bars go on where the last stopped); iteration i makes each site's access at
 * seq[i] (+ its static offset), reading the address from a table at `table`. A load adds the byte
 * it reads to a sum; a store writes back the byte there (memory keeps its bytes); store0 writes 0;
 * reuse stores the next byte there, its address the same local's as the load's before it in the
 * region, so it writes no address of its own (the load's word, its predictor slot).
 */
function patternModule(sites: Site[], pages: number, table: number, extra = { locals: 0, dead: false }): Uint8Array {
  const n = sites[0]!.seq.length;
  const data = sites.map((s, j) => `(data (i32.const ${table + 4 * n * j}) "${dataString(s.seq)}")`).join('\n');
  const body = sites.map((s, j) => {
    const a = `(local.set $a (i32.load offset=${table + 4 * n * j} (i32.shl (global.get $i) (i32.const 2))))`;
    if (s.kind === 'load') return `${a} (local.set $sum (i32.add (local.get $sum) (i32.load8_u offset=${s.offset} (local.get $a))))`;
    if (s.kind === 'store') return `${a} (i32.store8 offset=${s.offset} (local.get $a) (i32.load8_u offset=${s.offset} (i32.or (local.get $a) (i32.const 0))))`;
    if (s.kind === 'reuse') return `${a} (i32.store8 offset=${s.offset} (local.get $a) (i32.load8_u offset=${s.offset + 1} (local.get $a)))`;
    return `${a} (i32.store8 offset=${s.offset} (local.get $a) (i32.const 0))`;
  }).join('\n      ');
  return wat(`(module
    (memory (export "memory") ${pages})
    ${data}
    (global $i (mut i32) (i32.const 0))
    (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $n i32) (local $a i32) (local $sum i32) ${'(local i32)'.repeat(extra.locals)}
      (local.set $n (i32.wrap_i64 (local.get $t)))
      (block $done (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        ${body}
        (global.set $i (i32.add (global.get $i) (i32.const 1)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
      (i32.store offset=${table - 8} (i32.const 0) (local.get $sum)))${extra.dead ? '\n    (func $dead)' : ''})`);
}

/**
 * The module with its last function's body (empty) replaced by `return` and then `count` loads the
 * function never reaches: code no run executes, which the instrumenter copies as it is, but counts
 * among the module's loads and stores when it bounds the predictor globals (3 a slot in format 8).
 */
function withDeadLoads(wasm: Uint8Array, count: number): Uint8Array {
  const leb = (r: { at: number }): number => {
    let v = 0, shift = 0, b: number;
    do {
      b = wasm[r.at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  const out = new Writer(wasm.length + 6 * count + 64).bytes(wasm.subarray(0, 8));
  const r = { at: 8 };
  while (r.at < wasm.length) {
    const id = wasm[r.at++]!;
    const size = leb(r);
    const end = r.at + size;
    if (id !== 10) {
      out.u8(id).sized(new Writer().bytes(wasm.subarray(r.at, end)));
    } else {
      const n = leb(r);
      const code = new Writer(size + 6 * count + 16).u32(n);
      for (let i = 0; i < n; i++) {
        const len = leb(r);
        if (i < n - 1) code.sized(new Writer().bytes(wasm.subarray(r.at, r.at + len)));
        else {
          expect(Array.from(wasm.subarray(r.at, r.at + len))).toEqual([0, 0x0b]);
          const body = new Writer(6 * count + 8).u32(0).u8(0x0f);
          for (let k = 0; k < count; k++) body.u8(0x41).u8(0).u8(0x28).u8(2).u8(0).u8(0x1a); // i32.const 0; i32.load; drop
          code.sized(body.u8(0x0b));
        }
        r.at += len;
      }
      out.u8(10).sized(code);
    }
    r.at = end;
  }
  return out.toBytes();
}

/** Locals the first function body of `wasm` declares (its parameters not counted). */
function firstBodyLocals(wasm: Uint8Array): number {
  const r = new Reader(wasm, 8);
  for (;;) {
    const id = r.u8(), size = r.u32();
    if (id !== 10) {
      r.pos += size;
      continue;
    }
    r.u32(); // bodies
    r.u32(); // the first one's size
    let count = 0;
    for (let d = r.u32(); d > 0; d--, r.u8()) count += r.u32();
    return count;
  }
}

/** The slow path's events over `bars` (on_bar's t each), until one traps; kept for the next runtime's suite but for a run of millions. */
function reference(wasm: Uint8Array, bars: number[]): { events: SlowEvent[]; trapped: boolean } {
  const key = `${createHash('sha256').update(wasm).digest('hex')} ${bars.join(',')}`;
  const kept = references.get(key);
  if (kept) return kept;
  const ref = slowRun(wasm, bars);
  if (ref.events.length <= 200_000) references.set(key, ref);
  return ref;
}

function slowRun(wasm: Uint8Array, bars: number[]): { events: SlowEvent[]; trapped: boolean } {
  const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(wasm) as BufferSource)).exports;
  let trapped = false;
  for (const t of bars) {
    try {
      (slow.on_bar as Function)(BigInt(t), 0, 0, 0, 0, 0);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      trapped = true;
      break;
    }
  }
  return { events: slowEvents(wasm, slowRecords(slow)), trapped };
}

interface Traced { records: string[]; stream: Uint8Array; code: string | null; instructions: bigint; keyframes: readonly { word: number; count: number }[]; stop: unknown }

/** The product path: `guest` over `bars` until one throws; the whole stream, expanded from its start. */
function traced(guest: GuestModule, map: StaticMap, bars: number[], config: SandboxConfig, under: GuestRuntime = runtime): Traced {
  const pieces: Buffer[] = [];
  const inst = under.open(guest, stubHost(), { ...config, onTrace: (b) => void pieces.push(Buffer.from(b)) });
  let code: string | null = null;
  for (const t of bars) {
    try {
      inst.onBar(BigInt(t), 0, 0, 0, 0, 0);
    } catch (e) {
      code = (e as { code: string }).code;
      break;
    }
  }
  const { instructions } = inst.finish();
  inst.close?.();
  const stream = new Uint8Array(Buffer.concat(pieces));
  const records: string[] = [];
  const ex = new TraceExpander(map, (r) => void records.push(slowText(r)));
  ex.push(stream);
  ex.end();
  expect(ex.count).toBe(Number(instructions));
  return { records, stream, code, instructions, keyframes: ex.keyframes, stop: ex.stop };
}

/** A traced run's fingerprint: its stream, records, keyframes, count, code and stop, hashed. */
function fingerprint(t: Traced): string {
  const h = createHash('sha256').update(t.stream);
  for (const r of t.records) h.update(r).update('\n');
  return `${h.digest('hex')} ${JSON.stringify({ code: t.code, instructions: String(t.instructions), keyframes: t.keyframes, stop: t.stop })}`;
}

/**
 * A case near V8's limits: under v8 (and every runtime with BACKPROOF_SUITE_ALL_RUNTIMES=1) `full` checks it and
 * its fingerprint is kept; elsewhere the run here must have the fingerprint v8's run of it had (the v8 suite's,
 * or, when only this runtime's suite runs, one made now).
 */
function nearLimits(name: string, t: Traced, v8Run: () => Traced, full: () => void): void {
  if (sampled) return void expect(fingerprint(t), name).toBe(underV8.get(name) ?? fingerprint(v8Run()));
  full();
  if (runtime.isolation === 'v8') underV8.set(name, fingerprint(t));
}

const sandbox = (over: Partial<SandboxConfig> = {}): SandboxConfig => ({ ...DEFAULT_SANDBOX, fuelPerCallback: null, hashing: 'inline', instrumenter: INSTRUMENTER_V8, ...over });

/**
 * Format 8's predictor as docs/TRACE.md states it, applied to the slow path's addresses: each slot's
 * (L, S1, S2) after the first `count` events, laid out as a keyframe record. Slots are the map's
 * recorded accesses in region order; an access that reuses its region's earlier word updates none.
 */
function modelKeyframe(map: StaticMap, events: SlowEvent[], count: number): number[] {
  const slotAt = new Map<number, number>();
  const memOffsetAt = new Map<number, number>();
  let slots = 0;
  for (let r = 0; r < map.regionFirst.length; r++) {
    let inRegion = 0;
    for (let i = map.regionFirst[r]!; i < map.regionFirst[r]! + map.regionInstructions[r]!; i++) {
      if (map.memOffset[i]! < 0 || map.memSlot[i] !== inRegion) continue;
      inRegion++;
      slotAt.set(map.offset[i]!, slots++);
      memOffsetAt.set(map.offset[i]!, map.memOffset[i]!);
    }
  }
  const state = new Uint32Array(3 * slots);
  for (const e of events.slice(0, count)) {
    const k = slotAt.get(e.offset);
    if (k === undefined || e.address === null) continue;
    const a = (e.address - memOffsetAt.get(e.offset)!) >>> 0;
    const l = state[3 * k]!;
    state[3 * k + 2] = state[3 * k + 1]!;
    state[3 * k + 1] = (a - l) >>> 0;
    state[3 * k] = a;
  }
  const bitmap = new Array<number>(Math.ceil(slots / 32)).fill(0);
  const triples: number[] = [];
  for (let k = 0; k < slots; k++) {
    if ((state[3 * k]! | state[3 * k + 1]! | state[3 * k + 2]!) === 0) continue;
    bitmap[k >>> 5] = (bitmap[k >>> 5]! | (1 << (k & 31))) >>> 0;
    triples.push(state[3 * k]!, state[3 * k + 1]!, state[3 * k + 2]!);
  }
  return [0, 4, count % 2 ** 32, Math.floor(count / 2 ** 32), ...bitmap, ...triples];
}

const words = (s: Uint8Array): Uint32Array => new Uint32Array(s.buffer.slice(s.byteOffset, s.byteOffset + s.length));

/**
 * Checks a traced run against the slow path: the records, each keyframe's words against the
 * model, and an expansion from every keyframe against the one from the start. Returns the
 * keyframes' (L, S1, S2) kinds seen, for the caller to check the probe reached them.
 */
function checkRun(t: Traced, ref: { events: SlowEvent[] }, map: StaticMap, label: string): void {
  expect(t.records.length, `${label} count`).toBe(ref.events.length);
  expect(t.records, `${label} records`).toEqual(ref.events.map(slowText));
  const w = words(t.stream);
  for (const [index, k] of t.keyframes.entries()) {
    const model = modelKeyframe(map, ref.events, k.count);
    expect(Array.from(w.subarray(k.word, k.word + model.length)), `${label} keyframe ${index}`).toEqual(model);
    const records: string[] = [];
    const ex = new TraceExpander(map, (r) => void records.push(slowText(r)), 0, Number.MAX_SAFE_INTEGER, { keyframe: { word: k.word, index } });
    ex.push(t.stream.subarray(4 * k.word));
    ex.end();
    expect(records, `${label} from keyframe ${index}`).toEqual(t.records.slice(k.count));
  }
}

/** Seeded u32s: test/helpers/generate's generator, scaled back to its 32 bits. */
function rng(seed: number): () => number {
  const r = generatorOf(seed);
  return () => (r() * 2 ** 32) >>> 0;
}

const seqOf = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i) >>> 0);

const N = 64;
/** Bars of 1, 2, 3, … iterations (64 in all), so keyframes fall after every kind of access. */
const BARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9];

/** Patterns in one 64 KiB page: addresses near 0 and the memory's end, and strides that wrap (A − L negative). */
function onePagePatterns(): Site[] {
  const r = rng(11);
  const end = 65536;
  return [
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i & 1 ? 4096 : 64)) }, // ping-pong
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => [8, 800, 3000][i % 3]!) }, // period 3
    { kind: 'store', offset: 16, seq: seqOf(N, () => r() % 60000) }, // random
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i * (i + 1)) / 2) }, // a new stride every access
    { kind: 'load', offset: 3, seq: seqOf(N, (i) => (i & 1 ? 0 : end - 4)) }, // 0 and the last byte
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i << 3) ^ 8) }, // p ^ 8
    { kind: 'store', offset: 0, seq: seqOf(N, (i) => 60000 - 8 * i) }, // a negative constant stride
    { kind: 'load', offset: 0, seq: seqOf(N, () => 0) }, // always 0: the slot stays (0, 0, 0)
    { kind: 'load', offset: 5, seq: seqOf(N, (i) => [40, 0, 0][i % 3]!) }, // (0, 0, −40) and (0, −40, 0) between
    { kind: 'store0', offset: 0, seq: seqOf(N, (i) => 20000 + (i < 30 ? (i & 1) * 100 : 7 * i)) }, // ping-pong, then a stride
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => [0, 7, 7, 0][i % 4]!) }, // period 4 with repeats
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i % 5 === 4 ? 65535 : 100 * (i % 5))) }, // a stride, then a jump to the end
    { kind: 'reuse', offset: 2, seq: seqOf(N, (i) => (i & 1 ? 30000 : 40000 - 3 * i)) }, // ping-pong of a stride's and a constant's
  ];
}

/** Patterns over all 2^32 addresses (a 4 GiB memory): S2 = 0x80000000, wraps past 2^32, the last byte. */
function fullPatterns(): Site[] {
  const r = rng(12);
  return [
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i & 1 ? 0x80000000 : 0)) }, // ping-pong at S2 = 0x80000000
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i & 1 ? 0x10 : 0xfffffff0)) }, // strides ±0x20 across 2^32
    { kind: 'store', offset: 0, seq: seqOf(N, (i) => [0xffffff00, 0x100, 0x7fffff00][i % 3]!) }, // period 3 across 2^32
    { kind: 'load', offset: 0, seq: seqOf(N, () => r()) }, // random
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => i * 0x40000000) }, // a constant stride that wraps every 4
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => Math.imul(i * i, 0x01000193)) }, // a new stride every access, wrapping
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => (i & 1 ? 0xffffffff : 0x7fffffff)) }, // the last byte, S2 = 0x80000000
    { kind: 'store0', offset: 8, seq: seqOf(N, (i) => 0xfffffff0 - 0x80000000 * (i & 1)) }, // at 2^32 − 8 and 2^31 − 8
    { kind: 'load', offset: 0, seq: seqOf(N, (i) => [0x80000000, 0, 0][i % 3]!) }, // (0, 0, 0x80000000)
  ];
}

describe('format 8 expands to the slow path\'s records, keyframes are the predictor\'s state', () => {
  const runs = [
    ['one page', onePagePatterns(), 1, [5752, 29, ['0,0,S2', '0,S1,0', '0,S1,S2', 'L,0,S2', 'L,S1,0', 'L,S1,S1', 'L,S1,S2']]],
    ['4 GiB', fullPatterns(), 65536, [4112, 20, ['0,0,2^31', '0,S1,2^31', '0,S1,S1', 'L,S1,0', 'L,S1,2^31', 'L,S1,S1', 'L,S1,S2']]],
  ] as const;
  for (const [name, sites, pages, pinned] of runs) {
    it(`${name}: ping-pong, period 3 and 4, random, a new stride each access, wrapping strides, both memory ends; a keyframe before nearly every bar`, () => {
      const wasm = patternModule([...sites], pages, 16384);
      const config = sandbox({ flushThreshold: 16, maxMemoryPages: pages });
      const guest = compileGuest(wasm, config);
      if (refused4GiB(guest, config)) return;
      const map = staticMap(wasm, guest.meta!);
      const ref = reference(wasm, BARS);
      expect(ref.trapped).toBe(false);
      const t = traced(guest, map, BARS, config);
      expect([t.code, t.keyframes.length]).toEqual([null, BARS.length - 1]);
      checkRun(t, ref, map, name);
      // The keyframes hold every kind of slot state: (0, 0, x) and (0, x, 0) marked (not all 0), S1 = S2 and not, S2 = 0x80000000.
      const kinds = new Set<string>();
      const mapWords = Math.ceil(guest.meta!.predictorSlots / 32);
      for (const k of t.keyframes) {
        const m = modelKeyframe(map, ref.events, k.count);
        for (let j = 4 + mapWords; j < m.length; j += 3) kinds.add(`${m[j] ? 'L' : '0'},${m[j + 1] ? 'S1' : '0'},${m[j + 2] === 0x80000000 ? '2^31' : m[j + 2] === 0 ? '0' : m[j + 2] === m[j + 1] ? 'S1' : 'S2'}`);
      }
      expect([t.stream.length, guest.meta!.predictorSlots, [...kinds].sort()]).toEqual(pinned);
    });
  }
});

describe('format 8 when the run stops part-way', () => {
  it('a trap at an access at any iteration (one page: one byte past its end; 4 GiB: at 2^32): the records up to the trapping access, its address included', () => {
    for (const [pages, sites, site, bad, at] of [[1, onePagePatterns(), 4, 65533, 65536], [65536, fullPatterns(), 7, 0xfffffff8, 2 ** 32]] as const) {
      for (const k of [0, 1, 2, 3, 17, 40, 63]) {
        const changed = sites.map((s, j) => (j === site ? { ...s, seq: s.seq.map((a, i) => (i === k ? bad : a)) } : s));
        const wasm = patternModule(changed, pages, 16384);
        const config = sandbox({ flushThreshold: 16, maxMemoryPages: pages });
        const guest = compileGuest(wasm, config);
        if (refused4GiB(guest, config)) continue;
        const map = staticMap(wasm, guest.meta!);
        const ref = reference(wasm, BARS);
        const t = traced(guest, map, BARS, config);
        const label = `${pages} pages, iteration ${k}`;
        expect([ref.trapped, t.code, t.stop], label).toEqual([true, 'GUEST_TRAP', expect.objectContaining({ cause: 1 })]);
        expect(t.records.at(-1)!.endsWith(`@${at}`), label).toBe(true);
        checkRun(t, ref, map, label);
      }
    }
  });

  const budgets = casesOf(runtime, 576, 12);
  it(`out of fuel at every budget${budgets.label}: the records are the full run's prefix, as long as the count`, () => {
    const sites: Site[] = [
      { kind: 'load', offset: 0, seq: seqOf(12, (i) => (i & 1 ? 4096 : 64)) },
      { kind: 'store', offset: 2, seq: seqOf(12, (i) => [40, 0, 0][i % 3]!) },
      { kind: 'load', offset: 0, seq: seqOf(12, (i) => (i * (i + 1)) / 2) },
    ];
    const wasm = patternModule(sites, 1, 16384);
    const bars = [1, 2, 3, 4, 2];
    const ref = reference(wasm, bars);
    const expected = ref.events.map(slowText);
    expect(expected.length).toBe(576);
    const guest = compileGuest(wasm, sandbox({ flushThreshold: 16 }));
    const map = staticMap(wasm, guest.meta!);
    for (let fuel = 1n; fuel <= BigInt(expected.length); fuel++) {
      if (!budgets.has(Number(fuel) - 1)) continue;
      const t = traced(guest, map, bars, sandbox({ flushThreshold: 16, fuel }));
      expect(t.code, `fuel ${fuel}`).toBe(fuel < expected.length ? 'FUEL_EXHAUSTED' : null);
      expect(t.records, `fuel ${fuel}`).toEqual(expected.slice(0, t.records.length));
      checkRun(t, { events: ref.events.slice(0, t.records.length) }, map, `fuel ${fuel}`);
    }
  });
});

/**
 * Accesses in every control structure, addresses from a table of `seq` (read in turn by $next, itself
 * a slot of constant stride): one slot at several call depths ($rec, before and after its recursive
 * call), call_indirect to functions that load or store, br_table to blocks that access, a multi-value
 * block, memory.grow (so an address past the first page traps or not), memory.fill and memory.copy
 * at table addresses (out of bounds: a trap), and a store that can overwrite the table itself.
 */
function structuresModule(seq: number[]): Uint8Array {
  const TABLE = 0x8000;
  return wat(`(module
    (memory (export "memory") 1 3)
    (data (i32.const ${TABLE}) "${dataString(seq)}")
    (type $t (func (param i32) (result i32)))
    (table 4 funcref) (elem (i32.const 0) $fa $fb $fc)
    (global $i (mut i32) (i32.const 0))
    (func $next (result i32) (local $a i32)
      (local.set $a (i32.load offset=${TABLE} (i32.shl (global.get $i) (i32.const 2))))
      (global.set $i (i32.rem_u (i32.add (global.get $i) (i32.const 1)) (i32.const ${seq.length})))
      (local.get $a))
    (func $fa (type $t) (i32.load8_u (local.get 0)))
    (func $fb (type $t) (i32.store8 offset=1 (local.get 0) (i32.const 9)) (i32.const 1))
    (func $fc (type $t) (i32.add (i32.load16_u offset=2 (local.get 0)) (i32.load8_u (call $next))))
    (func $rec (param $d i32) (result i32) (local $x i32)
      (local.set $x (i32.load8_u (call $next)))
      (if (local.get $d) (then (local.set $x (i32.add (local.get $x) (call $rec (i32.sub (local.get $d) (i32.const 1)))))))
      (i32.add (local.get $x) (i32.load8_u offset=5 (call $next))))
    (func $mv (param $a i32) (result i32 i32)
      (block (result i32 i32) (i32.load8_u (local.get $a)) (i32.load8_u offset=7 (call $next))))
    (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $k i32) (local $s i32) (local $u i32) (local $v i32)
      (local.set $k (i32.wrap_i64 (local.get $t)))
      (loop $l
        (block $b3 (block $b2 (block $b1 (block $b0
          (br_table $b0 $b1 $b2 $b3 (i32.and (call $next) (i32.const 7))))
          (local.set $s (i32.add (local.get $s) (i32.load8_u offset=11 (call $next)))) (br $b3))
          (i32.store8 (call $next) (local.get $s)) (br $b3))
          (local.set $s (i32.add (local.get $s) (call_indirect (type $t) (call $next) (i32.rem_u (local.get $k) (i32.const 3))))))
        (local.set $s (i32.add (local.get $s) (call $rec (i32.and (local.get $k) (i32.const 3)))))
        (call $mv (call $next)) (local.set $u) (local.set $v)
        (local.set $s (i32.add (local.get $s) (i32.xor (local.get $u) (local.get $v))))
        (if (i32.eqz (i32.and (local.get $k) (i32.const 3))) (then (drop (memory.grow (i32.const 1)))))
        (if (i32.eq (i32.and (local.get $k) (i32.const 3)) (i32.const 1)) (then (memory.fill (call $next) (i32.const 3) (i32.const 24))))
        (if (i32.eq (i32.and (local.get $k) (i32.const 3)) (i32.const 2)) (then (memory.copy (call $next) (call $next) (i32.const 16))))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br_if $l (i32.gt_s (local.get $k) (i32.const 0))))
      (i32.store (i32.const 0x7ff0) (local.get $s))))`);
}

/** A table of addresses mixing period-2 and period-3 runs, strides, repeats, and addresses past the first page or the last. */
function structuresSeq(seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  while (out.length < 256) {
    const pick = r() % 100, kind = pick < 3 ? [4, 5, 7][pick]! : [0, 1, 2, 3, 6, 8][pick % 6]!, len = 2 + (r() % 9), base = r() % 60000, step = (r() % 64) - 32;
    for (let i = 0; i < len; i++) {
      if (kind === 0) out.push(i & 1 ? base : base + step);
      else if (kind === 1) out.push([base, base + 40, 1000][i % 3]!);
      else if (kind === 2) out.push((base + step * i) >>> 0);
      else if (kind === 3) out.push(base);
      else if (kind === 4) out.push(65530 + (r() % 12)); // the end of the first page, some bytes past it
      else if (kind === 5) out.push(65536 + (r() % 65536)); // the second page: valid once grown
      else if (kind === 6) out.push(r() % 40);
      else if (kind === 7) out.push(r() % 200000);
      else out.push(r() % 65000);
    }
  }
  return out.slice(0, 256);
}

describe('format 8 in every control structure', () => {
  const seeds = casesOf(runtime, 24, 6);
  it(`recursion, call_indirect, br_table, multi-value blocks, memory.grow, bulk operations: 24 seeds${seeds.label}, some trapping, keyframes before nearly every bar`, () => {
    let traps = 0, keyframes = 0, instructions = 0;
    for (let seed = 1; seed <= 24; seed++) {
      if (!seeds.has(seed - 1)) continue;
      const wasm = structuresModule(structuresSeq(seed));
      const config = sandbox({ flushThreshold: 16 });
      const guest = compileGuest(wasm, config);
      const map = staticMap(wasm, guest.meta!);
      const bars = [1, 3, 2, 7, 5, 16, 4, 9];
      const ref = reference(wasm, bars);
      const t = traced(guest, map, bars, config);
      expect(t.code, `seed ${seed}`).toBe(ref.trapped ? 'GUEST_TRAP' : null);
      checkRun(t, ref, map, `seed ${seed}`);
      traps += ref.trapped ? 1 : 0;
      keyframes += t.keyframes.length;
      instructions += t.records.length;
    }
    if (seeds.all) expect([traps, keyframes, instructions]).toEqual([8, 127, 179_992]);
    else expect(traps).toBe(seeds.all ? 8 : 2);
  });

  const budgets = casesOf(runtime, 110, 10);
  it(`stopped by fuel every 97 instructions${budgets.label} (in regions, at bulk charges): the full run's prefix, keyframes the predictor's state`, () => {
    const wasm = structuresModule(structuresSeq(2));
    const bars = [1, 3, 2, 7, 5, 16, 4, 9];
    const ref = reference(wasm, bars);
    const expected = ref.events.map(slowText);
    const guest = compileGuest(wasm, sandbox({ flushThreshold: 16 }));
    const map = staticMap(wasm, guest.meta!);
    const causes: Record<string, number> = {};
    for (let fuel = 1n; fuel < BigInt(expected.length); fuel += 97n) {
      if (!budgets.has(Number(fuel - 1n) / 97)) continue;
      const t = traced(guest, map, bars, sandbox({ flushThreshold: 16, fuel }));
      expect(t.code, `fuel ${fuel}`).toBe('FUEL_EXHAUSTED');
      expect(t.records, `fuel ${fuel}`).toEqual(expected.slice(0, t.records.length));
      checkRun(t, { events: ref.events.slice(0, t.records.length) }, map, `fuel ${fuel}`);
      const cause = String((t.stop as { cause?: number } | null)?.cause ?? 0);
      causes[cause] = (causes[cause] ?? 0) + 1;
    }
    expect(causes).toEqual(budgets.all ? { 0: 26, 2: 84 } : { 0: 3, 2: 7 }); // 2: memory.grow's charge of 8192 a page did not fit
  });
});

describe('format 8 hashed inline or on the hash worker, at any leaf size', () => {
  it('the same stream and, leaf size for leaf size, the same root', () => {
    const wasm = structuresModule(structuresSeq(2));
    const bars = [1, 3, 2, 7, 5, 16, 4, 9];
    const streams = new Set<string>();
    const roots: Record<number, Set<string>> = {};
    for (const chunkSize of [64, 4096, DEFAULT_SANDBOX.chunkSize]) {
      for (const hashing of ['inline', 'worker'] as const) {
        const pieces: Buffer[] = [];
        const config = sandbox({ flushThreshold: 64, chunkSize, hashing, onTrace: (b) => void pieces.push(Buffer.from(b)) });
        const inst = runtime.open(compileGuest(wasm, config), stubHost(), config);
        for (const t of bars) inst.onBar(BigInt(t), 0, 0, 0, 0, 0);
        const { trace } = inst.finish();
        streams.add(Buffer.concat(pieces).toString('base64'));
        (roots[chunkSize] ??= new Set()).add(`${toHex(trace!.root)} ${trace!.byteLength} ${trace!.leafHashes.length}`);
      }
    }
    expect(streams.size).toBe(1);
    const bytes = Buffer.from([...streams][0]!, 'base64').length;
    expect(Object.values(roots).map((r) => [r.size, Number([...r][0]!.split(' ')[1])])).toEqual([[1, bytes], [1, bytes], [1, bytes]]);
    expect(Object.entries(roots).map(([c, r]) => Number([...r][0]!.split(' ')[2]) === Math.ceil(bytes / Number(c)))).toEqual([true, true, true]);
  });
});

describe('format 8 near V8\'s limits: the same stream written the older ways', () => {
  it(`on_bar past 50,000 locals with the mirrors (written without them), predictors in the trace memory (333,334 loads in the module), or both: the same stream byte for byte, the same records and keyframes${againstV8}`, () => {
    const sites = onePagePatterns();
    const config = sandbox({ flushThreshold: 16 });
    const streams: string[] = [];
    const shapes: [number, number, boolean][] = [];
    const records: string[][] = [];
    for (const [locals, dead] of [[0, false], [49_982, false], [0, true], [49_982, true]] as const) {
      const live = patternModule([...sites], 1, 16384, { locals, dead });
      // The slow path cannot take the dead loads (recorded, they pass V8's function size): its reference is the module
      // without them, whose instructions sit `shift` bytes earlier (the code section's size takes more bytes).
      const wasm = dead ? withDeadLoads(live, 333_334) : live;
      const { guest, map } = nearLimitGuest(wasm, config);
      const t = traced(guest, map, BARS, config);
      const label = `locals ${locals} dead ${dead}`;
      nearLimits(`50,000 locals, ${label}`, t, () => traced(guest, map, BARS, config, v8Runtime), () => {
        const shift = map.offset[0]! - staticMap(live, compileGuest(live, config).meta!).offset[0]!;
        const ref = reference(live, BARS);
        const events = ref.events.map((e) => ({ ...e, offset: e.offset + shift }));
        checkRun(t, { events }, map, label);
        expect([t.keyframes.length, shift > 0]).toEqual([BARS.length - 1, dead]);
        // on_bar's declared locals once instrumented, less its own (3 and `locals`): 8 added, or 11 with the mirrors.
        shapes.push([firstBodyLocals(guest.wasm) - 3 - locals, guest.meta!.predictorWords * guest.meta!.predictorSlots, WebAssembly.Module.exports(guest.module).some((e) => e.name === '__bp_predictors')]);
      });
      streams.push(Buffer.from(t.stream).toString('base64'));
      records.push(t.records);
    }
    if (!sampled) expect(shapes).toEqual([[11, 87, true], [8, 87, true], [11, 87, false], [8, 87, false]]);
    expect(new Set(streams).size).toBe(1);
  });
});

/** A strategy whose on_bar (one i32 local) is `unit` (wasm bytes) repeated `count` times. */
function unitStrategy(unit: number[], count: number): Uint8Array {
  const section = (w: Writer, id: number, payload: Writer) => w.u8(id).sized(payload);
  const out = new Writer(64 + unit.length * count).bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  section(out, 1, new Writer().u32(1).u8(0x60).u32(6).u8(0x7e).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u32(0));
  section(out, 3, new Writer().u32(1).u32(0));
  section(out, 5, new Writer().u32(1).u8(0).u32(1));
  section(out, 7, new Writer().u32(2).name('on_bar').u8(0).u32(0).name('memory').u8(2).u32(0));
  const body = new Writer(8 + unit.length * count).u32(1).u32(1).u8(0x7f);
  const u = new Uint8Array(unit);
  for (let i = 0; i < count; i++) body.bytes(u);
  section(out, 10, new Writer().u32(1).sized(body.u8(0x0b)));
  return out.toBytes();
}

describe('format 8 past V8\'s function size with the mirrors', () => {
  it(`a function of 36,000 loads (a stride of 8 wrapping at 4 KiB) and branches, written without the mirrors: the slow path's records, keyframes the predictor's state${againstV8}`, () => {
    // local 6 = (local 6 + 8) & 0xff8; i32.load at it; drop; br_if 0 (never taken): ~218 bytes a unit with the mirrors, ~157 without.
    const UNIT = [0x20, 6, 0x41, 8, 0x6a, 0x41, 0xf8, 0x1f, 0x71, 0x22, 6, 0x28, 2, 0, 0x1a, 0x41, 0, 0x0d, 0];
    const config = sandbox({ flushThreshold: 4096 });
    const wasm = unitStrategy(UNIT, 36_000);
    const { guest, map } = nearLimitGuest(wasm, config);
    const t = traced(guest, map, [1, 2, 3], config);
    expect([t.records.length, t.keyframes.length, guest.meta!.predictorSlots, firstBodyLocals(guest.wasm)]).toEqual([3 * 360_001, 1, 36_000, 1 + 8]);
    nearLimits('36,000 loads', t, () => traced(guest, map, [1, 2, 3], config, v8Runtime), () => {
      expect(firstBodyLocals(compileGuest(unitStrategy(UNIT, 35_000), config).wasm)).toBe(1 + 11);
      checkRun(t, reference(wasm, [1, 2, 3]), map, '36,000 loads');
    });
  }, 60_000);
});

describe('forged format 8 keyframes', () => {
  let map: StaticMap, ref: { events: SlowEvent[] }, t: Traced, slots: number, mapWords: number;
  /** Each keyframe's slots as [slot, L, S1, S2, the word its L is at], marked ones only. */
  let listed: number[][][];
  beforeAll(() => {
    const wasm = patternModule(onePagePatterns(), 1, 16384);
    const config = sandbox({ flushThreshold: 16 });
    const guest = compileGuest(wasm, config);
    map = staticMap(wasm, guest.meta!);
    ref = reference(wasm, BARS);
    t = traced(guest, map, BARS, config);
    slots = guest.meta!.predictorSlots;
    mapWords = Math.ceil(slots / 32);
    const w = words(t.stream);
    listed = t.keyframes.map((k) => {
      const out: number[][] = [];
      let at = k.word + 4 + mapWords;
      for (let slot = 0; slot < slots; slot++) {
        if (((w[k.word + 4 + (slot >>> 5)]! >>> (slot & 31)) & 1) === 0) continue;
        out.push([slot, w[at]!, w[at + 1]!, w[at + 2]!, at]);
        at += 3;
      }
      return out;
    });
  });
  const expandFrom = (stream: Uint8Array, keyframe?: { word: number; index: number }): string[] => {
    const records: string[] = [];
    const ex = new TraceExpander(map, (r) => void records.push(slowText(r)), 0, Number.MAX_SAFE_INTEGER, keyframe ? { keyframe } : {});
    ex.push(keyframe ? stream.subarray(4 * keyframe.word) : stream);
    ex.end();
    return records;
  };
  const edited = (edit: (w: number[]) => void): Uint8Array => {
    const w = Array.from(words(t.stream));
    edit(w);
    return new Uint8Array(Uint32Array.from(w).buffer);
  };
  /** The first keyframe listing a slot whose state matches `want`, and that slot. */
  const find = (want: (l: number, s1: number, s2: number) => boolean): { index: number; slot: number[] } => {
    for (const [index, slotsListed] of listed.entries()) for (const s of slotsListed) if (want(s[1]!, s[2]!, s[3]!)) return { index, slot: s };
    throw new Error('no such keyframe');
  };

  it('a slot at (0, 0, x) or (0, x, 0) is marked; its S2 alone changed, or its mark taken away with its words, is BAD_TRACE from the start', () => {
    for (const want of [(l: number, s1: number, s2: number) => l === 0 && s1 === 0 && s2 !== 0, (l: number, s1: number, s2: number) => l === 0 && s1 !== 0 && s2 === 0]) {
      const { index, slot: [slot, l, s1, s2, at] } = find(want);
      const k = t.keyframes[index]!;
      const shown = (a: number, b: number, c: number) => `\\(${a}, ${b}, ${c}\\)`;
      const s2x = (s2! ^ 0x80000000) >>> 0;
      expect(() => expandFrom(edited((w) => void (w[at! + 2] = s2x)))).toThrow(new RegExp(`keyframe at word ${k.word}: predictor slot ${slot} is ${shown(l!, s1!, s2x)}; the trace gives ${shown(l!, s1!, s2!)}`));
      const unmarked = edited((w) => {
        w[k.word + 4 + (slot! >>> 5)] = (w[k.word + 4 + (slot! >>> 5)]! & ~(1 << (slot! & 31))) >>> 0;
        w.splice(at!, 3);
      });
      // The stream is 3 words shorter: the table's words after this keyframe move with it.
      expect(() => expandFrom(unmarked)).toThrow(new RegExp(`keyframe at word ${k.word}: predictor slot ${slot} is \\(0, 0, 0\\); the trace gives ${shown(l!, s1!, s2!)}`));
    }
  });

  it('a slot marked but (0, 0, 0) is BAD_TRACE, read from the start or from the keyframe', () => {
    const index = t.keyframes.findIndex((_, i) => listed[i]!.length < slots);
    const k = t.keyframes[index]!;
    const marked = new Set(listed[index]!.map((s) => s[0]!));
    const free = Array.from({ length: slots }, (_, i) => i).find((i) => !marked.has(i))!;
    const before = listed[index]!.filter((s) => s[0]! < free).length;
    const forged = edited((w) => {
      w[k.word + 4 + (free >>> 5)] = (w[k.word + 4 + (free >>> 5)]! | (1 << (free & 31))) >>> 0;
      w.splice(k.word + 4 + mapWords + 3 * before, 0, 0, 0, 0);
    });
    const message = new RegExp(`keyframe at word ${k.word}: predictor slot ${free} is marked but \\(0, 0, 0\\)`);
    expect(() => expandFrom(forged)).toThrow(message);
    expect(() => expandFrom(forged, { word: k.word, index })).toThrow(message);
  });

  it('an expansion from a forged keyframe is caught at the next keyframe; from the last, only the root (the stream from the start) catches it', () => {
    // The ping-pong's slot (64, 4096, …) after an access to 64: its next access, to 4096, is a hit predicted by S2.
    const pingPong = listed.map((l) => l.find((s) => s[0] === 1)!);
    const states = pingPong.map((s) => s.slice(1, 4));
    const mid = states.findIndex((s) => s[0] === 64 && s[2] === 4032), last = t.keyframes.length - 1;
    expect([mid, states[mid], states[last]]).toEqual([1, [64, (64 - 4096) >>> 0, 4032], [64, (64 - 4096) >>> 0, 4032]]);
    for (const index of [mid, last]) {
      const k = t.keyframes[index]!;
      const forged = edited((w) => void (w[pingPong[index]![4]! + 2] = 4040));
      expect(() => expandFrom(forged), `${index}`).toThrow(new RegExp(`keyframe at word ${k.word}: predictor slot 1 is \\(64, ${(64 - 4096) >>> 0}, 4040\\)`));
      if (index === mid) {
        const next = t.keyframes[index + 1]!;
        expect(() => expandFrom(forged, { word: k.word, index })).toThrow(new RegExp(`keyframe at word ${next.word}: predictor slot 1 is \\(\\d+, \\d+, \\d+\\); the trace gives`));
        continue;
      }
      // Every later access of the slot is a hit, each further off (8 more each period): a plausible expansion, which the root does not commit to.
      const honest = expandFrom(t.stream, { word: k.word, index }), shown = expandFrom(forged, { word: k.word, index });
      expect(honest).toEqual(t.records.slice(k.count));
      const pingPongAt = ref.events.find((e) => e.address === 4096)!.offset;
      const moved = shown.flatMap((r, i) => (r === honest[i] ? [] : [`${honest[i]} ${r}`]));
      expect(moved).toEqual(honest.filter((r) => r.startsWith(`${pingPongAt}@`)).map((r, i) => `${r} ${pingPongAt}@${Number(r.split('@')[1]) + 8 * ((i >> 1) + 1)}`));
      expect(moved.length).toBe(BARS.at(-1));
    }
  });
});

/** A keyframe record a guest can write as eight address words: [0, 4, n = 1000, 0, bitmap: slot 0, (L, S1, S2) = (8, 8, 8)]. */
const FAKE_KEYFRAME = [0, 4, 1000, 0, 1, 8, 8, 8];

/**
 * A strategy that writes ~1.3 KB of format 8 stream a bar (300 loads at pseudo-random addresses, 301
 * when the close's integer part is odd), so GOOG's 2,148 bars flush twice: two keyframes. On bar
 * 2,140 sixteen straight-line loads miss at FAKE_KEYFRAME's words twice: one copy, at least, in a
 * row of the stream (a bit word the 16 predictor bits fill is reserved between two words once at most).
 */
const noisyStrategy = (): Uint8Array => wat(`(module
  (memory (export "memory") 1)
  (data (i32.const 512) "${dataString(FAKE_KEYFRAME)}")
  (global $s (mut i32) (i32.const 12345))
  (global $bar (mut i32) (i32.const 0))
  (func (export "on_bar") (param $t i64) (param f64 f64 f64 f64 f64) (local $n i32) (local $j i32) ${[...FAKE_KEYFRAME, ...FAKE_KEYFRAME].map((_, j) => `(local $a${j} i32)`).join(' ')}
    (global.set $bar (i32.add (global.get $bar) (i32.const 1)))
    (loop $w
      (i32.store offset=256 (i32.shl (local.get $j) (i32.const 2))
        (if (result i32) (i32.eq (global.get $bar) (i32.const 2140))
          (then (i32.load offset=512 (i32.shl (local.get $j) (i32.const 2))))
          (else (i32.add (i32.const 0x400) (i32.add (i32.shl (i32.and (global.get $bar) (i32.const 1023)) (i32.const 3)) (i32.shl (local.get $j) (i32.const 2)))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $w (i32.lt_u (local.get $j) (i32.const 8))))
    ${[...FAKE_KEYFRAME, ...FAKE_KEYFRAME].map((_, j) => `(local.set $a${j} (i32.load offset=${256 + 4 * (j % 8)} (i32.const 0)))`).join(' ')}
    ${[...FAKE_KEYFRAME, ...FAKE_KEYFRAME].map((_, j) => `(drop (i32.load (local.get $a${j})))`).join(' ')}
    (local.set $n (i32.add (i32.const 300) (i32.and (i32.trunc_sat_f64_s (local.get 4)) (i32.const 1))))
    (loop $l
      (global.set $s (i32.add (i32.mul (global.get $s) (i32.const 1664525)) (i32.const 1013904223)))
      (drop (i32.load (i32.and (i32.shr_u (global.get $s) (i32.const 12)) (i32.const 0xfff8))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))))`);

describe('a version 8 run folder with keyframes under the audit tools', () => {
  let work: string, strategy: StrategyArtifact, goog: LoadedData, dir: string, instructions: number, bundle: ProofBundle;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'backproof-v8-redteam-'));
    await writeFile(path.join(work, 'noisy.wasm'), noisyStrategy());
    strategy = await loadStrategy(path.join(work, 'noisy.wasm'));
    goog = await loadData('data/GOOG.csv');
    dir = path.join(work, 'v8');
    const outcome = executeRun({ strategy, data: goog, config: DEFAULT_CONFIG, instrumenter: INSTRUMENTER_V8, isolation: runtime.isolation });
    await writeRunDir({ dir, force: false, outcome, strategy, config: DEFAULT_CONFIG, key: null });
    instructions = Number(outcome.instructions);
    expect([outcome.trace.byteLength, instructions]).toEqual([2_790_808, 12_985_564]);
    bundle = await proveInstruction({ dir, instruction: instructions - 10 });
  }, 60_000);

  it('verifies and replays; the same root on the main thread and a guest thread, at two chunk sizes', async () => {
    expect((await verifyRun({ dir })).toolchainDifferences).toEqual([]);
    expect((await replayRun({ dir, logLevel: 'silent' })).match).toBe(true);
    const roots: string[] = [];
    for (const chunkSize of [DEFAULT_CONFIG.chunkSize, 4096]) {
      const config = { ...DEFAULT_CONFIG, chunkSize };
      const here = executeRun({ strategy, data: goog, config, isolation: runtime.isolation });
      const there = await executeRunIsolated({ strategy, data: goog, config, logLevel: 'silent', isolation: runtime.isolation });
      expect([toHex(there.trace.root), there.trace.byteLength, there.trace.leafHashes.length]).toEqual([toHex(here.trace.root), 2_790_808, Math.ceil(2_790_808 / chunkSize)]);
      roots.push(toHex(here.trace.root));
    }
    expect(new Set(roots).size).toBe(2);
  }, 60_000);

  it('a proof near the end starts at the second keyframe; one naming the keyframe words the guest wrote, or a changed S2, fails', () => {
    const kf = bundle.claim.keyframe!;
    expect([kf, bundle.leaves.map((l) => l.index)]).toEqual([{ index: 1, word: 524_809 }, [32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42]]);
    expect(verifyProofBundle(bundle, null).steps).toEqual(['record', 'module', 'inclusion', 'keyframe', 'instruction']);
    // The guest's eight words, in a row of the stream after that keyframe: a keyframe record as the expander reads one.
    const data = Buffer.concat(bundle.leaves.map((l) => Buffer.from(l.data, 'base64')));
    const w = new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2);
    const at = w.findIndex((_, i) => FAKE_KEYFRAME.every((x, j) => w[i + j] === x));
    const fake = (32 * bundle.chunkSize) / 4 + at;
    expect(fake).toBe(694_708);
    const fails = (b: ProofBundle, message: RegExp) => expect(() => verifyProofBundle(b, null)).toThrow(message);
    const fromFake = bundle.leaves.filter((l) => l.index >= Math.floor((4 * fake) / bundle.chunkSize));
    fails({ ...bundle, claim: { ...bundle.claim, keyframe: { index: 1, word: fake } }, leaves: fromFake }, /the keyframe table's entry 1 is stream word 524809, not 694708/);
    fails({ ...bundle, claim: { ...bundle.claim, keyframe: { index: 2, word: fake } }, leaves: fromFake }, /the keyframe table lists 2 keyframes; the claim names keyframe 2/);
    // The keyframe's first slot's S2 (the bitmap is one word: its 3 words after it), changed in its leaf.
    const leaf = Buffer.from(bundle.leaves[0]!.data, 'base64');
    const s2 = 4 * (kf.word + 4 + 1 + 2) - 32 * bundle.chunkSize;
    leaf.writeUInt32LE(leaf.readUInt32LE(s2) ^ 8, s2);
    fails({ ...bundle, leaves: bundle.leaves.map((l, i) => (i === 0 ? { ...l, data: leaf.toString('base64') } : l)) }, /leaf 32 is not included in the recorded trace root/);
  });

  it('proofs at the instruction a keyframe holds the count of, and the one before it: each from its own keyframe, and both verify', async () => {
    // The second keyframe's count, read by expanding from it (the bundle's leaves hold it).
    const guest = compileGuest(noisyStrategy(), { ...sandboxConfigFor(DEFAULT_CONFIG), instrumenter: INSTRUMENTER_V8 });
    const kf = bundle.claim.keyframe!;
    const ex = new TraceExpander(staticMap(noisyStrategy(), guest.meta!), () => {}, 0, 0, { keyframe: kf });
    ex.push(Buffer.concat(bundle.leaves.map((l) => Buffer.from(l.data, 'base64'))).subarray(4 * kf.word - 32 * bundle.chunkSize));
    const count = ex.keyframes[0]!.count;
    expect(count).toBe(9_769_509);
    for (const [n, index] of [[count, 1], [count - 1, 0]] as const) {
      const b = await proveInstruction({ dir, instruction: n });
      expect(b.claim.keyframe!.index, `instruction ${n}`).toBe(index);
      expect(verifyProofBundle(b, null), `instruction ${n}`).toMatchObject({ instruction: n, steps: ['record', 'module', 'inclusion', 'keyframe', 'instruction'] });
    }
  }, 60_000);

  // Found here: diff used to compare the two runs' streams word by word, and a /7 run (format 6) and a /8 run (format 8)
  // differ from their first address word whatever they ran, so it reported "the 1036373 instructions compared from
  // instruction 0 agree" and no divergence. Runs in two formats are now compared instruction by instruction.
  it(`diff between a /7 and a /8 run that diverge late (bar 2,100 on) names the instruction diff between two /8 runs names; on the same data, every instruction agrees${sampled ? ` (under ${runtime.isolation}: the runs it reads are v8's)` : ''}`, async () => {
    const rows = (await readFile('data/GOOG.csv', 'utf8')).trim().split('\n');
    for (let i = 2101; i < rows.length; i++) {
      const r = rows[i]!.split(',');
      r[4] = String(Number(r[4]) + 1); // the close's integer part: on_bar's loop runs once more or once less
      r[2] = String(Math.max(Number(r[2]), Number(r[4])));
      rows[i] = r.join(',');
    }
    await writeFile(path.join(work, 'late.csv'), rows.join('\n') + '\n');
    const late = await loadData(path.join(work, 'late.csv'));
    /**
     * What a run made of the runtime's doing: its trace (root and size), result bytes and counts (its record names
     * the files, which are this suite's own). diff re-executes the runs under v8 whatever the runtime.
     */
    const print = (o: RunOutcome) => [toHex(o.trace.root), o.trace.byteLength, createHash('sha256').update(o.resultBytes).digest('hex'), o.instructions, o.fuelUsed].join(' ');
    const runs = [['v8-late', INSTRUMENTER_V8, late], ['v7', INSTRUMENTER_V7, goog], ['v8-goog', INSTRUMENTER_V8, goog]] as const;
    if (sampled) {
      // The runs are v8's (trace, result and counts), so diff's answers on them are the v8 suite's.
      for (const [name, instrumenter, data] of runs) {
        const run = (isolation: GuestRuntime['isolation']) => executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter, isolation });
        expect(print(run(runtime.isolation)), name).toBe(underV8.get(`diff ${name}`) ?? print(run('v8')));
      }
      return;
    }
    const folder = async (name: string, instrumenter: string, data: LoadedData): Promise<string> => {
      const d = path.join(work, name);
      const outcome = executeRun({ strategy, data, config: DEFAULT_CONFIG, instrumenter, isolation: runtime.isolation });
      if (runtime.isolation === 'v8') underV8.set(`diff ${name}`, print(outcome));
      await writeRunDir({ dir: d, force: false, outcome, strategy, config: DEFAULT_CONFIG, key: null });
      return d;
    };
    const v8late = await folder('v8-late', INSTRUMENTER_V8, late), v7 = await folder('v7', INSTRUMENTER_V7, goog);
    const same = await diffRuns(dir, v8late);
    expect(same.divergence!.instruction).toBeGreaterThan(12_000_000);
    const across = await diffRuns(v7, v8late);
    expect([across.same, across.divergence!.instruction]).toEqual([false, same.divergence!.instruction]);
    expect(across.notes).toContain('the two runs were recorded under backproof-instrument/7 and backproof-instrument/8: if their trace formats differ, they are compared instruction by instruction');
    const v8 = await folder('v8-goog', INSTRUMENTER_V8, goog);
    const agree = await diffRuns(v7, v8);
    const instructions = String(executeRun({ strategy, data: goog, config: DEFAULT_CONFIG, isolation: runtime.isolation }).instructions);
    expect([agree.same, agree.divergence!.instruction, agree.divergence!.left.note]).toEqual([false, null, `the two traces are written differently, backproof-instrument/7 (trace format 6, 65536-byte leaves) against backproof-instrument/8 (trace format 8, 65536-byte leaves), so they are compared instruction by instruction: all ${instructions} instructions agree (the roots differ by how the traces are written)`]);
  }, 60_000);
});
}
