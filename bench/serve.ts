// node bench/serve.ts [rounds]: what a run costs through `backproof serve` (POST /runs over HTTP on
// 127.0.0.1: the request, the registry's lookup and hash check, backtest(), the folder renamed into
// runs/) against backtest() called directly on the same module and data, writing its folder the same way.
// Paired rounds, the two alternated in one process (default 7 rounds, after one warm-up of each), both
// with the server listening; each side's wall time and this process's CPU time (user + system: the guest
// thread's included), median per run. Then the upload of a signed module (the sandbox compile of it).
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { backtest, generateKeys, loadStrategy, rawPublicKey } from '../host/index.ts';
import { signUpload, startServer } from '../host/serve/index.ts';
import { sha256, toHex } from '../traces/index.ts';

const rounds = Number(process.argv[2] ?? 7);
const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-serve-'));
const key = createPrivateKey(generateKeys().privateKeyPem);
const wasm = (await loadStrategy('strategies-as/sma-cross.ts')).wasm;
const hash = toHex(sha256(wasm));
const server = await startServer({ registry: path.join(work, 'registry'), dataDir: 'data', key: null, trustedKeys: [rawPublicKey(key)], port: 0 });

const post = async (route: string, body: unknown): Promise<unknown> => {
  const r = await fetch(server.url + route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${route}: ${r.status} ${await r.text()}`);
  return r.json();
};

async function measure(body: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await body();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const uploads: { wall: number; cpu: number }[] = [];
for (let i = 0; i < rounds; i++)
  uploads.push(await measure(() => post('/strategies', { wasm: Buffer.from(wasm).toString('base64'), signature: signUpload(wasm, { name: `sma-${i}`, version: '1', kind: 'wasm' }, key) })));

const modulePath = path.join(work, 'registry', 'modules', `${hash}.wasm`);
let n = 0;
const direct = () => backtest({ strategy: modulePath, data: 'data/GOOG.csv', key: null, out: path.join(work, 'direct', String(n++)), report: false, logLevel: 'silent' });
const served = () => post('/runs', { module: hash, data: ['GOOG.csv'] });
await direct();
await served();
const a: { wall: number; cpu: number }[] = [];
const b: { wall: number; cpu: number }[] = [];
for (let i = 0; i < rounds; i++) {
  a.push(await measure(direct));
  b.push(await measure(served));
}
await server.close();
rmSync(work, { recursive: true, force: true });

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const line = (label: string, xs: { wall: number; cpu: number }[]): string =>
  `${label.padEnd(34)} wall ${median(xs.map((x) => x.wall)).toFixed(0).padStart(5)} ms   cpu ${median(xs.map((x) => x.cpu)).toFixed(0).padStart(5)} ms`;
console.log(`bench/serve: ${rounds} paired rounds, sma-cross on data/GOOG.csv (2,148 bars), load average ${loadavg()[0]!.toFixed(1)} at the end`);
console.log(line('backtest() direct, run folder', a));
console.log(line('POST /runs (HTTP, registry)', b));
console.log(`POST /runs − direct: wall ${(median(b.map((x) => x.wall)) - median(a.map((x) => x.wall))).toFixed(0)} ms, cpu ${(median(b.map((x) => x.cpu)) - median(a.map((x) => x.cpu))).toFixed(0)} ms (medians)`);
console.log(line(`POST /strategies (module, ${wasm.length} B)`, uploads));
