/**
 * @module cli
 * `backproof` commands. Only parses arguments, reads and writes files, prints (text, or one JSON
 * document with --json) and maps errors to exit codes (docs/ARCHITECTURE.md); all work goes
 * through the host's public API. Each command is a `CommandSpec` (cli/command.ts) in COMMANDS.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  buildStrategy, DEFAULT_CONFIG, EXIT, generateKeys, keyFingerprint, loadPrivateKey,
  renderStatsTable, UsageError, ASC_FLAGS, rawPublicKey,
  traceWindow, mnemonic, checkBuild, checkSnapshot, removePartials, hasInterruptCleanups, runInterruptCleanups, type RunConfig, backtestForCli, statsObject, rejectionsByReason, backproofVersion,
  recordedResultSha256, csvKinds, CSV_FILE, stampedBuild, toolchainMessage, WIT_FILE, WIT_PACKAGE, WIT_WORLD, type BuildToolchain,
} from '../index.ts';
import { toHex, sha256 } from '../../traces/index.ts';
import { NUMBERS_HELP, numberOption, wholeBigOption, paramsOption, dataOptionsOf, signingKeyFile, DEFAULT_KEY_DIR, DEFAULT_SIGNING_KEY, type Out, type Values } from './args.ts';
import { COMMON_OPTIONS, EXIT_MEANINGS, exitLine, jsonText, renderHelp, SCHEMA_PREFIX, str, table, type CommandSpec, type Invocation, type Outcome } from './command.ts';
import { AUDIT_COMMANDS } from './audit.ts';
import { LOG_COMMANDS, LOG_GROUP } from './log.ts';
import { reportCmd } from './report.ts';
import { exportCmd } from './export.ts';
import { inspectCmd } from './inspect-module.ts';
import { SWEEP_COMMANDS, removeSweepPartials } from './sweep.ts';
import { walkForwardCmd, removeWalkForwardPartials } from './walk-forward.ts';
import { checkDeterminismCmd } from './check.ts';
import { workerCmd } from './worker.ts';
import { deployCmd } from './deploy.ts';
import { SERVE_COMMANDS } from './serve.ts';
import { init } from './init.ts';
import { PROGRESS_OPTIONS, progressFor } from './progress.ts';
import { commonOptions, errorDocument, printHelp, runCommand } from './dispatch.ts';
import { verify } from './verify.ts';

const build: CommandSpec = {
  name: 'build',
  summary: 'compile a strategy with asc (writes .wasm and .build.json)',
  usage: '<strategy.ts> [--out FILE.wasm] [--component]',
  about: `Compiles with asc (${ASC_FLAGS.join(' ')}) and writes the module and, beside it,
<name>.build.json with the SHA-256 of every source file (raw and normalized) and of the module.
The module carries its provenance stamp (its producers section: asc's version and flags, the
sources' and the SDK's hashes; verify checks it) and must fit the WIT world ${WIT_FILE}
(componentized with jco; docs/WIT.md).`,
  options: [{ name: 'out', type: 'string', arg: 'FILE.wasm', help: `where to write the module (default: the source with .wasm); must end in .wasm.
An existing module there, and its .build.json and .wasm.map, are replaced (a rebuild)` },
  { name: 'component', type: 'boolean', help: 'also write the module as a WebAssembly component of that world, <name>.component.wasm' }],
  positionals: 1,
  examples: ['backproof build strategies-as/sma-cross.ts', 'backproof build strategies-as/sma-cross.ts --component'],
  exits: [0, 2, 6],
  schema: 'build@1',
  async run({ values, positionals, text }) {
    const entry = positionals[0];
    if (!entry) throw new UsageError('USAGE', 'build needs a strategy file: backproof build <strategy.ts>');
    const out = values.out as string | undefined;
    // Only a module's name: every source asc reads is .ts, so the build can never write over one.
    if (out !== undefined && !out.endsWith('.wasm')) throw new UsageError('USAGE', `--out ${out}: the module's file must end in .wasm`);
    if (out !== undefined && path.resolve(out) === path.resolve(entry)) throw new UsageError('USAGE', `--out ${out} is the strategy file itself`);
    const result = await buildStrategy(entry);
    checkBuild(result); // what the sandbox would refuse fails now (exit 6), with a hint
    // Stamped with its provenance, then checked against the WIT world (exit 6 naming the mismatch).
    const { wasm, component } = await stampedBuild(result.wasm, result.sources, toolchainMessage() as unknown as BuildToolchain, entry);
    const target = out ?? entry.replace(/\.ts$/, '') + '.wasm';
    const componentFile = values.component ? target.replace(/\.wasm$/, '.component.wasm') : undefined;
    // asc's source map beside the module, bound to it by its SHA-256 here (loading the .wasm checks both: run/source-map).
    const mapFile = `${target}.map`;
    const info = {
      entry: result.sources[0]!.path,
      wasm: { path: path.basename(target), sha256: toHex(sha256(wasm)), size: wasm.length },
      assemblyscript: result.ascVersion,
      flags: result.flags,
      sources: result.sources.map(({ path: p, sha256: h, normalizedSha256 }) => ({ path: p, sha256: h, normalizedSha256 })),
      ...(result.sourceMap !== undefined ? { sourceMap: { path: path.basename(mapFile), sha256: toHex(sha256(new TextEncoder().encode(result.sourceMap))) } } : {}),
    };
    const buildJson = target.replace(/\.wasm$/, '') + '.build.json';
    await writeFile(target, wasm);
    if (result.sourceMap !== undefined) await writeFile(mapFile, result.sourceMap);
    await writeFile(buildJson, JSON.stringify(info, null, 2) + '\n');
    if (componentFile !== undefined) await writeFile(componentFile, component);
    text.log(`built ${target} (${wasm.length} bytes, sha256 ${info.wasm.sha256})`);
    if (componentFile !== undefined) text.log(`wrote ${componentFile} (${component.length} bytes, the component of ${WIT_PACKAGE}/${WIT_WORLD})`);
    return { exit: EXIT.ok, json: { wasmFile: target, buildFile: buildJson, build: info, ...(componentFile !== undefined ? { componentFile } : {}) } };
  },
};

function brokerOptions(values: Values): RunConfig['broker'] {
  const d = DEFAULT_CONFIG.broker;
  const n = (name: string, fallback: number) => numberOption(name, values[name] as string | undefined, fallback);
  return {
    commissionPerUnit: n('commission-per-unit', d.commissionPerUnit),
    commissionFixed: n('commission-fixed', d.commissionFixed),
    commissionMinimum: n('commission-min', d.commissionMinimum),
    slippageBps: n('slippage-bps', d.slippageBps),
    slippageFixed: n('slippage-fixed', d.slippageFixed),
    lotSize: n('lot-size', d.lotSize),
    margin: n('margin', d.margin),
    maintenanceMargin: n('maintenance-margin', d.maintenanceMargin),
    fillAt: ((values['fill-at'] as string | undefined) ?? d.fillAt) as RunConfig['broker']['fillAt'],
    bothTouched: ((values['both-touched'] as string | undefined) ?? d.bothTouched) as RunConfig['broker']['bothTouched'],
  };
}

const backtestCmd: CommandSpec = {
  name: 'backtest',
  summary: 'run an audited backtest and write a run folder',
  usage: '--strategy <file.ts|file.wasm> --data <file.csv|lean.zip> [options]',
  about: `Runs the strategy over the data in the metered, traced sandbox and writes a run folder: the signed
record (record.pb, record.json), the result (result.pb: trades, orders, the equity at every bar, the
stats) with stats.json, config.json, the module (strategy.wasm) and its sources, the trace's leaf
hashes (trace-leaves.bin), snapshots.json and report.html. The CSV files (trades.csv, orders.csv,
equity.csv: a row per bar) are written only when asked: --csv now, or backproof export later (the
same bytes, from result.pb); verify checks each one a folder holds.
Prints the stats table and the run's id, trace root, result hash and folder (and the CSV files written).`,
  options: [
    str('strategy', 'FILE', 'the strategy: AssemblyScript source (built with asc) or a built .wasm'),
    { name: 'data', type: 'string', multiple: true, arg: '[NAME=]FILE[@PERIOD]', help: `repeat for several symbols (merged in time); PERIOD: bar length, e.g. @1d, @12h, @0 for ticks
(default: the file's most common spacing; a bar reaches the strategy when it closes)` },
    str('timezone', 'ZONE', 'IANA zone of timestamps without one (default UTC; Lean: America/New_York)'),
    str('date-format', 'dmy|mdy', 'day/month order of d/m/y dates, when a file\'s dates are ambiguous'),
    str('duplicates', 'keep', 'keep rows with equal timestamps in file order (default: an error)'),
    { name: 'param', type: 'string', multiple: true, arg: 'k=v', help: 'strategy parameter (repeatable), read by param("k", default)' },
    str('cash', 'N', `starting cash (default ${DEFAULT_CONFIG.cash})`),
    str('commission', 'F', 'commission as a fraction of traded value, e.g. 0.002 (default 0)'),
    str('commission-per-unit', 'X', 'commission per unit traded (default 0)'),
    str('commission-fixed', 'X', 'commission per fill (default 0)'),
    str('commission-min', 'X', 'the least commission of a fill (default 0)'),
    str('slippage-bps', 'X', 'slippage in basis points against the trader on market and stop fills'),
    str('slippage-fixed', 'X', 'slippage in price units against the trader on market and stop fills'),
    str('lot-size', 'X', 'round units down to this lot (default 1; 0 = any fraction)'),
    str('margin', 'F', 'initial margin (default 1 = no leverage; 0.5 = 2x)'),
    str('maintenance-margin', 'F', 'liquidate at the next open when equity < F x position value (default 0 = off)'),
    str('fill-at', 'open|close', 'market orders fill at the next open (default) or this bar\'s close'),
    str('both-touched', 'stop-first|target-first', 'bracket rule when one bar reaches both stop-loss and take-profit'),
    str('periods-per-year', 'A', `annualise the stats with A return periods a year (e.g. 252, 365, 52, 12);
default: inferred from the bar spacing as backtesting.py does (docs/SEMANTICS.md)`),
    str('out', 'DIR', 'run folder (default runs/<run id>)'),
    { name: 'force', type: 'boolean', help: `replace an existing run folder (one holding record.pb) or an empty folder;
anything else, and the working folder or one holding the strategy or data, is refused (exit 2)` },
    str('key', 'FILE', `Ed25519 private key (PEM) to sign the record; default ${DEFAULT_KEY_DIR}/backproof.key if present`),
    { name: 'unsigned', type: 'boolean', help: `do not sign, even if a default key exists (without a key and without
--unsigned, the run is made unsigned with a warning on stderr)` },
    str('fuel', 'N', `instruction budget for the run (default ${DEFAULT_CONFIG.fuel})`),
    str('fuel-per-bar', 'N', `instruction budget for init and for each bar (default ${DEFAULT_CONFIG.fuelPerCallback})`),
    str('max-memory-pages', 'N', `guest memory limit in 64 KiB pages (default ${DEFAULT_CONFIG.maxMemoryPages})`),
    str('max-call-depth', 'N', `guest call nesting limit (default ${DEFAULT_CONFIG.maxCallDepth}, at most 4096)`),
    str('max-open-orders', 'N', `most orders resting at once (default ${DEFAULT_CONFIG.maxOpenOrders}); past it: HOST_LIMIT`),
    str('max-orders', 'N', `most order rows a run records, accepted or rejected (default ${DEFAULT_CONFIG.maxOrders}); past it: HOST_LIMIT`),
    str('max-log-bytes', 'N', `most bytes the guest may log (default ${DEFAULT_CONFIG.maxLogBytes}); past it: HOST_LIMIT`),
    str('trace', 'full|off', 'record and commit the execution trace (default full); fuel is always on'),
    str('snapshot-every', 'N', 'hash the guest\'s memory and globals every N bars, committed in the trace'),
    str('trace-format', '4|5|6|7|8', `trace format (instrumenter version) to record (default 8); 5 and up record branch bits and
predicted addresses instead of format 4's region ids (far fewer bytes); 6 adds keyframes, so a proof carries the leaves
from the last keyframe before the instruction, 5's every leaf from the first; 7 records 6's stream byte for byte with a
cheaper fuel check; 8 predicts addresses from the stride before the last (fewer bytes) (docs/TRACE.md)`),
    str('isolation', 'v8|wasi|process', `where the guest runs: v8 (this process, default), wasi (Wasmer in a worker thread) or
process (a child process under Node's permission model); the record is the same under each (docs/RUNTIMES.md)`),
    str('timeout', 'S', 'wall-clock watchdog in seconds (default 600): a last resort, the run is stopped'),
    str('log', 'DIR', `append the record's hash to this transparency log (backproof log init) and
write the inclusion proof to <run folder>/log-inclusion.json`),
    str('log-key', 'FILE', 'the log\'s key, if not the signing key'),
    { name: 'no-report', type: 'boolean', help: 'do not write report.html, the run\'s HTML report (backproof report), into the run folder' },
    str('csv', 'LIST', `also write these CSV files into the run folder: trades, orders, equity, comma-separated, or all
(default none: backproof export <run-dir> --trades --orders --equity writes the same bytes later)`),
    ...PROGRESS_OPTIONS,
  ],
  positionals: 0,
  examples: [
    'backproof backtest --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --param fast=10 --out runs/demo',
    'backproof backtest --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --unsigned --json',
  ],
  exits: [0, 2, 3, 4, [5, 'the --log log does not check out'], 6],
  schema: 'backtest@1',
  run: runBacktest,
};

async function runBacktest({ values, text, ctx }: Invocation): Promise<Outcome> {
  if (!values.strategy) throw new UsageError('USAGE', 'backtest needs --strategy <file.ts|file.wasm>');
  if (!values.data) throw new UsageError('USAGE', 'backtest needs --data <file.csv>');
  const csv = csvKinds(values.csv);
  const params = paramsOption(values.param as string[] | undefined);
  const fuel = wholeBigOption('fuel', values.fuel, DEFAULT_CONFIG.fuel, 0n);
  const fuelPerCallback = wholeBigOption('fuel-per-bar', values['fuel-per-bar'], DEFAULT_CONFIG.fuelPerCallback, 0n);
  const config: RunConfig = {
    ...DEFAULT_CONFIG,
    cash: numberOption('cash', values.cash as string | undefined, DEFAULT_CONFIG.cash),
    commission: numberOption('commission', values.commission as string | undefined, DEFAULT_CONFIG.commission),
    params,
    fuel,
    fuelPerCallback,
    maxMemoryPages: numberOption('max-memory-pages', values['max-memory-pages'] as string | undefined, DEFAULT_CONFIG.maxMemoryPages),
    maxCallDepth: numberOption('max-call-depth', values['max-call-depth'] as string | undefined, DEFAULT_CONFIG.maxCallDepth),
    trace: ((values.trace as string | undefined) ?? DEFAULT_CONFIG.trace) as RunConfig['trace'],
    broker: brokerOptions(values),
    snapshotEvery: numberOption('snapshot-every', values['snapshot-every'] as string | undefined, 0),
    maxOpenOrders: numberOption('max-open-orders', values['max-open-orders'] as string | undefined, DEFAULT_CONFIG.maxOpenOrders),
    maxOrders: numberOption('max-orders', values['max-orders'] as string | undefined, DEFAULT_CONFIG.maxOrders),
    maxLogBytes: numberOption('max-log-bytes', values['max-log-bytes'] as string | undefined, DEFAULT_CONFIG.maxLogBytes),
    periodsPerYear: numberOption('periods-per-year', values['periods-per-year'] as string | undefined, DEFAULT_CONFIG.periodsPerYear),
  };
  const defaultKey = DEFAULT_SIGNING_KEY;
  const keyFile = signingKeyFile(values);
  const key = keyFile ? await loadPrivateKey(keyFile) : null;
  const logDir = values.log as string | undefined;
  const log = logDir ? { dir: logDir, keyFile: (values['log-key'] as string | undefined) ?? keyFile ?? defaultKey } : undefined;
  const timeoutSeconds = numberOption('timeout', values.timeout as string | undefined, 600);
  if (!(timeoutSeconds > 0)) throw new UsageError('USAGE', `--timeout must be a positive number of seconds, got ${timeoutSeconds}`);
  const dataOptions = dataOptionsOf(values);
  const traceFormat = values['trace-format'] as string | undefined;
  if (traceFormat !== undefined && traceFormat !== '4' && traceFormat !== '5' && traceFormat !== '6' && traceFormat !== '7' && traceFormat !== '8') throw new UsageError('USAGE', `--trace-format must be 4, 5, 6, 7 or 8, got "${traceFormat}"`);
  const bar = progressFor('backtest', values, ctx);
  const { outcome, dir, logged } = await backtestForCli({
    traceFormat: traceFormat === undefined ? undefined : (Number(traceFormat) as 4 | 5 | 6 | 7 | 8),
    isolation: values.isolation as 'v8' | 'wasi' | 'process' | undefined,
    strategy: values.strategy as string, data: values.data as string[], dataOptions, config, key, log,
    out: values.out as string | undefined, force: Boolean(values.force), timeoutMs: timeoutSeconds * 1000, report: !values['no-report'], csv,
    logLevel: ctx.logLevel, prettyLogs: Boolean(process.stderr.isTTY), progress: bar.counter, onPhase: bar.onPhase,
  }).finally(bar.stop);
  const traceRoot = toHex(outcome.trace.root);
  const resultSha256 = recordedResultSha256(outcome); // hashed once already, for the record
  const fingerprint = key ? keyFingerprint(rawPublicKey(key)) : null;
  // The rows read from the run's columns as counted, none kept (outcome.result's would all be made and held):
  // once, for the table or (--json, where the text goes nowhere) for the document's rejections.
  if (!ctx.json) text.log(renderStatsTable(outcome.result.stats, outcome.rows.orders));
  text.log('');
  text.log(`run id        ${outcome.runId}`);
  text.log(`instructions  ${outcome.instructions}`);
  text.log(`trace root    ${traceRoot} (${outcome.trace.leafHashes.length} ${outcome.trace.leafHashes.length === 1 ? 'leaf' : 'leaves'}, ${outcome.trace.byteLength} bytes)`);
  text.log(`result        sha256 ${resultSha256}`);
  text.log(`record        ${fingerprint ? `signed by key ${fingerprint}` : 'unsigned'}`);
  text.log(`run folder    ${dir}`);
  if (csv.length > 0) text.log(`csv files     ${csv.map((k) => CSV_FILE[k]).join(' ')}`);
  if (!key && !values.unsigned) {
    // Said where it cannot be missed, and not silenced by --quiet or --json: only --unsigned says it is meant.
    ctx.err.log([
      '',
      '*** WARNING: this run is UNSIGNED: nobody vouches for its record. ***',
      `*** No --key was given and ${defaultKey} does not exist. Make a key with "backproof keygen" ***`,
      '*** (or pass --key FILE); pass --unsigned to make an unsigned run on purpose. ***',
      '',
    ].join('\n'));
  }
  if (logged) text.log(`logged        entry ${logged.index} of ${logged.origin} (tree size ${logged.size}); proof in ${logged.proof}`);
  return {
    exit: EXIT.ok,
    json: {
      runId: outcome.runId,
      dir,
      stats: statsObject(outcome.result.stats),
      get rejections() { return Object.fromEntries(rejectionsByReason(outcome.rows.orders)); },
      instructions: outcome.instructions,
      fuelUsed: outcome.fuelUsed,
      trace: { root: traceRoot, leaves: outcome.trace.leafHashes.length, bytes: outcome.trace.byteLength },
      resultSha256,
      signed: key !== null,
      keyFingerprint: fingerprint,
      logged: logged ? { index: logged.index, size: logged.size, origin: logged.origin, proof: logged.proof } : null,
    },
  };
}

const trace: CommandSpec = {
  name: 'trace',
  summary: 'print a window of a run\'s per-instruction trace',
  usage: '<run-dir> [--from N] [--count K] [--data FILE…]',
  about: `Re-executes the run, checks its trace root against the record, and prints instructions N .. N+K-1:
index, function, byte offset in the original module, opcode, operand-stack height before it, and the
effective address of loads and stores. Exit 5 when the replayed root is not the recorded one.`,
  options: [
    str('from', 'N', 'the first instruction (default 0)'),
    str('count', 'K', 'how many instructions (default 20, at most 1000000)'),
    { name: 'data', type: 'string', multiple: true, arg: 'FILE', help: 'a copy of a data file moved from its recorded path (which is relative to the folder the run was made in): one per recorded file, in record order or as SYMBOL=FILE' },
  ],
  positionals: 1,
  examples: ['backproof trace runs/demo --from 1000 --count 20', 'backproof trace runs/demo --count 3 --json'],
  exits: [0, 2, 3, [5, 'the trace root does not match the record']],
  schema: 'trace@1',
  async run({ values, positionals, text }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'trace needs a run folder: backproof trace <run-dir>');
    const from = numberOption('from', values.from as string | undefined, 0);
    const w = await traceWindow({ dir: positionals[0], from, count: numberOption('count', values.count as string | undefined, 20), dataPath: values.data as string[] | undefined });
    const records = w.records.map((r) => ({ ...r, name: mnemonic(r.opcode), functionName: w.functionNames.get(r.func) ?? null }));
    const json = { rootMatches: w.rootMatches, recordedRoot: w.recordedRoot, replayedRoot: w.replayedRoot, total: w.total, from, records: w.rootMatches ? records : [], sourceNote: w.sourceNote };
    if (!w.rootMatches) {
      text.log(`MISMATCH trace root recorded ${w.recordedRoot}, replayed ${w.replayedRoot}`);
      return { exit: EXIT.verification, json };
    }
    for (const r of records)
      text.log(`${String(r.index).padStart(10)}  f${r.func}${r.functionName ? ` ${r.functionName}` : ''}  @${r.offset}${r.source ? ` ${r.source}` : ''}  ${r.name.padEnd(16)} h=${r.stackHeight}${r.address === null ? '' : `  addr=${r.address}`}`);
    text.log(`(${w.records.length} of ${w.total} instructions; trace root ${w.replayedRoot} matches the record${w.sourceNote ? `; ${w.sourceNote}` : ''})`);
    return { exit: EXIT.ok, json };
  },
};

const snapshot: CommandSpec = {
  name: 'snapshot',
  summary: 'check the guest\'s state after event K without a full replay',
  usage: '<run-dir> --bar K',
  about: `For a run made with --snapshot-every N: re-executes only until the Merkle leaf holding the snapshot
after event K is complete, and checks that the state hash, the committed record, the leaf and its
inclusion in the recorded trace root all agree.`,
  options: [str('bar', 'K', 'the event whose snapshot to check (a multiple of N, minus one)')],
  positionals: 1,
  examples: ['backproof snapshot runs/demo --bar 999'],
  exits: [0, 2, 3, [5, 'the snapshot does not check out']],
  schema: 'snapshot@1',
  async run({ values, positionals, text }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'snapshot needs a run folder: backproof snapshot <run-dir> --bar K');
    if (values.bar === undefined) throw new UsageError('USAGE', 'snapshot needs --bar K');
    const r = await checkSnapshot({ dir: positionals[0], bar: numberOption('bar', values.bar as string, 0) });
    text.log(`OK state after event ${r.bar}: sha256 ${r.stateSha256}`);
    const where = r.leafCount === 1 ? `leaf ${r.leafIndex}` : `leaves ${r.leafIndex} and ${r.leafIndex + 1} (the record straddles them)`;
    text.log(`committed in ${where} of ${r.leaves}, included in the recorded trace root; re-executed ${r.eventsExecuted} of ${r.eventsTotal} events`);
    return {
      exit: EXIT.ok,
      json: { ok: true, bar: r.bar, stateSha256: r.stateSha256, leafIndex: r.leafIndex, leafCount: r.leafCount, leaves: r.leaves, eventsExecuted: r.eventsExecuted, eventsTotal: r.eventsTotal },
    };
  },
};

const keygen: CommandSpec = {
  name: 'keygen',
  summary: 'create an Ed25519 signing key pair',
  usage: '[--out DIR] [--force]',
  about: `Writes DIR/backproof.key (private, mode 0600) and DIR/backproof.pub (default DIR: ${DEFAULT_KEY_DIR}).`,
  options: [str('out', 'DIR', `where to write the pair (default ${DEFAULT_KEY_DIR})`), { name: 'force', type: 'boolean', help: 'replace an existing pair' }],
  positionals: 0,
  examples: ['backproof keygen', 'backproof keygen --out keys --json'],
  exits: [0, [2, 'usage, or the key exists (without --force)']],
  schema: 'keygen@1',
  async run({ values, text }) {
    const dir = (values.out as string | undefined) ?? DEFAULT_KEY_DIR;
    const priv = path.join(dir, 'backproof.key');
    const pub = path.join(dir, 'backproof.pub');
    if (!values.force && (existsSync(priv) || existsSync(pub)))
      throw new UsageError('OUTPUT_EXISTS', `${priv} already exists; pass --force to replace it`);
    await mkdir(dir, { recursive: true });
    const keys = generateKeys();
    await writeFile(priv, keys.privateKeyPem, { mode: 0o600 });
    await writeFile(pub, keys.publicKeyPem);
    text.log(`wrote ${priv} and ${pub}`);
    const fingerprint = keyFingerprint(rawPublicKey(await loadPrivateKey(priv)));
    return { exit: EXIT.ok, json: { privateKey: priv, publicKey: pub, keyFingerprint: fingerprint } };
  },
};

/** Every command, in the order `backproof --help` lists them. To add one: a CommandSpec here, a schema in docs/schema/, an entry in test/e2e/cli-json.test.ts. */
export const COMMANDS: CommandSpec[] = [
  init, build, backtestCmd, reportCmd, exportCmd, verify, ...SWEEP_COMMANDS, walkForwardCmd, ...AUDIT_COMMANDS, ...LOG_COMMANDS, trace, snapshot, inspectCmd, checkDeterminismCmd, keygen, workerCmd, deployCmd, ...SERVE_COMMANDS,
];

/** Groups of subcommands ("log init", "log append", ...): the group's name and its one-line summary. */
const GROUPS: Record<string, { summary: string; about: string }> = { log: LOG_GROUP };

function mainHelp(): string {
  const rows: [string, string][] = [];
  const seen = new Set<string>();
  for (const c of COMMANDS) {
    const group = c.name.split(' ')[0]!;
    if (GROUPS[group]) {
      if (!seen.has(group)) rows.push([`${group} <command> ...`, GROUPS[group].summary]);
      seen.add(group);
    } else rows.push([c.name, c.summary]);
  }
  return [
    'backproof — deterministic, auditable backtests of AssemblyScript strategies',
    '',
    'Usage: backproof <command> [options]',
    '',
    'Commands:',
    ...table(rows),
    '',
    'Options:',
    ...table([['--version', 'print the version'], ...COMMON_OPTIONS.map((o): [string, string] => [`${o.name === 'help' ? '-h, ' : ''}--${o.name}${o.arg ? ` ${o.arg}` : ''}`, o.help])]),
    '',
    'Examples:',
    '  backproof backtest --strategy strategies-as/sma-cross.ts --data data/GOOG.csv --out runs/demo',
    '  backproof verify runs/demo --json',
    '',
    'Run "backproof <command> --help" for a command\'s options.',
    'Results go to stdout; logs and warnings go to stderr.',
    NUMBERS_HELP,
    exitLine(Object.keys(EXIT_MEANINGS).map(Number)),
  ].join('\n');
}

function groupHelp(group: string): string {
  const subs = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return [
    `Usage: backproof ${group} <command> [options]`,
    '',
    GROUPS[group]!.about,
    '',
    'Commands:',
    ...table(subs.map((c): [string, string] => [`${c.name.slice(group.length + 1)} ${c.usage}`, c.summary])),
    '',
    'Options:',
    ...table(COMMON_OPTIONS.map((o): [string, string] => [`${o.name === 'help' ? '-h, ' : ''}--${o.name}${o.arg ? ` ${o.arg}` : ''}`, o.help])),
    '',
    'Examples:',
    ...subs.slice(0, 3).map((c) => `  ${c.examples[0]}`),
    '',
    `Run "backproof ${group} <command> --help" for a command's options.`,
    exitLine([...new Set(subs.flatMap((c) => c.exits.map((e) => (typeof e === 'number' ? e : e[0]))))].sort((a, b) => a - b)),
  ].join('\n');
}

/** Every help text, by command name ("main" and each group included): for the help test. */
export function allHelp(): Record<string, string> {
  const out: Record<string, string> = { main: mainHelp() };
  for (const g of Object.keys(GROUPS)) out[g] = groupHelp(g);
  for (const c of COMMANDS) out[c.name] = renderHelp(c);
  return out;
}

/** How long an interrupt waits for cleanups elsewhere (run/interrupt: a queue's jobs withdrawn) before it exits. */
const INTERRUPT_CLEANUP_MS = 5_000;
let interrupted = false;

/**
 * What bin/backproof.js does on SIGINT or SIGTERM: remove the partial run folder being written (nothing
 * half-written stays behind), undo what the command started elsewhere (run/interrupt, at most
 * INTERRUPT_CLEANUP_MS; a second signal does not wait), and exit as shells expect, 128 + the signal's
 * number (130, 143).
 */
export function onInterrupt(signal: 'SIGINT' | 'SIGTERM'): void {
  const code = signal === 'SIGINT' ? 130 : 143;
  if (interrupted) process.exit(code);
  interrupted = true;
  removePartials();
  removeSweepPartials();
  removeWalkForwardPartials();
  if (!hasInterruptCleanups()) process.exit(code);
  void runInterruptCleanups(INTERRUPT_CLEANUP_MS).finally(() => process.exit(code));
}

export async function main(argv: string[], out: Out = { log: (s) => console.log(s) }, err: Out = { log: (s) => console.error(s) }): Promise<number> {
  const common = await commonOptions(argv, out, err);
  if (typeof common === 'number') return common;
  const { json } = common;
  /** A usage error before a command runs: the help on stderr (on stdout when no command at all was given, as a bare "backproof" asks for it). */
  const usage = (command: string | null, message: string | null, help: string): number => {
    if (json) {
      err.log(`backproof: error USAGE: ${message ?? 'no command given'}`);
      out.log(jsonText(errorDocument(command, new UsageError('USAGE', message ?? 'no command given'))));
    } else if (message) err.log(`backproof: ${message}\n\n${help}`);
    else out.log(help);
    return EXIT.usage;
  };
  const help = (command: string, textOf: string): number => printHelp(out, json, command, textOf);
  let [command, ...rest] = common.argv;
  if (command === '--version' || command === '-V') {
    const version = backproofVersion();
    out.log(json ? jsonText({ schema: `${SCHEMA_PREFIX}version@1`, name: 'backproof', version }) : version);
    return EXIT.ok;
  }
  if (command === '--help' || command === '-h' || command === 'help') return help('main', mainHelp());
  if (!command) return usage(null, null, mainHelp());
  if (GROUPS[command]) {
    const [sub, ...subRest] = rest;
    if (sub === '--help' || sub === '-h') return help(command, groupHelp(command));
    if (!sub) return usage(command, null, groupHelp(command));
    if (!COMMANDS.some((c) => c.name === `${command} ${sub}`)) return usage(command, `unknown ${command} command "${sub}"`, groupHelp(command));
    command = `${command} ${sub}`;
    rest = subRest;
  }
  const spec = COMMANDS.find((c) => c.name === command);
  if (!spec) return usage(null, `unknown command "${command}"`, mainHelp());
  return runCommand(spec, rest, common, out, err);
}
