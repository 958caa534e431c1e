// node bench/audit.ts: the audit tools on the SMA example over data/GOOG.csv (2,148 bars, 1.35M
// instructions), as ratios to a plain audited run measured in this process: replay, replay with a
// one-byte data change (adds the divergence search), diff of two runs, a proof bundle and its
// offline check; then the transparency log: append latency (three fsyncs each) and verify.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_CONFIG, diffRuns, executeRun, generateKeys, loadData, loadStrategy, proveInstruction, replayRun, silentLogger, verifyProofBundle, writeRunDir,
} from '../host/index.ts';
import { appendEntry, initLog, verifyLog } from '../host/tlog/index.ts';
import { sha256 } from '../traces/index.ts';
import { createPrivateKey } from 'node:crypto';

const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-audit-'));
const strategy = await loadStrategy('strategies-as/sma-cross.ts');
const csv = path.join(work, 'GOOG.csv');
writeFileSync(csv, readFileSync('data/GOOG.csv'));
const edited = path.join(work, 'GOOG-edited.csv');
writeFileSync(edited, readFileSync(csv, 'utf8').replace('2008-08-07,482,484,476.41,479.12', '2008-08-07,482,484,476.41,480.12'));

async function best(f: () => unknown | Promise<unknown>, rounds = 5): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return b;
}

const runDir = async (name: string, params: Record<string, number>) => {
  const data = await loadData(csv);
  const config = { ...DEFAULT_CONFIG, params };
  const outcome = executeRun({ strategy, data, config, logger: silentLogger });
  await writeRunDir({ dir: path.join(work, name), force: true, outcome, strategy, config, key: null });
  return path.join(work, name);
};
const a = await runDir('a', { fast: 10, slow: 20 });
const b = await runDir('b', { fast: 11, slow: 20 });
const data = await loadData(csv);
const base = await best(() => executeRun({ strategy, data, config: { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } }, logger: silentLogger }));
// The first re-execution of a process starts a guest thread and loads the host into it (run/worker);
// later ones reuse the kept thread, as the best-of-five rows below do.
const c0 = process.hrtime.bigint();
await replayRun({ dir: a });
const cold = Number(process.hrtime.bigint() - c0) / 1e6;
const rows: [string, number][] = [
  ['replay (MATCH), first in the process', cold],
  ['replay (MATCH)', await best(() => replayRun({ dir: a }))],
  ['replay, one data byte changed (+ divergence)', await best(() => replayRun({ dir: a, dataPath: edited }))],
  ['diff of two runs (fast=10 vs 11)', await best(() => diffRuns(a, b))],
  ['prove --instruction 1,300,000', await best(() => proveInstruction({ dir: a, instruction: 1_300_000 }))],
];
const bundle = await proveInstruction({ dir: a, instruction: 1_300_000 });
rows.push(['verify-proof (offline)', await best(() => verifyProofBundle(bundle, null))]);
console.log(`Audit tools, SMA(10/20) on data/GOOG.csv; Node ${process.version}`);
console.log(`baseline: one audited run ${base.toFixed(1)} ms`);
console.log('tool                                            time (ms)   ratio');
for (const [name, ms] of rows) console.log(`${name.padEnd(46)} ${ms.toFixed(1).padStart(10)}  ${(ms / base).toFixed(2).padStart(5)}x`);

const key = createPrivateKey(generateKeys().privateKeyPem);
const logDir = path.join(work, 'log');
initLog(logDir, key, 'bench.example/log');
const N = 1000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) appendEntry(logDir, sha256(Buffer.from(String(i))), key);
const appendMs = Number(process.hrtime.bigint() - t0) / 1e6 / N;
const verifyMs = await best(() => verifyLog(logDir));
console.log(`log: ${N} appends at ${appendMs.toFixed(2)} ms each (entry fsync + checkpoint write, fsync, rename, folder fsync); verify of ${N} entries ${verifyMs.toFixed(1)} ms`);
rmSync(work, { recursive: true, force: true });
