/**
 * @module distributed/coordinator
 * The coordinator's side of `backproof sweep --queue`: puts the sweep's inputs into the store (the plan,
 * the strategy bundle, the data files), enqueues one job per combination, waits until each is done,
 * fetches each run's files from the store into the sweep folder, checks each as verify checks a sweep's
 * run (sweep/verify verifySweepRun: a worker may be buggy or hostile), and returns the combinations' results,
 * read from the runs' own files, for host/sweep's assembleSweep — the same results, so the same sweep
 * root, as a local sweep's. A kept completed job whose files this store lacks is run again.
 *
 * Waiting survives Redis going away: the connection is retried, and a job found missing (a Redis that
 * came back without its data) is enqueued again. A job that failed is final: its typed error is raised,
 * naming the combination — unless a worker found no coordinator waiting for it (ABANDONED), which a live
 * coordinator enqueues again.
 *
 * While it waits, the coordinator keeps its key alive in Redis (queue coordinatorKey): workers run its
 * jobs only while the key exists. Stopped by an error, an interrupt (run/interrupt) or a kill, it leaves
 * nothing running: its waiting jobs are withdrawn (or, after a kill, failed by the workers once the key
 * lapses). Results are kept KEPT_RESULTS_S for a sweep run again (resumed), then removed by BullMQ.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue, type Job } from 'bullmq';
import { AuditError, SandboxError, UsageError, type BackproofError } from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import { decodeSignedEnvelope } from '../audit/record.ts';
import { toolchainMessage } from '../run/toolchain.ts';
import type { StrategyArtifact } from '../run/execute.ts';
import { isStreamed, STREAM_THRESHOLD, type DataFeed } from '../data/load.ts';
import { planText, runDirOf, type CombinationResult, type SweepPlan } from '../sweep/index.ts';
import { verifySweepRun } from '../sweep/verify.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { putStrategy } from './bundle.ts';
import { ABANDONED, authFailure, coordinatorKey, COORDINATOR_RENEW_MS, COORDINATOR_TTL_MS, failureError, redactedUrl, JOB_FORMAT, jobId, jobToolchain, queueName, redisConnection, RUN_MANIFEST_FORMAT, type RunManifest, type SweepJob } from './queue.ts';
import { checkedHash, checkedStoreFolder, FolderStore, isMissingObject, type ArtifactStore } from './store.ts';
import { onInterruptCleanup } from '../run/interrupt.ts';

export interface QueueSweepOptions {
  plan: SweepPlan;
  strategy: StrategyArtifact;
  /** The plan's data, opened (their files are put into the store). */
  feeds: readonly DataFeed[];
  /** redis://HOST:PORT[/DB] */
  queue: string;
  /** The store's folder, shared with the workers. */
  store: string;
  /** The sweep folder being made: runs go to `<sweepDir>/runs/<name>`. */
  sweepDir: string;
  /** Attempts of a job that fails for a reason other than a typed error (default 3). */
  attempts?: number;
  /** How often the jobs' states are read (default 200 ms). */
  /** How often the coordinator's key is renewed (default COORDINATOR_RENEW_MS; it lapses COORDINATOR_TTL_MS after the last). */
  keyRenewMs?: number;
  pollMs?: number;
  /** How many jobs' states a poll reads, in turn (default 256). */
  pollBatch?: number;
  /** How long to wait for Redis to answer before anything is put or enqueued (default 10 s): a UsageError then. */
  connectTimeoutMs?: number;
  /** Give up when no job has finished for this long (default: wait for ever — workers may start later). */
  idleTimeoutMs?: number;
  logger?: Logger;
  /** Told each combination's result as its run is fetched (completion order): host/sweep's runAll hook. */
  onDone?: (result: CombinationResult) => void;
}

/** The manifest a job returned, checked before any file is fetched (it came through Redis). */
function checkManifest(v: unknown, index: number, job: string): RunManifest {
  const bad = (why: string): never => {
    throw new AuditError('VERIFY_FAILED', 'queue', `combination ${index} (job ${job}): the worker's result ${why}`);
  };
  const m = v as RunManifest;
  if (typeof m !== 'object' || m === null || m.format !== RUN_MANIFEST_FORMAT) return bad(`is not a ${RUN_MANIFEST_FORMAT}`);
  if (m.index !== index) bad(`is for combination ${m.index}`);
  if (typeof m.runId !== 'string' || !/^[0-9a-f]{16}$/.test(m.runId)) bad('has no run id');
  checkedHash(m.recordSha256, `combination ${index} (job ${job}): recordSha256`);
  if (typeof m.stats !== 'object' || m.stats === null || !Array.isArray(m.files)) bad('has no stats or files');
  const paths = new Set<string>();
  for (const f of m.files) {
    checkedHash(f?.sha256, `combination ${index} (job ${job}): a file's sha256`);
    const parts = typeof f.path === 'string' ? f.path.split('/') : [];
    if (parts.length === 0 || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) bad(`names a file outside its run folder: ${JSON.stringify(f.path)}`);
    if (paths.has(f.path)) bad(`names ${JSON.stringify(f.path)} twice`);
    paths.add(f.path);
  }
  // a folder of the run is no file of it ("record.pb" and "record.pb/x" cannot both be written)
  for (const p of paths) {
    for (let k = p.indexOf('/'); k > 0; k = p.indexOf('/', k + 1)) if (paths.has(p.slice(0, k))) bad(`names ${JSON.stringify(p)} under its file ${JSON.stringify(p.slice(0, k))}`);
  }
  return m;
}

/** The manifest's files the store does not hold (a new or emptied store, or a worker's store other than this one). */
async function missingFiles(store: ArtifactStore, m: RunManifest): Promise<string[]> {
  const missing: string[] = [];
  for (const f of m.files) if (!(await store.has(f.sha256))) missing.push(f.path);
  return missing;
}

/** Writes a run's files from the store into `runDir` and checks its record against the manifest's record hash. */
async function fetchRun(store: ArtifactStore, m: RunManifest, runDir: string, job: string): Promise<void> {
  const record = m.files.find((f) => f.path === 'record.pb');
  if (!record) throw new AuditError('VERIFY_FAILED', 'queue', `combination ${m.index} (job ${job}): its run folder has no record.pb`);
  const recordBytes = decodeSignedEnvelope(await store.get(record.sha256)).record;
  const actual = toHex(sha256(recordBytes));
  if (actual !== m.recordSha256) throw new AuditError('VERIFY_FAILED', 'queue', `combination ${m.index} (job ${job}): its record hashes to ${actual}, the worker said ${m.recordSha256}`);
  for (const f of m.files) {
    const target = path.join(runDir, ...f.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await store.get(f.sha256), { flag: 'wx' });
  }
}

/**
 * The fetched run checked as verify checks a sweep folder's run N (sweep/verify verifySweepRun: it verifies,
 * ran the plan's module and data, its config is the plan's with combination N's params) and holding nothing
 * that its record does not bind; its result read from its own files (stats.json), never from the manifest.
 * A worker may be buggy or hostile, and the coordinator's signature over the sweep must not cover its word.
 */
async function checkedRun(plan: SweepPlan, index: number, runDir: string, job: string): Promise<CombinationResult> {
  let checked;
  try {
    // (inline: a hashing thread per run would cost ~6x the CPU of hashing a small run here, docs/DEPLOY.md)
    checked = await verifySweepRun(plan, index, runDir, { inline: true });
  } catch (e) {
    if (e instanceof AuditError) throw new AuditError('VERIFY_FAILED', 'queue', `combination ${index} (job ${job}): the worker's run is not the plan's combination ${index}: ${e.message}`, { cause: e });
    throw e;
  }
  if (checked.unverified.length > 0)
    throw new AuditError('VERIFY_FAILED', 'queue', `combination ${index} (job ${job}): the worker's run folder holds ${checked.unverified[0]!.file}, which its record does not bind (${checked.unverified[0]!.why})`);
  return checked.result;
}

/** Connection errors that waiting does not mend: nothing listens on the port, or the host name does not exist. */
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND']);

/** How long a finished job (its result) is kept in Redis for a sweep run again: a week (BullMQ removes older ones as jobs finish). */
export const KEPT_RESULTS_S = 7 * 24 * 3600;

/** BullMQ's reason for a job whose worker died mid-run more often than it allows (moveStalledJobsToWait). */
const STALLED = 'job stalled more than allowable limit';

/** How many jobs' states one poll reads by default. */
const POLL_BATCH = 256;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once the Redis at `o.queue` answers, on a connection of its own (closed again); a UsageError
 * otherwise: at once when nothing listens there, no such host exists or Redis refuses the credentials,
 * after `o.connectTimeoutMs` when a host does not answer. Afterwards a lost connection is waited out.
 */
async function reachRedis(o: QueueSweepOptions, log: Logger): Promise<void> {
  const probe = new Queue('backproof-connect', { connection: redisConnection(o.queue) });
  let lastError = '';
  let refused: (why: string) => void = () => {};
  let authRefused: (e: UsageError) => void = () => {};
  probe.on('error', (e: NodeJS.ErrnoException) => {
    lastError = e.message;
    log.warn({ err: e.message }, 'queue connection');
    if (REFUSED.has(e.code ?? '')) refused(e.message);
    // Redis answered and refused the credentials: not a Redis that is not up yet, so not waited for
    const auth = authFailure(o.queue, e);
    if (auth) authRefused(auth);
  });
  try {
    const deadline = o.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const reached = await Promise.race([
      probe.waitUntilReady().then(() => true, (e: Error) => { lastError = e.message; return false; }),
      new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), deadline); }),
      new Promise<string>((resolve) => { refused = resolve; }),
      new Promise<UsageError>((resolve) => { authRefused = resolve; }),
    ]).finally(() => clearTimeout(timer));
    if (reached instanceof UsageError) throw reached;
    if (typeof reached === 'string') throw new UsageError('USAGE', `--queue ${redactedUrl(o.queue)}: no Redis there (${reached}); start one, or check the host and port`);
    if (!reached) throw new UsageError('USAGE', `--queue ${redactedUrl(o.queue)}: no Redis answered within ${deadline / 1000} s${lastError ? ` (${lastError})` : ''}`);
  } finally {
    await probe.close();
  }
}

/**
 * Runs the plan's combinations on the queue's workers; each run's folder is written under
 * `<sweepDir>/runs/`; resolves to the results in index order.
 */
export async function sweepOnQueue(o: QueueSweepOptions): Promise<CombinationResult[]> {
  const log = o.logger ?? silentLogger;
  const connection = redisConnection(o.queue);
  const total = o.plan.combinations.length;
  for (const [k, d] of o.plan.data.entries()) {
    if (isStreamed(o.feeds[k]!)) throw new UsageError('USAGE', `--queue: ${d.path} is large enough to be streamed (${STREAM_THRESHOLD} bytes or more); a worker runs data files held in memory only (docs/DEPLOY.md, Limits)`);
  }
  // checked now, made (with its id) once Redis answered: a sweep that cannot reach Redis leaves nothing behind
  const store = new FolderStore(await checkedStoreFolder(o.store, '--store', true));
  await reachRedis(o, log);
  const storeId = await store.id();
  const queue = new Queue(queueName(storeId), { connection });
  queue.on('error', (e: Error) => log.warn({ err: e.message }, 'queue connection'));
  const results: CombinationResult[] = [];
  let alive: NodeJS.Timeout | undefined;
  let withdraw: (() => Promise<void>) | null = null;
  const unregister = onInterruptCleanup(async () => withdraw?.());
  try {
    const planBytes = new TextEncoder().encode(planText(o.plan));
    const planSha256 = await store.put(planBytes);
    // The key workers look for before they run a job of this plan, set before any is enqueued and kept alive
    const client = await queue.getBackend().client;
    const key = coordinatorKey(storeId, planSha256);
    const keepAlive = async (): Promise<unknown> => client.set(key, '1', { PX: COORDINATOR_TTL_MS });
    await keepAlive();
    alive = setInterval(() => { keepAlive().catch(() => {}); }, o.keyRenewMs ?? COORDINATOR_RENEW_MS); // (Redis away: the next one sets it)
    // Stopped before the sweep is done: the key removed (a worker then runs none of this plan's jobs) and the jobs
    // still waiting withdrawn; running ones finish and are kept for a sweep run again.
    withdraw = async () => {
      clearInterval(alive);
      await client.del(key);
      const waiting = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      await Promise.allSettled(waiting.filter((j) => j.id?.startsWith(`${planSha256}-`)).map((j) => j.remove()));
    };
    const strategy = await putStrategy(store, o.strategy);
    for (const [k, d] of o.plan.data.entries()) {
      const put = await store.put(new Uint8Array(await readFile(o.feeds[k]!.path)));
      if (put !== d.sha256) throw new AuditError('VERIFY_FAILED', 'data', `${d.path} hashes to ${put} now, the plan says ${d.sha256}: it changed`);
    }
    const toolchain = jobToolchain(toolchainMessage(o.strategy.lock));
    const payload = (index: number): SweepJob => ({ format: JOB_FORMAT, planSha256, index, toolchain, extra: { strategy } });
    const jobOptions = (index: number) => ({
      jobId: jobId(planSha256, index),
      attempts: o.attempts ?? 3,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: { age: KEPT_RESULTS_S },
      removeOnFail: { age: KEPT_RESULTS_S },
    });
    // One job per combination; an id already there (this plan enqueued before) is left as it is, unless it failed: then retried.
    for (let i = 0; i < total; i += 500) {
      const added = await queue.addBulk(o.plan.combinations.slice(i, i + 500).map((c) => ({ name: 'combination', data: payload(c.index), opts: jobOptions(c.index) })));
      await Promise.all(added.map(async (job) => { if (await job.isFailed()) await job.retry('failed'); }));
    }
    log.info({ planSha256, jobs: total }, 'enqueued');
    const pending = new Set(o.plan.combinations.map((c) => c.index));
    const rerun = new Set<number>(); // combinations enqueued again because their kept files were not in the store, or altered
    // A kept result removed and its combination enqueued again. (A removal or add that fails — a lost connection — is
    // tried again at the next poll, or the job found missing is enqueued.)
    const runAgain = async (job: Job, index: number): Promise<void> => {
      if (!(await job.remove().then(() => true, (e: Error) => { log.warn({ err: e.message }, 'removing a kept job: retrying'); return false; }))) return;
      rerun.add(index);
      await queue.add('combination', payload(index), jobOptions(index)).catch(() => {});
    };
    let last = -1;
    let lastProgress = Date.now();
    while (pending.size > 0) {
      let jobs: { job: Job | undefined; state: string }[];
      // at most POLL_BATCH jobs a poll, in turn: a large sweep's poll stays a few hundred Redis calls
      const waiting = [...pending]; // (in index order: the set was filled in that order and only loses members)
      const from = Math.max(0, waiting.findIndex((i) => i > last));
      const indices = waiting.slice(from, from + (o.pollBatch ?? POLL_BATCH));
      last = indices[indices.length - 1]!;
      try {
        jobs = await Promise.all(indices.map(async (i) => {
          const job = await queue.getJob(jobId(planSha256, i));
          return { job, state: job ? await job.getState() : 'missing' };
        }));
      } catch (e) {
        log.warn({ err: (e as Error).message }, 'reading the jobs: retrying');
        jobs = [];
      }
      for (const [k, { job, state }] of jobs.entries()) {
        const index = indices[k]!;
        if (job === undefined || state === 'unknown') {
          // Redis lost it (it came back without its data, the key too): enqueued again, after the key
          await keepAlive().then(() => queue.add('combination', payload(index), jobOptions(index))).catch(() => {});
        } else if (state === 'failed' && job.failedReason === undefined) {
          // (read before it failed: seen at the next poll)
        } else if (state === 'failed' && job.failedReason.includes(ABANDONED)) {
          // a worker that found no key (Redis lost it, or this sweep was stopped and is now run again): enqueued again
          await keepAlive().then(() => job.retry('failed')).catch(() => {});
        } else if (state === 'failed' && job.failedReason === STALLED) {
          throw new SandboxError('RUNTIME_FAILED', `combination ${index} (job ${job.id}): its worker stopped mid-run more often than BullMQ allows (killed, out of memory, or its machine lost), so the job was given up; see the workers' logs, then run the sweep again`);
        } else if (state === 'failed') {
          throw failureError(job.failedReason, `combination ${index} (job ${job.id}) failed on a worker`, (m) => new AuditError('VERIFY_FAILED', 'queue', m) as BackproofError);
        } else if (state === 'completed' && job.returnvalue != null) { // (read before it completed: seen at the next poll)
          const m = checkManifest(job.returnvalue, index, job.id!);
          const missing = await missingFiles(store, m);
          if (missing.length > 0) {
            // a kept result whose files this store lacks (a new or emptied store: docs/DEPLOY.md) is run again;
            // lacking them again after that run, the worker that ran it put them into another store
            if (rerun.has(index))
              throw new UsageError('USAGE', `combination ${index} (job ${job.id}) was run again and its files are still not in the store ${store.location} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} missing): does every worker's --store name the folder the coordinator's --store names (the same volume)?`);
            log.info({ job: job.id, missing: missing.length }, 'kept result not in this store: running it again');
            await runAgain(job, index);
            continue;
          }
          const runDir = runDirOf(o.sweepDir, o.plan, index);
          const altered = await fetchRun(store, m, runDir, job.id!).then(() => null, async (e: unknown) => {
            if (!(e instanceof AuditError && e.step === 'store') || isMissingObject(e)) throw e;
            await rm(runDir, { recursive: true, force: true });
            return e;
          });
          if (altered !== null) {
            // a kept result whose files were altered in the store since: run again, its worker's put writes them anew
            if (rerun.has(index)) throw altered;
            log.info({ job: job.id, err: altered.message }, 'kept result altered in this store: running it again');
            await runAgain(job, index);
            continue;
          }
          const result = await checkedRun(o.plan, index, runDir, job.id!);
          results.push(result);
          pending.delete(index);
          lastProgress = Date.now();
          o.onDone?.(result);
        }
      }
      if (pending.size === 0) break;
      if (o.idleTimeoutMs !== undefined && Date.now() - lastProgress > o.idleTimeoutMs)
        throw new AuditError('VERIFY_FAILED', 'queue', `no combination finished for ${o.idleTimeoutMs} ms (${pending.size} of ${total} waiting on ${redactedUrl(o.queue)}): are workers running on this queue and store?`);
      await sleep(o.pollMs ?? 200);
    }
    clearInterval(alive);
    await client.del(key).catch(() => {}); // (done: lapses on its own if Redis is away)
    withdraw = null;
  } catch (e) {
    await withdraw?.().catch(() => {});
    throw e;
  } finally {
    clearInterval(alive);
    unregister();
    await queue.close();
  }
  return results.sort((a, b) => a.index - b.index);
}
