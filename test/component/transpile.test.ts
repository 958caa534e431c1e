// A strategy's component, transpiled to JavaScript with jco, runs on the real engine to the same trades
// as its core module in the sandbox (correctness only: the glue is never on a run's path, docs/WIT.md).
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStrategy } from '../../host/build/asc.ts';
import { componentOf, componentImports, jcoTranspiler } from '../../host/component/index.ts';
import { loadData } from '../../host/data/load.ts';
import { Backtest } from '../../host/engine/backtest.ts';
import { DEFAULT_CONFIG, engineConfigFor, type RunConfig } from '../../host/run/config.ts';
import { executeRun } from '../../host/run/execute.ts';
import { guestHostFor } from '../../host/run/guest-host.ts';
import type { Trade } from '../../host/model/trade.ts';

interface Exports {
  init(): void;
  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void;
  onOrder(id: number, status: number, price: number, units: number): void;
  onTrade(size: number, entryPrice: number, exitPrice: number, pnl: number): void;
}

/** The component of `entry` transpiled into a temporary folder, and its JS module's instantiate. */
async function transpiled(wasm: Uint8Array, entry: string): Promise<{ dir: string; instantiate: (get: (f: string) => Promise<WebAssembly.Module>, imports: unknown) => Promise<Exports> }> {
  const component = await componentOf(wasm, entry);
  const { transpileBytes } = await jcoTranspiler();
  const out = await transpileBytes(component, { name: 'strategy', instantiation: 'async' });
  expect(out.exports.map(([n]) => n)).toEqual(['init', 'onBar', 'onOrder', 'onTrade']);
  const dir = await mkdtemp(path.join(tmpdir(), 'backproof-component-'));
  for (const [name, bytes] of Object.entries(out.files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), bytes);
  }
  return { dir, ...(await import(pathToFileURL(path.join(dir, 'strategy.js')).href)) };
}

const row = (t: Trade) => [t.entryTime, t.exitTime, t.size, t.entryPrice, t.exitPrice, t.pnl, t.commission];

async function sameTrades(entry: string, params: Record<string, number>): Promise<number> {
  const data = await loadData('data/GOOG.csv');
  const config: RunConfig = { ...DEFAULT_CONFIG, params };
  const built = await buildStrategy(entry);
  const core = executeRun({ strategy: { wasm: built.wasm, sources: built.sources, lock: built.lock }, data, config }).result;

  const { dir, instantiate } = await transpiled(built.wasm, entry);
  const backtest = new Backtest(data.bars, engineConfigFor(config));
  const host = guestHostFor(backtest, config, () => {});
  const guest = await instantiate(async (file) => WebAssembly.compile(await readFile(path.join(dir, file))), componentImports(host, config.seed));
  guest.init();
  const result = backtest.run({
    onBar: (t, o, h, l, c, v) => guest.onBar(t, o, h, l, c, v),
    onOrder: (id, status, price, units) => guest.onOrder(id, status, price, units),
    onTrade: (size, entryPrice, exitPrice, pnl) => guest.onTrade(size, entryPrice, exitPrice, pnl),
  });
  expect(result.trades.map(row)).toEqual(core.trades.map(row));
  expect(result.equity).toEqual(core.equity);
  return core.trades.length;
}

describe('a component transpiled with jco', () => {
  it('sma-cross on GOOG: the same trades and equity as the core module', async () => {
    expect(await sameTrades('strategies-as/sma-cross.ts', {})).toBe(93);
  }, 60_000);

  it('bollinger-breakout (params, brackets, order events, trades): the same trades and equity', async () => {
    // period 15, not the default 20 (31 trades): the name crossed as UTF-16LE bytes and was read back
    expect(await sameTrades('strategies-as/bollinger-breakout.ts', { period: 15 })).toBe(37);
  }, 60_000);
});
