/**
 * @module sandbox/instrument/passes/trampoline
 * The bar trampoline (InstrumentOptions.barTrampoline): a one-page memory the guest's code cannot
 * address (`__bp_bar`) and a function `__bp_on_bar()` that loads the bar from it and calls the
 * guest's on_bar. The host writes the bar with typed-array stores and calls with no arguments: no
 * BigInt for the i64 and no boxed doubles, so the per-bar call allocates nothing. It is host code:
 * not metered, traced or depth-counted, and the callee sees exactly the call the host would make.
 */
import { Writer } from '../bytes.ts';
import { F64, I64 } from '../context.ts';
import type { WasmModule } from '../module.ts';

/** The (original) index of the function the bar trampoline calls, or null when there is none to call. */
export function barTrampolineTarget(m: WasmModule, name: string | undefined): number | null {
  if (name === undefined) return null;
  const e = m.exports.find((x) => x.kind === 0 && x.name === name);
  if (!e) return null;
  const type = m.types[e.index < m.importedFuncs ? importedFuncType(m, e.index) : m.funcTypes[e.index - m.importedFuncs]!];
  const want = [I64, F64, F64, F64, F64, F64];
  if (!type || type.results.length !== 0 || type.params.length !== want.length || type.params.some((p, i) => p !== want[i])) return null;
  return e.index;
}

function importedFuncType(m: WasmModule, funcIndex: number): number {
  let seen = 0;
  for (const imp of m.imports) if (imp.kind === 'func' && seen++ === funcIndex) return imp.type!;
  return -1;
}

/** () → callee(i64 at 0, f64 at 8, 16, 24, 32, 40 of memory `mem`). */
export function barTrampolineBody(callee: number, mem: number): Writer {
  const w = new Writer();
  w.u32(0); // no locals
  w.u8(0x41).u8(0).u8(0x29).u32(3 | 0x40).u32(mem).u32(0); // i32.const 0; i64.load align=8 mem offset=0
  for (let off = 8; off <= 40; off += 8) w.u8(0x41).u8(0).u8(0x2b).u32(3 | 0x40).u32(mem).u32(off); // f64.load
  w.u8(0x10).u32(callee).u8(0x0b);
  return w;
}
