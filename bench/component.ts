// node bench/component.ts [rounds]: what the WIT contract costs (docs/WIT.md). (1) `backproof build`'s
// extra work after asc — the provenance stamp and the world check (componentEmbed + componentNew) — in
// CPU time, the first time in a process (jco's wasm compiled) and then warm; (2) a call of on_bar through
// jco's transpiled glue against the same call straight into the core module, over data/GOOG.csv's bars
// with the same do-nothing host functions (CPU time per call, best of `rounds`, the two alternated).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStrategy } from '../host/build/asc.ts';
import { componentOf, jcoTranspiler, stampedBuild } from '../host/component/index.ts';
import { loadData } from '../host/data/load.ts';
import { toolchainMessage } from '../host/run/toolchain.ts';

const rounds = Number(process.argv[2] ?? 5);
const cpuMs = (f: () => unknown): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const cpuMsAsync = async (f: () => Promise<unknown>): Promise<number> => {
  const t = process.cpuUsage();
  await f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

const built = await buildStrategy('strategies-as/sma-cross.ts');
const toolchain = toolchainMessage() as never;
const first = await cpuMsAsync(() => stampedBuild(built.wasm, built.sources, toolchain, 'sma-cross.ts'));
let warm = Infinity;
for (let i = 0; i < rounds; i++) warm = Math.min(warm, await cpuMsAsync(() => stampedBuild(built.wasm, built.sources, toolchain, 'sma-cross.ts')));
console.log(`build's stamp + world check (sma-cross): first in a process ${first.toFixed(0)} ms CPU, then ${warm.toFixed(0)} ms CPU (best of ${rounds})`);

// The same host for both: every import a no-op returning 0 (position 0, orders dropped: on_bar's own work and the call).
const noop = () => 0;
const component = await componentOf(built.wasm, 'sma-cross.ts');
const { transpileBytes } = await jcoTranspiler();
const out = await transpileBytes(component, { name: 'strategy', instantiation: 'async' });
const dir = mkdtempSync(path.join(tmpdir(), 'backproof-bench-component-'));
for (const [name, bytes] of Object.entries(out.files)) {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), bytes);
}
const { instantiate } = await import(pathToFileURL(path.join(dir, 'strategy.js')).href);
// A parameter is its default (its fallback, the last argument), so the strategy runs as configured by default.
const proxy = (): Record<string, CallableFunction> => new Proxy({}, { get: (_, name) => (/^param/.test(String(name)) ? (...a: number[]) => a.at(-1) : noop) });
const glue = await instantiate(async (f: string) => WebAssembly.compile(readFileSync(path.join(dir, f))), { 'backproof:strategy/host': proxy(), 'backproof:strategy/env': proxy() });
const core = new WebAssembly.Instance(new WebAssembly.Module(built.wasm as BufferSource), { backproof: proxy(), env: proxy() }).exports as Record<string, CallableFunction>;
glue.init();
core.init!();

const { bars } = await loadData('data/GOOG.csv');
const n = bars.length;
let viaGlue = Infinity;
let direct = Infinity;
for (let r = 0; r < rounds; r++) {
  viaGlue = Math.min(viaGlue, cpuMs(() => {
    for (let j = 0; j < n; j++) glue.onBar(bars.time[j]!, bars.open[j]!, bars.high[j]!, bars.low[j]!, bars.close[j]!, bars.volume[j]!);
  }));
  direct = Math.min(direct, cpuMs(() => {
    for (let j = 0; j < n; j++) core.on_bar!(bars.time[j]!, bars.open[j]!, bars.high[j]!, bars.low[j]!, bars.close[j]!, bars.volume[j]!);
  }));
}
console.log(`on_bar over ${n} bars: through jco's glue ${(viaGlue * 1000 / n).toFixed(2)} µs a call, straight into the core module ${(direct * 1000 / n).toFixed(2)} µs a call (CPU, best of ${rounds})`);
