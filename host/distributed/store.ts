/**
 * @module distributed/store
 * The content-addressed store that a distributed sweep's coordinator and workers share: bytes are named by
 * their SHA-256, so a worker fetches the plan, the module and the data by the hashes in its job and checks
 * them, and the coordinator fetches each run's files by the hashes the worker returned. `ArtifactStore` is
 * the interface (an S3-compatible store can implement it); `FolderStore` keeps each object in a folder that
 * every machine mounts (docs/DEPLOY.md): `<dir>/sha256/<first two hex digits>/<other 62>`.
 */
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
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
  /** Where it is, for messages (a folder path, a bucket URL). */
  readonly location: string;
}

const HASH = /^[0-9a-f]{64}$/;

/** `hash` checked as a store name: a UsageError naming `what` otherwise (a job's field, an option). */
export function checkedHash(hash: unknown, what: string): string {
  if (typeof hash !== 'string' || !HASH.test(hash)) throw new UsageError('USAGE', `${what}: not a SHA-256 (64 lowercase hex digits): ${JSON.stringify(hash)?.slice(0, 80)}`);
  return hash;
}

/**
 * Is `e` a store's "no such object" (FolderStore get's ENOENT, or a plan the worker found missing)? Unlike an
 * altered object, it says where the reader looked: a worker whose --store is not the coordinator's volume.
 */
export function isMissingObject(e: unknown): boolean {
  return e instanceof AuditError && e.step === 'store' && (e.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
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
}
