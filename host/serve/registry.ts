/**
 * @module serve/registry
 * The strategy registry's folder: modules by content, and one index of names and versions.
 *
 *   <dir>/modules/<sha256>.wasm   each module once, named by the SHA-256 of its bytes (never rewritten)
 *   <dir>/modules/<sha256>.wasm.map, <sha256>.build.json   asc's source map of a module built from source, bound
 *                                 to it as `backproof build` binds one (run/source-map): fault messages name source lines
 *   <dir>/sources/<sha256>.ts     the AssemblyScript source a module was built from, when it was uploaded as source
 *   <dir>/index.json              names → versions → module hash, the current version, retired flags, the envelopes
 *   <dir>/runs/<run id>/          the run folders of `POST /runs` (serve/runs)
 *   <dir>/tmp/                    uploads and runs being written; <dir>/locks/: the index's writer lock
 *
 * A file is written aside (tmp/) and renamed into place, so a reader never sees half of one. Every change
 * of the index is a read-modify-write of the whole file under the writer lock of tlog/lock (any number of
 * processes and threads; the body is synchronous, so requests of one server cannot interleave inside it):
 * two uploads at once both land, whoever writes last (the defect this avoids: a writer that read the index
 * before another's write, then wrote it back without that entry).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Envelope } from '../audit/dsse.ts';
import { withLogLock } from '../tlog/lock.ts';
import { sha256, toHex } from '../../traces/index.ts';
import { UsageError } from '../errors.ts';
import { RegistryError } from './errors.ts';
import type { SignedUpload, UploadKind } from './statement.ts';

export const INDEX_FORMAT = 'backproof/registry@1';
const HASH = /^[0-9a-f]{64}$/;

export interface VersionEntry {
  version: string;
  /** SHA-256 of the module, lowercase hex: its address. */
  module: string;
  kind: UploadKind;
  /** Fingerprint of the trusted key that signed the upload. */
  signer: string;
  /** The registry's upload counter at this version's upload: the order of versions (no clock). */
  seq: number;
  retired: boolean;
  /** The upload's signature, as it was sent. */
  envelope: Envelope;
}

interface StrategyEntry {
  /** The version `run` by name uses; null when every version is retired. */
  current: string | null;
  versions: VersionEntry[];
}

interface RegistryIndex {
  format: typeof INDEX_FORMAT;
  seq: number;
  strategies: Record<string, StrategyEntry>;
}

/** A version as the API shows it (without its envelope: GET /modules/:hash has those). */
export interface VersionView {
  version: string;
  module: string;
  kind: UploadKind;
  signer: string;
  retired: boolean;
}

export interface StrategyView {
  name: string;
  current: { version: string; module: string } | null;
  versions: VersionView[];
}

/** What a run uses: the module hash, and the name and version it was addressed by (null when by hash). */
export interface Resolved {
  module: string;
  strategy: { name: string; version: string } | null;
}

const view = (v: VersionEntry): VersionView => ({ version: v.version, module: v.module, kind: v.kind, signer: v.signer, retired: v.retired });

function strategyView(name: string, s: StrategyEntry): StrategyView {
  const current = s.current === null ? null : s.versions.find((v) => v.version === s.current)!;
  return { name, current: current ? { version: current.version, module: current.module } : null, versions: s.versions.map(view) };
}

/** Writes `bytes` to `file` through a private file beside it in `tmpDir`, flushed, then renamed into place. */
function writeAtomic(tmpDir: string, file: string, bytes: Uint8Array | string): void {
  const tmp = path.join(tmpDir, `${path.basename(file)}.${randomUUID()}`);
  const fd = openSync(tmp, 'wx');
  try {
    writeFileSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export class Registry {
  readonly dir: string;
  readonly tmpDir: string;
  readonly runsDir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.tmpDir = path.join(this.dir, 'tmp');
    this.runsDir = path.join(this.dir, 'runs');
    for (const d of ['modules', 'sources', 'runs', 'tmp']) mkdirSync(path.join(this.dir, d), { recursive: true });
    this.read(); // a malformed index stops the server at start, not at the first request
  }

  modulePath(hash: string): string {
    if (!HASH.test(hash)) throw new RegistryError('BAD_REQUEST', `a module hash is 64 lowercase hex digits, got ${JSON.stringify(hash)}`);
    return path.join(this.dir, 'modules', `${hash}.wasm`);
  }

  private read(): RegistryIndex {
    const file = path.join(this.dir, 'index.json');
    if (!existsSync(file)) return { format: INDEX_FORMAT, seq: 0, strategies: {} };
    let index: RegistryIndex | undefined;
    try {
      index = JSON.parse(readFileSync(file, 'utf8')) as RegistryIndex;
    } catch {
      // (the shape check below says what is wrong)
    }
    if (index?.format !== INDEX_FORMAT || typeof index.seq !== 'number' || typeof index.strategies !== 'object' || index.strategies === null)
      throw new UsageError('USAGE', `${file} is not a Backproof registry index (${INDEX_FORMAT}): --registry names another kind of folder, or the file was damaged`);
    return index;
  }

  /** Runs `change` on the index under the writer lock and writes it back (names sorted: one spelling of one index). */
  private update<T>(change: (index: RegistryIndex) => T): T {
    return withLogLock(this.dir, () => {
      const index = this.read();
      const out = change(index);
      const strategies = Object.fromEntries(Object.entries(index.strategies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeAtomic(this.tmpDir, path.join(this.dir, 'index.json'), JSON.stringify({ ...index, strategies }, null, 1) + '\n');
      return out;
    });
  }

  /** Stores a module under its hash (once: a module already there is the same bytes) and returns the hash. */
  putModule(wasm: Uint8Array, source?: { text: string; sourceMap?: string }): string {
    const hash = toHex(sha256(wasm));
    const file = this.modulePath(hash);
    if (!existsSync(file)) writeAtomic(this.tmpDir, file, wasm);
    const sourceFile = path.join(this.dir, 'sources', `${hash}.ts`);
    if (source !== undefined && !existsSync(sourceFile)) writeAtomic(this.tmpDir, sourceFile, source.text);
    const buildInfo = file.replace(/\.wasm$/, '.build.json');
    if (source?.sourceMap !== undefined && !existsSync(buildInfo)) {
      // the map first, then what binds it: a reader finds either both or no binding
      writeAtomic(this.tmpDir, `${file}.map`, source.sourceMap);
      const info = { wasm: { sha256: hash }, sourceMap: { path: `${hash}.wasm.map`, sha256: toHex(sha256(Buffer.from(source.sourceMap))) } };
      writeAtomic(this.tmpDir, buildInfo, JSON.stringify(info, null, 2) + '\n');
    }
    return hash;
  }

  /** A stored module's bytes, checked against its address (a file changed on disk is refused, not run). */
  readModule(hash: string): { wasm: Uint8Array; source: string | null } {
    const file = this.modulePath(hash);
    if (!existsSync(file)) throw new RegistryError('NOT_FOUND', `no module ${hash} in the registry`);
    const wasm = new Uint8Array(readFileSync(file));
    if (toHex(sha256(wasm)) !== hash) throw new Error(`${file} does not hash to its name: the registry folder was changed`);
    const sourceFile = path.join(this.dir, 'sources', `${hash}.ts`);
    return { wasm, source: existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : null };
  }

  /**
   * Registers a signed upload's module as name@version and makes it the name's current version. The same
   * name@version with the same module again is answered as it is (`created: false`); with another module, CONFLICT.
   */
  register(upload: SignedUpload, module: string, envelope: Envelope): { created: boolean; strategy: StrategyView } {
    return this.update((index) => {
      // (own properties only: a name such as "constructor" must not find Object.prototype's)
      const entry = Object.hasOwn(index.strategies, upload.name) ? index.strategies[upload.name]! : (index.strategies[upload.name] = { current: null, versions: [] });
      const existing = entry.versions.find((v) => v.version === upload.version);
      if (existing) {
        if (existing.module !== module) throw new RegistryError('CONFLICT', `${upload.name}@${upload.version} is registered already with module ${existing.module}; a new module needs a new version`);
        if (existing.retired) throw new RegistryError('RETIRED', `${upload.name}@${upload.version} was retired; upload it as a new version`);
        return { created: false, strategy: strategyView(upload.name, entry) };
      }
      entry.versions.push({ version: upload.version, module, kind: upload.kind, signer: upload.signer, seq: ++index.seq, retired: false, envelope });
      entry.current = upload.version;
      return { created: true, strategy: strategyView(upload.name, entry) };
    });
  }

  /** Points `name` at another registered version (a newer one, or back to an older one). */
  setCurrent(name: string, version: string): StrategyView {
    return this.update((index) => {
      const { entry, v } = this.versionOf(index, name, version);
      if (v.retired) throw new RegistryError('RETIRED', `${name}@${version} was retired and cannot be made current`);
      entry.current = version;
      return strategyView(name, entry);
    });
  }

  /** Retires a version: kept (its runs' records name it), never run again; a retired current version hands over to the latest one left. */
  retire(name: string, version: string): StrategyView {
    return this.update((index) => {
      const { entry, v } = this.versionOf(index, name, version);
      v.retired = true;
      if (entry.current === version) {
        const left = entry.versions.filter((x) => !x.retired).sort((a, b) => b.seq - a.seq)[0];
        entry.current = left ? left.version : null;
      }
      return strategyView(name, entry);
    });
  }

  private versionOf(index: RegistryIndex, name: string, version: string): { entry: StrategyEntry; v: VersionEntry } {
    const entry = Object.hasOwn(index.strategies, name) ? index.strategies[name]! : undefined;
    if (!entry) throw new RegistryError('NOT_FOUND', `no strategy named ${JSON.stringify(name)}`);
    const v = entry.versions.find((x) => x.version === version);
    if (!v) throw new RegistryError('NOT_FOUND', `${name} has no version ${JSON.stringify(version)}; it has ${entry.versions.map((x) => x.version).join(', ')}`);
    return { entry, v };
  }

  list(): StrategyView[] {
    return Object.entries(this.read().strategies).map(([name, s]) => strategyView(name, s));
  }

  strategy(name: string): StrategyView {
    const index = this.read();
    if (!Object.hasOwn(index.strategies, name)) throw new RegistryError('NOT_FOUND', `no strategy named ${JSON.stringify(name)}`);
    return strategyView(name, index.strategies[name]!);
  }

  /** The versions (with their envelopes) that register `hash`, in upload order. */
  versionsOf(hash: string): (VersionEntry & { name: string })[] {
    return Object.entries(this.read().strategies)
      .flatMap(([name, s]) => s.versions.filter((v) => v.module === hash).map((v) => ({ name, ...v })))
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * The module a run uses: by hash (any version registering it that is not retired), by name (its current
   * version, at this moment: the run is pinned to that hash from here on) or by name and version.
   */
  resolve(by: { module?: string; strategy?: string; version?: string }): Resolved {
    if (by.module !== undefined) {
      this.modulePath(by.module);
      const versions = this.versionsOf(by.module);
      if (versions.length === 0) throw new RegistryError('NOT_FOUND', `no registered strategy has module ${by.module}`);
      if (versions.every((v) => v.retired)) throw new RegistryError('RETIRED', `every version with module ${by.module} was retired (${versions.map((v) => `${v.name}@${v.version}`).join(', ')})`);
      return { module: by.module, strategy: null };
    }
    const index = this.read();
    const name = by.strategy!;
    if (by.version !== undefined) {
      const { v } = this.versionOf(index, name, by.version);
      if (v.retired) throw new RegistryError('RETIRED', `${name}@${by.version} was retired`);
      return { module: v.module, strategy: { name, version: v.version } };
    }
    if (!Object.hasOwn(index.strategies, name)) throw new RegistryError('NOT_FOUND', `no strategy named ${JSON.stringify(name)}`);
    const entry = index.strategies[name]!;
    if (entry.current === null) throw new RegistryError('RETIRED', `every version of ${name} was retired`);
    const v = entry.versions.find((x) => x.version === entry.current)!;
    return { module: v.module, strategy: { name, version: v.version } };
  }

  /** A private folder under tmp/ for an upload's build or a run being written; the caller removes it. */
  scratch(prefix: string): string {
    const d = path.join(this.tmpDir, `${prefix}-${randomUUID()}`);
    mkdirSync(d);
    return d;
  }

  /** Publishes a finished run folder as runs/<runId>, replacing one there (the same run id: the same module, data and config). */
  publishRun(folder: string, runId: string): string {
    const target = path.join(this.runsDir, runId);
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(folder, target);
        return target;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt > 5) throw e;
        const old = path.join(this.tmpDir, `old-${randomUUID()}`);
        try {
          renameSync(target, old);
        } catch (moved) {
          if ((moved as NodeJS.ErrnoException).code !== 'ENOENT') throw moved; // another run moved it first
        }
        rmSync(old, { recursive: true, force: true });
      }
    }
  }
}
