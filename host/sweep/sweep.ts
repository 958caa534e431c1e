/**
 * @module sweep/sweep
 * One sweep, from options to a published sweep folder: what `backproof sweep` does. Everything that
 * can be refused is checked before any run (the grids, --where, the objective, the count, the data,
 * the output folder); the strategy is built or read once and the data read once; the plan is written
 * first, then every combination runs on the local pool (sweep/run), then the summary, record and
 * report (sweep/assemble). All of it in a partial folder beside --out, renamed into place at the end:
 * a sweep that fails or is interrupted leaves nothing at --out.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { PROGRESS_DONE, PROGRESS_TOTAL, writeProgress, type ProgressCounter } from '../engine/progress.ts';
import { openData, type DataFeed } from '../data/load.ts';
import { parseDataSpec, type DataOptions } from '../data/options.ts';
import type { RunConfig } from '../run/config.ts';
import { checkIsolation, type RunInput, type StrategyArtifact } from '../run/execute.ts';
import { checkOutDir } from '../run/rundir.ts';
import { removeStalePartials } from '../run/partials.ts';
import { loadStrategy } from '../run/strategy.ts';
import { makePlan, parseObjective, planText } from './plan.ts';
import { parseGrids, parseSeed } from './space.ts';
import { prepareSweep, prepareSweepThreads, runCombinations, stopWriters } from './run.ts';
import { assembleSweep, type AssembledSweep } from './assemble.ts';
import { DEFAULT_MAX_COMBINATIONS, SWEEP_FILES, type CombinationResult, type SweepObjective, type SweepPlan, type SweepSpace } from './types.ts';

export interface SweepRequest {
  strategy: string;
  data: readonly string[];
  dataOptions?: DataOptions;
  /** The config every run shares (params empty: they come from the grids). */
  config: RunConfig;
  /** `--grid NAME=SPEC` texts. */
  grids: readonly string[];
  /** `--samples N --seed S`: random search; both or neither. */
  samples?: number;
  seed?: string;
  where?: string;
  /** `--objective STAT[:max|:min]`. */
  objective: string;
  out: string;
  /** Combinations at once (default: the machine's available parallelism). */
  workers?: number;
  key: KeyObject | null;
  maxCombinations?: number;
  timeoutMs?: number;
  /**
   * Where every combination's guest executes (`--isolation`: v8, wasi, process; default v8). Not in the
   * plan nor any record: the runs, summary and sweep root are the same under each (docs/RUNTIMES.md).
   * Not with `runAll`: a queue's workers choose their own (`backproof worker --isolation`).
   */
  isolation?: string;
  /** Told each finished combination (completion order) and how many are done. */
  onDone?: (r: CombinationResult, done: number, count: number) => void;
  /** Where the runs done and their count are written, for a progress display (engine/progress; changes nothing in a run). */
  progress?: ProgressCounter;
  /** Told the plan once it is made, before any run. */
  onPlan?: (plan: SweepPlan) => void;
  /**
   * Runs every combination instead of the local pool (e.g. on a queue: host/distributed): each run's
   * folder written at runDirOf(sweepDir, plan, index); resolves to one result per combination, any order.
   */
  runAll?: (x: { plan: SweepPlan; strategy: StrategyArtifact; feeds: readonly DataFeed[]; sweepDir: string; onDone: (r: CombinationResult) => void }) => Promise<CombinationResult[]>;
}

export interface SweepReport extends AssembledSweep {
  plan: SweepPlan;
  dir: string;
}

/** The partial sweep folders this process is writing, for removeSweepPartials on an interrupt. */
const live = new Set<string>();
let partials = 0;

/** Removes the partial sweep folders this process is writing (synchronously: from a SIGINT or SIGTERM handler). */
export function removeSweepPartials(): void {
  if (live.size > 0) stopWriters(); // the guest threads first: none may write into a folder once it is removed
  for (const tmp of live) rmSync(tmp, { recursive: true, force: true });
  live.clear();
}

/**
 * Checks, before any run, that `out` can be made (run/rundir checkOutDir), first that it does not exist:
 * a sweep or walk-forward never replaces anything (there is no --force), so the message says what is there.
 */
export async function checkNewOutDir(out: string, keep: readonly string[], what: 'sweep' | 'walk-forward'): Promise<void> {
  const st = await lstat(out).catch(() => null);
  if (st) throw new UsageError('OUTPUT_EXISTS', `--out ${out} already exists (${st.isDirectory() ? 'a folder' : 'a file'}); a ${what} is never written over anything: name a new folder, or remove that one first`);
  await checkOutDir(out, false, keep);
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The options a sweep's request says, checked before anything is read (walk-forward checks its own with it too). */
export function sweepOptions(r: Pick<SweepRequest, 'grids' | 'samples' | 'seed' | 'where' | 'objective' | 'maxCombinations' | 'workers' | 'isolation'>): { space: SweepSpace; objective: SweepObjective; maxCombinations: number; workers: number; isolation: NonNullable<RunInput['isolation']> } {
  const grids = parseGrids(r.grids);
  if ((r.samples === undefined) !== (r.seed === undefined)) throw new UsageError('USAGE', 'random search needs both --samples N and --seed S');
  if (r.samples !== undefined && !(Number.isSafeInteger(r.samples) && r.samples >= 1)) throw new UsageError('USAGE', `--samples must be a whole number ≥ 1, got ${r.samples}`);
  const random = r.samples === undefined ? null : { samples: r.samples, seed: parseSeed(r.seed!) };
  const objective = parseObjective(r.objective);
  const maxCombinations = r.maxCombinations ?? DEFAULT_MAX_COMBINATIONS;
  if (!(Number.isSafeInteger(maxCombinations) && maxCombinations >= 1)) throw new UsageError('USAGE', `--max-combinations must be a whole number ≥ 1, got ${maxCombinations}`);
  const workers = r.workers ?? defaultWorkers();
  if (!(Number.isSafeInteger(workers) && workers >= 1 && workers <= 256)) throw new UsageError('USAGE', `--workers must be a whole number from 1 to 256, got ${workers}`);
  return { space: { grids, random, where: r.where ?? null }, objective, maxCombinations, workers, isolation: checkIsolation(r.isolation) };
}

export async function sweep(r: SweepRequest): Promise<SweepReport> {
  // usage first: nothing is read before the options are known to be good
  const { space, objective, maxCombinations, workers, isolation } = sweepOptions(r);
  if (r.data.length === 0) throw new UsageError('USAGE', 'a sweep needs at least one data file (--data)');
  if (r.runAll && r.isolation !== undefined)
    throw new UsageError('USAGE', '--isolation and --queue: with --queue the combinations run on "backproof worker" processes, each running its guests where its own --isolation says');

  // the workers' threads start, and load what a run needs, while the strategy and data are read
  if (!r.runAll) prepareSweepThreads(workers);
  const building = loadStrategy(r.strategy);
  building.catch(() => {}); // (awaited below, after the data: a data error comes first, as in a backtest)
  const data: { spec: string; feed: DataFeed }[] = [];
  for (const spec of r.data) {
    const { symbol, file, period } = parseDataSpec(spec);
    const feed = await openData(file, period === undefined ? r.dataOptions ?? {} : { ...r.dataOptions, period });
    if (symbol) feed.symbol = symbol;
    data.push({ spec, feed });
  }
  const strategy = await building;
  const plan = makePlan({ strategyFile: r.strategy, strategy, data, dataOptions: r.dataOptions ?? {}, config: r.config, space, objective, maxCombinations });
  const keep = [r.strategy, ...data.map((d) => d.feed.path)];
  await checkNewOutDir(r.out, keep, 'sweep');
  r.onPlan?.(plan);

  const dir = path.resolve(r.out);
  removeStalePartials(dir); // a sweep into this folder killed before (SIGKILL) left its partial folder: nothing else would remove it
  const tmp = `${dir}.partial-${process.pid}-${++partials}`;
  mkdirSync(path.dirname(dir), { recursive: true }); // (checkOutDir found the nearest existing ancestor writable)
  mkdirSync(tmp); // synchronously: an interrupt between an async mkdir and its callback would miss it
  live.add(tmp);
  try {
    await writeFile(path.join(tmp, SWEEP_FILES.plan), planText(plan));
    let done = 0;
    if (r.progress) writeProgress(r.progress, PROGRESS_TOTAL, plan.combinations.length);
    const onDone = (c: CombinationResult): void => {
      done++;
      if (r.progress) writeProgress(r.progress, PROGRESS_DONE, done);
      r.onDone?.(c, done, plan.combinations.length);
    };
    const feeds = data.map((d) => d.feed);
    const results = r.runAll
      ? await r.runAll({ plan, strategy, feeds, sweepDir: tmp, onDone })
      : await runCombinations(plan, { sweepDir: tmp, key: r.key, context: await prepareSweep(plan, { strategy, data: feeds }), workers, timeoutMs: r.timeoutMs, isolation, onDone });
    // the results name the partial folder; the published one is `dir`
    const published = results.map((c) => ({ ...c, runDir: path.join(dir, path.relative(tmp, c.runDir)) }));
    const made = await assembleSweep(plan, published, { dir: tmp, key: r.key });
    await rename(tmp, dir).catch((e) => {
      throw new UsageError('OUTPUT_EXISTS', `output folder ${r.out} was written meanwhile (${(e as NodeJS.ErrnoException).code}); the sweep is not published`, { cause: e });
    });
    return { ...made, plan, dir: r.out };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    live.delete(tmp);
  }
}
