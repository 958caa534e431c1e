/**
 * @module run/execute
 * The composition root of a run: data → engine ⇄ sandboxed guest → trace → audit record.
 * The only place that wires these together. Deterministic: the same inputs give the same trace
 * root, result bytes and record bytes (given the same toolchain).
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import { isoTime } from '../model/bars.ts';
import type { BacktestResult, Trade, TradeLog } from '../model/trade.ts';
import type { OrderLog, OrderRecord } from '../model/order.ts';
import { isStreamed, type DataFeed } from '../data/load.ts';
import { compileGuest, runtimeFor, type GuestModule, type InstrumentationMode, type Isolation, type SandboxConfig } from '../sandbox/index.ts';
import { inferPeriod } from '../engine/events.ts';
import type { TimeColumn } from '../engine/timeline.ts';
import { PROGRESS_STAGE, STAGE_INIT, STAGE_INSTRUMENT, writeProgress, type ProgressCounter } from '../engine/progress.ts';
import { wire } from './wire.ts';
import { compileOptionsOf } from './source-map.ts';
import { encodeResultHoldingEquity, int64, uint64 } from '../audit/codec.ts';
import { chainLinks, decodeSignedRecord, encodeRecord, renderRecordJson, runIdOf, signedRecordBytes, snapshotsSha256, type ChainedLink, type LinkKind } from '../audit/record.ts';
import { emptyRoot, equalBytes, sha256, type TraceCommitment } from '../../traces/index.ts';
import { checkConfig, configMessage, DEFAULT_CONFIG, sandboxConfigFor, type RunConfig } from './config.ts';
import { toolchainMessage } from './toolchain.ts';
import type { ProjectLock } from '../build/project.ts';
import type { PortableTally } from '../report/index.ts';

export interface SourceText {
  path: string;
  text: string;
  sha256: string;
  normalizedSha256: string;
}

export interface StrategyArtifact {
  /** The module as built by asc (uninstrumented). */
  wasm: Uint8Array;
  /** Sources it was built from, entry first; empty when the user supplied a .wasm. */
  sources: SourceText[];
  /** asc's source map of `wasm` (run/source-map: only one bound to these bytes), for fault messages; never recorded. */
  sourceMap?: string;
  /** The strategy project's lockfile, for the toolchain link (build/project); recorded as absent when not given. */
  lock?: ProjectLock;
}

export interface RunInput {
  strategy: StrategyArtifact;
  /** One file per symbol; bars are merged in time, equal times in this order. */
  data: DataFeed | readonly DataFeed[];
  config: RunConfig;
  logger?: Logger;
  /** Overrides the mode implied by config.trace — 'none' only for benchmarks and tests (its record means nothing). */
  mode?: InstrumentationMode;
  /** The toolchain link to record (default: this installation's). */
  toolchain?: Record<string, unknown>;
  /** The instrumenter to run under (a replay's recorded one); recorded in the toolchain link. Default: INSTRUMENTER_VERSION. */
  instrumenter?: string;
  /** feedPeriods(data), when the caller has it already (made while it waited for the build): not inferred again. */
  periods?: readonly bigint[];
  /** Where the engine reports its progress (engine/progress): for a display only, it changes nothing in the run. */
  progress?: ProgressCounter;
  /**
   * The module as compileForRun compiled it for this input, when the caller runs it several times (a
   * sweep's combinations differ in params only, which the compiled module does not depend on; the caller
   * compiles it for a config differing from this one in params at most). Checked to be of this module and
   * mode; default: compiled here.
   */
  guest?: GuestModule;
  /**
   * Where the guest executes (`--isolation`, sandbox/runtimes; default v8). Never recorded: every
   * runtime gives the same trace, result and record (docs/RUNTIMES.md).
   */
  isolation?: Isolation;
  /** The run's wall-clock limit (run/worker's watchdog), handed to the runtime (SandboxConfig.timeoutMs); never recorded. */
  timeoutMs?: number;
}

export interface RunOutcome {
  runId: string;
  result: BacktestResult;
  resultBytes: Uint8Array;
  trace: TraceCommitment;
  instructions: bigint;
  /** Instructions plus bulk-operation and host-work charges (the trace link's fuelUsed). */
  fuelUsed: bigint;
  /** How many bars of each feed the run read (the data link's counts). */
  barsPerFeed: number[];
  instrumentedWasm: Uint8Array;
  links: ChainedLink[];
  /** The encoded, unsigned Record. */
  recordBytes: Uint8Array;
  /** State snapshots (also committed in the trace). */
  snapshots: { bar: number; hash: Uint8Array }[];
  /** Each event's time, in the engine's order (equity.csv's time column): made from `timeline` when first read (withTimes). */
  times: BigInt64Array;
  /** The same times as the engine keeps them (engine/timeline: ~1 byte a bar for regular bars), read in order. */
  timeline: TimeColumn;
  /** The engine's trade and order columns `result`'s rows are made from; only where the run executed (a guest thread's caller reads result.pb's bytes: run/worker). */
  columns?: { trades: TradeLog; orders: OrderLog };
  /** The same rows as `result`'s, each made from the columns as it is iterated and none kept (`result`'s are all held once read). */
  rows: { trades: Trade[]; orders: OrderRecord[] };
  /** The rows tallied for the report over the candles a guest thread's caller gave (run/worker tallyCandles). */
  reportTally?: PortableTally;
}

const bytesOfHex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

export function strategyMessage(s: StrategyArtifact, instrumented: Uint8Array): Record<string, unknown> {
  return {
    sources: s.sources.map((f) => ({ path: f.path, sha256: bytesOfHex(f.sha256), normalizedSha256: bytesOfHex(f.normalizedSha256) })),
    wasmSha256: sha256(s.wasm),
    wasmSize: uint64(s.wasm.length),
    instrumentedSha256: sha256(instrumented),
    instrumentedSize: uint64(instrumented.length),
  };
}

export function feedsOf(data: DataFeed | readonly DataFeed[]): readonly DataFeed[] {
  return Array.isArray(data) ? data : [data as DataFeed];
}

/**
 * Each feed's bar period as the engine will use it: declared, or inferred as the engine infers it
 * (engine/events inferPeriod over the feed's first chunk).
 */
export function feedPeriods(feeds: readonly DataFeed[]): bigint[] {
  return feeds.map((f) => f.options.period ?? inferPeriod(isStreamed(f) ? (f.open().next()?.time ?? new BigInt64Array(0)) : f.bars.time));
}

/** `bars[k]`: how many bars file k held (known after a streamed run); `periods[k]` its bar period. */
export function dataMessage(feeds: readonly DataFeed[], bars: readonly number[], periods: readonly bigint[]): Record<string, unknown> {
  return {
    files: feeds.map((d, k) => ({
      path: d.path, sha256: bytesOfHex(d.sha256), size: uint64(d.byteLength), bars: uint64(bars[k]!),
      timezone: d.options.timezone ?? '', dateFormat: d.options.dateFormat ?? '', duplicates: d.options.duplicates ?? '',
      symbol: d.symbol, periodNs: uint64(periods[k]!),
      // absent without a window (data/window), so every other record's bytes are as before
      ...(d.options.window ? { window: { fromNs: int64(d.options.window.from), toNs: int64(d.options.window.to) } } : {}),
    })),
  };
}

/**
 * A log's rows (model TradeLog, OrderLog) as encodeResult, the report and the stats table read them
 * (`length`, then in order): each made as it is reached, none kept (a million held cost ~300 MB).
 */
function logRows<T>(log: { length: number; at(k: number): T }): T[] {
  const rows = {
    length: log.length,
    *[Symbol.iterator](): Generator<T> {
      for (let k = 0; k < log.length; k++) yield log.at(k);
    },
  };
  return rows as unknown as T[];
}

/** RunOutcome.rows of these columns. */
export function columnRows(trades: TradeLog, orders: OrderLog): RunOutcome['rows'] {
  return { trades: logRows(trades), orders: logRows(orders) };
}

/** The sandbox settings of a run's input. */
function sandboxOf(input: Pick<RunInput, 'mode' | 'instrumenter'>, config: RunConfig): SandboxConfig {
  return { ...(input.mode ? sandboxConfigFor(config, input.mode) : sandboxConfigFor(config)), instrumenter: input.instrumenter };
}

/** The module of `input` checked, instrumented and compiled as executeRun would: given back to it (RunInput.guest), it is not compiled again. */
export function compileForRun(input: Pick<RunInput, 'strategy' | 'config' | 'mode' | 'instrumenter'>): GuestModule {
  return compileGuest(input.strategy.wasm, sandboxOf(input, checkConfig(input.config)), compileOptionsOf(input.strategy));
}

/** `--isolation` checked before any work: the isolation named, else a UsageError naming the option (sandbox/runtimes runtimeFor). */
export function checkIsolation(isolation: string | undefined): Isolation {
  return runtimeFor(isolation).isolation;
}

/** Runs the backtest under the sandbox and assembles the record. */
export function executeRun(input: RunInput): RunOutcome {
  const config = checkConfig(input.config);
  const sandbox = sandboxOf(input, config);
  const runtime = runtimeFor(input.isolation);
  // The stage before the loop, for a progress display (engine/progress); the loop then writes its own slots.
  if (input.progress) writeProgress(input.progress, PROGRESS_STAGE, STAGE_INSTRUMENT);
  const guest = input.guest ?? compileGuest(input.strategy.wasm, sandbox, compileOptionsOf(input.strategy));
  if (input.guest && (!equalBytes(guest.original, input.strategy.wasm) || guest.mode !== sandbox.mode))
    throw new Error('executeRun: the compiled guest given is not of this module and mode');
  const strategyBody = strategyMessage(input.strategy, guest.wasm);
  const feeds = feedsOf(input.data);
  if (feeds.length === 0) throw new UsageError('USAGE', 'a run needs at least one data file');
  if (new Set(feeds.map((f) => f.symbol)).size !== feeds.length) throw new UsageError('USAGE', `symbol names must be unique: ${feeds.map((f) => f.symbol).join(', ')}`);
  const configBody = configMessage(config);
  const periods = input.periods?.length === feeds.length ? [...input.periods] : feedPeriods(feeds);
  // The whole config link, the module and the data (without paths): docs/AUDIT.md.
  const runId = runIdOf(sha256(input.strategy.wasm), dataMessage(feeds, feeds.map(() => 0), periods), configBody);
  const log = (input.logger ?? silentLogger).child({ runId });

  if (input.progress) writeProgress(input.progress, PROGRESS_STAGE, STAGE_INIT);
  const { backtest, instance, port, requested } = wire({
    wasm: input.strategy.wasm, guest, sandbox: input.timeoutMs === undefined ? sandbox : { ...sandbox, timeoutMs: input.timeoutMs }, runtime, feeds, config, periods, progress: input.progress,
    log: (message, bt) => {
      const i = bt.bar;
      log.info({ symbol: feeds[bt.feed]!.symbol, bar: i, time: i >= 0 ? isoTime(bt.now) : null }, message);
    },
  });
  for (const f of feeds)
    log.info({ symbol: f.symbol, path: f.path, sha256: f.sha256, streamed: isStreamed(f), duplicatesKept: isStreamed(f) ? undefined : f.duplicatesKept ?? 0 }, 'data');
  let result: ReturnType<typeof backtest.run>, stats: ReturnType<typeof instance.finish>;
  try {
    instance.init();
    const unknown = Object.keys(config.params).filter((k) => !requested.has(k)).sort();
    if (unknown.length > 0)
      throw new UsageError('UNKNOWN_PARAM', `unknown param ${unknown.map((k) => `"${k}"`).join(', ')}; the strategy reads: ${[...requested].sort().join(', ') || '(none)'}`);
    result = backtest.run(port);
    stats = instance.finish();
  } finally {
    instance.close?.(); // a runtime's thread or child process (sandbox/runtimes)
  }
  const trace = stats.trace ?? { root: emptyRoot(), leafHashes: [], byteLength: 0, chunkSize: config.chunkSize };
  // Encoded from the engine's columns, read as they lie: no Trade or OrderRecord object is made here
  // (a million of them held at once cost ~300 MB); a reader of `result` makes them when it reads.
  const { tradeLog, orders: orderLog } = backtest.account;
  // Made around the engine's equity column (it grows into result.pb's bytes: engine/growable), so the equity is never held twice.
  const encoded = encodeResultHoldingEquity({ trades: tradeLog, orders: orderLog, equity: result.equity, stats: result.stats }, { aroundEquity: true });
  const resultBytes = encoded.bytes;
  // The equity as it lies in result.pb's bytes (one copy of it, 80 MB at 10M bars).
  result.equity = encoded.equity;
  const dataBody = dataMessage(feeds, backtest.barsPerFeed, backtest.periods);
  const leafHashesSha256 = createHash('sha256');
  for (const h of trace.leafHashes) leafHashesSha256.update(h);
  const bodies: Record<LinkKind, Record<string, unknown>> = {
    toolchain: input.instrumenter === undefined
      ? input.toolchain ?? toolchainMessage(input.strategy.lock)
      : { ...(input.toolchain ?? toolchainMessage(input.strategy.lock)), instrumenter: input.instrumenter },
    strategy: strategyBody,
    data: dataBody,
    config: configBody,
    trace: {
      root: trace.root,
      leaves: uint64(trace.leafHashes.length),
      bytes: uint64(trace.byteLength),
      instructions: uint64(stats.instructions),
      fuelUsed: uint64(stats.fuelUsed),
      leafHashesSha256: new Uint8Array(leafHashesSha256.digest()),
      snapshotsSha256: snapshotsSha256(backtest.snapshots),
    },
    result: {
      sha256: sha256(resultBytes),
      size: uint64(resultBytes.length),
      trades: tradeLog.length,
      equityFinal: result.stats.equityFinal,
    },
  };
  const links = chainLinks(bodies);
  log.info({ bars: result.equity.length, instructions: stats.instructions.toString(), traceBytes: trace.byteLength }, 'run complete');
  return withTimes({
    runId, result, resultBytes, trace, instructions: stats.instructions, fuelUsed: stats.fuelUsed, barsPerFeed: backtest.barsPerFeed, instrumentedWasm: guest.wasm,
    links, recordBytes: encodeRecord(runId, links), snapshots: backtest.snapshots,
    timeline: backtest.timeline, columns: { trades: tradeLog, orders: orderLog }, rows: columnRows(tradeLog, orderLog),
  });
}

/**
 * Encodes and decodes a record of every link kind once, as a run and its folder do (run id, links,
 * record, signed envelope, record.json), on made-up values: protobufjs writes each message type's
 * encoder and decoder when first used (~30 ms on each thread that meets a record), so a thread with
 * time to spare before a run's end (a guest thread waiting for the build, the main thread during
 * the run) spends it here rather than after the run. It changes nothing a run writes.
 */
export function warmRecordCodec(): void {
  const hash = new Uint8Array(32);
  const data = dataMessage([{ path: 'a.csv', symbol: 'a', sha256: '00'.repeat(32), byteLength: 1, options: {}, open: () => ({ next: () => null }) }], [1], [60n]);
  const config = configMessage(DEFAULT_CONFIG);
  const links = chainLinks({
    toolchain: toolchainMessage(undefined),
    strategy: strategyMessage({ wasm: new Uint8Array(8), sources: [{ path: 'a.ts', text: '', sha256: '00'.repeat(32), normalizedSha256: '00'.repeat(32) }] }, new Uint8Array(8)),
    data,
    config,
    trace: { root: emptyRoot(), leaves: uint64(1), bytes: uint64(1), instructions: uint64(1), fuelUsed: uint64(1), leafHashesSha256: hash, snapshotsSha256: snapshotsSha256([]) },
    result: { sha256: hash, size: uint64(1), trades: 1, equityFinal: 1 },
  });
  renderRecordJson(decodeSignedRecord(signedRecordBytes(encodeRecord(runIdOf(hash, data, config), links), null)));
}

/**
 * The outcome with `times` made from its timeline when first read, not before (80 MB at 10M bars):
 * a getter that is not enumerable, so copying the outcome's fields (a spread) does not make it.
 */
export function withTimes(o: Omit<RunOutcome, 'times'>): RunOutcome {
  let times: BigInt64Array | null = null;
  return Object.defineProperty(o, 'times', { get: () => (times ??= o.timeline.toArray()), enumerable: false, configurable: true }) as RunOutcome;
}
