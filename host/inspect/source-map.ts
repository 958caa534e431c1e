/**
 * @module inspect/source-map
 * Source positions for an inspector's byte offsets (trace, diff, replay's divergence). A run folder
 * keeps its sources, not a source map (every file in it is bound by the record); the map is made
 * again by rebuilding sources/ in-process under the recorded asc flags, and used only when the
 * rebuilt module is byte for byte the recorded one — then it maps exactly the bytes that ran.
 */
import path from 'node:path';
import { BuildError } from '../errors.ts';
import { buildStrategy } from '../build/asc.ts';
import { locatorOf } from '../run/source-map.ts';
import { FILES } from '../run/rundir.ts';
import { toolchainDifferences } from '../run/toolchain.ts';
import { equalBytes, sha256 } from '../../traces/index.ts';
import type { RecordedRun } from './reexecute.ts';

export interface RecordedSources {
  /** `file.ts:line:col` of a byte offset of the recorded module, or null; absent when no map could be had. */
  locate: ((offset: number) => string | null) | null;
  /** Why there are no source positions, when there are none. */
  note: string | null;
}

const none = (note: string): RecordedSources => ({ locate: null, note: `no source positions: ${note}` });

export async function recordedSources(run: RecordedRun): Promise<RecordedSources> {
  const sources = (run.record.bodies.strategy.sources as { path: string }[] | undefined) ?? [];
  if (sources.length === 0) return none('the run was made from a .wasm, so it has no sources');
  const toolchain = run.record.bodies.toolchain;
  if (toolchainDifferences(toolchain).some((d) => d.startsWith('assemblyscript:'))) return none('the run was built by another asc version');
  const root = path.join(run.dir, FILES.sources);
  let built;
  try {
    built = await buildStrategy(path.join(root, ...sources[0]!.path.split('/')), (toolchain.ascFlags as string[]) ?? [], { confine: root });
  } catch (e) {
    if (e instanceof BuildError) return none(`the recorded sources do not build (${e.message.split('\n')[0]})`);
    throw e;
  }
  if (!equalBytes(sha256(built.wasm), sha256(run.wasm))) return none(`the module rebuilt from ${FILES.sources}/ is not the recorded one`);
  // `near` positions too, marked so: compiler-made code (a stack-pointer update) is most of a trace's instructions.
  const locate = locatorOf(run.wasm, built.sourceMap, true);
  return locate ? { locate, note: null } : none('asc made no source map');
}
