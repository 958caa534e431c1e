/**
 * @module cli/inspect-module
 * `backproof inspect <module.wasm>`: a strategy module as WAT with our byte offsets beside each
 * instruction (jco's printer; the offsets the trace, faults and proofs name), and its provenance
 * stamp as every other reader reads it: the sandbox's strict reader of the producers section, which
 * verify and backtest use (sandbox/instrument/producers). Not host/inspect, which reads run folders.
 */
import { readFile } from 'node:fs/promises';
import { boundMapBeside, EXIT, locatorOf, producersOf, provenanceOf, SandboxError, UsageError, watWithOffsets, type Provenance } from '../index.ts';
import { sha256, toHex } from '../../traces/index.ts';
import type { CommandSpec } from './command.ts';

/** A component's preamble: magic, then version 0x0d layer 1 (a core module has version 1, layer 0). */
const isComponent = (b: Uint8Array) => b.length >= 8 && b[4] === 0x0d && b[6] === 0x01;

export const inspectCmd: CommandSpec = {
  name: 'inspect',
  summary: 'print a strategy module as WAT with the byte offsets the trace uses, and its provenance stamp',
  usage: '<module.wasm> [--provenance]',
  about: `Prints the module's size and SHA-256, its producers section (read as verify reads it): for a module
written by backproof build, the provenance stamp (asc's version and flags, the sources' and the guest
SDK's hashes; verify checks it against a run's record: docs/WIT.md), then the module as WAT (jco
print) with the byte offset of each instruction in the module in the left column, the offsets a
trace, a fault, a proof and "backproof trace" name, and, where the source map beside the module
(bound by its .build.json) gives one, the source position after an instruction (";; file.ts:line:col",
when it changes). A component is refused: give its core module. A producers section that breaks the tool conventions
(two sections, an unknown or repeated field, a repeated name, a count past its end, trailing bytes),
which build, backtest, verify and serve refuse too, is a WASM_MALFORMED error (exit 4) naming the
problem and its byte offset, given after the WAT.`,
  options: [{ name: 'provenance', type: 'boolean', help: 'only the size, hash and provenance: no WAT' }],
  positionals: 1,
  examples: ['backproof inspect strategies-as/sma-cross.wasm', 'backproof inspect strategies-as/sma-cross.wasm --provenance --json'],
  exits: [0, [2, 'usage, the file is missing or is a component'], [4, 'the file is not a valid wasm module, or its producers section is malformed']],
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
    // The producers section through the one strict reader verify and backtest use: a section it refuses
    // (two sections, an unknown field, a count past the end…) is this command's error, WASM_MALFORMED (exit 4),
    // given after the WAT when the rest of the module decodes, so the auditor still sees the code.
    let fields: ReturnType<typeof producersOf> = [];
    let refused: SandboxError | null = null;
    try {
      fields = producersOf(wasm);
    } catch (e) {
      if (!(e instanceof SandboxError)) throw e;
      refused = e;
    }
    let wat: string | undefined;
    if (!values.provenance) {
      try {
        // Our decoder first: a file that is not a module is a typed error (WASM_MALFORMED, exit 4) before jco sees it.
        // The source map `backproof build` wrote beside it, when its .build.json binds it to these bytes.
        const locate = refused === null ? locatorOf(wasm, await boundMapBeside(file, wasm)) : null;
        wat = await watWithOffsets(wasm, file, locate);
      } catch (e) {
        if (refused === null) throw e;
      }
    }
    if (refused !== null && wat === undefined) throw refused; // (--provenance, or the code does not decode either: the error alone)
    const producers = fields.map(([field, values]) => ({ field, values: values.map(([name, version]) => ({ name, version })) }));
    const provenance: Provenance | null = refused === null ? provenanceOf(wasm, fields) : null;
    const hash = toHex(sha256(wasm));
    text.log(`module        ${file} (${wasm.length} bytes, sha256 ${hash})`);
    if (refused !== null) text.log(`producers     refused: ${refused.message}`);
    else if (producers.length === 0) text.log('producers     none (no provenance stamp)');
    for (const p of producers) text.log(`${p.field.padEnd(14)}${p.values.map((v) => `${v.name} ${v.version}`).join(', ')}`);
    if (producers.length > 0 && provenance === null) text.log('provenance    none (the producers section has no backproof-sources entry)');
    if (wat !== undefined) text.log(`\n${wat.trimEnd()}`);
    if (refused !== null) throw refused;
    return { exit: EXIT.ok, json: { file, size: wasm.length, sha256: hash, producers, provenance, ...(wat !== undefined ? { wat } : {}) } };
  },
};
