/**
 * @module distributed/store
 * The content-addressed store that a distributed sweep's coordinator and workers share: bytes are named by
 * their SHA-256, so a worker fetches the plan, the module and the data by the hashes in its job and checks
 * them, and the coordinator fetches each run's files by the hashes the worker returned. `ArtifactStore` is
 * the interface (an S3-compatible store can implement it); `FolderStore` keeps each object in a folder that
 * every machine mounts (docs/DEPLOY.md): `<dir>/sha256/<first two hex digits>/<other 62>`.
 */
import { link, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AuditError, UsageError } from '../errors.ts';
import { sha256, toHex } from '../../traces/index.ts';

/** What a sweep needs of a store. Hashes are 64 lowercase hex digits of SHA-256. */
export interface ArtifactStore {
  /** Stores `bytes` (idempotent: the same bytes, the same name) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha256`, checked against it; AuditError VERIFY_FAILED (step "store") when absent or altered. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /**
   * The store's identity: made once, by whichever of the coordinator and the workers comes first, and the
   * same for every machine that mounts it. A sweep's queue is named by it (distributed/queue queueName), so a
   * worker takes only jobs whose inputs went into its store, and a store emptied or replaced is a new store.
   */
  id(): Promise<string>;
  /** The identity as it is now, without making one: null when there is none (the store was emptied). */
  currentId(): Promise<string | null>;
  /** Where it is, for messages (a folder path, a bucket URL). */
  readonly location: string;
}

/** The file holding a FolderStore's id (32 lowercase hex digits and a newline). */
export const STORE_ID_FILE = 'store-id';
const STORE_ID = /^[0-9a-f]{32}\n$/;

const HASH = /^[0-9a-f]{64}$/;

/** `hash` checked as a store name: a UsageError naming `what` otherwise (a job's field, an option). */
export function checkedHash(hash: unknown, what: string): string {
  if (typeof hash !== 'string' || !HASH.test(hash)) throw new UsageError('USAGE', `${what}: not a SHA-256 (64 lowercase hex digits): ${JSON.stringify(hash)?.slice(0, 80)}`);
  return hash;
}

/**
 * Is `e` a store's "no such object" (FolderStore get's ENOENT, or a plan the worker found missing)? Unlike an
 * altered object, a put of the same bytes is what it needs, not a rewrite of one there.
 */
export function isMissingObject(e: unknown): boolean {
  return e instanceof AuditError && e.step === 'store' && (e.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * `dir` checked as a store's folder for `option` (a UsageError naming it otherwise): a folder, or, when
 * `create`, a path whose parent folder exists (the store makes it when it first writes). A worker's
 * --store is a mounted volume, so it must exist (`create` false): a mistyped path is told, not silently
 * made into an empty store.
 */
export async function checkedStoreFolder(dir: string, option: string, create: boolean): Promise<string> {
  const kind = await stat(dir).then((s) => (s.isDirectory() ? 'folder' : 'file'), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'none' : e.code ?? 'unreadable'));
  if (kind === 'folder') return dir;
  if (kind === 'file') throw new UsageError('USAGE', `${option} ${dir}: a file, not a folder; the store is a folder (a mounted volume) that the coordinator and every worker name`);
  if (kind !== 'none') throw new UsageError('USAGE', `${option} ${dir}: cannot be read (${kind})`);
  if (!create) throw new UsageError('USAGE', `${option} ${dir}: no such folder; a worker's store is the folder the coordinator's --store names (the same volume), and it must exist`);
  const parent = path.dirname(path.resolve(dir));
  if (!(await stat(parent).then((s) => s.isDirectory(), () => false))) throw new UsageError('USAGE', `${option} ${dir}: its parent folder ${parent} does not exist`);
  return dir;
}

/** A store in a folder (a local path or a mounted volume shared by every worker). */
export class FolderStore implements ArtifactStore {
  readonly location: string;
  private readonly root: string;
  constructor(dir: string) {
    this.location = dir;
    this.root = path.resolve(dir);
  }

  private file(hash: string): string {
    return path.join(this.root, 'sha256', hash.slice(0, 2), hash.slice(2));
  }

  /** An object already there is kept when it hashes to its name, and written again when it does not (repaired). */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = toHex(sha256(bytes));
    const target = this.file(hash);
    if (await this.has(hash) && await this.get(hash).then(() => true, () => false)) return hash;
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside, flushed, then renamed into place: a reader on any machine sees the whole object or none,
    // and two writers of the same bytes both end with the same file.
    const partial = `${target}.partial-${randomUUID()}`;
    const fd = await open(partial, 'wx');
    try {
      await fd.writeFile(bytes);
      await fd.sync();
    } finally {
      await fd.close();
    }
    try {
      await rename(partial, target);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
    return hash;
  }

  async get(hash: string): Promise<Uint8Array> {
    checkedHash(hash, 'store object');
    let bytes: Uint8Array;
    try {
      const read = await readFile(this.file(hash));
      bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength); // a plain Uint8Array, as a caller expects, not a Buffer
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AuditError('VERIFY_FAILED', 'store', `the store ${this.location} has no object ${hash}`, { cause: e });
      throw e;
    }
    const actual = toHex(sha256(bytes));
    if (actual !== hash) throw new AuditError('VERIFY_FAILED', 'store', `the store ${this.location}'s object ${hash} hashes to ${actual}: it was altered`);
    return bytes;
  }

  async has(hash: string): Promise<boolean> {
    checkedHash(hash, 'store object');
    try {
      return (await stat(this.file(hash))).isFile();
    } catch {
      return false;
    }
  }

  async currentId(): Promise<string | null> {
    try {
      const text = await readFile(path.join(this.root, STORE_ID_FILE), 'utf8');
      if (!STORE_ID.test(text)) throw new AuditError('VERIFY_FAILED', 'store', `the store ${this.location}'s ${STORE_ID_FILE} is not 32 hex digits and a newline: it was altered`);
      return text.slice(0, 32);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async id(): Promise<string> {
    const existing = await this.currentId();
    if (existing !== null) return existing;
    // Made aside and linked into place: link fails when the file exists, so of two machines making one at
    // once, one wins and both read its id. (The id names a queue, nothing a run computes: random is right.)
    await mkdir(this.root, { recursive: true });
    const partial = path.join(this.root, `${STORE_ID_FILE}.partial-${randomUUID()}`);
    await writeFile(partial, `${randomUUID().replaceAll('-', '')}\n`, { flag: 'wx' });
    try {
      await link(partial, path.join(this.root, STORE_ID_FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(partial, { force: true });
    }
    return (await this.currentId())!;
  }
}
