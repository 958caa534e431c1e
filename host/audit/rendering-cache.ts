/**
 * @module audit/rendering-cache
 * verify's renderings remembered: a file of a run folder that verify found to be exactly the rendering
 * of the bytes its record binds (trades.csv, orders.csv, stats.json, equity.csv, report.html) is
 * remembered by its size and SHA-256, under the cache folder's rendered/ (build/cache-root; "off"
 * disables it), so a later verify of the same record hashes the file instead of rendering it again
 * (~0.3 s CPU at 1M bars); so is result.pb once its rows were found canonical (they are then counted,
 * not read: audit/codec checkResult), and the strategy's module as instrumented under the record's settings
 * (INSTRUMENTED_MODULE: verify's strategy step then need not instrument it again). An
 * entry is found by a key naming its format, the code that renders (the SHA-256 of every file of the
 * installation's host/ and traces/ folders, and the report's generator: its format and chart library), the SHA-256
 * of record.pb (which binds result.pb, the data and everything else a rendering reads) and the file's
 * name. It is a cache-entry (the SHA-256 of its JSON, then the JSON) whose JSON repeats the key's
 * material: a damaged entry, or a whole one under another key's name, is ignored. It is written only
 * after the file was compared with a fresh rendering and found equal, or by the run folder's writer for
 * the files it rendered itself from that record (run/rundir writeRunDir), and it can only speed a pass: a
 * file whose size or SHA-256 is not the remembered one is rendered and compared as without a cache, with
 * the same failure. So the cache is trusted as the installation is (docs/AUDIT.md, "What verify and replay trust").
 * (In audit/, not inspect/, so that whatever writes a run folder may remember the files it renders.)
 */
import { createHash, type Hash } from 'node:crypto';
import { constants, readdirSync, readFileSync } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFor, readCacheEntry, sha256Hex, writeCacheEntry } from '../cache-entry.ts';

/** The entry layout; a change bumps it, and older entries are then simply not found. */
export const RENDERING_CACHE_FORMAT = 1;

const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** A rendering as remembered: the file's size and SHA-256 (hex). */
export interface Rendered {
  size: number;
  sha256: string;
}

/**
 * The entry for the record's strategy.wasm as instrumented under its recorded settings (the size and SHA-256 of
 * the instrumented module): not a file of the folder. Written by the run folder's writer (the module its run
 * instrumented) and by verify once instrumenting the module again gave the recorded hash.
 */
export const INSTRUMENTED_MODULE = 'strategy.wasm#instrumented';

let codeOnce: string | null = null;
/**
 * SHA-256 over every file of the running host/ and traces/ folders (path and bytes, in byte order of the paths;
 * the instrumenter reads traces/' predictor layout): any change of the code misses every entry.
 */
function codeHash(): string {
  if (codeOnce !== null) return codeOnce;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.push(r);
    }
  };
  walk('host');
  walk('traces');
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const h = createHash('sha256');
  for (const f of files) {
    const bytes = readFileSync(path.join(root, f));
    h.update(`${f}\n${bytes.length}\n`).update(bytes);
  }
  return (codeOnce = h.digest('hex'));
}

/** The renderings remembered for one record (record.pb's bytes) under cache folder `root` (null: no cache). */
export class RenderingCache {
  private readonly root: string | null;
  private readonly record: string;
  private readonly generator: () => string;
  /** `generator`: the report's generator line (asked for only when an entry is looked up or written). */
  constructor(root: string | null, recordPb: Uint8Array, generator: () => string) {
    this.root = root;
    this.record = root === null ? '' : sha256Hex(recordPb);
    this.generator = generator;
  }

  private slot(name: string): { file: string; material: Record<string, unknown> } | null {
    if (this.root === null) return null;
    try {
      const material = { format: RENDERING_CACHE_FORMAT, code: codeHash(), generator: this.generator(), recordSha256: this.record, name };
      return { file: path.join(this.root, 'rendered', `${sha256Hex(JSON.stringify(material))}.json`), material };
    } catch {
      return null; // the code cannot be read to be named: no cache
    }
  }

  /** File `name`'s remembered rendering, or null (no cache, no entry, a damaged or misplaced one). */
  async remembered(name: string): Promise<Rendered | null> {
    const slot = this.slot(name);
    const e = slot && entryFor(await readCacheEntry(slot.file), slot.material);
    if (!e || !Number.isSafeInteger(e.size) || typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) return null;
    return { size: e.size as number, sha256: e.sha256 };
  }

  /** Remembers that file `name` was found to be the rendering with this size and SHA-256 (a folder that cannot be written is not used). */
  async remember(name: string, rendered: Rendered): Promise<void> {
    const slot = this.slot(name);
    if (slot) await writeCacheEntry(slot.file, { ...slot.material, size: rendered.size, sha256: rendered.sha256 });
  }
}

/** True when `file` is a regular file of the remembered size and SHA-256 (read in blocks, never whole); false on any other answer or error. */
export async function isRendered(file: string, rendered: Rendered): Promise<boolean> {
  try {
    const st = await lstat(file);
    if (!st.isFile() || st.size !== rendered.size) return false;
    const handle = await open(file, constants.O_RDONLY | NONBLOCK);
    try {
      const h = createHash('sha256');
      const buf = Buffer.allocUnsafe(1 << 20);
      let total = 0;
      for (let n; (n = (await handle.read(buf, 0, buf.length, total)).bytesRead) > 0; total += n) h.update(buf.subarray(0, n));
      return total === rendered.size && h.digest('hex') === rendered.sha256;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** `chunks` passed through, each also hashed into `hash` and counted in `size.n`: a rendering's SHA-256 as it is compared. */
export function* hashedChunks(chunks: Iterable<Uint8Array>, hash: Hash, size: { n: number }): Generator<Uint8Array, void, undefined> {
  for (const c of chunks) {
    hash.update(c);
    size.n += c.length;
    yield c;
  }
}
