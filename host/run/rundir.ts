/**
 * @module run/rundir
 * The run folder: everything needed to verify a run without re-executing it, and to replay it.
 * Each writer builds the folder in a partial folder of its own ("<dir>.partial-<pid>-<n>"),
 * writes record.pb last, and publishes it with one rename: a run that fails, at any point, leaves
 * nothing behind that looks like a run, and of two writers racing for the same folder one wins
 * and the other gets OUTPUT_EXISTS (or, with --force, replaces it whole: --force replaces only a run
 * folder or an empty folder, never anything else). Layout: docs/AUDIT.md.
 */
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isMainThread, threadId } from 'node:worker_threads';
import { accessSync, closeSync, constants, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createHash, type KeyObject } from 'node:crypto';
import { UsageError, AuditError } from '../errors.ts';
import { decodeSignedRecord, LINK_TYPES, renderRecordJson, signedRecordBytes } from '../audit/record.ts';
import { equityCsvChunks, ordersCsvChunks, renderSnapshotsJson, renderStatsJson, tradesCsvChunks, type Chunks } from '../audit/render.ts';
import type { BacktestResult } from '../model/trade.ts';
import { decodeCanonical, streamedResult } from '../audit/codec.ts';
import { hashedChunks, RenderingCache, INSTRUMENTED_MODULE } from '../audit/rendering-cache.ts';
import { cacheRoot } from '../build/cache-root.ts';
import { reportGenerator } from '../report/index.ts';
import type { RunOutcome, StrategyArtifact } from './execute.ts';
import { eventTimes, symbolRanks, withPeriods } from '../engine/events.ts';
import type { BarSource } from '../model/bars.ts';

/**
 * Each bar's time in the engine's order (equity.csv's time column), streaming the sources.
 * `periods`: each feed's period as the run used it; by default inferred as the engine does.
 * `symbols`: the feeds' names, which order events at one instant as in the run (default: feed order).
 */
export function timelineOfSources(sources: readonly BarSource[], periods?: readonly (bigint | undefined)[], symbols?: readonly string[]): BigInt64Array {
  const w = withPeriods(sources, periods);
  return eventTimes(w.sources, w.periods, symbols ? symbolRanks(symbols) : undefined);
}

import { configJson, type RunConfig } from './config.ts';

export const FILES = {
  record: 'record.pb',
  recordJson: 'record.json',
  result: 'result.pb',
  trades: 'trades.csv',
  orders: 'orders.csv',
  equity: 'equity.csv',
  stats: 'stats.json',
  config: 'config.json',
  wasm: 'strategy.wasm',
  leaves: 'trace-leaves.bin',
  snapshots: 'snapshots.json',
  /** Written by `backtest --log` beside a complete run: the record's inclusion proof in that log. */
  logInclusion: 'log-inclusion.json',
  sources: 'sources',
  /** The strategy project's lockfile, byte for byte, when the toolchain link names one (build/project). */
  lockfile: 'package-lock.json',
} as const;

/** A rendering that is one short text, as a stream of one chunk. */
function* oneChunk(text: string): Chunks {
  yield Buffer.from(text, 'utf8');
}

/** The CSV renderings of a run's result: written by `backtest --csv` or `backproof export`, never by default. */
export const CSV_KINDS = ['trades', 'orders', 'equity'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];
export const CSV_FILE: Record<CsvKind, string> = { trades: FILES.trades, orders: FILES.orders, equity: FILES.equity };

/**
 * The CSV files asked of a run, as `--csv` (or backtest()'s `csv`) names them: a comma-separated list
 * of trades, orders and equity, or `all`; an array of those names (API). Each at most once, in
 * CSV_KINDS' order. Anything else is a UsageError naming `option` and the bad name, before anything runs.
 */
export function csvKinds(value: unknown, option = '--csv'): CsvKind[] {
  if (value === undefined) return [];
  const names = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  const asked = new Set<string>();
  for (const name of names ?? [value]) {
    if (name === 'all' && names?.length === 1) return [...CSV_KINDS];
    if (typeof name !== 'string' || !(CSV_KINDS as readonly string[]).includes(name))
      throw new UsageError('USAGE', `${option} takes trades, orders and equity, comma-separated, or all; got ${JSON.stringify(name)}${typeof value === 'string' && names!.length > 1 ? ` in "${value}"` : ''}`);
    if (asked.has(name)) throw new UsageError('USAGE', `${option} names ${name} twice`);
    asked.add(name);
  }
  return CSV_KINDS.filter((k) => asked.has(k));
}

/**
 * The readable files rendered from result.pb and the bars' times, streamed in chunks: re-rendered
 * and compared chunk by chunk by verify. A new rendering of the result belongs in this table.
 * `onDemand`: a file written only when asked (its `csv` kind: `backtest --csv`, `backproof export`):
 * its bytes are in result.pb already, and the record binds none of it; verify checks it when a folder
 * holds it (issue 11: rendering trades.csv was ~0.4 s of a 1M-bar run). `usesTimes`: it reads the bars' times
 * (the others are given none by backtest, which need not make them then: 80 MB at 10M bars).
 */
export const RESULT_RENDERINGS: readonly { name: string; chunks: (r: BacktestResult, times: BigInt64Array) => Chunks; onDemand?: boolean; csv?: CsvKind; usesTimes?: boolean }[] = [
  { name: FILES.trades, chunks: (r) => tradesCsvChunks(r), onDemand: true, csv: 'trades' },
  { name: FILES.orders, chunks: (r) => ordersCsvChunks(r), onDemand: true, csv: 'orders' },
  { name: FILES.equity, chunks: (r, times) => equityCsvChunks(r, times), onDemand: true, csv: 'equity', usesTimes: true },
  { name: FILES.stats, chunks: (r) => oneChunk(renderStatsJson(r.stats)) },
];

const NO_TIMES = new BigInt64Array(0);

/**
 * result.pb's SHA-256 (hex) as the run's record binds it (its result link): the run hashed the bytes
 * once when it made the record, so a writer or printer of the run need not hash them again (15 MB at 1M bars).
 */
export function recordedResultSha256(outcome: Pick<RunOutcome, 'links'>): string {
  const link = outcome.links.find((l) => l.kind === 'result');
  if (!link) throw new Error('the run has no result link');
  return Buffer.from(decodeCanonical(LINK_TYPES.result, link.body).sha256 as Uint8Array).toString('hex');
}

/**
 * Writes a streamed rendering to `file` (created or truncated), chunk by chunk. On a guest thread (a
 * sweep's runs) the run folder is written with synchronous calls (here and in writeRunDir): each
 * asynchronous call would be a hop to libuv's pool and back — some 60 per run folder, which left a
 * sweep's guest threads waiting a third of their time (docs/BENCHMARKS.md, "Sweeps").
 */
export async function writeChunks(file: string, chunks: Iterable<Uint8Array>, flags = 'w'): Promise<void> {
  if (isMainThread) return writeChunksAsync(file, chunks, flags);
  writeChunksSync(file, chunks, flags);
}

/** writeChunks, synchronously on any thread (a page rendered in parts: report renderReportBytes). */
export function writeChunksSync(file: string, chunks: Iterable<Uint8Array>, flags = 'w'): void {
  const fd = openSync(file, flags);
  try {
    for (const chunk of chunks) {
      // write() may write less than asked: loop until the chunk is out (it is reused afterwards)
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * writeChunks on the main thread: asynchronous, so that an interrupt (Ctrl-C) that comes while a run
 * folder is written is handled before it is published (a long synchronous stretch there left the signal
 * unhandled until the command had exited 0: test/e2e/out-safety).
 */
async function writeChunksAsync(file: string, chunks: Iterable<Uint8Array>, flags: string): Promise<void> {
  const fh = await open(file, flags);
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) at += (await fh.write(chunk, at, chunk.length - at)).bytesWritten;
    }
  } finally {
    await fh.close();
  }
}

/** Whether `target` was made a hard link to `source` (false, and nothing made, when it could not be). */
function linked(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch {
    return false;
  }
}

/** A whole file written: synchronously on a guest thread, asynchronously on the main thread (as writeChunks). */
async function writeWhole(file: string, content: string | Uint8Array): Promise<void> {
  if (isMainThread) await writeFile(file, content);
  else writeFileSync(file, content);
}

export interface WriteRunInput {
  dir: string;
  force: boolean;
  /** Files the run read (strategy, data): the run folder may not be one of their folders (checkOutDir). */
  keep?: readonly string[];
  outcome: RunOutcome;
  strategy: StrategyArtifact;
  config: RunConfig;
  key: KeyObject | null;
  /** The CSV renderings to write into the folder too (`backtest --csv`); default none (`backproof export` writes them later, the same bytes). */
  csv?: readonly CsvKind[];
  /**
   * Runs on the complete partial folder just before it is published (e.g. logging the record and
   * writing log-inclusion.json into it); if it throws, nothing is published. `remember`: a file it
   * rendered from this record (report.html), given the bytes it wrote, is remembered as that
   * rendering for verify (audit/rendering-cache; nothing without a cache folder).
   */
  beforePublish?: (partialDir: string, recordPb: Uint8Array, remember: (name: string, written: string | Uint8Array | readonly Uint8Array[]) => Promise<void>) => Promise<void>;
  /**
   * A run folder written before from the same strategy artifact (a sweep's earlier run): its
   * strategy.wasm, package-lock.json and sources/ are hard-linked into this folder, not written again
   * (one inode for every run of a sweep: ext4's inode allocation was most of a sweep's file system
   * time). A file that cannot be linked (gone, another file system) is written as without it.
   */
  linkStrategyFrom?: string;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;
const outError = (dir: string, what: string, e?: unknown): UsageError =>
  new UsageError('USAGE', `--out ${dir}: ${what}${e ? ` (${errno(e) ?? (e as Error).message})` : ''}`, { cause: e });
/** Errors of the file system that mean "you cannot write there", as opposed to a bug. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENAMETOOLONG', 'ELOOP']);

/** The real path of `p` or, where it does not exist, of its nearest existing ancestor with the rest appended. */
function realish(p: string): string {
  const abs = path.resolve(p);
  let real: string | null = null;
  try {
    real = realpathSync.native(abs);
  } catch { /* not there: its parent's */ }
  if (real) return real;
  const up = path.dirname(abs);
  return up === abs ? abs : path.join(realish(up), path.basename(abs));
}

const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * What --force may replace: a run folder (it holds record.pb) or an empty folder. Anything else (a
 * project, notes, a folder a run never wrote) is refused even with --force, and nothing is touched.
 */
function replaceable(dir: string): boolean {
  // Gone meanwhile (another writer moved it aside) counts as empty: the next rename decides.
  let names: string[] | null;
  try {
    names = readdirSync(dir);
  } catch (e) {
    names = errno(e) === 'ENOENT' ? [] : null;
  }
  return names !== null && (names.length === 0 || names.includes(FILES.record));
}

/** `f()`, or `fallback(e)` when it throws `e` (a synchronous call's error, as a promise's .catch would take it). */
function orElse<T>(f: () => T, fallback: (e: unknown) => T): T {
  try {
    return f();
  } catch (e) {
    return fallback(e);
  }
}
const rethrow = (e: unknown): never => {
  throw e;
};

/**
 * Checks, before a run, that its folder can be written: not there yet (unless `force`, and then a
 * run folder or an empty folder), not the working folder or a folder holding it or any of `keep`
 * (the strategy and data files: never a folder that replacing would delete), and its nearest
 * existing ancestor a folder this process may create entries in.
 */
export async function checkOutDir(dirArg: string, force: boolean, keep: readonly string[] = []): Promise<void> {
  const dir = path.resolve(dirArg);
  const real = realish(dir);
  for (const p of [process.cwd(), ...keep]) {
    if (within(realish(p), real))
      throw new UsageError('OUTPUT_EXISTS', `output folder ${dirArg} holds ${p === process.cwd() ? 'the working folder' : p}; it is not a run folder and is never replaced`);
  }
  const st = orElse(() => lstatSync(dir), (e) => (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR' ? null : rethrow(outError(dirArg, 'cannot be read', e))));
  if (st) {
    if (!force) throw new UsageError('OUTPUT_EXISTS', `output folder ${dirArg} already exists; pass --force to replace it`);
    if (!st.isDirectory()) throw outError(dirArg, 'exists and is not a folder; it is not replaced even with --force');
    if (!replaceable(dir))
      throw new UsageError('OUTPUT_EXISTS', `output folder ${dirArg} is not a run folder (no ${FILES.record}) and not empty; only a run folder or an empty folder is replaced, so it is left as it is`);
  }
  let parent = path.dirname(dir);
  for (;;) {
    const p = orElse(() => statSync(parent), (e) => (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR' ? null : rethrow(outError(dirArg, `cannot read ${parent}`, e))));
    if (p) {
      if (!p.isDirectory()) throw outError(dirArg, `${parent} is a file, not a folder`);
      orElse(() => accessSync(parent, constants.W_OK | constants.X_OK), (e) => rethrow(outError(dirArg, `cannot create a folder in ${parent}`, e)));
      probeFolder(parent, dirArg);
      return;
    }
    const up = path.dirname(parent);
    if (up === parent) throw outError(dirArg, 'no ancestor folder exists');
    parent = up;
  }
}

let probes = 0;
/**
 * Creates and removes a folder in `parent`: access() says yes where a mkdir fails (root in /proc, read-only
 * mounts, FUSE), and there Node's recursive mkdir of a missing folder spins forever (a write to /proc/x/run
 * did, after the whole run). The name is this thread's own, so no other writer ever sees it.
 */
function probeFolder(parent: string, dirArg: string): void {
  for (let attempt = 0; ; attempt++) {
    // pid, thread and counter: a sweep's threads check their run folders in the same parent at once
    const probe = path.join(parent, `.backproof-probe-${process.pid}-${threadId}-${++probes}`);
    try {
      mkdirSync(probe);
    } catch (e) {
      if (errno(e) === 'EEXIST' && attempt < 1000) continue; // a dead process's of the same pid
      throw outError(dirArg, `cannot create a folder in ${parent}`, e);
    }
    rmSync(probe, { recursive: true, force: true });
    return;
  }
}

/** Source paths come from the build: relative, forward slashes, inside sources/. Checked before anything is written. */
function checkSourcePaths(sources: readonly { path: string }[]): void {
  for (const s of sources) {
    const parts = s.path.split('/');
    if (s.path === '' || path.isAbsolute(s.path) || s.path.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..'))
      throw new UsageError('USAGE', `source path "${s.path}" is not a plain relative path inside the run folder`);
  }
}

let partials = 0;
/** The partial folders (and files: writeChunksAside) this process is writing now, for removePartials on an interrupt. */
const live = new Set<string>();

/**
 * Removes the partial folders this process is writing (synchronously: called from a SIGINT or
 * SIGTERM handler just before the process exits), so an interrupted run leaves nothing behind.
 */
export function removePartials(): void {
  for (const tmp of live) rmSync(tmp, { recursive: true, force: true });
  live.clear();
}

/**
 * Writes a streamed rendering to `target` through a partial file beside it, renamed into place when
 * complete: a failure, or an interrupt (removePartials), leaves no half-written file there.
 */
export async function writeChunksAside(target: string, chunks: Chunks): Promise<void> {
  const tmp = `${target}.partial-${process.pid}-${++partials}`;
  live.add(tmp);
  try {
    await writeChunks(tmp, chunks, 'wx');
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    live.delete(tmp);
  }
}

/** A new partial folder beside `dir`; a name left by a dead process with the same pid is skipped, never reused. */
function makePartial(dir: string, dirArg: string): string {
  orElse(() => mkdirSync(path.dirname(dir), { recursive: true }), (e) => rethrow(NOT_WRITABLE.has(errno(e) ?? '') ? outError(dirArg, 'cannot create the run folder', e) : e));
  for (let attempt = 0; ; attempt++) {
    // A pid and a counter: unique among concurrent writers, and never part of anything hashed.
    const tmp = `${dir}.partial-${process.pid}-${++partials}`;
    try {
      // (synchronous: an interrupt handled between an async mkdir and its callback would miss the new folder)
      mkdirSync(tmp);
      live.add(tmp);
      return tmp;
    } catch (e) {
      if (errno(e) === 'EEXIST' && attempt < 1000) continue;
      if (NOT_WRITABLE.has(errno(e) ?? '')) throw outError(dirArg, 'cannot create the run folder', e);
      throw e;
    }
  }
}

export async function writeRunDir(x: WriteRunInput): Promise<void> {
  const dir = path.resolve(x.dir);
  await checkOutDir(x.dir, x.force, x.keep);
  checkSourcePaths(x.strategy.sources);
  const tmp = makePartial(dir, x.dir);
  try {
    const signed = signedRecordBytes(x.outcome.recordBytes, x.key);
    // Rendered from result.pb's bytes, the rows read as they are written (not a million objects held at once).
    const result = streamedResult(x.outcome.resultBytes, x.outcome.result.equity, x.outcome.result.stats);
    // What this installation renders from this record is remembered as its rendering (hashed as it is
    // written), so a verify on this machine hashes those files instead of rendering them again
    // (audit/rendering-cache; docs/AUDIT.md, "What verify and replay trust").
    const renderings = new RenderingCache(cacheRoot(), signed, reportGenerator);
    const remembered: [string, { size: number; sha256: string }][] = [];
    // The times (made from the run's timeline when first read: run/execute withTimes) only where a rendering reads them.
    for (const f of RESULT_RENDERINGS) {
      if (f.onDemand && !(f.csv && x.csv?.includes(f.csv))) continue;
      const hash = createHash('sha256');
      const size = { n: 0 };
      await writeChunks(path.join(tmp, f.name), hashedChunks(f.chunks(result, f.usesTimes ? x.outcome.times : NO_TIMES), hash, size));
      remembered.push([f.name, { size: size.n, sha256: hash.digest('hex') }]);
    }
    // result.pb's rows are canonical: the encoder wrote them (verify counts, not reads, a remembered one's rows)
    remembered.push([FILES.result, { size: x.outcome.resultBytes.length, sha256: recordedResultSha256(x.outcome) }]);
    // and the module as its run instrumented it, under this record's settings (verify need not instrument it again)
    remembered.push([INSTRUMENTED_MODULE, { size: x.outcome.instrumentedWasm.length, sha256: createHash('sha256').update(x.outcome.instrumentedWasm).digest('hex') }]);
    const files: [string, string | Uint8Array][] = [
      [FILES.result, x.outcome.resultBytes],
      [FILES.config, configJson(x.config)],
      [FILES.leaves, Buffer.concat(x.outcome.trace.leafHashes)],
      [FILES.snapshots, renderSnapshotsJson(x.outcome.snapshots, x.outcome.snapshots.length > 0 ? x.outcome.times : NO_TIMES)],
      [FILES.recordJson, renderRecordJson(decodeSignedRecord(signed))],
    ];
    for (const [name, content] of files) await writeWhole(path.join(tmp, name), content);
    // the strategy's files: the same in every run of a sweep (linked from an earlier one when given)
    const strategyFiles: [string[], string | Uint8Array][] = [[[FILES.wasm], x.strategy.wasm]];
    if (x.strategy.lock?.bytes) strategyFiles.push([[FILES.lockfile], x.strategy.lock.bytes]);
    for (const s of x.strategy.sources) strategyFiles.push([[FILES.sources, ...s.path.split('/')], s.text]);
    const folders = new Set<string>([tmp]);
    for (const [parts, content] of strategyFiles) {
      const target = path.join(tmp, ...parts);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      if (x.linkStrategyFrom === undefined || !linked(path.join(x.linkStrategyFrom, ...parts), target)) await writeWhole(target, content);
    }
    await writeWhole(path.join(tmp, FILES.record), signed); // last: a folder without it is not a run
    const remember = async (name: string, written: string | Uint8Array | readonly Uint8Array[]): Promise<void> => {
      const parts = typeof written === 'string' || !Array.isArray(written) ? [written as string | Uint8Array] : written;
      const hash = createHash('sha256');
      let size = 0;
      for (const part of parts) {
        hash.update(part);
        size += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
      }
      remembered.push([name, { size, sha256: hash.digest('hex') }]);
    };
    await x.beforePublish?.(tmp, signed, remember);
    publish(tmp, dir, x);
    // only once published: a run that fails remembers nothing
    for (const [name, rendered] of remembered) await renderings.remember(name, rendered);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    live.delete(tmp);
  }
}

/**
 * One rename puts the complete folder in place. rename(2) onto a non-empty folder fails, so of
 * two writers only one wins; with --force the folder there is moved aside first and removed after.
 */
function publish(tmp: string, dir: string, x: WriteRunInput): void {
  for (let attempt = 0; attempt < 16; attempt++) {
    try {
      renameSync(tmp, dir);
      return;
    } catch (e) {
      if (errno(e) !== 'ENOTEMPTY' && errno(e) !== 'EEXIST') throw e;
    }
    if (!x.force) throw new UsageError('OUTPUT_EXISTS', `output folder ${x.dir} was written by another run meanwhile; pass --force to replace it`);
    // Checked again here: what appeared there since checkOutDir is replaced only if it is a run folder too.
    if (!replaceable(dir)) throw new UsageError('OUTPUT_EXISTS', `output folder ${x.dir} is not a run folder (no ${FILES.record}) and not empty; only a run folder or an empty folder is replaced, so it is left as it is`);
    const aside = `${dir}.replaced-${process.pid}-${++partials}`;
    try {
      renameSync(dir, aside);
    } catch (e) {
      if (errno(e) === 'ENOENT') continue; // another writer moved it first
      throw e;
    }
    rmSync(aside, { recursive: true, force: true });
  }
  throw new UsageError('OUTPUT_EXISTS', `output folder ${x.dir} kept being replaced by other runs`);
}

/**
 * Throws a usage error (exit 2) naming what `dir` is when it does not exist or is not a folder, or is a sweep folder (it holds sweep.json:
 * sweep/types SWEEP_FILES.plan) or a walk-forward folder (walk-forward.json: walk-forward/plan), with
 * one of its runs to name instead. run/ cannot import those modules, hence the file names here.
 */
async function refuseOtherFolder(dir: string): Promise<void> {
  // A path that is no folder at all is a slip of the command line (exit 2), never a tampered run (exit 5).
  const st = await stat(dir).catch((e: unknown) => errno(e) ?? String(e));
  if (typeof st === 'string') throw new UsageError('USAGE', `run folder ${dir} ${st === 'ENOENT' ? 'does not exist' : `cannot be read (${st})`}`);
  if (!st.isDirectory()) throw new UsageError('USAGE', `${dir} is not a folder: name a run folder`);
  const first = async (d: string): Promise<string | undefined> => (await readdir(d).catch(() => [] as string[])).sort()[0];
  const has = (name: string): Promise<boolean> => stat(path.join(dir, name)).then((st) => st.isFile(), () => false);
  let kind: string, run: string;
  if (await has('sweep.json')) {
    kind = 'a sweep folder';
    run = path.join(dir, 'runs', (await first(path.join(dir, 'runs'))) ?? '0000');
  } else if (await has('walk-forward.json')) {
    kind = 'a walk-forward folder';
    const windows = path.join(dir, 'windows');
    const w = (await first(windows)) ?? '0';
    const oos = path.join(windows, w, 'out-of-sample', 'runs'); // walk-forward/plan's WINDOW_SWEEPS.test
    run = path.join(oos, (await first(oos)) ?? '0000');
  } else return;
  throw new UsageError('USAGE', `${dir} is ${kind}, not a run folder: name one of its runs, e.g. ${run}`);
}

/** Largest file verify will read from a run folder (hostile input: bounded before reading). */
const MAX_FILE = 1 << 30;

export async function readRunFile(dir: string, name: string, step: string): Promise<Uint8Array> {
  const p = path.join(dir, name);
  let size: number;
  try {
    size = (await stat(p)).size;
  } catch {
    // A sweep or walk-forward folder named where a run folder is expected is a usage slip, not tampering.
    if (name === FILES.record) await refuseOtherFolder(dir);
    throw new AuditError('VERIFY_FAILED', step, `${name} is missing from run folder ${dir}`);
  }
  if (size > MAX_FILE) throw new AuditError('VERIFY_FAILED', step, `${name} is ${size} bytes, larger than any run file can be`);
  // A view, not a copy: result.pb is ~80 MB at 10M bars (readFile's Buffer owns its memory, no pool slice).
  const b = await readFile(p);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}
