/**
 * @module sweep/summary
 * summary.json and summary.csv: one row per combination in index order, from the runs' results
 * (their stats as stats.json has them), and the ranking by the objective. Deterministic text: JSON
 * numbers as JavaScript writes them (shortest round-trip), a non-finite statistic as null (an empty
 * CSV field), CSV fields never quoted (parameter names are identifiers; every other field a number,
 * a hex hash or a run id).
 */
import { SUMMARY_STATS, SWEEP_SUMMARY_FORMAT, type CombinationResult, type SummaryRow, type SweepPlan } from './types.ts';

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The summary rows of `results` (one per combination, any order) in index order. */
export function summaryRows(plan: SweepPlan, results: readonly CombinationResult[]): SummaryRow[] {
  const byIndex = [...results].sort((a, b) => a.index - b.index);
  return byIndex.map((r) => {
    const stats: SummaryRow['stats'] = {};
    for (const name of SUMMARY_STATS) stats[name] = numberOrNull(r.stats[name]);
    return { index: r.index, params: plan.combinations[r.index]!.params, runId: r.runId, recordSha256: r.recordSha256, objective: numberOrNull(r.stats[plan.objective.stat]), stats };
  });
}

/**
 * The rows best first by the objective (its direction), equal values by index, rows without a value
 * (null) last in index order.
 */
export function ranked(plan: SweepPlan, rows: readonly SummaryRow[]): SummaryRow[] {
  const sign = plan.objective.direction === 'max' ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (a.objective === null || b.objective === null) return a.objective === b.objective ? a.index - b.index : a.objective === null ? 1 : -1;
    return a.objective === b.objective ? a.index - b.index : sign * (a.objective - b.objective);
  });
}

/** summary.json's bytes. */
export function summaryJson(plan: SweepPlan, rows: readonly SummaryRow[]): string {
  const best = ranked(plan, rows)[0];
  return JSON.stringify({
    format: SWEEP_SUMMARY_FORMAT,
    objective: { stat: plan.objective.stat, direction: plan.objective.direction },
    best: best && best.objective !== null ? best.index : null,
    rows: rows.map((r) => ({ index: r.index, params: r.params, runId: r.runId, recordSha256: r.recordSha256, objective: r.objective, stats: r.stats })),
  }, null, 2) + '\n';
}

/** summary.csv's bytes: index, each parameter (by name), runId, recordSha256, objective, then SUMMARY_STATS. */
export function summaryCsv(plan: SweepPlan, rows: readonly SummaryRow[]): string {
  const names = plan.space.grids.map((g) => g.name);
  const field = (v: number | string | null): string => (v === null ? '' : String(v));
  const lines = [['index', ...names, 'runId', 'recordSha256', 'objective', ...SUMMARY_STATS].join(',')];
  for (const r of rows) lines.push([String(r.index), ...names.map((n) => field(r.params[n]!)), r.runId, r.recordSha256, field(r.objective), ...SUMMARY_STATS.map((s) => field(r.stats[s]!))].join(','));
  return lines.join('\n') + '\n';
}
