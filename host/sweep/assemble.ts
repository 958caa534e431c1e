/**
 * @module sweep/assemble
 * assembleSweep: from the runs' results (in any order: a pool's or a queue's completion order) to the
 * summary, the signed sweep record and the report, written into a sweep folder that holds sweep.json
 * and the runs. What it writes depends only on the plan, the results and the key.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { planSha256 } from './plan.ts';
import { makeSweepRecord, sweepRecordText, sweepRoot } from './record.ts';
import { renderSweepReport } from './report.ts';
import { summaryCsv, summaryJson, summaryRows } from './summary.ts';
import { SWEEP_FILES, type CombinationResult, type SummaryRow, type SweepPlan, type SweepRecord } from './types.ts';

export interface AssembledSweep {
  record: SweepRecord;
  rows: SummaryRow[];
}

/** The summary rows and the sweep record of `results`, one per combination of `plan` (any order). */
export function sweepOf(plan: SweepPlan, results: readonly CombinationResult[], key: KeyObject | null): AssembledSweep {
  const count = plan.combinations.length;
  const seen = new Array<boolean>(count).fill(false);
  for (const r of results) {
    if (!Number.isSafeInteger(r.index) || r.index < 0 || r.index >= count) throw new UsageError('USAGE', `a result has index ${r.index}; the plan's combinations are 0..${count - 1}`);
    if (seen[r.index]) throw new UsageError('USAGE', `combination ${r.index} has two results`);
    if (!/^[0-9a-f]{64}$/.test(r.recordSha256)) throw new UsageError('USAGE', `combination ${r.index}'s record hash "${r.recordSha256}" is not a SHA-256 in lowercase hex`);
    seen[r.index] = true;
  }
  const missing = seen.indexOf(false);
  if (missing >= 0) throw new UsageError('USAGE', `combination ${missing} has no result (${seen.filter((s) => !s).length} of ${count} missing)`);
  const rows = summaryRows(plan, results);
  const record = makeSweepRecord(planSha256(plan), count, sweepRoot(rows.map((r) => r.recordSha256)), key);
  return { record, rows };
}

/**
 * Writes summary.json, summary.csv, sweep-record.json and report.html into `opts.dir` (a sweep
 * folder holding sweep.json and runs/), from `results` in any order: one per combination.
 */
export async function assembleSweep(plan: SweepPlan, results: readonly CombinationResult[], opts: { dir: string; key: KeyObject | null }): Promise<AssembledSweep> {
  const made = sweepOf(plan, results, opts.key);
  await writeFile(path.join(opts.dir, SWEEP_FILES.summaryJson), summaryJson(plan, made.rows));
  await writeFile(path.join(opts.dir, SWEEP_FILES.summaryCsv), summaryCsv(plan, made.rows));
  await writeFile(path.join(opts.dir, SWEEP_FILES.report), renderSweepReport(plan, made.rows, made.record));
  await writeFile(path.join(opts.dir, SWEEP_FILES.record), sweepRecordText(made.record)); // last: a folder without it is no sweep
  return made;
}
