/**
 * @module check/job
 * One run of the determinism checker, as data: what every variant executes (the strategy as built,
 * the data as named, the config), so it crosses to a child process as it is; the data opened the
 * same way on either side; and what a run is compared by (RunSummary). Shared by the checker and
 * its child process's entry (check/process-entry).
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { openData, STREAM_THRESHOLD, type DataFeed, type LoadedData } from '../data/load.ts';
import { parseDataSpec, type DataOptions } from '../data/options.ts';
import type { Bars } from '../model/bars.ts';
import type { RunConfig } from '../run/config.ts';
import type { checkIsolation, RunOutcome, StrategyArtifact } from '../run/execute.ts';
import { toHex } from '../../traces/index.ts';

/**
 * A divergence planted in one variant, for the checker's own tests only (no command-line option
 * sets it): that variant runs on other inputs — these params over the config's, or each in-memory
 * feed without its last `dropLastBars` bars — so its first difference is known in advance.
 */
export interface Plant {
  variant: string;
  params?: Record<string, number>;
  dropLastBars?: number;
}

/** What a variant executes; it crosses to a child process by structured clone. */
export interface CheckJob {
  /** The module and its sources (the strategy link), and its source map when it has one (for a fault's source position; no run records it). */
  strategy: StrategyArtifact;
  /** `[NAME=]FILE[@PERIOD]`, one per symbol, as `backtest --data` takes them. */
  data: readonly string[];
  dataOptions: DataOptions;
  config: RunConfig;
  timeoutMs: number;
  /** Where every variant's guest runs (`--isolation`, checked: run/execute checkIsolation); never recorded, so it changes no hash compared. */
  isolation?: ReturnType<typeof checkIsolation>;
}

/** What a run is compared by: the hashes and counts of its record, and its leaves for the divergence finder. */
export interface RunSummary {
  runId: string;
  /** SHA-256 of result.pb's bytes (the result link). */
  resultSha256: string;
  /** SHA-256 of the encoded, unsigned record (every link). */
  recordSha256: string;
  /** The trace's Merkle root; the empty tree's root with --trace off. */
  traceRoot: string;
  traceBytes: number;
  leafHashes: Uint8Array[];
  instructions: bigint;
  fuelUsed: bigint;
}

export function summaryOf(o: RunOutcome): RunSummary {
  const hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
  return {
    runId: o.runId, resultSha256: hex(o.resultBytes), recordSha256: hex(o.recordBytes), traceRoot: toHex(o.trace.root),
    traceBytes: o.trace.byteLength, leafHashes: o.trace.leafHashes.map((h) => h.slice()), instructions: o.instructions, fuelUsed: o.fuelUsed,
  };
}

/**
 * The job's data opened as `backtest` opens it (data/options parseDataSpec, data/load openData); with
 * `stream`, every CSV streamed in chunks as one too large to hold is.
 */
export async function openJobData(job: Pick<CheckJob, 'data' | 'dataOptions'>, stream = false): Promise<DataFeed[]> {
  if (job.data.length === 0) throw new UsageError('USAGE', 'check-determinism needs at least one data file (--data)');
  const feeds: DataFeed[] = [];
  for (const spec of job.data) {
    const { symbol, file, period } = parseDataSpec(spec);
    const feed = await openData(file, period === undefined ? job.dataOptions : { ...job.dataOptions, period }, stream ? 0 : STREAM_THRESHOLD);
    if (symbol) feed.symbol = symbol;
    feeds.push(feed);
  }
  return feeds;
}

/** The inputs of `variant` with `plant` applied when it names that variant (else as given). */
export function plantedInputs(variant: string, feeds: DataFeed[], config: RunConfig, plant: Plant | undefined): { feeds: DataFeed[]; config: RunConfig } {
  if (!plant || plant.variant !== variant) return { feeds, config };
  const drop = plant.dropLastBars ?? 0;
  return {
    config: plant.params ? { ...config, params: { ...config.params, ...plant.params } } : config,
    feeds: drop === 0 ? feeds : feeds.map((f) => {
      if (!('bars' in f)) throw new UsageError('USAGE', `a planted data tail needs the data in memory; ${f.path} is streamed`);
      return { ...f, bars: headOf(f.bars, f.bars.length - drop) } satisfies LoadedData;
    }),
  };
}

/** The first `n` bars (views, not copies). */
function headOf(b: Bars, n: number): Bars {
  if (!(n >= 1)) throw new UsageError('USAGE', `a planted data tail must leave at least one bar (${b.length} bars)`);
  return { length: n, time: b.time.subarray(0, n), open: b.open.subarray(0, n), high: b.high.subarray(0, n), low: b.low.subarray(0, n), close: b.close.subarray(0, n), volume: b.volume.subarray(0, n) };
}
