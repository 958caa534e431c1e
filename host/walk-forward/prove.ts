/**
 * @module walk-forward/prove
 * That one run belongs to a walk-forward, offline: the sweep inclusion bundle (docs/SWEEP.md, "Proving
 * a run") over the walk-forward's record and root, `index` being the run's leaf in the record's order
 * (window by window: its train runs, then its test run). `backproof verify-sweep-proof` checks it as
 * it checks a sweep's: the record's signature, then the proof from the leaf to the signed root.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditError, UsageError } from '../errors.ts';
import { decodeSignedEnvelope, decodeSignedRecord } from '../audit/record.ts';
import { toHex } from '../../traces/index.ts';
import { readPlan, readSweepRecord, runDirOf, sweepInclusionProof, sweepRoot, SWEEP_PROOF_FORMAT, type SweepPlan, type SweepProofBundle } from '../sweep/index.ts';
import { windowFolderName, WALK_FORWARD_FILES, WINDOW_SWEEPS } from './plan.ts';

/** The inclusion bundle of leaf `index` of walk-forward folder `dir` (its runs' records read; the root must be the record's). */
export async function proveWalkForwardRun(dir: string, index: number): Promise<SweepProofBundle> {
  const text = await readFile(path.join(dir, WALK_FORWARD_FILES.plan), 'utf8').catch(() => {
    throw new UsageError('USAGE', `${dir} is not a walk-forward folder (no ${WALK_FORWARD_FILES.plan})`);
  });
  const o = JSON.parse(text) as { windows: unknown[]; sweep: unknown };
  const base: SweepPlan = readPlan(Buffer.from(JSON.stringify(o.sweep, null, 2) + '\n'));
  const record = readSweepRecord(new Uint8Array(await readFile(path.join(dir, WALK_FORWARD_FILES.record))), null);
  // every run folder in leaf order: each window's train runs, then its test run
  const runDirs: string[] = [];
  for (let w = 0; w < o.windows.length; w++) {
    const folder = path.join(dir, WALK_FORWARD_FILES.windows, windowFolderName(w, o.windows.length));
    for (const c of base.combinations) runDirs.push(runDirOf(path.join(folder, WINDOW_SWEEPS.train), base, c.index));
    runDirs.push(runDirOf(path.join(folder, WINDOW_SWEEPS.test), { ...base, combinations: [base.combinations[0]!] }, 0));
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= runDirs.length) throw new UsageError('USAGE', `run ${index} is not in the walk-forward (its runs are 0..${runDirs.length - 1})`);
  const pbs = await Promise.all(runDirs.map(async (d) => new Uint8Array(await readFile(path.join(d, 'record.pb')))));
  const hashes = pbs.map((pb) => createHash('sha256').update(decodeSignedEnvelope(pb).record).digest('hex'));
  const root = toHex(sweepRoot(hashes));
  if (root !== record.root) throw new AuditError('VERIFY_FAILED', 'root', `the runs' records give root ${root}, the record's is ${record.root}: run backproof verify ${dir}`);
  const run = decodeSignedRecord(pbs[index]!);
  const params: Record<string, number> = {};
  for (const p of (run.bodies.config.params ?? []) as { name: string; value: number }[]) params[p.name] = p.value;
  const { signed: _, keyFingerprint: __, ...sweep } = record;
  return { format: SWEEP_PROOF_FORMAT, sweep, index, params, runId: run.runId, recordSha256: hashes[index]!, proof: sweepInclusionProof(hashes, index).map(toHex) };
}
