/**
 * @module sandbox/instrument/passes/depth
 * Call depth. Every function increments the i32 global `__bp_depth` on entry and decrements it on
 * every exit (its body is wrapped in a block with the function's result type, so branches to the
 * function label exit through the decrement; each `return` decrements first). Past `maxCallDepth`
 * the host's `stack_exhausted(function)` throws — a deterministic limit, never V8's own RangeError.
 */
import type { Writer } from '../bytes.ts';
import type { CodeContext, FunctionState } from '../context.ts';

/** On entry: depth += 1; if (depth > max) stack_exhausted(func). */
export function enterFunction(w: Writer, ctx: CodeContext, fn: FunctionState): void {
  w.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x6a).u8(0x24).u32(ctx.globalDepth);
  w.u8(0x23).u32(ctx.globalDepth).u8(0x41).s32(ctx.maxCallDepth).u8(0x4b);
  w.u8(0x04).u8(0x40).u8(0x41).s32(fn.funcIndex).u8(0x10).u32(ctx.funcStack).u8(0x0b);
}

/** The block (of the function's result type) the body runs in, so that every exit leaves through `leaveFunction`. */
export function openFunctionBlock(w: Writer, ctx: CodeContext, results: readonly number[]): void {
  w.u8(0x02);
  if (results.length === 0) w.u8(0x40);
  else if (results.length === 1) w.u8(results[0]!);
  else w.s32(ctx.types.indexOf([], [...results]));
}

/** On every exit (a `return`, and the end of the wrapping block): depth -= 1. */
export function leaveFunction(w: Writer, ctx: CodeContext): void {
  w.u8(0x23).u32(ctx.globalDepth).u8(0x41).u8(1).u8(0x6b).u8(0x24).u32(ctx.globalDepth);
}
