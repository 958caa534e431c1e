/**
 * @module sandbox/instrument/sections
 * The scaffold's module level: the sections the instrumentation rewrites (imports, functions,
 * globals, exports, elements: every function reference renumbered past the added imports) and the
 * assembly of the output, every other section copied as it was, in the order the spec requires.
 */
import { Reader, Writer } from './bytes.ts';
import { decode, Kind, unsupported } from './opcodes.ts';
import { SectionId, type WasmModule } from './module.ts';
import { I32, I64, lebSize, type V5Context } from './context.ts';
import {
  EXPORT_BAR_MEMORY, EXPORT_BAR_TRAMPOLINE, EXPORT_BITS, EXPORT_BIT_SLOT, EXPORT_BULK, EXPORT_DEPTH, EXPORT_FUEL, EXPORT_GLOBAL_PREFIX,
  EXPORT_PREDICTORS, EXPORT_RESERVE, EXPORT_TP, EXPORT_TRACE_MEMORY, HOST_MODULE,
} from './versions.ts';

const SECTION_ORDER = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11];

/** The module's imports, then the host's: out_of_fuel, stack_exhausted [, flush] (all (i32) → ()). */
export function importSection(m: WasmModule, typeHost: number, trace: boolean): Writer {
  const w = new Writer();
  w.u32(m.imports.length + (trace ? 3 : 2));
  const s = m.sections.find((x) => x.id === SectionId.import);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    r.u32();
    w.bytes(m.bytes.subarray(r.pos, s.end));
  }
  w.name(HOST_MODULE).name('out_of_fuel').u8(0).u32(typeHost);
  w.name(HOST_MODULE).name('stack_exhausted').u8(0).u32(typeHost);
  if (trace) w.name(HOST_MODULE).name('flush').u8(0).u32(typeHost);
  return w;
}

/** The function section with the added functions (the bar trampoline, format 5's helper) of types `added`. */
export function functionSection(m: WasmModule, added: readonly number[]): Writer {
  const w = new Writer();
  w.u32(m.funcTypes.length + added.length);
  for (const t of m.funcTypes) w.u32(t);
  for (const t of added) w.u32(t);
  return w;
}

/** Copies a constant expression, renumbering ref.func. */
function constExpr(r: Reader, w: Writer, remap: (f: number) => number): void {
  for (;;) {
    const ins = decode(r);
    if (ins.func !== undefined) {
      w.bytes(r.bytes.subarray(ins.start, ins.funcAt!)).u32(remap(ins.func));
    } else {
      w.bytes(r.bytes.subarray(ins.start, ins.end));
    }
    if (ins.kind === Kind.end) return;
  }
}

export function globalSection(m: WasmModule, remap: (f: number) => number, v5: boolean, predictorGlobals: number): Writer {
  const w = new Writer();
  w.u32(m.definedGlobals + (v5 ? 8 : 5) + predictorGlobals);
  const s = m.sections.find((x) => x.id === SectionId.global);
  if (s) {
    const r = new Reader(m.bytes, s.start, s.end);
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      w.u8(r.u8()).u8(r.u8()); // value type, mutability
      constExpr(r, w, remap);
    }
  }
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_fuel
  w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_tp (unused without trace; keeps indices fixed)
  w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_depth
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_bulk
  w.u8(I64).u8(1).u8(0x42).u8(0).u8(0x0b); // __bp_reserve
  if (v5) {
    w.u8(I32).u8(1).u8(0x41).u8(1).u8(0x0b); // __bp_bits: the accumulator, empty (marker only)
    w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // __bp_bitslot
    w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b); // the call_indirect flag
  }
  for (let i = 0; i < predictorGlobals; i++) w.u8(I32).u8(1).u8(0x41).u8(0).u8(0x0b);
  return w;
}

export function exportSection(
  m: WasmModule,
  remap: (f: number) => number,
  x: { globalFuel: number; globalTp: number; globalDepth: number; globalBulk: number; globalReserve: number; traceMem: number; trace: boolean; startName: string | null; barFunc: number | null; barMem: number; v5: V5Context | null; predictorSpill: number | null },
): Writer {
  const w = new Writer();
  const snapshotGlobals = m.globalTypes.map((g, i) => ({ ...g, index: m.importedGlobals + i })).filter(isSnapshotGlobal);
  w.u32(exportCount(m, { trace: x.trace, v5: x.v5 !== null, convertStart: x.startName !== null, bar: x.barFunc !== null, predictorSpill: x.predictorSpill !== null }));
  for (const g of snapshotGlobals) w.name(`${EXPORT_GLOBAL_PREFIX}${g.index}`).u8(3).u32(g.index);
  for (const e of m.exports) w.name(e.name).u8(e.kind).u32(e.kind === 0 ? remap(e.index) : e.index);
  if (x.startName !== null) w.name(x.startName).u8(0).u32(remap(m.start!));
  if (x.barFunc !== null) w.name(EXPORT_BAR_TRAMPOLINE).u8(0).u32(x.barFunc).name(EXPORT_BAR_MEMORY).u8(2).u32(x.barMem);
  w.name(EXPORT_FUEL).u8(3).u32(x.globalFuel);
  w.name(EXPORT_BULK).u8(3).u32(x.globalBulk);
  w.name(EXPORT_DEPTH).u8(3).u32(x.globalDepth);
  w.name(EXPORT_RESERVE).u8(3).u32(x.globalReserve);
  if (x.trace) {
    w.name(EXPORT_TP).u8(3).u32(x.globalTp);
    w.name(EXPORT_TRACE_MEMORY).u8(2).u32(x.traceMem);
  }
  if (x.v5) w.name(EXPORT_BITS).u8(3).u32(x.v5.globalAcc).name(EXPORT_BIT_SLOT).u8(3).u32(x.v5.globalSlot);
  if (x.predictorSpill !== null) w.name(EXPORT_PREDICTORS).u8(0).u32(x.predictorSpill);
  return w;
}

/** Mutable numeric globals, exported as `__bp_g<index>` for state snapshots. */
function isSnapshotGlobal(g: { type: number; mutable: boolean }): boolean {
  return g.mutable && g.type >= 0x7c && g.type <= 0x7f;
}

/** The instrumented module's exports: the module's, its snapshot globals and the added ones. */
export function exportCount(m: WasmModule, x: { trace: boolean; v5: boolean; convertStart: boolean; bar: boolean; predictorSpill: boolean }): number {
  const added = 4 + (x.trace ? 2 : 0) + (x.v5 ? 2 : 0) + (x.predictorSpill ? 1 : 0) + (x.convertStart ? 1 : 0) + (x.bar ? 2 : 0);
  return m.exports.length + m.globalTypes.filter(isSnapshotGlobal).length + added;
}

export function elementSection(m: WasmModule, remap: (f: number) => number): Writer {
  const s = m.sections.find((x) => x.id === SectionId.element)!;
  const r = new Reader(m.bytes, s.start, s.end);
  const w = new Writer();
  const n = r.u32();
  w.u32(n);
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    const flags = r.u32();
    w.u32(flags);
    if (flags > 7) throw unsupported(`element segment flags ${flags}`, at);
    const passiveOrDeclarative = (flags & 1) !== 0;
    const explicitTable = (flags & 2) !== 0;
    const usesExprs = (flags & 4) !== 0;
    if (!passiveOrDeclarative) {
      if (explicitTable) w.u32(r.u32());
      constExpr(r, w, remap);
    }
    if (passiveOrDeclarative || explicitTable) {
      const kindAt = r.pos;
      const kind = r.u8(); // elemkind (0x00) or reftype
      if (!usesExprs && kind !== 0x00) throw unsupported(`element kind 0x${kind.toString(16)}`, kindAt);
      w.u8(kind);
    }
    const count = r.u32();
    w.u32(count);
    for (let j = 0; j < count; j++) {
      if (usesExprs) constExpr(r, w, remap);
      else w.u32(remap(r.u32()));
    }
  }
  return w;
}

/**
 * The output module: the original's sections in order, each replaced one written from `replaced`
 * (null: dropped), the added ones where the spec's order puts them; the name section dropped
 * (function indices shifted; names travel in meta). Returns the bytes and where the code section's
 * payload starts (meta.instrumentedOffsets are relative to it).
 */
export function assemble(wasm: Uint8Array, m: WasmModule, replaced: Map<number, Writer | null>): { bytes: Uint8Array; codeAt: number } {
  const out = new Writer(wasm.length * 3);
  out.bytes(wasm.subarray(0, 8));
  const emitted = new Set<number>();
  let codeAt = 0;
  const emit = (id: number, payload: Writer | null): void => {
    emitted.add(id);
    if (payload === null) return;
    if (id === SectionId.code) codeAt = out.length + 1 + lebSize(payload.length);
    out.u8(id).sized(payload);
  };
  const emitSynthesizedBefore = (rank: number): void => {
    for (let i = 0; i < rank; i++) {
      const id = SECTION_ORDER[i]!;
      if (!emitted.has(id) && replaced.has(id)) emit(id, replaced.get(id)!);
    }
  };
  for (const s of m.sections) {
    if (s.id === SectionId.custom) {
      if (s.name === 'name') continue; // function indices shifted; names travel in meta
      out.u8(0).u32(s.end - s.start).bytes(wasm.subarray(s.start, s.end));
      continue;
    }
    const rank = SECTION_ORDER.indexOf(s.id);
    emitSynthesizedBefore(rank);
    if (replaced.has(s.id)) emit(s.id, replaced.get(s.id)!);
    else {
      emitted.add(s.id);
      out.u8(s.id).u32(s.end - s.start).bytes(wasm.subarray(s.start, s.end));
    }
  }
  emitSynthesizedBefore(SECTION_ORDER.length);
  return { bytes: out.toBytes(), codeAt };
}
