/**
 * @module data/files
 * A reader's file descriptor is closed when the reader reaches the end of its file; a reader dropped
 * before that (a run that stops early, a source opened to read its first chunk) has its descriptor
 * closed once it is garbage-collected, so a long-lived process does not run out of them.
 */
import { closeSync } from 'node:fs';

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
