/**
 * @module distributed/worker
 * `backproof worker`: takes sweep jobs from the BullMQ queue of its store (distributed/queue queueName) and
 * runs each combination exactly as a local sweep does (host/sweep runCombination), with the module and data
 * fetched from the store by the hashes the plan names, then puts the run folder's files into the store and
 * returns their manifest.
 *
 * A job fails at once, without retries (BullMQ's UnrecoverableError), when no retry could change it: a
 * malformed payload, a toolchain other than the coordinator's (this worker would record another run), no
 * coordinator waiting for it (ABANDONED: the coordinator enqueues it again when it runs again), a store
 * object missing or altered (removed or changed since the coordinator put it: the coordinator puts it
 * again when it runs again), or any typed Backproof error of the run itself. Anything else (the store's
 * disk, a lost connection) is retried, up to the job's attempts. A worker killed mid-job leaves its job
 * locked until the lock expires; BullMQ's stalled-job check (run by every worker) then puts it back for
 * another. The worker goes on after any failed job. It stops (exit 2) when its store's id changes (the
 * store was emptied or replaced): its queue is then no coordinator's.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { AuditError, BackproofError, UsageError } from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import { toolchainMessage, toolchainDifferences } from '../run/toolchain.ts';
import { checkIsolation } from '../run/execute.ts';
import { isStreamed, openData, type DataFeed } from '../data/load.ts';
import { parseDataSpec } from '../data/options.ts';
import { dataOptionsOf, prepareSweep, readPlan, runCombination, type SweepContext, type SweepPlan } from '../sweep/index.ts';
import { getStrategy } from './bundle.ts';
import { ABANDONED, authFailure, checkJob, coordinatorKey, failureText, queueName, redactedUrl, redisConnection, RUN_MANIFEST_FORMAT, type ManifestFile, type RunManifest, type SweepJob } from './queue.ts';
import { checkedStoreFolder, FolderStore, isMissingObject, type ArtifactStore } from './store.ts';

export interface WorkerOptions {
  /** redis://HOST:PORT[/DB] */
  queue: string;
  /** The store's folder (a mounted volume shared with the coordinator). */
  store: string;
  /** Jobs run at once in this process (default 1; each runs its guest on a thread of its own). */
  concurrency?: number;
  /**
   * Where this worker runs its guests (`--isolation`: v8, wasi, process; default v8). The worker's
   * choice, not the job's: it is where the guest ran, not what was computed (the record is the same
   * under each), and how far this machine trusts the strategies it is sent is the operator's call.
   */
  isolation?: string;
  /** Each run's wall-clock watchdog (ms), handed to the runtime too (default 600 s). */
  timeoutMs?: number;
  /** Signs the runs' records (audit/keys loadPrivateKey); null: unsigned. */
  key?: KeyObject | null;
  /** Where inputs are kept and runs are made before they go to the store (default: a temp folder). */
  workDir?: string;
  /** BullMQ's lock on a running job (ms), renewed at half of it; a job whose lock lapses is given to another worker. */
  lockDurationMs?: number;
  /** How often this worker checks for stalled jobs (ms). */
  stalledIntervalMs?: number;
  logger?: Logger;
  /** Resolves to stop: the worker finishes its running jobs, then closes. */
  stop: Promise<unknown>;
  /** Stop also once this many jobs have finished, completed or failed (default: no limit). */
  maxJobs?: number;
  /** Stop also once no job has run for this long (ms; default: never): a worker of a Kubernetes Job ends when the queue is drained. */
  idleExitMs?: number;
}

export interface WorkerSummary {
  completed: number;
  failed: number;
}

/** Inputs fetched for a plan, kept while its jobs come (one sweep at a time is the common case). */
interface PlanInputs {
  plan: SweepPlan;
  context: SweepContext;
}

/** Each file of a folder (recursively), as a path with forward slashes, sorted by code unit. */
async function folderFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...await folderFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
    else throw new UsageError('USAGE', `${path.join(dir, rel)}: a run folder holds only files and folders`);
  }
  return out.sort();
}

/**
 * The feeds of the plan's data, opened as host/sweep opens them from their specs (symbol, period, read
 * options), but each file fetched from the store by hash into the work folder and then named by the plan's
 * path, which is what its run records. A file large enough to be streamed (data/load STREAM_THRESHOLD) is
 * read again from its path while the run goes, so it cannot be renamed: refused (docs/DEPLOY.md, Limits).
 */
async function feedsOf(store: ArtifactStore, plan: SweepPlan, workDir: string): Promise<DataFeed[]> {
  const feeds: DataFeed[] = [];
  for (const d of plan.data) {
    const { symbol, file, period } = parseDataSpec(d.spec);
    // the file's name is kept: the default symbol is its base name, and the loader picks the format by its extension
    const dir = path.join(workDir, 'data', d.sha256);
    const local = path.join(dir, path.basename(file));
    await mkdir(dir, { recursive: true });
    await writeFile(local, await store.get(d.sha256));
    const feed = await openData(local, period === undefined ? dataOptionsOf(plan) : { ...dataOptionsOf(plan), period });
    if (isStreamed(feed)) throw new UsageError('USAGE', `data ${d.path} is streamed (a file this large is read again during the run): a worker runs data files held in memory only`);
    if (feed.sha256 !== d.sha256) throw new AuditError('VERIFY_FAILED', 'store', `data ${d.path}: the store's object ${d.sha256} loaded as ${feed.sha256}`);
    feeds.push({ ...feed, path: d.path, ...(symbol ? { symbol } : {}) });
  }
  return feeds;
}

/** Why this installation cannot reproduce the job's runs (empty: it can). */
function toolchainRefusal(job: SweepJob): string[] {
  return toolchainDifferences(job.toolchain, toolchainMessage());
}

/** How often a worker reads its store's id (FolderStore: a 33-byte file). */
const STORE_ID_CHECK_MS = 2_000;

/** Runs `backproof worker` until `options.stop` resolves; returns how many jobs it completed and failed. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.logger ?? silentLogger;
  const isolation = checkIsolation(options.isolation); // (a usage error before the queue is touched)
  const connection = { ...redisConnection(options.queue), maxRetriesPerRequest: null };
  const store = new FolderStore(await checkedStoreFolder(options.store, '--store', false));
  const storeId = await store.id();
  const workDir = options.workDir ?? await mkdtemp(path.join(tmpdir(), 'backproof-worker-'));
  const ownWorkDir = options.workDir === undefined;
  // SIGINT and SIGTERM end the process at once (bin/backproof.js): the temp folder goes with it
  const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true });
  if (ownWorkDir) process.on('exit', removeWorkDir);
  const key = options.key ?? null;
  let inputs: Promise<PlanInputs> | null = null;
  let inputsOf = '';
  const summary: WorkerSummary = { completed: 0, failed: 0 };

  const planOf = async (planSha256: string): Promise<Uint8Array> => store.get(planSha256).catch((e: unknown) => {
    if (isMissingObject(e)) throw new AuditError('VERIFY_FAILED', 'store', `the store ${store.location} has no plan ${planSha256}`, { cause: (e as AuditError).cause });
    throw e;
  });
  const coordinatorWaits = async (planSha256: string): Promise<boolean> => (await (await worker.getBackend().client).get(coordinatorKey(storeId, planSha256))) !== null;
  // A job's inputs are the store's, whichever worker takes it: with its plan's inputs cached, a worker still asks
  // the store for the job's plan, strategy bundle and data, and one missing fails as it does on a worker without them.
  const stillStored = async (plan: SweepPlan, planSha256: string, bundle: string): Promise<void> => {
    if (!(await store.has(planSha256))) await planOf(planSha256);
    for (const hash of [bundle, ...plan.data.map((d) => d.sha256)]) if (!(await store.has(hash))) await store.get(hash);
  };

  const planInputs = async (planSha256: string, extra: Record<string, string>): Promise<PlanInputs> => {
    const bundle = extra.strategy;
    // keyed by the bundle too: another bundle is fetched (and checked against the plan) before any run uses it
    const key = `${planSha256}/${bundle}`;
    if (inputs === null || inputsOf !== key) {
      inputsOf = key;
      inputs = (async () => {
        const plan = readPlan(await planOf(planSha256));
        if (bundle === undefined) throw new UsageError('USAGE', 'malformed job payload: extra.strategy (the strategy bundle) is missing');
        const strategy = await getStrategy(store, bundle, plan.strategy.wasmSha256);
        const named = JSON.stringify(strategy.sources.map((s) => ({ path: s.path, sha256: s.sha256 })));
        if (named !== JSON.stringify(plan.strategy.sources)) throw new AuditError('VERIFY_FAILED', 'store', `strategy bundle ${bundle}: its sources are not the plan's`);
        const feeds = await feedsOf(store, plan, path.join(workDir, planSha256));
        return { plan, context: await prepareSweep(plan, { strategy, data: feeds }) };
      })();
      inputs.catch(() => { inputs = null; }); // fetched again for the next job
      return inputs;
    }
    const cached = await inputs;
    await stillStored(cached.plan, planSha256, bundle!);
    return cached;
  };

  const processJob = async (job: Job): Promise<RunManifest> => {
    let sweepJob: SweepJob;
    try {
      sweepJob = checkJob(job.data);
      const refusal = toolchainRefusal(sweepJob);
      if (refusal.length > 0)
        throw new AuditError('TOOLCHAIN_MISMATCH', 'toolchain', `this worker's toolchain differs from the sweep's, so its runs would not be the sweep's: ${refusal.join('; ')}`);
      if (!(await coordinatorWaits(sweepJob.planSha256)))
        throw new UsageError('USAGE', `${ABANDONED} (its sweep was interrupted, or its coordinator stopped): not run; a "backproof sweep --queue" of the same plan enqueues it again`);
      const { plan, context } = await planInputs(sweepJob.planSha256, sweepJob.extra);
      if (sweepJob.index >= plan.combinations.length) throw new UsageError('USAGE', `malformed job payload: index ${sweepJob.index} is past the plan's ${plan.combinations.length} combinations`);
      const scratch = await mkdtemp(path.join(workDir, 'job-'));
      try {
        const result = await runCombination(plan, sweepJob.index, { sweepDir: scratch, key, context, isolation, timeoutMs: options.timeoutMs });
        const runDir = result.runDir;
        const files: ManifestFile[] = [];
        for (const rel of await folderFiles(runDir)) files.push({ path: rel, sha256: await store.put(await readFile(path.join(runDir, rel))) });
        return { format: RUN_MANIFEST_FORMAT, index: result.index, runId: result.runId, recordSha256: result.recordSha256, stats: result.stats, files };
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    } catch (e) {
      // The coordinator put every input into this store (the one its queue is named by) before it enqueued the
      // job: one missing now was removed since. No retry brings it back; the coordinator's next run puts it again.
      if (isMissingObject(e))
        throw new UnrecoverableError(failureText(new AuditError('VERIFY_FAILED', 'store', `${(e as AuditError).message}: it was removed after the coordinator put it there and enqueued this job; running "backproof sweep --queue" again puts it back`)));
      // a typed error is deterministic: the same job fails the same way on every attempt and worker
      if (e instanceof BackproofError) throw new UnrecoverableError(failureText(e));
      throw e;
    }
  };

  const worker = new Worker(queueName(storeId), processJob, {
    connection,
    concurrency: options.concurrency ?? 1,
    ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
    // a finished job's result is what the coordinator collects: kept until the coordinator removes it
    removeOnComplete: { count: 1_000_000 },
    removeOnFail: { count: 1_000_000 },
  });
  let enough: () => void = () => {};
  const counted = new Promise<void>((resolve) => { enough = resolve; });
  let running = 0;
  let idleSince = Date.now();
  const finished = (): void => {
    running = Math.max(0, running - 1); // (a stalled job another worker ran may fail here too)
    idleSince = Date.now();
    if (options.maxJobs !== undefined && summary.completed + summary.failed >= options.maxJobs) enough();
  };
  worker.on('active', () => { running++; });
  const idleCheck = options.idleExitMs === undefined ? undefined : setInterval(() => {
    if (running === 0 && Date.now() - idleSince >= options.idleExitMs!) enough();
  }, Math.min(1000, options.idleExitMs));
  worker.on('completed', (job) => {
    summary.completed++;
    log.info({ job: job.id }, 'completed');
    finished();
  });
  worker.on('failed', (job, err) => {
    summary.failed++;
    log.warn({ job: job?.id, reason: err.message }, 'failed');
    finished();
  });
  // Redis refusing the URL's credentials is no outage to wait out (as a Redis not up yet is): the worker stops, exit 2
  const auth: { refusal: UsageError | null } = { refusal: null };
  let refused: () => void = () => {};
  const refusedAuth = new Promise<void>((resolve) => { refused = resolve; });
  worker.on('error', (err) => {
    const refusal = authFailure(options.queue, err);
    if (refusal === null) return log.warn({ err: err.message }, 'queue connection');
    auth.refusal ??= refusal;
    refused();
    enough();
  });
  // The store emptied or replaced has another id (or none yet): this worker's queue is no coordinator's now
  let replaced: UsageError | null = null;
  const idCheck = setInterval(() => {
    store.currentId().then((now) => {
      if (now === storeId || replaced !== null) return;
      replaced = new UsageError('USAGE', `--store ${store.location}: the store's id changed from ${storeId} to ${now ?? 'none'} (it was emptied or replaced), and this worker takes the jobs of the store it started on: start it again`);
      enough();
    }, (e: Error) => log.warn({ err: e.message }, 'reading the store\'s id'));
  }, STORE_ID_CHECK_MS);
  await Promise.race([worker.waitUntilReady(), refusedAuth]);
  idleSince = Date.now();
  if (auth.refusal === null) log.info({ queue: redactedUrl(options.queue), store: store.location, storeId, isolation }, 'worker ready');
  try {
    await Promise.race([options.stop, counted]);
  } finally {
    clearInterval(idleCheck);
    clearInterval(idCheck);
    await worker.close(auth.refusal !== null); // (a worker Redis refuses is not connected: a graceful close would wait for ever)
    if (ownWorkDir) {
      process.off('exit', removeWorkDir);
      await rm(workDir, { recursive: true, force: true });
    }
  }
  if (replaced !== null) throw replaced;
  if (auth.refusal !== null) throw auth.refusal;
  return summary;
}
