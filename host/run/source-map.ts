/**
 * @module run/source-map
 * Which source map belongs to a module, and the fault locator made from it. A map is used only when
 * it is bound to the module's bytes: built with them in this process, or named with its SHA-256 and
 * the module's in the `.build.json` that `backproof build` wrote beside a `.wasm`. Without one,
 * faults name byte offsets only, as before.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { formatPosition, isLibrarySource, sourceLocator, SourceMapError } from '../build/sourcemap.ts';
import type { CompileOptions } from '../sandbox/index.ts';

const sha256Hex = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/**
 * `file.ts:line:col` of an original byte offset, or null; null as a whole when `map` is absent or
 * not a source map. `near`: an instruction the compiler made gets the located code before it, as
 * `near file.ts:line:col`; without it such an instruction has no position.
 */
export function locatorOf(wasm: Uint8Array, map: string | undefined, near = false): ((offset: number) => string | null) | null {
  if (map === undefined) return null;
  try {
    const locate = sourceLocator(wasm, map, near);
    return (offset) => {
      const p = locate(offset);
      return p ? formatPosition(p) : null;
    };
  } catch (e) {
    if (e instanceof SourceMapError) return null;
    throw e;
  }
}

/**
 * For a fault: the position, and when it is in library code (AssemblyScript's stdlib or the SDK,
 * often inlined into the strategy's function) the author's own code before it in the same
 * function: `near ~lib/staticarray.ts:93:62, reached from src/s.ts:7:5`.
 */
function faultLocatorOf(wasm: Uint8Array, map: string | undefined): ((offset: number) => string | null) | null {
  if (map === undefined) return null;
  try {
    const locate = sourceLocator(wasm, map, true);
    const own = sourceLocator(wasm, map, true, (file) => !isLibrarySource(file));
    return (offset) => {
      const p = locate(offset);
      if (!p) return null;
      const mine = isLibrarySource(p.file) ? own(offset) : null;
      return mine ? `${formatPosition(p)}, reached from ${formatPosition({ ...mine, near: false })}` : formatPosition(p);
    };
  } catch (e) {
    if (e instanceof SourceMapError) return null;
    throw e;
  }
}

/**
 * The sandbox's options for a strategy: its fault locator when it has a map, made on the first
 * fault (a run that does not fault never parses the map).
 */
export function compileOptionsOf(strategy: { wasm: Uint8Array; sourceMap?: string }): CompileOptions {
  if (strategy.sourceMap === undefined) return {};
  let locate: ((offset: number) => string | null) | null | undefined;
  return {
    locate: (offset) => {
      if (locate === undefined) locate = faultLocatorOf(strategy.wasm, strategy.sourceMap);
      return locate ? locate(offset) : null;
    },
  };
}

/** What `backproof build` writes beside a module: `<name>.wasm.map`, bound by `<name>.build.json`. */
export const mapFileOf = (wasmFile: string): string => `${wasmFile}.map`;
export const buildInfoFileOf = (wasmFile: string): string => `${wasmFile.replace(/\.wasm$/, '')}.build.json`;

/**
 * The map beside a prebuilt `.wasm`, when its `.build.json` binds both: `wasm.sha256` is the
 * module's and `sourceMap.sha256` the map file's. Anything else (no files, other hashes, unreadable
 * JSON): undefined — a map that may belong to other bytes would name wrong lines.
 */
export async function boundMapBeside(wasmFile: string, wasm: Uint8Array): Promise<string | undefined> {
  try {
    const info = JSON.parse(await readFile(buildInfoFileOf(wasmFile), 'utf8')) as { wasm?: { sha256?: unknown }; sourceMap?: { path?: unknown; sha256?: unknown } };
    if (info.wasm?.sha256 !== sha256Hex(wasm) || typeof info.sourceMap?.sha256 !== 'string') return undefined;
    const map = await readFile(mapFileOf(wasmFile), 'utf8');
    return sha256Hex(map) === info.sourceMap.sha256 ? map : undefined;
  } catch {
    return undefined;
  }
}
