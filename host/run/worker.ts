/**
 * @module run/worker
 * The guest thread: every execution of a guest — a backtest, a replay, each re-execution an
 * inspector makes — runs on a worker thread made with the same stack (GUEST_STACK_MB, run/stack),
 * so a run that completed once completes again wherever it is re-executed. It is also the isolation
 * behind the wall-clock watchdog. Fuel, memory and call-depth limits stop a guest
 * deterministically; the watchdog is the last resort for anything they miss (it terminates the
 * thread). It can only turn a run into an error — a result never depends on the clock. Arguments
 * and results cross by structured clone, and a typed error is rebuilt as the same class with the
 * same code; large typed arrays cross without a copy (transferred): a run's result by column
 * (equity, times, result.pb, the trade and order columns: no row object crosses), and the bars of a
 * run that lends them (`lendData`), which come back with the reply.
 */
import { setFlagsFromString } from 'node:v8';
import * as workerThreads from 'node:worker_threads';
import { AuditError, BackproofError, BuildError, DataError, SandboxError, UsageError, type ErrorCode, type AuditCode } from '../errors.ts';
import { isStreamed, openStreamed, type DataFeed, type LoadedData, type StreamedData } from '../data/load.ts';
import type { Bars } from '../model/bars.ts';
import type { BacktestResult, Trade } from '../model/trade.ts';
import type { OrderRecord } from '../model/order.ts';
import { checkResult, encodeResultHoldingEquity, RESULT_BYTES, resultRows, type ResultBytes } from '../audit/codec.ts';
import type { RunConfig } from './config.ts';
import { warmRecordCodec, withTimes, type RunOutcome, type StrategyArtifact } from './execute.ts';
import type { Isolation } from '../sandbox/index.ts';
import { TimeColumn } from '../engine/timeline.ts';
import { growableBuffer } from '../engine/growable.ts';
import { TradeLog } from '../model/trade.ts';
import { OrderLog } from '../model/order.ts';
import { GUEST_STACK_MB } from './stack.ts';
import type { ProgressCounter } from '../engine/progress.ts';
import { siblingModule } from '../paths.ts';
import { RowTally, type Candles } from '../report/index.ts';

export interface IsolatedRequest {
  strategy: StrategyArtifact;
  data: DataFeed | readonly DataFeed[];
  config: RunConfig;
  /** Log level inside the worker (default: as the main thread would choose). */
  logLevel?: string;
  /** Human-readable logs (the worker's stderr is not a TTY). */
  prettyLogs?: boolean;
  /** The engine's progress counter (engine/progress): shared memory, so the caller's thread sees it as the run goes. */
  progress?: ProgressCounter;
  /** The instrumenter to run under (a replay's: the recorded one). */
  instrumenter?: string;
  /** Where the guest executes (`--isolation`, sandbox/runtimes; default v8): never recorded. */
  isolation?: Isolation;
  /** Each feed's period as feedPeriods (run/execute) infers it, when the caller has it already. */
  periods?: readonly bigint[];
  /**
   * Each feed's candles for the run's report, when the caller has made them: the rows are then tallied
   * for the page (report RowTally) on the guest thread from the engine's columns, not read again from
   * result.pb's bytes by the caller (RunOutcome.reportTally).
   */
  tallyCandles?: readonly Candles[];
}

type Reply = { value: unknown } | { error: { kind: string; code: ErrorCode; message: string; step?: string; stack?: string } };

// The worker's error crosses as data; the code it carries came from the same class on the other side.
const ERRORS = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

/** A feed as it crosses to a guest thread: a streamed file as its description (the thread opens its own source). */
export type PortableFeed = DataFeed & { streamed?: boolean };

export function portableFeeds(data: DataFeed | readonly DataFeed[]): PortableFeed[] {
  const feeds = (Array.isArray(data) ? data : [data]) as DataFeed[];
  return feeds.map((d) => (isStreamed(d) ? { ...d, open: undefined, streamed: true } as unknown as PortableFeed : d));
}

export function openPortableFeeds(feeds: readonly PortableFeed[]): DataFeed[] {
  return feeds.map((d) => {
    if (!d.streamed) return d;
    const s = d as unknown as StreamedData;
    // From the file's column cache when one matches (data/cache), else parsed from the CSV.
    return { ...s, open: () => openStreamed(s) };
  });
}

/** Idle guest threads kept for the next call, and how long an idle one is kept. */
const MAX_IDLE_THREADS = 2;

/** The old space (MB) a guest thread's heap starts with once the process runs many runs (guestHeapsForManyRuns). */
export const MANY_RUNS_OLD_SPACE_MB = 128;
let manyRuns = false;

/**
 * Guest threads made from now on start with an old space of MANY_RUNS_OLD_SPACE_MB: a sweep's thread
 * runs hundreds of runs, each leaving ~2 MB behind, which V8 otherwise collects with a full mark-compact
 * every few runs, its marking and sweeping on helper threads that take the other core (a sweep on 2
 * workers was 1.5x one on 1: docs/BENCHMARKS.md, "sweep"). V8 reads the flag when an isolate is made:
 * it changes the heaps of guest threads made later only (not this thread's), and nothing a run computes.
 */
export function guestHeapsForManyRuns(): void {
  if (manyRuns) return;
  manyRuns = true;
  for (const flag of heapFlagsForManyRuns(process.versions.v8)) setFlagsFromString(flag);
}

/**
 * The V8 flags of guestHeapsForManyRuns on V8 `v8Version`. From V8 13 (Node 24), also
 * --external-memory-accounted-in-global-limit: a run allocates ~2 MB outside V8's heap (its wasm
 * memories, the trace's 1.1 MB, its files' buffers), and V8 otherwise starts a full mark-compact at
 * every 64 MB of such memory, whatever the heap holds: one every ~35 runs, its marking on helper threads
 * that take the other core (~0.7 ms of CPU a GOOG run, of ~8: docs/BENCHMARKS.md, "Sweeps"). Counted in
 * the heap's global limit instead, a sweep's thread collects ~4x less often. (V8 12, Node 22, has no such
 * flag, and says so on stderr if given one.) Nothing a run computes depends on when V8 collects.
 */
export function heapFlagsForManyRuns(v8Version: string): string[] {
  const flags = [`--initial-old-space-size=${MANY_RUNS_OLD_SPACE_MB}`];
  if (Number(v8Version.split('.')[0]) >= 13) flags.push('--external-memory-accounted-in-global-limit');
  return flags;
}
const IDLE_MS = 2_000;
/** How long a thread started ahead of a run (prepareGuestThread) waits for it: reading a large data file may take this long. */
const PREPARED_MS = 60_000;

interface GuestThread {
  worker: workerThreads.Worker;
  /** Ends the thread once it has been idle IDLE_MS (an unref'd timer: it never holds the process). */
  expiry: NodeJS.Timeout | null;
}

const idle: GuestThread[] = [];

/**
 * What a call given `ownThread` runs with: a main thread's stack as V8 sizes it by default (--stack-size
 * 984 KiB). A little less room than the main thread has (asc crashed on ~2,750 nested parentheses
 * there, ~3,340 on the main thread): whatever a backtest built, `backproof build` and `verify --rebuild`
 * build too.
 */
const MAIN_STACK_MB = 984 / 1024;

function newGuestThread(stackSizeMb = GUEST_STACK_MB): GuestThread {
  const worker = new workerThreads.Worker(siblingModule('guest-thread', import.meta.url), { resourceLimits: { stackSizeMb } });
  const thread: GuestThread = { worker, expiry: null };
  // A thread that dies while idle is simply forgotten.
  worker.on('exit', () => {
    const i = idle.indexOf(thread);
    if (i >= 0) idle.splice(i, 1);
  });
  return thread;
}

function takeGuestThread(): GuestThread {
  const thread = idle.pop() ?? newGuestThread();
  if (thread.expiry) clearTimeout(thread.expiry);
  thread.expiry = null;
  thread.worker.ref();
  return thread;
}

function releaseGuestThread(thread: GuestThread, keepMs = IDLE_MS): void {
  thread.worker.unref();
  if (idle.length >= MAX_IDLE_THREADS) {
    void thread.worker.terminate();
    return;
  }
  thread.expiry = setTimeout(() => {
    const i = idle.indexOf(thread);
    if (i >= 0) idle.splice(i, 1);
    void thread.worker.terminate();
  }, keepMs);
  thread.expiry.unref();
  idle.push(thread);
}

/**
 * Starts a guest thread ahead of a call and has it load the modules of a run (execute, the
 * sandbox, the engine, the trace) and write the record's codecs meanwhile, so that a command's first run does not wait for both:
 * backtest calls it before reading its data when its strategy came from the build cache; while the
 * strategy builds in a process of its own, once the data is in or the build done, whichever comes
 * first (run/backtest: the build keeps a core). Nothing if a thread is idle.
 */
export function prepareGuestThread(): void {
  prepareGuestThreads(1);
}

/**
 * prepareGuestThread for `count` threads (up to MAX_IDLE_THREADS idle in all), each also loading
 * `modules` (module URLs: a sweep's job module): a sweep starts its workers' threads while it reads its
 * strategy and data, so that their start and loading overlap that work instead of following it.
 */
export function prepareGuestThreads(count: number, modules: readonly string[] = []): void {
  const execute = siblingModule('execute', import.meta.url).href;
  for (let k = idle.length; k < Math.min(count, MAX_IDLE_THREADS); k++) {
    const thread = newGuestThread();
    // and the run's end made ready (warmRunEnd): ~30 ms of the record's codecs, ~50 of the result's encoding and tally
    thread.worker.postMessage({ preload: [import.meta.url, execute, siblingModule('../log', import.meta.url).href, ...modules], warm: { module: import.meta.url, fn: 'warmRunEnd' } });
    releaseGuestThread(thread, PREPARED_MS);
  }
}

/**
 * What a guest thread does ahead of a run's end when it has time (prepareGuestThread): writes the
 * record's protobuf codecs (execute warmRecordCodec), and encodes result.pb and tallies the report's
 * rows over a few thousand made-up rows in the engine's columns, as a run's end does, so V8 has
 * compiled that code before a run's rows come (at 1M bars its first, cold pass cost ~2x). Changes
 * nothing a run writes: it holds nothing afterwards. `stop` says a call has come: it then stops at its next step.
 */
export async function warmRunEnd(stop: () => boolean = () => false): Promise<void> {
  warmRecordCodec();
  const trades = new TradeLog(256), orders = new OrderLog(256);
  const start = 946_684_800_000_000_000n; // 2000-01-01: times of a run's size (their varints 9 bytes)
  for (let i = 0; i < 3000; i++) {
    const k = trades.add();
    trades.symbol[k] = 0; trades.entryBar[k] = 2 * i; trades.exitBar[k] = 2 * i + 1;
    trades.entryTime[k] = start + BigInt(i) * 120_000_000_000n; trades.exitTime[k] = trades.entryTime[k]! + 60_000_000_000n;
    trades.size[k] = i % 2 ? 1 : -1; trades.entryPrice[k] = 100 + i / 7; trades.exitPrice[k] = 100 + i / 9;
    trades.pnl[k] = i / 9 - i / 7; trades.returnPct[k] = -0.001 * i; trades.commission[k] = 0.4 + i / 1e4;
    for (const entry of [true, false]) {
      const o = orders.add();
      orders.bar[o] = entry ? 2 * i : 2 * i + 1; orders.time[o] = entry ? trades.entryTime[k]! : trades.exitTime[k]!;
      orders.symbol[o] = 0; orders.side[o] = entry ? 1 : -1; orders.type[o] = 0; orders.size[o] = 1;
      orders.status[o] = i % 100 === 99 && !entry ? 3 : 1; orders.reason[o] = orders.status[o] === 3 ? 1 : 0;
      orders.price[o] = 100 + i / 11; orders.units[o] = 1;
    }
  }
  const stats = checkResult(new Uint8Array(0), false).stats; // every stat at its default
  const candles: Candles[] = [{ time: [], open: [], high: [], low: [], close: [], startNs: [], bars: 6000 }];
  for (let c = 0; c < 600; c++) {
    candles[0]!.time.push(Number((start + BigInt(c) * 600_000_000_000n) / 1_000_000_000n));
    candles[0]!.startNs.push(start + BigInt(c) * 600_000_000_000n);
  }
  // in steps of ~20-50 ms, a call that comes meanwhile let in between them (it then stops)
  for (let pass = 0; pass < 3; pass++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) return;
    const equity = new Float64Array(growableBuffer(6000 * 8), 0, 6000).fill(1e6);
    encodeResultHoldingEquity({ trades, orders, equity, stats }, { aroundEquity: true });
    RowTally.ofColumns(candles, trades, orders).portable();
  }
}

/** Typed arrays at least this large cross by transfer, smaller ones are copied (cheaper than a transfer's bookkeeping). */
const MIN_TRANSFER_BYTES = 64 << 10;

// Node >= 21 only: read off the namespace (a named import would fail the package's linking on an older Node
// before checkNodeVersion can say what is wrong); where missing, nothing is transferred (copied instead).
const isMarkedAsUntransferable: (b: ArrayBuffer) => boolean = workerThreads.isMarkedAsUntransferable ?? (() => true);

/**
 * The ArrayBuffers of the typed arrays in `value` (its fields, to `depth` levels, and arrays of up to
 * 16 items: rows of objects are not searched) that can be transferred: large, not shared (shared
 * memory crosses without a copy anyway), and not marked untransferable (Node's Buffer pool).
 */
export function transferableBuffers(value: unknown, depth = 3, into = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value === null || typeof value !== 'object') return [...into];
  if (ArrayBuffer.isView(value)) {
    const b = value.buffer;
    if (b instanceof ArrayBuffer && b.byteLength >= MIN_TRANSFER_BYTES && !isMarkedAsUntransferable(b)) into.add(b);
  } else if (depth > 0 && (!Array.isArray(value) || value.length <= 16)) {
    for (const v of Object.values(value)) transferableBuffers(v, depth - 1, into);
  }
  return [...into];
}

/**
 * A value lent to a guest thread for one call: its ArrayBuffers are transferred (detached here) and
 * transferred back with the reply, success or error, and `back` is given the value as it returns.
 * Stopped by the watchdog, the thread keeps them: the value stays empty.
 */
export interface Loan<T> {
  value: T;
  back(value: T): void;
}

/**
 * Calls `fn` exported by `module` (a module URL) with `arg` on a guest thread and resolves to what
 * it returns. With `timeoutMs` the thread is terminated past it (WATCHDOG).
 *
 * A guest thread serves one call at a time and is then kept, idle, for the next one (up to
 * MAX_IDLE_THREADS, each for IDLE_MS): starting a thread and loading the host's modules into it
 * costs more than a short re-execution, and an inspector re-executes a run several times. Every
 * call still runs on a thread made with the same stack, entered from that thread's event loop, so
 * the stack a guest sees is the same in every path; no state of a call survives it (each builds
 * its own engine, instance and trace). A thread that was stopped by the watchdog, or that ended,
 * is never reused; with `endThread` the thread ends after its reply; with `ownThread` the call gets
 * a new thread (not an idle one, which may be waiting for a run) with a main thread's stack, not a
 * guest's, that ends after its reply (a build: asc meets the limits it meets in `backproof build`).
 * What the called function posts before its reply (run/guest-thread `post`) is given to `onProgress`,
 * in order, and re-arms the watchdog: `timeoutMs` then limits each step the call reports, not the call.
 */
export function inGuestThread<T, L = unknown>(module: string, fn: string, arg: unknown, options: { timeoutMs?: number; lend?: Loan<L>; endThread?: boolean; ownThread?: boolean; onProgress?: (progress: unknown) => void } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const loan = options.lend;
    const thread = options.ownThread ? newGuestThread(MAIN_STACK_MB) : takeGuestThread();
    const { worker } = thread;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      if (timer) clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      return true;
    };
    const expire = (): void => {
      if (!settle()) return;
      void worker.terminate();
      reject(new SandboxError('WATCHDOG', `the run exceeded the wall-clock limit of ${options.timeoutMs! / 1000} s and was stopped (a last resort: fuel and memory limits normally stop a guest first)`));
    };
    let timer = options.timeoutMs === undefined ? null : setTimeout(expire, options.timeoutMs);
    const onMessage = (m: (Reply | { progress: unknown }) & { lent?: L }): void => {
      if ('progress' in m) {
        if (settled) return;
        // the call's word that a step has begun (a sweep lane's next combination): the limit counts from it
        if (timer) {
          clearTimeout(timer);
          timer = setTimeout(expire, options.timeoutMs);
        }
        return options.onProgress?.(m.progress);
      }
      if (!settle()) return;
      if (options.endThread || options.ownThread) void worker.terminate();
      else releaseGuestThread(thread);
      if (loan && 'lent' in m) loan.back(m.lent as L);
      if ('value' in m) return resolve(m.value as T);
      const e = m.error;
      if (e.kind === 'AuditError') return reject(new AuditError(e.code as AuditCode, e.step ?? 'run', e.message));
      const Cls = ERRORS[e.kind];
      reject(Cls ? new Cls(e.code, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`));
    };
    const onError = (e: Error): void => {
      if (!settle()) return;
      void worker.terminate();
      reject(e);
    };
    // A thread that ends without a reply (it cannot, short of a bug or running out of memory) must not leave the caller waiting.
    const onExit = (code: number): void => {
      if (!settle()) return;
      reject(new Error(`the guest thread exited (code ${code}) without a result`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    if (!loan) return worker.postMessage({ module, fn, arg });
    const lentBuffers = transferableBuffers(loan.value);
    worker.postMessage({ module, fn, arg, lent: loan.value, lentBuffers }, lentBuffers);
  });
}

/**
 * Runs `request` on a guest thread. With `lendData` the bars of in-memory feeds cross without a copy:
 * they are detached from the caller's feeds during the run and put back (each feed's `bars`) when it
 * ends, in success or error; the caller must not read them meanwhile (nor share the feeds with
 * another run), and a run stopped by the watchdog leaves them empty. With `endThread` the thread is
 * ended after the reply instead of kept for the next call: the memory the run left behind on it
 * (its engine, instance, trace) is freed at once, for a caller with more work to do and no second run.
 */
export async function executeRunIsolated(request: IsolatedRequest, options: { timeoutMs?: number; lendData?: boolean; endThread?: boolean } = {}): Promise<RunOutcome> {
  const data = portableFeeds(request.data);
  const arg = { ...request, data, timeoutMs: options.timeoutMs }; // the runtime's too (a guest's child process is killed then)
  if (!options.lendData) return withRows(await inGuestThread<PortableOutcome>(import.meta.url, 'runJob', arg, options));
  // The bars in the call are the bars lent: one structured clone keeps them one object.
  const lent = data.map((f) => (isStreamed(f) ? null : f.bars));
  const back = (bars: (Bars | null)[]): void => data.forEach((f, k) => {
    if (bars[k]) (f as LoadedData).bars = bars[k];
  });
  return withRows(await inGuestThread<PortableOutcome, (Bars | null)[]>(import.meta.url, 'runJob', arg, { ...options, lend: { value: lent, back } }));
}

/** A value's own property under this symbol lists ArrayBuffers the guest thread transfers with it (run/guest-thread). */
const TRANSFER = Symbol.for('backproof.guest-thread.transfer');

/**
 * A RunOutcome as it crosses: result.pb's bytes (moved, not copied), with the equity as a view of
 * them, the stats and the row counts; not the engine's trade and order columns, which end with the
 * thread: the caller reads the rows from result.pb's bytes, so it never holds them twice (the
 * columns were ~70 MB beside result.pb's ~150 MB at 10M bars).
 */
type PortableOutcome = Omit<RunOutcome, 'result' | 'rows' | 'columns' | 'times'> & { result: Pick<BacktestResult, 'equity' | 'stats'>; counts: { trades: number; orders: number } };

/** `count` rows read from result.pb's bytes as they are iterated, none kept (as RunOutcome.rows). */
function rowsOver<T>(count: number, rows: Iterable<T>): T[] {
  return { length: count, [Symbol.iterator]: () => rows[Symbol.iterator]() } as unknown as T[];
}

/** The outcome with its trades and orders read from result.pb's bytes: as iterated (rows), or as arrays made when first read (result). */
function withRows(o: PortableOutcome): RunOutcome {
  const { counts, ...outcome } = o;
  outcome.timeline = TimeColumn.revive(o.timeline); // structured clone keeps its fields, not its class
  const bytes = o.resultBytes;
  let trades: Trade[] | null = null;
  let orders: OrderRecord[] | null = null;
  const result: BacktestResult = {
    get trades(): Trade[] {
      return (trades ??= [...resultRows(bytes).trades]);
    },
    set trades(v: Trade[]) {
      trades = v;
    },
    get orders(): OrderRecord[] {
      return (orders ??= [...resultRows(bytes).orders]);
    },
    set orders(v: OrderRecord[]) {
      orders = v;
    },
    equity: o.result.equity,
    stats: o.result.stats,
  };
  const rows = { trades: rowsOver(counts.trades, resultRows(bytes).trades), orders: rowsOver(counts.orders, resultRows(bytes).orders) };
  // The bytes they are read from, where a renderer handed these rows (or a copy of this object) finds them:
  // it may then read the fields without an object per row (report/render RowTally, audit/codec ResultRowCursor).
  const source: ResultBytes = { bytes, trades: rows.trades, orders: rows.orders };
  return withTimes({ ...outcome, result, rows: Object.assign(rows, { [RESULT_BYTES]: source }) });
}

/** The guest thread's side of executeRunIsolated. */
export async function runJob(job: IsolatedRequest & { data: PortableFeed[]; timeoutMs?: number }): Promise<PortableOutcome> {
  const { executeRun } = await import('./execute.ts');
  const { createLogger } = await import('../log.ts');
  const logger = createLogger({ level: job.logLevel, pretty: job.prettyLogs ?? false });
  const outcome = executeRun({ strategy: job.strategy, data: openPortableFeeds(job.data), config: job.config, logger, progress: job.progress, instrumenter: job.instrumenter, periods: job.periods, isolation: job.isolation, timeoutMs: job.timeoutMs });
  // No row objects cross, nor the columns; the equity, times and encoded result are made for this reply: moved, not copied.
  const { rows: _, columns, ...made } = outcome;
  const portable: PortableOutcome = { ...made, result: { equity: outcome.result.equity, stats: outcome.result.stats }, counts: { trades: columns!.trades.length, orders: columns!.orders.length } };
  if (job.tallyCandles) portable.reportTally = RowTally.ofColumns(job.tallyCandles, columns!.trades, columns!.orders).portable();
  return Object.assign(portable, { [TRANSFER]: transferableBuffers(portable) });
}
