/**
 * @module build/project
 * The strategy project's lockfile, which the toolchain link records. The project is the folder of
 * the nearest package.json at or above the strategy file; its lockfile is that folder's
 * package-lock.json or, when it has none, the package-lock.json of the nearest folder above that has
 * one, if that lockfile lists the project's folder as a package (an npm workspace root). Nothing
 * else is read (npm-shrinkwrap.json and yarn/pnpm files are not). No package.json, or no such
 * lockfile, is recorded as "absent" (and verify says so), never as the hash of nothing. From the
 * lockfile, the Backproof the project installed: the version and integrity of its
 * `node_modules/backproof` entry. The exact bytes go into the run folder as package-lock.json, so
 * verify checks them against the recorded hash. Layout: docs/AUDIT.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export const LOCKFILE = 'package-lock.json';
export const LOCKFILE_ABSENT = 'absent';

/** The toolchain link's lockfile fields (backproof.proto `Toolchain` 1, 8, 9, 10), and the bytes hashed. */
export interface ProjectLock {
  /** LOCKFILE, or LOCKFILE_ABSENT when the project has none (see above). */
  lockfile: string;
  /** SHA-256 of the lockfile's bytes; empty when absent. */
  lockfileSha256: Uint8Array;
  /** The version of `node_modules/backproof` in the lockfile (of the folder it links to, for `npm i <folder>`); "" when it has none. */
  installedBackproof: string;
  /** That entry's `integrity` (e.g. "sha512-…", the tarball's); "" when it has none (a linked folder). */
  installedIntegrity: string;
  /** The lockfile's exact bytes, written into the run folder (not a record field); absent when the lockfile is. */
  bytes?: Uint8Array;
  /** Where it was read from (for messages only; the record names it package-lock.json). */
  from?: string;
}

export const ABSENT_LOCK: ProjectLock = { lockfile: LOCKFILE_ABSENT, lockfileSha256: new Uint8Array(0), installedBackproof: '', installedIntegrity: '' };

type Entry = { version?: unknown; integrity?: unknown; link?: unknown; resolved?: unknown; name?: unknown };

/** A lockfile's `packages` map; empty when it is not JSON or has none. */
function packagesOf(bytes: Uint8Array): Record<string, Entry> {
  try {
    const p = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { packages?: unknown }).packages;
    return p && typeof p === 'object' ? (p as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

/**
 * Why `bytes` (a lockfile) does not look like a Backproof project's, or null when it does: it has a
 * `node_modules/backproof` entry, or its root package is backproof itself (the repository's own).
 */
export function lockfileWithoutBackproof(bytes: Uint8Array): string | null {
  const packages = packagesOf(bytes);
  if (packages['node_modules/backproof'] || packages['']?.name === 'backproof') return null;
  return 'the lockfile does not list backproof: it may not be this project\'s';
}

const readOrNull = (file: string): Buffer | null => {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
};

/** The lockfile of the project holding `file` (a strategy's .ts or .wasm). A lockfile that is not JSON still has its bytes hashed. */
export function projectLock(file: string): ProjectLock {
  let project = path.dirname(path.resolve(file));
  while (!existsSync(path.join(project, 'package.json'))) {
    if (path.dirname(project) === project) return ABSENT_LOCK;
    project = path.dirname(project);
  }
  let from = path.join(project, LOCKFILE);
  let bytes = readOrNull(from);
  // An npm workspace member: the root's lockfile lists it under its folder's path.
  for (let dir = project; !bytes && path.dirname(dir) !== dir; ) {
    dir = path.dirname(dir);
    const found = readOrNull(path.join(dir, LOCKFILE));
    if (!found) continue;
    if (!packagesOf(found)[path.relative(dir, project).split(path.sep).join('/')]) return ABSENT_LOCK;
    from = path.join(dir, LOCKFILE);
    bytes = found;
  }
  if (!bytes) return ABSENT_LOCK;
  const lock: ProjectLock = { ...ABSENT_LOCK, lockfile: LOCKFILE, lockfileSha256: new Uint8Array(createHash('sha256').update(bytes).digest()), bytes: new Uint8Array(bytes), from };
  const packages = packagesOf(bytes);
  const entry = packages['node_modules/backproof'];
  if (!entry) return lock;
  const linked = entry.link === true && typeof entry.resolved === 'string' ? packages[entry.resolved] : undefined;
  const version = (linked ?? entry).version;
  return { ...lock, installedBackproof: typeof version === 'string' ? version : '', installedIntegrity: typeof entry.integrity === 'string' ? entry.integrity : '' };
}
