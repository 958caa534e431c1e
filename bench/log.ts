// node bench/log.ts [entries]: the transparency log's append latency in a big log (default 100,000
// entries), against a re-hash of all its entries (what each append cost before the compact range:
// log verify does the same work), and 8 processes appending at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeys } from '../host/audit/keys.ts';
import { appendEntry, checkpointText, initLog, signNote, verifyLog } from '../host/tlog/index.ts';
import { hashLeaf, rootFromLeafHashes, sha256 } from '../traces/index.ts';

const n = Number(process.argv[2] ?? 100_000);
const work = mkdtempSync(path.join(tmpdir(), 'backproof-bench-log-'));
const pem = generateKeys();
const key = createPrivateKey(pem.privateKeyPem);
const log = path.join(work, 'log');
const origin = 'bench.example/log';
initLog(log, key, origin);
// A log of n entries, written directly (n appends would take minutes of fsyncs), without a stored range.
const entries = new Uint8Array(n * 32);
const leaves: Uint8Array[] = [];
for (let i = 0; i < n; i++) {
  const e = sha256(Buffer.from(`e${i}`));
  entries.set(e, i * 32);
  leaves.push(hashLeaf(e));
}
writeFileSync(path.join(log, 'entries'), entries);
writeFileSync(path.join(log, 'checkpoint'), signNote(checkpointText({ origin, size: n, root: rootFromLeafHashes(leaves) }), origin, key));

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
let t0 = process.hrtime.bigint();
appendEntry(log, sha256(Buffer.from('first')), key);
const first = ms(t0);
const K = 50;
t0 = process.hrtime.bigint();
for (let i = 0; i < K; i++) appendEntry(log, sha256(Buffer.from(`a${i}`)), key);
const append = ms(t0) / K;
t0 = process.hrtime.bigint();
verifyLog(log);
const rehash = ms(t0);
console.log(`log of ${n} entries, Node ${process.version}`);
console.log(`first append (no stored range yet: rebuilds it from the entries) ${first.toFixed(1)} ms`);
console.log(`append (from the stored range)                                   ${append.toFixed(1)} ms`);
console.log(`re-hash of every entry (log verify; each append's cost before)   ${rehash.toFixed(1)} ms`);

// 8 writer processes, 25 appends each, started together.
const keyFile = path.join(work, 'key.pem');
writeFileSync(keyFile, pem.privateKeyPem);
const writers = Array.from({ length: 8 }, (_, k) => spawn(process.execPath, ['test/helpers/log-appender.ts', log, keyFile, `w${k}`, '25'], { stdio: ['pipe', 'pipe', 'inherit'] }));
await Promise.all(writers.map((w) => new Promise((r) => w.stdout.once('data', r))));
t0 = process.hrtime.bigint();
writers.forEach((w) => w.stdin.write('go\n'));
await Promise.all(writers.map((w) => new Promise((r) => w.once('close', r))));
const concurrent = ms(t0);
console.log(`8 processes x 25 appends at once: ${concurrent.toFixed(0)} ms, ${(concurrent / 200).toFixed(1)} ms per append; log verify: ${verifyLog(log).size} entries`);
rmSync(work, { recursive: true, force: true });
