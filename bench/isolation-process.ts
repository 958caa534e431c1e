// node bench/isolation-process.ts [rounds] [bars]: what --isolation process costs against the
// in-process v8 runtime (docs/ISOLATION-PROCESS.md). executeRun on this thread, the two alternated in
// paired rounds (default 5, after one warm-up of each), on GOOG (2,148 bars) and on a tiled series of
// `bars` minute bars (default 100,000), sma-cross. CPU time is this process's (user + system) plus the
// child's (its tree's, reaped into this process's cutime/cstime of /proc/self/stat: 10 ms ticks);
// wall time beside it; median per run, and the difference per bar on the long series (the calls'
// cost apart from the child's start). Linux only (/proc).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadData, loadStrategy, DEFAULT_CONFIG, type LoadedData } from '../host/index.ts';
import { writeTiledCsv } from './tile.ts';

const rounds = Number(process.argv[2] ?? 5);
const bars = Number(process.argv[3] ?? 100_000);
const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-isolation-'));
const strategy = await loadStrategy('strategies-as/sma-cross.ts');
const goog = await loadData('data/GOOG.csv');
writeTiledCsv(path.join(work, 'long.csv'), bars);
const long = await loadData(path.join(work, 'long.csv'));

/** Reaped children's CPU (ms): fields 16 and 17 of /proc/self/stat, in clock ticks (100 a second). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Until every child of this process has exited and been reaped (its CPU is then in cutime/cstime). */
async function settle(): Promise<void> {
  const children = (): string => readdirSync('/proc/self/task').map((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8')).join('').trim();
  for (let i = 0; i < 1_000 && children() !== ''; i++) await new Promise((r) => setTimeout(r, 10));
}

async function measure(data: LoadedData, isolation: 'v8' | 'process'): Promise<{ wall: number; cpu: number; child: number }> {
  await settle();
  const k0 = childrenCpuMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  executeRun({ strategy, data, config: DEFAULT_CONFIG, isolation });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await settle();
  const child = childrenCpuMs() - k0;
  return { wall, cpu: (c.user + c.system) / 1000 + child, child };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load0 = loadavg()[0]!;
const results: Record<string, { wall: number; cpu: number; child: number }[]> = {};
for (const [name, data] of [['GOOG', goog], [`${bars} bars`, long]] as const) {
  await measure(data, 'v8');
  await measure(data, 'process');
  for (let i = 0; i < rounds; i++)
    for (const isolation of ['v8', 'process'] as const) (results[`${name} ${isolation}`] ??= []).push(await measure(data, isolation));
}
console.log(`sma-cross, ${rounds} paired rounds, median per run (load ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}, ${process.version})`);
for (const [k, xs] of Object.entries(results))
  console.log(`${k.padEnd(22)} CPU ${median(xs.map((x) => x.cpu)).toFixed(0).padStart(6)} ms (child ${median(xs.map((x) => x.child)).toFixed(0)} ms)  wall ${median(xs.map((x) => x.wall)).toFixed(0).padStart(6)} ms`);
const per = (name: string, what: 'cpu' | 'wall'): number => median(results[`${name} process`]!.map((x) => x[what])) - median(results[`${name} v8`]!.map((x) => x[what]));
const perBar = (what: 'cpu' | 'wall'): string => (((per(`${bars} bars`, what) - per('GOOG', what)) * 1000) / (bars - goog.bars.length)).toFixed(1);
console.log(`process − v8: GOOG CPU +${per('GOOG', 'cpu').toFixed(0)} ms, wall +${per('GOOG', 'wall').toFixed(0)} ms; per further bar CPU +${perBar('cpu')} µs, wall +${perBar('wall')} µs`);
rmSync(work, { recursive: true, force: true });
