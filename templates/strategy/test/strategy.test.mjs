// Backtests the example strategy on the bundled data through backproof's programmatic API and
// checks its result. Change the strategy and this fails with the new figures: if the change is
// meant, put them here. `npm test` runs it (node --test "test/**/*.test.mjs").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backtest, verify } from 'backproof';

test('SMA(10/20) crossover on GOOG: 93 trades, final equity 81,812.37', async () => {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'strategy-test-')), 'run');
  const run = await backtest({
    strategy: 'src/strategy.ts',
    data: 'data/GOOG.csv',
    params: { fast: 10, slow: 20 },
    key: null, // unsigned: a test vouches for nothing
    out,
    report: false,
    logLevel: 'silent',
  });
  // Both figures at once, so a failure shows both new values.
  assert.deepEqual(
    { bars: run.stats.bars, trades: run.stats.trades, equityFinal: run.stats.equityFinal.toFixed(2) },
    { bars: 2148, trades: 93, equityFinal: '81812.37' },
  );
  // The run folder checks out: every hash of the record against the files.
  assert.equal((await verify(run.dir)).runId, run.runId);
});
