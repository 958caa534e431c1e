// Distributed sweeps on a real redis-server with real `backproof worker` processes: each sweep folder made
// through the queue is byte for byte the local sweep's (the same runs, records, summary and sweep root;
// every run and the sweep record signed, the workers with the coordinator's key),
// through a worker killed mid-job, a job completed twice, Redis killed and restarted mid-sweep; a malformed
// payload and a job from another toolchain fail alone, and the worker goes on; a hostile worker's results
// (another combination's run, stats it claims, a path twice) are refused or ignored before anything is
// signed; kept jobs whose files the store lacks run again; a worker on another store takes none of the sweep's
// jobs; jobs nobody waits for (a coordinator interrupted or killed) are withdrawn or failed, never run.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { folderHashes } from '../helpers/folder-hashes.ts';
import { childOf } from '../helpers/child-processes.ts';
import { BOOT_MARK } from '../../host/sandbox/process/spawn.ts';
import { readPlan, sweep, type SweepRequest } from '../../host/sweep/index.ts';
import type { DataFeed } from '../../host/data/load.ts';
import { FolderStore, runSweepOnQueue } from '../../host/distributed/index.ts';
import { ABANDONED, coordinatorKey, JOB_FORMAT, jobId, jobToolchain, queueName, type RunManifest, type SweepJob } from '../../host/distributed/queue.ts';
import { DEFAULT_CONFIG, generateKeys, keyFingerprint, loadPrivateKey, rawPublicKey, toolchainMessage } from '../../host/index.ts';
import type { KeyObject } from 'node:crypto';

const BIN = path.resolve('bin/backproof.js');
let redis: RedisServer;
let work: string;
let store: string;
let localFiles: Record<string, string>;
let queue: Queue;
let outs = 0;
let keyFile: string;
let key: KeyObject;
let storeId: string;

/** The test's store becomes `dir` (made, with its id) and `queue` its sweeps' queue. */
async function useStore(dir: string): Promise<void> {
  store = dir;
  mkdirSync(dir, { recursive: true });
  storeId = await new FolderStore(dir).id();
  await queue?.close();
  queue = new Queue(queueName(storeId), { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
}

/** What a live coordinator of `plan` keeps in Redis, for jobs a test enqueues itself (a worker runs none without it). */
async function coordinatorWaits(plan: string): Promise<void> {
  await (await queue.getBackend().client).set(coordinatorKey(storeId, plan), '1', { PX: 300_000 });
}

/** The SHA-256 of the local sweep's plan (its jobs' ids begin with it). */
const planHash = (): string => createHash('sha256').update(readFileSync(path.join(work, 'local', 'sweep.json'))).digest('hex');

const request = (out: string): SweepRequest => ({
  strategy: 'strategies-as/sma-cross.ts', data: ['data/GOOG.csv'], config: { ...DEFAULT_CONFIG, params: {} },
  grids: ['fast=5,10', 'slow=20,30'], objective: 'sharpe', key, out, workers: 1,
});

/** The same sweep through the queue; resolves to its folder. */
async function queuedSweep(pollBatch?: number): Promise<string> {
  const out = path.join(work, `queued-${++outs}`);
  await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100, idleTimeoutMs: 60_000, pollBatch }) });
  return out;
}

/** Every worker started, ended after each test (one that failed midway leaves none to take the next test's jobs). */
const started: ChildProcess[] = [];

interface WorkerProcess { child: ChildProcess; stdout: () => string; exited: Promise<number | null> }

/** A worker on the test's Redis and store; `fromEnv`: the Redis URL in BACKPROOF_QUEUE, not --queue. */
function startWorker(...extra: string[]): WorkerProcess {
  const fromEnv = extra[0] === 'BACKPROOF_QUEUE';
  const args = fromEnv ? extra.slice(1) : ['--queue', redis.url, ...extra];
  const keyArgs = extra.includes('--unsigned') || extra.includes('--key') ? [] : ['--key', keyFile]; // (the coordinator's key unless told)
  const child = spawn(process.execPath, [BIN, 'worker', '--store', store, ...keyArgs, '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BACKPROOF_QUEUE: fromEnv ? redis.url : '' },
  });
  let stdout = '';
  child.stdout!.on('data', (b: Buffer) => { stdout += b; });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  started.push(child);
  return { child, stdout: () => stdout, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'backproof-queue-'));
  keyFile = path.join(work, 'backproof.key');
  writeFileSync(keyFile, generateKeys().privateKeyPem);
  key = await loadPrivateKey(keyFile);
  redis = await startRedis();
  await useStore(path.join(work, 'store'));
  await sweep(request(path.join(work, 'local')));
  localFiles = folderHashes(path.join(work, 'local'));
  expect(JSON.parse(readFileSync(path.join(work, 'local', 'sweep-record.json'), 'utf8')).signature).toMatch(/^[0-9a-f]{128}$/);
});

afterAll(async () => {
  await queue?.close();
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(async () => {
  if (queue) await queue.obliterate({ force: true });
});

afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('distributed sweep on BullMQ over a real Redis', () => {
  it('a malformed payload and a job from another toolchain fail alone, not retried; the same worker then runs a sweep equal to the local one', async () => {
    const w = startWorker('--max-jobs', '6', '--json');
    const toolchain = jobToolchain(toolchainMessage());
    const other: SweepJob = { format: JOB_FORMAT, planSha256: 'ab'.repeat(32), index: 0, toolchain: { ...toolchain, assemblyscript: '0.0.1' }, extra: { strategy: 'cd'.repeat(32) } };
    await queue.add('combination', { format: JOB_FORMAT, planSha256: 'ab'.repeat(32), index: -1, toolchain, extra: {} }, { jobId: 'malformed', attempts: 3 });
    await queue.add('combination', other, { jobId: 'other-toolchain', attempts: 3 });
    const out = await queuedSweep();
    expect(folderHashes(out)).toEqual(localFiles);
    expect(await w.exited).toBe(0);
    expect(JSON.parse(w.stdout())).toEqual({ schema: 'backproof/worker@1', queue: redis.url, store, isolation: 'v8', completed: 4, failed: 2 });
    const malformed = (await queue.getJob('malformed'))!;
    expect(malformed.failedReason).toBe('UsageError USAGE: malformed job payload: index must be an integer ≥ 0, got -1');
    expect(malformed.attemptsMade).toBe(1);
    const refused = (await queue.getJob('other-toolchain'))!;
    expect(refused.failedReason).toBe(`AuditError TOOLCHAIN_MISMATCH [toolchain]: this worker's toolchain differs from the sweep's, so its runs would not be the sweep's: assemblyscript: recorded 0.0.1, here ${toolchain.assemblyscript}`);
    expect(refused.attemptsMade).toBe(1);
  });

  it('backproof sweep --queue --store on the command line, a worker running two jobs at once: the same sweep folder; --queue without --store, or with --workers, is a usage error', async () => {
    const w = startWorker('--max-jobs', '4', '--concurrency', '2');
    const out = path.join(work, 'cli');
    const args = ['sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5,10', '--grid', 'slow=20,30', '--objective', 'sharpe', '--key', keyFile, '--json'];
    const run = (...more: string[]) => new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const c = spawn(process.execPath, [BIN, ...args, ...more], { stdio: ['ignore', 'pipe', 'ignore'] });
      let stdout = '';
      c.stdout!.on('data', (b: Buffer) => { stdout += b; });
      c.on('exit', (code) => resolve({ code, stdout }));
    });
    const usage = await run('--out', out, '--queue', redis.url);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ code: 'USAGE', message: expect.stringContaining('--queue URL and --store DIR go together') });
    const both = await run('--out', out, '--queue', redis.url, '--store', store, '--workers', '2');
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout)).toMatchObject({ code: 'USAGE', message: expect.stringContaining('--workers and --queue') });
    const done = await run('--out', out, '--queue', redis.url, '--store', store);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).root).toBe(JSON.parse(readFileSync(path.join(work, 'local', 'sweep-record.json'), 'utf8')).root);
    expect(folderHashes(out)).toEqual(localFiles);
    expect(await w.exited).toBe(0);
    const verified = spawnSync(process.execPath, [BIN, 'verify', out, '--json'], { encoding: 'utf8' });
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ schema: 'backproof/sweep-verify@1', root: JSON.parse(done.stdout).root });
  });

  it('a worker with --isolation process runs every job\'s guest in a child process of its own: the same sweep folder as the local (v8) one; the worker, not the job, chose', async () => {
    const w = startWorker('--isolation', 'process', '--max-jobs', '4', '--json');
    const sweeping = queuedSweep();
    // the process runtime's child, under the worker's process (the coordinator's payload names no runtime)
    await childOf(w.child.pid!, BOOT_MARK, 60_000, new Set());
    expect(folderHashes(await sweeping)).toEqual(localFiles);
    expect(await w.exited).toBe(0);
    expect(JSON.parse(w.stdout())).toEqual({ schema: 'backproof/worker@1', queue: redis.url, store, isolation: 'process', completed: 4, failed: 0 });
  });

  it('workers signing with a key of their own, or unsigned, under a signed coordinator: the sweep verifies, pinned to the coordinator\'s key, and says who signed the runs (tester D1: exit 0, then verify failed)', async () => {
    const pubFile = path.join(work, 'coordinator.pub');
    writeFileSync(pubFile, createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    const otherFile = path.join(work, 'worker-own.key');
    writeFileSync(otherFile, generateKeys().privateKeyPem);
    const other = keyFingerprint(rawPublicKey(await loadPrivateKey(otherFile)));
    const local = JSON.parse(readFileSync(path.join(work, 'local', 'sweep-record.json'), 'utf8'));
    for (const [workerKey, signers] of [[['--key', otherFile], [{ keyFingerprint: other, runs: 4 }]], [['--unsigned'], [{ keyFingerprint: null, runs: 4 }]]] as const) {
      await queue.obliterate({ force: true });
      const w = startWorker(...workerKey, '--max-jobs', '4');
      const out = await queuedSweep();
      expect(await w.exited).toBe(0);
      // the same Record bytes (the root, summary and sweep record are the local sweep's); each run's envelope is the worker's
      expect(JSON.parse(readFileSync(path.join(out, 'sweep-record.json'), 'utf8'))).toEqual(local);
      expect(readFileSync(path.join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(path.join(work, 'local', 'summary.csv'), 'utf8'));
      expect(readFileSync(path.join(out, 'runs', '0000', 'record.pb'))).not.toEqual(readFileSync(path.join(work, 'local', 'runs', '0000', 'record.pb')));
      const verified = spawnSync(process.execPath, [BIN, 'verify', out, '--pubkey', pubFile, '--json'], { encoding: 'utf8' });
      expect([verified.status, verified.stderr]).toEqual([0, '']);
      expect(JSON.parse(verified.stdout)).toMatchObject({ schema: 'backproof/sweep-verify@1', signed: true, keyPinned: true, keyFingerprint: keyFingerprint(rawPublicKey(key)), runSigners: signers, root: local.root });
      const text = spawnSync(process.execPath, [BIN, 'verify', out], { encoding: 'utf8' });
      expect([text.status, text.stderr]).toEqual([0, '']);
      expect(text.stdout).toContain(`run signers ${signers[0]!.keyFingerprint === null ? 'unsigned' : `key ${other}`} (4): the sweep record's signature covers every run's record\n`);
    }
  });

  it('a job completed twice gives the same result and store; a sweep enqueued again is fetched from the kept results with no worker', async () => {
    const w = startWorker('--max-jobs', '5');
    await queuedSweep();
    const first = (await queue.getJobs(['completed'])).find((j) => j.id!.endsWith('-2'))!;
    const objects = readdirSync(path.join(store, 'sha256'), { recursive: true }).length;
    const { returnvalue, attemptsStarted } = structuredClone({ returnvalue: first.returnvalue, attemptsStarted: first.attemptsStarted });
    expect(returnvalue).toMatchObject({ index: 2, files: expect.arrayContaining([expect.objectContaining({ path: 'record.pb' })]) });
    expect(first.opts).toMatchObject({ removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } }); // (kept a week, not for ever)
    await coordinatorWaits(planHash()); // (the coordinator is done: its key is gone, and a worker runs no job without it)
    await first.retry('completed');
    expect(await w.exited).toBe(0); // its fifth job: the same one again
    const again = (await queue.getJob(first.id!))!;
    expect(again.attemptsStarted).toBe(attemptsStarted + 1);
    expect(again.returnvalue).toEqual(returnvalue);
    expect(readdirSync(path.join(store, 'sha256'), { recursive: true }).length).toBe(objects);
    // no worker runs now: every job is kept as completed (read one a poll, in turn)
    expect(folderHashes(await queuedSweep(1))).toEqual(localFiles);
    expect(await queue.getJobCounts('completed', 'wait', 'active', 'failed')).toEqual({ completed: 4, wait: 0, active: 0, failed: 0 });
  });

  it('a worker killed with SIGKILL mid-job: its job is taken by another worker once the lock lapses, and the sweep equals the local one', async () => {
    const lock = ['--lock-ms', '1500', '--stalled-ms', '500'];
    const first = startWorker(...lock);
    const sweeping = queuedSweep();
    // stopped while a job is active (and so cannot finish it), then killed
    const killedJob = await until('an active job of the first worker', async () => {
      const [active] = await queue.getActive();
      if (!active) return undefined;
      first.child.kill('SIGSTOP');
      if ((await active.getState()) === 'active') return active.id!;
      first.child.kill('SIGCONT');
      return undefined;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const second = startWorker(...lock);
    const out = await sweeping;
    expect(folderHashes(out)).toEqual(localFiles);
    const retried = (await queue.getJob(killedJob))!;
    expect(retried.stalledCounter).toBe(1);
    expect(retried.attemptsStarted).toBe(2);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
  });

  it('Redis killed and restarted mid-sweep: the workers and the coordinator reconnect and the sweep equals the local one', async () => {
    const w = startWorker('--lock-ms', '1500', '--stalled-ms', '500');
    const sweeping = queuedSweep();
    await until('a first completed job', async () => (await queue.getCompletedCount()) >= 1);
    await redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await redis.restart();
    const out = await sweeping;
    expect(folderHashes(out)).toEqual(localFiles);
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 4, failed: 0 });
    w.child.kill('SIGTERM');
    await w.exited;
  });

  it('Redis emptied mid-sweep (back without its data): the coordinator enqueues the lost jobs again and the sweep equals the local one; the worker (--idle-exit) then ends', async () => {
    const sweeping = queuedSweep();
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4);
    expect(spawnSync('redis-cli', ['-p', String(redis.port), 'FLUSHALL'], { encoding: 'utf8' }).stdout).toBe('OK\n');
    expect(await queue.getWaitingCount()).toBe(0);
    const w = startWorker('BACKPROOF_QUEUE', '--idle-exit', '2', '--json'); // Redis from the environment; ends on its own once the queue stays idle
    expect(folderHashes(await sweeping)).toEqual(localFiles);
    expect(await w.exited).toBe(0);
    expect(JSON.parse(w.stdout())).toMatchObject({ completed: 4, failed: 0 });
  });

  it('a store object altered under the workers: its jobs fail at once, the coordinator raises the worker\'s error, withdraws the jobs still waiting and publishes nothing; repaired by the next sweep\'s put, the same command runs them again', async () => {
    const wasm = JSON.parse(readFileSync(path.join(work, 'local', 'sweep.json'), 'utf8')).strategy.wasmSha256 as string;
    const object = path.join(store, 'sha256', wasm.slice(0, 2), wasm.slice(2));
    const out = path.join(work, 'altered');
    const sweeping = sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100 }) });
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4);
    writeFileSync(object, 'not the module');
    const w = startWorker('--idle-exit', '2', '--json');
    const error = await sweeping.then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuditError', code: 'VERIFY_FAILED', step: 'store', message: expect.stringMatching(new RegExp(`^combination \\d \\(job [0-9a-f]{64}-\\d\\) failed on a worker: the store .*'s object ${wasm} hashes to faed3790`)) });
    expect(await w.exited).toBe(0);
    expect(existsSync(out)).toBe(false);
    // every job failed or was withdrawn (none waits, none ran), and the coordinator's key is gone
    const counts = await queue.getJobCounts('failed', 'completed', 'wait', 'active');
    expect(counts.failed).toBeGreaterThanOrEqual(1);
    expect([counts.completed, counts.wait, counts.active]).toEqual([0, 0, 0]);
    expect(JSON.parse(w.stdout())).toMatchObject({ completed: 0, failed: counts.failed });
    expect(await (await queue.getBackend().client).get(coordinatorKey(storeId, planHash()))).toBeNull();
    // the next sweep's put finds it altered and writes it again
    const again = startWorker('--max-jobs', '4');
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
    expect(await again.exited).toBe(0);
  });

  it('a worker\'s result is checked before anything is written: a file outside the run folder, a path twice or under a file, a record that is not the one it reports', async () => {
    const recordPb = await new FolderStore(store).put(readFileSync(path.join(work, 'local', 'runs', '0000', 'record.pb')));
    const recordSha256 = JSON.parse(readFileSync(path.join(work, 'local', 'summary.json'), 'utf8')).rows[0].recordSha256 as string;
    const manifest = (index: number, files: { path: string; sha256: string }[], recordHash = recordSha256) => ({ format: 'backproof-run-manifest@1', index, runId: '0123456789abcdef', recordSha256: recordHash, stats: {}, files });
    const manifests = [
      (index: number) => manifest(index, [{ path: '../escape', sha256: recordPb }]),
      (index: number) => manifest(index, [{ path: 'record.pb', sha256: recordPb }], 'ee'.repeat(32)),
      // (tester: a path twice, or under a file, was an internal error from the file system, exit 1)
      (index: number) => manifest(index, [{ path: 'record.pb', sha256: recordPb }, { path: 'stats.json', sha256: recordPb }, { path: 'stats.json', sha256: recordPb }]),
      (index: number) => manifest(index, [{ path: 'record.pb', sha256: recordPb }, { path: 'record.pb/x', sha256: recordPb }]),
    ];
    const job = '\\d \\(job [0-9a-f]{64}-\\d\\)';
    const messages = [
      new RegExp(`^combination ${job}: the worker's result names a file outside its run folder: "\\.\\./escape"$`),
      new RegExp(`^combination ${job}: its record hashes to ${recordSha256}, the worker said ${'ee'.repeat(32)}$`),
      new RegExp(`^combination ${job}: the worker's result names "stats\\.json" twice$`),
      new RegExp(`^combination ${job}: the worker's result names "record\\.pb/x" under its file "record\\.pb"$`),
    ];
    for (const k of manifests.keys()) {
      await queue.obliterate({ force: true });
      // a worker that returns what it likes (a compromised machine): BullMQ's own worker, in this process
      const liar = new Worker(queueName(storeId), async (job) => manifests[k]!((job.data as SweepJob).index), { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
      const out = path.join(work, `lied-${k}`);
      const error = await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100 }) }).then(() => null, (e: unknown) => e);
      await liar.close();
      expect(error).toMatchObject({ name: 'AuditError', code: 'VERIFY_FAILED', step: 'queue', message: expect.stringMatching(messages[k]!) });
      expect(existsSync(out)).toBe(false);
      expect(existsSync(path.join(work, 'escape'))).toBe(false);
    }
  });

  it('a worker\'s run is checked as verify checks a sweep\'s run N, and the summary is read from the runs, never the manifest (tester: another combination\'s run, or stats a worker claimed, were signed and published, exit 0)', async () => {
    const w = startWorker('--max-jobs', '4');
    await queuedSweep();
    expect(await w.exited).toBe(0);
    // the kept results, edited in Redis as a hostile worker (or anyone who can write a job's return value) would
    const redisCli = (...args: string[]): string => spawnSync('redis-cli', ['-p', String(redis.port), ...args], { encoding: 'utf8' }).stdout;
    const plan = createHash('sha256').update(readFileSync(path.join(work, 'local', 'sweep.json'))).digest('hex');
    const jobKey = (i: number) => `bull:${queueName(storeId)}:${jobId(plan, i)}`;
    const kept = [0, 1, 2, 3].map((i) => JSON.parse(redisCli('HGET', jobKey(i), 'returnvalue')) as RunManifest);
    const edit = async (i: number, v: RunManifest) => expect(redisCli('HSET', jobKey(i), 'returnvalue', JSON.stringify(v))).toBe('0\n');
    // stats it claims are not read: the sweep is the local one
    await edit(3, { ...kept[3]!, stats: { ...kept[3]!.stats, sharpe: 9.99 } });
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
    await edit(3, kept[3]!);
    const statsJson = kept[0]!.files.find((f) => f.path === 'stats.json')!;
    // [combination, its kept result as edited, the error's message (up to the partial folder's pid for the second)]
    const cases: [number, RunManifest, string][] = [
      // combination 2's run (its files and record hash) returned as combination 1's
      [1, { ...kept[2]!, index: 1 }, `the worker's run is not the plan's combination 1: runs/0001/config.json line 5 differs from the plan's config with combination 1's params: "    \\"fast\\": 10," vs "    \\"fast\\": 5,"`],
      [0, { ...kept[0]!, files: kept[0]!.files.filter((f) => f.path !== 'stats.json' && f.path !== 'report.html') }, `the worker's run is not the plan's combination 0: runs/0000 does not verify [result]: stats.json is missing from run folder ${work}/hostile-1.partial-`],
      [0, { ...kept[0]!, files: [...kept[0]!.files, { path: 'runs', sha256: statsJson.sha256 }] }, 'the worker\'s run folder holds runs, which its record does not bind (not bound by the record)'],
    ];
    for (const [k, [index, lie, message]] of cases.entries()) {
      await edit(index, lie);
      const out = path.join(work, `hostile-${k}`);
      const error = await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100 }) }).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'AuditError', code: 'VERIFY_FAILED', step: 'queue' });
      const expected = `combination ${index} (job ${jobId(plan, index)}): ${message}`;
      expect((error as Error).message.slice(0, expected.length)).toBe(expected);
      expect(existsSync(out)).toBe(false);
      await edit(index, kept[index]!);
    }
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
  });

  it('kept completed jobs whose files the store lacks (its objects removed) are run again (tester: VERIFY_FAILED [store], exit 5, for ever); files that never reach the store after that are a usage error naming --store', async () => {
    const w = startWorker('--max-jobs', '4');
    await queuedSweep();
    expect(await w.exited).toBe(0);
    rmSync(path.join(store, 'sha256'), { recursive: true, force: true });
    const again = startWorker('--max-jobs', '4', '--json');
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
    expect(await again.exited).toBe(0);
    expect(JSON.parse(again.stdout())).toMatchObject({ completed: 4, failed: 0 });
    // a worker whose files go elsewhere (BullMQ's own worker, in this process): each job run twice, then the reason
    const absent = 'ee'.repeat(32);
    const runs = new Map<string, number>();
    const elsewhere = new Worker(queueName(storeId), async (job) => {
      runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1);
      return { format: 'backproof-run-manifest@1', index: (job.data as SweepJob).index, runId: '0123456789abcdef', recordSha256: absent, stats: {}, files: [{ path: 'record.pb', sha256: absent }, { path: 'stats.json', sha256: absent }] };
    }, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    await queue.obliterate({ force: true });
    const out = path.join(work, 'elsewhere-files');
    const error = await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100 }) }).then(() => null, (e: unknown) => e);
    await elsewhere.close();
    expect(error).toMatchObject({ name: 'UsageError', code: 'USAGE', message: expect.stringMatching(new RegExp(`^combination (\\d) \\(job [0-9a-f]{64}-\\1\\) was run again and its files are still not in the store ${store} \\(record\\.pb, stats\\.json missing\\): does every worker's --store name the folder the coordinator's --store names \\(the same volume\\)\\?$`)) });
    expect(Math.max(...runs.values())).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a worker on another store than the coordinator\'s (another folder, or this one emptied and made again) takes none of the sweep\'s jobs: its queue is its own store\'s (tester: one wrong --store failed every sweep it touched); a --store that is no folder is a usage error', async () => {
    const shared = store;
    const other = path.join(work, 'other-store');
    mkdirSync(other);
    const bad = spawn(process.execPath, [BIN, 'worker', '--queue', redis.url, '--store', other, '--unsigned'], { stdio: 'ignore' });
    started.push(bad);
    await until('the other store\'s id', async () => existsSync(path.join(other, 'store-id')));
    const otherId = readFileSync(path.join(other, 'store-id'), 'utf8').trim();
    expect(otherId).toMatch(/^[0-9a-f]{32}$/);
    expect(otherId).not.toBe(storeId);
    const sweeping = queuedSweep();
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await queue.getJobCounts('wait', 'active', 'failed')).toEqual({ wait: 4, active: 0, failed: 0 });
    const good = startWorker('--max-jobs', '4');
    expect(folderHashes(await sweeping)).toEqual(localFiles);
    expect(await good.exited).toBe(0);
    expect(bad.exitCode).toBeNull(); // (still waiting on its own store's queue)
    bad.kill('SIGTERM');
    // this store emptied and made again while a worker runs: the worker stops, naming both ids, and one started now takes the new store's jobs
    const stale = startWorker('--json');
    await until('the worker on the queue', async () => (await queue.getWorkers()).length === 1);
    rmSync(store, { recursive: true, force: true });
    await useStore(store);
    expect(storeId).not.toBe(readFileSync(path.join(other, 'store-id'), 'utf8').trim());
    expect(await stale.exited).toBe(2);
    expect(JSON.parse(stale.stdout())).toMatchObject({ code: 'USAGE', message: expect.stringMatching(new RegExp(`^--store ${shared}: the store's id changed from [0-9a-f]{32} to ${storeId} \\(it was emptied or replaced\\), and this worker takes the jobs of the store it started on: start it again$`)) });
    const fresh = startWorker('--max-jobs', '4');
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
    expect(await fresh.exited).toBe(0);
    // no folder there, or a file: told before the queue is touched
    const file = path.join(work, 'store-file');
    writeFileSync(file, 'x');
    for (const [where, why] of [[path.join(work, 'no-such-store'), 'no such folder; a worker\'s store is the folder the coordinator\'s --store names (the same volume), and it must exist'], [file, 'a file, not a folder; the store is a folder (a mounted volume) that the coordinator and every worker name']] as [string, string][]) {
      const r = spawnSync(process.execPath, [BIN, 'worker', '--queue', redis.url, '--store', where, '--unsigned', '--json'], { encoding: 'utf8' });
      expect([r.status, JSON.parse(r.stdout).message]).toEqual([2, `--store ${where}: ${why}`]);
    }
    expect(existsSync(path.join(work, 'no-such-store'))).toBe(false);
    for (const [where, why] of [[file, 'a file, not a folder; the store is a folder (a mounted volume) that the coordinator and every worker name'], [path.join(work, 'no', 'store'), `its parent folder ${path.join(work, 'no')} does not exist`]] as [string, string][]) {
      const error = await sweep({ ...request(path.join(work, 'never')), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store: where }) }).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'UsageError', message: `--store ${where}: ${why}` });
    }
    expect([existsSync(path.join(work, 'no')), existsSync(path.join(work, 'never'))]).toEqual([false, false]);
  }, 120_000);

  it('a job whose inputs were removed from the store since it was enqueued fails at once, naming the object, and the worker goes on, also when it holds the plan\'s inputs in its cache (tester F1: every worker that took it exited 2, a crash loop)', async () => {
    const shared = store;
    await useStore(path.join(work, 'cached-plan-store')); // (its objects removed below: no other test's)
    try {
      const warm = startWorker('--max-jobs', '6', '--json');
      expect(folderHashes(await queuedSweep())).toEqual(localFiles); // the worker now holds the plan's inputs
      const plan = planHash();
      const payload = (await queue.getJob(jobId(plan, 0)))!.data as SweepJob;
      const bundle = payload.extra.strategy!;
      await coordinatorWaits(plan);
      /** Job `id`'s failure, once a worker took it: failed at once, one attempt. */
      const failure = async (id: string): Promise<string> => {
        await until(`job ${id} failed`, async () => (await queue.getJob(id))?.finishedOn !== undefined);
        const job = (await queue.getJob(id))!;
        expect([await job.getState(), job.attemptsMade]).toEqual(['failed', 1]);
        return job.failedReason;
      };
      const reason = (what: string) => `AuditError VERIFY_FAILED [store]: the store ${store} has no ${what}: it was removed after the coordinator put it there and enqueued this job; running "backproof sweep --queue" again puts it back`;
      // another bundle, never put: the cached plan's inputs are not this job's
      const absent = 'ef'.repeat(32);
      await queue.add('combination', { ...payload, extra: { strategy: absent } }, { jobId: 'absent-bundle', attempts: 3 });
      expect(await failure('absent-bundle')).toBe(reason(`object ${absent}`));
      // the cached bundle itself, removed from the store after a job of the plan ran on this worker
      rmSync(path.join(store, 'sha256', bundle.slice(0, 2), bundle.slice(2)));
      await queue.add('combination', payload, { jobId: 'bundle-removed', attempts: 3 });
      expect(await failure('bundle-removed')).toBe(reason(`object ${bundle}`));
      // the worker went on after both, to its --max-jobs
      expect(await warm.exited).toBe(0);
      expect(JSON.parse(warm.stdout())).toMatchObject({ completed: 4, failed: 2 });
      // the plan removed (a worker that never held it)
      const cold = startWorker('--max-jobs', '1', '--json');
      rmSync(path.join(store, 'sha256', plan.slice(0, 2), plan.slice(2)));
      await queue.add('combination', payload, { jobId: 'plan-removed', attempts: 3 });
      const removed = await failure('plan-removed');
      expect(removed).toMatch(new RegExp(`^AuditError VERIFY_FAILED \\[store\\]: the store ${store} has no (plan ${plan}|object ${bundle}): it was removed after`));
      expect(await cold.exited).toBe(0);
    } finally {
      await useStore(shared);
    }
  }, 120_000);

  it('jobs nobody waits for are never run: a coordinator killed leaves them to fail at once as abandoned, and the worker goes on; the same command run again enqueues them again, as a live coordinator does when its key was lost (tester F2: workers ran an abandoned sweep, then died on it)', async () => {
    const plan = planHash();
    const out = path.join(work, 'abandoned');
    const args = ['sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5,10', '--grid', 'slow=20,30', '--objective', 'sharpe', '--key', keyFile, '--queue', redis.url, '--store', store, '--out', out];
    const coordinator = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    started.push(coordinator);
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4, 60_000);
    coordinator.kill('SIGKILL');
    await new Promise((resolve) => coordinator.on('exit', resolve));
    const client = await queue.getBackend().client;
    await client.del(coordinatorKey(storeId, plan)); // (as when its key lapses, COORDINATOR_TTL_MS later)
    const w = startWorker('--max-jobs', '4', '--json');
    expect(await w.exited).toBe(0);
    expect(JSON.parse(w.stdout())).toMatchObject({ completed: 0, failed: 4 });
    const failed = (await queue.getJob(jobId(plan, 0)))!;
    expect([failed.failedReason, failed.attemptsMade]).toEqual([`UsageError USAGE: ${ABANDONED} (its sweep was interrupted, or its coordinator stopped): not run; a "backproof sweep --queue" of the same plan enqueues it again`, 1]);
    const again = startWorker('--max-jobs', '4');
    expect(spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' }).status).toBe(0);
    expect(folderHashes(out)).toEqual(localFiles);
    expect(await again.exited).toBe(0);
    // a live coordinator whose key was lost (its renewal not due yet): the jobs failed as abandoned are enqueued again and run
    await queue.obliterate({ force: true });
    const sweeping = sweep({ ...request(path.join(work, 'key-lost')), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100, keyRenewMs: 600_000 }) });
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4);
    await client.del(coordinatorKey(storeId, plan));
    const both = startWorker('--idle-exit', '2', '--json');
    await sweeping;
    expect(folderHashes(path.join(work, 'key-lost'))).toEqual(localFiles);
    expect(await both.exited).toBe(0);
    const { completed, failed: abandoned } = JSON.parse(both.stdout()) as { completed: number; failed: number };
    expect(completed).toBe(4);
    expect(abandoned).toBeGreaterThanOrEqual(1); // (the first seen sets the key again: later ones run)
  }, 120_000);

  it('sweep --queue interrupted (SIGINT) while its jobs wait: exit 130, its jobs withdrawn and its key gone, nothing at --out; the same command run again runs them (tester F2: they stayed queued)', async () => {
    const out = path.join(work, 'interrupted');
    const args = ['sweep', '--strategy', 'strategies-as/sma-cross.ts', '--data', 'data/GOOG.csv', '--grid', 'fast=5,10', '--grid', 'slow=20,30', '--objective', 'sharpe', '--key', keyFile, '--queue', redis.url, '--store', store, '--out', out];
    const coordinator = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    started.push(coordinator);
    await until('the four jobs waiting', async () => (await queue.getWaitingCount()) === 4, 60_000);
    const client = await queue.getBackend().client;
    expect(await client.get(coordinatorKey(storeId, planHash()))).toBe('1');
    coordinator.kill('SIGINT');
    expect(await new Promise((resolve) => coordinator.on('exit', resolve))).toBe(130);
    expect(await queue.getJobCounts('wait', 'active', 'failed', 'completed')).toEqual({ wait: 0, active: 0, failed: 0, completed: 0 });
    expect(await client.get(coordinatorKey(storeId, planHash()))).toBeNull();
    expect(existsSync(out)).toBe(false);
    const w = startWorker('--max-jobs', '4');
    expect(spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' }).status).toBe(0);
    expect(folderHashes(out)).toEqual(localFiles);
    expect(await w.exited).toBe(0);
  }, 120_000);

  it('a job BullMQ gave up because its worker died mid-run more often than it allows: a runtime failure naming the combination, not a verify failure (tester F15: VERIFY_FAILED, exit 5)', async () => {
    const dying = new Worker(queueName(storeId), async () => { throw new UnrecoverableError('job stalled more than allowable limit'); }, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    const error = await sweep({ ...request(path.join(work, 'stalled')), runAll: (x) => runSweepOnQueue({ ...x, queue: redis.url, store, pollMs: 100 }) }).then(() => null, (e: unknown) => e);
    await dying.close();
    expect(error).toMatchObject({ name: 'SandboxError', code: 'RUNTIME_FAILED', message: expect.stringMatching(/^combination \d \(job [0-9a-f]{64}-\d\): its worker stopped mid-run more often than BullMQ allows \(killed, out of memory, or its machine lost\), so the job was given up; see the workers' logs, then run the sweep again$/) });
  });

  it('a kept result whose file was altered in the store since is run again, and its object written anew (tester F6: that plan failed for ever)', async () => {
    const w = startWorker('--max-jobs', '5');
    await queuedSweep();
    const stats = ((await queue.getJob(jobId(planHash(), 1)))!.returnvalue as RunManifest).files.find((f) => f.path === 'stats.json')!;
    const object = path.join(store, 'sha256', stats.sha256.slice(0, 2), stats.sha256.slice(2));
    writeFileSync(object, '{}');
    expect(folderHashes(await queuedSweep())).toEqual(localFiles);
    expect(await w.exited).toBe(0);
    expect(createHash('sha256').update(readFileSync(object)).digest('hex')).toBe(stats.sha256);
  });

  it('data large enough to be streamed is refused before anything is put or enqueued', async () => {
    const plan = readPlan(readFileSync(path.join(work, 'local', 'sweep.json')));
    const streamed = { path: 'data/GOOG.csv', symbol: 'GOOG', sha256: plan.data[0]!.sha256, byteLength: 64 << 20, options: {}, open: () => { throw new Error('not read'); } } as unknown as DataFeed;
    const elsewhere = path.join(work, 'never-written');
    await expect(runSweepOnQueue({ plan, strategy: { wasm: new Uint8Array(0), sources: [] }, feeds: [streamed], queue: redis.url, store: elsewhere, sweepDir: elsewhere }))
      .rejects.toMatchObject({ name: 'UsageError', code: 'USAGE', message: `--queue: data/GOOG.csv is large enough to be streamed (${64 << 20} bytes or more); a worker runs data files held in memory only (docs/DEPLOY.md, Limits)` });
    expect(existsSync(elsewhere)).toBe(false);
    expect(await queue.count()).toBe(0);
  });

  it('no Redis at --queue: a usage error before anything is put or enqueued, at once when nothing listens there (tester D16: after the 10 s deadline)', async () => {
    const elsewhere = path.join(work, 'no-redis');
    const out = path.join(work, 'no-redis-sweep');
    // (a deadline of 10 minutes: only the refusal itself can end it within the test's time)
    const error = await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: 'redis://127.0.0.1:1', store: elsewhere, connectTimeoutMs: 600_000 }) }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'UsageError', code: 'USAGE', message: '--queue redis://127.0.0.1:1: no Redis there (connect ECONNREFUSED 127.0.0.1:1); start one, or check the host and port' });
    expect([existsSync(elsewhere), existsSync(out)]).toEqual([false, false]);
    // a host that takes the connection and never answers is given the deadline
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const late = await sweep({ ...request(out), runAll: (x) => runSweepOnQueue({ ...x, queue: `redis://127.0.0.1:${port}`, store: elsewhere, connectTimeoutMs: 500 }) }).then(() => null, (e: unknown) => e);
      expect(late).toMatchObject({ name: 'UsageError', code: 'USAGE', message: `--queue redis://127.0.0.1:${port}: no Redis answered within 0.5 s` });
    } finally {
      silent.close();
    }
    expect([existsSync(elsewhere), existsSync(out)]).toEqual([false, false]);
  });
});
