/**
 * @module cli
 * `backproof` commands: build, backtest, replay, verify, keygen. Only parses arguments, reads and
 * writes files, maps errors to exit codes (docs/ARCHITECTURE.md); all work goes through the
 * host's public API.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  buildStrategy, DEFAULT_CONFIG, exitCodeOf, EXIT, generateKeys, keyFingerprint, loadPrivateKey, loadPublicKeyRaw,
  renderStatsTable, UsageError, verifyRun, BackproofError, AuditError, ASC_FLAGS, LOG_LEVELS, rawPublicKey,
  traceWindow, mnemonic, checkSnapshot, type RunConfig, type DataOptions, backtest,
} from '../index.ts';
import { toHex, sha256 } from '../../traces/index.ts';
import { parse, numberOption, vkeyOption, DEFAULT_KEY_DIR, type Command, type Context, type Out, type Values } from './args.ts';
import { AUDIT_COMMANDS, AUDIT_HELP } from './audit.ts';
import { cmdLog, LOG_HELP } from './log.ts';

const HELP: Record<string, string> = {
  ...AUDIT_HELP,
  log: LOG_HELP,
  main: `backproof — deterministic, auditable backtests of AssemblyScript strategies

Usage: backproof <command> [options]

Commands:
  build <strategy.ts>     compile a strategy with asc (writes .wasm and .build.json)
  backtest                run an audited backtest and write a run folder
  verify <run-dir>        check every hash and the signature of a run, without re-executing
  replay <run-dir>        re-execute a run and compare its trace root and result; on a
                          mismatch, name the first differing instruction
  diff <run-a> <run-b>    the first instruction where two runs' traces differ
  prove <run-dir>         a proof bundle for one instruction (--instruction N or --order K)
  verify-proof <file>     check a proof bundle offline
  attest <run-dir>        the record as an in-toto statement in a signed DSSE envelope
  verify-attestation <f>  check an attestation envelope
  log <command> <log-dir> the transparency log of record hashes: init, append, checkpoint,
                          prove, consistency, verify
  trace <run-dir>         print a window of a run's per-instruction trace
  snapshot <run-dir>      check the guest's state after event K without a full replay
  keygen                  create an Ed25519 signing key pair

Run "backproof <command> --help" for a command's options.

Every command also takes:
  --quiet                no log lines (a run's results still go to stdout, warnings to stderr)
  --log-level LEVEL      trace, debug, info (default), warn, error, fatal or silent
Results go to stdout; logs and warnings go to stderr.
Exit codes: 0 ok, 1 internal error, 2 usage, 3 data error, 4 sandbox fault, 5 verification failure, 6 build error.`,
  build: `Usage: backproof build <strategy.ts> [--out FILE.wasm]

Compiles with asc (${ASC_FLAGS.join(' ')}) and writes the module and, beside it,
<name>.build.json with the SHA-256 of every source file (raw and normalized) and of the module.`,
  backtest: `Usage: backproof backtest --strategy <file.ts|file.wasm> --data <file.csv|lean.zip> [options]

Options:
  --data [NAME=]FILE[@PERIOD]  repeat for several symbols (merged in time); PERIOD: bar length, e.g. @1d, @12h, @0 for ticks
                         (default: the file's most common spacing; a bar reaches the strategy when it closes)
  --timezone ZONE        IANA zone of timestamps without one (default UTC; Lean: America/New_York)
  --date-format dmy|mdy  day/month order of d/m/y dates, when a file's dates are ambiguous
  --duplicates keep      keep rows with equal timestamps in file order (default: an error)
  --param k=v            strategy parameter (repeatable), read by param("k", default)
  --cash N               starting cash (default ${DEFAULT_CONFIG.cash})
  --commission F         commission as a fraction of traded value, e.g. 0.002 (default 0)
  --commission-per-unit X, --commission-fixed X, --commission-min X
                         further commission terms: per unit, per fill, and a per-fill minimum
  --slippage-bps X, --slippage-fixed X
                         slippage against the trader on market and stop fills
  --lot-size X           round units down to this lot (default 1; 0 = any fraction)
  --margin F             initial margin (default 1 = no leverage; 0.5 = 2x)
  --maintenance-margin F liquidate at the next open when equity < F x position value (default 0 = off)
  --fill-at open|close   market orders fill at the next open (default) or this bar's close
  --both-touched stop-first|target-first
                         bracket rule when one bar reaches both stop-loss and take-profit
  --periods-per-year A   annualise the stats with A return periods a year (e.g. 252, 365, 52, 12);
                         default: inferred from the bar spacing as backtesting.py does (docs/SEMANTICS.md)
  --out DIR              run folder (default runs/<run id>)
  --force                replace an existing run folder
  --key FILE             Ed25519 private key (PEM) to sign the record; default .backproof/backproof.key if present
  --unsigned             do not sign, even if a default key exists (without a key and without
                         --unsigned, the run is made unsigned with a warning on stderr)
  --fuel N               instruction budget for the run (default ${DEFAULT_CONFIG.fuel})
  --fuel-per-bar N       instruction budget for init and for each bar (default ${DEFAULT_CONFIG.fuelPerCallback})
  --max-memory-pages N   guest memory limit in 64 KiB pages (default ${DEFAULT_CONFIG.maxMemoryPages})
  --max-call-depth N     guest call nesting limit (default ${DEFAULT_CONFIG.maxCallDepth}, at most 4096)
  --max-open-orders N    most orders resting at once (default ${DEFAULT_CONFIG.maxOpenOrders}); past it: HOST_LIMIT
  --max-orders N         most order rows a run records, accepted or rejected (default ${DEFAULT_CONFIG.maxOrders}); past it: HOST_LIMIT
  --max-log-bytes N      most bytes the guest may log (default ${DEFAULT_CONFIG.maxLogBytes}); past it: HOST_LIMIT
  --trace full|off       record and commit the execution trace (default full); fuel is always on
  --snapshot-every N     hash the guest's memory and globals every N bars, committed in the trace
  --timeout S            wall-clock watchdog in seconds (default 600): a last resort, the run is stopped
  --log DIR              append the record's hash to this transparency log (backproof log init) and
                         write the inclusion proof to <run folder>/log-inclusion.json
  --log-key FILE         the log's key, if not the signing key`,
  verify: `Usage: backproof verify <run-dir> [--pubkey FILE] [--data FILE] [--strict] [--rebuild] [--vkey VKEY [--log-proof FILE]]

Checks the record's signature and hash chain and every file it names, without re-executing.
Names the first broken link and exits 5 on failure. --pubkey requires the record to be signed by that key.
Every file in the folder is accounted for: a file the record does not bind is printed as UNVERIFIED;
--strict makes that a failure. A log-inclusion.json in the folder is always checked against record.pb.
--rebuild rebuilds the module from the folder's sources/ with this asc and the recorded flags and
requires the recorded module's bytes.
--vkey (a log's verifier key) also checks that this record (SHA-256 of record.pb) is in that
transparency log, under its signed checkpoint: with the proof in --log-proof FILE (from "backproof log
prove"), or else the log-inclusion.json that "backtest --log" wrote into the run folder.`,
  trace: `Usage: backproof trace <run-dir> [--from N] [--count K] [--data FILE] [--json]

Re-executes the run, checks its trace root against the record, and prints instructions N .. N+K-1
(default 0 and 20): index, function, byte offset in the original module, opcode, operand-stack
height before it, and the effective address of loads and stores. --json prints one object per line.`,
  snapshot: `Usage: backproof snapshot <run-dir> --bar K

For a run made with --snapshot-every N: re-executes only until the Merkle leaf holding the snapshot
after event K is complete, and checks that the state hash, the committed record, the leaf and its
inclusion in the recorded trace root all agree. Exit 5 when they do not.`,
  keygen: `Usage: backproof keygen [--out DIR] [--force]

Writes DIR/backproof.key (private, mode 0600) and DIR/backproof.pub (default DIR: .backproof).`,
};




async function cmdBuild(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } }, 1);
  if (values.help) return out.log(HELP.build!), EXIT.ok;
  const entry = positionals[0];
  if (!entry) throw new UsageError('USAGE', 'build needs a strategy file: backproof build <strategy.ts>');
  const result = await buildStrategy(entry);
  const target = (values.out as string | undefined) ?? entry.replace(/\.ts$/, '') + '.wasm';
  const info = {
    entry: result.sources[0]!.path,
    wasm: { path: path.basename(target), sha256: toHex(sha256(result.wasm)), size: result.wasm.length },
    assemblyscript: result.ascVersion,
    flags: result.flags,
    sources: result.sources.map(({ path: p, sha256: h, normalizedSha256 }) => ({ path: p, sha256: h, normalizedSha256 })),
  };
  await writeFile(target, result.wasm);
  await writeFile(target.replace(/\.wasm$/, '') + '.build.json', JSON.stringify(info, null, 2) + '\n');
  out.log(`built ${target} (${result.wasm.length} bytes, sha256 ${info.wasm.sha256})`);
  return EXIT.ok;
}

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

async function cmdBacktest(args: string[], out: Out, ctx: Context): Promise<number> {
  const { values } = parse(args, {
    strategy: { type: 'string' }, data: { type: 'string', multiple: true }, param: { type: 'string', multiple: true },
    cash: { type: 'string' }, commission: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' },
    key: { type: 'string' }, unsigned: { type: 'boolean' }, fuel: { type: 'string' }, 'max-memory-pages': { type: 'string' },
    'max-call-depth': { type: 'string' }, 'max-open-orders': { type: 'string' }, 'max-orders': { type: 'string' }, 'max-log-bytes': { type: 'string' }, trace: { type: 'string' }, 'fuel-per-bar': { type: 'string' }, timeout: { type: 'string' },
    timezone: { type: 'string' }, 'date-format': { type: 'string' }, duplicates: { type: 'string' },
    'commission-per-unit': { type: 'string' }, 'commission-fixed': { type: 'string' }, 'commission-min': { type: 'string' },
    'slippage-bps': { type: 'string' }, 'slippage-fixed': { type: 'string' }, 'lot-size': { type: 'string' },
    log: { type: 'string' }, 'log-key': { type: 'string' },
    'snapshot-every': { type: 'string' }, margin: { type: 'string' }, 'maintenance-margin': { type: 'string' }, 'fill-at': { type: 'string' }, 'both-touched': { type: 'string' },
    'periods-per-year': { type: 'string' },
  }, 0);
  if (values.help) return out.log(HELP.backtest!), EXIT.ok;
  if (!values.strategy) throw new UsageError('USAGE', 'backtest needs --strategy <file.ts|file.wasm>');
  if (!values.data) throw new UsageError('USAGE', 'backtest needs --data <file.csv>');
  const params: Record<string, number> = {};
  for (const kv of (values.param as string[] | undefined) ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(kv);
    if (!m) throw new UsageError('USAGE', `--param must be name=value, got "${kv}"`);
    if (Object.hasOwn(params, m[1]!)) throw new UsageError('USAGE', `--param ${m[1]} given twice`);
    params[m[1]!] = numberOption(`param ${m[1]}`, m[2], NaN);
  }
  const whole = (name: string, fallback: bigint): bigint => {
    const text = values[name] as string | undefined;
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new UsageError('USAGE', `--${name} must be a whole number, got "${text}"`);
    return BigInt(text);
  };
  const fuel = whole('fuel', DEFAULT_CONFIG.fuel);
  const fuelPerCallback = whole('fuel-per-bar', DEFAULT_CONFIG.fuelPerCallback);
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
  const defaultKey = path.join(DEFAULT_KEY_DIR, 'backproof.key');
  const keyFile = values.unsigned ? null : ((values.key as string | undefined) ?? (existsSync(defaultKey) ? defaultKey : null));
  const key = keyFile ? await loadPrivateKey(keyFile) : null;
  const logDir = values.log as string | undefined;
  const log = logDir ? { dir: logDir, keyFile: (values['log-key'] as string | undefined) ?? keyFile ?? defaultKey } : undefined;
  const timeoutSeconds = numberOption('timeout', values.timeout as string | undefined, 600);
  if (!(timeoutSeconds > 0)) throw new UsageError('USAGE', `--timeout must be a positive number of seconds, got ${timeoutSeconds}`);
  const dataOptions: DataOptions = {};
  if (values.timezone !== undefined) dataOptions.timezone = values.timezone as string;
  if (values['date-format'] !== undefined) {
    if (values['date-format'] !== 'dmy' && values['date-format'] !== 'mdy') throw new UsageError('USAGE', `--date-format must be dmy or mdy, got "${values['date-format']}"`);
    dataOptions.dateFormat = values['date-format'];
  }
  if (values.duplicates !== undefined) {
    if (values.duplicates !== 'keep' && values.duplicates !== 'error') throw new UsageError('USAGE', `--duplicates must be keep or error, got "${values.duplicates}"`);
    dataOptions.duplicates = values.duplicates;
  }
  const { outcome, dir, logged } = await backtest({
    strategy: values.strategy as string, data: values.data as string[], dataOptions, config, key, log,
    out: values.out as string | undefined, force: Boolean(values.force), timeoutMs: timeoutSeconds * 1000,
    logLevel: ctx.logLevel, prettyLogs: Boolean(process.stderr.isTTY),
  });
  out.log(renderStatsTable(outcome.result.stats, outcome.result.orders));
  out.log('');
  out.log(`run id        ${outcome.runId}`);
  out.log(`instructions  ${outcome.instructions}`);
  out.log(`trace root    ${toHex(outcome.trace.root)} (${outcome.trace.leafHashes.length} leaves, ${outcome.trace.byteLength} bytes)`);
  out.log(`result        sha256 ${toHex(sha256(outcome.resultBytes))}`);
  out.log(`record        ${key ? `signed by key ${keyFingerprint(rawPublicKey(key))}` : 'unsigned'}`);
  out.log(`run folder    ${dir}`);
  if (!key && !values.unsigned) {
    // Said where it cannot be missed, and not silenced by --quiet: only --unsigned says it is meant.
    ctx.err.log([
      '',
      '*** WARNING: this run is UNSIGNED: nobody vouches for its record. ***',
      `*** No --key was given and ${defaultKey} does not exist. Make a key with "backproof keygen" ***`,
      '*** (or pass --key FILE); pass --unsigned to make an unsigned run on purpose. ***',
      '',
    ].join('\n'));
  }
  if (logged) out.log(`logged        entry ${logged.index} of ${logged.origin} (tree size ${logged.size}); proof in ${logged.proof}`);
  return EXIT.ok;
}

async function cmdVerify(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    pubkey: { type: 'string' }, data: { type: 'string' }, 'log-proof': { type: 'string' }, vkey: { type: 'string' },
    strict: { type: 'boolean' }, rebuild: { type: 'boolean' },
  }, 1);
  if (values.help) return out.log(HELP.verify!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'verify needs a run folder: backproof verify <run-dir>');
  const vkey = values['log-proof'] || values.vkey ? vkeyOption(values.vkey, '--log-proof needs the log\'s verifier key: --vkey <name>+<keyID>+<key> (printed by "backproof log vkey <log-dir>")') : null;
  const trustedKey = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
  const r = await verifyRun({
    dir: positionals[0], trustedKey, dataPath: values.data as string | undefined, strict: values.strict === true, rebuild: values.rebuild === true,
    log: vkey, logProof: values['log-proof'] as string | undefined,
  });
  out.log(`OK run ${r.runId}: ${r.steps.join(' → ')}`);
  out.log(r.signed ? `signed by key ${r.keyFingerprint}${trustedKey ? ' (the trusted key)' : ' (not pinned: pass --pubkey to require a key)'}` : 'UNSIGNED: integrity checked, but nobody vouches for this record');
  out.log(`trace root ${r.traceRoot}`);
  out.log(`result     ${r.resultSha256}`);
  if (r.logged) out.log(`logged     entry ${r.logged.index} of ${r.logged.origin}, in its checkpoint of size ${r.logged.size}${r.logged.signedBy === 'vkey' ? ' (signed under --vkey)' : r.logged.signedBy === 'record key' ? ' (signed by the record\'s key)' : ''}`);
  for (const u of r.unverified) out.log(`UNVERIFIED ${u.file}: ${u.why} (--strict fails on it)`);
  for (const d of r.toolchainDifferences) out.log(`note: toolchain differs (replay would refuse without --allow-toolchain-mismatch): ${d}`);
  return EXIT.ok;
}

async function cmdTrace(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { from: { type: 'string' }, count: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (values.help) return out.log(HELP.trace!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'trace needs a run folder: backproof trace <run-dir>');
  const w = await traceWindow({
    dir: positionals[0],
    from: numberOption('from', values.from as string | undefined, 0),
    count: numberOption('count', values.count as string | undefined, 20),
    dataPath: values.data as string | undefined,
  });
  if (!w.rootMatches) {
    out.log(`MISMATCH trace root recorded ${w.recordedRoot}, replayed ${w.replayedRoot}`);
    return EXIT.verification;
  }
  for (const r of w.records) {
    if (values.json) out.log(JSON.stringify({ ...r, name: mnemonic(r.opcode) }));
    else {
      const fn = w.functionNames.get(r.func);
      out.log(`${String(r.index).padStart(10)}  f${r.func}${fn ? ` ${fn}` : ''}  @${r.offset}  ${mnemonic(r.opcode).padEnd(16)} h=${r.stackHeight}${r.address === null ? '' : `  addr=${r.address}`}`);
    }
  }
  if (!values.json) out.log(`(${w.records.length} of ${w.total} instructions; trace root ${w.replayedRoot} matches the record)`);
  return EXIT.ok;
}

async function cmdSnapshot(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { bar: { type: 'string' } }, 1);
  if (values.help) return out.log(HELP.snapshot!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'snapshot needs a run folder: backproof snapshot <run-dir> --bar K');
  if (values.bar === undefined) throw new UsageError('USAGE', 'snapshot needs --bar K');
  const r = await checkSnapshot({ dir: positionals[0], bar: numberOption('bar', values.bar as string, 0) });
  out.log(`OK state after event ${r.bar}: sha256 ${r.stateSha256}`);
  const where = r.leafCount === 1 ? `leaf ${r.leafIndex}` : `leaves ${r.leafIndex} and ${r.leafIndex + 1} (the record straddles them)`;
  out.log(`committed in ${where} of ${r.leaves}, included in the recorded trace root; re-executed ${r.eventsExecuted} of ${r.eventsTotal} events`);
  return EXIT.ok;
}

async function cmdKeygen(args: string[], out: Out): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, force: { type: 'boolean' } }, 0);
  if (values.help) return out.log(HELP.keygen!), EXIT.ok;
  const dir = (values.out as string | undefined) ?? DEFAULT_KEY_DIR;
  const priv = path.join(dir, 'backproof.key');
  const pub = path.join(dir, 'backproof.pub');
  if (!values.force && (existsSync(priv) || existsSync(pub)))
    throw new UsageError('OUTPUT_EXISTS', `${priv} already exists; pass --force to replace it`);
  await mkdir(dir, { recursive: true });
  const keys = generateKeys();
  await writeFile(priv, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(pub, keys.publicKeyPem);
  out.log(`wrote ${priv} and ${pub}`);
  return EXIT.ok;
}

const COMMANDS: Record<string, Command> = {
  build: cmdBuild, backtest: cmdBacktest, ...AUDIT_COMMANDS, log: cmdLog, verify: cmdVerify, trace: cmdTrace, snapshot: cmdSnapshot, keygen: cmdKeygen,
};

/** --quiet and --log-level LEVEL (or --log-level=LEVEL) are taken from anywhere on the command line, for every command. */
function takeLogOptions(argv: string[]): { argv: string[]; logLevel: string | undefined } {
  const rest: string[] = [];
  let quiet = false;
  let level: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--quiet') quiet = true;
    else if (a === '--log-level' || a.startsWith('--log-level=')) {
      level = a === '--log-level' ? argv[++i] : a.slice('--log-level='.length);
      if (!(LOG_LEVELS as readonly (string | undefined)[]).includes(level)) throw new UsageError('USAGE', `--log-level must be one of ${LOG_LEVELS.join(', ')}, got ${level === undefined ? 'nothing' : `"${level}"`}`);
    } else rest.push(a);
  }
  if (quiet && level !== undefined && level !== 'silent') throw new UsageError('USAGE', `--quiet and --log-level ${level} contradict each other`);
  return { argv: rest, logLevel: quiet ? 'silent' : level };
}

export async function main(argv: string[], out: Out = { log: (s) => console.log(s) }, err: Out = { log: (s) => console.error(s) }): Promise<number> {
  let logLevel: string | undefined;
  try {
    ({ argv, logLevel } = takeLogOptions(argv));
  } catch (e) {
    err.log(`backproof: error ${(e as UsageError).code}: ${(e as Error).message}`);
    return exitCodeOf(e);
  }
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.log(HELP.main!);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    err.log(`backproof: unknown command "${command}"\n\n${HELP.main}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, out, { err, logLevel });
  } catch (e) {
    if (e instanceof BackproofError) {
      const step = e instanceof AuditError ? ` [${e.step}]` : '';
      err.log(`backproof ${command}: error ${e.code}${step}: ${e.message}`);
      if (e.code === 'USAGE') err.log(`Run "backproof ${command} --help" for usage.`);
    } else {
      err.log(`backproof ${command}: internal error: ${(e as Error)?.stack ?? e}`);
    }
    return exitCodeOf(e);
  }
}
