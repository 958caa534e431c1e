// The whole `backproof backtest` command, as a user runs it: a child process per run (start, read the
// data, build, the audited run, the run folder, the report), measured as `/usr/bin/time` measures it
// (bench/command-usage: wall, CPU of every thread and of the build's process, the largest peak RSS).
// Paired rounds, alternated: a cold cache (a fresh, empty BACKPROOF_CACHE_DIR: the strategy is compiled in
// a process of its own, the data parsed) and a warm one (the second run on the same inputs). Then
// `backproof verify` of the run folder.
//
// Run: node bench/whole.ts [FILE.csv] [--rounds N] [--10m [FILE.csv]] [--strategy FILE]
//   FILE.csv  the 1M-bar data (default: 1,000,000 minute bars tiled from test/data, bench/tile.ts);
//             for the comparison with backtesting.py, the benchmark kit's rw_1m.csv (docs/BENCHMARKS.md)
//   --10m     also 10M bars (streamed): FILE.csv, else 10,000,000 bars tiled (~0.5 GB in the temp folder)
//
// backtesting.py cannot be installed here: its figures (22.6–26.6 s, 411 MB peak RSS on rw_1m.csv, SMA
// 10/20 unit size, 0.2 % commission, cash 1e6; backtesting.py 0.6.6 on a 2-core machine like this one)
// are the documented reference of the benchmark kit (shared/bench/README.md), not measured in this run.
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOW_MEASURED, measureNode } from './command-usage.ts';
import { writeTiledCsv } from './tile.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO, 'bin', 'backproof.js');
/** backtesting.py 0.6.6, whole process on rw_1m.csv: the benchmark kit's documented figures (see above). */
const REFERENCE = { name: 'backtesting.py 0.6.6 (documented)', wallMin: 22.6, wallMax: 26.6, rssMb: 411 };
const TARGET = { wall1m: 2.5, rss1m: 400, rss10m: 500, verifyRatio: 0.25, verifyRss: 150 };

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const valueOf = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[i + 1] : undefined;
};
const ROUNDS = Number(valueOf('--rounds') ?? 3);
const STRATEGY = valueOf('--strategy') ?? path.join(REPO, 'strategies-as', 'sma-cross-unit.ts');
const positional = argv.find((a, i) => !a.startsWith('--') && !['--rounds', '--strategy', '--10m'].includes(argv[i - 1] ?? ''));

const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-whole-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Rows of a CSV file (its lines but the header), counted in blocks. */
function rowsOf(file: string): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 22);
  let lines = 0;
  let last = 10;
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; last = buf[n - 1]!)
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  closeSync(fd);
  return lines + (last === 10 ? 0 : 1) - 1;
}

interface Data {
  file: string;
  label: string;
  bars: number;
}

function dataFile(given: string | undefined, bars: number, name: string): Data {
  if (given) {
    if (!existsSync(given)) throw new Error(`no such data file: ${given}`);
    const rows = rowsOf(given);
    return { file: path.resolve(given), label: `${path.basename(given)} (${rows.toLocaleString('en-US')} bars)`, bars: rows };
  }
  const file = path.join(work, name);
  process.stderr.write(`whole: writing ${bars.toLocaleString('en-US')} tiled bars to ${file}…\n`);
  writeTiledCsv(file, bars);
  return { file, label: `${bars / 1e6}M tiled bars`, bars };
}

interface Usage {
  wall: number;
  cpu: number;
  /** The largest peak RSS of one process (the command's, or its build process's if larger). */
  rssMb: number;
  /** The peak of the RSS summed over the command's processes (the build's process beside it). */
  sumMb: number;
}

/** One CLI command in a child process (bench/command-usage). */
async function measure(args: string[], env: Record<string, string>): Promise<Usage> {
  const u = await measureNode([CLI, ...args], { env, cwd: REPO });
  return { wall: u.wall, cpu: u.cpu, rssMb: u.rss, sumMb: u.sum };
}

const backtestArgs = (data: string, out: string): string[] => [
  'backtest', '--strategy', STRATEGY, '--data', data, '--commission', '0.002', '--cash', '1000000', '--out', out, '--force', '--unsigned', '--quiet',
];

interface Row {
  what: string;
  runs: Usage[];
  /** Bars of its data: the comparison with backtesting.py's 1M-bar figures is made at 1,000,000 only. */
  bars: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], digits: number): string => {
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  return lo === hi ? lo.toFixed(digits) : `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
};

async function wholeRows(data: Data, rounds: number, tag: string): Promise<{ rows: Row[]; verify: Row; runDir: string }> {
  const warmCache = path.join(work, `cache-warm-${tag}`);
  const runDir = path.join(work, `run-${tag}`);
  // The warm cache is filled once, by a run that is not counted. No command here starts a build server as it ends
  // (build/build-server): its warm-up would share the cores with the next measurement (bench/first-run measures it).
  await measure(backtestArgs(data.file, runDir), { BACKPROOF_CACHE_DIR: warmCache, BACKPROOF_BUILD_SERVER: 'off' });
  const cold: Usage[] = [];
  const warm: Usage[] = [];
  const verify: Usage[] = [];
  for (let r = 0; r < rounds; r++) {
    const coldCache = mkdtempSync(path.join(work, 'cache-cold-'));
    cold.push(await measure(backtestArgs(data.file, runDir), { BACKPROOF_CACHE_DIR: coldCache, BACKPROOF_BUILD_SERVER: 'off' }));
    rmSync(coldCache, { recursive: true, force: true });
    warm.push(await measure(backtestArgs(data.file, runDir), { BACKPROOF_CACHE_DIR: warmCache }));
    verify.push(await measure(['verify', runDir, '--quiet'], { BACKPROOF_CACHE_DIR: warmCache }));
  }
  return {
    rows: [{ what: `backtest ${data.label}, cold cache`, runs: cold, bars: data.bars }, { what: `backtest ${data.label}, warm cache`, runs: warm, bars: data.bars }],
    verify: { what: `verify of that run`, runs: verify, bars: data.bars },
    runDir,
  };
}

function table(rows: Row[], verifyOf: Map<Row, Row>): string[] {
  const head = ['whole command', 'wall s (median, range)', 'CPU s', 'peak RSS MB', 'summed RSS MB', `vs ${REFERENCE.name}: speed`, 'memory'];
  const lines: string[][] = [head];
  for (const row of rows) {
    const wall = median(row.runs.map((u) => u.wall));
    const rss = median(row.runs.map((u) => u.rssMb));
    const is1m = row.bars === 1_000_000;
    const isVerify = row.what.startsWith('verify');
    const base = verifyOf.get(row);
    lines.push([
      row.what,
      `${wall.toFixed(2)} (${range(row.runs.map((u) => u.wall), 2)})`,
      median(row.runs.map((u) => u.cpu)).toFixed(2),
      `${rss.toFixed(0)} (${range(row.runs.map((u) => u.rssMb), 0)})`,
      median(row.runs.map((u) => u.sumMb)).toFixed(0),
      isVerify && base ? `${(wall / median(base.runs.map((u) => u.wall))).toFixed(2)} x backtest` : is1m ? `${(REFERENCE.wallMin / wall).toFixed(1)}–${(REFERENCE.wallMax / wall).toFixed(1)}x faster` : '',
      // against the summed RSS: what the command holds at once, its build's process included
      is1m && !isVerify ? `${(median(row.runs.map((u) => u.sumMb)) / REFERENCE.rssMb).toFixed(2)} x` : '',
    ]);
  }
  lines.push([
    'targets (issue 11)', `1M ≤ ${TARGET.wall1m}`, '', `1M < ${TARGET.rss1m}, 10M < ${TARGET.rss10m}`, '', `≥ 10x; verify ≤ ${TARGET.verifyRatio} x backtest, ≤ ${TARGET.verifyRss} MB`, '< 1 x',
  ]);
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  return lines.map((l, i) => {
    const text = `| ${l.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
    return i === 0 ? `${text}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : text;
  });
}

const load = loadavg()[0]!.toFixed(2);
const one = dataFile(positional, 1_000_000, 'bars-1m.csv');
const main = await wholeRows(one, ROUNDS, '1m');
const rows: Row[] = [...main.rows, main.verify];
const verifyOf = new Map<Row, Row>([[main.verify, main.rows[1]!]]);
if (flag('--10m')) {
  const ten = dataFile(valueOf('--10m'), 10_000_000, 'bars-10m.csv');
  const big = await wholeRows(ten, 1, '10m');
  big.verify.what = 'verify of that run';
  rows.push(...big.rows, big.verify);
  verifyOf.set(big.verify, big.rows[1]!);
}
console.log(`whole: \`backproof backtest\` as a child process, ${ROUNDS} paired rounds (cold cache, warm cache, verify), strategy ${path.relative(REPO, STRATEGY)}, ` +
  `commission 0.2 %, cash 1e6, unsigned, load average ${load} at the start (${loadavg()[0]!.toFixed(2)} at the end); ` +
  `${HOW_MEASURED}; summed RSS = the peak of the RSS summed over the command's processes (the build's beside it, cold cache; sampled every 20 ms); reference: ${REFERENCE.name} ${REFERENCE.wallMin}–${REFERENCE.wallMax} s, ${REFERENCE.rssMb} MB on rw_1m.csv, not measured here`);
for (const line of table(rows, verifyOf)) console.log(line);
