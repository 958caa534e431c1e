/**
 * @module sweep/run
 * Running combinations: the context every combination of a plan shares (the module and the data,
 * read once and checked against the plan's hashes; the bars moved into shared memory, so that a
 * job crossing to a guest thread carries them without a copy), runCombination (one combination on
 * a guest thread, its run folder written there) and the local pool: at most `workers` combinations
 * at once, each on its own guest thread (run/worker keeps those threads for the next call).
 */
import { createHash, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { serialize } from 'node:v8';
import { UsageError } from '../errors.ts';
import { isStreamed, openData, type DataFeed, type LoadedData } from '../data/load.ts';
import { parseDataSpec } from '../data/options.ts';
import type { Bars } from '../model/bars.ts';
import type { RunInput, StrategyArtifact } from '../run/execute.ts';
import { loadStrategy } from '../run/strategy.ts';
import { guestHeapsForManyRuns, inGuestThread, prepareGuestThreads, portableFeeds, type PortableFeed } from '../run/worker.ts';
import { siblingModule } from '../paths.ts';
import { dataOptionsOf, paramsText, planSha256, runFolderName } from './plan.ts';
import { SWEEP_FILES, type CombinationResult, type SweepPlan } from './types.ts';
import { HALT, STOP, WRITERS, type CombinationJob, type LaneJob, type LaneProgress, type PackedStrategy } from './job.ts';

/** What every combination of one plan shares: its hash, the module, and the data (bars in shared memory). */
export interface SweepContext {
  planSha256: string;
  strategy: StrategyArtifact;
  /** The strategy as every job carries it (job.ts PackedStrategy: serialized once, in shared memory). */
  packed: PackedStrategy;
  feeds: PortableFeed[];
}

/**
 * `strategy` serialized once into shared memory: a job then carries it without a copy, where a
 * StrategyArtifact (its sources, source map and lockfile: ~200 KB of text for an example) was
 * serialized by this thread and read again by the guest thread for every combination.
 */
function packStrategy(strategy: StrategyArtifact): PackedStrategy {
  const bytes = serialize(strategy);
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return { bytes: shared, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export { runFolderName };

/** Combination `index`'s run folder in the sweep folder `sweepDir`. */
export function runDirOf(sweepDir: string, plan: SweepPlan, index: number): string {
  return path.join(sweepDir, SWEEP_FILES.runs, runFolderName(index, plan.combinations.length));
}

/** A copy of `bars` in shared memory (structured clone then shares it with every guest thread). */
function sharedBars(bars: Bars): Bars {
  const share = <T extends BigInt64Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
    out.set(a as never);
    return out;
  };
  return { length: bars.length, time: share(bars.time), open: share(bars.open), high: share(bars.high), low: share(bars.low), close: share(bars.close), volume: share(bars.volume) };
}

/**
 * Opens the plan's data files as the plan names them (its specs and read options), or takes feeds
 * already opened; each must hash to the plan's SHA-256.
 */
async function openPlanData(plan: SweepPlan, given?: readonly DataFeed[]): Promise<DataFeed[]> {
  const feeds: DataFeed[] = [];
  for (const [k, d] of plan.data.entries()) {
    let feed = given?.[k];
    if (feed === undefined) {
      const { symbol, file, period } = parseDataSpec(d.spec);
      feed = await openData(file, period === undefined ? dataOptionsOf(plan) : { ...dataOptionsOf(plan), period });
      if (symbol) feed.symbol = symbol;
    }
    if (feed.sha256 !== d.sha256) throw new UsageError('USAGE', `data file ${feed.path} has SHA-256 ${feed.sha256}; the plan's ${d.path} has ${d.sha256}`);
    feeds.push(feed);
  }
  return feeds;
}

/**
 * The context of `plan`: the module (given, or loaded from the plan's strategy file: built through
 * the build cache) and the data (given, or read from the plan's files), each checked against the
 * plan's hashes. Made once per plan and process, then given to every runCombination.
 */
export async function prepareSweep(plan: SweepPlan, given: { strategy?: StrategyArtifact; data?: readonly DataFeed[] } = {}): Promise<SweepContext> {
  const strategy = given.strategy ?? (await loadStrategy(plan.strategy.file));
  const wasmSha256 = createHash('sha256').update(strategy.wasm).digest('hex');
  if (wasmSha256 !== plan.strategy.wasmSha256) throw new UsageError('USAGE', `strategy ${plan.strategy.file} gives a module with SHA-256 ${wasmSha256}; the plan's has ${plan.strategy.wasmSha256}`);
  const feeds = await openPlanData(plan, given.data);
  const shared = feeds.map((f) => (isStreamed(f) ? f : { ...(f as LoadedData), bars: sharedBars((f as LoadedData).bars) }));
  return { planSha256: planSha256(plan), strategy, packed: packStrategy(strategy), feeds: portableFeeds(shared) };
}

export interface RunCombinationOptions {
  /** The sweep folder: the run folder is written at runs/<index> in it (runDirOf). */
  sweepDir: string;
  /** Signs the run's record; null: unsigned. */
  key: KeyObject | null;
  /** prepareSweep's context (made here when not given: once per call, so give it for more than one). */
  context?: SweepContext;
  /** The wall-clock watchdog of the run (default 600 s), also handed to the runtime (a process child is killed at it). */
  timeoutMs?: number;
  /** Where each guest executes (`--isolation`; default v8): not in the plan, so the run and its record are the same under each. */
  isolation?: RunInput['isolation'];
}

const JOB_MODULE = siblingModule('job', import.meta.url).href;

/**
 * Starts the guest threads of a sweep of `workers` workers ahead of its first combination, each loading
 * the job's modules meanwhile (run/worker prepareGuestThreads), with the heaps of a process running many
 * runs: called before the strategy and the data are read, so that the threads' start overlaps that.
 */
export function prepareSweepThreads(workers: number): void {
  guestHeapsForManyRuns();
  prepareGuestThreads(workers, [JOB_MODULE]);
}

/** The plan without its combinations, made once per plan (the jobs of a plan share it). */
const heads = new WeakMap<SweepPlan, Omit<SweepPlan, 'combinations'>>();
function planHead(plan: SweepPlan): Omit<SweepPlan, 'combinations'> {
  let head = heads.get(plan);
  if (!head) {
    const { combinations: _, ...rest } = plan;
    heads.set(plan, (head = rest));
  }
  return head;
}

/** Every job's control (job.ts STOP, WRITERS): shared memory, the same for every guest thread of this process. */
const control = new Int32Array(new SharedArrayBuffer(8));

/**
 * Stops every combination of this process from writing its run folder from now on, and waits (up to
 * `timeoutMs`, blocking: an interrupt's handler calls it) for those writing one to finish: a partial
 * sweep folder removed afterwards is not written into again by a guest thread. Not undone: called
 * when the process is about to exit.
 */
export function stopWriters(timeoutMs = 5_000): void {
  Atomics.store(control, STOP, 1);
  const until = performance.now() + timeoutMs;
  for (let writers = Atomics.load(control, WRITERS); writers !== 0 && performance.now() < until; writers = Atomics.load(control, WRITERS))
    Atomics.wait(control, WRITERS, writers, Math.max(1, until - performance.now()));
}

/** What every job of `plan` run with `opts` carries, whichever its combination. */
function jobBase(plan: SweepPlan, context: SweepContext, opts: RunCombinationOptions): Omit<CombinationJob, 'combination' | 'runDir'> {
  return {
    plan: planHead(plan), planSha256: context.planSha256,
    keyPem: opts.key === null ? null : (opts.key.export({ type: 'pkcs8', format: 'pem' }) as string),
    strategy: context.packed, feeds: context.feeds, control, isolation: opts.isolation, timeoutMs: opts.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS,
  };
}

/** A combination's wall-clock limit unless RunCombinationOptions.timeoutMs says otherwise. */
const DEFAULT_RUN_TIMEOUT_MS = 600_000;

/** The error of combination `index`, named as --queue names it: which combination, with its params (it keeps its class and code). */
function combinationFailed(plan: SweepPlan, index: number, error: unknown): unknown {
  if (error instanceof Error && index >= 0) error.message = `combination ${index} (${paramsText(plan.combinations[index]!.params)}) failed: ${error.message}`;
  return error;
}

/**
 * Runs combination `index` of `plan` on a guest thread and writes its run folder at
 * runDirOf(sweepDir, plan, index); resolves to its index, run id, record hash (SHA-256 of its Record
 * bytes), folder and stats. The same plan, index and toolchain give the same record anywhere.
 */
export async function runCombination(plan: SweepPlan, index: number, opts: RunCombinationOptions): Promise<CombinationResult> {
  const combination = plan.combinations[index];
  if (combination === undefined || combination.index !== index) throw new UsageError('USAGE', `combination ${index} is not in the plan (it has ${plan.combinations.length}: 0..${plan.combinations.length - 1})`);
  const context = opts.context ?? (await prepareSweep(plan));
  guestHeapsForManyRuns(); // (a process running combinations runs many: its guest threads' heaps sized for that)
  const job: CombinationJob = { ...jobBase(plan, context, opts), combination, runDir: runDirOf(opts.sweepDir, plan, index) };
  return inGuestThread<CombinationResult>(JOB_MODULE, 'runCombinationJob', job, { timeoutMs: job.timeoutMs });
}

/**
 * Runs every combination of `plan`, at most `workers` at once, each as runCombination does; `onDone` is
 * told each result as it comes (in completion order). Resolves to the results in index order. On a
 * failure no further combination starts, those running finish, and the lowest-indexed failure is thrown,
 * its message starting "combination N (name=value …) failed: ".
 *
 * Each worker is a lane: one guest thread that takes the next combination itself (job.ts
 * runCombinationLane, from a cursor in shared memory) as soon as it has written the last one's folder,
 * and tells this thread what it starts and what each gave. A combination per call made every run wait
 * for this thread to hand out the next, which, with every core running a guest thread, waits its turn
 * for a core. The wall-clock limit is still each combination's.
 */
export async function runCombinations(plan: SweepPlan, opts: RunCombinationOptions & { context: SweepContext; workers: number; onDone?: (r: CombinationResult) => void }): Promise<CombinationResult[]> {
  const count = plan.combinations.length;
  const results: CombinationResult[] = new Array(count);
  const failures: { index: number; error: unknown }[] = [];
  guestHeapsForManyRuns();
  const cursor = new Int32Array(new SharedArrayBuffer(8));
  const lane: LaneJob = { ...jobBase(plan, opts.context, opts), combinations: plan.combinations, runsDir: path.join(opts.sweepDir, SWEEP_FILES.runs), cursor };
  const runLane = async (): Promise<void> => {
    let current = -1;
    const onProgress = (p: LaneProgress): void => {
      if ('started' in p) {
        current = p.started;
        return;
      }
      results[p.done.index] = p.done;
      try {
        opts.onDone?.(p.done);
      } catch (error) {
        Atomics.store(cursor, HALT, 1);
        failures.push({ index: p.done.index, error: combinationFailed(plan, p.done.index, error) });
      }
    };
    try {
      await inGuestThread<void>(JOB_MODULE, 'runCombinationLane', lane, { timeoutMs: lane.timeoutMs, onProgress: onProgress as (p: unknown) => void });
    } catch (error) {
      Atomics.store(cursor, HALT, 1); // (the lane's thread has set it unless the watchdog stopped it)
      failures.push({ index: current, error: combinationFailed(plan, current, error) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.workers, count)) }, runLane));
  // the lowest-indexed failure: combinations start in index order and every one started finishes, so it is
  // the one a single worker would have met first, whatever the worker count
  if (failures.length > 0) throw failures.sort((a, b) => a.index - b.index)[0]!.error;
  return results;
}
