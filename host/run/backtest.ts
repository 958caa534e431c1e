/**
 * @module run/backtest
 * One audited backtest, from files to a published run folder: what `backproof backtest` does, as
 * one call. Everything that can be refused is checked before the guest runs (the log and its key,
 * the data files and options, the output folder), so a mistake costs nothing; the guest runs on its
 * own thread under the watchdog (run/worker); the record is appended to the log, with its
 * inclusion proof written into the folder, before the folder is published, so a failure to log
 * publishes nothing.
 */
import path from 'node:path';
import { statSync, writeFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { openData, sourceOfFeed, type DataFeed } from '../data/load.ts';
import { downsampleCandles, renderReportBytes, reportGenerator, REPORT_FILE, RowTally, type Candles } from '../report/index.ts';
import { parseDataSpec, type DataOptions } from '../data/options.ts';
import { loadPrivateKey, rawPublicKey } from '../audit/keys.ts';
import { appendEntry, proveInclusion, readMeta } from '../tlog/index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import type { RunConfig } from './config.ts';
import { checkIsolation, feedPeriods, warmRecordCodec, type RunOutcome } from './execute.ts';
import { checkOutDir, FILES, writeChunksSync, writeRunDir, type CsvKind } from './rundir.ts';
import { removeStalePartials } from './partials.ts';
import { loadStrategy, startPendingServer } from './strategy.ts';
import { executeRunIsolated, prepareGuestThread } from './worker.ts';
import type { PhaseListener, ProgressCounter } from '../engine/progress.ts';

export interface BacktestRequest {
  /** A strategy source (.ts, built with asc) or a module (.wasm). */
  strategy: string;
  /** `[NAME=]FILE[@PERIOD]`, one per symbol, merged in time (docs/SEMANTICS.md). */
  data: readonly string[];
  dataOptions?: DataOptions;
  config: RunConfig;
  /** The record's signing key; null makes an unsigned record. */
  key: KeyObject | null;
  /** The run folder (default runs/<run id>); an existing one is replaced only with `force`, and only if it is a run folder or empty. */
  out?: string;
  force?: boolean;
  /** Append the record to this transparency log, signing its checkpoint with the log's own key, read from `keyFile`. */
  log?: { dir: string; keyFile: string };
  /** The wall-clock watchdog: a last resort, fuel and memory limits stop a guest first. */
  timeoutMs: number;
  logLevel?: string;
  prettyLogs?: boolean;
  /** Write report.html into the run folder (default true; `--no-report` skips it). */
  report?: boolean;
  /** The CSV renderings to write into the run folder too (`--csv`); default none (`backproof export` writes them later). */
  csv?: readonly CsvKind[];
  /** Where the engine reports how far the run has got, for a progress display (engine/progress). */
  progress?: ProgressCounter;
  /** Told what the run is doing around the engine loop (reading data, building, writing…), for a progress display. */
  onPhase?: PhaseListener;
  /** The instrumenter (trace format) to run under, recorded in the toolchain link. Default: INSTRUMENTER_VERSION. */
  instrumenter?: string;
  /** Where the guest executes (`--isolation`: v8, wasi, process; default v8). Never recorded: the run is the same (docs/RUNTIMES.md). */
  isolation?: string;
}

export interface BacktestReport {
  outcome: RunOutcome;
  /** The published run folder. */
  dir: string;
  /** Where the record went in the log, when `log` was given. */
  logged: { index: number; size: number; origin: string; proof: string } | null;
}

export async function backtest(r: BacktestRequest): Promise<BacktestReport> {
  let log: { dir: string; key: KeyObject } | null = null;
  if (r.log) {
    const meta = readMeta(r.log.dir);
    log = { dir: r.log.dir, key: await loadPrivateKey(r.log.keyFile) };
    if (toHex(rawPublicKey(log.key)) !== meta.publicKey) throw new UsageError('KEY_ERROR', `${r.log.keyFile} is not the key of the log at ${r.log.dir} (pass --log-key)`);
  }
  if (r.data.length === 0) throw new UsageError('USAGE', 'a backtest needs at least one data file (--data)');
  const isolation = checkIsolation(r.isolation);
  // The strategy is looked up in the build cache, or built in a process of its own, while the data is read;
  // a data error still comes first (the build's is held until the data is in). The data is read without
  // yielding, so the build is let start first: the cache's answer, or the build's process running.
  let started = (): void => {};
  const buildStarted = new Promise<void>((resolve) => (started = resolve));
  let built = false;
  const building = loadStrategy(r.strategy, started).finally(() => (built = true));
  const first = await Promise.race([buildStarted.then(() => 'build' as const), building.then(() => 'strategy' as const, () => 'strategy' as const)]);
  // The guest thread starts, and loads the run's modules, while this thread reads the data. Not while a build
  // runs as well: the build is what the run waits for longest, and on two cores the data and the build are
  // enough; the thread then starts once the data is in, or the build done, whichever comes first.
  let threadStarted = false;
  const startGuestThread = (): void => {
    if (!threadStarted) prepareGuestThread();
    threadStarted = true;
  };
  if (first === 'strategy') startGuestThread();
  else void building.then(startGuestThread, () => {});
  const data: DataFeed[] = [];
  const keep = [r.strategy]; // the files read: the run folder may not be a folder holding them
  for (const spec of r.data) {
    const { symbol, file, period } = parseDataSpec(spec);
    keep.push(file);
    r.onPhase?.({ step: 'data', file, bytes: sizeIfAny(file) });
    const feed = await openData(file, period === undefined ? r.dataOptions ?? {} : { ...r.dataOptions, period });
    if (symbol) feed.symbol = symbol;
    data.push(feed);
  }
  startGuestThread();
  if (r.out !== undefined) await checkOutDir(r.out, Boolean(r.force), keep);
  r.onPhase?.({ step: 'build', file: r.strategy });
  // While the build runs, this thread has nothing to do: the report's candles (they read the bars alone)
  // and its chart library are made now rather than after the run. Not when the build is in: the run comes first;
  const candles = r.report !== false && !built ? reportCandles(data) : [];
  // and the bar periods the run would infer first thing (over every bar held in memory), as it would
  const periods = !built && data.every((d) => 'bars' in d) ? ahead(() => feedPeriods(data)) : undefined;
  const strategy = await building;
  r.onPhase?.({ step: 'run' });
  // With every feed's candles made, the guest thread tallies the report's rows from the engine's columns (~4x cheaper than reading result.pb again here).
  const tallyCandles = candles.length === data.length && candles.every((c) => c !== undefined) ? candles as Candles[] : undefined;
  const running = executeRunIsolated(
    { strategy, data, config: r.config, logLevel: r.logLevel, prettyLogs: r.prettyLogs, progress: r.progress, instrumenter: r.instrumenter, isolation, periods, tallyCandles },
    // The bars cross to the guest thread without a copy and come back for the report; the thread then
    // ends, freeing what the run left on it before the run folder is written.
    { timeoutMs: r.timeoutMs, lendData: true, endThread: true },
  );
  ahead(warmRecordCodec); // while the guest runs: the record's codecs, which the run folder's writing would make first
  const outcome = await running;
  const dir = r.out ?? path.join('runs', outcome.runId);
  let logged: BacktestReport['logged'] = null;
  const beforePublish = async (partial: string, recordPb: Uint8Array, remember: (name: string, written: string | Uint8Array | readonly Uint8Array[]) => Promise<void>): Promise<void> => {
    // The report first: it renders the bytes just written (verify renders it again from the folder), before anything is logged.
    if (r.report !== false) {
      r.onPhase?.({ step: 'report' });
      // Candles made ahead are those of the bars the run read (the record's count: the report's own choice of buckets).
      const feeds = data.map((d, k) => ({ open: () => sourceOfFeed(d), ...(candles[k]?.bars === outcome.barsPerFeed[k] ? { candles: candles[k] } : {}) }));
      // the guest thread's tally counts for the page only over the candles it draws: each feed's, made ahead
      const tally = tallyCandles && outcome.reportTally && feeds.every((f) => f.candles) ? RowTally.revive(tallyCandles, outcome.reportTally) : undefined;
      const page = renderReportBytes({ recordPb, result: { ...outcome.rows, equity: outcome.result.equity, stats: outcome.result.stats }, times: outcome.timeline, feeds, tally });
      writeChunksSync(path.join(partial, REPORT_FILE), page); // (synchronous, as run/rundir writes the rest)
      await remember(REPORT_FILE, page); // the rendering cache: verify on this machine hashes it rather than rendering it again
    }
    if (log) {
      r.onPhase?.({ step: 'log' });
      const appended = appendEntry(log.dir, sha256(recordPb), log.key);
      writeFileSync(path.join(partial, FILES.logInclusion), JSON.stringify(proveInclusion(log.dir, appended.index), null, 2) + '\n');
      logged = { index: appended.index, size: appended.size, origin: readMeta(log.dir).origin, proof: path.join(dir, FILES.logInclusion) };
    }
  };
  r.onPhase?.({ step: 'write', dir });
  removeStalePartials(dir); // a backtest into this folder killed before (SIGKILL) left its partial folder: nothing else would remove it
  await writeRunDir({ dir, force: Boolean(r.force), keep, outcome, strategy, config: r.config, key: r.key, csv: r.csv, beforePublish });
  startPendingServer(); // the run published: a build server for the next build, if this one needed a process of its own
  return { outcome, dir, logged };
}

/**
 * Each in-memory feed's candles for the report (report/series downsampleCandles over all its bars, as
 * renderReport makes them for the recorded count), none for a streamed one; and the chart library read.
 */
function reportCandles(data: readonly DataFeed[]): (Candles | undefined)[] {
  return ahead(() => {
    reportGenerator();
    return data.map((d) => ('bars' in d ? downsampleCandles(sourceOfFeed(d), d.bars.length) : undefined));
  }) ?? [];
}

/** Work done ahead of the step that needs it: undefined if it fails, and that step then does it (and meets its error) as before. */
function ahead<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

/** A file's size for a progress label; undefined when it cannot be read (openData then says why). */
function sizeIfAny(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}
