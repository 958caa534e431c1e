/**
 * @module walk-forward/stitch
 * What a walk-forward makes of its windows' results: the leaves of its record (every run's record
 * hash, window by window: the in-sample runs in index order, then the out-of-sample run), the stitched
 * out-of-sample equity (equity.csv) and summary.json. Pure functions of the plan and the results,
 * so verify writes them again and compares the bytes.
 */
import { isoTime } from '../model/bars.ts';
import { SUMMARY_STATS, type SummaryRow } from '../sweep/index.ts';
import { WALK_FORWARD_SUMMARY_FORMAT, type WalkForwardPlan } from './plan.ts';

/** What one window gave: its in-sample rows (index order), the row chosen, the out-of-sample row and its equity (one value per test bar). */
export interface WindowResult {
  index: number;
  train: readonly SummaryRow[];
  chosen: SummaryRow;
  test: SummaryRow;
  equity: Float64Array;
}

/** The record hashes the walk-forward record's root is over, in their canonical order. */
export function walkForwardLeaves(windows: readonly WindowResult[]): string[] {
  return windows.flatMap((w) => [...w.train.map((r) => r.recordSha256), w.test.recordSha256]);
}

/**
 * The stitched out-of-sample equity: window 0's test run as it is; each later window's values scaled
 * so it starts from where the one before ended — value = equity[i] × (previous window's last stitched
 * value ÷ cash), in IEEE double, in that order (returns compounded: every test run starts with the
 * config's cash). One array per window.
 */
export function stitchEquity(cash: number, windows: readonly WindowResult[]): Float64Array[] {
  let carried = cash;
  return windows.map((w) => {
    const scale = carried / cash;
    const out = w.equity.map((v) => v * scale);
    if (out.length > 0) carried = out[out.length - 1]!;
    return out;
  });
}

/** equity.csv: `window,time,equity`, a line per test bar, window by window; times ISO UTC, numbers as JavaScript writes them. */
export function equityCsv(times: readonly BigInt64Array[], stitched: readonly Float64Array[]): string {
  const lines = ['window,time,equity'];
  stitched.forEach((values, w) => values.forEach((v, i) => lines.push(`${w},${isoTime(times[w]![i]!)},${v}`)));
  return lines.join('\n') + '\n';
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** summary.json: a row per window (ranges, chosen params and in-sample objective, out-of-sample run and stats, stitched equity at its end). */
export function walkForwardSummary(plan: WalkForwardPlan, windows: readonly WindowResult[], stitched: readonly Float64Array[]): string {
  const rows = windows.map((w, k) => {
    const pw = plan.windows[k]!;
    const stats: Record<string, number | string | null> = {};
    for (const s of SUMMARY_STATS) stats[s] = finite(w.test.stats[s]);
    const eq = stitched[k]!;
    return {
      index: w.index,
      train: { from: pw.train.from, to: pw.train.to, bars: pw.train.bars },
      test: { from: pw.test.from, to: pw.test.to, bars: pw.test.bars },
      chosen: { index: w.chosen.index, params: w.chosen.params, objective: w.chosen.objective, runId: w.chosen.runId },
      outOfSample: { runId: w.test.runId, recordSha256: w.test.recordSha256, objective: w.test.objective, stats },
      equityEnd: eq.length > 0 ? eq[eq.length - 1]! : null,
    };
  });
  const last = stitched.at(-1);
  return JSON.stringify({
    format: WALK_FORWARD_SUMMARY_FORMAT,
    objective: { stat: plan.sweep.objective.stat, direction: plan.sweep.objective.direction },
    cash: plan.sweep.config.cash,
    equityFinal: last && last.length > 0 ? last[last.length - 1]! : null,
    windows: rows,
  }, null, 2) + '\n';
}
