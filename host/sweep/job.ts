/**
 * @module sweep/job
 * One combination's run, on a guest thread (run/worker inGuestThread: the same stack and entry as
 * every other execution of a guest): the run config of the combination, executeRun, and its run
 * folder written from this thread — the record, result, renderings and report.html — so the caller's
 * thread only hands out combinations. What every combination of a plan shares is kept on the thread
 * between calls: the module compiled (instrumented and compiled by V8 once per thread, not once per
 * combination), the report's candles of each feed (the bars are the same for every combination) and
 * the signing key.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { UsageError } from '../errors.ts';
import { sourceOfFeed, isStreamed, type DataFeed } from '../data/load.ts';
import { statsObject } from '../audit/render.ts';
import { downsampleCandles, renderReportBytes, REPORT_FILE, RowTally, type Candles } from '../report/index.ts';
import { compileForRun, executeRun, type RunInput, type RunOutcome, type StrategyArtifact } from '../run/execute.ts';
import type { RunConfig } from '../run/config.ts';
import { writeChunksSync, writeRunDir } from '../run/rundir.ts';
import { openPortableFeeds, type PortableFeed } from '../run/worker.ts';
import { configOf, runFolderName } from './plan.ts';
import type { Combination, CombinationResult, SweepPlan } from './types.ts';

/** What a job carries: the plan (and its hash), which combination, where its run folder goes, the key, the module and the feeds. */
export interface CombinationJob {
  /** The plan without its combinations (a copy of every one in every job would cost O(count) each). */
  plan: Omit<SweepPlan, 'combinations'>;
  planSha256: string;
  combination: Combination;
  runDir: string;
  /** PKCS#8 PEM of the signing key; null: unsigned. */
  keyPem: string | null;
  strategy: PackedStrategy;
  feeds: PortableFeed[];
  /** Shared with the caller's thread (run.ts control, stopWriters): [STOP] set when the sweep is interrupted, [WRITERS] the jobs writing a run folder now. */
  control: Int32Array;
  /** Where the guest executes (`--isolation`, sandbox/runtimes; default v8): never in the plan or the record. */
  isolation?: RunInput['isolation'];
  /** The run's wall-clock limit, handed to the runtime as a backtest's is (a process child is killed at it). */
  timeoutMs?: number;
}

/** A StrategyArtifact serialized (node:v8) into shared memory, once per plan (run.ts): read here once per plan and thread. */
export interface PackedStrategy {
  bytes: Uint8Array;
  /** SHA-256 (hex) of the bytes: which artifact a thread has read already. */
  sha256: string;
}

/** The slots of CombinationJob.control. */
export const STOP = 0, WRITERS = 1;

/**
 * A lane (sweep/run runCombinations): one guest thread running the plan's combinations, taking each
 * next one itself from `cursor`, which it shares with the other lanes and the caller.
 */
export interface LaneJob extends Omit<CombinationJob, 'combination' | 'runDir'> {
  /** Every combination of the plan, in index order. */
  combinations: Combination[];
  /** The sweep folder's runs/ folder: combination N's run folder is runs/<runFolderName(N)>. */
  runsDir: string;
  /** Shared memory: [NEXT] the next combination to take; [HALT] set once a combination has failed (no lane takes another). */
  cursor: Int32Array;
}

/** The slots of LaneJob.cursor. */
export const NEXT = 0, HALT = 1;

/** What a lane tells its caller as it goes: the combination it starts, and what each gave. */
export type LaneProgress = { started: number } | { done: CombinationResult };

/** What this thread keeps of the last plan it ran: its module compiled once (a combination changes params only), and each feed's candles. */
let shared: { planSha256: string; strategySha256: string; strategy: StrategyArtifact; guest: ReturnType<typeof compileForRun>; candles: (Candles | undefined)[] | null; firstRun?: string } | null = null;
let signing: { pem: string; key: KeyObject } | null = null;

const hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Checks that the job's module and feeds are the plan's, byte for byte (by their hashes) and by recorded path. */
function checkAgainstPlan(job: CombinationJob, strategy: StrategyArtifact, feeds: readonly DataFeed[]): void {
  if (hex(strategy.wasm) !== job.plan.strategy.wasmSha256) throw new UsageError('USAGE', `the strategy module is not the plan's (SHA-256 ${job.plan.strategy.wasmSha256})`);
  if (feeds.length !== job.plan.data.length) throw new UsageError('USAGE', `${feeds.length} data files given, the plan has ${job.plan.data.length}`);
  feeds.forEach((f, k) => {
    const d = job.plan.data[k]!;
    if (f.sha256 !== d.sha256 || f.path !== d.path) throw new UsageError('USAGE', `data file ${k} is ${f.path} (SHA-256 ${f.sha256}), the plan's is ${d.path} (SHA-256 ${d.sha256})`);
  });
}

/** The guest thread's side of runCombination: runs the combination and writes its run folder. */
export async function runCombinationJob(job: CombinationJob): Promise<CombinationResult> {
  const feeds = openPortableFeeds(job.feeds);
  const config = configOf(job.plan, job.combination);
  if (shared?.planSha256 !== job.planSha256 || shared.strategySha256 !== job.strategy.sha256) {
    const strategy = deserialize(job.strategy.bytes) as StrategyArtifact;
    checkAgainstPlan(job, strategy, feeds);
    shared = { planSha256: job.planSha256, strategySha256: job.strategy.sha256, strategy, guest: compileForRun({ strategy, config }), candles: null };
  } else checkAgainstPlan(job, shared.strategy, feeds);
  const { strategy } = shared;
  const outcome = executeRun({ strategy, data: feeds, config, guest: shared.guest, isolation: job.isolation, timeoutMs: job.timeoutMs });
  const candles = (shared.candles ??= feeds.map((d, k) => (isStreamed(d) ? undefined : downsampleCandles(sourceOfFeed(d), outcome.barsPerFeed[k]!))));
  const key = job.keyPem === null ? null : signing?.pem === job.keyPem ? signing.key : (signing = { pem: job.keyPem, key: createPrivateKey(job.keyPem) }).key;
  const whole = candles.every((c, k) => c !== undefined && c.bars === outcome.barsPerFeed[k]);
  // the report's rows tallied from the engine's columns, as a backtest's guest thread does (run/worker runJob)
  const tally = whole ? RowTally.ofColumns(candles as Candles[], outcome.columns!.trades, outcome.columns!.orders) : undefined;
  // Counted as a writer before the stop flag is read: an interrupt (run.ts stopWriters) then either sees
  // this job writing and waits for it, or this job sees the flag and writes nothing.
  Atomics.add(job.control, WRITERS, 1);
  try {
    if (Atomics.load(job.control, STOP) !== 0) throw new UsageError('USAGE', 'the sweep was interrupted');
    // this thread's first run of the plan in this sweep folder, if any (the same plan may be run into another)
    const first = shared.firstRun !== undefined && path.dirname(shared.firstRun) === path.dirname(job.runDir) ? shared.firstRun : undefined;
    await writeRun(job, outcome, strategy, config, key, feeds, candles, whole, tally, first);
    if (first === undefined) shared.firstRun = job.runDir;
  } finally {
    Atomics.sub(job.control, WRITERS, 1);
    Atomics.notify(job.control, WRITERS);
  }
  return { index: job.combination.index, runId: outcome.runId, recordSha256: hex(outcome.recordBytes), runDir: job.runDir, stats: statsObject(outcome.result.stats) as CombinationResult['stats'] };
}

/** The combination's run folder, with its report.html: `strategy` is the artifact the run executed (the thread's, for the job's plan). */
async function writeRun(job: CombinationJob, outcome: RunOutcome, strategy: StrategyArtifact, config: RunConfig, key: KeyObject | null, feeds: DataFeed[], candles: (Candles | undefined)[], whole: boolean, tally: RowTally | undefined, linkStrategyFrom: string | undefined): Promise<void> {
  await writeRunDir({
    dir: job.runDir, force: false, outcome, strategy, config, key,
    // the strategy's files hard-linked from this thread's first run of the plan (the same artifact: checkAgainstPlan)
    ...(linkStrategyFrom !== undefined ? { linkStrategyFrom } : {}),
    beforePublish: async (partial, recordPb, remember) => {
      const page = renderReportBytes({
        recordPb, result: { ...outcome.rows, equity: outcome.result.equity, stats: outcome.result.stats }, times: outcome.timeline,
        feeds: feeds.map((d, k) => ({ open: () => sourceOfFeed(d), ...(whole ? { candles: candles[k] } : {}) })), tally,
      });
      writeChunksSync(path.join(partial, REPORT_FILE), page); // (synchronous, as run/rundir writes the rest)
      await remember(REPORT_FILE, page);
    },
  });
}

/**
 * The guest thread's side of a lane: takes the next combination from the cursor, runs it as
 * runCombinationJob does, and tells the caller (`post`) it starts and what it gave, until none is left,
 * one has failed (HALT: this one's error is then the reply), or the sweep was interrupted.
 */
export async function runCombinationLane(lane: LaneJob, post: (progress: LaneProgress) => void): Promise<void> {
  const { combinations, runsDir, cursor, ...base } = lane;
  for (;;) {
    if (Atomics.load(cursor, HALT) !== 0) return;
    if (Atomics.load(base.control, STOP) !== 0) throw new UsageError('USAGE', 'the sweep was interrupted');
    const k = Atomics.add(cursor, NEXT, 1);
    if (k >= combinations.length) return;
    const combination = combinations[k]!;
    post({ started: combination.index });
    try {
      post({ done: await runCombinationJob({ ...base, combination, runDir: path.join(runsDir, runFolderName(combination.index, combinations.length)) }) });
    } catch (e) {
      Atomics.store(cursor, HALT, 1); // before the reply crosses: another lane takes no further combination
      throw e;
    }
  }
}
