// The first `backproof backtest` on new data and a new strategy, as a user meets it: the whole command as a
// child process, with nothing of the run in the cache folder (the strategy is compiled, the CSV parsed and its
// column cache written). Three kinds of first:
//   new installation   the cache folder empty, Node's compile cache (its node/ folder) too;
//   new strategy/data  the compile cache warm (filled by an earlier command), builds/ and columns/ empty, no build
//                      server: the first command of a session (it starts one as it ends: the bench waits for that
//                      server's warm-up before the next measurement);
//   build server up    the same, but an earlier command's build process is serving builds (build/build-server),
//                      and the strategy is new to it (a comment naming the round appended: the build cache misses,
//                      asc runs): the author's edit-and-run loop.
// And, for the comparison, the second run (everything cached). Rounds alternate the cases, and with --against
// another checkout of Backproof (e.g. `git archive` of an older commit, its node_modules linked), each case
// alternates between the two: paired figures under the same load, and a second table of the rounds' differences.
//
// Measured for each command as `/usr/bin/time` measures it (bench/command-usage): wall time, CPU = user + system of
// the command and every process it waited for (the build's own process is one), the largest peak RSS of one process
// (GNU time's %M), and the peak of the SUM over the command's process tree, sampled every 20 ms from /proc (a build
// in its own process runs beside the CLI: the sum is the memory the command holds).
//
// Run: node bench/first-run.ts [FILE.csv] [--rounds N] [--strategy FILE] [--against DIR] [--only new-installation|new-strategy|build-server|second-run]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOW_MEASURED, measureNode, type Usage } from './command-usage.ts';
import { writeTiledCsv } from './tile.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const valueOf = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
// Without a file: 1,000,000 minute bars tiled from test/data (bench/tile.ts), as bench/whole.ts does.
const data = argv.find((a, i) => !a.startsWith('--') && !['--rounds', '--strategy', '--against', '--only'].includes(argv[i - 1] ?? '')) ?? tiled();
function tiled(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'backproof-first-run-data-')), 'tiled-1m.csv');
  writeTiledCsv(file, 1_000_000);
  return file;
}
const ROUNDS = Number(valueOf('--rounds') ?? 3);
const STRATEGY = path.resolve(valueOf('--strategy') ?? path.join(REPO, 'strategies-as', 'sma-cross-unit.ts'));
const checkouts = [REPO, ...(valueOf('--against') ? [path.resolve(valueOf('--against')!)] : [])];

const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-first-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const measure = (cli: string, cache: string, out: string, strategy = STRATEGY): Promise<Usage> => measureNode(
  [cli, 'backtest', '--strategy', strategy, '--data', path.resolve(data!), '--commission', '0.002', '--cash', '1000000', '--out', out, '--force', '--unsigned', '--quiet'],
  { env: { BACKPROOF_CACHE_DIR: cache } },
);

type Case = 'new installation' | 'new strategy/data' | 'build server up' | 'second run';
const ALL_CASES: Case[] = ['new installation', 'new strategy/data', 'build server up', 'second run'];
const only = valueOf('--only');
const CASES = ALL_CASES.filter((c) => only === undefined || c.startsWith(only.replace(/-/g, ' ')));
const results = new Map<string, Usage[]>();
const key = (checkout: string, c: Case): string => `${path.basename(checkout) || checkout} | ${c}`;

for (const checkout of checkouts) {
  // A warm cache folder per checkout: its compile cache (node/) seeds "new strategy/data", all of it "second run".
  const warm = path.join(work, `warm-${checkouts.indexOf(checkout)}`);
  await measure(path.join(checkout, 'bin', 'backproof.js'), warm, path.join(work, 'run'));
  // And one whose build server stays up (started by this command) for "build server up".
  if (CASES.includes('build server up')) await measure(path.join(checkout, 'bin', 'backproof.js'), path.join(work, `served-${checkouts.indexOf(checkout)}`), path.join(work, 'run'));
  await settle(warm);
  await settle(path.join(work, `served-${checkouts.indexOf(checkout)}`));
}
/**
 * CPU seconds (user + system) used so far by the build servers of cache folder `cache` (Linux /proc): a command
 * does not wait for the server it asks, so its own CPU leaves out the build; "build server up" adds it back.
 */
function serverCpu(cache: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('build-process')) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`BACKPROOF_CACHE_DIR=${cache}`)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch { /* gone */ }
  }
  return ticks / 100; // USER_HZ
}
/** Waits until the build servers of `cache` are idle (their CPU unchanged for a second): a command's server warms up after it ends, which the next measurement must not share the cores with. */
async function settle(cache: string): Promise<void> {
  for (let last = -1, now = serverCpu(cache); now !== last; last = now, now = serverCpu(cache)) await new Promise((resolve) => setTimeout(resolve, 1000));
}
/** The strategy with a comment naming the round: new to the build cache, so asc builds it (beside the strategy: its imports are relative). */
function variant(round: number): string {
  const file = path.join(path.dirname(STRATEGY), `.first-run-${process.pid}-${round}.ts`);
  writeFileSync(file, `${readFileSync(STRATEGY, 'utf8')}// first-run round ${round}\n`);
  process.on('exit', () => rmSync(file, { force: true }));
  return file;
}
const load0 = loadavg()[0]!.toFixed(2);
for (let r = 0; r < ROUNDS; r++) {
  for (const c of CASES) {
    for (const checkout of checkouts) {
      const warm = path.join(work, `warm-${checkouts.indexOf(checkout)}`);
      let cache = warm;
      if (c === 'build server up') {
        // Everything of the run forgotten but the compile cache and the server.
        cache = path.join(work, `served-${checkouts.indexOf(checkout)}`);
        for (const f of ['builds', 'columns', 'normalized', 'rendered']) rmSync(path.join(cache, f), { recursive: true, force: true });
        const before = serverCpu(cache);
        const u = await measure(path.join(checkout, 'bin', 'backproof.js'), cache, path.join(work, 'run'), variant(r));
        u.cpu += serverCpu(cache) - before;
        await settle(cache);
        results.set(key(checkout, c), [...(results.get(key(checkout, c)) ?? []), u]);
        continue;
      }
      if (c !== 'second run') {
        cache = path.join(work, `cache-${r}-${ALL_CASES.indexOf(c)}-${checkouts.indexOf(checkout)}`);
        mkdirSync(cache);
        if (c === 'new strategy/data') cpSync(path.join(warm, 'node'), path.join(cache, 'node'), { recursive: true });
      }
      const u = await measure(path.join(checkout, 'bin', 'backproof.js'), cache, path.join(work, 'run'));
      await settle(cache); // (a first run starts a build server as it ends: its warm-up is not the next round's)
      if (cache !== warm) rmSync(cache, { recursive: true, force: true });
      results.set(key(checkout, c), [...(results.get(key(checkout, c)) ?? []), u]);
    }
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], d: number): string => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;
console.log(`first-run: \`backproof backtest\` on ${path.basename(data)}, strategy ${path.relative(REPO, STRATEGY)}, ${ROUNDS} rounds (cases and checkouts alternated), ` +
  `load average ${load0} at the start, ${loadavg()[0]!.toFixed(2)} at the end; ${HOW_MEASURED}`);
console.log('| checkout | case | wall s (median, range) | CPU s (median, range) | peak RSS of one process MB | peak RSS summed over its processes MB |');
console.log('|---|---|---|---|---|---|');
for (const [k, us] of results) {
  const [checkout, c] = k.split(' | ');
  const col = (f: (u: Usage) => number, d: number): string => `${median(us.map(f)).toFixed(d)} (${range(us.map(f), d)})`;
  console.log(`| ${checkout} | ${c} | ${col((u) => u.wall, 2)} | ${col((u) => u.cpu, 2)} | ${col((u) => u.rss, 0)} | ${col((u) => u.sum, 0)} |`);
}
// With --against: each round's two runs of a case ran back to back, under much the same load, so the median of
// their differences is steadier on a shared machine than the difference of the medians.
if (checkouts.length === 2) {
  console.log('');
  console.log(`| case | ${path.basename(checkouts[0]!)} − ${path.basename(checkouts[1]!)}: wall s, median of the rounds' differences (range) | CPU s, the same | rounds the first was faster (wall) |`);
  console.log('|---|---|---|---|');
  for (const c of CASES) {
    const a = results.get(key(checkouts[0]!, c))!, b = results.get(key(checkouts[1]!, c))!;
    const diffs = (f: (u: Usage) => number): number[] => a.map((u, r) => f(u) - f(b[r]!));
    const col = (xs: number[]): string => `${median(xs).toFixed(2)} (${range(xs, 2)})`;
    const wall = diffs((u) => u.wall);
    console.log(`| ${c} | ${col(wall)} | ${col(diffs((u) => u.cpu))} | ${wall.filter((d) => d < 0).length} of ${wall.length} |`);
  }
}
