// Data in (issue 11): rows/s of reading a CSV the way a run does (openData, then every chunk of a
// streamed file), for the exact text parser (every row from its decoded text: the parser before the
// byte fast path), the fast path without a cache, a cold run that also writes the column cache, and a
// cache hit. Each measurement is a child process (its own peak RSS), modes alternate in each round.
// Prints CPU time (user + sys of the measured section), wall time and the child's peak RSS.
// Run: node bench/data.ts [file.csv] [rounds]   (default: a 1,000,000-row CSV tiled from test/data)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTiledCsv } from './tile.ts';

type Mode = 'exact' | 'fast' | 'cold' | 'hit';
const MODES: Mode[] = ['exact', 'fast', 'cold', 'hit'];

interface Figures { rows: number; cpu: number; wall: number; rss: number }

/** One measurement, in this process: the child's side. */
async function measure(mode: Mode, file: string): Promise<Figures> {
  const { openData, isStreamed, STREAM_THRESHOLD } = await import('../host/data/load.ts');
  const { CsvSource } = await import('../host/data/stream.ts');
  const { parseCsv } = await import('../host/data/csv.ts');
  const { createHash } = await import('node:crypto');
  const { statSync } = await import('node:fs');
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let rows = 0;
  if (mode === 'exact') {
    // What openData did before the fast path: hash, then the text parser (whole, or streamed).
    if (statSync(file).size > STREAM_THRESHOLD) {
      const { hashFile } = await import('../host/data/stream.ts');
      hashFile(file);
      const src = new CsvSource(file, path.basename(file), {}, 65536, 8 << 20, true);
      for (let c = src.next(); c; c = src.next()) rows += c.length;
    } else {
      const raw = readFileSync(file);
      createHash('sha256').update(raw).digest('hex');
      rows = parseCsv(raw.toString('utf8'), path.basename(file)).length;
    }
  } else {
    const feed = await openData(file);
    if (isStreamed(feed)) {
      const src = feed.open();
      for (let c = src.next(); c; c = src.next()) rows += c.length;
    } else rows = feed.bars.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { rows, cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1e3, rss: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await measure(process.argv[3] as Mode, process.argv[4]!)));
} else {
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'backproof-bench-data-'));
  const rounds = Number(process.argv[3] ?? 3);
  let file = process.argv[2];
  if (!file) {
    file = path.join(dir, 'tiled-1m.csv');
    writeTiledCsv(file, 1_000_000);
  }
  const cache = path.join(dir, 'cache');
  const run = (mode: Mode): Figures => {
    // exact and fast run without a cache; cold starts from an empty one (and fills it); hit reads it.
    if (mode === 'cold') rmSync(cache, { recursive: true, force: true });
    const env = { ...process.env, BACKPROOF_CACHE_DIR: mode === 'exact' || mode === 'fast' ? 'off' : cache };
    return JSON.parse(execFileSync(process.execPath, [self, '--child', mode, file], { env, encoding: 'utf8' })) as Figures;
  };
  const results = new Map<Mode, Figures[]>(MODES.map((m) => [m, []]));
  for (let r = 0; r < rounds; r++) for (const m of MODES) results.get(m)!.push(run(m));
  const range = (xs: number[], digits: number) => {
    const lo = Math.min(...xs), hi = Math.max(...xs);
    return lo.toFixed(digits) === hi.toFixed(digits) ? lo.toFixed(digits) : `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
  };
  console.log(`${file}: ${results.get('fast')![0]!.rows.toLocaleString('en-US')} rows, ${rounds} rounds (modes alternated); ${cpus()[0]?.model}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| mode | CPU s | wall s | M rows/s (CPU) | peak RSS MB |\n|---|---:|---:|---:|---:|');
  const label: Record<Mode, string> = { exact: 'exact text parser (before)', fast: 'byte fast path, no cache', cold: 'fast path + writing the cache', hit: 'column cache hit' };
  for (const m of MODES) {
    const f = results.get(m)!;
    console.log(`| ${label[m]} | ${range(f.map((x) => x.cpu), 2)} | ${range(f.map((x) => x.wall), 2)} | ${range(f.map((x) => x.rows / x.cpu / 1e6), 2)} | ${range(f.map((x) => x.rss), 0)} |`);
  }
  rmSync(dir, { recursive: true, force: true });
}
