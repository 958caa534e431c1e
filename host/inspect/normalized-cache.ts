/**
 * @module inspect/normalized-cache
 * verify's source check remembered: a source's normalizedSha256 (build/asc normalizeSource: asc's
 * parser, printed back), kept under the cache folder's normalized/ (build/cache-root; "off" disables
 * it) so a verify of a strategy checked before loads no assemblyscript (~0.45 s CPU, ~70 MB). An entry
 * is found by a key naming its format, the toolchain (the assemblyscript version and the SHA-256 of
 * build/asc's code, which holds the normalizer), the source's path and the SHA-256 of its exact bytes.
 * It is an audit/cache-entry (the SHA-256 of its JSON, then the JSON) whose JSON repeats the key's
 * material: a damaged entry, or a whole one under another key's name, is ignored. It is written
 * only after a check passed (the normalized hash equal to the recorded one), and it can only speed a
 * pass: an entry whose hash is not the recorded one is never believed, the source is normalized
 * again. So the cache is trusted as the installation is (docs/AUDIT.md, "What verify and replay trust").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ascVersion } from '../build/asc.ts';
import { entryFor, readCacheEntry, sha256Hex, writeCacheEntry } from '../audit/cache-entry.ts';

/** The entry layout; a change bumps it, and older entries are then simply not found. */
export const NORMALIZED_CACHE_FORMAT = 1;

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

/** The entry's material and file for source `sourcePath` whose bytes are `text`; null when the toolchain cannot be named (no cache then). */
function slot(root: string, sourcePath: string, text: Uint8Array): { file: string; material: Omit<Entry, 'normalizedSha256'> } | null {
  try {
    const material = { format: NORMALIZED_CACHE_FORMAT, toolchain: toolchain(), path: sourcePath, sourceSha256: sha256Hex(text) };
    return { file: path.join(root, 'normalized', `${sha256Hex(JSON.stringify(material))}.json`), material };
  } catch {
    return null;
  }
}

/** The remembered normalizedSha256 of source `sourcePath` with bytes `text`, or null (no cache, no entry, a damaged or misplaced one). */
export async function rememberedNormalized(root: string | null, sourcePath: string, text: Uint8Array): Promise<Uint8Array | null> {
  const found = root === null ? null : slot(root, sourcePath, text);
  const e = found && entryFor(await readCacheEntry(found.file), found.material);
  const normalized = e?.normalizedSha256;
  return typeof normalized === 'string' && /^[0-9a-f]{64}$/.test(normalized) ? new Uint8Array(Buffer.from(normalized, 'hex')) : null;
}

/** Remembers a passed check (a folder that cannot be written is not used). */
export async function rememberNormalized(root: string | null, sourcePath: string, text: Uint8Array, normalizedSha256: Uint8Array): Promise<void> {
  const found = root === null ? null : slot(root, sourcePath, text);
  if (found) await writeCacheEntry(found.file, { ...found.material, normalizedSha256: Buffer.from(normalizedSha256).toString('hex') } satisfies Entry);
}
