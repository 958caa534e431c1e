// node bench/alloc.ts: heap bytes allocated by the per-bar path (data → guest call → order matching →
// portfolio), per bar and per order placed. V8 gives JS no allocation counter, but with --trace-gc-nvp
// each garbage collection prints the bytes allocated since the previous one ("allocated="). Each case
// runs in a child, one run of N bars as a run makes it (one engine, one guest instance, a fresh
// process), which forces a minor GC and prints a marker at its bar N/4 and at its last bar. What was
// allocated between the markers is the sum of "allocated=" over the GCs between them (the closing
// forced one included): exact to the byte. The run's first quarter is left out: there V8 is still
// compiling the loop (code in the lower tiers boxes doubles), a fixed cost of megabytes per run that
// does not grow with the bars or the orders. (A warm-up run in the same process first, as this bench
// used to make, does not help: the optimized code it leaves holds its engine's objects and is thrown
// away when they are collected.) Each cell is the median of BENCH_REPEAT children (least and largest
// shown), as the tiers V8 happens to run a function in vary between processes.
// A bar that places, fills or cancels no order must allocate nothing (the "quiet" cases: SMA with
// fast = slow never crosses). Strategies are wired to the engine as a run wires them (run/wire); the
// engine keeps orders pooled and rows, trades and events in columns (nothing per order), so what
// remains is the guest boundary (a double passed to or returned by a host import is boxed). "-js-sma"
// is the engine alone: SMA(10/20) written in JS (allocation-free, onOrderAt/onTradeAt), no sandbox.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadData, type LoadedData } from '../host/data/load.ts';
import { Backtest } from '../host/engine/backtest.ts';
import type { GuestPort } from '../host/engine/ports.ts';
import { compileGuest, DEFAULT_SANDBOX, type InstrumentationMode } from '../host/sandbox/index.ts';
import { loadStrategy } from '../host/run/strategy.ts';
import { compileOptionsOf } from '../host/run/source-map.ts';
import { wire } from '../host/run/wire.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';
import { tileBars } from './tile.ts';
import type { Bars } from '../host/model/bars.ts';

const BARS = Number(process.env.BENCH_BARS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const SOURCE = 'test/data/orcl-1995-2014.txt';
const COMMISSION = 0.001;
const MARK = 'ALLOC-MARK';
const QUIET = 'fast=20,slow=20';
const CASES: { strategy: string | null; mode: InstrumentationMode; params?: string }[] = [
  { strategy: null, mode: 'none' }, // the engine alone, with a guest that does nothing
  { strategy: '-resting', mode: 'none' }, // the same with two orders resting on every bar
  { strategy: 'sma-cross', mode: 'none', params: QUIET },
  { strategy: 'sma-cross', mode: 'fuel', params: QUIET },
  { strategy: 'sma-cross', mode: 'trace', params: QUIET },
  { strategy: '-js-sma', mode: 'none' },
  { strategy: 'sma-cross', mode: 'fuel' },
  { strategy: 'bollinger-breakout', mode: 'fuel' },
  { strategy: 'donchian-turtle', mode: 'fuel' },
  { strategy: 'ema-cross', mode: 'fuel' },
  { strategy: 'rsi-reversion', mode: 'fuel' },
  { strategy: 'sma-cross-unit', mode: 'fuel' },
  { strategy: 'pairs', mode: 'fuel' }, // two symbols (PAIRED): N bars each
];
/** Strategies that trade two symbols: the second is the same file's bars half a file later, at the same times. */
const PAIRED = new Set(['pairs']);

function parseParams(text: string): Record<string, number> {
  return Object.fromEntries(text.split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));
}

/** SMA(10/20) crossover in JS over the engine's columns: reverses on each cross, allocates nothing itself. */
function jsSma(bt: Backtest): GuestPort {
  const ring = new Float64Array(20), sums = new Float64Array(2), sink = new Float64Array(2);
  let n = 0, side = 0;
  return {
    onBar() { throw new Error('the engine should take the onBarAt path'); },
    onBarAt(b, _w, j) {
      sums[0] = sums[0]! + b.close[j]! - (n >= 10 ? ring[(n - 10) % 20]! : 0);
      sums[1] = sums[1]! + b.close[j]! - (n >= 20 ? ring[n % 20]! : 0);
      ring[n % 20] = b.close[j]!;
      n++;
      const d = n < 20 ? 0 : sums[0]! / 10 > sums[1]! / 20 ? 1 : -1;
      if (d !== 0 && d !== side) {
        bt.broker.submit(d > 0 ? 1 : 2, 0);
        side = d;
      }
    },
    onOrderAt(ev, k) { sink[0] = ev.price[k]! + ev.units[k]!; },
    onTradeAt(t, k) { sink[1] = t.pnl[k]!; },
  };
}

/** `bars` with each price taken `by` rows later (wrapping), at the same times. */
function shifted(bars: Bars, by: number): Bars {
  const n = bars.length;
  const at = (col: Float64Array) => Float64Array.from({ length: n }, (_, i) => col[(i + by) % n]!);
  return { length: n, time: bars.time, open: at(bars.open), high: at(bars.high), low: at(bars.low), close: at(bars.close), volume: at(bars.volume) };
}

/** The engine and the port it drives for one case: a strategy wired as a run wires it, or an engine-only case. */
async function setUp(name: string, mode: InstrumentationMode, params: Record<string, number>, data: LoadedData, bars: number): Promise<{ bt: Backtest; port: GuestPort; finish: () => void }> {
  const tiled = tileBars(data.bars, bars);
  if (!name.startsWith('-')) {
    const strategy = await loadStrategy(`strategies-as/${name}.ts`);
    const sandbox = { ...DEFAULT_SANDBOX, mode, hashing: 'inline' as const };
    const guest = compileGuest(strategy.wasm, sandbox, compileOptionsOf(strategy));
    const feeds = PAIRED.has(name)
      ? [{ ...data, symbol: 'A', bars: tiled }, { ...data, symbol: 'B', bars: shifted(tiled, Math.floor(data.bars.length / 2)) }]
      : [{ ...data, bars: tiled }];
    const { backtest, instance, port } = wire({ wasm: strategy.wasm, guest, sandbox, feeds, config: { ...DEFAULT_CONFIG, commission: COMMISSION, params } });
    instance.init();
    return { bt: backtest, port, finish: () => void instance.finish() };
  }
  const bt = new Backtest(tiled, { cash: DEFAULT_CONFIG.cash, commission: COMMISSION });
  // "-resting": orders that rest on every bar and never fill (a buy limit and a buy stop-limit far below).
  if (name === '-resting') for (const stop of [NaN, 1e9]) bt.brokers[0]!.place(1, Number.isNaN(stop) ? 1 : 3, 1, 0.01, stop, 0);
  const port: GuestPort = name === '-js-sma' ? jsSma(bt) : { onBar() { throw new Error('the engine should take the onBarAt path'); }, onBarAt() {} };
  return { bt, port, finish: () => {} };
}

/** One run of `bars` bars (each symbol's), with a forced minor GC and a marker line (orders so far) at its bar bars/4 and at its last. */
async function runOnce(name: string, mode: InstrumentationMode, params: Record<string, number>, data: LoadedData, bars: number): Promise<void> {
  const { bt, port, finish } = await setUp(name, mode, params, data, bars);
  const gc = (globalThis as { gc?: (o: { type: 'minor' }) => void }).gc!;
  const events = bars * bt.brokers.length; // the guest sees each symbol's bars
  const first = Math.floor(events / 4);
  let seen = 0;
  const inner = port.onBarAt!;
  port.onBarAt = (b, w, j) => {
    inner(b, w, j);
    seen++;
    if (seen === first || seen === events) {
      gc({ type: 'minor' });
      console.log(`${MARK} ${bt.account.nextId - 1} ${seen}`);
    }
  };
  bt.run(port);
  finish();
}

/** The bytes allocated between a child's markers, from the GC lines V8 printed between them, and the orders placed and bars seen there. */
function parseChild(stdout: string): { bytes: number; orders: number; bars: number } {
  let marks = 0, bytes = 0;
  const orders: number[] = [], bars: number[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      marks++;
      const [placed, seen] = line.slice(MARK.length + 1).split(' ').map(Number);
      orders.push(placed!);
      bars.push(seen!);
    } else if (marks === 1) {
      const m = /\ballocated=(\d+)/.exec(line);
      if (m) bytes += Number(m[1]);
    }
  }
  if (marks !== 2) throw new Error(`child printed ${marks} markers, not 2`);
  return { bytes, orders: orders[1]! - orders[0]!, bars: bars[1]! - bars[0]! };
}

/**
 * One child (the case `name`: a strategy of strategies-as/, or "-", "-resting", "-js-sma"): the heap bytes
 * allocated over bars bars/4..bars of its run (each symbol's), and the orders placed and the bars the guest saw
 * over them (test/engine/per-bar uses it too).
 */
export function allocatedInChild(name: string, mode: InstrumentationMode, bars: number, params = ''): { bytes: number; orders: number; bars: number } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--trace-gc-nvp', fileURLToPath(import.meta.url), '--child', name, mode, String(bars), params], {
    encoding: 'utf8', env: { ...process.env, BACKPROOF_LOG: 'silent' }, maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return parseChild(r.stdout);
}

if (process.argv[2] === '--child') {
  const [name, mode, bars, params] = [process.argv[3]!, process.argv[4] as InstrumentationMode, Number(process.argv[5]), parseParams(process.argv[6] ?? '')];
  const data = await loadData(SOURCE);
  await runOnce(name, mode, params, data, bars);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const once = (name: string, mode: InstrumentationMode, params: string) => allocatedInChild(name, mode, BARS, params);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`Heap bytes allocated over bars ${Math.floor(BARS / 4).toLocaleString('en-US')}..${BARS.toLocaleString('en-US')} of a run of ${BARS.toLocaleString('en-US')} bars (each symbol's) tiled from ${SOURCE} (commission ${COMMISSION * 100} %); median of ${REPEAT} children (least–largest); Node ${process.version}`);
  console.log('strategy (params)                   mode            orders  bytes (median, least–largest)  bytes/bar  bytes/order (least–largest)');
  for (const c of CASES) {
    const name = c.strategy ?? '-';
    const runs = Array.from({ length: REPEAT }, () => once(name, c.mode, c.params ?? ''));
    const bytes = runs.map((r) => r.bytes), orders = runs[0]!.orders, window = runs[0]!.bars;
    const label = { none: 'uninstrumented', fuel: 'fuel only', trace: 'fuel + trace' }[c.mode];
    const title = c.strategy === '-resting' ? '(no-op guest, 2 resting orders)' : c.strategy === '-js-sma' ? '(JS SMA 10/20: engine alone)' : c.strategy ? `${c.strategy}${c.params ? ` (${c.params})` : ''}` : '(no-op guest)';
    const range = `${median(bytes).toLocaleString('en-US')} (${Math.min(...bytes).toLocaleString('en-US')}–${Math.max(...bytes).toLocaleString('en-US')})`;
    const perOrder = orders > 0 ? `${(median(bytes) / orders).toFixed(1)} (${(Math.min(...bytes) / orders).toFixed(1)}–${(Math.max(...bytes) / orders).toFixed(1)})` : '-';
    console.log(`${title.padEnd(35)} ${label.padEnd(14)}  ${String(orders).padStart(6)}  ${range.padStart(29)}  ${(median(bytes) / window).toFixed(3).padStart(9)}  ${perOrder.padStart(27)}`);
  }
}
