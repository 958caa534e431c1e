/**
 * @module serve/service
 * What the server's routes do, apart from HTTP: an upload checked (signature first, then the module
 * against the sandbox, a source built by the real asc through run/strategy) and registered; a run of a
 * registered module on data under the data folder, through the same backtest() as `backproof backtest`,
 * its run folder published under the registry's runs/.
 */
import { realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Envelope } from '../audit/dsse.ts';
import { statsObject } from '../audit/render.ts';
import { backtest } from '../api.ts';
import { parseDataSpec } from '../data/options.ts';
import { recordedResultSha256 } from '../run/rundir.ts';
import { loadStrategy, stampChecked } from '../run/strategy.ts';
import { checkIsolation } from '../run/execute.ts';
import { compileGuest, DEFAULT_SANDBOX } from '../sandbox/index.ts';
import { UsageError } from '../errors.ts';
import { RegistryError } from './errors.ts';
import { openUpload, type UploadKind } from './statement.ts';
import { Registry, type StrategyView } from './registry.ts';

export interface ServiceOptions {
  /** The registry's folder (made if missing). */
  registry: string;
  /** Raw Ed25519 public keys by fingerprint: an upload must be signed by one of them. */
  trusted: ReadonlyMap<string, Uint8Array>;
  /** Runs read data files only under this folder (named relative to it). */
  dataDir: string;
  /** Signs the runs' records; null: unsigned. */
  key: KeyObject | null;
  /** The largest module (bytes) an upload may carry or a source may build to. Default and most: the sandbox's 16 MiB. */
  maxModuleBytes?: number;
  /** The largest AssemblyScript source (UTF-8 bytes). Default 1 MiB. */
  maxSourceBytes?: number;
  /** The largest data file a run may read (bytes). Default 1 GiB. */
  maxDataBytes?: number;
  /** Runs at once, each on a guest thread of its own; more wait their turn. Default 2. */
  maxRuns?: number;
  /** Runs that may wait for a turn; one more is refused with TOO_MANY_RUNS (429). Default 64. */
  maxQueuedRuns?: number;
  /** A run's wall-clock watchdog (ms), a last resort after fuel and memory. Default 600 000. */
  runTimeoutMs?: number;
  /** Where every run's guest executes (`--isolation`): the operator's choice, not a request's. Default v8. */
  isolation?: 'v8' | 'wasi' | 'process';
}

export interface UploadRequest {
  /** The module, base64 (standard alphabet, padded). */
  wasm?: string;
  /** A one-file AssemblyScript strategy importing the SDK by package name (`backproof/guest-sdk`). */
  source?: string;
  /** A DSSE envelope over the upload statement (serve/statement). */
  signature?: Envelope;
}

export interface RunRequest {
  /** A registered module, by hash. */
  module?: string;
  /** A registered strategy by name: its current version, or `version`. */
  strategy?: string;
  version?: string;
  /** `[NAME=]FILE[@PERIOD]` as --data, FILE relative to the data folder. */
  data: string[];
  params?: Record<string, number>;
  cash?: number;
  commission?: number;
}

export interface RunReply {
  runId: string;
  module: string;
  strategy: { name: string; version: string } | null;
  resultSha256: string;
  recordSha256: string;
  signed: boolean;
  instructions: string;
  stats: Record<string, unknown>;
  /** The run folder, relative to the registry's folder. */
  runDir: string;
  /** Where the guest executed (never recorded: the run is the same under each). */
  isolation: string;
}

/** At most `n` at once; the rest wait in order, at most `queue` of them (then `full()` is thrown). */
class Gate {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly queue: number;
  private readonly full: () => Error;
  constructor(n: number, queue = Infinity, full: () => Error = () => new Error('queue full')) {
    this.free = n;
    this.queue = queue;
    this.full = full;
  }
  async run<T>(body: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else if (this.waiting.length >= this.queue) throw this.full();
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await body();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** Base64 as a DSSE payload is (standard alphabet, padded), refused in any other spelling. */
function base64Bytes(text: string, field: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new RegistryError('BAD_REQUEST', `${field} is not base64 (standard alphabet, padded)`);
  return new Uint8Array(bytes);
}

export class RegistryService {
  readonly registry: Registry;
  private readonly o: Required<Omit<ServiceOptions, 'registry' | 'trusted' | 'key' | 'isolation'>> & ServiceOptions;
  private readonly dataRoot: string;
  private readonly gate: Gate;
  /** One source build at a time: each is an asc process of ~150 MB. */
  private readonly buildGate = new Gate(1);
  private readonly isolation: string;

  constructor(o: ServiceOptions) {
    this.o = { maxModuleBytes: DEFAULT_SANDBOX.maxModuleBytes, maxSourceBytes: 1 << 20, maxDataBytes: 1 << 30, maxRuns: 2, maxQueuedRuns: 64, runTimeoutMs: 600_000, ...o };
    // never above the sandbox's own: a module the registry took must be one a run can load
    this.o.maxModuleBytes = Math.min(this.o.maxModuleBytes, DEFAULT_SANDBOX.maxModuleBytes);
    this.registry = new Registry(o.registry);
    this.dataRoot = realpathSync(o.dataDir);
    this.gate = new Gate(this.o.maxRuns, this.o.maxQueuedRuns, () => new RegistryError('TOO_MANY_RUNS', `${this.o.maxRuns} runs are running and ${this.o.maxQueuedRuns} waiting: try again later`));
    this.isolation = checkIsolation(o.isolation); // UsageError naming the isolations there are, at start
  }

  get limits(): { maxModuleBytes: number; maxSourceBytes: number } {
    return { maxModuleBytes: this.o.maxModuleBytes, maxSourceBytes: this.o.maxSourceBytes };
  }

  /**
   * Registers a signed module or source as the statement's name@version, current from now on. Checked
   * in order, the cheapest first: the size, the signature and digest (serve/statement), then the module
   * against the sandbox (its import allow-list, exports, limits: the same compile a run makes) and its
   * provenance stamp (another toolchain's is refused, as a run refuses it), a source after asc built it.
   */
  async upload(req: UploadRequest): Promise<{ created: boolean; module: string; strategy: StrategyView }> {
    const kinds = (req.wasm !== undefined ? 1 : 0) + (req.source !== undefined ? 1 : 0);
    if (kinds !== 1) throw new RegistryError('BAD_REQUEST', 'an upload carries exactly one of wasm (the module, base64) and source (AssemblyScript text)');
    const kind: UploadKind = req.wasm !== undefined ? 'wasm' : 'source';
    const bytes = kind === 'wasm' ? base64Bytes(req.wasm!, 'wasm') : new Uint8Array(Buffer.from(req.source!, 'utf8'));
    const limit = kind === 'wasm' ? this.o.maxModuleBytes : this.o.maxSourceBytes;
    if (bytes.length > limit) throw new RegistryError('TOO_LARGE', `the ${kind === 'wasm' ? 'module' : 'source'} is ${bytes.length} bytes; the limit is ${limit}`);
    const claim = openUpload(req.signature, bytes, kind, this.o.trusted);
    const built = kind === 'wasm' ? { wasm: bytes } : await this.build(req.source!);
    const wasm = built.wasm;
    if (wasm.length > this.o.maxModuleBytes) throw new RegistryError('TOO_LARGE', `the source builds to ${wasm.length} bytes; the module limit is ${this.o.maxModuleBytes}`);
    compileGuest(wasm, { ...DEFAULT_SANDBOX, maxModuleBytes: this.o.maxModuleBytes }); // SandboxError: not for this sandbox
    // a module stamped by another toolchain is refused by every run (run/strategy): refused now, not made current
    await stampChecked('the uploaded module', { wasm, sources: [] }).catch((e: unknown) => {
      throw e instanceof UsageError ? new RegistryError('TOOLCHAIN_MISMATCH', e.message, { cause: e }) : e;
    });
    const module = this.registry.putModule(wasm, kind === 'source' ? { text: req.source!, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}) } : undefined);
    const { created, strategy } = this.registry.register(claim, module, req.signature!);
    return { created, module, strategy };
  }

  /** A source built as `backproof build` builds it (the build cache, asc in a process of its own, the ABI check). */
  private async build(source: string): Promise<{ wasm: Uint8Array; sourceMap?: string }> {
    return this.buildGate.run(async () => {
      const dir = this.registry.scratch('build');
      try {
        const file = path.join(dir, 'strategy.ts');
        writeFileSync(file, source);
        const { wasm, sourceMap } = await loadStrategy(file);
        return { wasm, ...(sourceMap !== undefined ? { sourceMap } : {}) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  /** The data spec with FILE made absolute, when FILE is a regular file inside the data folder (no way out by `..` or a link). */
  private dataSpec(spec: string): string {
    const { symbol, file } = parseDataSpec(spec);
    const prefix = symbol === undefined ? '' : `${symbol}=`;
    if (path.isAbsolute(file)) throw new RegistryError('BAD_REQUEST', `data ${JSON.stringify(spec)}: name the file relative to the data folder`);
    let real: string;
    try {
      real = realpathSync(path.join(this.dataRoot, file));
    } catch {
      throw new RegistryError('NOT_FOUND', `data ${JSON.stringify(spec)}: no file ${file} in the data folder`);
    }
    if (!real.startsWith(this.dataRoot + path.sep)) throw new RegistryError('BAD_REQUEST', `data ${JSON.stringify(spec)}: ${file} is outside the data folder`);
    const st = statSync(real);
    if (!st.isFile()) throw new RegistryError('BAD_REQUEST', `data ${JSON.stringify(spec)}: ${file} is not a regular file`);
    if (st.size > this.o.maxDataBytes) throw new RegistryError('TOO_LARGE', `data ${file} is ${st.size} bytes; the limit is ${this.o.maxDataBytes}`);
    return prefix + real + spec.slice(prefix.length + file.length);
  }

  /**
   * Runs a registered module: resolved to its hash now (a later replace or upload does not change this run),
   * run by backtest() exactly as `backproof backtest --strategy <module>.wasm` would, its folder kept as runs/<run id>.
   */
  async run(req: RunRequest): Promise<RunReply> {
    if ((req.module === undefined) === (req.strategy === undefined)) throw new RegistryError('BAD_REQUEST', 'a run names exactly one of module (a hash) and strategy (a name)');
    if (req.version !== undefined && req.strategy === undefined) throw new RegistryError('BAD_REQUEST', 'version goes with strategy (a name), not with module');
    const resolved = this.registry.resolve(req);
    this.registry.readModule(resolved.module); // present and intact
    const data = req.data.map((d) => this.dataSpec(d));
    return this.gate.run(async () => {
      const scratch = this.registry.scratch('run');
      try {
        const out = path.join(scratch, 'run');
        const r = await backtest({
          strategy: this.registry.modulePath(resolved.module),
          data,
          params: req.params ?? {},
          config: { ...(req.cash !== undefined ? { cash: req.cash } : {}), ...(req.commission !== undefined ? { commission: req.commission } : {}) },
          key: this.o.key,
          out,
          report: false,
          timeoutMs: this.o.runTimeoutMs,
          logLevel: 'silent',
          isolation: this.isolation as 'v8' | 'wasi' | 'process',
        });
        this.registry.publishRun(out, r.runId);
        return {
          runId: r.runId,
          module: resolved.module,
          strategy: resolved.strategy,
          resultSha256: recordedResultSha256(r.outcome),
          recordSha256: r.recordSha256,
          signed: r.signed,
          instructions: String(r.outcome.instructions),
          stats: statsObject(r.stats),
          runDir: path.join('runs', r.runId),
          isolation: this.isolation,
        };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
}
