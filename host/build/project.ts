/**
 * @module build/project
 * The strategy project's lockfile, which the toolchain link records: the nearest package-lock.json
 * in the strategy file's folder or any folder above it (the first one found walking up; npm's other
 * lockfiles, npm-shrinkwrap.json and yarn/pnpm files, are not read). From it, the Backproof that
 * project installed: the version and integrity of its `node_modules/backproof` entry. No lockfile is
 * recorded as "absent" (and verify says so), never as the hash of nothing. Layout: docs/AUDIT.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export const LOCKFILE = 'package-lock.json';
export const LOCKFILE_ABSENT = 'absent';

/** The toolchain link's lockfile fields (backproof.proto `Toolchain` 1, 8, 9, 10). */
export interface ProjectLock {
  /** LOCKFILE, or LOCKFILE_ABSENT when no folder from the strategy's up holds one. */
  lockfile: string;
  /** SHA-256 of the lockfile's bytes; empty when absent. */
  lockfileSha256: Uint8Array;
  /** The version of `node_modules/backproof` in the lockfile (of the folder it links to, for `npm i <folder>`); "" when it has none. */
  installedBackproof: string;
  /** That entry's `integrity` (e.g. "sha512-…", the tarball's); "" when it has none (a linked folder). */
  installedIntegrity: string;
}

export const ABSENT_LOCK: ProjectLock = { lockfile: LOCKFILE_ABSENT, lockfileSha256: new Uint8Array(0), installedBackproof: '', installedIntegrity: '' };

type Entry = { version?: unknown; integrity?: unknown; link?: unknown; resolved?: unknown };

/** The lockfile of the project holding `file` (a strategy's .ts or .wasm). A lockfile that is not JSON still has its bytes hashed. */
export function projectLock(file: string): ProjectLock {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    let bytes: Buffer | null = null;
    try {
      bytes = readFileSync(path.join(dir, LOCKFILE));
    } catch {
      // not here (or not readable): the folder above
    }
    if (bytes) {
      const lock: ProjectLock = { ...ABSENT_LOCK, lockfile: LOCKFILE, lockfileSha256: new Uint8Array(createHash('sha256').update(bytes).digest()) };
      let packages: Record<string, Entry> = {};
      try {
        packages = (JSON.parse(bytes.toString('utf8')) as { packages?: Record<string, Entry> }).packages ?? {};
      } catch {
        return lock;
      }
      const entry = packages['node_modules/backproof'];
      if (!entry) return lock;
      const linked = entry.link === true && typeof entry.resolved === 'string' ? packages[entry.resolved] : undefined;
      const version = (linked ?? entry).version;
      return { ...lock, installedBackproof: typeof version === 'string' ? version : '', installedIntegrity: typeof entry.integrity === 'string' ? entry.integrity : '' };
    }
    if (path.dirname(dir) === dir) return ABSENT_LOCK;
  }
}
