// The Redis path's cost against the local pool: the same sweep (sma-cross on data/GOOG.csv, BENCH_GRID
// combinations) run by sweep() on the local pool with one worker thread, and through BullMQ on a real
// redis-server with one `backproof worker` process (concurrency 1), alternated over BENCH_ROUNDS rounds.
// Prints per round and as medians: wall time, CPU time (this process, plus the worker process and
// redis-server for the queue path, read from /proc), the overhead per job, and the worker's peak RSS
// (VmHWM: memory per worker). The worker is started and connected before the clock starts; its start's
// CPU is printed apart. Run on a quiet machine for figures; the load average is printed.
//   node bench/queue.ts            BENCH_ROUNDS=3 BENCH_GRID="fast=5..50:5,slow=20..40:10"
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startRedis } from '../test/helpers/redis-server.ts';
import { sweep, type SweepRequest } from '../host/sweep/index.ts';
import { runSweepOnQueue } from '../host/distributed/index.ts';
import { DEFAULT_CONFIG } from '../host/run/config.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GRIDS = (process.env.BENCH_GRID ?? 'fast=5..50:5,slow=20..40:10').split(/,(?=[a-z])/);
const TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds, and its peak RSS in MB. */
function procUsage(pid: number): { cpu: number; hwmMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu, hwmMb: hwm ? Number(hwm[1]) / 1024 : NaN };
}

const selfCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-queue-'));
const redis = await startRedis();
const store = path.join(work, 'store');
mkdirSync(store); // (a worker's store must exist: the coordinator's volume)
let n = 0;
const request = (): SweepRequest => ({
  strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: {} },
  grids: GRIDS, objective: 'sharpe', key: null, out: path.join(work, `sweep-${++n}`), workers: 1,
});

async function local(): Promise<{ wall: number; cpu: number; count: number }> {
  const c0 = selfCpu();
  const t0 = performance.now();
  const r = await sweep(request());
  return { wall: (performance.now() - t0) / 1000, cpu: selfCpu() - c0, count: r.record.count };
}

async function queued(): Promise<{ wall: number; cpu: number; workerCpu: number; startCpu: number; redisCpu: number; workerHwmMb: number }> {
  // a fresh queue each round: no kept results to fetch instead of running
  const flush = spawn('redis-cli', ['-p', String(redis.port), 'FLUSHALL']);
  await new Promise((r) => flush.on('exit', r));
  const worker = spawn(process.execPath, ['bin/backproof.js', 'worker', '--queue', redis.url, '--store', store, '--unsigned', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise((r) => worker.on('exit', r));
  // started and connected before the clock starts: its start is reported apart (startCpu)
  await new Promise<void>((resolve) => worker.stdout!.once('data', () => resolve()));
  worker.stdout!.resume();
  await new Promise((r) => setTimeout(r, 1500));
  const startCpu = procUsage(worker.pid!).cpu;
  const redis0 = procUsage(redis.pid!).cpu;
  const c0 = selfCpu();
  const t0 = performance.now();
  await sweep({ ...request(), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 50 }) });
  const wall = (performance.now() - t0) / 1000;
  const cpu = selfCpu() - c0;
  const w = procUsage(worker.pid!);
  const redisCpu = procUsage(redis.pid!).cpu - redis0;
  worker.kill('SIGTERM');
  await exited;
  return { wall, cpu, workerCpu: w.cpu - startCpu, startCpu, redisCpu, workerHwmMb: w.hwmMb };
}

console.log(`bench/queue: ${GRIDS.join(' ')} on data/GOOG.csv, ${ROUNDS} rounds, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await local(); // warm: the build cache and the column cache
const L: Awaited<ReturnType<typeof local>>[] = [];
const Q: Awaited<ReturnType<typeof queued>>[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const l = await local();
  const q = await queued();
  L.push(l);
  Q.push(q);
  console.log(`round ${i + 1}: local ${l.wall.toFixed(2)} s wall ${l.cpu.toFixed(2)} s CPU | queue ${q.wall.toFixed(2)} s wall, CPU coordinator ${q.cpu.toFixed(2)} + worker ${q.workerCpu.toFixed(2)} (its start apart: ${q.startCpu.toFixed(2)}) + redis ${q.redisCpu.toFixed(2)} s, worker peak RSS ${q.workerHwmMb.toFixed(0)} MB`);
}
const count = L[0]!.count;
const lw = median(L.map((x) => x.wall));
const qw = median(Q.map((x) => x.wall));
const lc = median(L.map((x) => x.cpu));
const qc = median(Q.map((x) => x.cpu + x.workerCpu + x.redisCpu));
console.log(`${count} combinations. medians: local ${lw.toFixed(2)} s wall, ${lc.toFixed(2)} s CPU; queue ${qw.toFixed(2)} s wall, ${qc.toFixed(2)} s CPU (all processes)`);
console.log(`overhead per job: ${((qw - lw) / count * 1000).toFixed(0)} ms wall, ${((qc - lc) / count * 1000).toFixed(0)} ms CPU; worker peak RSS ${median(Q.map((x) => x.workerHwmMb)).toFixed(0)} MB; load now ${loadavg()[0]!.toFixed(2)}`);
await redis.stop();
rmSync(work, { recursive: true, force: true });
