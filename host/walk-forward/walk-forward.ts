/**
 * @module walk-forward/walk-forward
 * `backproof walk-forward`: for each window, a sweep of the grid on its train range (every
 * combination an audited run: sweep/run's pool), the best by the objective chosen, and that choice run
 * on its test range (a one-combination sweep); then the stitched out-of-sample equity, the summary,
 * the report and one signed record over every run (sweep/record). Usage is checked before anything is
 * run; everything is made in a partial folder beside --out and renamed into place at the end.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { openData, sourceOfFeed, type DataFeed } from '../data/load.ts';
import { parseDataSpec } from '../data/options.ts';
import { decodeResult } from '../audit/codec.ts';
import { PROGRESS_DONE, PROGRESS_TOTAL, writeProgress } from '../engine/progress.ts';
import type { RunInput, StrategyArtifact } from '../run/execute.ts';
import { loadStrategy } from '../run/strategy.ts';
import { removeStalePartials } from '../run/partials.ts';
import {
  assembleSweep, checkNewOutDir, stopWriters, makePlan, planText, prepareSweep, runCombinations, runDirOf, sweepOptions, makeSweepRecord, sweepRecordText, sweepRoot,
  SWEEP_FILES, type CombinationResult, type SummaryRow, type SweepPlan, type SweepRecord, type SweepRequest,
} from '../sweep/index.ts';
import {
  chosenRow, makeWalkForwardPlan, parseWalkRule, planWindows, testPlan, trainPlan, walkForwardPlanSha256, walkForwardPlanText, windowFolderName,
  WALK_FORWARD_FILES, WINDOW_SWEEPS, type WalkForwardPlan, type WalkRule,
} from './plan.ts';
import { equityCsv, stitchEquity, walkForwardLeaves, walkForwardSummary, type WindowResult } from './stitch.ts';
import { renderWalkForwardReport } from './report.ts';

/** A sweep's request (one `--data` spec) and the window rule. */
export interface WalkForwardRequest extends Pick<SweepRequest, 'strategy' | 'data' | 'dataOptions' | 'config' | 'grids' | 'samples' | 'seed' | 'where' | 'objective' | 'out' | 'workers' | 'key' | 'maxCombinations' | 'timeoutMs' | 'progress' | 'isolation'> {
  rule: WalkRule;
  onPlan?: (plan: WalkForwardPlan) => void;
  /** Told each finished run: its window, whether in- or out-of-sample, and the result. */
  onDone?: (window: number, side: 'train' | 'test', r: CombinationResult) => void;
}

export interface WalkForwardReport {
  plan: WalkForwardPlan;
  record: SweepRecord;
  windows: WindowResult[];
  stitched: Float64Array[];
  dir: string;
}

/** The partial walk-forward folders this process is writing (removeWalkForwardPartials on an interrupt). */
const live = new Set<string>();
let partials = 0;

/** Removes the partial walk-forward folders this process is writing (synchronously: from a signal handler). */
export function removeWalkForwardPartials(): void {
  if (live.size > 0) stopWriters(); // the guest threads first: a run folder written after the removal would make the folder again
  for (const tmp of live) rmSync(tmp, { recursive: true, force: true });
  live.clear();
}

/** Window `w`'s train and test sweep folders in the walk-forward folder `dir`. */
export function windowDirs(dir: string, plan: WalkForwardPlan, w: number): { train: string; test: string } {
  const base = path.join(dir, WALK_FORWARD_FILES.windows, windowFolderName(w, plan.windows.length));
  return { train: path.join(base, WINDOW_SWEEPS.train), test: path.join(base, WINDOW_SWEEPS.test) };
}

/** Every bar time of `feed` (a streamed file's chunk by chunk), in file order. */
export function feedTimes(feed: DataFeed): BigInt64Array {
  const chunks: BigInt64Array[] = [];
  let n = 0;
  const src = sourceOfFeed(feed);
  for (let c = src.next(); c; c = src.next()) {
    chunks.push(c.time.slice());
    n += c.length;
  }
  const out = new BigInt64Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The times of `times` inside window [from, to). */
export function timesIn(times: BigInt64Array, from: bigint, to: bigint): BigInt64Array {
  return times.filter((t) => t >= from && t < to);
}

/** The out-of-sample run's equity (result.pb: one value per bar of the test range). */
export async function testEquity(testDir: string, plan: SweepPlan): Promise<Float64Array> {
  return Float64Array.from(decodeResult(new Uint8Array(await readFile(path.join(runDirOf(testDir, plan, 0), 'result.pb')))).equity);
}

interface SweepRunner {
  strategy: StrategyArtifact;
  key: KeyObject | null;
  workers: number;
  timeoutMs?: number;
  isolation: RunInput['isolation'];
}

/** One window's sweep folder (train or test): sweep.json, every run, then S's summary, report and record. */
async function runWindowSweep(plan: SweepPlan, dir: string, x: SweepRunner, onDone: (r: CombinationResult) => void): Promise<SummaryRow[]> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, SWEEP_FILES.plan), planText(plan));
  const context = await prepareSweep(plan, { strategy: x.strategy });
  const results = await runCombinations(plan, { sweepDir: dir, key: x.key, context, workers: x.workers, timeoutMs: x.timeoutMs, isolation: x.isolation, onDone });
  return (await assembleSweep(plan, results, { dir, key: x.key })).rows;
}

export async function walkForward(r: WalkForwardRequest): Promise<WalkForwardReport> {
  // usage first: nothing is read before the options are known to be good
  const { space, objective, maxCombinations, workers, isolation } = sweepOptions(r);
  if (r.data.length !== 1) throw new UsageError('USAGE', `walk-forward takes exactly one data file (--data), got ${r.data.length}`);
  if (r.dataOptions?.window !== undefined) throw new UsageError('USAGE', 'walk-forward makes its own data windows');
  parseWalkRule(r.rule); // (makeWalkForwardPlan parses it again, with the data)

  const building = loadStrategy(r.strategy);
  building.catch(() => {}); // (awaited below, after the data: a data error comes first, as in a backtest)
  const spec = r.data[0]!;
  const { symbol, file, period } = parseDataSpec(spec);
  const feed = await openData(file, period === undefined ? r.dataOptions ?? {} : { ...r.dataOptions, period });
  if (symbol) feed.symbol = symbol;
  const strategy = await building;
  const sweepPlan = makePlan({ strategyFile: r.strategy, strategy, data: [{ spec, feed }], dataOptions: r.dataOptions ?? {}, config: r.config, space, objective, maxCombinations });
  const times = feedTimes(feed);
  const plan = makeWalkForwardPlan(r.rule, sweepPlan, times);
  await checkNewOutDir(r.out, [r.strategy, feed.path], 'walk-forward');
  r.onPlan?.(plan);

  const dir = path.resolve(r.out);
  removeStalePartials(dir); // (as a sweep: one killed before left its partial folder)
  const tmp = `${dir}.partial-${process.pid}-${++partials}`;
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(tmp);
  live.add(tmp);
  try {
    const planBytes = walkForwardPlanText(plan);
    await writeFile(path.join(tmp, WALK_FORWARD_FILES.plan), planBytes);
    const runner: SweepRunner = { strategy, key: r.key, workers, timeoutMs: r.timeoutMs, isolation };
    const windows: WindowResult[] = [];
    const testTimes: BigInt64Array[] = [];
    let done = 0;
    if (r.progress) writeProgress(r.progress, PROGRESS_TOTAL, plan.windows.length * (plan.sweep.combinations.length + 1));
    const onDone = (w: number, side: 'train' | 'test') => (c: CombinationResult): void => {
      if (r.progress) writeProgress(r.progress, PROGRESS_DONE, ++done);
      r.onDone?.(w, side, c);
    };
    for (const w of planWindows(plan)) {
      const dirs = windowDirs(tmp, plan, w.index);
      const isPlan = trainPlan(plan, w.index);
      const train = await runWindowSweep(isPlan, dirs.train, runner, onDone(w.index, 'train'));
      const chosen = chosenRow(isPlan, train);
      const oosPlan = testPlan(plan, w.index, chosen.params);
      const [test] = await runWindowSweep(oosPlan, dirs.test, runner, onDone(w.index, 'test'));
      windows.push({ index: w.index, train, chosen, test: test!, equity: await testEquity(dirs.test, oosPlan) });
      testTimes.push(timesIn(times, w.test.from, w.test.to));
    }
    const made = await assembleWalkForward(plan, windows, testTimes, { dir: tmp, key: r.key });
    await rename(tmp, dir).catch((e) => {
      throw new UsageError('OUTPUT_EXISTS', `output folder ${r.out} was written meanwhile (${(e as NodeJS.ErrnoException).code}); the walk-forward is not published`, { cause: e });
    });
    return { plan, record: made.record, windows, stitched: made.stitched, dir: r.out };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    live.delete(tmp);
  }
}

/** equity.csv, summary.json and report.html: from the plan, the windows' results and the record alone (verify writes them again). */
export function walkForwardTexts(plan: WalkForwardPlan, windows: readonly WindowResult[], testTimes: readonly BigInt64Array[], record: SweepRecord): { stitched: Float64Array[]; equity: string; summary: string; report: string } {
  const stitched = stitchEquity(plan.sweep.config.cash as number, windows);
  return { stitched, equity: equityCsv(testTimes, stitched), summary: walkForwardSummary(plan, windows, stitched), report: renderWalkForwardReport(plan, windows, stitched, testTimes, record) };
}

/** Writes equity.csv, summary.json, report.html and (last) walk-forward-record.json — the root over every run — into `opts.dir`. */
async function assembleWalkForward(plan: WalkForwardPlan, windows: readonly WindowResult[], testTimes: readonly BigInt64Array[], opts: { dir: string; key: KeyObject | null }): Promise<{ record: SweepRecord; stitched: Float64Array[] }> {
  const leaves = walkForwardLeaves(windows);
  const record = makeSweepRecord(walkForwardPlanSha256(plan), leaves.length, sweepRoot(leaves), opts.key);
  const made = walkForwardTexts(plan, windows, testTimes, record);
  await writeFile(path.join(opts.dir, WALK_FORWARD_FILES.equity), made.equity);
  await writeFile(path.join(opts.dir, WALK_FORWARD_FILES.summary), made.summary);
  await writeFile(path.join(opts.dir, WALK_FORWARD_FILES.report), made.report);
  await writeFile(path.join(opts.dir, WALK_FORWARD_FILES.record), sweepRecordText(record)); // last: a folder without it is no walk-forward
  return { record, stitched: made.stitched };
}
