/**
 * @module cli/serve
 * `backproof serve`: the strategy registry over HTTP (host/serve, docs/SERVE.md), and
 * `backproof sign-strategy`: an upload's request body, the module or source with its signature.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { createLogger, EXIT, keyFingerprint, loadPrivateKey, loadPublicKeyRaw, rawPublicKey, signUpload, startServer, UsageError, type UploadKind } from '../index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { numberOption, signingKeyFile } from './args.ts';
import { str, type CommandSpec } from './command.ts';
import { whole } from './worker.ts';

export const serveCmd: CommandSpec = {
  name: 'serve',
  summary: 'serve a strategy registry over HTTP: signed uploads addressed by module hash, runs pinned to a hash',
  usage: '--trusted-keys FILE... [--port N] [--host ADDR] [--registry DIR] [--data-dir DIR] [--key FILE | --unsigned]',
  about: `Keeps strategies in a registry folder, each module named by its SHA-256, and answers JSON over HTTP
(routes and their schemas: docs/SERVE.md, docs/openapi.json): upload a module or AssemblyScript source
(built with asc) with a DSSE signature by a trusted key (backproof sign-strategy makes one), list, fetch,
run a backtest of a registered hash or name on a data file under --data-dir, make another version
current or retire one, all without a restart. An unsigned, altered, untrusted, non-conforming or
oversized upload is refused with {error: {code, message}} and a 4xx status. A run resolves a name to
its module hash once and is pinned to it; its run folder is kept in <registry>/runs/<run id>, its
record signed with --key. Runs until SIGINT or SIGTERM, or --idle-exit.`,
  options: [
    { name: 'trusted-keys', type: 'string', multiple: true, arg: 'FILE', help: `a public key (PEM, backproof keygen's backproof.pub) whose signature an upload may carry;
repeat for several; at least one` },
    str('port', 'N', 'the port to listen on (default 8080; 0: any free port, printed)'),
    str('host', 'ADDR', 'the address to listen on (default 127.0.0.1: this machine only)'),
    str('registry', 'DIR', 'the registry folder, made if missing (default registry)'),
    str('data-dir', 'DIR', 'runs read data files only from under this folder (default data)'),
    str('key', 'FILE', 'signs the runs\' records (default .backproof/backproof.key when it exists)'),
    { name: 'unsigned', type: 'boolean', help: 'do not sign the runs\' records' },
    str('max-runs', 'N', 'backtests run at once, each on a guest thread; more wait their turn (default 2)'),
    str('max-queued', 'N', 'runs that may wait for a turn; one more is refused (429 TOO_MANY_RUNS; default 64)'),
    str('run-timeout', 'S', 'a run\'s wall-clock watchdog in seconds (default 600): a last resort after fuel and memory'),
    str('isolation', 'v8|wasi|process', 'where every run\'s guest executes: v8 (default), wasi or process (docs/RUNTIMES.md)'),
    str('idle-exit', 'S', 'exit 0 once no request has come for S seconds (default: serve until stopped)'),
  ],
  positionals: 0,
  examples: [
    'backproof serve --trusted-keys .backproof/backproof.pub --port 8080 --registry registry --data-dir data',
  ],
  exits: [0, [2, 'usage, a key cannot be read, or the port is taken']],
  schema: 'serve@1',
  async run({ values, text, ctx }) {
    const keyFiles = (values['trusted-keys'] as string[] | undefined) ?? [];
    if (keyFiles.length === 0) throw new UsageError('USAGE', 'serve needs --trusted-keys FILE (a public key an upload must be signed by; repeat for several)');
    if (values.unsigned === true && values.key !== undefined) throw new UsageError('USAGE', '--key and --unsigned: choose one');
    const trustedKeys = await Promise.all(keyFiles.map((f) => loadPublicKeyRaw(f)));
    const keyFile = signingKeyFile(values);
    const key = keyFile === null ? null : await loadPrivateKey(keyFile);
    const dataDir = (values['data-dir'] as string | undefined) ?? 'data';
    if (!existsSync(dataDir)) throw new UsageError('USAGE', `--data-dir ${dataDir} does not exist`);
    const registry = (values.registry as string | undefined) ?? 'registry';
    const idleExit = values['idle-exit'] === undefined ? undefined : numberOption('idle-exit', values['idle-exit'] as string, 0);
    if (idleExit !== undefined && !(idleExit >= 0 && idleExit <= 86_400)) throw new UsageError('USAGE', `--idle-exit must be from 0 to 86400 seconds, got "${values['idle-exit']}"`);
    const server = await startServer({
      registry, dataDir, key, trustedKeys,
      host: (values.host as string | undefined) ?? '127.0.0.1',
      port: whole('port', values.port, 8080, 0, 65_535),
      maxRuns: whole('max-runs', values['max-runs'], 2, 1, 64),
      maxQueuedRuns: whole('max-queued', values['max-queued'], 64, 0, 100_000),
      runTimeoutMs: whole('run-timeout', values['run-timeout'], 600, 1, 86_400) * 1000,
      ...(idleExit !== undefined ? { idleExitMs: idleExit * 1000 } : {}),
      ...(values.isolation !== undefined ? { isolation: values.isolation as 'v8' | 'wasi' | 'process' } : {}),
      logger: createLogger({ level: ctx.logLevel }),
    });
    text.log(`listening on ${server.url}`);
    text.log(`registry ${registry}, data ${dataDir}; uploads signed by ${server.trusted.join(', ')}; records ${key ? `signed by key ${keyFingerprint(rawPublicKey(key))}` : 'unsigned'}`);
    // bin/backproof.js ends the process on SIGINT and SIGTERM (onInterrupt): only --idle-exit returns here
    await server.closed;
    text.log(`stopped after ${server.requests()} requests`);
    return { exit: EXIT.ok, json: { url: server.url, registry, dataDir, trustedKeys: server.trusted, requests: server.requests() } };
  },
};

export const signStrategyCmd: CommandSpec = {
  name: 'sign-strategy',
  summary: 'sign a module or source for backproof serve: writes the upload\'s request body',
  usage: '<file.wasm|file.ts> --name NAME --version VERSION [--key FILE] [--out FILE] [--force]',
  about: `Signs an in-toto statement naming the file's SHA-256, the strategy's name and version (a DSSE
envelope, Ed25519: docs/SERVE.md) and writes the JSON body of POST /strategies: {"wasm": base64} for a
module, {"source": text} for an AssemblyScript source (the server builds it with asc as strategy.ts),
with "signature". Send it with any HTTP client, e.g.
curl -H 'content-type: application/json' --data-binary @FILE http://127.0.0.1:8080/strategies`,
  options: [
    str('name', 'NAME', 'the strategy\'s name in the registry (letters, digits, . _ -)'),
    str('version', 'VERSION', 'its version label (letters, digits, . + _ -)'),
    str('key', 'FILE', 'the signing key (default .backproof/backproof.key): its public key must be one the server trusts'),
    str('out', 'FILE', 'the body\'s file (default <file>.upload.json)'),
    { name: 'force', type: 'boolean', help: 'replace --out if it exists' },
  ],
  positionals: 1,
  examples: ['backproof sign-strategy strategies-as/sma-cross.wasm --name sma --version 1.0.0 --out sma.upload.json'],
  exits: [0, [2, 'usage, the file or key cannot be read, or --out exists']],
  schema: 'sign-strategy@1',
  async run({ values, positionals, text }) {
    const file = positionals[0];
    if (!file) throw new UsageError('USAGE', 'sign-strategy needs a file: backproof sign-strategy <file.wasm|file.ts> --name NAME --version VERSION');
    const kind: UploadKind | null = file.endsWith('.wasm') ? 'wasm' : file.endsWith('.ts') ? 'source' : null;
    if (kind === null) throw new UsageError('USAGE', `sign-strategy signs a module (.wasm) or an AssemblyScript source (.ts), not ${file}`);
    const name = values.name as string | undefined, version = values.version as string | undefined;
    if (name === undefined || version === undefined) throw new UsageError('USAGE', 'sign-strategy needs --name NAME and --version VERSION');
    const keyFile = signingKeyFile(values);
    if (keyFile === null) throw new UsageError('KEY_ERROR', 'sign-strategy needs a signing key: --key FILE, or .backproof/backproof.key (backproof keygen)');
    const key = await loadPrivateKey(keyFile);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      throw new UsageError('USAGE', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code}`, { cause: e });
    }
    let signature;
    try {
      signature = signUpload(bytes, { name, version, kind }, key);
    } catch (e) {
      throw new UsageError('USAGE', (e as Error).message, { cause: e }); // a name or version out of its pattern
    }
    const out = (values.out as string | undefined) ?? `${file}.upload.json`;
    if (!values.force && existsSync(out)) throw new UsageError('OUTPUT_EXISTS', `${out} exists; pass --force to replace it`);
    const body = kind === 'wasm' ? { wasm: Buffer.from(bytes).toString('base64'), signature } : { source: Buffer.from(bytes).toString('utf8'), signature };
    const partial = `${out}.partial-${process.pid}`;
    await writeFile(partial, JSON.stringify(body) + '\n');
    await rename(partial, out);
    const fingerprint = keyFingerprint(rawPublicKey(key));
    text.log(`wrote ${out}: ${name}@${version} (${kind}, sha256 ${toHex(sha256(bytes))}) signed by key ${fingerprint}`);
    return { exit: EXIT.ok, json: { file, out, name, version, kind, sha256: toHex(sha256(bytes)), keyFingerprint: fingerprint } };
  },
};

export const SERVE_COMMANDS: CommandSpec[] = [serveCmd, signStrategyCmd];
