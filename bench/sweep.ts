// Sweep throughput: runs/s of `backproof sweep` (host/sweep sweep(): every combination an audited run
// with its run folder and report written) with 1 and with 2 workers, in alternated rounds (1, 2, 1, 2 …)
// so both see the same machine load. Prints each round's wall and process CPU (every thread: the pool's
// guest threads and this one) and its split by thread kind (guest threads, V8's helper threads, this one;
// user and system time), when the first result came and the runs/s of each quarter of the results, the
// same for the sweep's second half alone (the threads started and V8's code for them mostly made: a
// longer sweep's rate), the median runs/s per worker count, the ratios 2/1, and the load average.
//
//   node bench/sweep.ts [--data data/GOOG.csv] [--combos 400] [--rounds 2]
//   node bench/sweep.ts --data /tmp/rw/rw_1m.csv --combos 8 --rounds 2      (a 1M-bar series)
//   node bench/sweep.ts --dist                 (the compiled package: `node scripts/pack-build.ts` first)
//   MALLOC_MMAP_THRESHOLD_=65536 node bench/sweep.ts    (another malloc setting than `backproof sweep`'s)
//
// The grid: fast = 2, 3, … and slow = 50, 60, … (fast < slow always), its first --combos combinations.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import nodeModule from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

// The malloc setting `backproof sweep` runs with (the launcher's: bin/malloc-threshold.js), made as the launcher
// makes it, before malloc starts: by re-running this process in place once
const { rerunWithMallocThreshold } = (await import('../bin/malloc-threshold.js' as string)) as { rerunWithMallocThreshold: (command: string) => void };
rerunWithMallocThreshold('sweep');
const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/GOOG.csv' }, combos: { type: 'string', default: '400' }, rounds: { type: 'string', default: '2' }, workers: { type: 'string', default: '1,2' }, dist: { type: 'boolean', default: false } } });
// --dist: the compiled JavaScript an installed package runs (dist/, made by `node scripts/pack-build.ts`), where
// every guest thread loads compiled modules; else the .ts sources, which each guest thread type-strips as it loads them
// Node's compile cache, on as `backproof sweep` turns it on (bin/backproof.js): through the environment, so every
// guest thread loads the modules' cached code (and, from the sources, their type-stripped text: ~250 ms of CPU a
// thread without it) rather than making it again
if (!process.env.NODE_COMPILE_CACHE) {
  const { cacheRoot } = await import('../host/build/cache-root.ts');
  const root = cacheRoot();
  if (root) {
    process.env.NODE_COMPILE_CACHE = path.join(root, 'node');
    nodeModule.enableCompileCache(process.env.NODE_COMPILE_CACHE);
  }
}
const from = values.dist ? '../dist/host' : '../host';
const ext = values.dist ? 'js' : 'ts';
const { sweep } = (await import(`${from}/sweep/index.${ext}`)) as typeof import('../host/sweep/index.ts');
const { DEFAULT_CONFIG } = (await import(`${from}/run/config.${ext}`)) as typeof import('../host/run/config.ts');
const combos = Number(values.combos), rounds = Number(values.rounds);
const workerCounts = values.workers!.split(',').map(Number);
// slow has 10 values, fast as many as make up the count; --where keeps the first --combos in canonical order
const slow = '50..140:10';
const fastCount = Math.ceil(combos / 10);
const grids = [`fast=2..${1 + fastCount}`, `slow=${slow}`];
const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-sweep-'));

/**
 * CPU seconds of this process's threads by kind, user and system apart (Linux: /proc/self/task; empty
 * elsewhere): WorkerThread = the guest threads, V8Worker = V8's helper threads (background JIT and GC),
 * MainThread = this thread. A thread that ended meanwhile is not counted.
 */
function threadCpu(): Map<string, number> {
  const byThread = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return byThread;
  const tick = 100; // USER_HZ, 100 on Linux
  for (const t of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const kind = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread.set(`${t} ${kind} user`, Number(f[11]) / tick);
      byThread.set(`${t} ${kind} system`, Number(f[12]) / tick);
    } catch { /* ended meanwhile */ }
  }
  return byThread;
}

function cpuByKind(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const [k, v] of after) {
    const [, kind, mode] = k.split(' ');
    const key = `${kind} ${mode}`;
    kinds.set(key, (kinds.get(key) ?? 0) + v - (before.get(k) ?? 0));
  }
  return kinds;
}

/** A round's figures: the whole sweep's, and its second half's (its threads started and V8's code for them mostly made). */
interface Round { wall: number; cpu: number; runs: number; kinds: Map<string, number>; first: number; quarters: number[]; lateMsPerRun: number; lateKinds: Map<string, number>; lateRuns: number }

async function once(workers: number, n: number, label: string): Promise<Round> {
  // every round starts as a sweep does, its guest threads new: the last round's idle ones (kept 2 s by
  // run/worker, their code compiled by V8 already) have ended
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const out = path.join(work, label);
  rmSync(out, { recursive: true, force: true });
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpu();
  // when each result came, and the threads' CPU when half had come
  const done: bigint[] = [];
  let half = new Map<string, number>();
  const halfAt = Math.floor(n / 2);
  const t0 = process.hrtime.bigint();
  const r = await sweep({
    strategy: 'strategies-as/sma-cross.ts', data: [values.data!], config: DEFAULT_CONFIG, grids,
    where: `(fast - 2) * 10 + (slow - 50) / 10 < ${n}`, objective: 'sharpe', out, workers, key: null,
    onDone: () => {
      done.push(process.hrtime.bigint());
      if (done.length === halfAt) half = threadCpu();
    },
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(cpu0);
  const end = threadCpu();
  const kinds = cpuByKind(threads0, end);
  const at = (k: number): number => Number(done[Math.min(done.length - 1, Math.max(0, k))]! - t0) / 1e9;
  const quarter = Math.max(1, Math.floor(done.length / 4));
  const quarters = [0, 1, 2, 3].map((q) => quarter / (at((q + 1) * quarter - 1) - (q === 0 ? 0 : at(q * quarter - 1))));
  const lateRuns = done.length - halfAt;
  const lateMsPerRun = halfAt > 0 && lateRuns > 0 ? (at(done.length - 1) - at(halfAt - 1)) * 1000 / lateRuns : NaN;
  // (kept until the end: removing a round's ~10,000 files before the next makes ext4 skip every
  // recently freed inode when it allocates one — find_inode_bit/recently_deleted, a scan that grows with
  // what was freed in the last minutes and took a third of a guest thread's time in the rounds after)
  return { wall, cpu: (c.user + c.system) / 1e6, runs: r.record.count, kinds, first: at(0), quarters, lateMsPerRun, lateKinds: cpuByKind(half, end), lateRuns };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`sweep bench: ${values.data}, ${combos} combinations, workers ${workerCounts.join(' vs ')}, ${rounds} rounds alternated; MALLOC_MMAP_THRESHOLD_ ${process.env.MALLOC_MMAP_THRESHOLD_ ?? 'unset'}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await once(1, 2, 'warm'); // the build cache and the data's column cache, once
const perWorkers = new Map<number, number[]>(workerCounts.map((w) => [w, []]));
const latePerWorkers = new Map<number, number[]>(workerCounts.map((w) => [w, []]));
const perRun = (kinds: Map<string, number>, runs: number): string => [...kinds].filter(([, v]) => v >= 0.01).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / runs * 1000).toFixed(1)} ms`).join(', ');
for (let round = 0; round < rounds; round++) {
  for (const w of workerCounts) {
    const m = await once(w, combos, `w${w}-r${round}`);
    perWorkers.get(w)!.push(m.runs / m.wall);
    console.log(`round ${round + 1} workers ${w}: ${m.runs} runs, wall ${m.wall.toFixed(2)} s = ${(m.runs / m.wall).toFixed(2)} runs/s, process CPU ${m.cpu.toFixed(2)} s (${(m.cpu / m.runs * 1000).toFixed(0)} ms/run), load ${loadavg()[0]!.toFixed(1)}`);
    console.log(`  CPU per run by thread: ${perRun(m.kinds, m.runs)}`);
    console.log(`  first result at ${m.first.toFixed(2)} s; runs/s by quarter of the results: ${m.quarters.map((q) => q.toFixed(0)).join(', ')}`);
    console.log(`  second half: ${(1000 / m.lateMsPerRun).toFixed(2)} runs/s; CPU per run by thread: ${perRun(m.lateKinds, m.lateRuns)}`);
    latePerWorkers.get(w)!.push(1000 / m.lateMsPerRun);
  }
}
for (const w of workerCounts) console.log(`workers ${w}: median ${median(perWorkers.get(w)!).toFixed(2)} runs/s`);
if (workerCounts.length === 2) {
  const [a, b] = workerCounts as [number, number];
  console.log(`ratio ${b}/${a}: ${(median(perWorkers.get(b)!) / median(perWorkers.get(a)!)).toFixed(2)}x (whole sweeps); ${(median(latePerWorkers.get(b)!) / median(latePerWorkers.get(a)!)).toFixed(2)}x (second halves: ${median(latePerWorkers.get(a)!).toFixed(2)} and ${median(latePerWorkers.get(b)!).toFixed(2)} runs/s)`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process, all threads)`);
rmSync(work, { recursive: true, force: true });
