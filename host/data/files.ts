/**
 * @module data/files
 * A reader's file descriptor is closed when the reader reaches the end of its file; a reader dropped
 * before that (a run that stops early, a source opened to read its first chunk) has its descriptor
 * closed once it is garbage-collected, so a long-lived process does not run out of them. Cache files
 * are opened only when they are regular files, so a FIFO at their name is never waited on.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync } from 'node:fs';

/** O_NONBLOCK (0 where Node has none, on Windows, which has no FIFOs in the file system). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * `file` opened for reading when it is a regular file, else null: anything else at its name (a
 * FIFO, whose open would wait for a writer forever, a device, a folder, a link) is not a usable
 * cache. lstat skips it before opening; O_NONBLOCK and fstat close the race with a FIFO put there
 * in between (opening a FIFO for reading without blocking returns at once).
 */
export function openRegular(file: string): number | null {
  try {
    if (!lstatSync(file).isFile()) return null;
    const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
    let regular = false;
    try {
      regular = fstatSync(fd).isFile();
    } finally {
      if (!regular) closeSync(fd);
    }
    return regular ? fd : null;
  } catch {
    return null;
  }
}

/** Flags creating or truncating a file to write, failing at once (ENXIO) instead of waiting when a FIFO is at its name. */
export const WRITE_NONBLOCK = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NONBLOCK;

const abandoned = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch { /* already closed */ }
});

/** `owner` holds `fd` from now on: it is closed with `closeOwned`, or when `owner` is collected. */
export function own(owner: object, fd: number): number {
  abandoned.register(owner, fd, owner);
  return fd;
}

export function closeOwned(owner: object, fd: number): void {
  abandoned.unregister(owner);
  closeSync(fd);
}
