// What --isolation wasi costs against in-process (docs/ISOLATION-WASI.md, "Cost"): paired rounds, v8
// then wasi back to back in each round (the order swapped every round), the first round dropped as
// warm-up, CPU time of the whole process (every thread: the engine's, the sandbox thread's and
// Wasmer's workers) and wall time.
//
// - a run: sma-cross on data/GOOG.csv (2,148 bars) through executeRun, set-up included; the wasi
//   run's set-up (linking, loading Wasmer, starting the process) is measured alone too, so the
//   per-bar cost is (wasi run - set-up - v8 run) / bars;
// - a round trip: a guest whose on_bar makes K host calls (backproof.symbol), K = 0 and K = 100, on
//   one open session: on_bar with K = 0 is one CALL/RETURN; (K = 100 - K = 0) / 100 is a HOSTCALL/REPLY.
//
//   node bench/isolation.ts [--rounds N] [--bars N]
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import binaryen from 'binaryen';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG } from '../host/index.ts';
import { compileGuest, DEFAULT_SANDBOX, GuestInstance } from '../host/sandbox/index.ts';
import { openWasiSession } from '../host/sandbox/wasi/runtime.ts';
import type { GuestHost } from '../host/sandbox/abi.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, bars: { type: 'string', default: '500' } } });
const ROUNDS = Number(values.rounds), CALL_BARS = Number(values.bars);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function measure(fn: () => void): { cpu: number; wall: number } {
  const c = cpu(), w = performance.now();
  fn();
  return { cpu: cpu() - c, wall: performance.now() - w };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[], unit = 'ms', digits = 0) => `${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;

const host: GuestHost = {
  position: () => 0, cash: () => 1e4, equity: () => 1e4, order: () => {}, submit: () => -1, bracket: () => -1,
  cancel: () => false, modify: () => false, param: (_n, f) => f, log: () => {},
  symbol: () => 0, symbols: () => 1, positionOf: () => 0, orderOn: () => {},
};
/** on_bar makes k calls of backproof.symbol. */
function callingGuest(k: number): Uint8Array {
  const mod = binaryen.parseText(`(module
    (import "backproof" "symbol" (func $symbol (result i32)))
    (memory (export "memory") 1)
    (func (export "on_bar") (param i64 f64 f64 f64 f64 f64) (local $i i32)
      (block $done (loop $more
        (br_if $done (i32.ge_u (local.get $i) (i32.const ${k})))
        (drop (call $symbol))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))))`);
  mod.setFeatures(binaryen.Features.All);
  const bytes = mod.emitBinary();
  mod.dispose();
  return bytes;
}

const goog = await loadData('data/GOOG.csv');
const strategy = await loadStrategy('strategies-as/sma-cross.ts');
const bars = goog.bars.time.length;
const config = { ...DEFAULT_SANDBOX, hashing: 'inline' as const, fuelPerCallback: null };
const guests = [0, 100].map((k) => compileGuest(callingGuest(k), config));
const load0 = loadavg()[0]!;

const runs = { v8: { cpu: [] as number[], wall: [] as number[] }, wasi: { cpu: [] as number[], wall: [] as number[] }, setup: { cpu: [] as number[], wall: [] as number[] } };
const trips = { call: [] as number[], host: [] as number[], v8call: [] as number[], v8host: [] as number[] };
for (let round = 0; round <= ROUNDS; round++) {
  const order = round % 2 === 0 ? (['v8', 'wasi'] as const) : (['wasi', 'v8'] as const);
  const got: Record<string, { cpu: number; wall: number }> = {};
  for (const isolation of order) got[isolation] = measure(() => void executeRun({ strategy, data: goog, config: DEFAULT_CONFIG, isolation }));
  // Set-up alone: a session opened (link, Wasmer, process, the first frame) and closed.
  got.setup = measure(() => openWasiSession(guests[0]!, host, config).close());
  // Round trips on one open session (set-up excluded), and the same calls in-process.
  const perBar: number[] = [];
  const perBarV8: number[] = [];
  for (const guest of guests) {
    const session = openWasiSession(guest, host, config);
    try {
      perBar.push(measure(() => { for (let i = 0; i < CALL_BARS; i++) session.onBar(BigInt(i), 1, 1, 1, 1, 1); }).cpu / CALL_BARS);
    } finally {
      session.close();
    }
    const local = new GuestInstance(guest, host, config);
    perBarV8.push(measure(() => { for (let i = 0; i < CALL_BARS; i++) local.onBar(BigInt(i), 1, 1, 1, 1, 1); }).cpu / CALL_BARS);
  }
  if (round === 0) continue; // warm-up
  for (const k of ['v8', 'wasi', 'setup'] as const) {
    runs[k].cpu.push(got[k]!.cpu);
    runs[k].wall.push(got[k]!.wall);
  }
  trips.call.push(perBar[0]! * 1000);
  trips.host.push((perBar[1]! - perBar[0]!) / 100 * 1000);
  trips.v8call.push(perBarV8[0]! * 1000);
  trips.v8host.push((perBarV8[1]! - perBarV8[0]!) / 100 * 1000);
}

const perBarCost = runs.wasi.cpu.map((w, i) => (w - runs.setup.cpu[i]! - runs.v8.cpu[i]!) / bars * 1000);
console.log(`--isolation wasi against v8, ${ROUNDS} paired rounds after a warm-up; load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`);
console.log(`sma-cross on GOOG (${bars} bars), CPU: v8 ${fmt(runs.v8.cpu)}, wasi ${fmt(runs.wasi.cpu)} (set-up alone ${fmt(runs.setup.cpu)})`);
console.log(`sma-cross on GOOG (${bars} bars), wall: v8 ${fmt(runs.v8.wall)}, wasi ${fmt(runs.wasi.wall)} (set-up alone ${fmt(runs.setup.wall)})`);
console.log(`per bar, CPU, set-up excluded: +${fmt(perBarCost, 'µs')} (the bar's CALL/RETURN and its host calls)`);
console.log(`one call into the guest (on_bar, no host call), CPU: wasi ${fmt(trips.call, 'µs')}, v8 ${fmt(trips.v8call, 'µs', 2)}`);
console.log(`one host call (backproof.symbol), CPU: wasi ${fmt(trips.host, 'µs')}, v8 ${fmt(trips.v8host, 'µs', 3)}`);
