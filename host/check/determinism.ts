/**
 * @module check/determinism
 * `backproof check-determinism`: the same backtest run several ways (check/variants: this thread, a
 * guest thread, child processes under other time zones and locales, other trace leaf sizes, the
 * trace off), each way `runs` times, and every run compared with the reference (the first run on
 * this thread) by the hashes of its record: the result, the instruction and fuel counts, the trace's
 * bytes and — between runs of the same config — the trace root and the whole record. It reports
 * "identical", or the first run that differs, what differs, and, where both runs were traced, the
 * first differing instruction (inspect/divergence, as `backproof diff` finds it). Runs go through
 * the one runner (run/execute, run/worker); nothing here executes a guest itself.
 * docs/DETERMINISM.md.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AuditError, BackproofError, BuildError, DataError, SandboxError, UsageError, type ErrorCode } from '../errors.ts';
import type { DataFeed } from '../data/load.ts';
import type { DataOptions } from '../data/options.ts';
import { checkConfig, type RunConfig } from '../run/config.ts';
import { checkIsolation, executeRun, type StrategyArtifact } from '../run/execute.ts';
import { executeRunIsolated } from '../run/worker.ts';
import { loadStrategy } from '../run/strategy.ts';
import { locatorOf } from '../run/source-map.ts';
import { siblingModule } from '../paths.ts';
import { findDivergence, type Divergence, type Execution } from '../inspect/divergence.ts';
import { openJobData, plantedInputs, summaryOf, type CheckJob, type Plant, type RunSummary } from './job.ts';
import type { ProcessReply, Shown } from './process-entry.ts';
import { VARIANT_NAMES, VARIANTS, type Variant } from './variants.ts';

export interface DeterminismRequest {
  /** A strategy source (.ts, built with asc through the build cache) or a module (.wasm). */
  strategy: string;
  /** `[NAME=]FILE[@PERIOD]`, one per symbol. */
  data: readonly string[];
  dataOptions?: DataOptions;
  config: RunConfig;
  /** How many times each variant runs (default DEFAULT_RUNS). */
  runs?: number;
  /** The variants to run, by name (default all); `main`, the reference, always runs. */
  variants?: readonly string[];
  /** Each run's wall-clock watchdog (default 600 s). */
  timeoutMs?: number;
  /** Where every variant's guest runs: v8 (default), wasi or process (`--isolation`, docs/RUNTIMES.md). */
  isolation?: string;
  /** Tests only: a divergence planted in one variant (check/job Plant). */
  plant?: Plant;
}

/** One run of one variant. */
export interface VariantRun {
  /** `worker`, or `worker#2` for its second run. */
  label: string;
  variant: string;
  run: number;
  where: Variant['where'];
  chunkSize: number;
  trace: RunConfig['trace'];
  /** A child process's environment as set (over this process's); null for a run in this process. */
  env: Record<string, string> | null;
  /** What Node showed of its environment in that process; null for a run in this process. */
  shown: Shown | null;
  summary: RunSummary | null;
  /** The typed error the run ended with, when it did (a divergence: the reference ran). */
  error: { code: string; message: string } | null;
}

export type Field = 'error' | 'result' | 'instructions' | 'fuelUsed' | 'traceBytes' | 'traceRoot' | 'record';

export interface Difference {
  field: Field;
  /** The run it was compared with: the reference, or (traceRoot, record) the first run of the same config. */
  against: string;
  expected: string;
  actual: string;
}

export interface FirstDivergence {
  /** The first run (in the order they are compared) that differs. */
  label: string;
  differences: Difference[];
  /** The first differing instruction (inspect/divergence); null when a side was not traced or the traces agree. */
  divergence: Divergence | null;
  /** Why there is no instruction, when there is none. */
  note: string | null;
}

export interface DeterminismReport {
  identical: boolean;
  runsPerVariant: number;
  runs: VariantRun[];
  /** What was compared, in words (the fields and between which runs). */
  compared: string[];
  first: FirstDivergence | null;
  /** Environments that did not show in their process (that variant then checked less than it says). */
  notes: string[];
}

export const DEFAULT_RUNS = 2;
export const MAX_RUNS = 100;
/** Child processes running at once (each runs its backtest on a guest thread of its own). */
const PROCESSES_AT_ONCE = 2;

export async function checkDeterminism(r: DeterminismRequest): Promise<DeterminismReport> {
  const isolation = checkIsolation(r.isolation); // a UsageError naming --isolation before any file is read
  const runs = r.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new UsageError('USAGE', `--runs must be a whole number in 1..${MAX_RUNS}, got ${runs}`);
  const unknown = (r.variants ?? []).filter((v) => !VARIANT_NAMES.includes(v));
  if (unknown.length > 0) throw new UsageError('USAGE', `unknown variant ${unknown.map((v) => `"${v}"`).join(', ')}; the variants are ${VARIANT_NAMES.join(', ')}`);
  if (r.plant && !VARIANT_NAMES.includes(r.plant.variant)) throw new UsageError('USAGE', `the planted variant "${r.plant.variant}" is not a variant`);
  const chosen = VARIANTS.filter((v) => v.name === 'main' || !r.variants || r.variants.includes(v.name));
  const config = checkConfig(r.config);
  const feeds = await openJobData({ data: r.data, dataOptions: r.dataOptions ?? {} });
  const artifact = await loadStrategy(r.strategy);
  // Its source map too (no run records it): a variant's fault then names its source line, as backtest's does.
  const strategy: StrategyArtifact = {
    wasm: artifact.wasm, sources: artifact.sources, ...(artifact.lock ? { lock: artifact.lock } : {}), ...(artifact.sourceMap !== undefined ? { sourceMap: artifact.sourceMap } : {}),
  };
  const job: CheckJob = { strategy, data: r.data, dataOptions: r.dataOptions ?? {}, config, timeoutMs: r.timeoutMs ?? 600_000, isolation };

  // Child processes start first and run meanwhile, a few at a time; every run is compared in the table's order.
  const order = Array.from({ length: runs }, (_, k) => chosen.map((variant) => ({ variant, run: k + 1 }))).flat();
  // A failure of the reference (or a bug) ends the child processes still running, and starts no more.
  const stop = new AbortController();
  const slots = limiter(PROCESSES_AT_ONCE);
  const pending = order.map(({ variant, run }) => (variant.where === 'process' ? slots(() => runVariant(job, feeds, variant, run, r.plant, stop.signal)) : null));
  for (const p of pending) p?.catch(() => {}); // (awaited below, in order)
  const done: VariantRun[] = [];
  try {
    for (const [i, { variant, run }] of order.entries()) {
      const made = await (pending[i] ?? runVariant(job, feeds, variant, run, r.plant, stop.signal));
      if (i === 0 && made.error) throw made.error.thrown;
      done.push(made.run);
    }
  } catch (e) {
    stop.abort();
    throw e;
  }
  const compared = [
    'every run against main: the result (SHA-256 of result.pb), the instructions, the fuel used, and between traced runs the trace bytes',
    'every run against the first run of its config (leaf size, trace on or off): the trace root and the record (SHA-256 of the unsigned record)',
  ];
  const notes = done.flatMap((v) => {
    const shows = VARIANTS.find((x) => x.name === v.variant)?.shows;
    const missed = v.shown && shows && ((shows.timeZone && shows.timeZone !== v.shown.timeZone) || (shows.locale && shows.locale !== v.shown.locale));
    return missed ? [`${v.label}: Node there showed time zone ${v.shown!.timeZone} and locale ${v.shown!.locale}, not ${shows.timeZone ?? '-'} and ${shows.locale ?? '-'}: its environment did not take effect`] : [];
  });
  for (const v of done) {
    const differences = differencesOf(done, v);
    if (differences.length === 0) continue;
    const { divergence, note } = await locate(done, v, differences, { strategy: artifact, feeds, config, plant: r.plant });
    return { identical: false, runsPerVariant: runs, runs: done, compared, first: { label: v.label, differences, divergence, note }, notes };
  }
  return { identical: true, runsPerVariant: runs, runs: done, compared, first: null, notes };
}

/** A run of a variant, or its typed error (kept to be thrown when it is the reference's). */
async function runVariant(job: CheckJob, feeds: DataFeed[], variant: Variant, run: number, plant: Plant | undefined, signal: AbortSignal): Promise<{ run: VariantRun; error: { thrown: BackproofError } | null }> {
  const config: RunConfig = { ...job.config, ...variant.config };
  const base: VariantRun = {
    label: run === 1 ? variant.name : `${variant.name}#${run}`, variant: variant.name, run, where: variant.where, chunkSize: config.chunkSize, trace: config.trace,
    env: variant.where === 'process' ? { ...variant.env } : null, shown: null, summary: null, error: null,
  };
  try {
    if (variant.where === 'process') {
      signal.throwIfAborted();
      const { summary, shown } = await runInProcess({ ...job, config }, variant, plant, signal);
      return { run: { ...base, summary, shown }, error: null };
    }
    const inputs = plantedInputs(variant.name, variant.stream ? await openJobData(job, true) : feeds, config, plant);
    const outcome = variant.where === 'main'
      ? executeRun({ strategy: job.strategy, data: inputs.feeds, config: inputs.config, isolation: job.isolation })
      : await executeRunIsolated({ strategy: job.strategy, data: inputs.feeds, config: inputs.config, logLevel: 'silent', isolation: job.isolation }, { timeoutMs: job.timeoutMs });
    return { run: { ...base, summary: summaryOf(outcome) }, error: null };
  } catch (e) {
    // A typed error is an outcome of the run (a fault, the watchdog); anything else is a bug here.
    if (!(e instanceof BackproofError)) throw e;
    return { run: { ...base, error: { code: e.code, message: e.message } }, error: { thrown: e } };
  }
}

const ERRORS = { UsageError, DataError, BuildError, SandboxError } as unknown as Record<string, new (code: ErrorCode, message: string) => BackproofError>;

/** The job in a child process of its own (check/process-entry) under the variant's environment. */
function runInProcess(job: CheckJob, variant: Variant, plant: Plant | undefined, signal: AbortSignal): Promise<{ summary: RunSummary; shown: Shown }> {
  return new Promise((resolve, reject) => {
    // How this process strips TypeScript, when it needs an option to (Node < 22.18): the entry is .ts in the repository.
    const stripping = process.execArgv.filter((a) => a === '--experimental-strip-types' || a === '--experimental-transform-types');
    const child = spawn(process.execPath, [...stripping, fileURLToPath(siblingModule('process-entry', import.meta.url))], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', env: { ...process.env, ...variant.env }, windowsHide: true, signal,
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4096)));
    let replied = false;
    child.on('message', (m: ProcessReply) => {
      replied = true;
      if ('value' in m) return resolve(m.value);
      const e = m.error;
      if (e.kind === 'AuditError') return reject(new AuditError(e.code as never, e.step ?? 'run', e.message));
      const Cls = ERRORS[e.kind];
      reject(Cls ? new Cls(e.code as ErrorCode, e.message) : new Error(`${e.message}\n${e.stack ?? ''}`));
    });
    child.on('error', (e) => {
      if (!replied) reject(new Error(`cannot start the checker's process (${process.execPath}): ${e.message}`, { cause: e }));
      replied = true;
    });
    // 'close', not 'exit': after the IPC channel too, so a reply sent just before the exit is read first.
    child.on('close', (code, signal) => {
      if (!replied) reject(new Error(`the checker's process (${variant.name}) exited (${signal ?? `code ${code}`}) without a result${stderr ? `:\n${stderr.trim()}` : ''}`));
      replied = true;
    });
    child.send({ job, variant: variant.name, plant });
  });
}

/** A function that runs at most `n` of the tasks given to it at once, the others queued in order. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return (task) => new Promise((resolve, reject) => {
    const start = (): void => {
      running++;
      task().then(resolve, reject).finally(() => {
        running--;
        queue.shift()?.();
      });
    };
    if (running < n) start();
    else queue.push(start);
  });
}

const traced = (v: VariantRun): boolean => v.trace === 'full';
const sameConfig = (a: VariantRun, b: VariantRun): boolean => a.chunkSize === b.chunkSize && a.trace === b.trace;

/** How `v` differs from the reference (the first run) and from the first run of its own config. */
function differencesOf(done: readonly VariantRun[], v: VariantRun): Difference[] {
  const ref = done[0]!;
  if (v === ref) return [];
  if (v.error) return [{ field: 'error', against: ref.label, expected: 'no error', actual: `${v.error.code}: ${v.error.message}` }];
  const a = ref.summary!, b = v.summary!;
  const out: Difference[] = [];
  const check = (field: Field, against: VariantRun, x: string | bigint | number, y: string | bigint | number): void => {
    if (x !== y) out.push({ field, against: against.label, expected: String(x), actual: String(y) });
  };
  check('result', ref, a.resultSha256, b.resultSha256);
  check('instructions', ref, a.instructions, b.instructions);
  check('fuelUsed', ref, a.fuelUsed, b.fuelUsed);
  // The stream is the same whatever the leaf size (keyframes come per MiB of stream, not per leaf).
  if (traced(ref) && traced(v)) check('traceBytes', ref, a.traceBytes, b.traceBytes);
  const peer = done.find((p) => sameConfig(p, v))!;
  if (peer !== v) {
    if (traced(v)) check('traceRoot', peer, peer.summary!.traceRoot, b.traceRoot);
    check('record', peer, peer.summary!.recordSha256, b.recordSha256);
  }
  return out;
}

/**
 * The first differing instruction of `v` and the run it differs from, by the divergence finder: both
 * re-executed here, on guest threads, on their inputs (a child process's are the same files and
 * config, re-read here: a difference its environment alone made is not reproduced, and the finder
 * then says its re-execution does not give its trace).
 */
async function locate(done: readonly VariantRun[], v: VariantRun, differences: readonly Difference[], inputs: { strategy: StrategyArtifact; feeds: DataFeed[]; config: RunConfig; plant: Plant | undefined }): Promise<{ divergence: Divergence | null; note: string | null }> {
  if (v.error) return { divergence: null, note: `${v.label} ended with an error: it has no trace to compare` };
  const byRoot = differences.find((d) => d.field === 'traceRoot');
  const other = done.find((p) => p.label === (byRoot ?? differences[0]!).against)!;
  if (!traced(v) || !traced(other)) return { divergence: null, note: `${traced(v) ? other.label : v.label} ran without a trace: no instruction to compare` };
  const locateSource = locatorOf(inputs.strategy.wasm, inputs.strategy.sourceMap, true);
  const side = (run: VariantRun): Execution => {
    const planted = plantedInputs(run.variant, inputs.feeds, { ...inputs.config, chunkSize: run.chunkSize, trace: run.trace }, inputs.plant);
    return { label: run.label, wasm: inputs.strategy.wasm, feeds: planted.feeds, config: planted.config, leafHashes: run.summary!.leafHashes, locate: locateSource };
  };
  const divergence = await findDivergence(side(other), side(v));
  return divergence
    ? { divergence, note: null }
    : { divergence: null, note: `the traces of ${other.label} and ${v.label} are identical: both executed the same instructions on the same addresses; what differs was made by the host` };
}
