// 10M bars through an audited run, streamed from a CSV written to a temporary file (tiled from a real
// file, one bar a minute from 2000-01-01). Prints time, bars/s and peak RSS. Run: node bench/big.ts [bars]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { executeRun, loadStrategy, openData, DEFAULT_CONFIG } from '../host/index.ts';
import { writeTiledCsv } from './tile.ts';

const N = Number(process.argv[2] ?? 10_000_000);
const dir = mkdtempSync(path.join(tmpdir(), 'backproof-big-'));
const file = path.join(dir, 'big.csv');
writeTiledCsv(file, N);
const strategy = await loadStrategy('strategies-as/sma-cross.ts');
const t0 = process.hrtime.bigint();
const data = await openData(file);
const o = executeRun({ strategy, data, config: DEFAULT_CONFIG });
const s = Number(process.hrtime.bigint() - t0) / 1e9;
const mu = process.memoryUsage();
if (process.env.BENCH_MEM) console.log(`rss ${(mu.rss / 1e6).toFixed(0)} MB, heap ${(mu.heapUsed / 1e6).toFixed(0)} MB, array buffers ${(mu.arrayBuffers / 1e6).toFixed(0)} MB, external ${(mu.external / 1e6).toFixed(0)} MB`);
console.log(`${N.toLocaleString('en-US')} bars, streamed=${!('bars' in data)}: ${s.toFixed(1)} s (hash pass, parse and audited run), ${Math.round(N / s).toLocaleString('en-US')} bars/s, ${o.trace.leafHashes.length} leaves, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
