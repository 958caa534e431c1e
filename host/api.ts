/**
 * @module api
 * The one-line API for notebooks and scripts: `await backtest({ strategy, data, params })` gives
 * the stats, trades, equity and record of an audited run (and writes its run folder, as
 * `backproof backtest` does); `await verify(runDir)` checks a run folder as `backproof verify` does.
 * Every option of the CLI is here too (this is the function the CLI calls), all optional but
 * `strategy` and `data`; the same inputs give the same record, byte for byte, as the CLI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from './errors.ts';
import { parseDataSpec, type DataOptions } from './data/options.ts';
import { openData, type DataFeed } from './data/load.ts';
import type { Stats, Trade } from './model/trade.ts';
import type { OrderRecord } from './model/order.ts';
import { loadPrivateKey, loadPublicKeyRaw } from './audit/keys.ts';
import { decodeSignedRecord, recordObject, signedRecordBytes } from './audit/record.ts';
import { DEFAULT_CONFIG, type BrokerSettings, type RunConfig } from './run/config.ts';
import { backtest as runBacktest, type BacktestReport } from './run/backtest.ts';
import { csvKinds, type CsvKind } from './run/rundir.ts';
import { loadStrategy } from './run/strategy.ts';
import { executeRunIsolated } from './run/worker.ts';
import { checkIsolation } from './run/execute.ts';
import { instrumenterFor } from './run/toolchain.ts';
import type { PhaseListener, ProgressCounter } from './engine/progress.ts';
import { verifyRun, type VerifyReport } from './inspect/verify.ts';
import { sha256, toHex } from '../traces/index.ts';

/** Where `backproof keygen` writes the key and where backtest() looks for one by default (relative to the working folder). */
export const DEFAULT_KEY_FILE = path.join('.backproof', 'backproof.key');

export interface BacktestOptions {
  /** An AssemblyScript strategy (.ts, built with asc) or a built module (.wasm). */
  strategy: string;
  /** `[NAME=]FILE[@PERIOD]`, or several (one per symbol, merged in time): as `--data`. */
  data: string | readonly string[];
  /** Strategy parameters, read by `param(name, default)` in the strategy: as `--param name=value`. */
  params?: Record<string, number>;
  /** Run settings over DEFAULT_CONFIG (cash, commission, fuel, limits, trace, ...); `broker` is merged field by field. */
  config?: Partial<Omit<RunConfig, 'broker'>> & { broker?: Partial<BrokerSettings> };
  dataOptions?: DataOptions;
  /**
   * The record's signing key: a KeyObject, or the path of a PEM private key; null makes an unsigned
   * record. Default: .backproof/backproof.key when it exists (as the CLI), else unsigned.
   */
  key?: KeyObject | string | null;
  /**
   * The run folder to write. Default: runs/<run id>, replaced if it is there already (the run id
   * names the strategy module, data and config, so it can only hold this run; `backproof backtest`
   * without --out refuses it instead, unless given --force). `false`: write none.
   */
  out?: string | false;
  /**
   * Replace an existing `out` folder (default: false for a given `out`, true for the default runs/<run id>),
   * as the CLI's --force: only a run folder (it holds record.pb) or an empty folder, never the working
   * folder or a folder holding the strategy or data; anything else is OUTPUT_EXISTS and left as it is.
   */
  force?: boolean;
  /** Append the record to this transparency log (`backproof log init`), signing the checkpoint with `keyFile`. */
  log?: { dir: string; keyFile: string };
  /** The wall-clock watchdog in ms (default 600 000): a last resort, fuel and memory limits stop a guest first. */
  timeoutMs?: number;
  /** The run's log level (trace … silent); default: BACKPROOF_LOG, else info. */
  logLevel?: string;
  prettyLogs?: boolean;
  /** Write report.html into the run folder (default true). */
  report?: boolean;
  /**
   * CSV files to write into the run folder too, as the CLI's --csv: some of 'trades', 'orders', 'equity',
   * or 'all'. Default none: every row is in result.pb, and `backproof export` writes the same bytes later.
   */
  csv?: readonly CsvKind[] | 'all';
  /** A counter (progressCounter()) the engine keeps up to date from the run's thread, for a progress display. */
  progress?: ProgressCounter;
  /** Told what the run is doing around the engine loop (reading data, building, writing the folder…), for a progress display. */
  onPhase?: PhaseListener;
  /** The trace format (instrumenter version) to record: 4, 5, 6, 7 or 8 (7: format 6's stream, a cheaper fuel check; 8: format 8, a period-2 address predictor; docs/TRACE.md, "Which version"). Default: 8. */
  traceFormat?: 4 | 5 | 6 | 7 | 8;
  /** Where the guest executes: 'v8' (this process, default), 'wasi' or 'process' (docs/RUNTIMES.md). The record is the same under each. */
  isolation?: 'v8' | 'wasi' | 'process';
}

export interface BacktestRun extends Omit<BacktestReport, 'dir'> {
  runId: string;
  stats: Stats;
  trades: Trade[];
  /** Every order, in id order, with how it ended (filled, rejected and why, ...). */
  orders: OrderRecord[];
  /** Equity at each bar's close, one value per bar of `times`. */
  equity: Float64Array;
  /** Each bar's time, in nanoseconds since the Unix epoch (UTC). */
  times: BigInt64Array;
  /** The audit record as record.json has it (bytes as hex, 64-bit integers as strings). */
  record: Record<string, unknown>;
  /** SHA-256 of record.pb (the signed record's bytes), lowercase hex: what a transparency log holds. */
  recordSha256: string;
  signed: boolean;
  /** The run folder written, or null with `out: false`. */
  dir: string | null;
}

/**
 * The package runs on Node >= 22.2 (WebAssembly multi-memory, zlib.crc32; package.json "engines"). The CLI's
 * launcher re-runs itself on the bundled Node 24; a script importing the package has no launcher, so an older
 * Node is told what to do here instead of failing inside the sandbox on the first module.
 */
export function checkNodeVersion(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 2)) return;
  throw new UsageError('USAGE', `backproof needs Node >= 22.2, and this is Node ${version}: run the script on the Node 24 that came with backproof ("npx node script.mjs"), or upgrade Node`);
}

async function keyOf(key: BacktestOptions['key']): Promise<KeyObject | null> {
  if (key === null) return null;
  if (key === undefined) return existsSync(DEFAULT_KEY_FILE) ? loadPrivateKey(DEFAULT_KEY_FILE) : null;
  return typeof key === 'string' ? loadPrivateKey(key) : key;
}

/**
 * One audited backtest: `await backtest({ strategy: 'strategy.ts', data: 'data/GOOG.csv', params: { fast: 10 } })`.
 * Throws the typed errors of host/errors.ts (UsageError, DataError, BuildError, SandboxError) before
 * writing anything.
 */
export async function backtest(o: BacktestOptions): Promise<BacktestRun> {
  checkNodeVersion();
  checkKeys(o);
  try {
    return await runApi(o);
  } catch (e) {
    throw apiWording(e);
  }
}

/** backtest() as `backproof backtest` calls it: the same run, its errors left in the CLI's words (--force, --param). */
export async function backtestForCli(o: BacktestOptions): Promise<BacktestRun> {
  checkNodeVersion();
  checkKeys(o);
  return runApi(o);
}

/** The keys backtest() reads: any other is a typo (`param` for `params`) that would otherwise run on defaults. */
const OPTION_KEYS: readonly (keyof BacktestOptions)[] = [
  'strategy', 'data', 'params', 'config', 'dataOptions', 'key', 'out', 'force', 'log', 'timeoutMs', 'logLevel', 'prettyLogs', 'report', 'csv', 'progress', 'onPhase', 'traceFormat', 'isolation',
];

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Refuses a key backtest() does not read, naming the closest known one when it is near. */
export function checkKeys(o: object): void {
  if (typeof o !== 'object' || o === null) return; // the strategy check below says what is missing
  for (const k of Object.keys(o)) {
    if ((OPTION_KEYS as readonly string[]).includes(k)) continue;
    const near = OPTION_KEYS.map((known) => ({ known, d: distance(k.toLowerCase(), known.toLowerCase()) })).sort((a, b) => a.d - b.d)[0]!;
    const hint = near.d <= Math.max(1, Math.floor(k.length / 3)) ? `: did you mean ${near.known}?` : '';
    throw new UsageError('USAGE', `backtest() has no option ${k}${hint}; it takes ${OPTION_KEYS.join(', ')}`);
  }
}

/** The run's checks speak the CLI's flags; backtest() callers wrote option keys, so say those. */
const API_WORDS: [RegExp, string][] = [
  [/^--param name "([^"]*)"/, 'params key "$1"'],
  [/^--param ([A-Za-z_][A-Za-z0-9_]*)=(\S*):/, 'params.$1 = $2:'],
  [/^--param ([A-Za-z_][A-Za-z0-9_]*) /, 'params.$1 '],
  [/pass --force to replace it/, 'pass force: true to replace it'],
  [/--force replaces only/, 'force: true replaces only'],
  [/ \(--data\)$/, ''],
  [/^--(cash|commission|fuel) /, 'config.$1 '],
  [/^--fuel-per-bar /, 'config.fuelPerCallback '],
  [/^--snapshot-every /, 'config.snapshotEvery '],
];

function apiWording(e: unknown): unknown {
  if (!(e instanceof UsageError)) return e;
  let message = e.message;
  for (const [re, to] of API_WORDS) message = message.replace(re, to);
  return message === e.message ? e : new UsageError(e.code, message, { cause: e });
}

async function runApi(o: BacktestOptions): Promise<BacktestRun> {
  if (typeof o?.strategy !== 'string' || o.strategy === '') throw new UsageError('USAGE', 'backtest() needs strategy: the path of a .ts or .wasm file');
  const data = typeof o.data === 'string' ? [o.data] : o.data;
  if (!Array.isArray(data) || data.some((d) => typeof d !== 'string')) throw new UsageError('USAGE', 'backtest() needs data: a file path (or NAME=path), or an array of them');
  for (const [name, value] of Object.entries(o.params ?? {}))
    if (typeof value !== 'number') throw new UsageError('USAGE', `params.${name} must be a number, got ${typeof value}`);
  const config: RunConfig = {
    ...DEFAULT_CONFIG,
    ...o.config,
    params: { ...o.config?.params, ...o.params },
    broker: { ...DEFAULT_CONFIG.broker, ...o.config?.broker },
  };
  if (o.traceFormat !== undefined && o.traceFormat !== 4 && o.traceFormat !== 5 && o.traceFormat !== 6 && o.traceFormat !== 7 && o.traceFormat !== 8)
    throw new UsageError('USAGE', `traceFormat must be 4, 5, 6, 7 or 8, got ${JSON.stringify(o.traceFormat)}`);
  const instrumenter = instrumenterFor(o.traceFormat);
  const isolation = checkIsolation(o.isolation);
  const csv = csvKinds(o.csv, 'csv');
  const key = await keyOf(o.key);
  const timeoutMs = o.timeoutMs ?? 600_000;
  if (o.out === false) {
    // No folder: the same checks and run as run/backtest, nothing written; the record is signed as it would be.
    if (o.log) throw new UsageError('USAGE', 'backtest() with out: false cannot log the run: logging needs a run folder for log-inclusion.json');
    if (csv.length > 0) throw new UsageError('USAGE', 'backtest() with out: false writes no CSV files: csv needs a run folder');
    if (data.length === 0) throw new UsageError('USAGE', 'a backtest needs at least one data file (--data)');
    const feeds: DataFeed[] = [];
    for (const spec of data) {
      const { symbol, file, period } = parseDataSpec(spec);
      o.onPhase?.({ step: 'data', file });
      const feed = await openData(file, period === undefined ? o.dataOptions ?? {} : { ...o.dataOptions, period });
      if (symbol) feed.symbol = symbol;
      feeds.push(feed);
    }
    o.onPhase?.({ step: 'build', file: o.strategy });
    const strategy = await loadStrategy(o.strategy);
    o.onPhase?.({ step: 'run' });
    const outcome = await executeRunIsolated({ strategy, data: feeds, config, logLevel: o.logLevel, prettyLogs: o.prettyLogs, progress: o.progress, instrumenter, isolation }, { timeoutMs });
    return describe({ outcome, dir: null, logged: null }, key);
  }
  const r = await runBacktest({
    strategy: o.strategy, data, dataOptions: o.dataOptions, config, key, log: o.log, out: o.out,
    force: o.force ?? o.out === undefined, timeoutMs, logLevel: o.logLevel, prettyLogs: o.prettyLogs, report: o.report, csv, progress: o.progress, onPhase: o.onPhase, instrumenter, isolation,
  });
  return describe(r, key);
}

function describe(r: Omit<BacktestReport, 'dir'> & { dir: string | null }, key: KeyObject | null): BacktestRun {
  const { outcome } = r;
  const signed = signedRecordBytes(outcome.recordBytes, key);
  let record: Record<string, unknown> | undefined;
  return {
    ...r,
    runId: outcome.runId,
    stats: outcome.result.stats,
    // Made from the run's columns when first read: the CLI never reads them (~600 MB at a million trades).
    get trades(): Trade[] {
      return outcome.result.trades;
    },
    get orders(): OrderRecord[] {
      return outcome.result.orders;
    },
    equity: outcome.result.equity,
    // Made when first read, as trades: the CLI reads neither (every bar's time is 8 MB at 1M bars; the
    // record's decode starts protobufjs).
    get times(): BigInt64Array {
      return outcome.times;
    },
    get record(): Record<string, unknown> {
      return (record ??= recordObject(decodeSignedRecord(signed)));
    },
    recordSha256: toHex(sha256(signed)),
    signed: key !== null,
  };
}

export interface VerifyOptions {
  /** Require the record to be signed by this public key (PEM file path, or the raw 32-byte Ed25519 key). */
  pubkey?: string | Uint8Array;
  /** Read the data from here instead of the recorded path. */
  data?: string;
  /** Fail when a file of the folder is not bound by the record. */
  strict?: boolean;
  /** Rebuild the module from the folder's sources/ and require the recorded bytes. */
  rebuild?: boolean;
}

/**
 * `backproof verify <run-dir>` as a call: every hash and the signature, without re-executing.
 * Resolves to the report when the run checks out; throws AuditError (its `step` names the broken
 * link) when it does not.
 */
export async function verify(runDir: string, o: VerifyOptions = {}): Promise<VerifyReport> {
  checkNodeVersion();
  const trustedKey = typeof o.pubkey === 'string' ? await loadPublicKeyRaw(o.pubkey) : o.pubkey ?? null;
  return verifyRun({ dir: runDir, trustedKey, dataPath: o.data, strict: o.strict, rebuild: o.rebuild });
}
