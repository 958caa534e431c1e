/**
 * @module inspect/normalized-cache
 * verify's source check remembered: a source's normalizedSha256 (build/asc normalizeSource: asc's
 * parser, printed back), kept under the cache folder's normalized/ (build/cache-root; "off" disables
 * it) so a verify of a strategy checked before loads no assemblyscript (~0.45 s CPU, ~70 MB). An entry
 * is found by a key naming its format, the toolchain (the assemblyscript version and the SHA-256 of
 * build/asc's code, which holds the normalizer), the source's path and the SHA-256 of its exact bytes.
 * It is one line, the SHA-256 of the JSON that follows it, then that JSON, which repeats the key's
 * material: a damaged entry, or a whole one under another key's name, is ignored. It is written
 * only after a check passed (the normalized hash equal to the recorded one), and it can only speed a
 * pass: an entry whose hash is not the recorded one is never believed, the source is normalized
 * again. So the cache is trusted as the installation is (docs/AUDIT.md, "What verify and replay trust").
 */
import { createHash } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { ascVersion } from '../build/asc.ts';

/** The entry layout; a change bumps it, and older entries are then simply not found. */
export const NORMALIZED_CACHE_FORMAT = 1;

const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const NONBLOCK = constants.O_NONBLOCK ?? 0;

interface Entry {
  format: number;
  toolchain: { assemblyscript: string; normalizer: string };
  path: string;
  sourceSha256: string;
  normalizedSha256: string;
}

let toolchainOnce: Entry['toolchain'] | null = null;
/** What normalizes a source besides its text: a new version of either makes every entry miss. */
function toolchain(): Entry['toolchain'] {
  // build/asc's code with this module's extension (.ts in the repository, .js compiled)
  const normalizer = new URL(`../build/asc${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);
  toolchainOnce ??= { assemblyscript: ascVersion(), normalizer: sha256Hex(readFileSync(normalizer)) };
  return toolchainOnce;
}

/** The entry's material and file for source `sourcePath` whose bytes are `text`. */
function slot(root: string, sourcePath: string, text: Uint8Array): { file: string; entry: Omit<Entry, 'normalizedSha256'> } {
  const entry = { format: NORMALIZED_CACHE_FORMAT, toolchain: toolchain(), path: sourcePath, sourceSha256: sha256Hex(text) };
  return { file: path.join(root, 'normalized', `${sha256Hex(JSON.stringify(entry))}.json`), entry };
}

/** An entry's text when a regular file is at its name (a FIFO there is never waited on), else null. */
async function readEntry(file: string): Promise<string | null> {
  try {
    const handle = await open(file, constants.O_RDONLY | NONBLOCK);
    try {
      return (await handle.stat()).isFile() ? await handle.readFile('utf8') : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** The remembered normalizedSha256 of source `sourcePath` with bytes `text`, or null (no cache, no entry, a damaged or misplaced one). */
export async function rememberedNormalized(root: string | null, sourcePath: string, text: Uint8Array): Promise<Uint8Array | null> {
  if (root === null) return null;
  let found: ReturnType<typeof slot>;
  try {
    found = slot(root, sourcePath, text);
  } catch {
    return null; // no toolchain to name (an installation without assemblyscript): no cache
  }
  const { file, entry } = found;
  const stored = await readEntry(file);
  if (stored === null) return null;
  const newline = stored.indexOf('\n');
  const json = stored.slice(newline + 1);
  if (newline !== 64 || stored.slice(0, 64) !== sha256Hex(json)) return null;
  let e: Entry;
  try {
    e = JSON.parse(json) as Entry;
  } catch {
    return null;
  }
  const { normalizedSha256, ...material } = e ?? {};
  if (JSON.stringify(material) !== JSON.stringify(entry) || typeof normalizedSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(normalizedSha256)) return null;
  return new Uint8Array(Buffer.from(normalizedSha256, 'hex'));
}

let tmpCounter = 0;

/** Remembers a passed check; written under a temporary name and renamed into place, and a folder that cannot be written is not used. */
export async function rememberNormalized(root: string | null, sourcePath: string, text: Uint8Array, normalizedSha256: Uint8Array): Promise<void> {
  if (root === null) return;
  let tmp: string | null = null;
  try {
    const { file, entry } = slot(root, sourcePath, text);
    const json = JSON.stringify({ ...entry, normalizedSha256: Buffer.from(normalizedSha256).toString('hex') } satisfies Entry);
    tmp = `${file}.${process.pid}-${threadId}-${tmpCounter++}.tmp`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, `${sha256Hex(json)}\n${json}`, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NONBLOCK });
    await rename(tmp, file);
  } catch {
    if (tmp) await rm(tmp, { force: true }).catch(() => {});
  }
}
