/**
 * @module cli/sweep
 * `backproof sweep` (a parameter sweep: every combination an audited run, one signed sweep record),
 * `backproof sweep-prove` (one run's inclusion bundle under the sweep root) and
 * `backproof verify-sweep-proof` (its offline check); `backproof verify <sweep-folder>` is cli/verify's,
 * handed to verifySweep (docs/SWEEP.md).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import {
  DEFAULT_CONFIG, EXIT, UsageError, keyFingerprint, loadPrivateKey, loadPublicKeyRaw, rawPublicKey, sweep, proveSweepRun, proveWalkForwardRun, verifySweepProof, paramsText,
  OBJECTIVE_STATS, ranked, TOP_RUNS, verifySweep, runSweepOnQueue, type DataOptions, type RunConfig,
} from '../index.ts';
import { dataOptionsOf, numberOption, wholeOption, wholeValue, signingKeyFile, DEFAULT_KEY_DIR, DEFAULT_SIGNING_KEY, type Values } from './args.ts';
import { SCHEMA_PREFIX, str, type CommandSpec, type Invocation, type Outcome } from './command.ts';
import { PROGRESS_OPTIONS, progressFor } from './progress.ts';

/** A whole-number option (N ≥ 1), or undefined when not given. */
export function countOption(name: string, text: unknown): number | undefined {
  return text === undefined ? undefined : wholeOption(name, text, 0, 1);
}

/** `--seed` as the plan records it: a whole number's digits (1e3 is 1000), else the text as given, which host/sweep refuses naming the range. */
export function seedOption(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  return /^\d+$/.test(text) ? text : wholeValue(text)?.toString() ?? text;
}

/** `--timeout S` (default 600): each run's wall-clock watchdog in seconds, a positive number (a sweep's, a walk-forward's, a worker's). */
export function timeoutSecondsOf(values: Values): number {
  const timeoutSeconds = numberOption('timeout', values.timeout as string | undefined, 600);
  if (!(timeoutSeconds > 0)) throw new UsageError('USAGE', `--timeout must be a positive number of seconds, got ${timeoutSeconds}`);
  return timeoutSeconds;
}

/** What every run of a sweep (or walk-forward) shares, from the options: config, data read options, watchdog, signing key. */
export async function runOptionsOf(values: Values): Promise<{ config: RunConfig; dataOptions: DataOptions; timeoutSeconds: number; key: KeyObject | null }> {
  const trace = (values.trace as string | undefined) ?? DEFAULT_CONFIG.trace;
  if (trace !== 'full' && trace !== 'off') throw new UsageError('USAGE', `--trace must be "full" or "off", got "${trace}"`);
  const config: RunConfig = {
    ...DEFAULT_CONFIG,
    cash: numberOption('cash', values.cash as string | undefined, DEFAULT_CONFIG.cash),
    commission: numberOption('commission', values.commission as string | undefined, DEFAULT_CONFIG.commission),
    periodsPerYear: numberOption('periods-per-year', values['periods-per-year'] as string | undefined, DEFAULT_CONFIG.periodsPerYear),
    trace,
  };
  const dataOptions = dataOptionsOf(values);
  const timeoutSeconds = timeoutSecondsOf(values);
  const keyFile = signingKeyFile(values);
  return { config, dataOptions, timeoutSeconds, key: keyFile ? await loadPrivateKey(keyFile) : null };
}

export const sweepCmd: CommandSpec = {
  name: 'sweep',
  summary: 'run a strategy over a grid of parameters: an audited run each, one signed sweep record',
  usage: '--strategy <file.ts|file.wasm> --data <file.csv> --grid NAME=SPEC ... --objective STAT[:max|:min] --out DIR [options]',
  about: `Runs the strategy once per combination of the grids' values (or --samples of them), each a normal
audited run with its own signed record and run folder (DIR/runs/0000 …), at most --workers at once.
Writes DIR/sweep.json (the plan: module, data and config by hash, every combination in canonical order),
summary.csv and summary.json (a row per combination: params, run id, record hash, objective, key stats),
sweep-record.json (a signed RFC 9162 Merkle root over the runs' record hashes) and report.html (a heatmap
of the objective and the top runs). The module is built once and the data read once. The sweep is made
beside DIR and renamed into place when complete: a failed sweep leaves nothing at DIR.
GRID SPEC: A..B:STEP (5..50:5), A..B (step 1), a list V1,V2,... or one value V; decimals are exact.
WHERE: numbers, parameter names, + - * /, ( ), < <= > >= == !=, and or not (docs/SWEEP.md).`,
  options: [
    str('strategy', 'FILE', 'the strategy: AssemblyScript source (built with asc) or a built .wasm'),
    { name: 'data', type: 'string', multiple: true, arg: '[NAME=]FILE[@PERIOD]', help: 'a data file, as backtest takes it (repeat for several symbols)' },
    { name: 'grid', type: 'string', multiple: true, arg: 'NAME=SPEC', help: 'a parameter\'s values (repeat, one per parameter), e.g. fast=5..50:5 or slow=20,50,100' },
    str('samples', 'N', 'random search: N combinations drawn from the grid (with --seed)'),
    str('seed', 'S', 'the random search\'s seed, a whole number 0..2^64-1'),
    str('where', 'EXPR', 'keep only combinations where EXPR holds, e.g. "fast < slow"'),
    str('objective', 'STAT[:max|:min]', `the statistic to rank by (default direction max): ${OBJECTIVE_STATS.join(', ')}`),
    str('out', 'DIR', 'the sweep folder (must not exist)'),
    str('workers', 'N', 'combinations run at once, each on its own thread (default: the available cores)'),
    str('max-combinations', 'N', 'refuse a sweep of more combinations than N (default 10000)'),
    str('key', 'FILE', `Ed25519 private key (PEM) to sign the runs and the sweep record; default ${DEFAULT_KEY_DIR}/backproof.key if present`),
    { name: 'unsigned', type: 'boolean', help: 'do not sign, even if a default key exists' },
    str('cash', 'N', `starting cash (default ${DEFAULT_CONFIG.cash})`),
    str('commission', 'F', 'commission as a fraction of traded value, e.g. 0.002 (default 0)'),
    str('periods-per-year', 'A', 'annualise the stats with A return periods a year (default: inferred)'),
    str('trace', 'full|off', 'record and commit each run\'s execution trace (default full)'),
    str('timezone', 'ZONE', 'IANA zone of timestamps without one (default UTC)'),
    str('date-format', 'dmy|mdy', 'day/month order of d/m/y dates'),
    str('duplicates', 'keep', 'keep rows with equal timestamps in file order'),
    str('timeout', 'S', 'each run\'s wall-clock watchdog in seconds (default 600)'),
    str('isolation', 'v8|wasi|process', `where every run's guest runs: v8 (its guest thread, default), wasi (Wasmer in a worker thread)
or process (a child process under Node's permission model); the runs, summary and sweep root are the same under each
(docs/RUNTIMES.md). Not with --queue: each worker's own --isolation decides`),
    str('queue', 'URL', `run the combinations on "backproof worker" processes through this Redis (BullMQ),
redis://HOST:PORT[/DB], instead of --workers here; with --store (docs/DEPLOY.md)`),
    str('store', 'DIR', 'with --queue: the content-addressed store the workers share (a mounted volume)'),
    ...PROGRESS_OPTIONS,
  ],
  positionals: 0,
  examples: [
    'backproof sweep --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --grid fast=5..20:5 --grid slow=20..60:20 --where "fast < slow" --objective sharpe --out sweeps/sma --unsigned',
    'backproof sweep --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --grid fast=2..60 --grid slow=10..200:5 --samples 20 --seed 7 --objective maxDrawdownPct:max --out sweeps/random --unsigned --json',
    'backproof sweep --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --grid fast=5..20:5 --grid slow=20..60:20 --objective sharpe --out sweeps/queued --queue redis://127.0.0.1:6379 --store /mnt/backproof-store --unsigned',
  ],
  exits: [0, 2, 3, 4, [5, 'with --queue: a worker refused a job (another toolchain) or a run fetched from the store did not check out'], 6],
  schema: 'sweep@1',
  async run({ values, text, ctx }) {
    if (!values.strategy) throw new UsageError('USAGE', 'sweep needs --strategy <file.ts|file.wasm>');
    if (!values.data) throw new UsageError('USAGE', 'sweep needs --data <file.csv>');
    if (!values.grid) throw new UsageError('USAGE', 'sweep needs at least one --grid NAME=SPEC');
    if (!values.objective) throw new UsageError('USAGE', `sweep needs --objective STAT[:max|:min], one of ${OBJECTIVE_STATS.join(', ')}`);
    if (!values.out) throw new UsageError('USAGE', 'sweep needs --out DIR (the sweep folder)');
    const { config, dataOptions, timeoutSeconds, key } = await runOptionsOf(values);
    const queue = values.queue as string | undefined;
    const store = values.store as string | undefined;
    if ((queue === undefined) !== (store === undefined)) throw new UsageError('USAGE', '--queue URL and --store DIR go together: the workers read the inputs from the store and put the runs there');
    if (queue !== undefined && values.workers !== undefined) throw new UsageError('USAGE', '--workers and --queue: with --queue the combinations run on "backproof worker" processes (their --concurrency), not here');
    const bar = progressFor('sweep', values, ctx, 'runs');
    const r = await sweep({
      strategy: values.strategy as string, data: values.data as string[], dataOptions, config,
      grids: values.grid as string[], samples: countOption('samples', values.samples), seed: seedOption(values.seed),
      where: values.where as string | undefined, objective: values.objective as string, out: values.out as string,
      workers: countOption('workers', values.workers), maxCombinations: countOption('max-combinations', values['max-combinations']),
      key, timeoutMs: timeoutSeconds * 1000, isolation: values.isolation as string | undefined,
      runAll: queue === undefined ? undefined : (x) => runSweepOnQueue({ ...x, queue, store: store! }),
      progress: bar.counter,
    }).finally(bar.stop);
    const top = ranked(r.plan, r.rows).slice(0, TOP_RUNS);
    const best = top[0] && top[0].objective !== null ? top[0] : null;
    const fingerprint = key ? keyFingerprint(rawPublicKey(key)) : null;
    text.log(`sweep id      ${r.record.sweepId}`);
    text.log(`runs          ${r.record.count}`);
    text.log(`sweep root    ${r.record.root}`);
    text.log(`plan          sha256 ${r.record.planSha256}`);
    text.log(`record        ${fingerprint ? `signed by key ${fingerprint}` : 'unsigned'}`);
    text.log(best ? `best          run ${best.index} (${Object.entries(best.params).map(([k, v]) => `${k}=${v}`).join(' ')}): ${r.plan.objective.stat} ${best.objective}` : `best          none (${r.plan.objective.stat} is NaN in every run)`);
    text.log(`sweep folder  ${r.dir}`);
    if (!key && !values.unsigned) ctx.err.log(`\n*** WARNING: this sweep is UNSIGNED: no --key was given and ${DEFAULT_SIGNING_KEY} does not exist; pass --unsigned to mean it. ***\n`);
    return {
      exit: EXIT.ok,
      json: {
        sweepId: r.record.sweepId, dir: r.dir, count: r.record.count, root: r.record.root, planSha256: r.record.planSha256,
        signed: key !== null, keyFingerprint: fingerprint, objective: r.plan.objective,
        best: best ? best.index : null,
        top: top.map((row) => ({ index: row.index, params: row.params, runId: row.runId, recordSha256: row.recordSha256, objective: row.objective })),
      },
    };
  },
};

export const sweepProveCmd: CommandSpec = {
  name: 'sweep-prove',
  summary: 'prove that one run belongs to a sweep: an inclusion bundle under the signed sweep root',
  usage: '<sweep-dir|walk-forward-dir> <index> [--out FILE.json]',
  about: `Writes a small JSON bundle: the sweep record (its fields and signature), run <index>'s id and record
hash (SHA-256 of its Record bytes) and its RFC 9162 inclusion proof under the sweep root. Anyone can
check it offline with backproof verify-sweep-proof, without the sweep folder. Of a walk-forward folder
(docs/WALK-FORWARD.md), <index> counts its runs in its record's order: window by window, the train runs, then the test run.`,
  options: [str('out', 'FILE.json', 'where to write the bundle (default: stdout)')],
  positionals: 2,
  examples: ['backproof sweep-prove sweeps/sma 3 --out sweeps/sma-run3.json'],
  exits: [0, 2, [5, 'the runs\' records do not give the sweep root']],
  schema: 'sweep-prove@1',
  async run({ values, positionals, text }) {
    const [dir, indexText] = positionals;
    if (!dir || indexText === undefined) throw new UsageError('USAGE', 'sweep-prove needs a sweep folder and a run index: backproof sweep-prove <sweep-dir> <index>');
    if (!/^\d{1,9}$/.test(indexText)) throw new UsageError('USAGE', `the run index must be a whole number, got "${indexText}"`);
    const walk = existsSync(path.join(dir, 'walk-forward.json'));
    const bundle = walk ? await proveWalkForwardRun(dir, Number(indexText)) : await proveSweepRun(dir, Number(indexText));
    const out = values.out as string | undefined;
    if (out !== undefined) {
      if (!out.endsWith('.json')) throw new UsageError('USAGE', `--out ${out}: the bundle's file must end in .json`);
      await writeFile(out, JSON.stringify(bundle, null, 2) + '\n', { flag: 'wx' }).catch((e) => {
        throw new UsageError((e as NodeJS.ErrnoException).code === 'EEXIST' ? 'OUTPUT_EXISTS' : 'USAGE', `--out ${out}: cannot write the bundle (${(e as NodeJS.ErrnoException).code})`);
      });
      text.log(`wrote ${out}: run ${bundle.index} (${bundle.runId}) under ${walk ? 'walk-forward' : 'sweep'} root ${bundle.sweep.root}`);
    } else text.log(JSON.stringify(bundle, null, 2));
    return { exit: EXIT.ok, json: { bundle, out: out ?? null } };
  },
};

export const verifySweepProofCmd: CommandSpec = {
  name: 'verify-sweep-proof',
  summary: 'check a sweep inclusion bundle offline (the sweep record\'s signature, the proof to its root)',
  usage: '<bundle.json> [--run RUN_DIR] [--pubkey FILE]',
  about: `Checks the bundle's sweep record (canonical, signature), then the inclusion proof from the run's record
hash to the signed sweep root. That proves the record hash only: the bundle's run id and params are
printed as "not proven" unless --run is given, whose record.pb must be the run proven and whose record's
run id and params must be the bundle's.`,
  options: [
    str('run', 'RUN_DIR', 'a run folder: its record.pb must hash to the bundle\'s record hash, its run id and params be the bundle\'s'),
    str('pubkey', 'FILE', 'require the sweep record to be signed by this public key'),
  ],
  positionals: 1,
  examples: ['backproof verify-sweep-proof sweeps/sma-run3.json --run sweeps/sma/runs/0003'],
  exits: [0, 2, [5, 'the bundle does not check out']],
  schema: 'verify-sweep-proof@1',
  async run({ values, positionals, text }) {
    const file = positionals[0];
    if (!file) throw new UsageError('USAGE', 'verify-sweep-proof needs a bundle: backproof verify-sweep-proof <bundle.json>');
    let bundle: unknown;
    try {
      bundle = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError('USAGE', `cannot read the bundle ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const trustedKey = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
    const runDir = values.run as string | undefined;
    const runPb = runDir === undefined ? undefined : new Uint8Array(await readFile(path.join(runDir, 'record.pb')).catch(() => {
      throw new UsageError('USAGE', `--run ${runDir}: no record.pb there`);
    }));
    const c = verifySweepProof(bundle, { trustedKey, runPb });
    if (c.unproven.length === 0) text.log(`OK run ${c.index} (${c.runId}, ${paramsText(c.params)}) is in sweep ${c.sweepId}, root ${c.root}`);
    else {
      text.log(`OK run ${c.index}'s record (sha256 ${c.recordSha256}) is in sweep ${c.sweepId}, root ${c.root}`);
      text.log(`not proven by this bundle (its claim: pass --run RUN_DIR to check them against the run's record): run id ${c.runId}, params ${paramsText(c.params)}`);
    }
    text.log(c.signed ? `signed by key ${c.keyFingerprint}${trustedKey ? ' (the trusted key)' : ''}` : 'UNSIGNED: the proof holds, but nobody vouches for the sweep record');
    return { exit: EXIT.ok, json: { ok: true, ...c, runChecked: runPb !== undefined } };
  },
};

/**
 * `backproof verify <sweep-folder>`, as cli/verify hands a folder holding sweep.json over: the sweep's
 * checks (host/sweep verifySweep), its --json document of schema sweep-verify@1.
 */
export async function verifySweepCommand({ values, positionals, text }: Invocation): Promise<Outcome> {
  const dir = positionals[0]!;
  for (const opt of ['rebuild', 'vkey', 'log-proof'])
    if (values[opt] !== undefined && values[opt] !== false) throw new UsageError('USAGE', `--${opt} applies to a run folder; ${dir} is a sweep folder (verify its runs/<index> for it)`);
  const trustedKey = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
  const r = await verifySweep({ dir, trustedKey, dataPath: values.data as string[] | undefined, strict: values.strict === true });
  text.log(`OK sweep ${r.sweepId}: ${r.steps.join(' → ')}`);
  const allByIt = r.runSigners.length === 1 && r.runSigners[0]!.keyFingerprint === r.keyFingerprint;
  text.log(r.signed ? `signed by key ${r.keyFingerprint}${trustedKey ? ' (the trusted key)' : ' (not pinned: pass --pubkey to require a key)'}${allByIt ? '; every run signed by it' : ''}` : 'UNSIGNED: integrity checked, but nobody vouches for this sweep');
  // workers may sign their runs with keys of their own, or not at all (docs/DEPLOY.md): said, not refused
  if (!allByIt && !(r.runSigners.length === 1 && r.runSigners[0]!.keyFingerprint === null && !r.signed))
    text.log(`run signers ${r.runSigners.map((s) => `${s.keyFingerprint === null ? 'unsigned' : `key ${s.keyFingerprint}`} (${s.runs})`).join(', ')}${r.signed ? ': the sweep record\'s signature covers every run\'s record' : ''}`);
  text.log(`runs       ${r.count}, each verified`);
  text.log(`sweep root ${r.root}`);
  for (const u of r.unverified) text.log(`UNVERIFIED ${u.file}: ${u.why} (--strict fails on it)`);
  return {
    exit: EXIT.ok,
    json: { schema: `${SCHEMA_PREFIX}sweep-verify@1`, ok: true, sweepId: r.sweepId, steps: r.steps, signed: r.signed, keyFingerprint: r.keyFingerprint, keyPinned: trustedKey !== null, runSigners: r.runSigners, count: r.count, root: r.root, planSha256: r.planSha256, unverified: r.unverified.map((u) => u.file) },
  };
}

export { removeSweepPartials } from '../index.ts';

export const SWEEP_COMMANDS: CommandSpec[] = [sweepCmd, sweepProveCmd, verifySweepProofCmd];
