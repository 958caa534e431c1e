/**
 * @module data/window
 * A window of a data file: only its bars whose time t has from ≤ t < to (ns since the epoch, UTC),
 * as walk-forward runs read them. The file is still read, hashed and recorded whole; the window is
 * recorded beside it (the data link's `window`), so verify and replay read the same bars again.
 */
import type { Bars, BarSource } from '../model/bars.ts';

/** Bars with from ≤ time < to, in ns since the Unix epoch (UTC). */
export interface DataWindow {
  from: bigint;
  to: bigint;
}

/** The first index in `time` (non-decreasing) whose time is ≥ `t`. */
function lowerBound(time: BigInt64Array, t: bigint): number {
  let lo = 0, hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bars of `bars` inside `w`: views on the same memory (no copy). */
export function barsInWindow(bars: Bars, w: DataWindow): Bars {
  const a = lowerBound(bars.time, w.from), b = Math.max(a, lowerBound(bars.time, w.to));
  if (a === 0 && b === bars.length) return bars;
  return {
    length: b - a, time: bars.time.subarray(a, b), open: bars.open.subarray(a, b), high: bars.high.subarray(a, b),
    low: bars.low.subarray(a, b), close: bars.close.subarray(a, b), volume: bars.volume.subarray(a, b),
  };
}

/** `source`'s bars inside `w`, chunk by chunk (empty chunks skipped; it stops reading past `w.to`). */
export function sourceInWindow(source: BarSource, w: DataWindow): BarSource {
  let done = false;
  return {
    next: () => {
      while (!done) {
        const c = source.next();
        if (c === null) break;
        const last = c.length > 0 ? c.time[c.length - 1]! : w.from;
        if (last >= w.to) done = true;
        const inside = barsInWindow(c, w);
        if (inside.length > 0) return inside;
      }
      done = true;
      return null;
    },
  };
}
