/**
 * @module walk-forward/verify
 * `backproof verify <walk-forward-folder>`: a straight pipeline, the first failing step named
 * (AuditError VERIFY_FAILED, its step):
 *   plan           walk-forward.json is, byte for byte, the plan its rule and base sweep plan make over
 *                  the data's bar times (the data read again and checked against the plan's hash)
 *   record         walk-forward-record.json canonical, its signature, plan hash and count
 *   windows        windows/ holds exactly one folder per window
 *   window N train its sweep.json is the base plan on window N's train range; the sweep verifies (sweep/verify:
 *                  every run, its root, summary and report)
 *   window N test  its sweep.json is the one combination the train summary ranks first, on the test
 *                  range; the sweep verifies
 *   root           the root over every run's record hash (window by window, train runs then the test run)
 *   equity         equity.csv is the stitched equity of the test runs' result.pb
 *   summary, report  summary.json and report.html are what the plan and the windows give
 * Nothing is executed. Also `backproof report <walk-forward-folder>` (writeWalkForwardReport): the page
 * rendered again from what the same reading gives, unchecked.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { writeFileAtomic } from '../report/index.ts';
import path from 'node:path';
import { AuditError, BackproofError, UsageError } from '../errors.ts';
import { openData } from '../data/load.ts';
import { parseDataSpec } from '../data/options.ts';
import { standInPaths, type DataStandIns } from '../data/stand-in.ts';
import { toHex } from '../../traces/index.ts';
import { dataOptionsOf, expectText, failIfUnverified, verifyFail, planText, readPlan, readSweepFile, readSweepRecord, sweepRoot, verifySweep, SWEEP_FILES, type SummaryRow, type SweepPlan } from '../sweep/index.ts';
import { chosenRow, makeWalkForwardPlan, planWindows, testPlan, trainPlan, walkForwardPlanText, windowFolderName, WALK_FORWARD_FILES, WALK_FORWARD_PLAN_FORMAT, WINDOW_SWEEPS, type WalkForwardPlan } from './plan.ts';
import { walkForwardLeaves, type WindowResult } from './stitch.ts';
import { feedTimes, testEquity, timesIn, walkForwardTexts, windowDirs } from './walk-forward.ts';

export interface WalkForwardVerifyOptions {
  dir: string;
  /** Require the walk-forward (and so every sweep and run in it) to be signed by this Ed25519 public key. */
  trustedKey?: Uint8Array | null;
  /** A copy of the data read instead of the plan's path (data/stand-in: the one file, or SYMBOL=FILE). */
  dataPath?: DataStandIns;
  /** Fail when a file anywhere in the folder is unverified (verify --strict). */
  strict?: boolean;
}

export interface WalkForwardVerifyReport {
  id: string;
  windows: number;
  count: number;
  root: string;
  planSha256: string;
  signed: boolean;
  keyFingerprint: string | null;
  steps: string[];
  /** What nothing binds, with why ("lockfile" once when the runs' toolchain pins no lockfile). */
  unverified: { file: string; why: string }[];
}

const fail = verifyFail;

/** Is `p` a walk-forward folder (it holds walk-forward.json)? */
export async function isWalkForwardFolder(p: string): Promise<boolean> {
  return (await lstat(path.join(p, WALK_FORWARD_FILES.plan)).catch(() => null))?.isFile() ?? false;
}

/** The plan: walk-forward.json parsed, its base sweep plan read as sweep.json is, and the whole made again over the data. */
async function readWalkForwardPlan(bytes: Uint8Array, standIn: DataStandIns): Promise<{ plan: WalkForwardPlan; times: BigInt64Array }> {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    return fail('plan', `${WALK_FORWARD_FILES.plan} is not JSON: ${(e as Error).message}`);
  }
  if (o?.format === 'backproof-walk-forward-plan@1')
    fail('plan', `${WALK_FORWARD_FILES.plan}: format "backproof-walk-forward-plan@1" is the older layout (windows/<w>/train and test), no longer read: run the walk-forward again (it writes "${WALK_FORWARD_PLAN_FORMAT}": windows/<w>/${WINDOW_SWEEPS.train} and ${WINDOW_SWEEPS.test})`);
  if (o === null || typeof o !== 'object' || o.format !== WALK_FORWARD_PLAN_FORMAT) fail('plan', `${WALK_FORWARD_FILES.plan}: format is not "${WALK_FORWARD_PLAN_FORMAT}"`);
  const rule = (o.rule ?? {}) as Record<string, unknown>;
  if (typeof rule.train !== 'string' || typeof rule.test !== 'string' || typeof rule.step !== 'string' || typeof rule.anchored !== 'boolean' || typeof rule.minBars !== 'number')
    fail('plan', `${WALK_FORWARD_FILES.plan}: rule is not {train, test, step, anchored, minBars}`);
  let sweep: SweepPlan;
  try {
    sweep = readPlan(Buffer.from(JSON.stringify(o.sweep, null, 2) + '\n'));
  } catch (e) {
    return fail('plan', `${WALK_FORWARD_FILES.plan}: its base sweep plan: ${(e as Error).message}`);
  }
  if (sweep.data.length !== 1) fail('plan', `${WALK_FORWARD_FILES.plan}: its base sweep plan has ${sweep.data.length} data files, a walk-forward reads one`);
  const { symbol, file, period } = parseDataSpec(sweep.data[0]!.spec);
  const options = dataOptionsOf(sweep);
  const [dataPath] = standInPaths([{ path: file, symbol }], standIn, WALK_FORWARD_FILES.plan);
  let times: BigInt64Array;
  try {
    const feed = await openData(dataPath ?? file, period === undefined ? options : { ...options, period });
    if (feed.sha256 !== sweep.data[0]!.sha256) fail('plan', `data file ${dataPath ?? file} has SHA-256 ${feed.sha256}, the plan's has ${sweep.data[0]!.sha256}`);
    if (symbol) feed.symbol = symbol;
    times = feedTimes(feed);
  } catch (e) {
    if (e instanceof AuditError) throw e;
    // the folder moved without its data (the plan names it as the walk-forward was given it): say how to point at a copy
    return fail('plan', `the plan's data cannot be read: ${(e as Error).message}${dataPath === undefined ? `; if it is elsewhere, pass --data FILE (a copy of ${file}, SHA-256 ${sweep.data[0]!.sha256})` : ''}`);
  }
  let plan: WalkForwardPlan;
  try {
    plan = makeWalkForwardPlan({ train: rule.train as string, test: rule.test as string, step: rule.step as string, anchored: rule.anchored as boolean, minBars: rule.minBars as number }, sweep, times);
  } catch (e) {
    return fail('plan', `${WALK_FORWARD_FILES.plan}: its rule makes no plan over the data: ${(e as Error).message}`);
  }
  expectText('plan', WALK_FORWARD_FILES.plan, walkForwardPlanText(plan), bytes, 'its rule and base sweep plan over the data');
  return { plan, times };
}

/**
 * Each window's results, read from its sweep folders: the train summary's rows, the choice they give,
 * the test run's row and equity (result.pb), and the test range's bar times. `check` (verify's) checks a
 * sweep folder before its summary is read; without it nothing is checked (the report: verify checks).
 */
export async function windowResults(
  dir: string, plan: WalkForwardPlan, times: BigInt64Array,
  check: (step: string, sweepDir: string, sweepPlan: SweepPlan, what: string) => Promise<SummaryRow[]> = async (step, sweepDir) => summaryRowsOf(sweepDir, step),
): Promise<{ windows: WindowResult[]; testTimes: BigInt64Array[] }> {
  const windows: WindowResult[] = [];
  const testTimes: BigInt64Array[] = [];
  for (const w of planWindows(plan)) {
    const dirs = windowDirs(dir, plan, w.index);
    const isPlan = trainPlan(plan, w.index);
    const train = await check(`window ${w.index} train`, dirs.train, isPlan, `the base plan on window ${w.index}'s train range`);
    const chosen = chosenRow(isPlan, train);
    const oosPlan = testPlan(plan, w.index, chosen.params);
    const [test] = await check(`window ${w.index} test`, dirs.test, oosPlan, `the in-sample choice (combination ${chosen.index}: ${JSON.stringify(chosen.params)}) on window ${w.index}'s test range`);
    windows.push({ index: w.index, train, chosen, test: test!, equity: await testEquity(dirs.test, oosPlan) });
    testTimes.push(timesIn(times, w.test.from, w.test.to));
  }
  return { windows, testTimes };
}

/**
 * `backproof report <walk-forward-folder>`: its page rendered again from the folder (the plan over
 * the data, the record, each window's summaries and test runs' result.pb), written to `out` (default:
 * its report.html). Checks nothing beyond what reading needs: `backproof verify` does.
 */
export async function writeWalkForwardReport(dir: string, opts: { out?: string } = {}): Promise<{ file: string }> {
  if (!(await isWalkForwardFolder(dir))) throw new UsageError('USAGE', `${dir} is not a walk-forward folder (no ${WALK_FORWARD_FILES.plan})`);
  const { plan, times } = await readWalkForwardPlan(await readSweepFile(dir, WALK_FORWARD_FILES.plan, 'plan'), undefined);
  const record = readSweepRecord(await readSweepFile(dir, WALK_FORWARD_FILES.record, 'record', 1 << 16), null);
  const { windows, testTimes } = await windowResults(dir, plan, times);
  const file = opts.out ?? path.join(dir, WALK_FORWARD_FILES.report);
  await writeFileAtomic(file, walkForwardTexts(plan, windows, testTimes, record).report);
  return { file };
}

/** A verified sweep folder's summary rows (summary.json, which sweep verify has bound to its runs). */
async function summaryRowsOf(dir: string, step: string): Promise<SummaryRow[]> {
  const o = JSON.parse(Buffer.from(await readSweepFile(dir, SWEEP_FILES.summaryJson, step)).toString('utf8')) as { rows: SummaryRow[] };
  return o.rows;
}

export async function verifyWalkForward(opts: WalkForwardVerifyOptions): Promise<WalkForwardVerifyReport> {
  const { dir } = opts;
  const steps: string[] = [];

  const planBytes = await readSweepFile(dir, WALK_FORWARD_FILES.plan, 'plan');
  const { plan, times } = await readWalkForwardPlan(planBytes, opts.dataPath);
  const planSha256 = createHash('sha256').update(planBytes).digest('hex');
  steps.push('plan');

  let record;
  try {
    record = readSweepRecord(await readSweepFile(dir, WALK_FORWARD_FILES.record, 'record', 1 << 16), opts.trustedKey ?? null);
  } catch (e) {
    return fail('record', `${WALK_FORWARD_FILES.record}: ${(e as Error).message}`);
  }
  const count = plan.windows.length * (plan.sweep.combinations.length + 1);
  if (record.planSha256 !== planSha256) fail('record', `the record's plan hash is ${record.planSha256}, ${WALK_FORWARD_FILES.plan} hashes to ${planSha256}`);
  if (record.count !== count) fail('record', `the record counts ${record.count} runs, the plan makes ${count}`);
  steps.push('record');

  const expected = plan.windows.map((w) => windowFolderName(w.index, plan.windows.length));
  const names = await readdir(path.join(dir, WALK_FORWARD_FILES.windows)).catch(() => fail('windows', `${WALK_FORWARD_FILES.windows}/ is missing`));
  const extra = names.filter((n) => !expected.includes(n)).sort();
  if (extra.length > 0) fail('windows', `${WALK_FORWARD_FILES.windows}/${extra[0]} is not a window of the plan`);
  const missing = expected.filter((n) => !names.includes(n));
  if (missing.length > 0) fail('windows', `${WALK_FORWARD_FILES.windows}/${missing[0]} is missing (${missing.length} of ${expected.length})`);
  steps.push('windows');

  const signer = record.signed ? Buffer.from(record.publicKey, 'hex') : null;
  const unverified: WalkForwardVerifyReport['unverified'] = [];
  let noLockfile: string | null = null;
  const sub = async (step: string, sweepDir: string, sweepPlan: SweepPlan, what: string): Promise<SummaryRow[]> => {
    expectText(step, path.relative(dir, path.join(sweepDir, SWEEP_FILES.plan)), planText(sweepPlan), await readSweepFile(sweepDir, SWEEP_FILES.plan, step), what);
    try {
      const r = await verifySweep({ dir: sweepDir, trustedKey: signer, runsBySweepKey: true, dataPath: opts.dataPath });
      // the runs' unpinned toolchain (the sweep's first entry) said once: every sweep's runs share it
      if (r.noLockfile) noLockfile = r.noLockfile;
      unverified.push(...r.unverified.slice(r.noLockfile ? 1 : 0).map((u) => ({ file: path.relative(dir, path.join(sweepDir, u.file)), why: u.why })));
    } catch (e) {
      const err = e as BackproofError;
      return fail(step, `${path.relative(dir, sweepDir)} does not verify${err instanceof AuditError && err.step ? ` [${err.step}]` : ''}: ${err.message}`);
    }
    return summaryRowsOf(sweepDir, step);
  };
  const { windows, testTimes } = await windowResults(dir, plan, times, async (step, sweepDir, sweepPlan, what) => {
    if (step.endsWith(' train')) {
      const windowDir = path.dirname(sweepDir);
      unverified.push(...(await readdir(windowDir)).filter((n) => n !== WINDOW_SWEEPS.train && n !== WINDOW_SWEEPS.test).sort().map((n) => ({ file: path.relative(dir, path.join(windowDir, n)), why: 'nothing in the walk-forward binds it' })));
    }
    const rows = await sub(step, sweepDir, sweepPlan, what);
    steps.push(step);
    return rows;
  });

  const root = toHex(sweepRoot(walkForwardLeaves(windows)));
  if (root !== record.root) fail('root', `the runs' records give root ${root}, the record's is ${record.root}`);
  steps.push('root');

  const texts = walkForwardTexts(plan, windows, testTimes, record);
  expectText('equity', WALK_FORWARD_FILES.equity, texts.equity, await readSweepFile(dir, WALK_FORWARD_FILES.equity, 'equity'), 'the test runs\' equity, stitched');
  steps.push('equity');
  expectText('summary', WALK_FORWARD_FILES.summary, texts.summary, await readSweepFile(dir, WALK_FORWARD_FILES.summary, 'summary'), 'the plan and the windows\' runs');
  steps.push('summary');
  expectText('report', WALK_FORWARD_FILES.report, texts.report, await readSweepFile(dir, WALK_FORWARD_FILES.report, 'report'), 'the plan, the windows\' runs and the record');
  steps.push('report');

  const known = new Set<string>(Object.values(WALK_FORWARD_FILES));
  unverified.unshift(...(noLockfile ? [{ file: 'lockfile', why: noLockfile }] : []), ...(await readdir(dir)).filter((n) => !known.has(n)).sort().map((file) => ({ file, why: 'nothing in the walk-forward binds it' })));
  if (opts.strict) failIfUnverified(unverified);
  return { id: record.sweepId, windows: plan.windows.length, count, root, planSha256, signed: record.signed, keyFingerprint: record.keyFingerprint, steps, unverified };
}
