// npm run bench: SMA(10/20) crossover over ~1M bars tiled from a real file, in three sandbox modes
// (uninstrumented, fuel only, fuel + trace committed) plus the whole audited run (executeRun:
// trace + result encoding + record). Prints bars/s, ratios against the uninstrumented module
// measured in this same process, and the peak RSS of a fresh child process per mode.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadData } from '../host/data/load.ts';
import { Backtest } from '../host/engine/backtest.ts';
import { compileGuest, GuestInstance, DEFAULT_SANDBOX, type InstrumentationMode } from '../host/sandbox/index.ts';
import { loadStrategy } from '../host/run/strategy.ts';
import { executeRun } from '../host/run/execute.ts';
import { guestHostFor } from '../host/run/guest-host.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';
import { tileBars } from './tile.ts';
import { runKernels } from './kernel.ts';

const BARS = Number(process.env.BENCH_BARS ?? 1_000_000);
const SOURCE = 'test/data/orcl-1995-2014.txt';
type Mode = InstrumentationMode | 'audited';
const MODES: Mode[] = ['none', 'fuel', 'trace', 'audited'];

async function setup(strategyFile = 'strategies-as/sma-cross.ts') {
  const strategy = await loadStrategy(strategyFile);
  const data = await loadData(SOURCE);
  const bars = tileBars(data.bars, BARS);
  return { strategy, data: { ...data, bars }, bars };
}

function runOnce(mode: Mode, s: Awaited<ReturnType<typeof setup>>): { seconds: number; instructions: bigint; traceBytes: number } {
  const t0 = process.hrtime.bigint();
  if (mode === 'audited') {
    const o = executeRun({ strategy: s.strategy, data: s.data, config: DEFAULT_CONFIG });
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, instructions: o.instructions, traceBytes: o.trace.byteLength };
  }
  const config = { ...DEFAULT_SANDBOX, mode };
  const guest = compileGuest(s.strategy.wasm, config);
  const bt = new Backtest(s.bars, { cash: 10_000, commission: 0 });
  // The host imports as a run wires them (host work charged to fuel).
  const inst: GuestInstance = new GuestInstance(guest, guestHostFor(bt, DEFAULT_CONFIG, (n) => inst.chargeFuel(n)), config);
  inst.init();
  bt.run(inst);
  const st = inst.finish();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, instructions: st.instructions, traceBytes: st.trace?.byteLength ?? 0 };
}

if (process.argv[2] === '--child') {
  // A prebuilt module: the child's peak RSS is the run's, not the compiler's.
  const s = await setup(process.argv[4]);
  runOnce(process.argv[3] as Mode, s);
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const s = await setup();
  console.log(`SMA(10/20) crossover, ${BARS.toLocaleString('en-US')} bars tiled from ${SOURCE}; Node ${process.version}`);
  const best: Record<string, { seconds: number; instructions: bigint; traceBytes: number }> = {};
  for (let round = 0; round < 3; round++)
    for (const mode of MODES) {
      const r = runOnce(mode, s);
      if (!best[mode] || r.seconds < best[mode]!.seconds) best[mode] = r;
    }
  const rss: Record<string, number> = {};
  const wasmFile = path.join(mkdtempSync(path.join(tmpdir(), 'backproof-bench-')), 'sma-cross.wasm');
  writeFileSync(wasmFile, s.strategy.wasm);
  for (const mode of MODES) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, wasmFile], { encoding: 'utf8', env: { ...process.env, BACKPROOF_LOG: 'silent' } });
    rss[mode] = child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').pop()!).maxRssMB : NaN;
  }
  const base = best.none!.seconds;
  console.log('');
  console.log('mode                 bars/s      time (s)  ratio   instructions   trace bytes   peak RSS (MB)');
  for (const mode of MODES) {
    const r = best[mode]!;
    const label = { none: 'uninstrumented', fuel: 'fuel only', trace: 'fuel + trace', audited: 'audited run (all)' }[mode];
    console.log(
      `${label.padEnd(20)} ${Math.round(BARS / r.seconds).toLocaleString('en-US').padStart(10)}  ${r.seconds.toFixed(3).padStart(8)}  ${(r.seconds / base).toFixed(2).padStart(5)}x  ${r.instructions.toString().padStart(13)}  ${r.traceBytes.toString().padStart(12)}  ${rss[mode]!.toFixed(0).padStart(13)}`,
    );
  }
}

if (process.argv[2] !== '--child') {
  console.log('');
  console.log(`Each example strategy, audited run (fuel + trace + record), ${BARS.toLocaleString('en-US')} bars:`);
  console.log('strategy             bars/s      time (s)  instructions/bar  trace bytes/bar  trades');
  const data = (await setup()).data;
  for (const name of ['sma-cross', 'ema-cross', 'rsi-reversion', 'bollinger-breakout', 'donchian-turtle']) {
    const strategy = await loadStrategy(`strategies-as/${name}.ts`);
    let best = Infinity;
    let o!: ReturnType<typeof executeRun>;
    for (let round = 0; round < 2; round++) {
      const t0 = process.hrtime.bigint();
      o = executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, commission: 0.001 } });
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    }
    console.log(`${name.padEnd(20)} ${Math.round(BARS / best).toLocaleString('en-US').padStart(10)}  ${best.toFixed(3).padStart(8)}  ${(Number(o.instructions) / BARS).toFixed(1).padStart(16)}  ${(o.trace.byteLength / BARS).toFixed(1).padStart(15)}  ${String(o.result.stats.trades).padStart(6)}`);
  }
  // The two-symbol example: ORCL and GOOG tiled to half the bars each, on the same minutes.
  const goog = await loadData('data/GOOG.csv');
  const half = Math.floor(BARS / 2);
  const feeds = [
    { ...data, symbol: 'ORCL', bars: tileBars(data.bars, half) },
    { ...goog, symbol: 'GOOG', bars: { ...tileBars(goog.bars, half), time: tileBars(data.bars, half).time } },
  ];
  const pairs = await loadStrategy('strategies-as/pairs.ts');
  let best = Infinity;
  let o!: ReturnType<typeof executeRun>;
  for (let round = 0; round < 2; round++) {
    const t0 = process.hrtime.bigint();
    o = executeRun({ strategy: pairs, data: feeds, config: { ...DEFAULT_CONFIG, commission: 0.001 } });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const events = 2 * half;
  console.log(`${'pairs (2 symbols)'.padEnd(20)} ${Math.round(events / best).toLocaleString('en-US').padStart(10)}  ${best.toFixed(3).padStart(8)}  ${(Number(o.instructions) / events).toFixed(1).padStart(16)}  ${(o.trace.byteLength / events).toFixed(1).padStart(15)}  ${String(o.result.stats.trades).padStart(6)}`);
}

if (process.argv[2] !== '--child') {
  const N = 20_000_000;
  console.log('');
  console.log(`Compute kernels, ${N.toLocaleString('en-US')} loop iterations (no host calls):`);
  console.log('kernel  mode            time (s)  ratio   trace bytes');
  const rows = runKernels(N);
  for (const r of rows) {
    const base = rows.find((x) => x.kernel === r.kernel && x.mode === 'none')!.seconds;
    const label = { none: 'uninstrumented', fuel: 'fuel only', trace: 'fuel + trace' }[r.mode];
    console.log(`${r.kernel.padEnd(6)}  ${label.padEnd(14)}  ${r.seconds.toFixed(3).padStart(8)}  ${(r.seconds / base).toFixed(2).padStart(5)}x  ${String(r.traceBytes).padStart(12)}`);
  }
}
