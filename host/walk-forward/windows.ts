/**
 * @module walk-forward/windows
 * Durations (`2y`, `6m`, `2w`, `10d`) and the walk-forward windows they make over the data's first and
 * last bar times (docs/WALK-FORWARD.md, "Windows"). Calendar arithmetic on the proleptic Gregorian
 * calendar in UTC, in integers (days since the epoch, ns within the day): no Date, locale or zone.
 */
import { UsageError } from '../errors.ts';
import { NS_PER_DAY, isoTime } from '../model/bars.ts';
import type { DataWindow } from '../data/window.ts';
import { daysFromCivil } from '../data/time.ts';

/** A duration: `count` months (y = 12 m) or days (w = 7 d). */
export interface Duration {
  text: string;
  count: number;
  unit: 'month' | 'day';
}

/** `--train 2y`: a whole number from 1 to 9999 and a unit y, m, w or d. Anything else is a usage error naming the option. */
export function parseDuration(text: string, option: string): Duration {
  const m = /^([1-9][0-9]{0,3})([ymwd])$/.exec(text);
  if (!m) throw new UsageError('USAGE', `${option} "${text}": expected a whole number (1..9999) and a unit y, m, w or d, e.g. 2y, 6m, 4w, 30d`);
  const n = Number(m[1]);
  const unit = m[2]!;
  return unit === 'y' ? { text, count: 12 * n, unit: 'month' } : unit === 'm' ? { text, count: n, unit: 'month' } : unit === 'w' ? { text, count: 7 * n, unit: 'day' } : { text, count: n, unit: 'day' };
}

/** The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days; data/time daysFromCivil is its inverse). */
function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/**
 * `t` plus `times` × `d`: days add 86 400 s each; months move the calendar month and keep the day
 * of the month, clamped to the month's last day (Jan 31 + 1m = Feb 28 or 29), and the time of day.
 */
export function addDuration(t: bigint, d: Duration, times = 1): bigint {
  const n = d.count * times;
  if (d.unit === 'day') return t + BigInt(n) * NS_PER_DAY;
  let day = t / NS_PER_DAY;
  if (day * NS_PER_DAY > t) day -= 1n; // floor for times before the epoch
  const nsOfDay = t - day * NS_PER_DAY;
  const { y, m, d: dom } = civilFromDays(Number(day));
  const months = y * 12 + (m - 1) + n;
  const ny = Math.floor(months / 12), nm = (months % 12) + 1;
  return BigInt(daysFromCivil(ny, nm, Math.min(dom, daysInMonth(ny, nm)))) * NS_PER_DAY + nsOfDay;
}

/** One walk-forward window: in-sample (train) and out-of-sample (test) ranges of bar times, from inclusive, to exclusive. */
export interface WalkWindow {
  index: number;
  train: DataWindow;
  test: DataWindow;
}

export interface WindowRule {
  train: Duration;
  test: Duration;
  /** How far each window's start moves from the one before (default: the test length). */
  step: Duration;
  /** The train window always starts at the data's first bar (it grows); else it slides. */
  anchored: boolean;
}

/** Most windows a walk-forward makes. */
export const MAX_WINDOWS = 1000;

/** Two durations are the same length in the calendar (`--step 12m` is `--test 1y`). */
const sameDuration = (a: Duration, b: Duration): boolean => a.unit === b.unit && a.count === b.count;

/**
 * Window k's train end, first + k·step + train: one addition from `first` when step and train share a
 * unit, so month-end starts are clamped once (Jan 31 + 2m = Mar 31, where (Jan 31 + 1m) + 1m = Mar 29).
 */
function trainEndOf(first: bigint, rule: WindowRule, k: number): bigint {
  if (rule.step.unit === rule.train.unit) return addDuration(first, { text: '', count: k * rule.step.count + rule.train.count, unit: rule.step.unit });
  return addDuration(addDuration(first, rule.step, k), rule.train);
}

/**
 * The windows over bars from `first` to `last` (times, ns): window k's start s = first + k·step; its
 * train range is [s, e_k) (anchored: [first, e_k)), e_k = first + k·step + train (trainEndOf); its
 * test range [e_k, e_k + test) — or, when the step is the test (the default), [e_k, e_(k+1)), so test
 * ranges meet exactly whatever the month clamping —, cut at last + 1 ns. Windows are made while the
 * test range starts at or before the last bar. None: a usage error (the data is shorter than train +
 * one bar); so are test ranges that overlap (a step shorter than the test).
 */
export function windowsOf(first: bigint, last: bigint, rule: WindowRule): WalkWindow[] {
  const out: WalkWindow[] = [];
  const end = last + 1n;
  const contiguous = sameDuration(rule.step, rule.test);
  for (let k = 0; ; k++) {
    const start = addDuration(first, rule.step, k);
    const trainTo = trainEndOf(first, rule, k);
    if (trainTo > last) break;
    const testTo = contiguous ? trainEndOf(first, rule, k + 1) : addDuration(trainTo, rule.test);
    const before = out.at(-1);
    // the stitched out-of-sample equity is one timeline: test ranges may leave gaps, never overlap
    if (before && trainTo < before.test.to)
      throw new UsageError('USAGE', `--step ${rule.step.text} is shorter than --test ${rule.test.text}: window ${k}'s test range would start at ${isoTime(trainTo)}, inside window ${k - 1}'s (to ${isoTime(before.test.to)}); out-of-sample ranges may not overlap`);
    out.push({ index: k, train: { from: rule.anchored ? first : start, to: trainTo }, test: { from: trainTo, to: testTo < end ? testTo : end } });
    if (out.length > MAX_WINDOWS) throw new UsageError('USAGE', `--train ${rule.train.text} --test ${rule.test.text} --step ${rule.step.text} make more than ${MAX_WINDOWS} windows over ${isoTime(first)}..${isoTime(last)}; use a longer --step`);
  }
  if (out.length === 0)
    throw new UsageError('USAGE', `--train ${rule.train.text} leaves no out-of-sample bar: the data runs ${isoTime(first)}..${isoTime(last)}, and its first train window ends ${isoTime(addDuration(first, rule.train))}`);
  return out;
}

/** How many of `time`'s values (non-decreasing) lie in `w`. */
export function barsIn(time: BigInt64Array, w: DataWindow): number {
  let n = 0;
  for (const t of time) if (t >= w.from && t < w.to) n++;
  return n;
}

/**
 * Every window's train and test ranges must hold at least `minBars` bars: else a usage error
 * (WINDOW_TOO_SHORT) naming the first window and range that does not, with its bar count.
 */
export function checkWindowBars(windows: readonly WalkWindow[], time: BigInt64Array, minBars: number): { train: number; test: number }[] {
  return windows.map((w, i) => {
    const counts = { train: barsIn(time, w.train), test: barsIn(time, w.test) };
    for (const side of ['train', 'test'] as const)
      if (counts[side] < minBars) {
        // the last test range is cut at the last bar, so its length depends on where the data ends: say how to move it
        const fix = side === 'test' && i === windows.length - 1
          ? `it is the last test range, cut at the data's last bar: a shorter --test (or another --train or --step) moves where the windows end, or lower --min-bars`
          : `a longer --${side} or a lower --min-bars`;
        throw new UsageError('USAGE', `window ${w.index}'s ${side} range ${isoTime(w[side].from)}..${isoTime(w[side].to)} holds ${counts[side]} bar${counts[side] === 1 ? '' : 's'}; each range needs at least ${minBars} (--min-bars): ${fix}`);
      }
    return counts;
  });
}
