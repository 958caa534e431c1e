/**
 * @module sandbox/instrument/passes/nan
 * NaN canonicalisation. The result of every float operation that can produce a NaN (arithmetic,
 * sqrt, min/max, rounding, promote/demote) is replaced by the canonical quiet NaN when it is a NaN,
 * as wasmtime's `cranelift_nan_canonicalization` does, so no result depends on a NaN payload.
 */
import type { Writer } from '../bytes.ts';
import type { Instr } from '../opcodes.ts';
import { F32, F64, type CodeContext, type FunctionState } from '../context.ts';

const CANONICAL_NAN_F32 = new Uint8Array([0x00, 0x00, 0xc0, 0x7f]);
const CANONICAL_NAN_F64 = new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
// Float operations whose NaN results are canonicalized, by result type.
const NAN_F32 = new Set([0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xb6]);
const NAN_F64 = new Set([0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xbb]);

/** After the instruction: x on the stack becomes select(x, NaN, x == x). */
export function canonicalize(w: Writer, ctx: CodeContext, fn: FunctionState, ins: Instr): void {
  if (!ctx.canonicalizeNaN) return;
  if (NAN_F32.has(ins.op)) {
    w.u8(0x22).u32(fn.TMP[F32]!).u8(0x43).bytes(CANONICAL_NAN_F32);
    w.u8(0x20).u32(fn.TMP[F32]!).u8(0x20).u32(fn.TMP[F32]!).u8(0x5b).u8(0x1b);
  } else if (NAN_F64.has(ins.op)) {
    w.u8(0x22).u32(fn.TMP[F64]!).u8(0x44).bytes(CANONICAL_NAN_F64);
    w.u8(0x20).u32(fn.TMP[F64]!).u8(0x20).u32(fn.TMP[F64]!).u8(0x61).u8(0x1b);
  }
}
