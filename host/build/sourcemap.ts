/**
 * @module build/sourcemap
 * Module byte offsets → AssemblyScript source positions, from the source map asc writes beside a
 * module (Source Map v3). In a WebAssembly source map the generated "column" is the byte offset in
 * the module and every mapping is on generated line 0 (WebAssembly tool conventions, "Source
 * maps"). An instruction without a mapping of its own takes the nearest mapping before it within
 * its function (Binaryen writes one only where the location changes); a mapping without a source
 * marks code the compiler made, which has no position (or, for a fault, a `near` one).
 */
import { createHash } from 'node:crypto';
import { parseModule } from '../sandbox/instrument/module.ts';

/** A position in a source file; line and column 1-based, as asc prints them (`file.ts:12:5`). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  /**
   * The instruction itself has no location (code the compiler made: a function's epilogue, a
   * value the optimizer keeps in a local); this is the located code before it in its function.
   */
  near?: boolean;
}

/** `file.ts:12:5`, or `near file.ts:12:5`. */
export function formatPosition(p: SourcePosition): string {
  return `${p.near ? 'near ' : ''}${p.file}:${p.line}:${p.column}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

export class SourceMapError extends Error {}

/**
 * A decoded map: the sorted byte offsets that start a mapping, and what each maps to (-1: a mapping
 * without a source, i.e. code asc gave no location).
 */
export class WasmSourceMap {
  readonly sources: readonly string[];
  private readonly offsets: Uint32Array;
  private readonly source: Int32Array;
  private readonly line: Int32Array;
  private readonly column: Int32Array;

  private constructor(sources: string[], rows: number[][]) {
    this.sources = sources;
    rows.sort((a, b) => a[0]! - b[0]!);
    this.offsets = Uint32Array.from(rows, (r) => r[0]!);
    this.source = Int32Array.from(rows, (r) => r[1]!);
    this.line = Int32Array.from(rows, (r) => r[2]!);
    this.column = Int32Array.from(rows, (r) => r[3]!);
  }

  /** Parses asc's map. Throws SourceMapError on anything that is not a well-formed v3 map of a wasm module. */
  static parse(json: string): WasmSourceMap {
    let m: { version?: unknown; sources?: unknown; mappings?: unknown };
    try {
      m = JSON.parse(json) as typeof m;
    } catch (e) {
      throw new SourceMapError(`not JSON: ${(e as Error).message}`);
    }
    if (m.version !== 3 || !Array.isArray(m.sources) || !m.sources.every((s) => typeof s === 'string') || typeof m.mappings !== 'string')
      throw new SourceMapError('not a version 3 source map with sources and mappings');
    const sources = m.sources as string[];
    const rows: number[][] = [];
    // Fields are deltas from the previous segment (the column restarts at each line; a wasm map has one).
    const state = [0, 0, 0, 0];
    let line = 0;
    for (const segment of m.mappings.split(',')) {
      if (segment === '') continue;
      if (segment.includes(';')) {
        line++;
        continue;
      }
      const fields = decodeVlq(segment);
      if (fields.length !== 1 && fields.length !== 4 && fields.length !== 5) throw new SourceMapError(`segment "${segment}" has ${fields.length} fields`);
      for (let k = 0; k < Math.min(4, fields.length); k++) state[k]! += fields[k]!;
      if (state[0]! < 0 || (fields.length > 1 && (state[1]! < 0 || state[1]! >= sources.length || state[2]! < 0 || state[3]! < 0)))
        throw new SourceMapError(`segment "${segment}" points outside the map`);
      rows.push(fields.length === 1 ? [state[0]!, -1, 0, 0] : [state[0]!, state[1]!, state[2]!, state[3]!]);
    }
    if (line > 0) throw new SourceMapError('a WebAssembly source map has one generated line');
    return new WasmSourceMap(sources, rows);
  }

  /**
   * The source position of the instruction at byte `offset`: the nearest mapping at or before it,
   * not before `from` (the start of its function body, so that no position leaks in from the
   * function before). When that mapping has no source, null — or, with `near`, the nearest located
   * one before it, marked `near`. `accept`: only mappings of the sources it accepts count as located.
   */
  locate(offset: number, from = 0, near = false, accept?: (file: string) => boolean): SourcePosition | null {
    let lo = 0, hi = this.offsets.length - 1, i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid]! <= offset) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (i < 0 || this.offsets[i]! < from) return null;
    // Binaryen marks code it made without a location with a sourceless mapping.
    const ok = (k: number): boolean => this.source[k]! >= 0 && (!accept || accept(this.sources[this.source[k]!]!));
    const located = ok(i);
    if (!located && !near) return null;
    while (i >= 0 && !ok(i)) i--;
    if (i < 0 || this.offsets[i]! < from) return null;
    const p: SourcePosition = { file: this.sources[this.source[i]!]!, line: this.line[i]! + 1, column: this.column[i]! + 1 };
    return located ? p : { ...p, near: true };
  }
}

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    const digit = c < 128 ? DIGIT[c]! : -1;
    if (digit < 0) throw new SourceMapError(`bad character "${segment[i]}" in segment "${segment}"`);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if (shift > 35) throw new SourceMapError(`value too large in segment "${segment}"`);
    if (digit & 32) continue;
    out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new SourceMapError(`segment "${segment}" ends inside a value`);
  return out;
}

/** Where the instruction at a byte offset of one module came from in its sources. */
export type SourceLocator = (offset: number) => SourcePosition | null;

/**
 * The locator of `wasm` under its map: an offset maps only within its own function body; `near` as
 * in WasmSourceMap.locate. Throws SourceMapError on a malformed map. Use it only with the module
 * the map was made with.
 */
export function sourceLocator(wasm: Uint8Array, mapJson: string, near = false, accept?: (file: string) => boolean): SourceLocator {
  const map = WasmSourceMap.parse(mapJson);
  const bodies = parseModule(wasm).bodies;
  return (offset) => {
    const body = bodies.find((b) => b.start <= offset && offset < b.end);
    return body ? map.locate(offset, body.start, near, accept) : null;
  };
}

/** A source of AssemblyScript's standard library (`~lib/...`) or of the SDK: not the author's code. */
export const isLibrarySource = (file: string): boolean => file.startsWith('~lib/') || /(^|\/)guest-sdk\//.test(file);

export const sourceMapSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
