/**
 * @module walk-forward/plan
 * The walk-forward plan (walk-forward.json, docs/WALK-FORWARD.md): the window rule, the data's span,
 * every window with its bar counts, and the base sweep plan (sweep/plan: the module, data, config,
 * grid and objective, on the whole data). From it, each window's in-sample sweep plan (the base plan
 * on the train window) and out-of-sample plan (one combination, the chosen params, on the test window).
 * Everything here is a function of the plan, the data's bar times and the in-sample results, so verify
 * derives it all again.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { isoTime } from '../model/bars.ts';
import { planText, ranked, type SummaryRow, type SweepPlan } from '../sweep/index.ts';
import { checkWindowBars, parseDuration, windowsOf, type Duration, type WalkWindow } from './windows.ts';

// @2: the window sweeps moved from windows/<w>/train and test to in-sample and out-of-sample (a folder named
// test/ is one `node --test` runs every .ts/.js file under); @1 folders are refused by name, not read.
export const WALK_FORWARD_PLAN_FORMAT = 'backproof-walk-forward-plan@2';
export const WALK_FORWARD_SUMMARY_FORMAT = 'backproof-walk-forward-summary@1';

/** The files of a walk-forward folder; windows/<w>/in-sample and windows/<w>/out-of-sample are sweep folders. */
export const WALK_FORWARD_FILES = {
  plan: 'walk-forward.json',
  windows: 'windows',
  equity: 'equity.csv',
  summary: 'summary.json',
  report: 'report.html',
  record: 'walk-forward-record.json',
} as const;

/**
 * A window's two sweep folders. Never `test`: test runners (node --test, and others by convention) run the
 * source files under any folder so named, and every run folder holds its strategy's sources.
 */
export const WINDOW_SWEEPS = { train: 'in-sample', test: 'out-of-sample' } as const;

/** A range of bar times as walk-forward.json writes it: ISO text for people, ns (decimal) exactly, and its bar count. */
export interface PlanRange {
  from: string;
  to: string;
  fromNs: string;
  toNs: string;
  bars: number;
}

export interface WalkForwardPlan {
  format: typeof WALK_FORWARD_PLAN_FORMAT;
  rule: { train: string; test: string; step: string; anchored: boolean; minBars: number };
  /** The data's first and last bar times and its bar count (the windows are derived from them). */
  span: { first: string; last: string; firstNs: string; lastNs: string; bars: number };
  windows: { index: number; train: PlanRange; test: PlanRange }[];
  /** The sweep plan every window's in-sample sweep is made from (on the whole data: no window). */
  sweep: SweepPlan;
}

export interface WalkRule {
  train: string;
  test: string;
  /** Default: the test duration. */
  step?: string;
  anchored: boolean;
  minBars: number;
}

/** The rule's durations (step: the test's when not given) and --min-bars, checked: a usage error naming the option. */
export function parseWalkRule(rule: WalkRule): { train: Duration; test: Duration; step: Duration } {
  const train = parseDuration(rule.train, '--train'), test = parseDuration(rule.test, '--test');
  const step = rule.step === undefined ? test : parseDuration(rule.step, '--step');
  if (!(Number.isSafeInteger(rule.minBars) && rule.minBars >= 1)) throw new UsageError('USAGE', `--min-bars must be a whole number ≥ 1, got ${rule.minBars}`);
  return { train, test, step };
}

const range = (w: { from: bigint; to: bigint }, bars: number): PlanRange => ({ from: isoTime(w.from), to: isoTime(w.to), fromNs: String(w.from), toNs: String(w.to), bars });

/**
 * The plan over the data's bar `times` (non-decreasing; one data file): the windows of the rule,
 * each range holding at least minBars bars (else a usage error naming it). `sweep` is the base plan.
 */
export function makeWalkForwardPlan(rule: WalkRule, sweep: SweepPlan, times: BigInt64Array): WalkForwardPlan {
  const { train, test, step } = parseWalkRule(rule);
  if (sweep.data.length !== 1) throw new UsageError('USAGE', `walk-forward takes one data file (--data), got ${sweep.data.length}`);
  if (sweep.dataOptions.window !== undefined) throw new UsageError('USAGE', 'the base sweep plan of a walk-forward reads the whole data (no window)');
  for (const g of sweep.space.grids) for (const v of g.values) gridSpecOf(g.name, v); // (any may be chosen: each must make a one-value grid)
  if (times.length === 0) throw new UsageError('USAGE', 'the data has no bars');
  const first = times[0]!, last = times[times.length - 1]!;
  const windows = windowsOf(first, last, { train, test, step, anchored: rule.anchored });
  const counts = checkWindowBars(windows, times, rule.minBars);
  return {
    format: WALK_FORWARD_PLAN_FORMAT,
    rule: { train: train.text, test: test.text, step: step.text, anchored: rule.anchored, minBars: rule.minBars },
    span: { first: isoTime(first), last: isoTime(last), firstNs: String(first), lastNs: String(last), bars: times.length },
    windows: windows.map((w, k) => ({ index: w.index, train: range(w.train, counts[k]!.train), test: range(w.test, counts[k]!.test) })),
    sweep,
  };
}

/** walk-forward.json's bytes: the plan's JSON text, keys in WalkForwardPlan's order, the base sweep plan as sweep.json writes it. */
export function walkForwardPlanText(p: WalkForwardPlan): string {
  const r = (x: PlanRange): PlanRange => ({ from: x.from, to: x.to, fromNs: x.fromNs, toNs: x.toNs, bars: x.bars });
  return JSON.stringify({
    format: p.format,
    rule: { train: p.rule.train, test: p.rule.test, step: p.rule.step, anchored: p.rule.anchored, minBars: p.rule.minBars },
    span: { first: p.span.first, last: p.span.last, firstNs: p.span.firstNs, lastNs: p.span.lastNs, bars: p.span.bars },
    windows: p.windows.map((w) => ({ index: w.index, train: r(w.train), test: r(w.test) })),
    sweep: JSON.parse(planText(p.sweep)) as unknown,
  }, null, 2) + '\n';
}

export const walkForwardPlanSha256 = (p: WalkForwardPlan): string => createHash('sha256').update(walkForwardPlanText(p)).digest('hex');

const windowOf = (r: PlanRange): { from: string; to: string } => ({ from: r.fromNs, to: r.toNs });

/** Window `w`'s in-sample sweep plan: the base plan on its train range. */
export function trainPlan(p: WalkForwardPlan, w: number): SweepPlan {
  const base = p.sweep;
  return { ...base, dataOptions: { ...base.dataOptions, window: windowOf(p.windows[w]!.train) } };
}

/** A number as a one-value grid spec: its shortest decimal text (the grids' values never have exponents). */
function gridSpecOf(name: string, v: number): string {
  const text = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new UsageError('USAGE', `parameter ${name}'s chosen value ${text} has no plain decimal form for a one-value grid`);
  return text;
}

/** Window `w`'s out-of-sample plan: one combination, `params`, each a one-value grid, on its test range. */
export function testPlan(p: WalkForwardPlan, w: number, params: Record<string, number>): SweepPlan {
  const base = p.sweep;
  return {
    ...base,
    dataOptions: { ...base.dataOptions, window: windowOf(p.windows[w]!.test) },
    space: { grids: base.space.grids.map((g) => ({ name: g.name, spec: gridSpecOf(g.name, params[g.name]!), values: [params[g.name]!] })), random: null, where: null },
    combinations: [{ index: 0, params }],
  };
}

/**
 * The in-sample combination chosen: the first of the rows ranked by the objective (sweep/summary
 * `ranked`: best value first, equal values by index, NaN last) — so with every value NaN, index 0.
 */
export function chosenRow(plan: SweepPlan, rows: readonly SummaryRow[]): SummaryRow {
  return ranked(plan, rows)[0]!;
}

/** The windows of the plan as data windows (ns). */
export function planWindows(p: WalkForwardPlan): WalkWindow[] {
  return p.windows.map((w) => ({ index: w.index, train: { from: BigInt(w.train.fromNs), to: BigInt(w.train.toNs) }, test: { from: BigInt(w.test.fromNs), to: BigInt(w.test.toNs) } }));
}

/** A window's folder name in windows/: its index zero-padded to max(3, digits of count − 1). */
export function windowFolderName(index: number, count: number): string {
  return String(index).padStart(Math.max(3, String(Math.max(0, count - 1)).length), '0');
}
