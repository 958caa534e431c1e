/**
 * @module run/strategy
 * Turns what the user named (an AssemblyScript file or a built .wasm) into a StrategyArtifact.
 */
import { readFile } from 'node:fs/promises';
import { buildStrategy } from '../build/asc.ts';
import { UsageError } from '../errors.ts';
import type { StrategyArtifact } from './execute.ts';

export async function loadStrategy(file: string): Promise<StrategyArtifact> {
  if (file.endsWith('.wasm')) {
    try {
      return { wasm: new Uint8Array(await readFile(file)), sources: [] };
    } catch (e) {
      throw new UsageError('USAGE', `cannot read strategy module ${file}: ${(e as NodeJS.ErrnoException).code}`, { cause: e });
    }
  }
  if (!file.endsWith('.ts')) throw new UsageError('USAGE', `--strategy must be an AssemblyScript .ts file or a .wasm module, got ${file}`);
  const built = await buildStrategy(file);
  return { wasm: built.wasm, sources: built.sources };
}
