// Conformance: original and instrumented modules compute the same results, trap at the same
// points and leave the same memory; the expanded trace equals the independent slow path's record
// (test/helpers/slowpath.ts: its own decoder, nothing shared with the instrumenter) and fuel equals
// its instruction count plus the bulk charges of docs/TRACE.md — on calls that complete, that trap
// (the trace ends at the trapping instruction) and that run out of fuel (the trace is a prefix of
// the full run's, as long as the count of instructions executed). Over generated modules and the
// example strategies built with asc at -O0 and -O3 under each AssemblyScript runtime, in every runtime of the seam
// (test/helpers/runtimes EVERY_RUNTIME): every case under v8; under wasi and process (each module a Wasmer
// process or a child process) a fixed sample, its size in the test's name (casesOf: every case with
// BACKPROOF_SUITE_ALL_RUNTIMES=1), with the same expectations (under wasi the sandboxed process reports a trap before it ends).
import { describe, expect, it } from 'vitest';
import { wat } from '../helpers/wat.ts';
import { slowEvents, slowPath, slowRecords, slowText, type SlowEvent } from '../helpers/slowpath.ts';
import { generatedStrategyWat, GENERATED_RESULT_AT } from '../helpers/generate.ts';
import { staticMap, compileGuest, DEFAULT_SANDBOX as BASE_SANDBOX, INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, type GuestModule, type SandboxConfig } from '../../host/sandbox/index.ts';
import { stubHost } from '../helpers/host.ts';
import { TraceExpander, type StaticMap, type InstructionRecord } from '../../traces/index.ts';
import { buildStrategy } from '../../host/build/asc.ts';
import { loadData } from '../../host/index.ts';
import { EVERY_RUNTIME, casesOf, closedAfterEach } from '../helpers/runtimes.ts';
import type { GuestRuntime, GuestSession } from '../../host/sandbox/index.ts';
import { createHash } from 'node:crypto';

// Every runtime of the seam (host/sandbox/runtimes) passes this suite as the in-process one does.
for (const runtime of EVERY_RUNTIME) describe(`runtime ${runtime.isolation}`, () => suite(closedAfterEach(runtime)));

// The generated modules, made once for every format and runtime: asc sets binaryen's global options when the
// example strategies are built, and \`wat\` assembles through binaryen, so a module made after that
// could differ from the one the counts below were pinned on.
const generated = new Map<number, Uint8Array>();
/** The example strategies built by asc, once for every format and runtime (by entry and asc arguments). */
const builds = new Map<string, ReturnType<typeof buildStrategy>>();
/**
 * The references (the original module and the slow path, which no format or runtime changes), run once for
 * every format and runtime: a generated module's calls by seed and loop, an example's records by build.
 */
const references = new Map<number, ReferenceCall[]>();
const budgetReferences = new Map<number, SlowEvent[]>();
const exampleReferences = new Map<string, { expected: string[]; full: bigint }>();

/** One call of a generated module on the original and the slow path (Reference.call), kept. */
interface ReferenceCall {
  outcome: { value?: number; trap?: string; code?: string };
  slowOutcome: { value?: number; trap?: string; code?: string };
  /** The slow path's events, as the tests compare them (slowText). */
  texts: string[];
  /** Their fuel (fuelOf). */
  fuel: bigint;
  /** The original's memory after the call: its SHA-256. */
  memory: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function suite(runtime: GuestRuntime): void {

// Every check runs on every trace format: 4 (region ids), 5 (branch bits, predicted addresses) and 6
// (5 with keyframes: flushing every 1 KiB, so that nearly every call starts with one), under
// instrumenter version 7 (format 6's stream, its fuel check branching out of the function) and
// version 8 (format 8: its period-2 address predictor, keyframes of three words a slot).
const FORMATS: [string, number | undefined][] = [[INSTRUMENTER_V4, undefined], [INSTRUMENTER_V5, undefined], [INSTRUMENTER_V6, 1024], [INSTRUMENTER_V7, 1024], [INSTRUMENTER_V8, 1024]];
for (const [format, [instrumenter, flushThreshold]] of FORMATS.entries()) describe(`${instrumenter}${flushThreshold ? `, flushed every ${flushThreshold} bytes` : ''}`, () => {
const DEFAULT_SANDBOX: SandboxConfig = { ...BASE_SANDBOX, instrumenter, flushThreshold };
conformance(DEFAULT_SANDBOX, format);
});

function conformance(DEFAULT_SANDBOX: SandboxConfig, format: number): void {
const RESULT_AT = GENERATED_RESULT_AT;
/** A generated module made a strategy: on_bar(t, o, …) stores run(i32(t), i32(o)) at RESULT_AT. */
function generatedStrategy(seed: number): Uint8Array {
  const made = generated.get(seed);
  if (made) return made;
  const bytes = wat(generatedStrategyWat(seed));
  generated.set(seed, bytes);
  return bytes;
}

type Outcome = { value?: number; trap?: string; code?: string };
const fuelOf = (events: readonly SlowEvent[]) => events.reduce((n, e) => n + 1n + (e.bulk ?? 0n), 0n);

/** The product path: a GuestSession whose trace is expanded as it is flushed. */
class Traced {
  readonly inst: GuestSession;
  readonly records: string[] = [];
  readonly ex: TraceExpander;
  constructor(guest: GuestModule, map: StaticMap, config: Partial<SandboxConfig>) {
    const cfg = { ...DEFAULT_SANDBOX, fuelPerCallback: null, hashing: 'inline' as const, ...config, onTrace: (b: Uint8Array) => this.ex.push(b) };
    this.ex = new TraceExpander(map, (r: InstructionRecord) => void this.records.push(slowText(r)));
    this.inst = runtime.open(guest, stubHost(), cfg);
  }
  call(x: number, y: number): Outcome {
    try {
      this.inst.onBar(BigInt(x), y, 0, 0, 0, 0);
      this.inst.snapshot(0); // flushes the trace memory
      return { value: new DataView(this.inst.memoryBytes().buffer).getInt32(RESULT_AT, true) };
    } catch (e) {
      this.inst.finish(); // flushes what the trace memory still holds
      this.ex.end();
      const code = (e as { code?: string }).code;
      if (code === 'GUEST_TRAP') return { trap: ((e as Error).cause as Error).message, code };
      return { code };
    }
  }
}

/** The original module, uninstrumented, and the slow path, run side by side from a fresh state. */
class Reference {
  readonly original: WebAssembly.Exports;
  readonly slow: WebAssembly.Exports;
  private readonly wasm: Uint8Array;
  constructor(wasm: Uint8Array) {
    this.wasm = wasm;
    this.original = new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource)).exports;
    this.slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(wasm) as BufferSource)).exports;
  }
  /** One call on both; its slow-path events. */
  call(x: number, y: number): { outcome: Outcome; slowOutcome: Outcome; events: SlowEvent[]; memory: Uint8Array } {
    const before = slowRecords(this.slow).length;
    const run = (ex: WebAssembly.Exports): Outcome => {
      try {
        (ex.on_bar as Function)(BigInt(x), y, 0, 0, 0, 0);
        return { value: new DataView((ex.memory as WebAssembly.Memory).buffer).getInt32(RESULT_AT, true) };
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) return { trap: e.message, code: 'GUEST_TRAP' };
        throw e;
      }
    };
    const outcome = run(this.original);
    const slowOutcome = run(this.slow);
    const events = slowEvents(this.wasm, slowRecords(this.slow).slice(before));
    return { outcome, slowOutcome, events, memory: new Uint8Array((this.original.memory as WebAssembly.Memory).buffer) };
  }
}

describe('generated modules', () => {
  const SEEDS = 150;
  // Every seed outside v8 (BACKPROOF_SUITE_ALL_RUNTIMES=1) is a Wasmer process or child process a call:
  // ~30-75 s a loop under wasi on the shared machine, past vitest's 60 s default.
  const GENERATED_TIMEOUT_MS = 600_000;
  const ARGS = [[3, 3], [-7, 11], [0, 0], [1000, -2]] as const;
  // Seeds 1, 31, 61, 91 and 121, and 46 (out of fuel at a bulk charge), outside v8.
  const seeds = casesOf(runtime, SEEDS, 5, { always: [45] });
  /** Reference.call over ARGS for `seed`, a fresh Reference after a trap (as the product side starts again). */
  function referenceCalls(bytes: Uint8Array, seed: number): ReferenceCall[] {
    let ref = new Reference(bytes);
    return ARGS.map(([a, b]) => {
      const { outcome, slowOutcome, events, memory } = ref.call(a * seed, b);
      if (outcome.trap) ref = new Reference(bytes);
      return { outcome, slowOutcome, texts: events.map(slowText), fuel: fuelOf(events), memory: sha256(memory) };
    });
  }

  it(`${SEEDS} random modules${seeds.label}: same results, traps and memory; fuel and trace match the slow path, trapped calls included`, () => {
    let traps = 0;
    let instructions = 0n;
    for (let seed = 1; seed <= SEEDS; seed++) {
      if (!seeds.has(seed - 1)) continue;
      const bytes = generatedStrategy(seed);
      const guest = compileGuest(bytes, { ...DEFAULT_SANDBOX, fuelPerCallback: null });
      const map = staticMap(bytes, guest.meta!);
      // The reference's calls (a fresh one after a trap: they depend on the seed alone), made once.
      const calls = references.get(seed) ?? referenceCalls(bytes, seed);
      references.set(seed, calls);
      let m = new Traced(guest, map, {});
      for (const [i, [a, b]] of ARGS.entries()) {
        const [x, y] = [a * seed, b];
        const before = m.records.length;
        const used = m.inst.fuelUsed();
        const executed = m.inst.instructions();
        const { outcome, slowOutcome, texts, fuel, memory } = calls[i]!;
        const om = m.call(x, y);
        const label = `seed ${seed} (${x}, ${y})`;
        expect(slowOutcome, `${label} slow path`).toEqual(outcome);
        instructions += BigInt(texts.length);
        expect(om, label).toEqual(outcome);
        // The trace, up to and including a trapping instruction, and the fuel: exact.
        expect(m.records.slice(before), `${label} trace`).toEqual(texts);
        expect(m.inst.instructions() - executed, `${label} instructions`).toBe(BigInt(texts.length));
        expect(m.inst.fuelUsed() - used, `${label} fuel`).toBe(fuel);
        if (outcome.trap) {
          traps++;
          expect(m.ex.complete, `${label} complete`).toBe(false);
          expect(m.ex.stop, label).toMatchObject({ cause: 1 });
          // A trapped instance is finished: both sides start again from a fresh state.
          m.inst.close?.();
          m = new Traced(guest, map, {});
          continue;
        }
        if (DEFAULT_SANDBOX.instrumenter === INSTRUMENTER_V4) expect(m.ex.complete, `${label} complete`).toBe(true);
        const memM = m.inst.memoryBytes();
        expect(sha256(memM), `${label} memory`).toBe(memory);
      }
      m.inst.close?.();
    }
    expect([traps, instructions]).toEqual(seeds.all ? [103, 74_510n] : [3, 1386n]);
    // Format 5 knows a stream is complete at its end record: one run to its end.
    const bytes = generatedStrategy(1);
    const guest = compileGuest(bytes, { ...DEFAULT_SANDBOX, fuelPerCallback: null });
    const m = new Traced(guest, staticMap(bytes, guest.meta!), {});
    expect(m.call(3, 3).value).toBeTypeOf('number');
    m.inst.finish();
    m.ex.end();
    expect(m.ex.complete).toBe(true); // the corpus does exercise traps (the generator is seeded: exact)
  }, GENERATED_TIMEOUT_MS);

  it(`${SEEDS} random modules${seeds.label} under budgets that stop them: the trace is a prefix of the full run, the count exact`, () => {
    let stops = 0, bulkStops = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      if (!seeds.has(seed - 1)) continue;
      const bytes = generatedStrategy(seed);
      const guest = compileGuest(bytes, { ...DEFAULT_SANDBOX, fuelPerCallback: null });
      const map = staticMap(bytes, guest.meta!);
      const [x, y] = [3 * seed, 3];
      const events = budgetReferences.get(seed) ?? new Reference(bytes).call(x, y).events;
      budgetReferences.set(seed, events);
      const full = fuelOf(events);
      for (const budget of [1n, full / 4n, full / 2n, (full * 3n) / 4n, full - 1n, full]) {
        const m = new Traced(guest, map, { fuel: budget });
        try {
          const out = m.call(x, y);
          const label = `seed ${seed} budget ${budget} of ${full}`;
          const n = m.records.length;
          expect(m.records, label).toEqual(events.slice(0, n).map(slowText));
          expect(m.inst.instructions(), label).toBe(BigInt(n));
          const paid = fuelOf(events.slice(0, n)) - (m.ex.stop?.cause === 2 ? events[n - 1]!.bulk! : 0n);
          expect(m.inst.fuelUsed(), label).toBe(paid);
          expect(paid <= budget, label).toBe(true);
          if (out.code !== 'FUEL_EXHAUSTED') continue;
          stops++;
          if (m.ex.stop) {
            // Out of fuel inside a region: at a bulk operation whose charge did not fit.
            bulkStops++;
            expect(m.ex.stop.cause, label).toBe(2);
            // A region is charged in full when it starts: what did not fit is its rest plus the size charge.
            const rest = BigInt(map.regionInstructions[m.ex.stop.region - 1]! - m.ex.stop.ran);
            expect(paid + rest + events[n - 1]!.bulk! > budget, label).toBe(true);
          } else expect(m.ex.complete, label).toBe(true);
        } finally {
          m.inst.close?.();
        }
      }
    }
    // memory.fill charges that did not fit among the stops
    expect([stops, bulkStops]).toEqual(seeds.all ? [768, 12] : [31, 2]);
  }, GENERATED_TIMEOUT_MS);
});

describe('example strategies under each asc configuration', () => {
  const configs = ['-O0', '-O3'].flatMap((o) => ['stub', 'minimal', 'incremental'].map((rt) => [o, rt] as const));
  const BARS = 300;
  /** The slow path over init and `BARS` bars of `wasm`: its records as the tests compare them, and their fuel. */
  function exampleReference(wasm: Uint8Array, bars: Awaited<ReturnType<typeof loadData>>['bars']): { expected: string[]; full: bigint } {
    let slowPosition = 0;
    const slow = new WebAssembly.Instance(new WebAssembly.Module(slowPath(wasm) as BufferSource), {
      backproof: { position: () => slowPosition, cash: () => 1e4, equity: () => 1e4, order: (k: number) => { slowPosition = k === 1 ? 1 : k === 2 ? -1 : 0; }, param: (_p: number, _l: number, f: number) => f, param_int: (_p: number, _l: number, f: number) => f, log: () => {}, symbol: () => 0, symbols: () => 1, position_of: () => 0, order_on: () => {}, submit: () => -1, bracket: () => -1, cancel: () => 0, modify: () => 0 },
      env: { abort: () => { throw new Error('abort'); }, seed: () => 0 },
    }).exports;
    (slow.init as Function)();
    for (let i = 0; i < BARS; i++) (slow.on_bar as Function)(bars.time[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
    const events = slowEvents(wasm, slowRecords(slow));
    return { expected: events.map(slowText), full: fuelOf(events) };
  }
  for (const [e, entry] of ['strategies-as/sma-cross.ts', 'strategies-as/ema-cross.ts'].entries()) {
    // Outside v8 one configuration a format, another for each entry: over the five formats, all six.
    const chosen = casesOf(runtime, configs.length, 1, { offset: format + 3 * e });
    it(`${entry} at ${configs.filter((_, i) => chosen.has(i)).map((c) => c.join('/')).join(', ')}, also stopped by fuel${chosen.label}`, async () => {
      const bars = (await loadData('data/GOOG.csv')).bars;
      for (const [opt, ascRuntime] of configs.filter((_, i) => chosen.has(i))) {
        const args = ['--runtime', ascRuntime, opt === '-O0' ? '-O0' : '-O3', '--exportStart', 'init', '--debug', '--noColors'];
        const key = `${entry} ${args.join(' ')}`;
        if (!builds.has(key)) builds.set(key, buildStrategy(entry, args));
        const built = await builds.get(key)!;
        const label = `${entry} ${opt} ${ascRuntime}`;
        // The reference: the slow path over init and the bars (once a build, for every format and runtime).
        const { expected, full } = exampleReferences.get(key) ?? exampleReference(built.wasm, bars);
        exampleReferences.set(key, { expected, full });
        const orders: Record<string, number[]> = {};
        const memories: Record<string, Uint8Array> = {};
        // Uninstrumented, traced with room to finish, and traced on budgets that stop it part-way.
        for (const [mode, fuel] of [['none', full], ['trace', full], ['trace', full / 3n], ['trace', (full * 2n) / 3n]] as const) {
          const config = { ...DEFAULT_SANDBOX, mode, fuel, fuelPerCallback: null, hashing: 'inline' as const };
          const guest = compileGuest(built.wasm, config);
          const map = mode === 'trace' ? staticMap(built.wasm, guest.meta!) : null;
          const records: string[] = [];
          const ex = map ? new TraceExpander(map, (r) => void records.push(slowText(r))) : null;
          let position = 0;
          const key = `${mode} ${fuel}`;
          orders[key] = [];
          const host = stubHost({
            position: () => position,
            order: (k, s) => { orders[key]!.push(k, s); position = k === 1 ? 1 : k === 2 ? -1 : 0; },
          });
          const inst = runtime.open(guest, host, { ...config, onTrace: (b) => ex?.push(b) });
          let stopped = false;
          try {
            inst.init();
            for (let i = 0; i < BARS; i++) inst.onBar(bars.time[i]!, bars.open[i]!, bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.volume[i]!);
          } catch (e) {
            expect((e as { code?: string }).code, `${label} ${key}`).toBe('FUEL_EXHAUSTED');
            stopped = true;
          }
          const run = inst.finish();
          ex?.end();
          memories[key] = inst.memoryBytes();
          inst.close?.();
          if (mode === 'none') continue;
          expect(stopped, `${label} ${key} stopped`).toBe(fuel < full);
          // Exact: the whole reference, or the prefix as long as the count of instructions executed.
          expect(run.instructions, `${label} ${key} count`).toBe(BigInt(records.length));
          expect(records.join(' ') === expected.slice(0, records.length).join(' '), `${label} ${key} trace`).toBe(true);
          if (!stopped) {
            expect(records.length, `${label} trace length`).toBe(expected.length);
            expect(run.fuelUsed, `${label} fuel`).toBe(full);
          } else expect(records.length, `${label} ${key}`).toBeGreaterThan(0);
        }
        expect(orders[`trace ${full}`], label).toEqual(orders[`none ${full}`]);
        expect(orders[`none ${full}`]!.length, label).toBeGreaterThan(4);
        expect(Buffer.compare(memories[`none ${full}`]!, memories[`trace ${full}`]!), `${label} memory`).toBe(0);
      }
    });
  }
});
}
}
