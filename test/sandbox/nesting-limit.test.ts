// The block nesting cap (sandbox/instrument/nesting, docs/TRACE.md "Limits"): V8 compiles deep
// nesting with memory that grows with the depth, and 20,000 nested blocks end the whole process
// ("Fatal process out of memory: Zone") even uninstrumented. The sandbox and `build` refuse a
// function nested deeper than MAX_BLOCK_NESTING with MODULE_LIMIT before V8 compiles it.
import { describe, expect, it } from 'vitest';
import { compileGuest, GuestInstance, DEFAULT_SANDBOX, type SandboxConfig } from '../../host/sandbox/index.ts';
import { MAX_BLOCK_NESTING } from '../../host/sandbox/instrument/nesting.ts';
import { Writer } from '../../host/sandbox/instrument/bytes.ts';
import { checkBuild } from '../../host/build/check.ts';
import { stubHost } from '../helpers/host.ts';

const INNER = [0x41, 0, 0x41, 7, 0x36, 2, 0]; // i32.store (address 0) 7

/** on_bar as `depth` nested blocks around one store; `offsetOf(j)` is the byte offset of block j (0-based). */
function nested(depth: number): { wasm: Uint8Array; offsetOf: (j: number) => number } {
  const section = (w: Writer, id: number, payload: Writer) => w.u8(id).sized(payload);
  const out = new Writer().bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  section(out, 1, new Writer().u32(1).u8(0x60).u32(6).u8(0x7e).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u8(0x7c).u32(0));
  section(out, 3, new Writer().u32(1).u32(0));
  section(out, 5, new Writer().u32(1).u8(0).u32(1));
  section(out, 7, new Writer().u32(2).name('on_bar').u8(0).u32(0).name('memory').u8(2).u32(0));
  const body = new Writer().u32(0);
  for (let k = 0; k < depth; k++) body.u8(0x02).u8(0x40);
  body.bytes(new Uint8Array(INNER));
  for (let k = 0; k <= depth; k++) body.u8(0x0b);
  section(out, 10, new Writer().u32(1).sized(body));
  const wasm = out.toBytes();
  const tail = INNER.length + depth + 1;
  return { wasm, offsetOf: (j) => wasm.length - tail - 2 * (depth - j) };
}

const config = (mode: SandboxConfig['mode']): SandboxConfig => ({ ...DEFAULT_SANDBOX, hashing: 'inline', mode });

describe('block nesting limit', () => {
  it('is 4096: twice what asc -O3 makes of a 2,000-case switch (2,002 deep)', () => {
    expect(MAX_BLOCK_NESTING).toBe(4096);
  });

  it('runs a function nested exactly at the limit, in every mode', () => {
    const { wasm } = nested(MAX_BLOCK_NESTING);
    for (const mode of ['none', 'fuel', 'trace'] as const) {
      const inst = new GuestInstance(compileGuest(wasm, config(mode)), stubHost(), config(mode));
      inst.onBar(1n, 1, 2, 0.5, 1.5, 100);
      // Every block, every end (the function's too), the 3 instructions of the store.
      expect(inst.finish().instructions).toBe(mode === 'none' ? 0n : BigInt(2 * MAX_BLOCK_NESTING + 4));
    }
  });

  it('refuses one block deeper with MODULE_LIMIT naming the function, the offset and the limit', () => {
    const { wasm, offsetOf } = nested(MAX_BLOCK_NESTING + 1);
    for (const mode of ['none', 'fuel', 'trace'] as const)
      expect(() => compileGuest(wasm, config(mode))).toThrow(expect.objectContaining({
        code: 'MODULE_LIMIT',
        message: `function 0, byte offset ${offsetOf(MAX_BLOCK_NESTING)}: block nesting depth 4097 > limit 4096`,
      }));
  });

  it('refuses the red team\'s 20,000-deep module cleanly instead of crashing the process, and so does build', () => {
    const { wasm, offsetOf } = nested(20_000);
    const message = `function 0, byte offset ${offsetOf(MAX_BLOCK_NESTING)}: block nesting depth 20000 > limit 4096`;
    for (const mode of ['none', 'fuel', 'trace'] as const)
      expect(() => compileGuest(wasm, config(mode))).toThrow(expect.objectContaining({ code: 'MODULE_LIMIT', message }));
    // build refuses it as its own failure (exit 6), with the sandbox's reason and what to change
    expect(() => checkBuild({ wasm, sources: [{ path: 'strategy.ts', text: '' }] })).toThrow(expect.objectContaining({
      code: 'BUILD_FAILED',
      message: `strategy.ts: ${message}; hint: keep the module within the sandbox's limits (docs/TRACE.md, "Other limits"): split a function that is too large or too deeply nested (a very large switch)`,
    }));
  });
});
