/**
 * @module run/strategy
 * Turns what the user named (an AssemblyScript file or a built .wasm) into a StrategyArtifact, with
 * the lockfile of the project it sits in (build/project) for the toolchain link. A .ts is built
 * through the build cache (build/cache): an unchanged strategy is not compiled again, and what the
 * cache gives is byte for byte what asc gives. verify --rebuild never reads the cache (inspect/verify
 * calls asc itself). A build the cache does not hold runs in a process of its own (build/isolated):
 * AssemblyScript and Binaryen leave ~150 MB behind them, which this process then never holds, Binaryen
 * runs faster there (V8 options of its own), and the caller's thread is free meanwhile (backtest reads
 * the data).
 */
import { readFile } from 'node:fs/promises';
import { ASC_FLAGS, type BuildResult } from '../build/asc.ts';
import { cachedBuild, cacheRoot } from '../build/cache.ts';
import { checkBuild } from '../build/check.ts';
import { buildIsolated } from '../build/isolated.ts';
import { projectLock } from '../build/project.ts';
import { UsageError } from '../errors.ts';
import type { StrategyArtifact } from './execute.ts';
import { boundMapBeside } from './source-map.ts';
import { backproofVersion } from './toolchain.ts';

/** buildStrategy in a process of its own, `started` told once it runs; the files it read are told to `onRead` here. */
async function buildApart(file: string, onRead: (file: string, text: string | null) => void, started?: () => void): Promise<BuildResult> {
  const building = buildIsolated(file, ASC_FLAGS);
  started?.();
  const { build, reads } = await building;
  for (const [f, text] of reads) onRead(f, text);
  return build;
}

/**
 * The strategy `file` as an artifact. `buildStarted` is told when a build the cache does not hold
 * has started in its process: a caller with other work (backtest reads the data) waits for that, or
 * for the result, before doing it, so that both go on at once.
 */
export async function loadStrategy(file: string, buildStarted?: () => void): Promise<StrategyArtifact> {
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
  const built = await cachedBuild(cacheRoot(), file, backproofVersion(), ASC_FLAGS, (onRead) => buildApart(file, onRead, buildStarted), checkBuild);
  return { wasm: built.wasm, sources: built.sources, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), lock: projectLock(file) };
}
