// node bench/alloc.ts: heap bytes allocated per bar by the per-bar path (data → guest call → order
// matching → portfolio). V8 has no allocation counter, so each case runs in a child whose young
// generation is pinned to 1 MB semi-spaces and counts the minor GCs (scavenges) of a run of N bars
// and of 2N bars; the difference bounds the allocation of N bars to ±1 MB, free of per-run setup.
// A bar that places, fills or cancels no order must allocate nothing (the "quiet" cases: SMA with
// fast = slow never crosses). Trading strategies are also shown, with the allocation per order they
// placed: the engine keeps orders pooled and rows, trades and events in columns (nothing per order),
// so what remains is the guest boundary (host calls, fuel charges, on_order/on_trade: sandbox/glue). "-js-sma" is
// the engine alone: SMA(10/20) written in JS (allocation-free, onOrderAt/onTradeAt), no sandbox.
import { spawnSync } from 'node:child_process';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadData } from '../host/data/load.ts';
import { Backtest } from '../host/engine/backtest.ts';
import type { GuestPort } from '../host/engine/ports.ts';
import { compileGuest, GuestInstance, DEFAULT_SANDBOX, type InstrumentationMode } from '../host/sandbox/index.ts';
import { loadStrategy } from '../host/run/strategy.ts';
import { guestHostFor } from '../host/run/guest-host.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';
import { tileBars } from './tile.ts';
import type { Bars } from '../host/model/bars.ts';

const BARS = Number(process.env.BENCH_BARS ?? 1_000_000);
const SOURCE = 'test/data/orcl-1995-2014.txt';
const SEMI_SPACE_MB = 1;
// Each count is the least of this many children: on a loaded machine a child's loop sometimes runs
// part of the time before V8 has optimized it (boxing doubles), which only ever adds scavenges.
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
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
];

function parseParams(text: string): Record<string, number> {
  return Object.fromEntries(text.split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));
}

/** SMA(10/20) crossover in JS over the engine's columns: reverses on each cross, allocates nothing itself. */
function jsSma(bt: Backtest, onLast: () => void, bars: number): GuestPort {
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
      if (n === bars) onLast();
    },
    onOrderAt(ev, k) { sink[0] = ev.price[k]! + ev.units[k]!; },
    onTradeAt(t, k) { sink[1] = t.pnl[k]!; },
  };
}

/** One backtest of `bars` bars; the minor GCs while its loop ran. */
async function measure(strategyName: string, mode: InstrumentationMode, bars: number, params: Record<string, number>, tiled: Bars): Promise<{ scavenges: number; orders: number }> {
  const strategy = strategyName.startsWith('-') ? null : await loadStrategy(`strategies-as/${strategyName}.ts`);
  const config = { ...DEFAULT_SANDBOX, mode, hashing: 'inline' as const };
  const guest = strategy ? compileGuest(strategy.wasm, config) : null;
  const bt = new Backtest(tiled, { cash: 10_000, commission: 0.001 });
  // "-resting": orders that rest on every bar and never fill (a buy limit and a buy stop-limit far below).
  if (strategyName === '-resting') for (const stop of [NaN, 1e9]) bt.brokers[0]!.place(1, Number.isNaN(stop) ? 1 : 3, 1, 0.01, stop, 0);
  const inst: GuestInstance | null = guest ? new GuestInstance(guest, guestHostFor(bt, { ...DEFAULT_CONFIG, params }, (n) => inst!.chargeFuel(n)), config) : null;
  inst?.init();
  // Only the loop counts (not the statistics pass after it): note when the last bar has been seen.
  let seen = 0, loopEnd = Infinity;
  const port: GuestPort = strategyName === '-js-sma' ? jsSma(bt, () => (loopEnd = performance.now()), bars) : {
    onBar() { throw new Error('the engine should take the onBarAt path'); },
    onBarAt(b, w, j) {
      // As run/wire: each order still resting in the bar's book after the matching pass is charged.
      const resting = bt.brokers[bt.feed]!.openOrders;
      if (inst && resting > 0) inst.chargeFuel(resting);
      inst?.onBarAt(b, w, j);
      if (++seen === bars) loopEnd = performance.now();
    },
  };
  // As run/wire gives them to the engine: the per-event paths that take the event from its columns.
  if (inst?.onOrderAt) port.onOrderAt = inst.onOrderAt;
  if (inst?.onTradeAt) port.onTradeAt = inst.onTradeAt;
  const minor: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minor.push(e.startTime);
  });
  obs.observe({ entryTypes: ['gc'] });
  const loopStart = performance.now();
  bt.run(port);
  inst?.finish();
  await new Promise((r) => setTimeout(r, 50)); // let the observer deliver
  obs.disconnect();
  return { scavenges: minor.filter((t) => t >= loopStart && t <= loopEnd).length, orders: bt.account.nextId - 1 };
}

/**
 * A warm-up run of a fifth of the bars first (same code, so V8 has optimized the loop: before that
 * it runs in baseline tiers, which box doubles), then the measured run. Steady state is what "per
 * bar" means; the warm-up's garbage is reported separately.
 */
async function child(strategyName: string, mode: InstrumentationMode, bars: number, params: Record<string, number>): Promise<{ scavenges: number; orders: number; warmup: number }> {
  const data = await loadData(SOURCE);
  const warm = await measure(strategyName, mode, Math.ceil(bars / 5), params, tileBars(data.bars, Math.ceil(bars / 5)));
  const r = await measure(strategyName, mode, bars, params, tileBars(data.bars, bars));
  return { ...r, warmup: warm.scavenges };
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3]!, process.argv[4] as InstrumentationMode, Number(process.argv[5]), parseParams(process.argv[6] ?? ''))));
} else {
  const once = (name: string, mode: string, bars: number, params: string) => {
    const r = spawnSync(process.execPath, [`--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, fileURLToPath(import.meta.url), '--child', name, mode, String(bars), params], {
      encoding: 'utf8', env: { ...process.env, BACKPROOF_LOG: 'silent' },
    });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { scavenges: number; orders: number };
  };
  const run = (name: string, mode: string, bars: number, params: string) => {
    const runs = Array.from({ length: REPEAT }, () => once(name, mode, bars, params));
    return { scavenges: Math.min(...runs.map((r) => r.scavenges)), orders: runs[0]!.orders };
  };
  console.log(`Heap allocation per bar, ${BARS.toLocaleString('en-US')} vs ${(2 * BARS).toLocaleString('en-US')} bars tiled from ${SOURCE} (commission 0.1 %), ${SEMI_SPACE_MB} MB semi-spaces, least of ${REPEAT} children each; Node ${process.version}`);
  console.log('strategy (params)                   mode            scavenges (N, 2N)  orders (N)  bytes/bar (≤)  bytes/order (≤)');
  for (const c of CASES) {
    const name = c.strategy ?? '-';
    const a = run(name, c.mode, BARS, c.params ?? ''), b = run(name, c.mode, 2 * BARS, c.params ?? '');
    const extra = Math.max(0, b.scavenges - a.scavenges) + 1; // +1: the interval is one semi-space wide
    const bytes = extra * SEMI_SPACE_MB * 1024 * 1024;
    const label = { none: 'uninstrumented', fuel: 'fuel only', trace: 'fuel + trace' }[c.mode];
    const orders = b.orders - a.orders;
    const title = c.strategy === '-resting' ? '(no-op guest, 2 resting orders)' : c.strategy === '-js-sma' ? '(JS SMA 10/20: engine alone)' : c.strategy ? `${c.strategy}${c.params ? ` (${c.params})` : ''}` : '(no-op guest)';
    console.log(`${title.padEnd(35)} ${label.padEnd(14)}  ${`${a.scavenges}, ${b.scavenges}`.padStart(17)}  ${String(a.orders).padStart(10)}  ${(bytes / BARS).toFixed(2).padStart(13)}  ${(orders > 0 ? (bytes / orders).toFixed(0) : '-').padStart(15)}`);
  }
}
