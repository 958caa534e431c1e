// Trace overhead measured the way an outside harness does (issue 11, target 5): paired rounds (none,
// fuel and trace back to back in each round, the order rotated every round), the first round
// dropped as warm-up, and with --busy a second process spinning on another core for the whole
// measurement. Workloads: the alu and mem kernels (bench/kernel.ts), the SMA example over 1M tiled
// bars (as bench/throughput.ts) and a heavy guest (test/fixtures/heavy-sma.ts, > 10,000
// instructions a bar). Prints trace/none and fuel/none per workload, median and range over the
// kept rounds, by wall time and by the process's CPU time (the hash worker's share included), then
// the trace's bytes per unit (iteration or bar) and per instruction, split into region ids and
// address words (docs/TRACE.md, "Trace records"). Wall ratios swing with the machine's load; the
// CPU ratios are steadier (with --hashing worker they include the worker's CPU).
//
// --format 4|5|6|7|8 picks the instrumenter version, backproof-instrument/N (default: the one new
// runs use); formats 5 and up have no region ids, so their bytes are not split. Format 6 is format 5
// plus a keyframe per MiB, written before the next call into the guest (the kernels make one call:
// for them 6 is 5). Version 7 writes version 6's stream from leaner modules: a cheaper fuel check
// fuel-only, and traced the cursor, bits and fuel in locals and the predictors in globals (so 7 and
// 6 differ in both fuel/none and trace/none, never in the bytes). Version 8 is version 7 with a
// period-2 address predictor (trace format 8): the same fuel-only module, fewer address words.
//
//   node bench/trace-overhead.ts [--busy] [--rounds N] [--only alu,mem,sma,heavy] [--hashing inline|worker] [--format 4|5|6|7|8]
import { spawn } from 'node:child_process';
import { loadData } from '../host/data/load.ts';
import { Backtest } from '../host/engine/backtest.ts';
import { compileGuest, instrument, GuestInstance, DEFAULT_SANDBOX, INSTRUMENTER_VERSION, SUPPORTED_INSTRUMENTERS, traceFormatOf, type GuestModule, type InstrumentMeta } from '../host/sandbox/index.ts';
import { defaultTraceHashing, type TraceHashing } from '../host/sandbox/runtime.ts';
import { loadStrategy } from '../host/run/strategy.ts';
import { guestHostFor } from '../host/run/guest-host.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';
import type { Bars } from '../host/model/bars.ts';
import { tileBars } from './tile.ts';
import { assembleKernels, compileKernels, kernelInstance, type Compiled, type Mode } from './kernel.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const BUSY = args.includes('--busy');
const ROUNDS = Number(option('--rounds') ?? 6);
const ONLY = (option('--only') ?? 'alu,mem,sma,heavy').split(',');
const HASHING = (option('--hashing') ?? defaultTraceHashing()) as TraceHashing;
const INSTRUMENTER = option('--format') === undefined ? INSTRUMENTER_VERSION : `backproof-instrument/${option('--format')}`;
if (!SUPPORTED_INSTRUMENTERS.includes(INSTRUMENTER)) throw new Error(`--format must be one of ${SUPPORTED_INSTRUMENTERS.map((n) => n.split('/')[1]).join(', ')}`);
/** The trace stream's format (version 7 records format 6, version 8 format 8). */
const FORMAT = traceFormatOf(INSTRUMENTER);
const KERNEL_ITERATIONS = 20_000_000;
const SMA_BARS = 1_000_000;
const HEAVY_BARS = 50_000;
const MODES: Mode[] = ['none', 'fuel', 'trace'];

interface Timing { wall: number; cpu: number }
interface Workload {
  name: string;
  /** Loop iterations or bars: what bytes are counted per. */
  units: number;
  run(mode: Mode): Timing;
  /** One untimed trace run: instructions, region-id words and address words. */
  bytes(): { instructions: number; regionWords: number; addressWords: number };
}

function timed(body: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  body();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
}

/** Counts a trace stream's region-id words and address words (records as docs/TRACE.md lays them out); formats 5 and up: all their words as address words. */
function wordCounter(meta: () => InstrumentMeta) {
  const counts = { regionWords: 0, addressWords: 0 };
  const onTrace = (bytes: Uint8Array): void => {
    if (FORMAT >= 5) {
      counts.addressWords += bytes.byteLength / 4;
      return;
    }
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const recorded = meta().regions.recordedAccesses;
    for (let at = 0; at < words.length; ) {
      const id = words[at]!;
      if (id === 0) throw new Error('host record in a benchmark trace');
      counts.regionWords++;
      counts.addressWords += recorded[id - 1]!;
      at += 1 + recorded[id - 1]!;
    }
  };
  return { counts, onTrace };
}

function kernelWorkload(name: 'alu' | 'mem'): Workload {
  const wasm = assembleKernels();
  // Compiled once per mode, as the guests are: the runs measure the code, not V8's tier-up.
  const compiledFor = (mode: Mode): Compiled => {
    if (mode === 'none') return compileKernels(wasm, mode);
    const out = instrument(wasm, { trace: mode === 'trace', maxMemoryPages: 1, instrumenter: INSTRUMENTER });
    return { module: new WebAssembly.Module(out.wasm as BufferSource), meta: out.meta };
  };
  const compiled = new Map(MODES.map((mode) => [mode, compiledFor(mode)]));
  return {
    name: `${name} kernel (${KERNEL_ITERATIONS.toLocaleString('en-US')} iterations)`,
    units: KERNEL_ITERATIONS,
    run(mode) {
      const { ex, finish } = kernelInstance(wasm, mode, undefined, compiled, HASHING);
      return timed(() => {
        (ex[name] as (n: number) => unknown)(KERNEL_ITERATIONS);
        finish();
      });
    },
    bytes() {
      let meta: InstrumentMeta | null = null;
      const { counts, onTrace } = wordCounter(() => meta!);
      const k = kernelInstance(wasm, 'trace', onTrace, compiled);
      meta = k.meta;
      (k.ex[name] as (n: number) => unknown)(KERNEL_ITERATIONS);
      k.finish();
      const fuel = k.ex.__bp_fuel as WebAssembly.Global;
      return { instructions: Number((1n << 50n) - (fuel.value as bigint)), ...counts };
    },
  };
}

async function guestWorkload(name: string, strategyFile: string, bars: Bars): Promise<Workload> {
  const strategy = await loadStrategy(strategyFile);
  const guests = new Map<Mode, GuestModule>(MODES.map((mode) => [mode, compileGuest(strategy.wasm, { ...DEFAULT_SANDBOX, mode, hashing: HASHING, instrumenter: INSTRUMENTER })]));
  const once = (mode: Mode, onTrace?: (b: Uint8Array) => void) => {
    const config = { ...DEFAULT_SANDBOX, mode, hashing: onTrace ? 'inline' as const : HASHING, instrumenter: INSTRUMENTER, ...(onTrace ? { onTrace } : {}) };
    const bt = new Backtest(bars, { cash: 10_000, commission: 0 });
    const inst: GuestInstance = new GuestInstance(guests.get(mode)!, guestHostFor(bt, DEFAULT_CONFIG, (n) => inst.chargeFuel(n)), config);
    inst.init();
    bt.run(inst);
    return inst.finish();
  };
  return {
    name: `${name} (${bars.length.toLocaleString('en-US')} bars)`,
    units: bars.length,
    run: (mode) => timed(() => void once(mode)),
    bytes() {
      const { counts, onTrace } = wordCounter(() => guests.get('trace')!.meta!);
      const st = once('trace', onTrace);
      return { instructions: Number(st.instructions), ...counts };
    },
  };
}

function spread(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `${median.toFixed(2)}x (${s[0]!.toFixed(2)}–${s[s.length - 1]!.toFixed(2)})`;
}

const workloads: Workload[] = [];
for (const k of ['alu', 'mem'] as const) if (ONLY.includes(k)) workloads.push(kernelWorkload(k));
if (ONLY.includes('sma') || ONLY.includes('heavy')) {
  const source = await loadData('test/data/orcl-1995-2014.txt');
  if (ONLY.includes('sma')) workloads.push(await guestWorkload('SMA example', 'strategies-as/sma-cross.ts', tileBars(source.bars, SMA_BARS)));
  if (ONLY.includes('heavy')) workloads.push(await guestWorkload('heavy guest', 'test/fixtures/heavy-sma.ts', tileBars(source.bars, HEAVY_BARS)));
}

// Spins on another core until the measurement ends (killed by its own pid).
const spinner = BUSY ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null;
process.on('exit', () => spinner?.kill());

console.log(`Trace overhead (${INSTRUMENTER}), ${ROUNDS} paired rounds (first dropped), hashing ${HASHING}${BUSY ? ', another core kept busy' : ''}; Node ${process.version}`);
console.log('workload                                 trace/none wall     trace/none CPU      fuel/none wall      fuel/none CPU       none wall (s)');
for (const w of workloads) {
  const ratios = { traceWall: [] as number[], traceCpu: [] as number[], fuelWall: [] as number[], fuelCpu: [] as number[], none: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const t: Partial<Record<Mode, Timing>> = {};
    for (let i = 0; i < MODES.length; i++) {
      const mode = MODES[(i + round) % MODES.length]!;
      t[mode] = w.run(mode);
    }
    if (round === 0) continue;
    ratios.traceWall.push(t.trace!.wall / t.none!.wall);
    ratios.traceCpu.push(t.trace!.cpu / t.none!.cpu);
    ratios.fuelWall.push(t.fuel!.wall / t.none!.wall);
    ratios.fuelCpu.push(t.fuel!.cpu / t.none!.cpu);
    ratios.none.push(t.none!.wall);
  }
  console.log(`${w.name.padEnd(40)} ${spread(ratios.traceWall).padEnd(19)} ${spread(ratios.traceCpu).padEnd(19)} ${spread(ratios.fuelWall).padEnd(19)} ${spread(ratios.fuelCpu).padEnd(19)} ${Math.min(...ratios.none).toFixed(3)}`);
}
spinner?.kill();

console.log('');
console.log('workload                                 instructions/unit   trace bytes/unit   bytes/instruction: all   region ids   address words');
for (const w of workloads) {
  const b = w.bytes();
  const bytes = 4 * (b.regionWords + b.addressWords);
  const perInstruction = (x: number): string => (x / b.instructions).toFixed(3);
  console.log(
    `${w.name.padEnd(40)} ${(b.instructions / w.units).toFixed(1).padStart(17)}   ${(bytes / w.units).toFixed(1).padStart(16)}   ${perInstruction(bytes).padStart(22)}   ${perInstruction(4 * b.regionWords).padStart(10)}   ${perInstruction(4 * b.addressWords).padStart(13)}`,
  );
}
