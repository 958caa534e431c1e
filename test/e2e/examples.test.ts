// Each example strategy, built with asc and run audited on a real file (orcl-1995-2014, 5036 daily
// bars, commission 0.1 %), pins its trade count and exact final equity.
import { describe, expect, it } from 'vitest';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG } from '../../host/index.ts';

const PINNED: [string, number, number][] = [
  ['sma-cross', 267, 733.0901465130306],
  ['ema-cross', 89, 24552.148074229004],
  ['rsi-reversion', 14, 40179.05999596701],
  ['bollinger-breakout', 84, 55201.471834400036],
  ['donchian-turtle', 83, 13420.011968201063],
];

// Sized on the prices known at each fill (the other symbol's previous close, not its close at the fill's timestamp).
// The strategy decides when both symbols have closed their bars of one time, whichever closes last
// (closes at one instant go in symbol-name order, so it no longer assumes symbol 1 closes last).
const PAIRS: [number, number] = [170, 12507.705200593002];

describe('example strategies', () => {
  it('pairs: two symbols (ORCL, GOOG) merged in time', async () => {
    const orcl = await loadData('test/data/orcl-1995-2014.txt');
    const goog = await loadData('data/GOOG.csv');
    const r = executeRun({ strategy: await loadStrategy('strategies-as/pairs.ts'), data: [orcl, goog], config: { ...DEFAULT_CONFIG, commission: 0.001 } });
    expect(r.result.stats.bars).toBe(5036 + 2148);
    expect(new Set(r.result.trades.map((t) => t.symbol))).toEqual(new Set([0, 1]));
    expect([r.result.stats.trades, r.result.stats.equityFinal]).toEqual(PAIRS);
  });

  it('pin trade count and final equity', async () => {
    const data = await loadData('test/data/orcl-1995-2014.txt');
    for (const [name, trades, equity] of PINNED) {
      const r = executeRun({ strategy: await loadStrategy(`strategies-as/${name}.ts`), data, config: { ...DEFAULT_CONFIG, commission: 0.001 } });
      expect([name, r.result.stats.trades, r.result.stats.equityFinal]).toEqual([name, trades, equity]);
    }
  });
});
