// What a parse gave, as one line, for tests that compare parsing paths (test/data-in): the bars' count,
// duplicates kept and the SHA-256 of every column's bytes (so -0 ≠ 0), or the error's class, code and message.
import { createHash } from 'node:crypto';
import type { Bars } from '../../host/model/bars.ts';

/** Bars (one or more chunks, in order) as one line: `N bars, D duplicates, <sha256 of the columns>`. */
export function barsFingerprint(chunks: Bars[], duplicates: number): string {
  const h = createHash('sha256');
  let n = 0;
  for (const k of ['time', 'open', 'high', 'low', 'close', 'volume'] as const)
    for (const c of chunks) h.update(new Uint8Array(c[k].buffer, c[k].byteOffset, c[k].byteLength));
  for (const c of chunks) n += c.length;
  return `${n} bars, ${duplicates} duplicates, ${h.digest('hex')}`;
}

/** `fn()`'s line, or its error as `Class CODE: message`. */
export function outcome(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    const err = e as Error & { code?: string };
    return `${err.constructor.name} ${err.code}: ${err.message}`;
  }
}
