/**
 * @module sweep/verify
 * `backproof verify <sweep-folder>`: a straight pipeline of named steps, the first failing one named
 * with what it found (AuditError VERIFY_FAILED, its step):
 *   plan          sweep.json canonical, its combinations those its space gives
 *   sweep-record  sweep-record.json canonical, its signature, its plan hash and count the plan's
 *   runs          runs/ holds exactly one folder per combination
 *   run N         each run verifies alone (inspect verifyRun: its record, chain, its signature under
 *                 its own key, every file), holds its report.html (the sweep's report links it), is
 *                 the plan's module, data and config with combination N's params; who signed it is reported, not required (workers may sign with keys of their
 *                 own or none: the signed root covers each run's Record bytes, docs/DEPLOY.md), unless
 *                 `runsBySweepKey` (walk-forward's sweeps, made by one process)
 *   root          the Merkle root over the runs' record hashes is the record's
 *   summary       summary.json and summary.csv are exactly what the runs' stats give
 *   report        report.html is exactly what the plan, the summary and the record render
 * Nothing is executed.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditError } from '../errors.ts';
import { decodeSignedEnvelope, decodeRecordChain } from '../audit/record.ts';
import { configJson } from '../run/config.ts';
import { textDiffMessage } from '../inspect/line-diff.ts';
import { verifyRun } from '../inspect/index.ts';
import type { DataStandIns } from '../data/stand-in.ts';
import { keyFingerprint } from '../audit/keys.ts';
import { missingLockfile } from '../run/toolchain.ts';
import { partialOwner } from '../run/partials.ts';
import { toHex } from '../../traces/index.ts';
import { readPlan, runConfigOf } from './plan.ts';
import { readSweepRecord, sweepRoot } from './record.ts';
import { runFolderName } from './run.ts';
import { REPORT_FILE } from '../report/index.ts';
import { summaryCsv, summaryJson, summaryRows } from './summary.ts';
import { expectedSweepReport } from './report.ts';
import { SWEEP_FILES, type CombinationResult, type SweepPlan } from './types.ts';

export interface SweepVerifyOptions {
  dir: string;
  /** Require the sweep record to be signed by this Ed25519 public key (32 bytes). */
  trustedKey?: Uint8Array | null;
  /** Require every run signed by the sweep record's key when the sweep is signed (walk-forward's sweeps: one process signs all). */
  runsBySweepKey?: boolean;
  /** Copies of the data read instead of each run's recorded paths (inspect verifyRun's dataPath). */
  dataPath?: DataStandIns;
  /** Told each run verified (index, count). */
  onRun?: (index: number, count: number) => void;
  /** Fail when a file anywhere in the sweep folder is unverified (verify --strict). */
  strict?: boolean;
}

export interface SweepVerifyReport {
  sweepId: string;
  count: number;
  root: string;
  planSha256: string;
  signed: boolean;
  keyFingerprint: string | null;
  steps: string[];
  /** Who signed the runs: each key's fingerprint (null: unsigned) and how many runs, the sweep's key first. */
  runSigners: { keyFingerprint: string | null; runs: number }[];
  /** Why the runs' toolchain pins no lockfile (run/toolchain missingLockfile), or null when it does. */
  noLockfile: string | null;
  /**
   * What nothing binds, with why: first "lockfile" when noLockfile (once: the runs share the toolchain),
   * the sweep folder's other files, then each run folder's (runs/0003/x).
   */
  unverified: { file: string; why: string }[];
}

/** A verify failure at `step` (walk-forward's verifier throws the same). */
export const fail = (step: string, message: string): never => {
  throw new AuditError('VERIFY_FAILED', step, message);
};

/** verify --strict of a sweep or walk-forward: anything unverified fails (step `files`), the first ten named with why. */
export function failIfUnverified(unverified: readonly { file: string; why: string }[]): void {
  if (unverified.length > 0) fail('files', `unverified under --strict: ${unverified.slice(0, 10).map((u) => `${u.file} (${u.why})`).join('; ')}${unverified.length > 10 ? ` and ${unverified.length - 10} more` : ''}`);
}

/** Is `p` a sweep folder (it holds sweep.json)? verify's command asks before it takes a folder for a run folder. */
export async function isSweepFolder(p: string): Promise<boolean> {
  return (await lstat(path.join(p, SWEEP_FILES.plan)).catch(() => null))?.isFile() ?? false;
}

/** A file of the sweep folder (bounded: hostile input); a missing or irregular one fails `step`. */
export async function readSweepFile(dir: string, name: string, step: string, limit = 256 << 20): Promise<Uint8Array> {
  const p = path.join(dir, name);
  const st = await lstat(p).catch(() => null);
  if (!st) return fail(step, `${name} is missing from sweep folder ${dir}`);
  if (!st.isFile()) return fail(step, `${name} is not a regular file`);
  if (st.size > limit) return fail(step, `${name} is ${st.size} bytes, larger than it can be`);
  return new Uint8Array(await readFile(p));
}

/** Fails `step` naming the first line where `actual` is not `expected` (what `from` gives). */
export function expectText(step: string, name: string, expected: string, actual: Uint8Array, from: string): void {
  const message = textDiffMessage(name, expected, Buffer.from(actual).toString('utf8'), from);
  if (message !== null) fail(step, message);
}

export async function verifySweep(opts: SweepVerifyOptions): Promise<SweepVerifyReport> {
  const { dir } = opts;
  const steps: string[] = [];

  // plan
  const planBytes = await readSweepFile(dir, SWEEP_FILES.plan, 'plan');
  const plan = readPlan(planBytes);
  const planHash = createHash('sha256').update(planBytes).digest('hex');
  steps.push('plan');

  // sweep-record (a partial folder has none: said so, not taken for a published sweep missing its record)
  const owner = partialOwner(dir);
  if (owner && !(await lstat(path.join(dir, SWEEP_FILES.record)).catch(() => null)))
    fail('sweep-record', `${dir} is the partial folder of a sweep that process ${owner.pid} ${owner.running ? 'is still writing' : 'left unfinished (it is no longer running: killed?)'}: nothing in it was published${owner.running ? '' : '; remove it (a later sweep into the same --out removes it)'}`);
  const record = readSweepRecord(await readSweepFile(dir, SWEEP_FILES.record, 'sweep-record', 1 << 16), opts.trustedKey ?? null);
  if (record.planSha256 !== planHash) fail('sweep-record', `the record's plan hash is ${record.planSha256}, sweep.json hashes to ${planHash} (sweep.json was changed)`);
  const count = plan.combinations.length;
  if (record.count !== count) fail('sweep-record', `the record counts ${record.count} runs, the plan has ${count} combinations`);
  steps.push('sweep-record');

  // runs: exactly one folder per combination
  const runsDir = path.join(dir, SWEEP_FILES.runs);
  const names = await readdir(runsDir).catch(() => fail('runs', `${SWEEP_FILES.runs}/ is missing from sweep folder ${dir}`));
  const expected = plan.combinations.map((c) => runFolderName(c.index, count));
  const expectedSet = new Set(expected), present = new Set(names); // (sets: a sweep may hold 100,000 runs)
  const extra = names.filter((n) => !expectedSet.has(n)).sort();
  if (extra.length > 0) fail('runs', `${SWEEP_FILES.runs}/${extra[0]} is not a run of the plan (its runs are ${expected[0]}..${expected[count - 1]})`);
  const missing = expected.filter((n) => !present.has(n));
  if (missing.length > 0) fail('runs', `${SWEEP_FILES.runs}/${missing[0]} is missing (${missing.length} of ${count} runs missing)`);
  steps.push('runs');

  // each run, in index order
  const signer = record.signed ? Buffer.from(record.publicKey, 'hex') : null;
  const unverifiedInRuns: SweepVerifyReport['unverified'] = [];
  const signers = new Map<string | null, number>();
  let noLockfile: string | null = null;
  const checkRun = async (index: number): Promise<CombinationResult> => {
    const where = `${SWEEP_FILES.runs}/${expected[index]}`;
    const runDir = path.join(runsDir, expected[index]!);
    // a small run is hashed on this thread: a hashing thread of its own costs several times its hashing's CPU
    const resultBytes = (await lstat(path.join(runDir, 'result.pb')).catch(() => null))?.size ?? Infinity;
    const checked = await verifySweepRun(plan, index, runDir, { where, trustedKey: opts.runsBySweepKey ? signer : null, dataPath: opts.dataPath, inline: resultBytes <= INLINE_RESULT_BYTES });
    if (checked.noLockfile) noLockfile = checked.noLockfile;
    unverifiedInRuns.push(...checked.unverified.map((u) => ({ file: `${where}/${u.file}`, why: u.why })));
    signers.set(checked.signer, (signers.get(checked.signer) ?? 0) + 1);
    opts.onRun?.(index, count);
    return checked.result;
  };
  const results: CombinationResult[] = [];
  for (const c of plan.combinations) results.push(await checkRun(c.index));
  steps.push('runs verified');

  // root
  const root = toHex(sweepRoot(results.map((r) => r.recordSha256)));
  if (root !== record.root) fail('root', `the runs' records give root ${root}, the sweep record's is ${record.root}`);
  steps.push('root');

  // summary
  const rows = summaryRows(plan, results);
  expectText('summary', SWEEP_FILES.summaryJson, summaryJson(plan, rows), await readSweepFile(dir, SWEEP_FILES.summaryJson, 'summary'), 'the runs');
  expectText('summary', SWEEP_FILES.summaryCsv, summaryCsv(plan, rows), await readSweepFile(dir, SWEEP_FILES.summaryCsv, 'summary'), 'the runs');
  steps.push('summary');

  // report
  const reportBytes = await readSweepFile(dir, SWEEP_FILES.report, 'report');
  expectText('report', SWEEP_FILES.report, expectedSweepReport(plan, rows, record, reportBytes), reportBytes, 'the plan, the runs and the record');
  steps.push('report');

  const known = new Set<string>(Object.values(SWEEP_FILES));
  const unverified: SweepVerifyReport['unverified'] = [
    ...(noLockfile ? [{ file: 'lockfile', why: `${noLockfile} (every run)` }] : []), // (first: walk-forward's verify relies on it)
    ...(await readdir(dir)).filter((n) => !known.has(n)).sort().map((file) => ({ file, why: 'nothing in the sweep binds it' })),
    ...unverifiedInRuns,
  ];
  if (opts.strict) failIfUnverified(unverified);
  const runSigners = [...signers].map(([fp, runs]) => ({ keyFingerprint: fp, runs }))
    .sort((x, y) => signerRank(x.keyFingerprint, record.keyFingerprint) - signerRank(y.keyFingerprint, record.keyFingerprint) || ((x.keyFingerprint ?? '') < (y.keyFingerprint ?? '') ? -1 : 1));
  return { sweepId: record.sweepId, count, root, planSha256: planHash, signed: record.signed, keyFingerprint: record.keyFingerprint, steps, runSigners, noLockfile, unverified };
}

/** One run folder of a sweep as verify checks it (verifySweepRun). */
export interface SweepRunCheck {
  /** Its result, every field read from the folder: the stats from its stats.json (which verifyRun bound to result.pb). */
  result: CombinationResult;
  /** Its files that nothing binds, relative to the run folder (the toolchain's lockfile note left out: noLockfile). */
  unverified: { file: string; why: string }[];
  /** run/toolchain's note that the run's toolchain pins no lockfile, or null. */
  noLockfile: string | null;
  /** Who signed its record (a key's fingerprint; null: unsigned). */
  signer: string | null;
}

/**
 * Checks `runDir` as combination `index` of `plan`, as verify checks `runs/N` of a sweep folder (step
 * `run N`): the run verifies alone (inspect verifyRun: record, chain, signature — under `trustedKey` when
 * given — and every file), ran the plan's module, data and data window, and its config is the plan's with
 * combination N's params. Also the queue's coordinator's check of each run a worker returned (distributed/coordinator).
 * `where` names the folder in messages (default `runs/<name>`). `inline`: everything hashed on this thread, no
 * hashing thread started for the run (one per run costs several times the CPU of a small run's hashing).
 */
export async function verifySweepRun(plan: SweepPlan, index: number, runDir: string, o: { where?: string; trustedKey?: Uint8Array | null; dataPath?: DataStandIns; inline?: boolean } = {}): Promise<SweepRunCheck> {
  const step = `run ${index}`;
  const where = o.where ?? `${SWEEP_FILES.runs}/${runFolderName(index, plan.combinations.length)}`;
  let report;
  try {
    const verifyOptions = { dir: runDir, trustedKey: o.trustedKey ?? null, dataPath: o.dataPath };
    // (inspect/verify loaded only then: host/index, which every command loads, loads this module)
    report = o.inline ? await (await import('../inspect/verify.ts')).verifyRun(verifyOptions, null) : await verifyRun(verifyOptions);
  } catch (e) {
    const err = e as AuditError;
    return fail(step, `${where} does not verify${err.step ? ` [${err.step}]` : ''}: ${err.message}`);
  }
  // A run's record binds its report's bytes, not its presence (backtest --no-report): a sweep's run always has one, the
  // page the sweep's report links, so a run without it is not a run the sweep wrote.
  if (!(await lstat(path.join(runDir, REPORT_FILE)).catch(() => null))?.isFile())
    fail(step, `${where}/${REPORT_FILE} is missing: a sweep writes every run's report (the sweep's ${SWEEP_FILES.report} links it); \`backproof report ${where}\` writes it again`);
  const envelope = decodeSignedEnvelope(await readSweepFile(runDir, 'record.pb', step));
  const rec = decodeRecordChain(envelope);
  const b = rec.bodies;
  // run/toolchain's note that no lockfile is pinned is about the toolchain the runs share, not a file: said once
  const lockNote = missingLockfile(b.toolchain);
  const unverified = report.unverified.filter((u) => !(u.file === 'lockfile' && u.why === lockNote));
  const signer = envelope.publicKey.length > 0 ? keyFingerprint(envelope.publicKey) : null;
  if (toHex(b.strategy.wasmSha256 as Uint8Array) !== plan.strategy.wasmSha256) fail(step, `${where} ran module ${toHex(b.strategy.wasmSha256 as Uint8Array)}, the plan's is ${plan.strategy.wasmSha256}`);
  const files = (b.data.files as { sha256: Uint8Array }[]) ?? [];
  const dataHashes = files.map((f) => toHex(f.sha256)).join(', '), planData = plan.data.map((d) => d.sha256).join(', ');
  if (dataHashes !== planData) fail(step, `${where} read data ${dataHashes}, the plan's is ${planData}`);
  // a walk-forward window (data/window): the run read exactly the plan's bars
  const w = plan.dataOptions.window, windows = (b.data.files as { window?: { fromNs?: unknown; toNs?: unknown } | null }[]).map((f) => (f.window ? `${String(f.window.fromNs ?? 0)}..${String(f.window.toNs ?? 0)}` : 'none'));
  if (windows.some((x) => x !== (w ? `${w.from}..${w.to}` : 'none'))) fail(step, `${where} read the data window ${windows.join(', ')}, the plan's is ${w ? `${w.from}..${w.to}` : 'none'}`);
  // its config.json passed verifyRun against its config link: the plan's config with this combination's params
  expectText(step, `${where}/config.json`, configJson(runConfigOf(plan, index)), await readSweepFile(runDir, 'config.json', step), `the plan's config with combination ${index}'s params`);
  // its stats.json passed verifyRun against result.pb
  const stats = JSON.parse(Buffer.from(await readSweepFile(runDir, 'stats.json', step)).toString('utf8')) as CombinationResult['stats'];
  const result = { index, runId: report.runId, recordSha256: createHash('sha256').update(rec.recordBytes).digest('hex'), runDir, stats };
  return { result, unverified, noLockfile: lockNote, signer };
}

/**
 * A run whose result.pb is at most this large (~60,000 bars of equity) is verified with everything hashed on
 * the verifying thread (verifySweepRun `inline`); a larger one gets its hashing thread, which then pays.
 */
const INLINE_RESULT_BYTES = 1 << 20;

/** The sweep's own key first, other keys next, unsigned last. */
function signerRank(fp: string | null, sweepKey: string | null): number {
  return fp === null ? 2 : fp === sweepKey ? 0 : 1;
}
