/**
 * @module component/stamp
 * A built module's provenance stamp (docs/WIT.md, "Provenance"): what built it, in its `producers`
 * custom section, the tool conventions' place for it, written by jco's metadataAdd at
 * `backproof build` and read back by the sandbox's strict reader of the section, the one every
 * reader of it uses (sandbox/instrument/producers; verify loads no jco):
 *
 *   language      AssemblyScript           <asc version>
 *   processed-by  backproof                <Backproof version>
 *                 backproof-asc-flags      <asc flags, joined by one space>
 *                 backproof-sources        sha256:<hex> (sourcesDigest)
 *   sdk           backproof-guest-sdk      sha256:<hex> (the toolchain link's `sdk`)
 *
 * metadataAdd appends the section after every other, so the code's byte offsets (the trace's, the
 * source map's) are those of the module asc made.
 */
import { createHash } from 'node:crypto';
import { producersOf, type ProducerFields } from '../sandbox/instrument/producers.ts';
import { jcoTools } from './jco.ts';

export interface Provenance {
  assemblyscript: string;
  backproof: string;
  ascFlags: readonly string[];
  /** sha256:<hex> over the sources (sourcesDigest). */
  sources: string;
  /** sha256:<hex> over the guest SDK's files (run/toolchain sdkDigest). */
  sdk: string;
}

export { producersOf };

/**
 * "sha256:" + hex SHA-256 over the sources in build order (entry first, then by path), each as its
 * path in UTF-8, a 0x00 byte, and the 32 bytes of its SHA-256: the record's StrategyLink.sources
 * give the same digest.
 */
export function sourcesDigest(sources: readonly { path: string; sha256: string | Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const s of sources) h.update(s.path).update(new Uint8Array(1)).update(typeof s.sha256 === 'string' ? Buffer.from(s.sha256, 'hex') : s.sha256);
  return `sha256:${h.digest('hex')}`;
}

function fieldsOf(p: Provenance): ProducerFields {
  return [
    ['language', [['AssemblyScript', p.assemblyscript]]],
    ['processed-by', [['backproof', p.backproof], ['backproof-asc-flags', p.ascFlags.join(' ')], ['backproof-sources', p.sources]]],
    ['sdk', [['backproof-guest-sdk', p.sdk]]],
  ];
}

/** The module with its stamp (jco metadataAdd): the same bytes, a producers section after them. */
export async function stampProvenance(wasm: Uint8Array, p: Provenance): Promise<Uint8Array> {
  return (await jcoTools()).metadataAdd(wasm, fieldsOf(p));
}

/**
 * The module's Backproof stamp, or null when it has none (a module asc made for a run, or built
 * elsewhere). The section is read by the sandbox's strict reader (instrument/producers): a module
 * with two producers sections, or one that breaks the tool conventions, is WASM_MALFORMED here too.
 */
export function provenanceOf(wasm: Uint8Array, fields: ProducerFields = producersOf(wasm)): Provenance | null {
  const get = (field: string, name: string) => fields.find(([f]) => f === field)?.[1].find(([n]) => n === name)?.[1];
  const sources = get('processed-by', 'backproof-sources');
  if (sources === undefined) return null;
  return {
    assemblyscript: get('language', 'AssemblyScript') ?? '',
    backproof: get('processed-by', 'backproof') ?? '',
    ascFlags: (get('processed-by', 'backproof-asc-flags') ?? '').split(' ').filter((f) => f),
    sources,
    sdk: get('sdk', 'backproof-guest-sdk') ?? '',
  };
}

/**
 * How a stamp disagrees with a record's toolchain and strategy links, one line each (empty: agrees).
 * The sources are compared when the record lists them (a run from a .ts); a run from a .wasm lists
 * none, and the stamp's sources are then the module's own claim. The Backproof version is not
 * compared: a module runs under later versions.
 */
export function stampDisagreements(
  stamp: Provenance,
  toolchain: { assemblyscript?: unknown; ascFlags?: unknown; sdk?: unknown },
  sources: readonly { path: string; sha256: Uint8Array }[],
): string[] {
  const out: string[] = [];
  const flags = Array.isArray(toolchain.ascFlags) ? toolchain.ascFlags.join(' ') : '';
  if (stamp.assemblyscript !== String(toolchain.assemblyscript ?? '')) out.push(`AssemblyScript ${stamp.assemblyscript}, the toolchain link's ${String(toolchain.assemblyscript ?? '')}`);
  if (stamp.ascFlags.join(' ') !== flags) out.push(`asc flags "${stamp.ascFlags.join(' ')}", the toolchain link's "${flags}"`);
  if (stamp.sdk !== String(toolchain.sdk ?? '')) out.push(`guest SDK ${stamp.sdk}, the toolchain link's ${String(toolchain.sdk ?? '')}`);
  if (sources.length > 0 && stamp.sources !== sourcesDigest(sources)) out.push(`sources ${stamp.sources}, the strategy link's sources give ${sourcesDigest(sources)}`);
  return out;
}
