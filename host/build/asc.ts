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
  /** Path relative to the working directory, with forward slashes. */
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

/** Builds with the ABI's flags; `flags` replaces them (conformance tests build at other levels and runtimes). */
export async function buildStrategy(entry: string, flags: readonly string[] = ASC_FLAGS): Promise<BuildResult> {
  const asc = (await import('assemblyscript/asc')).default;
  const cwd = process.cwd();
  const rel = (p: string): string => path.relative(cwd, path.resolve(p)).split(path.sep).join('/');
  let entryText: string;
  try {
    entryText = await readFile(entry, 'utf8');
  } catch (e) {
    throw new BuildError('BUILD_FAILED', `cannot read strategy source ${entry}: ${(e as Error).message}`, { cause: e });
  }
  const read = new Map<string, string>();
  const outputs = new Map<string, Uint8Array | string>();
  const stderr: string[] = [];
  const result = await asc.main([rel(entry), ...flags, '--outFile', 'out.wasm'], {
    readFile: async (filename: string, baseDir: string) => {
      const full = path.resolve(baseDir, filename);
      try {
        const text = await readFile(full, 'utf8');
        read.set(rel(full), text);
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
  });
  const wasm = outputs.get('out.wasm');
  if (result.error || !(wasm instanceof Uint8Array))
    throw new BuildError('BUILD_FAILED', `asc failed to compile ${entry}:\n${stderr.join('').trim() || result.error?.message}`);
  const entryRel = rel(entry);
  read.set(entryRel, entryText);
  const paths = [...read.keys()].filter((p) => p !== entryRel).sort();
  const sources: SourceFile[] = [];
  for (const p of [entryRel, ...paths]) {
    const text = read.get(p)!;
    sources.push({ path: p, sha256: hex(text), normalizedSha256: hex(await normalizeSource(text, p)), text });
  }
  return { wasm: new Uint8Array(wasm), sources, ascVersion: ascVersion(), flags };
}
