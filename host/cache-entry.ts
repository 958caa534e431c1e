/**
 * @module cache-entry
 * One file of a cache under Backproof's cache folder (build/cache's builds/, build/normalized-cache's
 * normalized/, audit/rendering-cache's rendered/): one line, the SHA-256 (hex) of the JSON that follows it,
 * then that JSON. A file that is not whole (any byte changed, cut short) is no entry; anything but a regular
 * file at an entry's name (a FIFO, whose open would wait for a writer forever, a device, a folder) is never
 * opened as one. Written under a temporary name and renamed into place, so a reader never sees half of one;
 * a folder that cannot be written leaves the cache unused.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** O_NONBLOCK (0 where Node has none, on Windows, which has no FIFOs in the file system). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * The JSON text of the entry at `file`, or null: no regular file there (lstat skips one before opening;
 * O_NONBLOCK and fstat close the race with one put there in between), or not a whole entry. Read with
 * synchronous calls: an entry is a few hundred bytes, and verify looks up a dozen of them on its way, each of
 * whose five asynchronous calls would wait for a turn of the event loop (a few ms each under load).
 */
export async function readEntryJson(file: string): Promise<string | null> {
  let stored: string;
  try {
    if (!lstatSync(file).isFile()) return null;
    const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) return null;
      stored = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const newline = stored.indexOf('\n');
  const json = stored.slice(newline + 1);
  return newline === 64 && stored.slice(0, 64) === sha256Hex(json) ? json : null;
}

let tmpCounter = 0;
/** The cache folders this thread has made (or found) already: each is made once, not once per entry. */
const madeFolders = new Set<string>();

/**
 * Writes `json` as the entry at `file` (its folder made as needed); any failure leaves no entry and no
 * temporary file. Synchronous calls, as readEntryJson: a run folder's writer remembers several entries,
 * and each asynchronous call would be a hop to libuv's pool and back. The same whole entry there already
 * is left as it is: replacing it would free an inode, and ext4 skips recently freed inodes one by one
 * when it allocates the next (a sweep run again remembers thousands of the same entries).
 */
export async function writeEntryJson(file: string, json: string): Promise<void> {
  if ((await readEntryJson(file)) === json) return;
  const tmp = `${file}.${process.pid}-${threadId}-${tmpCounter++}.tmp`;
  try {
    const folder = path.dirname(file);
    // never waits on a FIFO at the temporary name: opening one to write without a reader fails at once
    const create = (): number => openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NONBLOCK);
    if (!madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
    let fd: number;
    try {
      fd = create();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(folder, { recursive: true }); // removed since this thread made it
      fd = create();
    }
    madeFolders.add(folder);
    try {
      writeFileSync(fd, `${sha256Hex(json)}\n${json}`);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch { /* left for the cache's next cleaning */ }
  }
}

/** The entry's JSON value at `file` when it is an object, or null (as readEntryJson, or not an object). */
export async function readCacheEntry(file: string): Promise<Record<string, unknown> | null> {
  const json = await readEntryJson(file);
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Writes `value` as the entry at `file`, as writeEntryJson. */
export const writeCacheEntry = (file: string, value: Record<string, unknown>): Promise<void> => writeEntryJson(file, JSON.stringify(value));

/** The entry's value when every field of `material` is in it, the same and in the same order, before the rest; else null. */
export function entryFor(value: Record<string, unknown> | null, material: Record<string, unknown>): Record<string, unknown> | null {
  if (value === null) return null;
  const keys = Object.keys(material);
  const head: Record<string, unknown> = {};
  for (const k of Object.keys(value).slice(0, keys.length)) head[k] = value[k];
  return JSON.stringify(head) === JSON.stringify(material) ? value : null;
}
