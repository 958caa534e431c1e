/**
 * @module build/asc
 * Compiles an AssemblyScript strategy with asc's in-process API (no child process) using the
 * fixed flags of the Backproof ABI, and hashes every source file the compiler read — raw bytes
 * and a normalized form (AssemblyScript's own parser, printed back by its ASTBuilder: no
 * comments, canonical whitespace) — so reformatting a file leaves its normalized hash unchanged.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { BuildError } from '../errors.ts';

/** Flags every strategy is built with. Part of the build record. */
export const ASC_FLAGS = ['-O3', '--runtime', 'incremental', '--exportStart', 'init', '--debug', '--noColors'] as const;

export interface SourceFile {
  /** Path relative to the deepest folder holding every source of the build, with forward slashes. */
  path: string;
  sha256: string;
  normalizedSha256: string;
  /** The source text as compiled. */
  text: string;
}

export interface BuildResult {
  wasm: Uint8Array;
  /** The entry file first, then every other non-stdlib file asc read, sorted by path. */
  sources: SourceFile[];
  ascVersion: string;
  flags: readonly string[];
  /**
   * asc's source map (Source Map v3 JSON) of `wasm`: sources are the paths above (and `~lib/...`),
   * no sourceRoot, no sourcesContent, so it depends on nothing but the module. Absent when asc made none.
   */
  sourceMap?: string;
}

const hex = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

export function ascVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('assemblyscript/package.json') as { version: string }).version;
}

/** AssemblyScript's parser, printed back canonically. Throws BuildError on a parse error. */
export async function normalizeSource(text: string, file: string): Promise<string> {
  const as = await import('assemblyscript');
  const parser = new as.Parser();
  parser.parseFile(text, file, true);
  const DIAGNOSTIC_ERROR = 3; // DiagnosticCategory.Error (an ambient const enum)
  const errors = (parser.diagnostics ?? []).filter((d: { category: number }) => d.category === DIAGNOSTIC_ERROR);
  if (errors.length > 0) throw new BuildError('BUILD_FAILED', `${file}: ${errors.map((d: { message: string }) => d.message).join('; ')}`);
  return as.ASTBuilder.build(parser.sources[0]!);
}

export interface BuildOptions {
  /** Read no file outside this folder (a rebuild from a run folder's sources/). */
  confine?: string;
}

/** The deepest folder holding every one of `files` (absolute paths). */
function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]!);
  for (const f of files) while (path.relative(common, f).startsWith('..')) common = path.dirname(common);
  return common;
}

interface Compiled {
  wasm: Uint8Array | undefined;
  map: string | undefined;
  error: Error | null;
  stderr: string;
  /** Absolute path → text of every file asc read. */
  read: Map<string, string>;
}

/**
 * asc itself threw (e.g. RangeError: Maximum call stack size exceeded in emitBinary on a function
 * with thousands of locals): the strategy cannot be built, a build error rather than an internal one.
 */
export function compilerCrash(entry: string, e: unknown): BuildError {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new BuildError('BUILD_FAILED', `asc crashed compiling ${entry}: ${what}`, { cause: e });
}

/** One asc run with every path it sees relative to `root`. */
async function compileAt(entry: string, root: string, flags: readonly string[], confine: string | undefined): Promise<Compiled> {
  const asc = (await import('assemblyscript/asc')).default;
  const read = new Map<string, string>();
  const outputs = new Map<string, Uint8Array | string>();
  const stderr: string[] = [];
  const rel = path.relative(root, entry).split(path.sep).join('/');
  // asc.main reports compile errors in its result, but a crash inside asc is thrown (below).
  const result = await asc.main([rel, ...flags, '--outFile', 'out.wasm', '--sourceMap'], {
    readFile: async (filename: string, baseDir: string) => {
      if (filename === 'asconfig.json') return null; // the flags are the ABI's, never a project file's
      const full = path.resolve(root, baseDir, filename);
      if (confine && path.relative(confine, full).startsWith('..')) return null;
      try {
        const text = await readFile(full, 'utf8');
        read.set(full, text);
        return text;
      } catch {
        return null;
      }
    },
    writeFile: (name: string, contents: Uint8Array | string) => {
      outputs.set(name, contents);
    },
    listFiles: () => [],
    stdout: { write: () => true } as never,
    stderr: { write: (s: string | Uint8Array) => (stderr.push(String(s)), true) } as never,
  }).catch((e: unknown) => {
    throw compilerCrash(entry, e);
  });
  const wasm = outputs.get('out.wasm');
  const map = outputs.get('out.wasm.map');
  return {
    wasm: wasm instanceof Uint8Array ? withoutSourceMappingUrl(wasm) : undefined,
    map: typeof map === 'string' ? canonicalSourceMap(map) : undefined,
    error: result.error ?? null,
    stderr: stderr.join(''),
    read,
  };
}

/**
 * `--sourceMap` makes Binaryen append a `sourceMappingURL` custom section after the module; the
 * module bytes are pinned (goldens, users' records), so it is cut off: what is left is byte for
 * byte the module built without the flag.
 */
function withoutSourceMappingUrl(wasm: Uint8Array): Uint8Array {
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++]!;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[at++]!;
      size += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    const end = at + size;
    if (id === 0 && end === wasm.length) {
      const nameLength = wasm[at]!; // "sourceMappingURL" is 16 bytes: a one-byte LEB128
      if (new TextDecoder().decode(wasm.subarray(at + 1, at + 1 + nameLength)) === 'sourceMappingURL') return wasm.subarray(0, start);
    }
    at = end;
  }
  return wasm;
}

/** Only what maps code to source: the source texts are in the build's sources, the URL root is asc's output name. */
function canonicalSourceMap(json: string): string {
  const m = JSON.parse(json) as { version: number; sources: string[]; names?: string[]; mappings: string };
  return JSON.stringify({ version: m.version, sources: m.sources, names: m.names ?? [], mappings: m.mappings });
}

/**
 * Builds with the ABI's flags; `flags` replaces them (conformance tests build at other levels and runtimes).
 * Module bytes do not depend on where the files sit: AssemblyScript embeds the paths it is given
 * (function names, abort messages), so every path reaches it relative to the deepest folder that
 * holds all the files the build reads — found by building once, and again if the first guess
 * (the entry's grandparent: strategies-as/x.ts beside guest-sdk/) was not that folder.
 */
export async function buildStrategy(entry: string, flags: readonly string[] = ASC_FLAGS, options: BuildOptions = {}): Promise<BuildResult> {
  const entryAbs = path.resolve(entry);
  const confine = options.confine ? path.resolve(options.confine) : undefined;
  let entryText: string;
  try {
    entryText = await readFile(entryAbs, 'utf8');
  } catch (e) {
    throw new BuildError('BUILD_FAILED', `cannot read strategy source ${entry}: ${(e as Error).message}`, { cause: e });
  }
  let root = path.dirname(path.dirname(entryAbs));
  if (confine && path.relative(confine, root).startsWith('..')) root = confine;
  let c = await compileAt(entryAbs, root, flags, confine);
  for (let pass = 0; pass < 2 && c.wasm; pass++) {
    const common = commonFolder([entryAbs, ...c.read.keys()]);
    if (common === root) break;
    root = common;
    c = await compileAt(entryAbs, root, flags, confine);
  }
  if (c.error || !c.wasm) throw new BuildError('BUILD_FAILED', `asc failed to compile ${entry}:\n${c.stderr.trim() || c.error?.message}`);
  const relOf = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  c.read.set(entryAbs, entryText);
  const paths = [...c.read.keys()].filter((p) => p !== entryAbs).map(relOf).sort();
  const sources: SourceFile[] = [];
  for (const p of [relOf(entryAbs), ...paths]) {
    const text = c.read.get(path.join(root, ...p.split('/')))!;
    sources.push({ path: p, sha256: hex(text), normalizedSha256: hex(await normalizeSource(text, p)), text });
  }
  return { wasm: new Uint8Array(c.wasm), sources, ascVersion: ascVersion(), flags, ...(c.map ? { sourceMap: c.map } : {}) };
}
