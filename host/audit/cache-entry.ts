/**
 * @module audit/cache-entry
 * One file of a cache under Backproof's cache folder, as audit/rendering-cache keeps them (build/'s caches,
 * which audit/ cannot import, keep the same layout through build/cache-entry): one line, the SHA-256 (hex) of the JSON that follows it, then that JSON. A file
 * that is not whole (any byte changed, cut short) is no entry; one that is not a regular file is never
 * opened as one (a FIFO at its name is never waited on). Written under a temporary name and renamed into
 * place, so a reader never sees half of one; a folder that cannot be written leaves the cache unused.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
/** O_NONBLOCK (0 where Node has none, on Windows, which has no FIFOs in the file system). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** The entry's JSON value at `file`, or null: no regular file there, or not a whole entry. */
export async function readCacheEntry(file: string): Promise<Record<string, unknown> | null> {
  let stored: string;
  try {
    const handle = await open(file, constants.O_RDONLY | NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) return null;
      stored = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const newline = stored.indexOf('\n');
  const json = stored.slice(newline + 1);
  if (newline !== 64 || stored.slice(0, 64) !== sha256Hex(json)) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

let tmpCounter = 0;

/** Writes `value` as the entry at `file` (its folder made as needed); any failure leaves no entry and no temporary file. */
export async function writeCacheEntry(file: string, value: Record<string, unknown>): Promise<void> {
  const tmp = `${file}.${process.pid}-${threadId}-${tmpCounter++}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const json = JSON.stringify(value);
    // never waits on a FIFO at the temporary name: opening one to write without a reader fails at once
    await writeFile(tmp, `${sha256Hex(json)}\n${json}`, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NONBLOCK });
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/** The entry's value when every field of `material` is in it, the same and in the same order, before the rest; else null. */
export function entryFor(value: Record<string, unknown> | null, material: Record<string, unknown>): Record<string, unknown> | null {
  if (value === null) return null;
  const keys = Object.keys(material);
  const head: Record<string, unknown> = {};
  for (const k of Object.keys(value).slice(0, keys.length)) head[k] = value[k];
  return JSON.stringify(head) === JSON.stringify(material) ? value : null;
}
