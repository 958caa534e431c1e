/**
 * @module sweep/prove
 * That one run belongs to a sweep, offline: a small JSON bundle (docs/SWEEP.md, "Proving a run")
 * with the sweep record's fields and signature, the run's index, id and record hash, and its RFC 9162
 * inclusion proof under the sweep root. Checking it needs no sweep folder: the signature over the
 * sweep record's bytes, then the proof from the leaf to the signed root; given the run's folder, its
 * record.pb must hash to the bundle's record hash.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditError, UsageError } from '../errors.ts';
import { decodeSignedEnvelope, decodeSignedRecord } from '../audit/record.ts';
import { keyFingerprint, verifyBytes } from '../audit/keys.ts';
import { fromHex, hashLeaf, rootFromInclusionProof, toHex } from '../../traces/index.ts';
import { paramsText, readPlan } from './plan.ts';
import { readSweepRecord, sweepInclusionProof, sweepRecordBytes, sweepRoot } from './record.ts';
import { runFolderName } from './run.ts';
import { SWEEP_FILES, SWEEP_RECORD_FORMAT, type SweepRecord } from './types.ts';

export const SWEEP_PROOF_FORMAT = 'backproof-sweep-inclusion@1';

export interface SweepProofBundle {
  format: typeof SWEEP_PROOF_FORMAT;
  /** The sweep record, as sweep-record.json has it. */
  sweep: SweepRecord;
  index: number;
  params: Record<string, number>;
  runId: string;
  /** SHA-256 of the run's Record bytes (record.pb's `record` field). */
  recordSha256: string;
  /** PATH(index) of the sweep tree, hashes in hex, leaf to root. */
  proof: string[];
}

/** A bundle's fields, in the order proveSweepRun writes them. */
const BUNDLE_FIELDS: readonly string[] = ['format', 'sweep', 'index', 'params', 'runId', 'recordSha256', 'proof'];

const recordHashOf = (recordPb: Uint8Array): string => createHash('sha256').update(decodeSignedEnvelope(recordPb).record).digest('hex');

/** The inclusion bundle of run `index` of sweep folder `dir` (its records read; the root must be the sweep record's). */
export async function proveSweepRun(dir: string, index: number): Promise<SweepProofBundle> {
  const plan = readPlan(new Uint8Array(await readFile(path.join(dir, SWEEP_FILES.plan)).catch(() => {
    throw new UsageError('USAGE', `${dir} is not a sweep folder (no ${SWEEP_FILES.plan})`);
  })));
  const record = readSweepRecord(new Uint8Array(await readFile(path.join(dir, SWEEP_FILES.record))), null);
  const count = plan.combinations.length;
  if (!Number.isSafeInteger(index) || index < 0 || index >= count) throw new UsageError('USAGE', `run ${index} is not in the sweep (its runs are 0..${count - 1})`);
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) hashes.push(recordHashOf(new Uint8Array(await readFile(path.join(dir, SWEEP_FILES.runs, runFolderName(i, count), 'record.pb')))));
  const root = toHex(sweepRoot(hashes));
  if (root !== record.root) throw new AuditError('VERIFY_FAILED', 'root', `the runs' records give root ${root}, the sweep record's is ${record.root}: run backproof verify ${dir}`);
  const runPb = new Uint8Array(await readFile(path.join(dir, SWEEP_FILES.runs, runFolderName(index, count), 'record.pb')));
  const { signed: _, keyFingerprint: __, ...sweep } = record;
  return {
    format: SWEEP_PROOF_FORMAT, sweep, index, params: plan.combinations[index]!.params,
    runId: decodeSignedRecord(runPb).runId,
    recordSha256: hashes[index]!, proof: sweepInclusionProof(hashes, index).map(toHex),
  };
}

export interface SweepProofCheck {
  sweepId: string;
  index: number;
  /** The run's id and params as the bundle names them: proven only when `unproven` is empty (the run's record.pb was given). */
  runId: string;
  params: Record<string, number>;
  /** What the proof covers: the record hash of run `index` under the signed root. */
  recordSha256: string;
  /** The bundle's fields the check did not bind (runId and params when no run's record.pb was given). */
  unproven: ('runId' | 'params')[];
  root: string;
  signed: boolean;
  keyFingerprint: string | null;
}

/**
 * Checks a bundle (hostile input): its shape, the sweep record's signature (and signer, when
 * `trustedKey` is given), the inclusion proof from the run's leaf to the signed root, and — given
 * `runPb`, the run folder's record.pb — that the run is the one proven.
 */
export function verifySweepProof(value: unknown, opts: { trustedKey?: Uint8Array | null; runPb?: Uint8Array } = {}): SweepProofCheck {
  const bad = (what: string): never => {
    throw new AuditError('PROOF_INVALID', 'sweep-proof', what);
  };
  const b = value as SweepProofBundle;
  if (b === null || typeof b !== 'object' || Array.isArray(b)) bad(`not a sweep inclusion bundle: expected a JSON object of format "${SWEEP_PROOF_FORMAT}", got ${b === null ? 'null' : Array.isArray(b) ? 'an array' : typeof b}`);
  if (b.format !== SWEEP_PROOF_FORMAT) bad(`not a sweep inclusion bundle: its format is ${b.format === undefined ? 'missing' : JSON.stringify(b.format).slice(0, 80)}, expected "${SWEEP_PROOF_FORMAT}"`);
  // every field is read below: one more is a bundle of another writer, never ignored
  const unknown = Object.keys(b).filter((k) => !BUNDLE_FIELDS.includes(k));
  if (unknown.length > 0) bad(`its field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k).slice(0, 80)).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a sweep inclusion bundle's (${BUNDLE_FIELDS.join(', ')})`);
  if (b.sweep === null || typeof b.sweep !== 'object' || b.sweep.format !== SWEEP_RECORD_FORMAT) bad('its sweep record is missing');
  if (typeof b.index !== 'number' || !Number.isSafeInteger(b.index) || b.index < 0)
    bad(`its index is ${JSON.stringify(b.index ?? null).slice(0, 80)}${typeof b.index === 'string' ? ' (a string)' : ''}, not a whole number from 0 (the run's position in the sweep)`);
  if (!Array.isArray(b.proof) || b.proof.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) bad('its proof is not a list of SHA-256 hashes in hex');
  if (typeof b.recordSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(b.recordSha256)) bad('its recordSha256 is not a SHA-256 in hex');
  if (typeof b.runId !== 'string' || !/^[0-9a-f]{16}$/.test(b.runId)) bad('its runId is not a run id (16 hex digits)');
  if (b.params === null || typeof b.params !== 'object' || Array.isArray(b.params) || Object.values(b.params).some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    bad('its params are not an object of parameter names and finite numbers');
  // the sweep record read as sweep-record.json is: canonical fields, id and signature
  let sweep;
  try {
    sweep = readSweepRecord(new TextEncoder().encode(JSON.stringify(b.sweep, null, 2) + '\n'), opts.trustedKey ?? null);
  } catch (e) {
    return bad(`its sweep record: ${(e as Error).message}`);
  }
  if (!Number.isSafeInteger(b.index) || b.index < 0 || b.index >= sweep.count) bad(`index ${b.index} is outside a sweep of ${sweep.count} runs`);
  let root: Uint8Array;
  try {
    root = rootFromInclusionProof(hashLeaf(fromHex(b.recordSha256)), b.index, sweep.count, b.proof.map(fromHex));
  } catch (e) {
    return bad(`its proof: ${(e as Error).message}`);
  }
  if (toHex(root) !== sweep.root) bad(`the proof leads from run ${b.index}'s record hash to root ${toHex(root)}, the signed sweep root is ${sweep.root}`);
  if (sweep.signed && !verifyBytes(sweepRecordBytes(sweep.planSha256, sweep.count, fromHex(sweep.root)), fromHex(sweep.signature), fromHex(sweep.publicKey))) bad('the sweep record\'s signature does not verify');
  if (opts.runPb) {
    const got = recordHashOf(opts.runPb);
    if (got !== b.recordSha256) bad(`the run's record.pb hashes to ${got}, the bundle proves ${b.recordSha256}`);
    const run = decodeSignedRecord(opts.runPb);
    if (run.runId !== b.runId) bad(`the run's id is ${run.runId}, the bundle names ${b.runId}`);
    const recorded = paramsText(Object.fromEntries(((run.bodies.config.params ?? []) as { name: string; value: number }[]).map((p) => [p.name, p.value])));
    if (recorded !== paramsText(b.params)) bad(`the run's params are ${recorded}, the bundle names ${paramsText(b.params)}`);
  }
  return {
    sweepId: sweep.sweepId, index: b.index, runId: b.runId, params: b.params, recordSha256: b.recordSha256, unproven: opts.runPb ? [] : ['runId', 'params'],
    root: sweep.root, signed: sweep.signed, keyFingerprint: sweep.signed ? keyFingerprint(fromHex(sweep.publicKey)) : null,
  };
}
