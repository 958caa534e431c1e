/**
 * @module sandbox/instrument/passes/limits
 * Limits. The guest memory's maximum is forced to `maxMemoryPages` (growth past it returns -1);
 * tables likewise to `maxTableElements`; a module that starts above either is refused. V8's own
 * limits on what the instrumentation adds (globals, exports, a function's locals and bytes) are
 * checked here too, so a module past them gets a clear MODULE_LIMIT rather than V8's compile error.
 */
import { Writer } from '../bytes.ts';
import { SandboxError } from '../../../errors.ts';
import type { WasmModule } from '../module.ts';

/** V8's limit on a module's globals: past it (2 per predictor slot) the predictors stay in the trace memory. */
export const MAX_GLOBALS = 1_000_000;
/** V8's limit on a module's exports: version 7's `__bp_predictors` is one more than version 6 has. */
export const MAX_EXPORTS = 1_000_000;
/** V8's limits on one function: its locals (parameters included) and its body's bytes (local declarations included). */
export const MAX_FUNCTION_LOCALS = 50_000;
export const MAX_FUNCTION_BYTES = 7_654_321;

/** Refuses a module whose tables start above `maxElements`. */
export function checkTables(m: WasmModule, maxElements: number): void {
  for (const t of m.tables)
    if (t.limits.min > maxElements)
      throw new SandboxError('MEMORY_LIMIT', `a table needs ${t.limits.min} elements at start; the limit is ${maxElements}`);
}

export function tableSection(m: WasmModule, maxElements: number): Writer {
  const w = new Writer();
  w.u32(m.tables.length);
  for (const t of m.tables) {
    const max = t.limits.max === null ? maxElements : Math.min(t.limits.max, maxElements);
    w.u8(t.refType).u8(0x01).u32(t.limits.min).u32(max);
  }
  return w;
}

/** The guest's memories capped at `maxPages`, then the trace memory (`tracePages`, fixed) and the bar memory (one page), when added. */
export function memorySection(m: WasmModule, maxPages: number, trace: boolean, tracePages: number, barMemory: boolean): Writer | null {
  const w = new Writer();
  const count = m.memories.length + (trace ? 1 : 0) + (barMemory ? 1 : 0);
  if (count === 0) return null;
  w.u32(count);
  for (const lim of m.memories) {
    if (lim.min > maxPages)
      throw new SandboxError('MEMORY_LIMIT', `the module needs ${lim.min} memory pages at start; the limit is ${maxPages}`);
    const max = lim.max === null ? maxPages : Math.min(lim.max, maxPages);
    w.u8(0x01).u32(lim.min).u32(max);
  }
  if (trace) w.u8(0x01).u32(tracePages).u32(tracePages);
  if (barMemory) w.u8(0x01).u32(1).u32(1);
  return w;
}
