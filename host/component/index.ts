/**
 * @module component
 * The strategy contract as WIT (guest-sdk/strategy.wit, docs/WIT.md): what `backproof build` does
 * after asc — the module stamped with its provenance and checked against the world by componentizing
 * it — and what `backproof inspect` shows. jco is loaded only when one of these runs.
 */
import { componentOf } from './world.ts';
import { sourcesDigest, stampProvenance } from './stamp.ts';

export { componentOf, strategyWit, WIT_FILE } from './world.ts';
export { adaptToWorld, witName, coreName, WIT_PACKAGE, WIT_WORLD, INTERFACE_OF } from './adapt.ts';
export { stampProvenance, provenanceOf, producersOf, sourcesDigest, stampDisagreements, type Provenance } from './stamp.ts';
export { watWithOffsets, instructionOffsets } from './wat.ts';
export { jcoTools, jcoTranspiler } from './jco.ts';
export { componentImports, type ComponentImports } from './host.ts';

/** What a build's stamp says of the toolchain: the toolchain link's fields of the same names (run/toolchain). */
export interface BuildToolchain {
  assemblyscript: string;
  backproof: string;
  ascFlags: readonly string[];
  sdk: string;
}

/**
 * A module as `backproof build` writes it: asc's bytes with the provenance stamp after them, checked
 * against the world (BuildError naming what does not fit), and the component of it.
 */
export async function stampedBuild(wasm: Uint8Array, sources: readonly { path: string; sha256: string }[], toolchain: BuildToolchain, entry: string): Promise<{ wasm: Uint8Array; component: Uint8Array }> {
  const stamped = await stampProvenance(wasm, { ...toolchain, sources: sourcesDigest(sources) });
  return { wasm: stamped, component: await componentOf(stamped, entry) };
}
