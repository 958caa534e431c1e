/**
 * @module build/cache
 * The build cache: asc's output for a strategy, kept so that a run of an unchanged strategy does not
 * load the compiler (AssemblyScript and Binaryen cost ~0.5–1 s a build). An entry is found by a key
 * naming the toolchain (Backproof, asc and Binaryen versions, the flags, the code of build/asc) and
 * the entry file (its path and text); it lists every file the build asked for, with the SHA-256 of
 * the text it read (or that there was none), and it is used only if every one of them still reads
 * the same: an edited helper, SDK file or newly installed package misses. An entry is checked before
 * it is trusted (a SHA-256 of the whole entry on its first line, the wasm's and each source's), and
 * one that fails is ignored and built again (so is anything but a regular file at an entry's name: a
 * FIFO there is never waited on); entries are written to a temporary name and renamed
 * into place, so a reader never sees half of one. The cache is an optimisation only: a build from it
 * is byte for byte the build asc makes (the module, its source map and sources), and a folder that
 * cannot be written is simply not used.
 *
 * Where: the builds/ folder of Backproof's cache folder (build/cache-root: BACKPROOF_CACHE_DIR, "off"
 * disables it, else $XDG_CACHE_HOME/backproof, else ~/.cache/backproof), one file per key.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { siblingModule } from '../paths.ts';
import { ascVersion, type BuildResult } from './asc.ts';
import { readEntryJson, sha256Hex, writeEntryJson } from '../cache-entry.ts';
import { rememberedNormalized, rememberNormalized } from './normalized-cache.ts';

export { cacheRoot } from './cache-root.ts';

/** The entry layout; a change bumps it, and older entries are then simply not found. */
export const BUILD_CACHE_FORMAT = 1;

/** The build of a strategy as the cache keeps it: what run/strategy makes a StrategyArtifact of. */
export type CachedBuild = Pick<BuildResult, 'wasm' | 'sources' | 'sourceMap'>;

interface Entry {
  format: number;
  /** The key's material, for a reader wondering what an entry is. */
  toolchain: Record<string, unknown>;
  entry: string;
  wasmSha256: string;
  wasm: string;
  sourceMap?: string;
  sources: BuildResult['sources'];
  /** Every file the build asked for: its absolute path and the SHA-256 of its text, null when there was none. */
  inputs: [string, string | null][];
}

let toolchainOnce: Record<string, unknown> | null = null;

/** What builds a module besides its sources: a new version of any of these makes every entry miss (and names build/build-server's socket). */
export function toolchain(backproof: string, flags: readonly string[]): Record<string, unknown> {
  toolchainOnce ??= (() => {
    const require = createRequire(import.meta.url);
    const fromAsc = createRequire(require.resolve('assemblyscript/package.json'));
    // The builder's own code too: in the repository it changes without a new version number.
    const builder = sha256Hex(readFileSync(siblingModule('asc', import.meta.url)));
    return { assemblyscript: ascVersion(), binaryen: (fromAsc('binaryen/package.json') as { version: string }).version, builder };
  })();
  return { backproof, ...toolchainOnce, flags: [...flags] };
}

/** The entry's file for the strategy `entry` (its text `text`) built by this toolchain with `flags`. */
function entryFile(root: string, entry: string, text: string, backproof: string, flags: readonly string[]): { file: string; toolchain: Record<string, unknown> } {
  const t = toolchain(backproof, flags);
  const key = sha256Hex(JSON.stringify({ format: BUILD_CACHE_FORMAT, toolchain: t, entry, entrySha256: sha256Hex(text) }));
  return { file: path.join(root, 'builds', `${key}.json`), toolchain: t };
}

const readText = async (file: string): Promise<string | null> => {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
};

/** The build of a whole entry's JSON if every file it was built from still reads the same; null otherwise. */
async function validBuild(json: string): Promise<CachedBuild | null> {
  let e: Entry;
  try {
    e = JSON.parse(json) as Entry;
  } catch {
    return null;
  }
  if (e?.format !== BUILD_CACHE_FORMAT || typeof e.wasm !== 'string' || !Array.isArray(e.sources) || !Array.isArray(e.inputs)) return null;
  const wasm = new Uint8Array(Buffer.from(e.wasm, 'base64'));
  if (sha256Hex(wasm) !== e.wasmSha256) return null;
  for (const s of e.sources) if (typeof s?.text !== 'string' || sha256Hex(s.text) !== s.sha256) return null;
  for (const [file, sha] of e.inputs) {
    const text = await readText(file);
    if ((text === null ? null : sha256Hex(text)) !== sha) return null;
  }
  const sources = e.sources.map((s) => ({ path: s.path, sha256: s.sha256, normalizedSha256: s.normalizedSha256, text: s.text }));
  return { wasm, sources, ...(typeof e.sourceMap === 'string' ? { sourceMap: e.sourceMap } : {}) };
}

/**
 * Each source's normalized hash, as asc's normalizer gave it in the build (or in the build the cache kept),
 * is what verify's source check would compute: remembered (build/normalized-cache), so the first verify of
 * a run starts no asc. From the build cache, only the hashes not remembered yet are written (`missingOnly`).
 */
async function remembered(root: string | null, sources: CachedBuild['sources'], missingOnly: boolean): Promise<void> {
  await Promise.all(sources.map(async (s) => {
    const text = Buffer.from(s.text, 'utf8');
    const hash = Buffer.from(s.normalizedSha256, 'hex');
    if (missingOnly && equalHash(await rememberedNormalized(root, s.path, text), hash)) return;
    await rememberNormalized(root, s.path, text, hash);
  }));
}

const equalHash = (a: Uint8Array | null, b: Uint8Array): boolean => a !== null && Buffer.compare(a, b) === 0;

/** The cache's writes still under way (cachedBuild returns before them). */
const writing = new Set<Promise<void>>();

/**
 * Runs `write` after the caller has its build (the run starts meanwhile, not after the cache is written):
 * its entries are an optimisation, so a failure is ignored, as a folder that cannot be written is.
 */
function inBackground(write: () => Promise<void>): void {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve)).then(write).catch(() => {}).finally(() => writing.delete(p));
  writing.add(p);
}

/** Resolves once every cache write begun so far is done (for a caller that reads the cache folder next, e.g. a test). */
export async function cacheWritesSettled(): Promise<void> {
  while (writing.size > 0) await Promise.all(writing);
}

/**
 * The build of `entry` from the cache under `root`, or `build()`'s (which reports each file it reads
 * through `onRead`), then stored. `accept` runs on every build given, cached or fresh (a fresh one
 * is stored only if it passes). `backproof` is the running Backproof's version. It returns before the
 * entry and the sources' normalized hashes are written (cacheWritesSettled waits for them): the run
 * need not wait for the cache. A process that exits first (a failed command) may leave a temporary
 * file in the cache folder, never half an entry (entries are renamed into place).
 */
export async function cachedBuild(
  root: string | null, entry: string, backproof: string, flags: readonly string[],
  build: (onRead: (file: string, text: string | null) => void) => Promise<BuildResult>, accept: (b: CachedBuild) => void | Promise<void>,
): Promise<CachedBuild & { cached: boolean }> {
  const entryAbs = path.resolve(entry);
  const text = root === null ? null : await readText(entryAbs);
  const slot = root !== null && text !== null ? entryFile(root, entryAbs, text, backproof, flags) : null;
  if (slot) {
    // The first line is the SHA-256 of the rest: any damaged byte makes it a miss.
    const json = await readEntryJson(slot.file);
    const hit = json === null ? null : await validBuild(json);
    if (hit) {
      await accept(hit);
      inBackground(() => remembered(root!, hit.sources, true));
      return { ...hit, cached: true };
    }
  }
  const inputs = new Map<string, string | null>();
  const built = await build((file, t) => inputs.set(file, t === null ? null : sha256Hex(t)));
  await accept(built);
  // The key was made from the text read before the build: if the build read another, the entry's inputs say so and it never hits.
  inBackground(async () => {
    if (slot) await writeEntryJson(slot.file, JSON.stringify({
      format: BUILD_CACHE_FORMAT, toolchain: slot.toolchain, entry: entryAbs, wasmSha256: sha256Hex(built.wasm), wasm: Buffer.from(built.wasm).toString('base64'),
      ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), sources: built.sources, inputs: [...inputs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    } satisfies Entry));
    await remembered(root, built.sources, false);
  });
  return { wasm: built.wasm, sources: built.sources, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), cached: false };
}
