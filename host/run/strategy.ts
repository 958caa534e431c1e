/**
 * @module run/strategy
 * Turns what the user named (an AssemblyScript file or a built .wasm) into a StrategyArtifact, with
 * the lockfile of the project it sits in (build/project) for the toolchain link. A .ts is built
 * through the build cache (build/cache): an unchanged strategy is not compiled again, and what the
 * cache gives is byte for byte what asc gives. verify --rebuild never reads the cache (inspect/verify
 * calls asc itself). A build the cache does not hold runs on a thread of its own (run/worker), ended
 * after it: AssemblyScript and Binaryen leave ~200 MB behind them, which the process then does not
 * keep, and the caller's thread is free meanwhile (backtest reads the data).
 */
import { readFile } from 'node:fs/promises';
import { ASC_FLAGS, buildStrategy, type BuildResult } from '../build/asc.ts';
import { cachedBuild, cacheRoot } from '../build/cache.ts';
import { checkBuild } from '../build/check.ts';
import { projectLock } from '../build/project.ts';
import { UsageError } from '../errors.ts';
import type { StrategyArtifact } from './execute.ts';
import { boundMapBeside } from './source-map.ts';
import { backproofVersion } from './toolchain.ts';
import { inGuestThread } from './worker.ts';

/** A build as it crosses from its thread: the result and every file it read (build/asc onRead). */
interface ThreadBuild {
  build: BuildResult;
  reads: [string, string | null][];
}

/** The build thread's side of loadStrategy. */
export async function buildJob(file: string): Promise<ThreadBuild> {
  const reads: [string, string | null][] = [];
  const build = await buildStrategy(file, ASC_FLAGS, { onRead: (f, text) => reads.push([f, text]) });
  return { build, reads };
}

/** buildStrategy on a thread of its own; the files it read are told to `onRead` here. */
async function buildOnThread(file: string, onRead: (file: string, text: string | null) => void): Promise<BuildResult> {
  const { build, reads } = await inGuestThread<ThreadBuild>(import.meta.url, 'buildJob', file, { ownThread: true });
  for (const [f, text] of reads) onRead(f, text);
  return build;
}

export async function loadStrategy(file: string): Promise<StrategyArtifact> {
  if (file.endsWith('.wasm')) {
    try {
      const wasm = new Uint8Array(await readFile(file));
      const sourceMap = await boundMapBeside(file, wasm);
      return { wasm, sources: [], ...(sourceMap !== undefined ? { sourceMap } : {}), lock: projectLock(file) };
    } catch (e) {
      throw new UsageError('USAGE', `cannot read strategy module ${file}: ${(e as NodeJS.ErrnoException).code}`, { cause: e });
    }
  }
  if (!file.endsWith('.ts')) throw new UsageError('USAGE', `--strategy must be an AssemblyScript .ts file or a .wasm module, got ${file}`);
  // What the sandbox would refuse fails here, as at `backproof build` (exit 6, with a hint); only a build that passes is cached.
  const built = await cachedBuild(cacheRoot(), file, backproofVersion(), ASC_FLAGS, (onRead) => buildOnThread(file, onRead), checkBuild);
  return { wasm: built.wasm, sources: built.sources, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), lock: projectLock(file) };
}
