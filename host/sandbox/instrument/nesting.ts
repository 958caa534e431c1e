/**
 * @module sandbox/instrument/nesting
 * The block nesting cap: V8 compiles a function's nested blocks with memory that grows with the
 * depth, and a deep enough function (≈ 10,000 blocks traced, 20,000 uninstrumented, Node 24's
 * optimizing tier) ends the whole process with "Fatal process out of memory: Zone", which no
 * worker thread contains. So every function is walked before V8 compiles it, and a module nested
 * deeper than MAX_BLOCK_NESTING is refused (docs/TRACE.md, "Limits").
 */
import { SandboxError } from '../../errors.ts';
import { Reader } from './bytes.ts';
import { decode, Kind } from './opcodes.ts';
import type { WasmModule } from './module.ts';

/**
 * Deepest block/loop/if nesting a function may have. asc -O3 nests a 2,000-case `switch` 2,002
 * deep; Node 24 compiles 5,000 traced (both tiers) and fails at 10,000.
 */
export const MAX_BLOCK_NESTING = 4096;

/** Throws MODULE_LIMIT, naming the function and the byte offset of the first block past the limit. */
export function checkNesting(m: WasmModule, limit = MAX_BLOCK_NESTING): void {
  for (let d = 0; d < m.bodies.length; d++) {
    const { start, end } = m.bodies[d]!;
    const r = new Reader(m.bytes, start, end);
    for (let n = r.u32(); n > 0; n--) {
      r.u32();
      r.u8();
    }
    let depth = 0, deepest = 0, firstPast = -1;
    while (r.pos < end) {
      const ins = decode(r);
      if (ins.kind === Kind.block || ins.kind === Kind.loop || ins.kind === Kind.if) {
        if (++depth > deepest) deepest = depth;
        if (depth > limit && firstPast < 0) firstPast = ins.start;
      } else if (ins.kind === Kind.end) depth--;
    }
    if (firstPast >= 0) {
      const f = m.importedFuncs + d;
      const name = m.names.get(f);
      throw new SandboxError('MODULE_LIMIT', `function ${f}${name ? ` (${name})` : ''}, byte offset ${firstPast}: block nesting depth ${deepest} > limit ${limit}`);
    }
  }
}
