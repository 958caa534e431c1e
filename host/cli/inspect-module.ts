/**
 * @module cli/inspect-module
 * `backproof inspect <module.wasm>`: a strategy module as WAT with our byte offsets beside each
 * instruction (jco's printer; the offsets the trace, faults and proofs name), and its provenance
 * stamp as jco's metadataShow reads it (host/component). Not host/inspect, which reads run folders.
 */
import { readFile } from 'node:fs/promises';
import { boundMapBeside, EXIT, jcoTools, locatorOf, provenanceOf, UsageError, watWithOffsets, type Provenance } from '../index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import type { CommandSpec } from './command.ts';

/** A component's preamble: magic, then version 0x0d layer 1 (a core module has version 1, layer 0). */
const isComponent = (b: Uint8Array) => b.length >= 8 && b[4] === 0x0d && b[6] === 0x01;

export const inspectCmd: CommandSpec = {
  name: 'inspect',
  summary: 'print a strategy module as WAT with the byte offsets the trace uses, and its provenance stamp',
  usage: '<module.wasm> [--provenance]',
  about: `Prints the module's size and SHA-256, its producers section (jco metadataShow): for a module
written by backproof build, the provenance stamp (asc's version and flags, the sources' and the guest
SDK's hashes; verify checks it against a run's record: docs/WIT.md), then the module as WAT (jco
print) with the byte offset of each instruction in the module in the left column, the offsets a
trace, a fault, a proof and "backproof trace" name, and, where the source map beside the module
(bound by its .build.json) gives one, the source position after an instruction (";; file.ts:line:col",
when it changes). A component is refused: give its core module.`,
  options: [{ name: 'provenance', type: 'boolean', help: 'only the size, hash and provenance: no WAT' }],
  positionals: 1,
  examples: ['backproof inspect strategies-as/sma-cross.wasm', 'backproof inspect strategies-as/sma-cross.wasm --provenance --json'],
  exits: [0, [2, 'usage, the file is missing or is a component'], [4, 'the file is not a valid wasm module']],
  schema: 'inspect@1',
  async run({ values, positionals, text }) {
    const file = positionals[0];
    if (!file) throw new UsageError('USAGE', 'inspect needs a module: backproof inspect <module.wasm>');
    let wasm: Uint8Array;
    try {
      wasm = new Uint8Array(await readFile(file));
    } catch (e) {
      throw new UsageError('USAGE', `${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
    }
    if (isComponent(wasm)) throw new UsageError('USAGE', `${file} is a WebAssembly component; inspect takes a core module (backproof build writes it beside the component)`);
    // Our decoder first: a file that is not a module is a typed error (WASM_MALFORMED, exit 4) before jco sees it.
    // The source map `backproof build` wrote beside it, when its .build.json binds it to these bytes.
    const locate = values.provenance ? null : locatorOf(wasm, await boundMapBeside(file, wasm));
    const wat = values.provenance ? undefined : await watWithOffsets(wasm, file, locate);
    const shown = await (await jcoTools()).metadataShow(wasm);
    const producers = (shown[0]?.producers ?? []).map(([field, values]) => ({ field, values: values.map(([name, version]) => ({ name, version })) }));
    const provenance: Provenance | null = provenanceOf(wasm);
    const hash = toHex(sha256(wasm));
    text.log(`module        ${file} (${wasm.length} bytes, sha256 ${hash})`);
    if (producers.length === 0) text.log('producers     none (no provenance stamp)');
    for (const p of producers) text.log(`${p.field.padEnd(14)}${p.values.map((v) => `${v.name} ${v.version}`).join(', ')}`);
    if (producers.length > 0 && provenance === null) text.log('provenance    none (the producers section has no backproof-sources entry)');
    if (wat !== undefined) text.log(`\n${wat.trimEnd()}`);
    return { exit: EXIT.ok, json: { file, size: wasm.length, sha256: hash, producers, provenance, ...(wat !== undefined ? { wat } : {}) } };
  },
};
