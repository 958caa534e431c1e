/**
 * @module run/strategy
 * Turns what the user named (an AssemblyScript file or a built .wasm) into a StrategyArtifact, with
 * the lockfile of the project it sits in (build/project) for the toolchain link. A .ts is built
 * through the build cache (build/cache): an unchanged strategy is not compiled again, and what the
 * cache gives is byte for byte what asc gives. verify --rebuild never reads the cache (inspect/verify
 * calls asc itself).
 */
import { readFile } from 'node:fs/promises';
import { ASC_FLAGS, buildStrategy } from '../build/asc.ts';
import { cachedBuild, cacheRoot } from '../build/cache.ts';
import { checkBuild } from '../build/check.ts';
import { projectLock } from '../build/project.ts';
import { UsageError } from '../errors.ts';
import type { StrategyArtifact } from './execute.ts';
import { boundMapBeside } from './source-map.ts';
import { backproofVersion } from './toolchain.ts';

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
  const built = await cachedBuild(cacheRoot(), file, backproofVersion(), ASC_FLAGS, (onRead) => buildStrategy(file, ASC_FLAGS, { onRead }), checkBuild);
  return { wasm: built.wasm, sources: built.sources, ...(built.sourceMap !== undefined ? { sourceMap: built.sourceMap } : {}), lock: projectLock(file) };
}
