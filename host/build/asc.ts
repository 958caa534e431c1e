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
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { BuildError } from '../errors.ts';
import { packageRoot } from '../paths.ts';
import { ABSENT_LOCK, projectLock, type ProjectLock } from './project.ts';

/** Flags every strategy is built with. Part of the build record. */
export const ASC_FLAGS = ['-O3', '--runtime', 'incremental', '--exportStart', 'init', '--debug', '--noColors'] as const;

export interface SourceFile {
  /**
   * Its name in the build and in a run folder's sources/, forward slashes: a file the strategy reaches by
   * relative imports is named relative to the strategy root (the deepest folder holding the entry and every
   * such file), a file of a package imported by name as `node_modules/<package>/<path>` (docs/AUDIT.md).
   */
  path: string;
  sha256: string;
  normalizedSha256: string;
  /** The source text as compiled. */
  text: string;
}

export interface BuildResult {
  wasm: Uint8Array;
  /** The entry file first, then every other non-stdlib file asc compiled, sorted by path. */
  sources: SourceFile[];
  ascVersion: string;
  flags: readonly string[];
  /**
   * asc's source map (Source Map v3 JSON) of `wasm`: sources are the paths above (and `~lib/...`),
   * no sourceRoot, no sourcesContent, so it depends on nothing but the module. Absent when asc made none.
   */
  sourceMap?: string;
  /** The strategy project's lockfile (build/project), for the toolchain link; absent for a rebuild from a run folder. */
  lock: ProjectLock;
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
  /**
   * Told every file the build asked for, by absolute path, with its text, or null when there was none
   * (asc probes several places for a package): what the build depends on (run/strategy's build cache).
   */
  onRead?: (file: string, text: string | null) => void;
}

/** The deepest folder holding every one of `files` (absolute paths). */
function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]!);
  for (const f of files) while (path.relative(common, f).startsWith('..')) common = path.dirname(common);
  return common;
}

/** How SDK imports are written; a strategy that imports it any other way is told this. */
export const SDK_IMPORT = 'import { Strategy, Bar, param, run } from "backproof/guest-sdk"';
export const SDK_ABI_EXPORT = 'export * from "backproof/guest-sdk/abi"';

/**
 * The last place asc looks for a package imported by name (a `--path` entry): the running
 * Backproof's own guest SDK, for `backproof/...` only, so a strategy with no node_modules/backproof
 * around it (the repository, a global install) still builds. A name no folder can have.
 */
const OWN_PACKAGE = '\0backproof-installation';
const ownSdkFile = (rel: string): string | null => {
  const parts = rel.split(/[\\/]/);
  return parts[0] === OWN_PACKAGE && parts[1] === 'node_modules' && parts[2] === 'backproof' ? path.join(fileURLToPath(packageRoot), ...parts.slice(3)) : null;
};

/** How many folders up the entry's relative imports reach ("../../x" is 2): the first guess of the strategy root. */
function importDepth(text: string): number {
  let depth = 0;
  for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*["']((?:\.\.\/)+)/g)) depth = Math.max(depth, m[1]!.length / 3);
  return depth;
}

interface Missing {
  /** The importing source's name, as asc has it. */
  source: string;
  line: number;
  column: number;
  specifier: string;
}

interface Compiled {
  wasm: Uint8Array | undefined;
  map: string | undefined;
  error: Error | null;
  stderr: string;
  /** The sources asc parsed, stdlib left out: asc's name (relative to the root, or `~lib/<package>/<path>`) → text. */
  parsed: Map<string, string>;
  /** Imports asc found no file for (TS6054). */
  missing: Missing[];
}

/**
 * asc itself threw (e.g. RangeError: Maximum call stack size exceeded in emitBinary on a function
 * with thousands of locals): the strategy cannot be built, a build error rather than an internal one.
 */
export function compilerCrash(entry: string, e: unknown): BuildError {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new BuildError('BUILD_FAILED', `asc crashed compiling ${entry}: ${what}`, { cause: e });
}

/**
 * One asc run with every path it sees relative to `root`. Packages imported by name are looked up as
 * asc does (node_modules/<package>/<path>.ts or <path>/index.ts, from `root` upwards), then in the
 * node_modules folders between the entry and `root`, then (unless confined) in the running Backproof.
 */
async function compileAt(entry: string, root: string, flags: readonly string[], confine: string | undefined, onRead: BuildOptions['onRead']): Promise<Compiled> {
  const asc = (await import('assemblyscript/asc')).default;
  const read = new Map<string, string>();
  const outputs = new Map<string, Uint8Array | string>();
  const stderr: string[] = [];
  const parsed = new Map<string, string>();
  const diagnostics: { start: number; end: number; source: string; message: string }[] = [];
  const rel = path.relative(root, entry).split(path.sep).join('/');
  const searchPath: string[] = [];
  for (let d = path.dirname(entry); d !== root && !path.relative(root, d).startsWith('..'); d = path.dirname(d))
    searchPath.push('--path', path.relative(root, path.join(d, 'node_modules')));
  if (!confine) searchPath.push('--path', path.join(OWN_PACKAGE, 'node_modules'));
  const stdlib = asc.libraryFiles as Record<string, string>;
  // asc.main reports compile errors in its result, but a crash inside asc is thrown (below).
  const result = await asc.main([rel, ...flags, '--outFile', 'out.wasm', '--sourceMap', ...searchPath], {
    readFile: async (filename: string, baseDir: string) => {
      if (filename === 'asconfig.json') return null; // the flags are the ABI's, never a project file's
      const own = ownSdkFile(path.join(baseDir, filename));
      const full = own ?? path.resolve(root, baseDir, filename);
      if (confine && path.relative(confine, full).startsWith('..')) return null;
      try {
        const text = await readFile(full, 'utf8');
        read.set(path.join(baseDir, filename), text);
        onRead?.(full, text);
        return text;
      } catch {
        onRead?.(full, null);
        return null;
      }
    },
    writeFile: (name: string, contents: Uint8Array | string) => {
      outputs.set(name, contents);
    },
    listFiles: () => [],
    stdout: { write: () => true } as never,
    stderr: { write: (s: string | Uint8Array) => (stderr.push(String(s)), true) } as never,
    reportDiagnostic: (d: { code: number; message: string; range: { start: number; end: number; source: { normalizedPath: string } | null } | null }) => {
      if (d.code === 6054 && d.range?.source) diagnostics.push({ start: d.range.start, end: d.range.end, source: d.range.source.normalizedPath, message: d.message });
    },
    // The parsed sources, as asc names them (its own classification of package and relative files).
    transforms: [{
      afterParse(parser: { sources: { normalizedPath: string; text: string }[] }) {
        for (const s of parser.sources) {
          const p = s.normalizedPath;
          if (p.startsWith('~lib/') && Object.hasOwn(stdlib, p.slice(5).replace(/\.ts$/, ''))) continue;
          parsed.set(p, s.text);
        }
      },
    } as never],
  }).catch((e: unknown) => {
    throw compilerCrash(entry, e);
  });
  const missing = diagnostics.map((d): Missing => {
    const text = read.get(path.normalize(d.source)) ?? '';
    const before = text.slice(0, d.start).split('\n');
    return { source: d.source, line: before.length, column: before.at(-1)!.length + 1, specifier: text.slice(d.start, d.end).replace(/^["'`]|["'`]$/g, '') };
  });
  const wasm = outputs.get('out.wasm');
  const map = outputs.get('out.wasm.map');
  return {
    wasm: wasm instanceof Uint8Array ? withoutSourceMappingUrl(wasm) : undefined,
    map: typeof map === 'string' ? canonicalSourceMap(map) : undefined,
    error: result.error ?? null,
    stderr: stderr.join(''),
    parsed,
    missing,
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

/** A source's name in sources/: asc's `~lib/<package>/<path>` is the package's file `node_modules/<package>/<path>`. */
const sourceName = (ascName: string): string => (ascName.startsWith('~lib/') ? `node_modules/${ascName.slice(5)}` : ascName);

/** An import of the SDK asc found no file for: where it is and what to write instead. */
function sdkImportError(entry: string, root: string, c: Compiled): BuildError | null {
  const wrong = c.missing.find((m) => /backproof|guest-sdk/.test(m.specifier));
  if (!wrong) return null;
  const abs = wrong.source.startsWith('~lib/') ? wrong.source : path.resolve(root, wrong.source);
  const file = path.resolve(entry) === abs ? entry : wrong.source.startsWith('~lib/') ? sourceName(wrong.source) : path.relative(process.cwd(), abs) || abs;
  return new BuildError('BUILD_FAILED',
    `${file}:${wrong.line}:${wrong.column}: no Backproof SDK at "${wrong.specifier}": import it by its package name, ` +
    `\`${SDK_IMPORT}\` (and \`${SDK_ABI_EXPORT}\` for the ABI exports)\n${c.stderr.trim()}`);
}

/**
 * Builds with the ABI's flags; `flags` replaces them (conformance tests build at other levels and runtimes).
 * Module bytes do not depend on where the files sit: AssemblyScript embeds the names it is given
 * (function names, abort messages), so files reached by relative imports are named relative to the
 * strategy root — the deepest folder holding the entry and all of them, guessed from the entry's
 * own imports ("../x" from strategies-as/ is the folder above) and built again only if a deeper
 * import proves the guess wrong — and asc names a package's files `~lib/<package>/<path>` wherever
 * its node_modules is.
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
  let root = path.dirname(entryAbs);
  for (let up = importDepth(entryText); up > 0; up--) root = path.dirname(root);
  if (confine && path.relative(confine, root).startsWith('..')) root = confine;
  options.onRead?.(entryAbs, entryText);
  let c = await compileAt(entryAbs, root, flags, confine, options.onRead);
  for (let pass = 0; pass < 2 && c.wasm; pass++) {
    const own = [...c.parsed.keys()].filter((p) => !p.startsWith('~lib/')).map((p) => path.resolve(root, p));
    const common = commonFolder([entryAbs, ...own]);
    if (common === root) break;
    root = common;
    c = await compileAt(entryAbs, root, flags, confine, options.onRead);
  }
  if (c.error || !c.wasm) throw sdkImportError(entry, root, c) ?? new BuildError('BUILD_FAILED', `asc failed to compile ${entry}:\n${c.stderr.trim() || c.error?.message}`);
  const entryName = path.relative(root, entryAbs).split(path.sep).join('/');
  const texts = new Map<string, string>();
  for (const [ascName, text] of c.parsed) {
    const name = sourceName(ascName);
    if (texts.has(name) && texts.get(name) !== text) throw new BuildError('BUILD_FAILED', `two different files of the build are both named ${name} (one imported by a relative path, one by package name)`);
    texts.set(name, text);
  }
  texts.set(entryName, entryText);
  const sources: SourceFile[] = [];
  for (const p of [entryName, ...[...texts.keys()].filter((p) => p !== entryName).sort()]) {
    const text = texts.get(p)!;
    sources.push({ path: p, sha256: hex(text), normalizedSha256: hex(await normalizeSource(text, p)), text });
  }
  const lock = confine ? ABSENT_LOCK : projectLock(entryAbs);
  return { wasm: new Uint8Array(c.wasm), sources, ascVersion: ascVersion(), flags, ...(c.map ? { sourceMap: c.map } : {}), lock };
}
