// What two threads get out of this machine's two cores, by kind of work: the ceiling any 2-worker
// sweep meets before its own costs. Each kind runs on 1 worker thread, then on 2 at once (the same work
// each), in alternated rounds; the ratio is 2 threads' throughput over 1 thread's (2.00 = the second
// core adds a whole core). Kinds:
//   alu      an integer recurrence (registers only: no memory traffic)
//   l2       sums over a 256 KiB Float64Array (fits a core's L2)
//   l3       sums over a 16 MiB Float64Array
//   dram     sums over a 128 MiB Float64Array (streams from memory)
//
//   node bench/cores.ts [--rounds 3] [--kinds alu,l2,l3,dram]
//
// The threads start their work together (a barrier in shared memory, after each has started and made its
// array), and each times its own work: a thread's start is not counted.
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, kinds: { type: 'string', default: 'alu,l2,l3,dram' } } });
const rounds = Number(values.rounds);
const kinds = values.kinds!.split(',');

// The thread's body: one kind of work, timed on its own thread (its CPU time and wall).
const body = `
const { parentPort, workerData } = require('node:worker_threads');
const { kind, barrier, threads } = workerData;
const n = { alu: 0, l2: 32768, l3: 2097152, dram: 16777216 }[kind];
const passes = { alu: 0, l2: 36000, l3: 540, dram: 72 }[kind];
const a = new Float64Array(n).fill(1.5);
Atomics.add(barrier, 0, 1);
Atomics.notify(barrier, 0);
while (Atomics.load(barrier, 0) < threads) Atomics.wait(barrier, 0, Atomics.load(barrier, 0), 10);
const t0 = process.hrtime.bigint();
let out = 0;
if (kind === 'alu') {
  let x = 1;
  for (let i = 0; i < 1.8e9; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  out = x;
} else {
  let s = 0;
  for (let r = 0; r < passes; r++) for (let i = 0; i < n; i++) s += a[i];
  out = s;
}
parentPort.postMessage({ wall: Number(process.hrtime.bigint() - t0) / 1e9, out });
`;

/** The slowest thread's own wall time, `threads` threads doing the same work at once. */
async function runThreads(kind: string, threads: number): Promise<number> {
  const barrier = new Int32Array(new SharedArrayBuffer(4));
  const walls = await Promise.all(Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
    const w = new Worker(body, { eval: true, workerData: { kind, barrier, threads } });
    w.once('message', (m: { wall: number }) => resolve(m.wall));
    w.once('error', reject);
  })));
  return Math.max(...walls);
}

console.log(`cores bench: ${rounds} rounds alternated (1 thread, 2 threads); load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
for (const kind of kinds) {
  const one: number[] = [], two: number[] = [];
  for (let r = 0; r < rounds; r++) {
    one.push(await runThreads(kind, 1));
    two.push(await runThreads(kind, 2));
  }
  // throughput: work units per second; 2 threads did twice the work
  const ratio = (2 / median(two)) / (1 / median(one));
  console.log(`${kind.padEnd(6)} 1 thread ${median(one).toFixed(3)} s, 2 threads ${median(two).toFixed(3)} s (each the same work) -> 2/1 throughput ${ratio.toFixed(2)}x   [1: ${one.map((x) => x.toFixed(2)).join(' ')}; 2: ${two.map((x) => x.toFixed(2)).join(' ')}]`);
}
console.log(`load after ${loadavg()[0]!.toFixed(1)}`);
