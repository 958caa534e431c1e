// Walk-forward cost: `backproof walk-forward` (host/walk-forward walkForward(): a sweep per train window,
// the choice run on its test window, every run an audited run with its folder and report) with 1 and
// with 2 workers in alternated rounds (1, 2, 1, 2 …, so both see the same machine load), then verify of
// the folder (every run of every window's sweeps checked). Prints each round's wall and process CPU
// (every thread: the pool's guest threads and this one), runs/s, and the load average.
//
//   node bench/walk-forward.ts [--data data/GOOG.csv] [--train 2y] [--test 1y] [--fast 5..20:5] [--slow 30,60] [--rounds 2]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyWalkForward, walkForward } from '../host/walk-forward/index.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';

// The malloc setting `backproof walk-forward` runs with (the launcher's: bin/malloc-threshold.js), by re-running
// this process in place once, as the launcher does
const { rerunWithMallocThreshold } = (await import('../bin/malloc-threshold.js' as string)) as { rerunWithMallocThreshold: (command: string) => void };
rerunWithMallocThreshold('walk-forward');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data/GOOG.csv' }, train: { type: 'string', default: '2y' }, test: { type: 'string', default: '1y' },
    fast: { type: 'string', default: '5..20:5' }, slow: { type: 'string', default: '30,60' }, rounds: { type: 'string', default: '2' },
  },
});
const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-wf-'));
const seconds = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1e6;

for (let round = 0; round < Number(values.rounds); round++) {
  for (const workers of [1, 2]) {
    const out = path.join(work, `r${round}-w${workers}`);
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const r = await walkForward({
      strategy: 'strategies-as/sma-cross.ts', data: [values.data!], config: DEFAULT_CONFIG, grids: [`fast=${values.fast}`, `slow=${values.slow}`],
      objective: 'sharpe', rule: { train: values.train!, test: values.test!, anchored: false, minBars: 2 }, out, workers, key: null,
    });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9, cpu = seconds(process.cpuUsage(cpu0));
    console.log(`round ${round} workers ${workers}: ${r.plan.windows.length} windows, ${r.record.count} runs, wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${(r.record.count / wall).toFixed(1)} runs/s, load ${loadavg()[0]!.toFixed(1)}`);
    if (workers === 2) {
      const v0 = process.cpuUsage(), vt = process.hrtime.bigint();
      await verifyWalkForward({ dir: out });
      console.log(`round ${round} verify: wall ${(Number(process.hrtime.bigint() - vt) / 1e9).toFixed(2)} s, CPU ${seconds(process.cpuUsage(v0)).toFixed(2)} s`);
    }
    rmSync(out, { recursive: true, force: true });
  }
}
rmSync(work, { recursive: true, force: true });
