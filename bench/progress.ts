// What the progress counter (host/engine/progress.ts) costs the engine loop: SMA(10/20) over 1M bars tiled
// from test/data/orcl-1995-2014.txt (as bench/throughput.ts), uninstrumented (Backtest + the raw module, no
// counter: only the loop's one comparison per event) and audited (executeRun) without and with a counter;
// best of three interleaved rounds, wall and process CPU seconds (CPU time is steadier on a shared machine).
// `node bench/progress.ts [TREE]` measures the tree at TREE (default: this one), so that a clone of the code
// before the counter can be measured alternately with this one: paired rounds (docs/BENCHMARKS.md).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const withProgress = existsSync(`${root}/host/engine/progress.ts`);
const { loadData } = await import(`${root}/host/data/load.ts`);
const { Backtest } = await import(`${root}/host/engine/backtest.ts`);
const { compileGuest, GuestInstance, DEFAULT_SANDBOX } = await import(`${root}/host/sandbox/index.ts`);
const { loadStrategy } = await import(`${root}/host/run/strategy.ts`);
const { executeRun } = await import(`${root}/host/run/execute.ts`);
const { guestHostFor } = await import(`${root}/host/run/guest-host.ts`);
const { DEFAULT_CONFIG } = await import(`${root}/host/run/config.ts`);
const { tileBars } = await import(`${root}/bench/tile.ts`);
const pc = withProgress ? await import(`${root}/host/engine/progress.ts`) : null;
const BARS = 1_000_000;
const strategy = await loadStrategy(`${root}/strategies-as/sma-cross.ts`);
const data0 = await loadData(`${root}/test/data/orcl-1995-2014.txt`);
const bars = tileBars(data0.bars, BARS);
const data = { ...data0, bars };
const t = () => Number(process.hrtime.bigint()) / 1e9;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const cpuBest: Record<string, number> = { none: Infinity, audited: Infinity, auditedProgress: Infinity };
function timed(mode: string, f: () => void): number {
  const c0 = cpu(), t0 = t();
  f();
  const c = cpu() - c0;
  cpuBest[mode] = Math.min(cpuBest[mode]!, c);
  return t() - t0;
}
function none(): number {
  return timed('none', () => {
  const config = { ...DEFAULT_SANDBOX, mode: 'none' };
  const guest = compileGuest(strategy.wasm, config);
  const bt = new Backtest(bars, { cash: 10_000, commission: 0 });
  const inst = new GuestInstance(guest, guestHostFor(bt, DEFAULT_CONFIG, (n: number) => inst.chargeFuel(n)), config);
  inst.init(); bt.run(inst); inst.finish();
  });
}
function audited(progress?: Int32Array): number {
  return timed(progress ? 'auditedProgress' : 'audited', () => { executeRun({ strategy, data, config: DEFAULT_CONFIG, progress }); });
}
const best: Record<string, number> = { none: Infinity, audited: Infinity, auditedProgress: Infinity };
for (let r = 0; r < 3; r++) {
  best.none = Math.min(best.none!, none());
  best.audited = Math.min(best.audited!, audited());
  if (pc) best.auditedProgress = Math.min(best.auditedProgress!, audited(pc.progressCounter()));
}
const r3 = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number.isFinite(v) ? +v.toFixed(3) : null]));
console.log(JSON.stringify({ root, wall: r3(best), cpu: r3(cpuBest) }));
