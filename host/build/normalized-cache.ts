/**
 * @module build/normalized-cache
 * verify's source check remembered: a source's normalizedSha256 (build/asc normalizeSource: asc's
 * parser, printed back), kept under the cache folder's normalized/ (build/cache-root; "off" disables
 * it) so a verify of a strategy checked or built before loads no assemblyscript (~0.45 s CPU, ~70 MB).
 * An entry is found by a key naming its format, the toolchain (the assemblyscript version and the
 * SHA-256 of build/asc's code, which holds the normalizer), the source's path and the SHA-256 of its
 * exact bytes. It is a cache-entry (the SHA-256 of its JSON, then the JSON) whose JSON is the
 * key's material and the hash: a damaged entry, or a whole one under another key's name, is ignored.
 * It is written by verify (inspect/source-check) only after a check passed (the normalized hash equal
 * to the recorded one), and by build/cache for a build it ran or kept (the hashes asc's normalizer gave); it
 * can only speed a pass: an entry whose hash is not the recorded one is never believed, the source is
 * normalized again. So the cache is trusted as the installation is (docs/AUDIT.md, "What verify and
 * replay trust"). (In build/, not inspect/, so that a build may remember what it normalized.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ascVersion } from './asc.ts';
import { readEntryJson, sha256Hex, writeEntryJson } from '../cache-entry.ts';

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
  const normalizer = new URL(`./asc${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);
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

/** The entry's normalizedSha256 when its JSON is `material` and that hash, in that order; else null. */
function normalizedOf(json: string | null, material: Omit<Entry, 'normalizedSha256'>): string | null {
  let value: unknown;
  try {
    value = json === null ? null : JSON.parse(json);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { normalizedSha256, ...rest } = value as Partial<Entry>;
  return JSON.stringify(rest) === JSON.stringify(material) && typeof normalizedSha256 === 'string' && /^[0-9a-f]{64}$/.test(normalizedSha256) ? normalizedSha256 : null;
}

/** The remembered normalizedSha256 of source `sourcePath` with bytes `text`, or null (no cache, no entry, a damaged or misplaced one). */
export async function rememberedNormalized(root: string | null, sourcePath: string, text: Uint8Array): Promise<Uint8Array | null> {
  const found = root === null ? null : slot(root, sourcePath, text);
  const normalized = found && normalizedOf(await readEntryJson(found.file), found.material);
  return normalized ? new Uint8Array(Buffer.from(normalized, 'hex')) : null;
}

/** Remembers a passed check, or a build's normalization (a folder that cannot be written is not used). */
export async function rememberNormalized(root: string | null, sourcePath: string, text: Uint8Array, normalizedSha256: Uint8Array): Promise<void> {
  const found = root === null ? null : slot(root, sourcePath, text);
  if (found) await writeEntryJson(found.file, JSON.stringify({ ...found.material, normalizedSha256: Buffer.from(normalizedSha256).toString('hex') } satisfies Entry));
}
